// The actuals of a goal's metric, measured from the data: per team (the team of the staff member responsible for
// the row, or null) and per day of the goal. One grouped query per metric (per campaign for check-in metrics).
import { sql, type SelectQueryBuilder } from 'kysely';
import { addDays, dayStartUtc } from '../analytics/days.js';
import { parseStoredRules } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import { countedCheckin } from '../reports/participants.js';
import type { MetricKey, ScopeKind } from './metrics.js';

export interface MeasureInput {
  s: Scoped;
  metric: Exclude<MetricKey, 'manual'>;
  scope: { kind: ScopeKind; id: number | null };
  /** The workspace's zone: goal days are its calendar days. */
  timezone: string;
  days: readonly string[];
  /** Rows at or after this instant are not counted (now, or the moment a standing is asked for). */
  until: Date;
}

/** Per team (null: attributed to no team), a value for each day of the goal. */
export type Series = Map<number | null, number[]>;
export type RateSeries = Map<number | null, { numerator: number[]; denominator: number[] }>;

/** Whether `team` (a value from SQL) names a team; PostgreSQL returns bigint ids as strings. */
const teamKey = (team: unknown): number | null => (team === null || team === undefined ? null : Number(team));

function add(series: Series, team: unknown, index: number, value: number, days: number) {
  const key = teamKey(team);
  let values = series.get(key);
  if (!values) series.set(key, (values = new Array<number>(days).fill(0)));
  values[index]! += value;
}

/** `case when col < u0 then 0 when col < u1 then 1 … else k-1 end`: the bucket of an instant among day ends. */
function bucket(column: string, uppers: readonly string[]) {
  if (uppers.length <= 1) return sql<number>`0`;
  const whens = uppers.slice(0, -1).map((u, i) => sql`when ${sql.ref(column)} < ${u} then ${sql.lit(i)}`);
  return sql<number>`case ${sql.join(whens, sql` `)} else ${sql.lit(uppers.length - 1)} end`;
}

/**
 * The team responsible for an enrollment: the team of its group's owner; when it has no group, or the group no owner,
 * the team of its channel's owner (joins `g`, `gs`, `ch`, `cs` of `attributed`).
 */
const enrollmentTeam = sql<number | null>`case when ${sql.ref('g.owner_staff_id')} is not null then ${sql.ref('gs.team_id')} else ${sql.ref('cs.team_id')} end`;

function attributed<O>(qb: SelectQueryBuilder<DB, 'enrollments', O>) {
  return qb
    .leftJoin('chat_groups as g', 'g.id', 'enrollments.group_id')
    .leftJoin('staff as gs', 'gs.id', 'g.owner_staff_id')
    .leftJoin('channels as ch', 'ch.id', 'enrollments.channel_id')
    .leftJoin('staff as cs', 'cs.id', 'ch.owner_staff_id');
}

/** Enrollments within the goal's campaign, group or channel (team scopes are filtered on the attributed team). */
function inScope<O>(qb: SelectQueryBuilder<DB, 'enrollments', O>, scope: MeasureInput['scope']) {
  if (scope.id === null) return qb;
  if (scope.kind === 'campaign') return qb.where('enrollments.campaign_id', '=', scope.id);
  if (scope.kind === 'group') return qb.where('enrollments.group_id', '=', scope.id);
  if (scope.kind === 'channel') return qb.where('enrollments.channel_id', '=', scope.id);
  return qb;
}

/** A team scope keeps only its own team's rows. */
function keepTeam<T>(map: Map<number | null, T>, scope: MeasureInput['scope']): Map<number | null, T> {
  if (scope.kind !== 'team') return map;
  const own = map.get(scope.id);
  return new Map(own ? [[scope.id, own]] : []);
}

interface Window {
  /** Where each goal day ends (UTC), the buckets of `bucket`. */
  ends: string[];
  from: string;
  to: string;
}

function windowOf(input: MeasureInput): Window {
  const { days, timezone } = input;
  const ends = days.map((d) => dayStartUtc(addDays(d, 1), timezone));
  const last = ends[ends.length - 1]!;
  const until = input.until.toISOString();
  return { ends, from: dayStartUtc(days[0]!, timezone), to: until < last ? until : last };
}

type Grouped = Array<{ d: number | string; team_id: unknown; v: unknown }>;

function toSeries(rows: Grouped, days: number): Series {
  const series: Series = new Map();
  for (const r of rows) add(series, r.team_id, Number(r.d), Number(r.v ?? 0), days);
  return series;
}

/** Counts or sums of a flow metric per team per day. */
export async function measureFlow(input: MeasureInput): Promise<Series> {
  const { s, scope, days } = input;
  const w = windowOf(input);
  const n = days.length;
  const enrollments = () => attributed(inScope(s.selectFrom('enrollments'), scope));
  let rows: Grouped;
  switch (input.metric) {
    case 'signups':
    case 'reenrolments': {
      let q = enrollments().where('enrollments.status', '=', 'active')
        .where('enrollments.created_at', '>=', w.from).where('enrollments.created_at', '<', w.to);
      if (input.metric === 'reenrolments') {
        q = q.where((eb) => eb.exists(eb.selectFrom('enrollments as prev').select('prev.id')
          .where('prev.workspace_id', '=', s.workspaceId).whereRef('prev.member_id', '=', 'enrollments.member_id')
          .whereRef('prev.campaign_id', '<>', 'enrollments.campaign_id').where('prev.status', '=', 'active')
          .whereRef('prev.created_at', '<', 'enrollments.created_at')));
      }
      rows = await q.select([bucket('enrollments.created_at', w.ends).as('d'), enrollmentTeam.as('team_id'), sql<number>`count(*)`.as('v')])
        .groupBy([sql`1`, sql`2`]).execute();
      break;
    }
    case 'paid':
      rows = await enrollments().where('enrollments.paid_at', '>=', w.from).where('enrollments.paid_at', '<', w.to)
        .select([bucket('enrollments.paid_at', w.ends).as('d'), enrollmentTeam.as('team_id'), sql<number>`count(*)`.as('v')])
        .groupBy([sql`1`, sql`2`]).execute();
      break;
    case 'revenue':
      rows = await enrollments().innerJoin('payments', 'payments.enrollment_id', 'enrollments.id')
        .where('payments.paid_at', '>=', w.from).where('payments.paid_at', '<', w.to)
        .select([bucket('payments.paid_at', w.ends).as('d'), enrollmentTeam.as('team_id'), sql<number>`sum(${sql.ref('payments.amount_cents')})`.as('v')])
        .groupBy([sql`1`, sql`2`]).execute();
      rows = rows.map((r) => ({ ...r, v: Number(r.v ?? 0) / 100 }));
      break;
    case 'group_joins': {
      let q = s.selectFrom('group_memberships').innerJoin('chat_groups as g', 'g.id', 'group_memberships.group_id')
        .leftJoin('staff as gs', 'gs.id', 'g.owner_staff_id')
        .where('group_memberships.joined_at', '>=', w.from).where('group_memberships.joined_at', '<', w.to);
      if (scope.kind === 'campaign' && scope.id !== null) q = q.where('g.campaign_id', '=', scope.id);
      if (scope.kind === 'group' && scope.id !== null) q = q.where('group_memberships.group_id', '=', scope.id);
      rows = await q.select([bucket('group_memberships.joined_at', w.ends).as('d'), 'gs.team_id as team_id', sql<number>`count(*)`.as('v')])
        .groupBy([sql`1`, sql`2`]).execute();
      break;
    }
    case 'new_members': {
      // The member's first enrollment (lowest id, whatever its status) says where they came from.
      let q = s.selectFrom('members')
        .leftJoin('enrollments as fe', (join) => join.onRef('fe.member_id', '=', 'members.id')
          .on((eb) => eb('fe.id', '=', eb.selectFrom('enrollments as e1').select((e) => e.fn.min('e1.id').as('first'))
            .where('e1.workspace_id', '=', s.workspaceId).whereRef('e1.member_id', '=', 'members.id'))))
        .leftJoin('channels as ch', 'ch.id', 'fe.channel_id')
        .leftJoin('staff as cs', 'cs.id', 'ch.owner_staff_id')
        .where('members.merged_into_id', 'is', null)
        .where('members.created_at', '>=', w.from).where('members.created_at', '<', w.to);
      if (scope.id !== null && scope.kind === 'campaign') q = q.where('fe.campaign_id', '=', scope.id);
      if (scope.id !== null && scope.kind === 'group') q = q.where('fe.group_id', '=', scope.id);
      if (scope.id !== null && scope.kind === 'channel') q = q.where('fe.channel_id', '=', scope.id);
      rows = await q.select([bucket('members.created_at', w.ends).as('d'), 'cs.team_id as team_id', sql<number>`count(*)`.as('v')])
        .groupBy([sql`1`, sql`2`]).execute();
      break;
    }
    default:
      throw new Error(`${input.metric} is not a flow metric`);
  }
  return keepTeam(toSeries(rows, n), scope);
}

interface CampaignRow {
  id: number;
  starts_on: string;
  ends_on: string;
  timezone: string;
  rules: string;
}

/** The scoped campaigns whose days overlap the goal's. */
function campaignsOverlapping(input: MeasureInput): Promise<CampaignRow[]> {
  const { s, scope, days } = input;
  let q = s.selectFrom('campaigns').select(['id', 'starts_on', 'ends_on', 'timezone', 'rules'])
    .where('starts_on', '<=', days[days.length - 1]!).where('ends_on', '>=', days[0]!);
  if (scope.kind === 'campaign' && scope.id !== null) q = q.where('id', '=', scope.id);
  return q.orderBy('id').execute();
}

/** A campaign's active enrollments made before `before`, per team and per bucket of `ends` (bucket index `d`). */
function enrollmentsMade(input: MeasureInput, campaignId: number, ends: readonly string[], before: string) {
  return attributed(inScope(input.s.selectFrom('enrollments'), input.scope))
    .where('enrollments.campaign_id', '=', campaignId).where('enrollments.status', '=', 'active')
    .where('enrollments.created_at', '<', before)
    .select([bucket('enrollments.created_at', ends).as('d'), enrollmentTeam.as('team_id'), sql<number>`count(*)`.as('v')])
    .groupBy([sql`1`, sql`2`]).execute();
}

/**
 * Check-in rate per team per day: enrollments with a counted check-in for the day / enrollments of the campaigns
 * running that day, made by the end of it and not cancelled (checkins/progress.ts `counts`, in SQL by the reports'
 * `countedCheckin`). The campaign's own calendar day is matched with the goal's day.
 */
export async function measureRate(input: MeasureInput): Promise<RateSeries> {
  const { s, scope, days } = input;
  const n = days.length;
  const until = input.until.toISOString();
  const out: RateSeries = new Map();
  const slot = (team: unknown) => {
    const key = teamKey(team);
    let v = out.get(key);
    if (!v) out.set(key, (v = { numerator: new Array<number>(n).fill(0), denominator: new Array<number>(n).fill(0) }));
    return v;
  };
  const index = new Map(days.map((d, i) => [d, i]));
  for (const campaign of await campaignsOverlapping(input)) {
    const rules = parseStoredRules(campaign.rules);
    const running = days.filter((d) => d >= campaign.starts_on && d <= campaign.ends_on);
    const ends = running.map((d) => dayStartUtc(addDays(d, 1), campaign.timezone));
    const last = ends[ends.length - 1]!;
    // Denominator: enrollments by the day they were made (before the first running day: that day), summed up.
    const made = await enrollmentsMade(input, campaign.id, ends, until < last ? until : last);
    const madeBy = new Map<number | null, number[]>();
    for (const r of made) {
      const key = teamKey(r.team_id);
      let v = madeBy.get(key);
      if (!v) madeBy.set(key, (v = new Array<number>(running.length).fill(0)));
      v[Number(r.d)]! += Number(r.v);
    }
    // Days not begun yet have no denominator (nor numerator): they are not part of the rate so far.
    const begun = running.filter((d) => dayStartUtc(d, campaign.timezone) < until).length;
    for (const [team, perDay] of madeBy) {
      let sum = 0;
      for (let i = 0; i < begun; i++) {
        sum += perDay[i]!;
        slot(team).denominator[index.get(running[i]!)!]! += sum;
      }
    }
    // Numerator: counted check-ins (one per enrollment and day) of those enrollments, by the day they count for.
    const checked = await attributed(inScope(s.selectFrom('enrollments'), scope))
      .innerJoin('checkins', 'checkins.enrollment_id', 'enrollments.id')
      .where('enrollments.campaign_id', '=', campaign.id).where('enrollments.status', '=', 'active')
      .where('checkins.workspace_id', '=', s.workspaceId).where('checkins.campaign_id', '=', campaign.id)
      .where('checkins.day_date', '>=', running[0]!).where('checkins.day_date', '<=', running[running.length - 1]!)
      .where('checkins.submitted_at', '<', until)
      .where((eb) => countedCheckin(eb, rules))
      .select(['checkins.day_date as d', enrollmentTeam.as('team_id'), sql<number>`count(*)`.as('v')])
      .groupBy([sql`1`, sql`2`]).execute();
    for (const r of checked) {
      const i = index.get(r.d);
      if (i !== undefined) slot(r.team_id).numerator[i]! += Number(r.v);
    }
  }
  return keepTeam(out, scope);
}

/**
 * Members meeting the requirement per team as of each day: enrollments (not cancelled) whose counted check-in days
 * up to that campaign day reach the campaign's daysRequiredForCompletion (checkins/progress.ts `completed`).
 */
export async function measureLevel(input: MeasureInput): Promise<Series> {
  const { s, scope, days } = input;
  const n = days.length;
  const until = input.until.toISOString();
  // Per team, how many enrollments reached the requirement on each goal day (or before the first).
  const reached: Series = new Map();
  for (const campaign of await campaignsOverlapping(input)) {
    const rules = parseStoredRules(campaign.rules);
    const required = rules.daysRequiredForCompletion;
    let rows: Array<{ day: string; team_id: unknown; v: unknown }>;
    if (required <= 0) {
      // Nothing to reach: an enrollment meets it from the day it is made.
      const ends = days.map((d) => dayStartUtc(addDays(d, 1), campaign.timezone));
      const last = ends[ends.length - 1]!;
      const made = await enrollmentsMade(input, campaign.id, ends, until < last ? until : last);
      rows = made.map((r) => ({ day: days[Number(r.d)]!, team_id: r.team_id, v: r.v }));
    } else {
      // The campaign day of each enrollment's required-th counted check-in is the day it met the requirement.
      const ranked = s.selectFrom('checkins')
        .where((eb) => countedCheckin(eb, rules))
        .where('checkins.campaign_id', '=', campaign.id).where('checkins.submitted_at', '<', until)
        .select(['checkins.enrollment_id', 'checkins.day_date',
          sql<number>`row_number() over (partition by ${sql.ref('checkins.enrollment_id')} order by ${sql.ref('checkins.day_index')})`.as('rn')]);
      rows = await attributed(inScope(s.selectFrom('enrollments'), scope))
        .innerJoin(ranked.as('k'), 'k.enrollment_id', 'enrollments.id')
        .where('enrollments.status', '=', 'active').where('k.rn', '=', required)
        .select(['k.day_date as day', enrollmentTeam.as('team_id'), sql<number>`count(*)`.as('v')])
        .groupBy([sql`1`, sql`2`]).execute();
    }
    for (const r of rows) {
      // Reached before the goal began: counts from its first day.
      const i = r.day < days[0]! ? 0 : days.indexOf(r.day);
      if (i >= 0) add(reached, r.team_id, i, Number(r.v), n);
    }
  }
  const levels: Series = new Map();
  for (const [team, perDay] of reached) {
    let sum = 0;
    levels.set(team, perDay.map((v) => (sum += v)));
  }
  return keepTeam(levels, scope);
}
