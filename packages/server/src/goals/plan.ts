// Building a goal's original plan from what was asked: the goal's dates and target checked, the teams and their
// shares resolved, and each team's target split over the days (even, weekday weights or by hand). Every refusal
// names the field at fault.
import { daysBetween } from '../campaigns/rules.js';
import { AppError, invalid } from '../http/errors.js';
import type { Metric } from './metrics.js';
import type { LoadedGoal } from './read.js';
import { MAX_GOAL_DAYS, type UpdateGoalInput } from './schema.js';
import { allocate, dayWeights, rangeDays, round2, type SplitMethod } from './split.js';

export interface PlanRequest {
  metric: Metric;
  /** The scope's team, for a goal scoped to one team. */
  scopeTeamId: number | null;
  target: number;
  startsOn: string;
  endsOn: string;
  /** 'all', [] (not split among teams) or the chosen teams with optional hand-set targets. */
  teams: 'all' | Array<{ teamId: number; target?: number }>;
  split: SplitMethod;
  weekdayWeights: number[] | null;
  manualTargets: Array<{ teamId: number | null; day: string; target: number }> | null;
}

export interface TeamPlan {
  teamId: number | null;
  target: number;
  /** The day targets, one per day of the goal. */
  planned: number[];
}

export interface Plan {
  days: string[];
  teams: TeamPlan[];
  weekdayWeights: number[] | null;
}

const bad = (field: string, reason: string) => invalid('validation.failed', `${field}: ${reason}`, { [field]: reason });
const whole = (x: number) => Number.isInteger(x);
const sum = (xs: readonly number[]) => round2(xs.reduce((a, x) => a + x, 0));

export function checkTarget(metric: Metric, target: number): void {
  if (metric.whole && !whole(target)) throw bad('target', 'must be a whole number for this metric');
  if (metric.kind === 'rate' && target > 1) throw bad('target', 'a rate must be at most 1 (100%)');
  if (!metric.whole && round2(target) !== target) throw bad('target', 'must have at most two decimals');
}

export function checkDates(startsOn: string, endsOn: string): string[] {
  if (endsOn < startsOn) throw bad('endsOn', 'must not be before startsOn');
  if (daysBetween(startsOn, endsOn) + 1 > MAX_GOAL_DAYS) throw bad('endsOn', `a goal spans at most ${MAX_GOAL_DAYS} days`);
  return rangeDays(startsOn, endsOn);
}

/** The teams' targets: a rate is every team's rate; otherwise hand-set shares that add up, or an even split. */
function teamTargets(req: PlanRequest, teamIds: Array<number | null>): number[] {
  const chosen = Array.isArray(req.teams) ? req.teams : [];
  const given = chosen.map((t) => t.target);
  if (req.metric.kind === 'rate') {
    const i = given.findIndex((g) => g !== undefined);
    if (i >= 0) throw bad(`teams.${i}.target`, 'a rate goal gives every team the same rate: leave the team targets out');
    return teamIds.map(() => req.target);
  }
  if (given.length === 0 || given.every((g) => g === undefined)) return allocate(req.target, teamIds.map(() => 1));
  const missing = given.findIndex((g) => g === undefined);
  if (missing >= 0) throw bad(`teams.${missing}.target`, "set every team's target, or none for an even split");
  given.forEach((g, i) => {
    if (req.metric.whole && !whole(g!)) throw bad(`teams.${i}.target`, 'must be a whole number for this metric');
    if (round2(g!) !== g) throw bad(`teams.${i}.target`, 'must have at most two decimals');
  });
  const total = sum(given as number[]);
  if (total !== round2(req.target)) throw bad('teams', `the teams' targets add up to ${total}, not the goal's target ${req.target}`);
  return given as number[];
}

function dayPlan(req: PlanRequest, days: string[], teams: Array<{ teamId: number | null; target: number }>): { planned: number[][]; weights: number[] | null } {
  if (req.metric.kind !== 'flow') {
    if (req.split !== 'even') throw bad('split', 'a rate or level goal has the same target every day: use split "even"');
    return { planned: teams.map((t) => days.map(() => t.target)), weights: null };
  }
  if (req.split === 'even') return { planned: teams.map((t) => allocate(t.target, days.map(() => 1))), weights: null };
  if (req.split === 'weekday') {
    const weights = req.weekdayWeights;
    if (!weights) throw bad('weekdayWeights', 'required for a split by weekday');
    if (sum(weights) <= 0) throw bad('weekdayWeights', 'must add up to more than 0');
    const perDay = dayWeights(days, 'weekday', weights);
    if (sum(perDay) <= 0) throw bad('weekdayWeights', "every day of the goal falls on a weekday of weight 0");
    return { planned: teams.map((t) => allocate(t.target, perDay)), weights };
  }
  const entries = req.manualTargets;
  if (!entries) throw bad('manualTargets', 'required for a split by hand');
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const teamIndex = new Map(teams.map((t, i) => [t.teamId, i]));
  const planned = teams.map(() => days.map(() => 0));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const d = dayIndex.get(e.day);
    if (d === undefined) throw bad(`manualTargets.${i}.day`, 'is not a day of the goal');
    const t = teamIndex.get(e.teamId);
    if (t === undefined) throw bad(`manualTargets.${i}.teamId`, e.teamId === null ? 'the goal is split among teams: name the team' : 'is not a team of this goal');
    if (seen.has(`${e.teamId}|${e.day}`)) throw bad(`manualTargets.${i}`, 'this team and day are given twice');
    seen.add(`${e.teamId}|${e.day}`);
    if (req.metric.whole && !whole(e.target)) throw bad(`manualTargets.${i}.target`, 'must be a whole number for this metric');
    if (round2(e.target) !== e.target) throw bad(`manualTargets.${i}.target`, 'must have at most two decimals');
    planned[t]![d] = e.target;
  });
  teams.forEach((t, i) => {
    const total = sum(planned[i]!);
    if (total !== round2(t.target)) {
      throw bad('manualTargets', `the days of ${t.teamId === null ? 'the goal' : `team ${t.teamId}`} add up to ${total}, not its target ${t.target}`);
    }
  });
  return { planned, weights: null };
}

/**
 * The plan of a goal. `workspaceTeams` are the workspace's team ids, to resolve 'all' and check chosen teams (a
 * chosen team not among them is 404 team.not_found naming the entry).
 */
export function buildPlan(req: PlanRequest, workspaceTeams: readonly number[]): Plan {
  checkTarget(req.metric, req.target);
  const days = checkDates(req.startsOn, req.endsOn);
  let teamIds: Array<number | null>;
  if (req.teams === 'all') {
    teamIds = req.scopeTeamId !== null ? [req.scopeTeamId] : workspaceTeams.length ? [...workspaceTeams] : [null];
  } else if (req.teams.length === 0) {
    if (req.scopeTeamId !== null) throw bad('teams', "a goal of one team is that team's: leave teams out");
    teamIds = [null];
  } else {
    const known = new Set(workspaceTeams);
    const seen = new Set<number>();
    req.teams.forEach((t, i) => {
      if (!known.has(t.teamId)) throw new AppError(404, 'team.not_found', 'Team not found', { [`teams.${i}.teamId`]: 'no such team' });
      if (seen.has(t.teamId)) throw bad(`teams.${i}.teamId`, 'listed twice');
      if (req.scopeTeamId !== null && t.teamId !== req.scopeTeamId) throw bad(`teams.${i}.teamId`, "a goal of one team can only be that team's");
      seen.add(t.teamId);
    });
    teamIds = req.teams.map((t) => t.teamId);
  }
  const targets = teamTargets(req, teamIds);
  const teams = teamIds.map((teamId, i) => ({ teamId, target: targets[i]! }));
  const { planned, weights } = dayPlan(req, days, teams);
  return { days, teams: teams.map((t, i) => ({ ...t, planned: planned[i]! })), weekdayWeights: weights };
}

/**
 * What a change asks of the plan, with what it leaves out taken from the goal: the teams' current shares when they
 * still add up to the target (else an even split among the same teams), the split and its weights, and a hand
 * split's days where they still fit (buildPlan names manualTargets when they no longer add up).
 */
export function replanRequest(goal: LoadedGoal, input: UpdateGoalInput): PlanRequest {
  const { row, metric } = goal;
  const target = input.target ?? row.target;
  const split = input.split ?? (row.split as SplitMethod);
  const startsOn = input.startsOn ?? row.starts_on;
  const endsOn = input.endsOn ?? row.ends_on;
  const amongTeams = goal.teams.some((t) => t.teamId !== null);
  let teams: PlanRequest['teams'];
  if (input.teams !== undefined) teams = input.teams;
  else if (!amongTeams) teams = [];
  else {
    const shares = goal.teams.map((t) => ({ teamId: t.teamId!, target: t.target }));
    const addsUp = Math.round(shares.reduce((a, t) => a + t.target, 0) * 100) === Math.round(target * 100);
    teams = metric.kind !== 'rate' && addsUp ? shares : shares.map((t) => ({ teamId: t.teamId }));
  }
  let manualTargets = input.manualTargets ?? null;
  if (split === 'manual' && manualTargets === null) {
    const days = new Set(rangeDays(startsOn, endsOn));
    manualTargets = goal.teams.flatMap((t) => goal.days.map((day, i) => ({ teamId: t.teamId, day, target: t.planned[i]! })))
      .filter((e) => days.has(e.day) && e.target !== 0);
  }
  const stored = row.weekday_weights ? (JSON.parse(row.weekday_weights) as number[]) : null;
  return {
    metric, scopeTeamId: row.scope_kind === 'team' ? row.scope_id : null, target, startsOn, endsOn, teams, split,
    weekdayWeights: input.weekdayWeights ?? stored, manualTargets,
  };
}
