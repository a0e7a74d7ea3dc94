// Seed 004's left chart: every campaign of a series as a bar of its participants, stacked by the campaign of the
// series each of them first appeared in (read from campaign_series_firsts, one row per segment).
import { z } from 'zod';
import { inCampaignOrder } from './composition.js';
import { orderedCampaigns, seriesByKey } from './lookup.js';
import { seriesKey } from './params.js';
import type { Report } from './types.js';

const params = z.strictObject({ series: seriesKey });

export const seriesReport: Report<typeof params> = {
  name: 'series',
  summary: "Each campaign of a series by the campaign its participants first appeared in within the series",
  params,
  async run(scope, p) {
    const series = await seriesByKey(scope, p.series);
    const ordered = await orderedCampaigns(scope);
    const campaigns = ordered.filter((c) => c.seriesId === series.id);
    const rows = campaigns.length === 0 ? [] : await scope.db.selectFrom('campaign_series_firsts')
      .select(['campaign_id', 'first_campaign_id', 'members'])
      .where('workspace_id', '=', scope.workspaceId).where('campaign_id', 'in', campaigns.map((c) => c.id)).where('members', '>', 0)
      .execute();
    return {
      series: series.key,
      campaigns: campaigns.map((c) => {
        const counts = new Map(rows.filter((r) => r.campaign_id === c.id).map((r) => [r.first_campaign_id, r.members]));
        return { campaign: c.key, participants: [...counts.values()].reduce((a, b) => a + b, 0), by_first_in_series: inCampaignOrder(counts, ordered) };
      }),
      definitions: {
        participants: { numerator: 'members with an active enrollment in the campaign', denominator: null, period: 'all time' },
        by_first_in_series: { numerator: "participants whose earliest campaign of the series (by start date, then key) is the stacked campaign", denominator: 'participants', period: 'all time' },
      },
    };
  },
};
