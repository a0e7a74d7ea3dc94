// Reading goals: a goal with its teams' shares and original plan, measured as of an instant (from the data, or the
// values typed in) and evaluated into lines and standings, and the goal as the API returns it.
import { localDate } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import { measureFlow, measureLevel, measureRate } from './measure.js';
import { metricOf, type Metric, type ScopeKind } from './metrics.js';
import { evaluate, type Actuals, type Clocked, type Evaluated } from './progress.js';
import * as q from './queries.js';
import type { GoalOut } from './schema.js';
import { rangeDays, type SplitMethod } from './split.js';

export interface LoadedTeam {
  goalTeamId: number;
  teamId: number | null;
  teamName: string | null;
  target: number;
  planned: number[];
}

export interface LoadedGoal {
  row: q.GoalRow;
  metric: Metric;
  days: string[];
  teams: LoadedTeam[];
}

/** A goal evaluated at an instant. */
export interface GoalNow {
  goal: LoadedGoal;
  today: string;
  clock: Clocked;
  evaluated: Evaluated;
}

/** Teams in a stable order on both databases: the unsplit share first, then by team id. */
const byTeam = (a: { teamId: number | null }, b: { teamId: number | null }) => (a.teamId ?? 0) - (b.teamId ?? 0);

function clockOf(days: readonly string[], today: string): Clocked {
  return { begun: days.filter((d) => d <= today).length, ended: days.filter((d) => d < today).length };
}

export async function loadGoals(s: Scoped, rows: q.GoalRow[]): Promise<LoadedGoal[]> {
  const teams = await q.goalTeams(s, rows.map((r) => r.id));
  const targets = await q.dayTargets(s, teams.map((t) => t.id));
  const plannedOf = new Map<number, Map<string, number>>();
  for (const t of targets) {
    let days = plannedOf.get(t.goal_team_id);
    if (!days) plannedOf.set(t.goal_team_id, (days = new Map()));
    days.set(t.day, Number(t.planned));
  }
  return rows.map((row) => {
    const days = rangeDays(row.starts_on, row.ends_on);
    const own = teams.filter((t) => t.goal_id === row.id).map((t) => ({
      goalTeamId: t.id, teamId: t.team_id === null ? null : Number(t.team_id), teamName: t.team_name ?? null, target: Number(t.target),
      planned: days.map((d) => plannedOf.get(t.id)?.get(d) ?? 0),
    })).sort(byTeam);
    return { row: { ...row, target: Number(row.target) }, metric: metricOf(row.metric), days, teams: own };
  });
}

async function measure(s: Scoped, goal: LoadedGoal, timezone: string, until: Date): Promise<Actuals> {
  const { metric, row, days } = goal;
  if (metric.key === 'manual') {
    const teamOf = new Map(goal.teams.map((t) => [t.goalTeamId, t.teamId]));
    const index = new Map(days.map((d, i) => [d, i]));
    const series = new Map<number | null, number[]>(goal.teams.map((t) => [t.teamId, days.map(() => 0)]));
    for (const a of await q.manualActuals(s, goal.teams.map((t) => t.goalTeamId))) {
      const i = index.get(a.day);
      if (i !== undefined) series.get(teamOf.get(a.goal_team_id)!)![i] = Number(a.value);
    }
    return { kind: 'flow', series };
  }
  const input = { s, metric: metric.key, scope: { kind: row.scope_kind as ScopeKind, id: row.scope_id }, timezone, days, until };
  if (metric.kind === 'rate') return { kind: 'rate', series: await measureRate(input) };
  if (metric.kind === 'level') return { kind: 'level', series: await measureLevel(input) };
  return { kind: 'flow', series: await measureFlow(input) };
}

/** The goal's lines and standings as of `now`: only what happened before it counts. */
export async function evaluateGoal(s: Scoped, goal: LoadedGoal, timezone: string, now: Date): Promise<GoalNow> {
  const today = localDate(now, timezone);
  const clock = clockOf(goal.days, today);
  const actuals = await measure(s, goal, timezone, now);
  const evaluated = evaluate({
    kind: goal.metric.kind, manual: goal.metric.key === 'manual', days: goal.days, clock, goalTarget: goal.row.target,
    plan: goal.teams, actuals, teamScope: goal.row.scope_kind === 'team',
  });
  return { goal, today, clock, evaluated };
}

/** `names`: scope names keyed `kind:id` (queries.scopeNames). */
export function toGoalOut({ goal, today, evaluated }: GoalNow, names: Map<string, string>): GoalOut {
  const { row, metric } = goal;
  const state = row.archived_at !== null ? 'archived' : today < row.starts_on ? 'upcoming' : today > row.ends_on ? 'ended' : 'running';
  const [whole, ...teams] = evaluated.standings;
  return {
    id: row.id, name: row.name, description: row.description, metric: metric.key, kind: metric.kind, unit: metric.unit,
    scope: { kind: row.scope_kind as ScopeKind, id: row.scope_id, name: row.scope_id === null ? null : names.get(`${row.scope_kind}:${row.scope_id}`) ?? null },
    startsOn: row.starts_on, endsOn: row.ends_on, days: goal.days.length, target: row.target, split: row.split as SplitMethod,
    weekdayWeights: row.weekday_weights ? (JSON.parse(row.weekday_weights) as number[]) : null,
    teams: goal.teams.map((t) => ({ teamId: t.teamId, teamName: t.teamName, target: t.target })),
    state, standing: whole!, teamStandings: teams,
    createdAt: row.created_at, updatedAt: row.updated_at, archivedAt: row.archived_at,
  };
}
