// A channel's numbers over a period of whole days in the workspace's time zone, with what each number means.
import { addDays, isIsoDate, localDate } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import { invalid } from '../http/errors.js';
import { parseTimestamp } from '../members/import-rows.js';
import * as q from './queries.js';
import type { StatsOut } from './schema.js';

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

/** What each number means: numerator, denominator (none: a count) and period. Returned with the numbers. */
export const STATS_DEFINITIONS: StatsOut['definitions'] = {
  visits: 'Count of page views of /c/<code> (every visit, including repeats by the same visitor), recorded between 00:00 of `from` and 24:00 of `to` in the workspace time zone.',
  uniqueVisitors: 'Count of distinct visitor cookies (qy_visitor) among those visits in the same period; a visitor who clears cookies or uses another browser counts again.',
  routed: 'Per group: count of visits in the period that were sent to this group (its QR was shown); not a join, since WeChat reports no join.',
  joins: 'Per group: count of distinct members whose known membership in this group started in the period (recorded manually, by list import or a connector), whatever channel they came from.',
  exhaustedVisits: 'Count of visits in the period that found no available group and saw the fallback message instead.',
};

function checkDate(value: string, field: string) {
  if (!isIsoDate(value)) throw invalid('validation.failed', `Invalid querystring: ${field}: not a calendar date`, { [field]: 'not a calendar date' });
}

export async function channelStats(s: Scoped, channelId: number, timezone: string, period: { from?: string; to?: string }): Promise<StatsOut> {
  if (period.from !== undefined) checkDate(period.from, 'from');
  if (period.to !== undefined) checkDate(period.to, 'to');
  const to = period.to ?? (period.from !== undefined ? addDays(period.from, DEFAULT_DAYS - 1) : localDate(new Date(), timezone));
  const from = period.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw invalid('channel.invalid_period', '`from` must not be after `to`', { from: 'after to' });
  if (addDays(from, MAX_DAYS - 1) < to) throw invalid('channel.period_too_long', `A period is at most ${MAX_DAYS} days`, { to: `at most ${MAX_DAYS} days after from` });
  const start = parseTimestamp(from, timezone)!;
  const end = parseTimestamp(addDays(to, 1), timezone)!;

  const visits = await q.visitsBetween(s, channelId, start, end);
  const days = new Map<string, { visits: number; visitors: Set<string> }>();
  for (let d = from; d <= to; d = addDays(d, 1)) days.set(d, { visits: 0, visitors: new Set() });
  const routed = new Map<number, number>();
  const everyone = new Set<string>();
  let exhaustedVisits = 0;
  for (const v of visits) {
    const day = days.get(localDate(new Date(v.at), timezone));
    if (day) {
      day.visits += 1;
      day.visitors.add(v.visitor);
    }
    everyone.add(v.visitor);
    if (Number(v.exhausted) === 1) exhaustedVisits += 1;
    if (v.group_id !== null) routed.set(v.group_id, (routed.get(v.group_id) ?? 0) + 1);
  }

  // The current pool, then any group that took visitors in the period but has left the pool since.
  const pool = await q.poolOf(s, [channelId]);
  const names = new Map(pool.map((p) => [p.group_id, p.name]));
  const formerIds = [...routed.keys()].filter((id) => !names.has(id));
  for (const g of formerIds.length ? await q.groupIdsIn(s, formerIds) : []) names.set(g.id, g.name);
  const groupIds = [...names.keys()];
  const joins = new Map((await q.joinsBetween(s, groupIds, start, end)).map((j) => [j.group_id, Number(j.joins)]));

  return {
    from, to, visits: visits.length, uniqueVisitors: everyone.size, exhaustedVisits,
    byDay: [...days].map(([date, d]) => ({ date, visits: d.visits, uniqueVisitors: d.visitors.size })),
    byGroup: groupIds.map((groupId) => ({ groupId, name: names.get(groupId)!, routed: routed.get(groupId) ?? 0, joins: joins.get(groupId) ?? 0 })),
    definitions: STATS_DEFINITIONS,
  };
}
