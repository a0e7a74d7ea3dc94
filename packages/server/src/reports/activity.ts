// When a campaign's participants (or a group's members) are active: check-ins and counted events by local weekday
// and hour (the heat map), and the time they spent on the pages per day (dwell, from page_view durations).
import { sql } from 'kysely';
import { z } from 'zod';
import { daysFrom, localDayOf } from '../analytics/days.js';
import { checkScopeAndRange, countedEvents, eventNamed, localWeekdayHour, memberSetOf, parseProps, participantSet, perFilter, type MemberSet } from './activity-queries.js';
import { campaignByKey, groupById } from './lookup.js';
import { campaignKey, day, numericId } from './params.js';
import { countAll, n } from './participants.js';
import type { Definitions, Report, ReportScope } from './types.js';

const params = z.strictObject({ campaign: campaignKey.optional(), group: numericId.optional(), from: day, to: day });

/** The UTC hour (YYYY-MM-DDTHH) and quarter of it (0–3) of a stored ISO instant: a zone's local hour is fixed by these. */
const utcHour = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 13)`;
const utcQuarter = (column: string) => sql<number>`cast(substr(${sql.ref(column)}, 15, 2) as integer) / 15`;

interface QuarterCount {
  hour: string;
  quarter: number;
  n: unknown;
}

async function heatmap(scope: ReportScope, members: MemberSet, lo: string, hi: string, counted: string[] | null) {
  const ws = scope.workspaceId;
  const checkins = await perFilter<QuarterCount>(members, (filter) => scope.db.selectFrom('checkins')
    .select([utcHour('submitted_at').as('hour'), utcQuarter('submitted_at').as('quarter'), countAll.as('n')])
    .where('workspace_id', '=', ws).where('member_id', 'in', filter).where('submitted_at', '>=', lo).where('submitted_at', '<', hi)
    .groupBy([utcHour('submitted_at'), utcQuarter('submitted_at')]).execute());
  // Grouped by name too and the counted names kept here: a name condition (or a GROUP BY led by name) would tempt
  // SQLite into the events_name_at index (see eventNamed).
  const countedSet = counted ? new Set(counted) : null;
  const events = (await perFilter<QuarterCount & { name: string }>(members, (filter) => scope.db.selectFrom('events')
    .select(['name', utcHour('at').as('hour'), utcQuarter('at').as('quarter'), countAll.as('n')])
    .where('workspace_id', '=', ws).where('member_id', 'in', filter).where('at', '>=', lo).where('at', '<', hi)
    .groupBy([utcHour('at'), utcQuarter('at'), 'name']).execute()))
    .filter((row) => !countedSet || countedSet.has(row.name));
  const cells = new Map<number, number>();
  for (const row of [...checkins, ...events]) {
    const at = Date.parse(`${row.hour}:00:00.000Z`) + Number(row.quarter) * 15 * 60_000;
    const { weekday, hour } = localWeekdayHour(at, scope.timezone);
    const key = weekday * 100 + hour;
    cells.set(key, (cells.get(key) ?? 0) + n(row.n));
  }
  return [...cells.entries()].sort((a, b) => a[0] - b[0])
    .map(([key, actions]) => ({ weekday: Math.floor(key / 100), hour: key % 100, actions }));
}

async function dwell(scope: ReportScope, members: MemberSet, from: string, to: string, lo: string, hi: string) {
  const rows = await perFilter(members, (filter) => scope.db.selectFrom('events').select(['member_id', 'at', 'props'])
    .where('workspace_id', '=', scope.workspaceId).where('member_id', 'in', filter).where(eventNamed('page_view'))
    .where('at', '>=', lo).where('at', '<', hi).execute());
  const byDay = new Map<string, { members: Set<number>; total: number }>();
  for (const row of rows) {
    const date = localDayOf(row.at, scope.timezone);
    let cell = byDay.get(date);
    if (!cell) byDay.set(date, (cell = { members: new Set(), total: 0 }));
    cell.members.add(members.survivorOf(row.member_id));
    const duration = parseProps(row.props).duration_ms;
    if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0) cell.total += duration;
  }
  return daysFrom(from, to).map((date) => {
    const cell = byDay.get(date);
    const count = cell?.members.size ?? 0;
    const total = Math.round(cell?.total ?? 0);
    return { date, members: count, total_ms: total, per_member_ms: count === 0 ? null : Math.round(total / count) };
  });
}

function definitions(who: string, counted: string[] | null): Definitions {
  const range = 'from `from` to `to`, both included, days of the workspace time zone';
  const events = counted ? `the events ${counted.join(', ') || '(none)'}` : 'all events';
  const actions = {
    numerator: `check-ins (by submission time) and ${events} of ${who}, in that weekday (1 = Monday … 7 = Sunday) and hour of the workspace time zone; cells with none are left out`,
    denominator: null, period: range,
  };
  return {
    heatmap: actions,
    actions,
    dwell: { numerator: `per day, the page_view events of ${who}: how many members sent one and the sum of their props.duration_ms`, denominator: null, period: `each day ${range}` },
    members: { numerator: `${who} who sent at least one page_view event that day`, denominator: null, period: 'the day' },
    total_ms: { numerator: "the sum of props.duration_ms (a number, 0 or more; other values add nothing) of those members' page_view events that day", denominator: null, period: 'the day' },
    per_member_ms: { numerator: 'total_ms', denominator: 'members (null when 0); rounded to whole milliseconds', period: 'the day' },
  };
}

export const activityReport: Report<typeof params> = {
  name: 'activity',
  summary: "When a campaign's participants or a group's members are active (weekday × hour) and their time on the pages per day",
  params,
  async run(scope, p) {
    const { lo, hi } = checkScopeAndRange(scope, p);
    let members: MemberSet;
    let who: string;
    let label: { campaign: string } | { group: number };
    if (p.campaign !== undefined) {
      const c = await campaignByKey(scope, p.campaign);
      members = await participantSet(scope, c.id);
      who = `the campaign's participants (members with an active enrollment in ${c.key}, members merged into them included)`;
      label = { campaign: c.key };
    } else {
      const g = await groupById(scope, p.group!);
      const recorded = await scope.db.selectFrom('group_memberships').select('member_id').distinct()
        .where('workspace_id', '=', scope.workspaceId).where('group_id', '=', g.id)
        .where('joined_at', '<', hi).where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', lo)])).execute();
      members = await memberSetOf(scope, recorded.map((r) => r.member_id));
      who = "the group's members at any time in the range (merged members counted under their survivor)";
      label = { group: g.id };
    }
    const counted = await countedEvents(scope);
    return {
      scope: label,
      from: p.from,
      to: p.to,
      heatmap: await heatmap(scope, members, lo, hi, counted),
      dwell: await dwell(scope, members, p.from, p.to, lo, hi),
      definitions: definitions(who, counted),
    };
  },
};
