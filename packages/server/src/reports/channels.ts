// Channel attribution (渠道归因): per channel, its short link's visits, the signups it brought (in one campaign or all),
// what became of them (paid, met the requirement, came back, left their group early) and the money: revenue, cost,
// cost per paying signup, return on cost.
import { z } from 'zod';
import { parseStoredRules, type CheckinRules } from '../campaigns/rules.js';
import { leavesByChannel, metRequirementByChannel, signupsByChannel, visitsByChannel } from './channels-queries.js';
import { campaignByKey } from './lookup.js';
import { campaignKey } from './params.js';
import { ratio, type Definitions, type Report } from './types.js';

const params = z.strictObject({ campaign: campaignKey.optional() });

const WEEK_MS = 7 * 86_400_000;

function definitions(campaign: string | null): Definitions {
  const signups = campaign === null
    ? "active enrollments (any campaign) made through the channel's short link"
    : `active enrollments in ${campaign} made through the channel's short link`;
  const allTime = 'all time';
  const now = 'all time, as of now';
  return {
    visits: { numerator: "visits to the channel's short link (/c/<code>), every campaign", denominator: null, period: allTime },
    unique_visitors: { numerator: "distinct visitors (by visitor cookie) of the channel's short link, every campaign", denominator: null, period: allTime },
    signups: { numerator: `${signups}; a first-level channel counts only its own link, not its second-level channels'`, denominator: null, period: allTime },
    paid: { numerator: 'signups with any payment recorded (paid_cents > 0)', denominator: null, period: allTime },
    met_requirement: {
      numerator: "signups whose counted check-in days (as on the member pages: days 1..daysTotal, not rejected, a make-up needing approval only once approved) reach their campaign's daysRequiredForCompletion",
      denominator: null, period: now,
    },
    reenrolled: { numerator: "signups whose member has an active enrollment, made by now, in a campaign starting after the signup's campaign", denominator: null, period: now },
    leave_rate_7d: {
      numerator: "of the denominator's memberships, those that ended within 7 days (7 × 24 hours) of beginning",
      denominator: "group memberships of the signups' members in the groups of the signup's campaign (a member merged into them counts as them) that began at least 7 days ago",
      period: now,
    },
    revenue_cents: { numerator: "the signups' payments (paid_cents) minus the refunds marked on them (refund_cents)", denominator: null, period: allTime },
    cost_cents: { numerator: "the channel's recorded cost (the whole channel, not split by campaign)", denominator: null, period: allTime },
    cac_cents: { numerator: 'cost_cents', denominator: 'paid (null when 0); rounded to whole cents', period: allTime },
    roi: { numerator: 'revenue_cents − cost_cents', denominator: 'cost_cents (null when 0); rounded to 4 decimals', period: allTime },
  };
}

interface Totals {
  signups: number;
  paid: number;
  met: number;
  reenrolled: number;
  revenue: number;
}

export const channelsReport: Report<typeof params> = {
  name: 'channels',
  summary: 'Per channel: visits, signups, paid, met the requirement, re-enrolled, 7-day group leave rate, revenue, cost, CAC and ROI',
  params,
  async run(scope, p) {
    const campaign = p.campaign === undefined ? null : await campaignByKey(scope, p.campaign);
    const channels = await scope.db.selectFrom('channels').select(['id', 'name', 'parent_id', 'cost_cents'])
      .where('workspace_id', '=', scope.workspaceId).orderBy('id').execute();
    const names = new Map(channels.map((c) => [c.id, c.name]));
    const now = scope.now.toISOString();

    const visits = await visitsByChannel(scope);
    const signups = await signupsByChannel(scope, campaign?.id ?? null, now);
    const rules = new Map<number, CheckinRules>();
    if (campaign) rules.set(campaign.id, campaign.rules);
    else {
      const ids = new Set(signups.map((s) => s.campaignId));
      const rows = await scope.db.selectFrom('campaigns').select(['id', 'rules']).where('workspace_id', '=', scope.workspaceId).execute();
      for (const r of rows) if (ids.has(r.id)) rules.set(r.id, parseStoredRules(r.rules));
    }
    const met = await metRequirementByChannel(scope, rules);
    const leaves = await leavesByChannel(scope, campaign?.id ?? null, new Date(scope.now.getTime() - WEEK_MS).toISOString());

    const totals = new Map<number, Totals>();
    for (const s of signups) {
      let t = totals.get(s.channelId);
      if (!t) totals.set(s.channelId, (t = { signups: 0, paid: 0, met: met.get(s.channelId) ?? 0, reenrolled: 0, revenue: 0 }));
      t.signups += s.signups;
      t.paid += s.paid;
      t.reenrolled += s.reenrolled;
      t.revenue += s.paidCents - s.refundedCents;
      // A requirement of 0 days is met without a check-in: every signup of such a campaign counts.
      if ((rules.get(s.campaignId)?.daysRequiredForCompletion ?? 1) <= 0) t.met += s.signups;
    }

    return {
      campaign: campaign?.key ?? null,
      channels: channels.map((c) => {
        const t = totals.get(c.id) ?? { signups: 0, paid: 0, met: 0, reenrolled: 0, revenue: 0 };
        const leave = leaves.get(c.id);
        const cost = Number(c.cost_cents);
        return {
          channel_id: c.id,
          channel: c.name,
          parent: c.parent_id === null ? null : names.get(c.parent_id) ?? null,
          visits: visits.get(c.id)?.visits ?? 0,
          unique_visitors: visits.get(c.id)?.unique ?? 0,
          signups: t.signups,
          paid: t.paid,
          met_requirement: t.met,
          reenrolled: t.reenrolled,
          leave_rate_7d: ratio(leave?.left ?? 0, leave?.began ?? 0),
          revenue_cents: t.revenue,
          cost_cents: cost,
          cac_cents: t.paid === 0 ? null : Math.round(cost / t.paid),
          roi: ratio(t.revenue - cost, cost),
        };
      }),
      definitions: definitions(campaign?.key ?? null),
    };
  },
};
