// The arithmetic of a goal's plan: a total split into parts by weights (largest remainder, so the parts add up
// exactly), the daily weights of each split method, and the re-plan that spreads what is left over the days left.
import { daysFrom } from '../analytics/days.js';

export const SPLITS = ['even', 'weekday', 'manual'] as const;
export type SplitMethod = (typeof SPLITS)[number];

/** Rounds to cents: every value of a goal has at most two decimals, and sums of them must not drift. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

const isWhole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;

/**
 * Splits `total` into parts proportional to `weights`. A whole total is split into whole parts, any other into
 * cents; the remainder goes to the largest fractions (the earlier part on a tie), so the parts add up to the total.
 * All weights 0: all parts 0.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const unit = isWhole(total) ? 1 : 0.01;
  const units = Math.round(total / unit);
  const quotas = weights.map((w) => (units * w) / sum);
  const parts = quotas.map((q) => Math.floor(q + 1e-9));
  let left = units - parts.reduce((a, p) => a + p, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - parts[i]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) parts[order[k]!.i]! += 1;
  return parts.map((p) => round2(p * unit));
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The days of a range, both ends included. */
export const rangeDays = daysFrom;

/** The weight of each day under an even or weekday split (Monday first). */
export function dayWeights(days: readonly string[], split: 'even' | 'weekday', weekdayWeights: readonly number[] | null): number[] {
  if (split === 'even' || !weekdayWeights) return days.map(() => 1);
  return days.map((d) => weekdayWeights[weekdayIndex(d)]!);
}

/**
 * The re-planned target of every day of a flow goal (one team or the whole). `today` is the index of today among
 * the days (0 before the goal starts, days.length after it ended). A day that has ended is re-planned as of its own
 * start: (target − achieved before it) spread over it and the later days in the shape of the original plan; today
 * and the days after share what was left after yesterday. Never below 0: a team already over its target owes nothing.
 */
export function replan(target: number, planned: readonly number[], actual: readonly number[], today: number): number[] {
  const n = planned.length;
  const t = Math.max(0, Math.min(today, n));
  const out: number[] = [];
  let before = 0;
  for (let i = 0; i < t; i++) {
    out.push(allocate(Math.max(0, round2(target - before)), planned.slice(i))[0]!);
    before = round2(before + (actual[i] ?? 0));
  }
  if (t < n) out.push(...allocate(Math.max(0, round2(target - before)), planned.slice(t)));
  return out;
}
