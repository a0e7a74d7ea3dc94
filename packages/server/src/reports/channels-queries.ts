// The channels report's queries: each aggregates in SQL over the whole workspace (or one campaign) and returns a
// row per channel, or per channel and campaign — never a row per enrollment.
import { sql } from 'kysely';
import type { CheckinRules } from '../campaigns/rules.js';
import { countAll, countedCheckin, n } from './participants.js';
import type { ReportScope } from './types.js';

const CHUNK = 1000;

/** Visits and distinct visitors per channel, all time. */
export async function visitsByChannel(scope: ReportScope): Promise<Map<number, { visits: number; unique: number }>> {
  const rows = await scope.db.selectFrom('channel_visits')
    .select((eb) => ['channel_id', countAll.as('visits'), eb.fn.count<number>('visitor').distinct().as('unique_visitors')])
    .where('workspace_id', '=', scope.workspaceId).groupBy('channel_id').execute();
  return new Map(rows.map((r) => [r.channel_id, { visits: n(r.visits), unique: n(r.unique_visitors) }]));
}

export interface SignupRow {
  channelId: number;
  campaignId: number;
  signups: number;
  paid: number;
  paidCents: number;
  refundedCents: number;
  reenrolled: number;
}

/**
 * Active enrollments made through a channel, per channel and campaign: how many, how many paid anything, the money
 * in and refunded, and how many of their members have an active enrollment made before `now` in a campaign that
 * starts after theirs (a second query, so that PostgreSQL can run the EXISTS as a semi-join).
 */
export async function signupsByChannel(scope: ReportScope, campaignId: number | null, now: string): Promise<SignupRow[]> {
  const ws = scope.workspaceId;
  const signups = () => {
    const query = scope.db.selectFrom('enrollments')
      .where('enrollments.workspace_id', '=', ws).where('enrollments.status', '=', 'active').where('enrollments.channel_id', 'is not', null);
    return campaignId === null ? query : query.where('enrollments.campaign_id', '=', campaignId);
  };
  const rows = await signups()
    .select([
      'enrollments.channel_id', 'enrollments.campaign_id', countAll.as('signups'),
      sql<number>`sum(case when enrollments.paid_cents > 0 then 1 else 0 end)`.as('paid'),
      sql<number>`sum(enrollments.paid_cents)`.as('paid_cents'),
      sql<number>`sum(case when enrollments.refunded_at is not null then coalesce(enrollments.refund_cents, 0) else 0 end)`.as('refunded_cents'),
    ])
    .groupBy(['enrollments.channel_id', 'enrollments.campaign_id']).execute();
  const reenrolled = await signups().innerJoin('campaigns', 'campaigns.id', 'enrollments.campaign_id')
    .select(['enrollments.channel_id', 'enrollments.campaign_id', countAll.as('n')])
    .where(({ exists, selectFrom }) => exists(
      selectFrom('enrollments as later').innerJoin('campaigns as later_campaign', 'later_campaign.id', 'later.campaign_id')
        .select('later.id')
        .where('later.workspace_id', '=', ws).whereRef('later.member_id', '=', 'enrollments.member_id')
        .where('later.status', '=', 'active').where('later.created_at', '<', now)
        .whereRef('later_campaign.starts_on', '>', 'campaigns.starts_on'),
    ))
    .groupBy(['enrollments.channel_id', 'enrollments.campaign_id']).execute();
  const back = new Map(reenrolled.map((r) => [`${r.channel_id}|${r.campaign_id}`, n(r.n)]));
  return rows.map((r) => ({
    channelId: r.channel_id!, campaignId: r.campaign_id, signups: n(r.signups), paid: n(r.paid), paidCents: n(r.paid_cents),
    refundedCents: n(r.refunded_cents), reenrolled: back.get(`${r.channel_id}|${r.campaign_id}`) ?? 0,
  }));
}

/**
 * Signups per channel whose counted check-in days reach their campaign's daysRequiredForCompletion (as on the member
 * pages: checkins/progress.ts `counts`, in SQL by `countedCheckin`). Campaigns that count alike (same days, make-up
 * approval and requirement) share a query, so the number of queries is the number of distinct rules, not campaigns.
 * A requirement of 0 is met by every signup, check-ins or not: the caller counts those from the signups.
 */
export async function metRequirementByChannel(scope: ReportScope, campaigns: ReadonlyMap<number, CheckinRules>): Promise<Map<number, number>> {
  const alike = new Map<string, { rules: CheckinRules; ids: number[] }>();
  for (const [id, rules] of campaigns) {
    if (rules.daysRequiredForCompletion <= 0) continue;
    const key = `${rules.daysTotal}|${rules.makeup.needsApproval}|${rules.daysRequiredForCompletion}`;
    let entry = alike.get(key);
    if (!entry) alike.set(key, (entry = { rules, ids: [] }));
    entry.ids.push(id);
  }
  const out = new Map<number, number>();
  for (const { rules, ids } of alike.values()) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const met = scope.db.selectFrom('checkins').innerJoin('enrollments', 'enrollments.id', 'checkins.enrollment_id')
        .select(['checkins.enrollment_id', 'enrollments.channel_id'])
        .where('checkins.workspace_id', '=', scope.workspaceId).where('checkins.campaign_id', 'in', part)
        // Both sides name the campaigns, so PostgreSQL can also reach enrollments by their campaign index.
        .where('enrollments.workspace_id', '=', scope.workspaceId).where('enrollments.campaign_id', 'in', part)
        .where('enrollments.status', '=', 'active').where('enrollments.channel_id', 'is not', null)
        .where((eb) => countedCheckin(eb, rules))
        .groupBy(['checkins.enrollment_id', 'enrollments.channel_id']).having(countAll, '>=', rules.daysRequiredForCompletion);
      const rows = await scope.db.selectFrom(met.as('met')).select(['met.channel_id', countAll.as('n')]).groupBy('met.channel_id').execute();
      for (const r of rows) out.set(r.channel_id!, (out.get(r.channel_id!) ?? 0) + n(r.n));
    }
  }
  return out;
}

export interface LeaveCounts {
  /** Memberships that began at least 7 days ago. */
  began: number;
  /** Of those, memberships that ended within 7 days of beginning. */
  left: number;
}

/**
 * Per channel, the group memberships of its signups in their campaign's groups (a member merged into the signup's
 * member counts as them) that began by `cutoff` (7 days before now), and how many of those ended within 7 days.
 */
export async function leavesByChannel(scope: ReportScope, campaignId: number | null, cutoff: string): Promise<Map<number, LeaveCounts>> {
  const WEEK_MS = 7 * 86_400_000;
  let base = scope.db.selectFrom('chat_groups')
    .innerJoin('group_memberships', 'group_memberships.group_id', 'chat_groups.id')
    .innerJoin('members', 'members.id', 'group_memberships.member_id')
    .innerJoin('enrollments', (join) => join.onRef('enrollments.campaign_id', '=', 'chat_groups.campaign_id')
      .on((eb) => eb('enrollments.member_id', '=', eb.fn.coalesce('members.merged_into_id', 'members.id'))))
    .where('chat_groups.workspace_id', '=', scope.workspaceId).where('chat_groups.campaign_id', 'is not', null)
    .where('group_memberships.workspace_id', '=', scope.workspaceId).where('enrollments.workspace_id', '=', scope.workspaceId)
    .where('enrollments.status', '=', 'active').where('enrollments.channel_id', 'is not', null)
    .where('group_memberships.joined_at', '<=', cutoff);
  if (campaignId !== null) base = base.where('chat_groups.campaign_id', '=', campaignId);
  const began = await base.select(['enrollments.channel_id', countAll.as('n')]).groupBy('enrollments.channel_id').execute();
  // Comparing two stored instants 7 days apart has no SQL both databases share; only ended memberships are read.
  const ended = await base.select(['enrollments.channel_id', 'group_memberships.joined_at', 'group_memberships.left_at'])
    .where('group_memberships.left_at', 'is not', null).execute();
  const out = new Map<number, LeaveCounts>(began.map((r) => [r.channel_id!, { began: n(r.n), left: 0 }]));
  for (const r of ended) {
    if (Date.parse(r.left_at!) - Date.parse(r.joined_at) <= WEEK_MS) out.get(r.channel_id!)!.left++;
  }
  return out;
}
