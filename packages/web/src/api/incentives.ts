// Staff incentives (奖惩): the rules, the append-only points ledger, manual awards and penalties, reversals,
// leaderboards and balances. Wire types mirror docs/api-incentives.md.
import { api, request } from './client';
import type { Items, Page } from './types';

export const RULE_KINDS = ['sop_on_time', 'sop_late', 'sop_missed', 'sop_skipped', 'goal_day_met'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/** A total split by the rule that gave the points; `manual` for manual awards and penalties. */
export const BREAKDOWN_KEYS = [...RULE_KINDS, 'manual'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];
export type Breakdown = Record<BreakdownKey, number>;

export const RULE_POINTS_LIMIT = 100;
export const MANUAL_POINTS_LIMIT = 1000;

export interface IncentiveRule {
  kind: RuleKind;
  points: number;
  enabled: boolean;
  /** When the workspace last changed it; null while it is the default. */
  updatedAt: string | null;
  default: { points: number; enabled: boolean };
}

export interface RuleInput {
  kind: RuleKind;
  points: number;
  enabled: boolean;
}

interface StaffRef {
  id: number;
  displayName: string;
}

export interface PointsEntry {
  id: number;
  staff: StaffRef;
  points: number;
  kind: 'rule' | 'manual';
  ruleKind: RuleKind | null;
  /** 'sop_task:<id>', 'goal_day:<goal>:<team>:<day>', 'reversal:<entry>'; null for a manual entry. */
  source: string | null;
  reason: string;
  /** The local day the points count for. */
  day: string;
  createdBy: StaffRef | null;
  createdAt: string;
  reverses: number | null;
  reversedBy: number | null;
}

export interface LedgerFilter {
  staffId?: number;
  from?: string;
  to?: string;
}

export interface LedgerPage extends Page<PointsEntry> {
  /** Over every page of the filter. */
  total: { points: number; entries: number };
}

export interface ManualEntryInput {
  staffId: number;
  /** > 0 an award, < 0 a penalty. */
  points: number;
  reason: string;
  day?: string;
}

export type Period = 'week' | 'month';

interface TeamRef {
  id: number;
  name: string;
}

export interface LeaderboardRow {
  rank: number;
  staff: StaffRef & { disabled: boolean };
  team: TeamRef | null;
  points: number;
  entries: number;
  breakdown: Breakdown;
}

export interface Leaderboard {
  period: Period;
  from: string;
  to: string;
  teamId: number | null;
  items: LeaderboardRow[];
  total: { points: number; entries: number; breakdown: Breakdown };
  definitions: { points: string; entries: string; rank: string; breakdown: string };
}

export interface StaffBalance {
  staff: StaffRef & { disabled: boolean };
  team: TeamRef | null;
  week: number;
  month: number;
  allTime: number;
}

export interface Balances {
  /** The workspace's today. */
  today: string;
  week: { from: string; to: string };
  month: { from: string; to: string };
  items: StaffBalance[];
  definitions: { week: string; month: string; allTime: string };
}

export const incentivesApi = {
  rules: () => api.get<Items<IncentiveRule>>('/incentive-rules'),
  setRules: (rules: RuleInput[]) => request<Items<IncentiveRule>>('PUT', '/incentive-rules', { body: { rules } }),
  ledger: (filter: LedgerFilter, cursor: string | null, limit = 50) =>
    api.get<LedgerPage>('/points/ledger', { ...filter, cursor: cursor ?? undefined, limit }),
  award: (input: ManualEntryInput) => api.post<PointsEntry>('/points', input),
  reverse: (id: number, reason: string) => api.post<PointsEntry>(`/points/${id}/reverse`, { reason }),
  leaderboard: (query: { period: Period; date?: string; teamId?: number }) => api.get<Leaderboard>('/points/leaderboard', query),
  balances: () => api.get<Balances>('/points/balances'),
};
