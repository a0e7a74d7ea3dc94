// Totals over the ledger: the leaderboard of a week or month (ranks, breakdown by rule) and each staff member's
// balance this week, this month and of all time. An entry counts for its `day`, a local date of the workspace.
import type { Scoped } from '../db/scoped.js';
import * as q from './queries.js';
import { BREAKDOWN_KEYS, competitionRanks, periodRange, RULE_KINDS, type BreakdownKey, type Period } from './rules.js';
import type { BalancesOut, LeaderboardOut } from './schema.js';

const LEADERBOARD_DEFINITIONS: LeaderboardOut['definitions'] = {
  points: 'Sum of the points of every ledger entry (rule, manual, reversal) whose day falls from `from` to `to` (local days of the workspace, both included).',
  entries: 'Count of those ledger entries, corrections included.',
  rank: 'Position by points, highest first; equal points share a rank and the next rank is skipped (1, 1, 3).',
  breakdown: 'The same points split by the rule that gave them; `manual` holds manual awards and penalties; a reversal counts under the rule of the entry it corrects.',
};

const BALANCE_DEFINITIONS: BalancesOut['definitions'] = {
  week: 'Sum of the points of the entries whose day falls in the current week (Monday to Sunday, workspace time zone).',
  month: 'Sum of the points of the entries whose day falls in the current calendar month.',
  allTime: 'Sum of the points of every entry of the staff member.',
};

type Breakdown = Record<BreakdownKey, number>;
const emptyBreakdown = (): Breakdown => Object.fromEntries(BREAKDOWN_KEYS.map((k) => [k, 0])) as Breakdown;
const breakdownKey = (ruleKind: string | null): BreakdownKey =>
  ruleKind !== null && (RULE_KINDS as readonly string[]).includes(ruleKind) ? (ruleKind as BreakdownKey) : 'manual';

const staffOut = (row: { id: number; display_name: string; disabled: number }) => ({ id: row.id, displayName: row.display_name, disabled: row.disabled === 1 });
const teamOut = (row: { team_id: number | null; team_name: string | null }) => (row.team_id === null ? null : { id: row.team_id, name: row.team_name ?? '' });

export async function leaderboardOf(s: Scoped, period: Period, date: string, teamId: number | null): Promise<LeaderboardOut> {
  const { from, to } = periodRange(period, date);
  const totals = new Map<number, { points: number; entries: number; breakdown: Breakdown }>();
  for (const sum of await q.sumsBetween(s, from, to)) {
    let t = totals.get(sum.staffId);
    if (!t) totals.set(sum.staffId, (t = { points: 0, entries: 0, breakdown: emptyBreakdown() }));
    t.points += sum.points;
    t.entries += sum.entries;
    t.breakdown[breakdownKey(sum.ruleKind)] += sum.points;
  }
  // Everyone active is on the board (with 0 when they have nothing); a disabled account only with entries in the period.
  const staff = (await q.listStaff(s))
    .filter((row) => (teamId === null || row.team_id === teamId) && (row.disabled === 0 || totals.has(row.id)))
    .map((row) => ({ row, ...(totals.get(row.id) ?? { points: 0, entries: 0, breakdown: emptyBreakdown() }) }))
    .sort((a, b) => b.points - a.points || a.row.display_name.localeCompare(b.row.display_name, 'zh-CN') || a.row.id - b.row.id);
  const ranks = competitionRanks(staff.map((x) => x.points));
  const total = { points: 0, entries: 0, breakdown: emptyBreakdown() };
  for (const x of staff) {
    total.points += x.points;
    total.entries += x.entries;
    for (const k of BREAKDOWN_KEYS) total.breakdown[k] += x.breakdown[k];
  }
  return {
    period, from, to, teamId,
    items: staff.map((x, i) => ({ rank: ranks[i]!, staff: staffOut(x.row), team: teamOut(x.row), points: x.points, entries: x.entries, breakdown: x.breakdown })),
    total,
    definitions: LEADERBOARD_DEFINITIONS,
  };
}

export async function balancesOf(s: Scoped, today: string): Promise<BalancesOut> {
  const week = periodRange('week', today);
  const month = periodRange('month', today);
  const sums = await q.balances(s, week, month);
  const items = (await q.listStaff(s))
    .filter((row) => row.disabled === 0 || sums.has(row.id))
    .map((row) => ({ staff: staffOut(row), team: teamOut(row), ...(sums.get(row.id) ?? { week: 0, month: 0, allTime: 0 }) }));
  return { today, week, month, items, definitions: BALANCE_DEFINITIONS };
}
