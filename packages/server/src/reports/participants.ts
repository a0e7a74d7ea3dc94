// The building blocks several reports share: a campaign's participants (members with an active enrollment) as a
// subquery, and the SQL form of "this check-in counts" (checkins/progress.ts `counts`, which it must mirror).
import { sql, type ExpressionBuilder } from 'kysely';
import type { CheckinRules } from '../campaigns/rules.js';
import type { DB } from '../db/schema.js';
import type { ReportScope } from './types.js';

/** `select member_id from enrollments` of the campaign's active enrollments. */
export function participantIds(scope: ReportScope, campaignId: number) {
  return scope.db.selectFrom('enrollments').select('enrollments.member_id')
    .where('enrollments.workspace_id', '=', scope.workspaceId).where('enrollments.campaign_id', '=', campaignId).where('enrollments.status', '=', 'active');
}

/**
 * A check-in that counts (progress.ts `counts`): within the campaign's days, not rejected, and a make-up only once
 * approved when the policy needs approval.
 */
export function countedCheckin(eb: ExpressionBuilder<DB, 'checkins'>, rules: Pick<CheckinRules, 'daysTotal' | 'makeup'>) {
  const conditions = [
    eb('checkins.day_index', '>=', 1),
    eb('checkins.day_index', '<=', rules.daysTotal),
    eb('checkins.review_status', '<>', 'rejected'),
  ];
  if (rules.makeup.needsApproval) conditions.push(eb.or([eb('checkins.makeup', '=', 0), eb('checkins.review_status', '=', 'approved')]));
  return eb.and(conditions);
}

/** Normalises a count that PostgreSQL returns as a string. */
export const n = (value: unknown): number => Number(value ?? 0);

export const countAll = sql<number>`count(*)`;
