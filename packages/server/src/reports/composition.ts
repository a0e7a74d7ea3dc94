// Where a campaign's participants came from and where they are now (seed 004's "X3 = 60 from X1 + …"): each
// participant counted once under their first campaign in the series, their first anywhere, and their latest.
import { z } from 'zod';
import { addDays, dayStartUtc } from '../analytics/days.js';
import { campaignByKey, orderedCampaigns, type OrderedCampaign } from './lookup.js';
import { campaignKey, day } from './params.js';
import { participantIds } from './participants.js';
import type { Definitions, Report, ReportScope } from './types.js';

const params = z.strictObject({ campaign: campaignKey, as_of: day.optional() });

export interface CampaignCount {
  campaign: string;
  members: number;
}

/** Counts per campaign id → rows in campaign order, zero rows left out. */
export function inCampaignOrder(counts: Map<number, number>, ordered: readonly OrderedCampaign[]): CampaignCount[] {
  return ordered.filter((c) => (counts.get(c.id) ?? 0) > 0).map((c) => ({ campaign: c.key, members: counts.get(c.id)! }));
}

function tally(ids: Iterable<number | null>): Map<number, number> {
  const out = new Map<number, number>();
  for (const id of ids) if (id !== null) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

const definitions = (asOf: string | null): Definitions => ({
  participants: { numerator: 'members with an active enrollment in the campaign', denominator: null, period: 'all time' },
  first_in_series: { numerator: "participants whose earliest campaign (by start date, then key) in the campaign's series is the row's campaign", denominator: 'participants', period: 'all time' },
  first_in_workspace: { numerator: "participants whose earliest campaign in the workspace is the row's campaign", denominator: 'participants', period: 'all time' },
  last_after: { numerator: "participants whose latest campaign (among enrollments made by then) is the row's campaign", denominator: 'participants', period: asOf ? `as of the end of ${asOf}` : 'now' },
});

export const compositionReport: Report<typeof params> = {
  name: 'composition',
  summary: "A campaign's participants by their first campaign in the series, first in the workspace, and latest campaign",
  params,
  async run(scope, p) {
    const ordered = await orderedCampaigns(scope);
    const c = await campaignByKey(scope, p.campaign, ordered);
    const rows = await scope.db.selectFrom('enrollments')
      .leftJoin('member_rollups', 'member_rollups.member_id', 'enrollments.member_id')
      .leftJoin('member_series_rollups', (join) => join.onRef('member_series_rollups.member_id', '=', 'enrollments.member_id').on('member_series_rollups.series_id', '=', c.seriesId))
      .select(['enrollments.member_id', 'member_rollups.first_campaign_id as first', 'member_rollups.last_campaign_id as last', 'member_series_rollups.first_campaign_id as series_first'])
      .where('enrollments.workspace_id', '=', scope.workspaceId).where('enrollments.campaign_id', '=', c.id).where('enrollments.status', '=', 'active')
      .execute();
    const last = p.as_of ? await latestAsOf(scope, c.id, p.as_of, ordered) : tally(rows.map((r) => r.last));
    return {
      campaign: c.key,
      participants: rows.length,
      first_in_series: inCampaignOrder(tally(rows.map((r) => r.series_first)), ordered),
      first_in_workspace: inCampaignOrder(tally(rows.map((r) => r.first)), ordered),
      last_after: inCampaignOrder(last, ordered),
      ...(p.as_of ? { as_of: p.as_of } : {}),
      definitions: definitions(p.as_of ?? null),
    };
  },
};

/** Each participant's latest campaign among enrollments made by the end of `asOf` (the campaign itself always counts). */
async function latestAsOf(scope: ReportScope, campaignId: number, asOf: string, ordered: readonly OrderedCampaign[]): Promise<Map<number, number>> {
  const end = dayStartUtc(addDays(asOf, 1), scope.timezone);
  const rows = await scope.db.selectFrom('enrollments').select(['member_id', 'campaign_id'])
    .where('workspace_id', '=', scope.workspaceId).where('status', '=', 'active')
    .where('member_id', 'in', participantIds(scope, campaignId))
    .where((eb) => eb.or([eb('created_at', '<', end), eb('campaign_id', '=', campaignId)]))
    .execute();
  const rank = new Map(ordered.map((c) => [c.id, c.rank]));
  const latest = new Map<number, number>();
  for (const r of rows) {
    const current = latest.get(r.member_id);
    if (current === undefined || rank.get(r.campaign_id)! > rank.get(current)!) latest.set(r.member_id, r.campaign_id);
  }
  return tally(latest.values());
}
