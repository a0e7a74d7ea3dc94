// Settlement of a campaign's deposits: the class of every enrollment, the decisions people take on them, the
// refunds marked as paid, and the ledger; mirrors packages/server/src/settlement/schema.ts.
import { request } from './client';
import type { MemberNo } from './types';

export type SettlementClass = 'eligible' | 'borderline' | 'not_eligible';
export const SETTLEMENT_CLASSES: SettlementClass[] = ['eligible', 'borderline', 'not_eligible'];
export type SettlementDecision = 'refund' | 'forfeit';

type StaffName = { id: number; name: string } | null;

export interface SettlementRow {
  enrollmentId: number;
  status: 'active' | 'cancelled';
  cancelledAt: string | null;
  member: { memberNo: MemberNo; nickname: string; phone: string | null };
  paidCents: number;
  /** What a refund decision gives back: the deposit part of what was paid (all of it when there is no deposit). */
  refundDueCents: number;
  countedForRefund: number;
  /** countedForRefund + graceDays: what the class is judged on. */
  days: number;
  short: number;
  class: SettlementClass;
  decision: SettlementDecision | null;
  decisionClass: SettlementClass | null;
  decisionDays: number | null;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: StaffName;
  /** A decision exists and the class changed since it was taken: look again. */
  stale: boolean;
  refundCents: number | null;
  refundedAt: string | null;
  refundReference: string | null;
  refundedBy: StaffName;
}

export interface SettlementSummary {
  enrollments: number;
  eligible: number;
  borderline: number;
  notEligible: number;
  decidedRefund: number;
  decidedForfeit: number;
  undecided: number;
  stale: number;
  refunded: number;
  cancelled: number;
}

export interface SettlementLedger {
  collectedCents: number;
  refundedCents: number;
  forfeitedCents: number;
  pendingCents: number;
  netCents: number;
  awaitingRefundCents: number;
}

export interface Settlement {
  campaign: { id: number; key: string; name: string; startsOn: string; endsOn: string; timezone: string; depositCents: number };
  /** Today (campaign zone) is after endsOn: decisions are accepted; before that the classes are a preview. */
  open: boolean;
  opensOn: string;
  rules: { daysRequiredForRefund: number; graceDays: number; borderlineDays: number };
  summary: SettlementSummary;
  ledger: SettlementLedger;
  /** What each number means (English, the source of truth); the console shows it beside the numbers. */
  definitions: Record<string, string>;
  /** Active enrollments, by member number. */
  items: SettlementRow[];
  /** Cancelled enrollments: no class counts, but what they paid is in the ledger and may be decided. */
  cancelled: SettlementRow[];
}

export interface DecisionResult {
  changed: number;
  unchanged: number;
  /** Rows a decision by class left alone, and why (settlement.unpaid, .already_refunded, .already_decided). */
  skipped: Array<{ enrollmentId: number; memberNo: MemberNo; code: string; message: string }>;
  items: SettlementRow[];
}

export type DecisionTarget = { enrollmentIds: number[] } | { class: SettlementClass };

export const settlementApi = {
  get: (campaignId: number) => request<Settlement>('GET', `/campaigns/${campaignId}/settlement`),
  decide: (campaignId: number, target: DecisionTarget, decision: SettlementDecision, reason?: string) =>
    request<DecisionResult>('POST', `/campaigns/${campaignId}/settlement/decisions`, { body: { ...target, decision, ...(reason ? { reason } : {}) } }),
  markRefunded: (enrollmentId: number, input: { amountCents: number; refundedAt?: string; reference: string }) =>
    request<SettlementRow>('POST', `/enrollments/${enrollmentId}/refund`, { body: input }),
  refundsXlsxUrl: (campaignId: number) => `/api/v1/campaigns/${campaignId}/settlement/refunds.xlsx`,
};
