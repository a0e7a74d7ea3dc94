// How report values read: ratios (0–1) as percentages, money in yuan, durations in minutes.
export { money } from '../campaign-run/display';

export function pct(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

export function minutes(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.round((ms / 60_000) * 10) / 10;
}

export const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
