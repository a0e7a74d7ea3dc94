// Enrollments of a campaign (报名) with their payments, as staff see and manage them (docs/api-campaign-run.md,
// staff API). Payments are recorded, not processed: by hand, from a bank/provider file, or by a signed notice.
import { request } from './client';
import type { MemberNo, Page } from './types';

export type EnrollmentStatus = 'active' | 'cancelled';
export type PaymentStatus = 'unpaid' | 'partial' | 'paid' | 'free';
export const PAYMENT_STATUSES: PaymentStatus[] = ['unpaid', 'partial', 'paid', 'free'];

export interface EnrollmentProgress {
  counted: number;
  countedForRefund: number;
  requiredForRefund: number;
  completed: boolean;
  streak: number;
}

export interface Enrollment {
  id: number;
  campaignId: number;
  member: { id: number; memberNo: MemberNo; nickname: string; phone: string | null };
  channel: { id: number; name: string } | null;
  group: { id: number; name: string } | null;
  /** 'signup' (member pages) or 'staff' (console/API). */
  source: string;
  status: EnrollmentStatus;
  amountDueCents: number;
  paidCents: number;
  paymentStatus: PaymentStatus;
  /** When the amount due was fully paid. */
  paidAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  progress: EnrollmentProgress;
  createdAt: string;
  updatedAt: string;
}

export interface EnrollmentFilter {
  q?: string;
  payment?: PaymentStatus;
  status?: EnrollmentStatus;
}

export interface PaymentInput {
  amountCents: number;
  paidAt?: string;
  reference?: string;
}

export interface PaymentResult {
  /** 'duplicate': a payment with this reference was recorded before; nothing changed. */
  status: 'applied' | 'duplicate';
  payment: { id: number; amountCents: number; paidAt: string; reference: string | null; source: string };
  enrollment: Enrollment;
}

export interface PaymentImportReport {
  applied: number;
  /** Rows whose reference was already recorded (a file sent twice applies once). */
  duplicates: number;
  rejected: Array<{ row: number; field: string; reason: string }>;
}

export interface WebhookSecret {
  /** Shown once. */
  secret: string;
  url: string;
  header: string;
}

export const enrollmentsApi = {
  list: (campaignId: number, filter: EnrollmentFilter, cursor: string | null, limit = 50) =>
    request<Page<Enrollment>>('GET', `/campaigns/${campaignId}/enrollments`, { query: { q: filter.q?.trim(), payment: filter.payment, status: filter.status, cursor, limit } }),
  /** `created: false`: the member was already enrolled; nothing changed. */
  enroll: (campaignId: number, memberNo: MemberNo, channelId?: number) =>
    request<{ enrollment: Enrollment; created: boolean }>('POST', `/campaigns/${campaignId}/enrollments`, { body: channelId ? { memberNo, channelId } : { memberNo } }),
  cancel: (id: number, reason: string) => request<Enrollment>('POST', `/enrollments/${id}/cancel`, { body: { reason } }),
  recordPayment: (id: number, input: PaymentInput) => request<PaymentResult>('POST', `/enrollments/${id}/payments`, { body: input }),
  importPayments: (campaignId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<PaymentImportReport>('POST', `/campaigns/${campaignId}/payments/import`, { form });
  },
  /** Creates or replaces the workspace's payment-notice secret; the answer is the only time it is shown. */
  rotateWebhookSecret: () => request<WebhookSecret>('POST', '/payments/webhook-secret', { body: {} }),
};
