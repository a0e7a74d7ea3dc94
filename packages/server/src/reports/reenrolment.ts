// After a campaign: who came back for a later campaign (re-enrolled), who did not but is still in a group
// (stayed), and who is gone (churned) — seed 004's 177 → 60 / 87 / 30.
import { z } from 'zod';
import { addDays, dayStartUtc, localDayOf } from '../analytics/days.js';
import { campaignByKey, orderedCampaigns, type OrderedCampaign, type ReportCampaign } from './lookup.js';
import { campaignKey, day } from './params.js';
import { participantIds } from './participants.js';
import { ratio, type ReportScope, type Report } from './types.js';

const params = z.strictObject({ campaign: campaignKey, as_of: day.optional() });

/** Every active enrollment of the campaign's participants (in any campaign), with when it was made. */
async function participantEnrollments(scope: ReportScope, campaignId: number) {
  // Read per participant through the member index and ordered in JS: joined with campaigns in SQL, SQLite's planner
  // may start from the campaigns and walk every later campaign's enrollments instead.
  return scope.db.selectFrom('enrollments').select(['member_id', 'campaign_id', 'created_at'])
    .where('workspace_id', '=', scope.workspaceId).where('status', '=', 'active')
    .where('member_id', 'in', participantIds(scope, campaignId))
    .execute();
}

/** Participants of the campaign enrolled (by `end`; null: up to now) in a campaign starting after it. */
export async function reenrolledMembers(scope: ReportScope, c: ReportCampaign, end: string | null, ordered: readonly OrderedCampaign[]): Promise<Set<number>> {
  const startsOn = new Map(ordered.map((o) => [o.id, o.startsOn]));
  const out = new Set<number>();
  if (end === null) {
    // Up to now: a member's latest campaign (member_rollups) starts after C exactly when any of theirs does.
    const rows = await scope.db.selectFrom('enrollments').innerJoin('member_rollups', 'member_rollups.member_id', 'enrollments.member_id')
      .select(['enrollments.member_id', 'member_rollups.last_campaign_id'])
      .where('enrollments.workspace_id', '=', scope.workspaceId).where('enrollments.campaign_id', '=', c.id).where('enrollments.status', '=', 'active')
      .execute();
    for (const r of rows) if (r.last_campaign_id !== null && startsOn.get(r.last_campaign_id)! > c.startsOn) out.add(r.member_id);
    return out;
  }
  for (const e of await participantEnrollments(scope, c.id)) {
    if (e.created_at < end && startsOn.get(e.campaign_id)! > c.startsOn) out.add(e.member_id);
  }
  return out;
}

export const reenrolmentReport: Report<typeof params> = {
  name: 'reenrolment',
  summary: "A campaign's participants split into re-enrolled, stayed in a group, and churned",
  params,
  async run(scope, p) {
    const ordered = await orderedCampaigns(scope);
    const c = await campaignByKey(scope, p.campaign, ordered);
    const asOf = p.as_of ?? localDayOf(scope.now, scope.timezone);
    const end = dayStartUtc(addDays(asOf, 1), scope.timezone);
    const next = ordered.find((o) => o.seriesId === c.seriesId && o.rank > c.rank);
    const participants = (await participantIds(scope, c.id).execute()).length;
    // As of today (or later) every enrollment so far counts: the rollups answer that without reading them all.
    const today = localDayOf(scope.now, scope.timezone);
    const reenrolled = await reenrolledMembers(scope, c, asOf >= today ? null : end, ordered);
    // Participants of C also in the next edition: one probe per participant on (campaign, member).
    const nextMembers = next ? (await scope.db.selectFrom('enrollments').select('member_id')
      .where('workspace_id', '=', scope.workspaceId).where('campaign_id', '=', next.id).where('status', '=', 'active')
      .where('created_at', '<', end).where('member_id', 'in', participantIds(scope, c.id)).execute()).length : 0;
    const inGroups = await scope.db.selectFrom('group_memberships').select('member_id').distinct()
      .where('workspace_id', '=', scope.workspaceId).where('member_id', 'in', participantIds(scope, c.id))
      .where('joined_at', '<', end).where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', end)]))
      .execute();
    const stayed = inGroups.filter((r) => !reenrolled.has(r.member_id)).length;
    const churned = participants - reenrolled.size - stayed;
    const period = `as of the end of ${asOf}`;
    return {
      campaign: c.key,
      as_of: asOf,
      participants,
      reenrolled: reenrolled.size,
      stayed,
      churned,
      reenrolment_rate: ratio(reenrolled.size, participants),
      churn_rate: ratio(churned, participants),
      next_in_series: next ? { campaign: next.key, members: nextMembers } : null,
      definitions: {
        participants: { numerator: 'members with an active enrollment in the campaign', denominator: null, period: 'all time' },
        reenrolled: { numerator: 'participants with an active enrollment, made by then, in a campaign starting after this one starts', denominator: null, period },
        stayed: { numerator: "participants not re-enrolled who are in at least one of the workspace's groups", denominator: null, period },
        churned: { numerator: 'participants neither re-enrolled nor in a group', denominator: null, period },
        reenrolment_rate: { numerator: 'reenrolled', denominator: 'participants', period },
        churn_rate: { numerator: 'churned', denominator: 'participants', period },
        next_in_series: { numerator: 'participants with an active enrollment, made by then, in the next campaign of the series', denominator: null, period },
      },
    };
  },
};
