// API contract for goals decomposed to the day (docs/api-goals.md): the goal and its split in, the goal with its
// standing, the per team × day progress with the definition of every number, and the metric catalogue out.
import { z } from 'zod';
import { isIsoDate } from '../campaigns/rules.js';
import { ratioOut, text } from '../http/schemas.js';
import { METRIC_KEYS, SCOPE_KINDS } from './metrics.js';
import { SPLITS } from './split.js';

export const MAX_GOAL_DAYS = 366;
export const MAX_TEAMS = 50;
const MAX_VALUE = 1_000_000_000_000;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().refine(isIsoDate, 'must be a date like 2026-03-01');
const amount = z.number().min(0, 'must not be negative').max(MAX_VALUE, `must be at most ${MAX_VALUE}`);

const teamShare = z.strictObject({
  teamId: id,
  /** The team's hand-set target; leave out on every team for an even split among the chosen teams. */
  target: amount.optional(),
});

const splitFields = {
  target: z.number().gt(0, 'must be greater than 0').max(MAX_VALUE, `must be at most ${MAX_VALUE}`),
  startsOn: isoDate,
  endsOn: isoDate,
  /** 'all': every team of the workspace, evenly (the default); []: not split among teams; or the chosen teams. */
  teams: z.union([z.literal('all'), z.array(teamShare).max(MAX_TEAMS, `at most ${MAX_TEAMS} teams`)]),
  split: z.enum(SPLITS),
  /** Seven non-negative weights, Monday first (split 'weekday'). */
  weekdayWeights: z.array(z.number().min(0, 'must not be negative').max(1000, 'must be at most 1000')).length(7, 'must be seven weights, Monday first'),
  /** Split 'manual': a target per team (null when the goal is not split among teams) per day; a day left out is 0. */
  manualTargets: z.array(z.strictObject({ teamId: id.nullable(), day: isoDate, target: amount })).max(MAX_GOAL_DAYS * MAX_TEAMS),
};

export const createGoalBody = z.strictObject({
  name: text(80),
  description: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  metric: z.enum(METRIC_KEYS),
  scopeKind: z.enum(SCOPE_KINDS),
  /** The campaign, group, channel or team; absent (or null) for the whole workspace. */
  scopeId: id.nullable().optional(),
  target: splitFields.target,
  startsOn: splitFields.startsOn,
  endsOn: splitFields.endsOn,
  teams: splitFields.teams.default('all'),
  split: splitFields.split.default('even'),
  weekdayWeights: splitFields.weekdayWeights.optional(),
  manualTargets: splitFields.manualTargets.optional(),
});
export type CreateGoalInput = z.infer<typeof createGoalBody>;

export const updateGoalBody = z.strictObject({
  name: text(80).optional(),
  description: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  target: splitFields.target.optional(),
  startsOn: splitFields.startsOn.optional(),
  endsOn: splitFields.endsOn.optional(),
  teams: splitFields.teams.optional(),
  split: splitFields.split.optional(),
  weekdayWeights: splitFields.weekdayWeights.optional(),
  manualTargets: splitFields.manualTargets.optional(),
});
export type UpdateGoalInput = z.infer<typeof updateGoalBody>;

export const listGoalsQuery = z.strictObject({ status: z.enum(['active', 'archived']).default('active') });

export const actualBody = z.strictObject({
  teamId: id.nullable(),
  day: isoDate,
  /** null removes the day's value. */
  value: amount.nullable(),
});

// ---- out ----


const definitionOut = z.object({ numerator: z.string(), denominator: z.string().nullable(), period: z.string() });
const bilingual = <T extends z.ZodTypeAny>(t: T) => z.object({ 'zh-CN': t, en: t });

export const metricOut = z.object({
  key: z.enum(METRIC_KEYS),
  kind: z.enum(['flow', 'rate', 'level']),
  unit: z.enum(['people', 'yuan', 'rate', 'value']),
  whole: z.boolean(),
  scopes: z.array(z.enum(SCOPE_KINDS)),
  name: bilingual(z.string()),
  definition: bilingual(definitionOut),
});

export const standingOut = z.object({
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  target: z.number(),
  achieved: z.number(),
  completion: ratioOut,
  timeElapsed: ratioOut,
  /** (time elapsed − completion) × 100, one decimal. */
  gapPoints: z.number(),
});
export type StandingOut = z.infer<typeof standingOut>;

export const goalOut = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  metric: z.enum(METRIC_KEYS),
  kind: z.enum(['flow', 'rate', 'level']),
  unit: z.enum(['people', 'yuan', 'rate', 'value']),
  scope: z.object({ kind: z.enum(SCOPE_KINDS), id: z.number().nullable(), name: z.string().nullable() }),
  startsOn: z.string(),
  endsOn: z.string(),
  days: z.number(),
  target: z.number(),
  split: z.enum(SPLITS),
  weekdayWeights: z.array(z.number()).nullable(),
  teams: z.array(z.object({ teamId: z.number().nullable(), teamName: z.string().nullable(), target: z.number() })),
  /** upcoming / running / ended by the dates (workspace time zone), or archived. */
  state: z.enum(['upcoming', 'running', 'ended', 'archived']),
  /** The whole goal's standing now, then each team's. */
  standing: standingOut,
  teamStandings: z.array(standingOut),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type GoalOut = z.infer<typeof goalOut>;

export const cellOut = z.object({
  day: z.string(),
  /** null on the unassigned line (it has no target). */
  planned: z.number().nullable(),
  replanned: z.number().nullable(),
  /** null for days not yet begun; for a rate, the day's rate (see actualRatio). */
  actual: z.number().nullable(),
  actualRatio: ratioOut.nullable(),
  cumulativePlanned: z.number().nullable(),
  cumulativeActual: z.number().nullable(),
  completion: ratioOut.nullable(),
  cumulativeCompletion: ratioOut.nullable(),
});
export type CellOut = z.infer<typeof cellOut>;

export const lineOut = z.object({
  kind: z.enum(['total', 'team', 'unassigned']),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  target: z.number().nullable(),
  /** May be typed in (manual metric): the goal team this line stands for. */
  editable: z.boolean(),
  cells: z.array(cellOut),
});
export type LineOut = z.infer<typeof lineOut>;

export const progressOut = z.object({
  goal: goalOut,
  metric: metricOut,
  asOf: z.string(),
  today: z.string(),
  days: z.array(z.object({ day: z.string(), weekday: z.number(), ended: z.boolean(), timeElapsed: ratioOut })),
  lines: z.array(lineOut),
  definitions: z.record(z.string(), bilingual(definitionOut)),
});
export type ProgressOut = z.infer<typeof progressOut>;
