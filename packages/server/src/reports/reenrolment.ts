// After a campaign: who came back for a later campaign (re-enrolled), who did not but is still in a group
// (stayed), and who is gone (churned) — seed 004's 177 → 60 / 87 / 30.
import { z } from 'zod';
import { addDays, dayStartUtc, localDayOf } from '../analytics/days.js';
import { campaignByKey, orderedCampaigns, type ReportCampaign } from './lookup.js';
import { campaignKey, day } from './params.js';
import { participantIds } from './participants.js';
import { ratio, type ReportScope, type Report } from './types.js';

const params = z.strictObject({ campaign: campaignKey, as_of: day.optional() });

/** Participants of the campaign enrolled (by `end`) in a campaign starting after it. */
export async function reenrolledMembers(scope: ReportScope, c: ReportCampaign, end: string): Promise<Set<number>> {
  const rows = await scope.db.selectFrom('enrollments').innerJoin('campaigns', 'campaigns.id', 'enrollments.campaign_id')
    .select('enrollments.member_id').distinct()
    .where('enrollments.workspace_id', '=', scope.workspaceId).where('enrollments.status', '=', 'active')
    .where('enrollments.member_id', 'in', participantIds(scope, c.id))
    .where('campaigns.starts_on', '>', c.startsOn).where('enrollments.created_at', '<', end)
    .execute();
  return new Set(rows.map((r) => r.member_id));
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
    const participants = (await participantIds(scope, c.id).execute()).length;
    const reenrolled = await reenrolledMembers(scope, c, end);
    const inGroups = await scope.db.selectFrom('group_memberships').select('member_id').distinct()
      .where('workspace_id', '=', scope.workspaceId).where('member_id', 'in', participantIds(scope, c.id))
      .where('joined_at', '<', end).where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', end)]))
      .execute();
    const stayed = inGroups.filter((r) => !reenrolled.has(r.member_id)).length;
    const churned = participants - reenrolled.size - stayed;
    const next = ordered.find((o) => o.seriesId === c.seriesId && o.rank > c.rank);
    const nextMembers = next ? (await scope.db.selectFrom('enrollments').select('member_id')
      .where('workspace_id', '=', scope.workspaceId).where('campaign_id', '=', next.id).where('status', '=', 'active')
      .where('created_at', '<', end).where('member_id', 'in', participantIds(scope, c.id)).execute()).length : 0;
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
