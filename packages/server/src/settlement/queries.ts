// Settlement reads and writes: a campaign's enrollments with their member, check-in facts and payments, and the
// conditional updates that record a decision or a refund. Every query starts at the workspace fence.
import type { Updateable } from 'kysely';
import type { Scoped } from '../db/scoped.js';
import type { EnrollmentsTable } from '../db/schema.js';

/** Enrollments of a campaign (all, or the given ids) with member and the names of who decided and refunded. */
export function enrollmentRows(s: Scoped, campaignId: number, ids?: readonly number[]) {
  let q = s.selectFrom('enrollments')
    .innerJoin('members', 'members.id', 'enrollments.member_id')
    .leftJoin('staff as decider', 'decider.id', 'enrollments.settled_by')
    .leftJoin('staff as refunder', 'refunder.id', 'enrollments.refunded_by')
    .select([
      'enrollments.id', 'enrollments.member_id', 'enrollments.status', 'enrollments.cancelled_at', 'enrollments.paid_cents',
      'enrollments.settlement_decision', 'enrollments.settlement_class', 'enrollments.settlement_days',
      'enrollments.settlement_reason', 'enrollments.settled_by', 'enrollments.settled_at',
      'enrollments.refund_cents', 'enrollments.refunded_at', 'enrollments.refund_ref', 'enrollments.refunded_by',
      'members.member_no', 'members.nickname', 'members.phone',
      'decider.display_name as decider_name', 'refunder.display_name as refunder_name',
    ])
    .where('enrollments.campaign_id', '=', campaignId);
  if (ids) q = q.where('enrollments.id', 'in', ids);
  return q.orderBy('members.member_no').orderBy('enrollments.id').execute();
}
export type EnrollmentRow = Awaited<ReturnType<typeof enrollmentRows>>[number];

/** The facts progress is computed from, for every check-in of the campaign (or of the given enrollments). */
export function checkinFacts(s: Scoped, campaignId: number, enrollmentIds?: readonly number[]) {
  let q = s.selectFrom('checkins')
    .select(['enrollment_id', 'day_index', 'makeup', 'review_status', 'flags'])
    .where('campaign_id', '=', campaignId);
  if (enrollmentIds) q = q.where('enrollment_id', 'in', enrollmentIds);
  return q.execute();
}

/** Σ of the payments recorded for the campaign's enrollments (active or cancelled). */
export async function collectedCents(s: Scoped, campaignId: number): Promise<number> {
  const row = await s.selectFrom('payments')
    .innerJoin('enrollments', 'enrollments.id', 'payments.enrollment_id')
    .select((e) => e.fn.sum<number | string | null>('payments.amount_cents').as('total'))
    .where('enrollments.campaign_id', '=', campaignId)
    .executeTakeFirst();
  // PostgreSQL returns sums as strings (bigint), and null over no rows.
  return Number(row?.total ?? 0);
}

/** The enrollment of this workspace with its campaign, for a refund mark. */
export function findEnrollment(s: Scoped, id: number) {
  return s.selectFrom('enrollments')
    .select(['id', 'campaign_id', 'member_id', 'paid_cents', 'settlement_decision', 'refund_cents', 'refunded_at', 'refund_ref'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records one decision on these enrollments, unless one of them was refunded meanwhile: returns the rows written. */
export async function writeDecision(s: Scoped, ids: readonly number[], set: Updateable<EnrollmentsTable>): Promise<number> {
  const result = await s.updateTable('enrollments').set(set)
    .where('id', 'in', ids)
    .where('refunded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks a refund when the decision is still refund and nothing is refunded yet: returns whether it was written. */
export async function writeRefund(s: Scoped, id: number, set: Updateable<EnrollmentsTable>): Promise<boolean> {
  const result = await s.updateTable('enrollments').set(set)
    .where('id', '=', id)
    .where('settlement_decision', '=', 'refund')
    .where('refunded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
