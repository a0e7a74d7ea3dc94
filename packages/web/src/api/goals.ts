// Goals decomposed to the day: the metric catalogue, goals with their standing, the per team × day progress and
// the values typed in for manual goals. Wire types mirror docs/api-goals.md.
import { request } from './client';
import type { Items, Ratio } from './types';

export type { Ratio };

export type MetricKey =
  | 'signups' | 'paid' | 'group_joins' | 'reenrolments' | 'revenue' | 'new_members' | 'manual' | 'checkin_rate' | 'members_meeting_requirement';
export type MetricKind = 'flow' | 'rate' | 'level';
export type MetricUnit = 'people' | 'yuan' | 'rate' | 'value';
export type ScopeKind = 'workspace' | 'team' | 'campaign' | 'group' | 'channel';
export const SCOPE_KINDS: ScopeKind[] = ['workspace', 'team', 'campaign', 'group', 'channel'];
export type SplitMethod = 'even' | 'weekday' | 'manual';
export type GoalState = 'upcoming' | 'running' | 'ended' | 'archived';

export interface Definition {
  numerator: string;
  denominator: string | null;
  period: string;
}

/** A text in both console languages, as the server keeps its definitions. */
export interface Bilingual<T> {
  'zh-CN': T;
  en: T;
}

export interface Metric {
  key: MetricKey;
  kind: MetricKind;
  unit: MetricUnit;
  /** Whole numbers only (people). */
  whole: boolean;
  scopes: ScopeKind[];
  name: Bilingual<string>;
  definition: Bilingual<Definition>;
}

export interface Standing {
  teamId: number | null;
  teamName: string | null;
  target: number;
  achieved: number;
  completion: Ratio;
  timeElapsed: Ratio;
  gapPoints: number;
}

export interface Goal {
  id: number;
  name: string;
  description: string;
  metric: MetricKey;
  kind: MetricKind;
  unit: MetricUnit;
  scope: { kind: ScopeKind; id: number | null; name: string | null };
  startsOn: string;
  endsOn: string;
  days: number;
  target: number;
  split: SplitMethod;
  weekdayWeights: number[] | null;
  teams: Array<{ teamId: number | null; teamName: string | null; target: number }>;
  state: GoalState;
  standing: Standing;
  teamStandings: Standing[];
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface Cell {
  day: string;
  planned: number | null;
  replanned: number | null;
  actual: number | null;
  actualRatio: Ratio | null;
  cumulativePlanned: number | null;
  cumulativeActual: number | null;
  completion: Ratio | null;
  cumulativeCompletion: Ratio | null;
}

export interface Line {
  kind: 'total' | 'team' | 'unassigned';
  teamId: number | null;
  teamName: string | null;
  target: number | null;
  editable: boolean;
  cells: Cell[];
}

export type ProgressField = 'metric' | 'planned' | 'replanned' | 'actual' | 'cumulative' | 'completion' | 'cumulativeCompletion' | 'timeElapsed' | 'gapPoints' | 'unassigned';

export interface Progress {
  goal: Goal;
  metric: Metric;
  asOf: string;
  today: string;
  /** weekday: 1 = Monday … 7 = Sunday; timeElapsed as of the end of the day. */
  days: Array<{ day: string; weekday: number; ended: boolean; timeElapsed: Ratio }>;
  lines: Line[];
  definitions: Record<ProgressField, Bilingual<Definition>>;
}

export interface GoalDraft {
  name: string;
  description?: string;
  metric: MetricKey;
  scopeKind: ScopeKind;
  scopeId?: number | null;
  target: number;
  startsOn: string;
  endsOn: string;
  /** 'all': every team evenly; []: one whole; or chosen teams (targets on all of them, or none for even). */
  teams: 'all' | Array<{ teamId: number; target?: number }>;
  split: SplitMethod;
  weekdayWeights?: number[];
  manualTargets?: Array<{ teamId: number | null; day: string; target: number }>;
}

export type GoalChange = Partial<Omit<GoalDraft, 'metric' | 'scopeKind' | 'scopeId'>>;

export const goalsApi = {
  metrics: () => request<Items<Metric>>('GET', '/goal-metrics'),
  list: (status: 'active' | 'archived') => request<Items<Goal>>('GET', '/goals', { query: { status } }),
  get: (id: number) => request<Goal>('GET', `/goals/${id}`),
  create: (draft: GoalDraft) => request<Goal>('POST', '/goals', { body: draft }),
  update: (id: number, change: GoalChange) => request<Goal>('PATCH', `/goals/${id}`, { body: change }),
  archive: (id: number) => request<Goal>('POST', `/goals/${id}/archive`, { body: {} }),
  progress: (id: number) => request<Progress>('GET', `/goals/${id}/progress`),
  setActual: (id: number, teamId: number | null, day: string, value: number | null) =>
    request<Progress>('PUT', `/goals/${id}/actuals`, { body: { teamId, day, value } }),
};
