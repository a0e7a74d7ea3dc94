// Enrollment rows as the API shows them: to staff (member, channel, group, payment, progress) and to the member.
import { campaignDay, type CheckinRules } from '../campaigns/rules.js';
import { progressOf, type CheckinFacts } from '../checkins/progress.js';
import type { Scoped } from '../db/scoped.js';
import type { CheckinFlag } from '../db/schema.js';
import * as q from './queries.js';
import { paymentStatusOf, type EnrollmentOut, type MemberEnrollment, type PaymentOut } from './schema.js';

/** The campaign facts progress is computed against. */
export interface ProgressClock {
  startsOn: string;
  endsOn: string;
  timezone: string;
  rules: CheckinRules;
}

type Progress = EnrollmentOut['progress'];

/** Each enrollment's progress, by enrollment id, from its check-ins as they stand now. */
export async function progressByEnrollment(s: Scoped, ids: number[], campaign: ProgressClock, now: Date): Promise<Map<number, Progress>> {
  const byEnrollment = new Map<number, CheckinFacts[]>(ids.map((id) => [id, []]));
  for (const f of await q.checkinFacts(s, ids)) {
    byEnrollment.get(f.enrollment_id)?.push({ dayIndex: f.day_index, makeup: Number(f.makeup) === 1, reviewStatus: f.review_status, flags: JSON.parse(f.flags) as CheckinFlag[] });
  }
  const today = campaignDay(campaign, now).dayIndex;
  const out = new Map<number, Progress>();
  for (const [id, checkins] of byEnrollment) {
    const p = progressOf(checkins, campaign.rules, today);
    out.set(id, { counted: p.counted, countedForRefund: p.countedForRefund, requiredForRefund: p.requiredForRefund, completed: p.completed, streak: p.streak });
  }
  return out;
}

export function toEnrollmentOut(row: q.EnrollmentViewRow, progress: Progress): EnrollmentOut {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    member: { id: row.member_id, memberNo: row.member_no, nickname: row.nickname, phone: row.phone },
    channel: row.channel_id !== null ? { id: row.channel_id, name: row.channel_name ?? '' } : null,
    group: row.group_id !== null ? { id: row.group_id, name: row.group_name ?? '' } : null,
    source: row.source,
    status: row.status,
    amountDueCents: row.amount_due_cents,
    paidCents: row.paid_cents,
    paymentStatus: paymentStatusOf(row.amount_due_cents, row.paid_cents),
    paidAt: row.paid_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    progress,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMemberEnrollment(row: q.EnrollmentRow, campaignKey: string): MemberEnrollment {
  return {
    id: row.id, campaignKey, status: row.status, amountDueCents: row.amount_due_cents, paidCents: row.paid_cents,
    paymentStatus: paymentStatusOf(row.amount_due_cents, row.paid_cents), createdAt: row.created_at,
  };
}

export function toPaymentOut(row: { id: number; enrollment_id: number; amount_cents: number; paid_at: string; reference: string | null; source: string; created_at: string }): PaymentOut {
  return { id: row.id, enrollmentId: row.enrollment_id, amountCents: row.amount_cents, paidAt: row.paid_at, reference: row.reference, source: row.source, createdAt: row.created_at };
}
