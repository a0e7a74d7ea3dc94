// What one member's set of activity days adds to the aggregates: DAU/WAU/MAU per day and retention cells. The
// aggregates are sums of these contributions, so a change to one member (a day added late, a merge) is applied as
// contribution(after) − contribution(before) — exact, whatever order data arrives in. Pure functions.
import { weekStart } from './days.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Window lengths: active on day t for WAU means active on one of the 7 days ending t; MAU, the 30 days. */
export const WAU_DAYS = 7;
export const MAU_DAYS = 30;

export interface DailyDelta {
  dau: number;
  wau: number;
  mau: number;
}

/**
 * Adds `sign` × the member's contribution to days `from`..`to` (day numbers, both included) into `out`.
 * `days` are the member's activity day numbers, sorted ascending; only those within [from − 29, to] matter.
 */
export function addDailyContribution(out: Map<number, DailyDelta>, days: readonly number[], from: number, to: number, sign: 1 | -1): void {
  let next = 0;
  // For each t, the latest activity day ≤ t decides both windows.
  let latest = -Infinity;
  while (next < days.length && days[next]! < from - MAU_DAYS) next++;
  for (let t = from; t <= to; t++) {
    while (next < days.length && days[next]! <= t) latest = days[next++]!;
    const dau = latest === t ? 1 : 0;
    const wau = t - latest < WAU_DAYS ? 1 : 0;
    const mau = t - latest < MAU_DAYS ? 1 : 0;
    if (dau + wau + mau === 0) continue;
    let cell = out.get(t);
    if (!cell) out.set(t, (cell = { dau: 0, wau: 0, mau: 0 }));
    cell.dau += sign * dau;
    cell.wau += sign * wau;
    cell.mau += sign * mau;
  }
}

/** Retention cells keyed "period|cohort|offset". */
export type CellDeltas = Map<string, number>;

export function cellKey(period: 'day' | 'week', cohort: string, offset: number): string {
  return `${period}|${cohort}|${offset}`;
}

export function parseCellKey(key: string): { period: 'day' | 'week'; cohort: string; offset: number } {
  const [period, cohort, offset] = key.split('|');
  return { period: period as 'day' | 'week', cohort: cohort!, offset: Number(offset) };
}

/**
 * Adds `sign` × the member's retention cells: the cohort is the first activity day (and its week); offset k counts
 * the member when active in the k-th day (week) after it. `days` sorted ascending, the member's whole history.
 */
export function addRetentionContribution(out: CellDeltas, days: readonly number[], sign: 1 | -1): void {
  if (days.length === 0) return;
  const first = days[0]!;
  const cohortDay = dayOfNumber(first);
  const cohortWeek = weekStart(cohortDay);
  const cohortWeekNo = dayNumber(cohortWeek);
  let lastWeekOffset = -1;
  for (const d of days) {
    bump(out, cellKey('day', cohortDay, d - first), sign);
    const weekOffset = Math.floor((d - cohortWeekNo) / 7);
    if (weekOffset !== lastWeekOffset) {
      bump(out, cellKey('week', cohortWeek, weekOffset), sign);
      lastWeekOffset = weekOffset;
    }
  }
}

function bump(out: Map<string, number>, key: string, by: number): void {
  const value = (out.get(key) ?? 0) + by;
  if (value === 0) out.delete(key);
  else out.set(key, value);
}

/**
 * Full-history aggregation for a rebuild: difference arrays over day numbers, so each member costs O(its days)
 * instead of O(days × 30). `finish()` turns them into per-day totals.
 */
export class DailyAccumulator {
  private readonly dau = new Map<number, number>();
  private readonly wauDiff = new Map<number, number>();
  private readonly mauDiff = new Map<number, number>();

  add(days: readonly number[]): void {
    for (const d of days) this.dau.set(d, (this.dau.get(d) ?? 0) + 1);
    this.addCoverage(this.wauDiff, days, WAU_DAYS);
    this.addCoverage(this.mauDiff, days, MAU_DAYS);
  }

  /** Marks the union of [d, d + span − 1] over the member's days: +1 where a covered run starts, −1 after it ends. */
  private addCoverage(diff: Map<number, number>, days: readonly number[], span: number): void {
    let runStart = NaN;
    let runEnd = NaN;
    for (const d of days) {
      if (d <= runEnd + 1) {
        runEnd = Math.max(runEnd, d + span - 1);
        continue;
      }
      if (!Number.isNaN(runStart)) this.mark(diff, runStart, runEnd);
      runStart = d;
      runEnd = d + span - 1;
    }
    if (!Number.isNaN(runStart)) this.mark(diff, runStart, runEnd);
  }

  private mark(diff: Map<number, number>, start: number, end: number): void {
    diff.set(start, (diff.get(start) ?? 0) + 1);
    diff.set(end + 1, (diff.get(end + 1) ?? 0) - 1);
  }

  finish(): Map<number, DailyDelta> {
    const out = new Map<number, DailyDelta>();
    const keys = [...new Set([...this.dau.keys(), ...this.wauDiff.keys(), ...this.mauDiff.keys()])].sort((a, b) => a - b);
    if (keys.length === 0) return out;
    let wau = 0;
    let mau = 0;
    for (let t = keys[0]!; t <= keys[keys.length - 1]!; t++) {
      wau += this.wauDiff.get(t) ?? 0;
      mau += this.mauDiff.get(t) ?? 0;
      const dau = this.dau.get(t) ?? 0;
      if (dau + wau + mau > 0) out.set(t, { dau, wau, mau });
    }
    return out;
  }
}
