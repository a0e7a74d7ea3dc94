// Goals decomposed to the day: a metric × a scope × dates × a target, split into daily targets per team, measured
// from the data (or typed in), re-planned from the actuals, and the standings other features read (points, alerts).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { localDate } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import { METRICS, metricOf, PROGRESS_DEFINITIONS, type Metric, type ScopeKind } from './metrics.js';
import { buildPlan, replanRequest, type Plan } from './plan.js';
import { ratio } from './progress.js';
import * as q from './queries.js';
import { evaluateGoal, loadGoals, toGoalOut, type LoadedGoal, type LoadedTeam } from './read.js';
import type { CreateGoalInput, GoalOut, ProgressOut, UpdateGoalInput } from './schema.js';
import { weekdayIndex } from './split.js';

/** One team's (or the whole goal's, teamId null) target and actual on one day of a goal. */
export interface TeamDayAttainment {
  goalId: number;
  goalName: string;
  metric: string;
  teamId: number | null;
  teamName: string | null;
  day: string;
  /** The original split's target of the day. */
  planned: number;
  /** The re-planned target of the day (what was left, spread over the days left, as of that day's start). */
  target: number;
  actual: number;
  /** actual ≥ target (for a rate metric: the day's rate ≥ the target rate). */
  met: boolean;
}

/** Where a team stands on an active goal: achieved against target, and how much of the goal's time has passed. */
export interface GoalStanding {
  goalId: number;
  goalName: string;
  metric: string;
  teamId: number | null;
  teamName: string | null;
  target: number;
  achieved: number;
  /** achieved / target (0 when the target is 0). */
  completion: number;
  /** Share of the goal's days elapsed, 0…1 (a day counts once it has ended). */
  timeElapsed: number;
  /** (timeElapsed − completion) × 100: how many points the team is behind time; negative when ahead. */
  gapPoints: number;
}

const goalNotFound = () => notFound('goal');

export class GoalService {
  constructor(readonly db: Kysely<DB>, readonly clock: Clock) {}

  /** The metric catalogue with the definitions of every metric. */
  metrics(): readonly Metric[] {
    return METRICS;
  }

  async list(ctx: AccessContext, status: 'active' | 'archived'): Promise<GoalOut[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listGoals(s, status === 'archived');
    const [goals, timezone, names] = await Promise.all([loadGoals(s, rows), q.workspaceTimezone(this.db, ctx.workspaceId), q.scopeNames(s, rows)]);
    const now = this.clock.now();
    const out: GoalOut[] = [];
    for (const goal of goals) out.push(toGoalOut(await evaluateGoal(s, goal, timezone, now), names));
    return out;
  }

  async get(ctx: AccessContext, id: number): Promise<GoalOut> {
    return this.getIn(this.db, ctx, id);
  }

  private async getIn(db: Executor, ctx: AccessContext, id: number): Promise<GoalOut> {
    const s = scoped(db, ctx.workspaceId);
    const goal = await this.requireGoal(s, id);
    const [timezone, names] = await Promise.all([q.workspaceTimezone(db, ctx.workspaceId), q.scopeNames(s, [goal.row])]);
    return toGoalOut(await evaluateGoal(s, goal, timezone, this.clock.now()), names);
  }

  async create(ctx: AccessContext, input: CreateGoalInput): Promise<GoalOut> {
    const metric = metricOf(input.metric);
    const scopeId = input.scopeId ?? null;
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      await this.checkScope(s, metric, input.scopeKind, scopeId);
      const plan = buildPlan({
        metric, scopeTeamId: input.scopeKind === 'team' ? scopeId : null, target: input.target, startsOn: input.startsOn, endsOn: input.endsOn,
        teams: input.teams, split: input.split, weekdayWeights: input.weekdayWeights ?? null, manualTargets: input.manualTargets ?? null,
      }, (await q.teams(s)).map((t) => t.id));
      const at = this.clock.now().toISOString();
      const id = await q.insertGoal(tx, {
        workspace_id: ctx.workspaceId, name: input.name, description: input.description ?? '', metric: metric.key,
        scope_kind: input.scopeKind, scope_id: scopeId, starts_on: input.startsOn, ends_on: input.endsOn, target: input.target,
        split: input.split, weekday_weights: plan.weekdayWeights ? JSON.stringify(plan.weekdayWeights) : null,
        created_by: ctx.staffId, created_at: at, updated_at: at, archived_at: null,
      });
      await this.storePlan(s, id, [], plan);
      const goal = await this.getIn(tx, ctx, id);
      await recordAudit(tx, ctx, { action: 'goal.create', entity: 'goal', entityId: id, after: await this.snapshot(s, id) });
      return goal;
    });
  }

  /** Renames, or re-splits the original plan when the target, dates, teams or split change (plan.ts `replanRequest`). */
  async update(ctx: AccessContext, id: number, input: UpdateGoalInput): Promise<GoalOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const goal = await this.requireGoal(s, id);
      if (goal.row.archived_at !== null) throw conflict('goal.archived', 'This goal is archived', { id: 'archived' });
      const before = await this.snapshot(s, id);
      const replan = ['target', 'startsOn', 'endsOn', 'teams', 'split', 'weekdayWeights', 'manualTargets'].some((k) => input[k as keyof UpdateGoalInput] !== undefined);
      const patch: Parameters<typeof q.updateGoal>[2] = { updated_at: this.clock.now().toISOString() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (replan) {
        const plan = buildPlan(replanRequest(goal, input), (await q.teams(s)).map((t) => t.id));
        Object.assign(patch, {
          target: input.target ?? goal.row.target, starts_on: plan.days[0], ends_on: plan.days[plan.days.length - 1],
          split: input.split ?? goal.row.split, weekday_weights: plan.weekdayWeights ? JSON.stringify(plan.weekdayWeights) : null,
        });
        await this.storePlan(s, id, goal.teams, plan);
      }
      await q.updateGoal(s, id, patch);
      const after = await this.snapshot(s, id);
      await recordAudit(tx, ctx, { action: replan ? 'goal.replan' : 'goal.update', entity: 'goal', entityId: id, before, after });
      return this.getIn(tx, ctx, id);
    });
  }

  /** Archives a goal (already archived: returned as it is). Its plan and typed-in values stay. */
  async archive(ctx: AccessContext, id: number): Promise<GoalOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const goal = await this.requireGoal(s, id);
      if (goal.row.archived_at === null) {
        const at = this.clock.now().toISOString();
        await q.updateGoal(s, id, { archived_at: at, updated_at: at });
        await recordAudit(tx, ctx, { action: 'goal.archive', entity: 'goal', entityId: id, before: { archivedAt: null }, after: { archivedAt: at } });
      }
      return this.getIn(tx, ctx, id);
    });
  }

  /** Per line (the whole goal, each team, unassigned) and day: planned, re-planned, actual, cumulative, completion. */
  async progress(ctx: AccessContext, id: number): Promise<ProgressOut> {
    return this.progressIn(this.db, ctx, id);
  }

  private async progressIn(db: Executor, ctx: AccessContext, id: number): Promise<ProgressOut> {
    const s = scoped(db, ctx.workspaceId);
    const goal = await this.requireGoal(s, id);
    const [timezone, names] = await Promise.all([q.workspaceTimezone(db, ctx.workspaceId), q.scopeNames(s, [goal.row])]);
    const now = this.clock.now();
    const state = await evaluateGoal(s, goal, timezone, now);
    const n = goal.days.length;
    return {
      goal: toGoalOut(state, names),
      metric: { ...goal.metric, scopes: [...goal.metric.scopes] },
      asOf: now.toISOString(),
      today: state.today,
      days: goal.days.map((day, i) => ({ day, weekday: weekdayIndex(day) + 1, ended: i < state.clock.ended, timeElapsed: ratio(i + 1, n) })),
      lines: state.evaluated.lines,
      definitions: { metric: goal.metric.definition, ...PROGRESS_DEFINITIONS },
    };
  }

  /** Types in (or, with value null, removes) a team's value of a day, for a goal of the manual metric. */
  async setActual(ctx: AccessContext, id: number, input: { teamId: number | null; day: string; value: number | null }): Promise<ProgressOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const goal = await this.requireGoal(s, id);
      if (goal.metric.key !== 'manual') throw invalid('goal.not_manual', 'Only a goal of the manual metric takes typed-in values', { value: 'this goal is measured from the data' });
      if (goal.row.archived_at !== null) throw conflict('goal.archived', 'This goal is archived', { id: 'archived' });
      if (!goal.days.includes(input.day)) throw invalid('validation.failed', 'day: is not a day of the goal', { day: 'is not a day of the goal' });
      const today = localDate(this.clock.now(), await q.workspaceTimezone(tx, ctx.workspaceId));
      if (input.day > today) throw invalid('validation.failed', 'day: has not begun yet', { day: 'has not begun yet' });
      const team = goal.teams.find((t) => t.teamId === input.teamId);
      if (!team) throw invalid('validation.failed', 'teamId: is not a team of this goal', { teamId: input.teamId === null ? 'the goal is split among teams: name the team' : 'is not a team of this goal' });
      if (goal.metric.whole && input.value !== null && !Number.isInteger(input.value)) throw invalid('validation.failed', 'value: must be a whole number', { value: 'must be a whole number' });
      if (input.value !== null && Math.round(input.value * 100) / 100 !== input.value) throw invalid('validation.failed', 'value: at most two decimals', { value: 'must have at most two decimals' });
      const before = (await q.findActual(s, team.goalTeamId, input.day))?.value ?? null;
      if (input.value === null) await q.deleteActual(s, team.goalTeamId, input.day);
      else await q.setActual(s, { goalTeamId: team.goalTeamId, day: input.day, value: input.value, by: ctx.staffId, at: this.clock.now().toISOString() });
      await recordAudit(tx, ctx, {
        action: 'goal.actual', entity: 'goal', entityId: id,
        before: { teamId: input.teamId, day: input.day, value: before }, after: { teamId: input.teamId, day: input.day, value: input.value },
      });
      return this.progressIn(tx, ctx, id);
    });
  }

  /** The targets and actuals of every team on `day` (local date), for goals whose range contains it. */
  async dayAttainment(ctx: AccessContext, day: string): Promise<TeamDayAttainment[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const goals = await loadGoals(s, await q.goalsOn(s, day));
    const timezone = await q.workspaceTimezone(this.db, ctx.workspaceId);
    const now = this.clock.now();
    const out: TeamDayAttainment[] = [];
    for (const goal of goals) {
      const { evaluated } = await evaluateGoal(s, goal, timezone, now);
      const i = goal.days.indexOf(day);
      for (const line of evaluated.lines) {
        if (line.kind === 'unassigned') continue;
        const cell = line.cells[i]!;
        const target = cell.replanned ?? 0;
        out.push({
          goalId: goal.row.id, goalName: goal.row.name, metric: goal.metric.key, teamId: line.teamId, teamName: line.teamName, day,
          planned: cell.planned ?? 0, target, actual: cell.actual ?? 0, met: cell.actual !== null && cell.actual >= target,
        });
      }
    }
    return out;
  }

  /** Every team's standing on the goals active at `asOf`. */
  async standings(ctx: AccessContext, asOf: Date): Promise<GoalStanding[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const timezone = await q.workspaceTimezone(this.db, ctx.workspaceId);
    const goals = await loadGoals(s, await q.goalsOn(s, localDate(asOf, timezone)));
    const out: GoalStanding[] = [];
    for (const goal of goals) {
      const { evaluated } = await evaluateGoal(s, goal, timezone, asOf);
      for (const st of evaluated.standings) {
        out.push({
          goalId: goal.row.id, goalName: goal.row.name, metric: goal.metric.key, teamId: st.teamId, teamName: st.teamName,
          target: st.target, achieved: st.achieved, completion: st.completion.value ?? 0, timeElapsed: st.timeElapsed.value ?? 0, gapPoints: st.gapPoints,
        });
      }
    }
    return out;
  }

  // ---- internals ----

  private async requireGoal(s: Scoped, id: number): Promise<LoadedGoal> {
    const row = await q.findGoal(s, id);
    if (!row) throw goalNotFound();
    return (await loadGoals(s, [row]))[0]!;
  }

  /** The scope row must exist in the workspace (404 naming scopeId) and suit the metric. */
  private async checkScope(s: Scoped, metric: Metric, kind: ScopeKind, id: number | null): Promise<void> {
    if (!metric.scopes.includes(kind)) throw invalid('validation.failed', `scopeKind: ${metric.key} cannot be scoped by ${kind}`, { scopeKind: `${metric.key} cannot be scoped by ${kind}` });
    if (kind === 'workspace') {
      if (id !== null) throw invalid('validation.failed', 'scopeId: must be empty for the whole workspace', { scopeId: 'must be empty for the whole workspace' });
      return;
    }
    if (id === null) throw invalid('validation.failed', `scopeId: required for a ${kind} scope`, { scopeId: `required for a ${kind} scope` });
    if ((await q.scopeName(s, kind, id)) === undefined) throw new AppError(404, `${kind}.not_found`, `${kind} not found`, { scopeId: `no such ${kind}` });
  }

  /** Writes the plan: team shares matched by team (so typed-in values stay), the day targets replaced. */
  private async storePlan(s: Scoped, goalId: number, current: LoadedTeam[], plan: Plan): Promise<void> {
    const keep = new Set<number>();
    for (const team of plan.teams) {
      const existing = current.find((c) => c.teamId === team.teamId);
      let goalTeamId: number;
      if (existing) {
        goalTeamId = existing.goalTeamId;
        await q.setGoalTeamTarget(s, goalTeamId, team.target);
        await q.deleteActualsOutside(s, goalTeamId, plan.days[0]!, plan.days[plan.days.length - 1]!);
      } else {
        goalTeamId = await q.insertGoalTeam(s.db, { workspace_id: s.workspaceId, goal_id: goalId, team_id: team.teamId, target: team.target });
      }
      keep.add(goalTeamId);
      await q.replaceDayTargets(s, goalTeamId, plan.days.map((day, i) => ({ day, planned: team.planned[i]! })));
    }
    await q.deleteGoalTeams(s, current.map((c) => c.goalTeamId).filter((id) => !keep.has(id)));
  }

  /** The stored goal and its plan, for the audit log. */
  private async snapshot(s: Scoped, id: number) {
    const goal = (await loadGoals(s, [(await q.findGoal(s, id))!]))[0]!;
    const { row } = goal;
    return {
      name: row.name, description: row.description, metric: row.metric, scopeKind: row.scope_kind, scopeId: row.scope_id,
      startsOn: row.starts_on, endsOn: row.ends_on, target: row.target, split: row.split, weekdayWeights: row.weekday_weights,
      teams: goal.teams.map((t) => ({ teamId: t.teamId, target: t.target, planned: t.planned })),
    };
  }
}
