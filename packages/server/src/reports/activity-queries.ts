// What the activity and groups reports share: the one-of campaign / group scope, the members it covers (merged
// members folded into their survivor), which events count as activity, and the local weekday and hour of an instant.
import { sql, type SelectQueryBuilder } from 'kysely';
import { addDays, dayStartUtc } from '../analytics/days.js';
import type { DB } from '../db/schema.js';
import { invalid } from '../http/errors.js';
import { MAX_MERGE_HOPS } from '../members/service.js';
import { checkRange } from './params.js';
import type { ReportScope } from './types.js';

export const MAX_RANGE_DAYS = 92;
const CHUNK = 1000;

/** Exactly one of campaign / group, and a range of at most 92 days; the range as UTC bounds [lo, hi). */
export function checkScopeAndRange(scope: ReportScope, p: { campaign?: string | undefined; group?: number | undefined; from: string; to: string }): { lo: string; hi: string } {
  if ((p.campaign === undefined) === (p.group === undefined)) {
    throw invalid('validation.failed', 'give campaign or group (one of the two)', { campaign: 'give campaign or group' });
  }
  checkRange(p.from, p.to, MAX_RANGE_DAYS);
  return { lo: dayStartUtc(p.from, scope.timezone), hi: dayStartUtc(addDays(p.to, 1), scope.timezone) };
}

/** A list of member ids, or a subquery that selects them. */
export type MemberFilter = number[] | SelectQueryBuilder<DB, 'enrollments', { member_id: number }>;

/**
 * The members a report covers, as filters on `member_id` (each used in its own query) and the survivor each
 * source member counts as: events stay with a merged-away member, so they are read too and counted for the survivor.
 */
export interface MemberSet {
  filters: MemberFilter[];
  survivorOf(memberId: number): number;
}

function chunks(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

/** Members merged into these survivors, at any depth: merged member → survivor. */
async function mergedInto(scope: ReportScope, survivors: MemberFilter[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const read = (filter: MemberFilter) => scope.db.selectFrom('members').select(['id', 'merged_into_id'])
    .where('workspace_id', '=', scope.workspaceId).where('merged_into_id', 'in', filter).execute();
  let frontier: number[] = [];
  for (const filter of survivors) {
    if (Array.isArray(filter) && filter.length === 0) continue;
    for (const row of await read(filter)) {
      out.set(row.id, row.merged_into_id!);
      frontier.push(row.id);
    }
  }
  for (let hop = 1; frontier.length > 0 && hop < MAX_MERGE_HOPS; hop++) {
    const next: number[] = [];
    for (const part of chunks(frontier)) {
      for (const row of await read(part)) {
        if (out.has(row.id)) continue;
        out.set(row.id, out.get(row.merged_into_id!)!);
        next.push(row.id);
      }
    }
    frontier = next;
  }
  return out;
}

/** A campaign's participants (active enrollments) and the members merged into them. */
export async function participantSet(scope: ReportScope, campaignId: number): Promise<MemberSet> {
  const participants = scope.db.selectFrom('enrollments').select('enrollments.member_id')
    .where('enrollments.workspace_id', '=', scope.workspaceId).where('enrollments.campaign_id', '=', campaignId)
    .where('enrollments.status', '=', 'active');
  const merged = await mergedInto(scope, [participants]);
  return { filters: [participants, ...chunks([...merged.keys()])], survivorOf: (id) => merged.get(id) ?? id };
}

/**
 * Members as recorded (in a group's member list, say), each folded into its survivor, with every member merged
 * into those survivors.
 */
export async function memberSetOf(scope: ReportScope, recorded: Iterable<number>): Promise<MemberSet> {
  const parent = new Map<number, number | null>();
  let missing = [...new Set(recorded)];
  for (let hop = 0; missing.length > 0 && hop < MAX_MERGE_HOPS; hop++) {
    for (const part of chunks(missing)) {
      const rows = await scope.db.selectFrom('members').select(['id', 'merged_into_id'])
        .where('workspace_id', '=', scope.workspaceId).where('id', 'in', part).execute();
      for (const row of rows) parent.set(row.id, row.merged_into_id);
    }
    missing = [...new Set([...parent.values()].filter((id): id is number => id !== null && !parent.has(id)))];
  }
  const top = (id: number) => {
    let current = id;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const next = parent.get(current);
      if (next === null || next === undefined) break;
      current = next;
    }
    return current;
  };
  const survivors = [...new Set([...parent.keys()].map(top))];
  const merged = await mergedInto(scope, chunks(survivors));
  return { filters: chunks([...new Set([...survivors, ...merged.keys()])]), survivorOf: (id) => merged.get(id) ?? id };
}

/** Runs `query` once per filter and concatenates the rows (filters split long id lists; none is empty). */
export async function perFilter<R>(set: MemberSet, query: (filter: MemberFilter) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const filter of set.filters) out.push(...await query(filter));
  return out;
}

/**
 * `events.name = value` in a form no index can serve. Without planner statistics SQLite would rather walk
 * events_name_at (every such event of the whole workspace in the range) than events_member_at (the members' own
 * events); PostgreSQL, which has statistics, takes the member index either way.
 */
export const eventNamed = (value: string) => sql<boolean>`events.name || '' = ${value}`;

/** The workspace's counted event names, or null when every event counts. */
export async function countedEvents(scope: ReportScope): Promise<string[] | null> {
  const row = await scope.db.selectFrom('analytics_state').select('activity_events').where('workspace_id', '=', scope.workspaceId).executeTakeFirst();
  return row?.activity_events ? JSON.parse(row.activity_events) as string[] : null;
}

const QUARTER_HOUR = 15 * 60_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
const weekdaySlots = new Map<string, Map<number, { weekday: number; hour: number }>>();

/**
 * The weekday (1 = Monday … 7) and hour of an instant in a zone. Every zone's offset is a multiple of 15 minutes,
 * so the answer is the same across a UTC quarter hour and is cached per quarter hour.
 */
export function localWeekdayHour(ms: number, timeZone: string): { weekday: number; hour: number } {
  const slot = Math.floor(ms / QUARTER_HOUR);
  let zone = weekdaySlots.get(timeZone);
  if (!zone) weekdaySlots.set(timeZone, (zone = new Map()));
  let answer = zone.get(slot);
  if (answer === undefined) {
    let format = weekdayFormats.get(timeZone);
    if (!format) weekdayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' })));
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(slot * QUARTER_HOUR))) parts[part.type] = part.value;
    if (zone.size > 200_000) zone.clear();
    answer = { weekday: WEEKDAYS[parts.weekday!]!, hour: Number(parts.hour) };
    zone.set(slot, answer);
  }
  return answer;
}

/** A JSON props column read back; an unreadable one is empty. */
export function parseProps(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}
