// A campaign's AARRR funnel: channel visits → signed up → paid → joined a group → first check-in → met the
// requirement → refunded (deposit campaigns only) → re-enrolled, each step's ratio to the one before and to the first.
import { z } from 'zod';
import { campaignByKey, orderedCampaigns } from './lookup.js';
import { campaignKey } from './params.js';
import { countAll, countedCheckin, n } from './participants.js';
import { reenrolledMembers } from './reenrolment.js';
import { ratio, type Definitions, type Report } from './types.js';

const params = z.strictObject({ campaign: campaignKey });

const STEPS = ['visits', 'signed_up', 'paid', 'joined_group', 'first_checkin', 'met_requirement', 'refunded', 'reenrolled'] as const;
type Step = (typeof STEPS)[number];

export const funnelReport: Report<typeof params> = {
  name: 'funnel',
  summary: "A campaign's funnel from channel visits to re-enrolment",
  params,
  async run(scope, p) {
    const ordered = await orderedCampaigns(scope);
    const c = await campaignByKey(scope, p.campaign, ordered);
    const ws = scope.workspaceId;
    const db = scope.db;
    const enrollments = () => db.selectFrom('enrollments').where('enrollments.workspace_id', '=', ws)
      .where('enrollments.campaign_id', '=', c.id).where('enrollments.status', '=', 'active');

    const visits = await db.selectFrom('channel_visits').innerJoin('channels', 'channels.id', 'channel_visits.channel_id')
      .select(countAll.as('n')).where('channel_visits.workspace_id', '=', ws).where('channels.campaign_id', '=', c.id).executeTakeFirst();
    const signups = await enrollments().select(['enrollments.id', 'enrollments.member_id', 'enrollments.paid_cents', 'enrollments.refunded_at']).execute();
    const joined = new Set((await enrollments().select('enrollments.member_id').where(({ exists, selectFrom }) => exists(
      selectFrom('group_memberships').innerJoin('chat_groups', 'chat_groups.id', 'group_memberships.group_id').select('group_memberships.id')
        .whereRef('group_memberships.member_id', '=', 'enrollments.member_id').where('chat_groups.campaign_id', '=', c.id),
    )).execute()).map((r) => r.member_id));
    const checkedIn = new Set((await db.selectFrom('checkins').select('enrollment_id').distinct()
      .where('workspace_id', '=', ws).where('campaign_id', '=', c.id).where('review_status', '<>', 'rejected').execute()).map((r) => r.enrollment_id));
    const met = new Set((await db.selectFrom('checkins').select('checkins.enrollment_id')
      .where('checkins.workspace_id', '=', ws).where('checkins.campaign_id', '=', c.id)
      .where((eb) => countedCheckin(eb, c.rules))
      .groupBy('checkins.enrollment_id').having(countAll, '>=', c.rules.daysRequiredForCompletion).execute()).map((r) => r.enrollment_id));
    const reenrolled = await reenrolledMembers(scope, c, null, ordered);

    // Nested: each step counts the signups that passed it and every step before it, so no step exceeds the last.
    const withDeposit = c.depositCents > 0;
    const passes: Array<[Step, (e: (typeof signups)[number]) => boolean]> = [
      ['paid', (e) => e.paid_cents > 0],
      ['joined_group', (e) => joined.has(e.member_id)],
      ['first_checkin', (e) => checkedIn.has(e.id)],
      ['met_requirement', (e) => met.has(e.id)],
      ...(withDeposit ? [['refunded', (e) => e.refunded_at !== null] as [Step, (e: (typeof signups)[number]) => boolean]] : []),
      ['reenrolled', (e) => reenrolled.has(e.member_id)],
    ];
    const counts = new Map<Step, number>([['visits', n(visits?.n)], ['signed_up', signups.length]]);
    let remaining = signups;
    for (const [step, pass] of passes) {
      remaining = remaining.filter(pass);
      counts.set(step, remaining.length);
    }
    const steps = STEPS.filter((step) => counts.has(step));
    const first = counts.get('visits')!;
    return {
      campaign: c.key,
      steps: steps.map((step, i) => ({
        step,
        count: counts.get(step)!,
        ratio_to_previous: i === 0 ? null : ratio(counts.get(step)!, counts.get(steps[i - 1]!)!),
        ratio_to_first: ratio(counts.get(step)!, first),
      })),
      definitions: funnelDefinitions(c.rules.daysRequiredForCompletion, withDeposit),
    };
  },
};

function funnelDefinitions(required: number, withDeposit: boolean): Definitions {
  const step = (numerator: string, denominator: string | null): Definitions[string] => ({ numerator, denominator, period: 'all time' });
  return {
    visits: step('visits to the short links of channels leading to the campaign', null),
    signed_up: step('active enrollments in the campaign', 'visits'),
    paid: step('signups with any payment recorded', 'signed_up'),
    joined_group: step("of those, members who were ever in one of the campaign's groups", 'paid'),
    first_checkin: step('of those, enrollments with at least one check-in not rejected', 'joined_group'),
    met_requirement: step(`of those, enrollments with at least ${required} counted check-in days (as on the member pages)`, 'first_checkin'),
    ...(withDeposit ? { refunded: step('of those, enrollments whose deposit refund is marked', 'met_requirement') } : {}),
    reenrolled: step('of those, members with an active enrollment in a campaign starting after this one (as of now)', withDeposit ? 'refunded' : 'met_requirement'),
    ratio_to_previous: step("the step's count", "the previous step's count"),
    ratio_to_first: step("the step's count", 'visits'),
  };
}
