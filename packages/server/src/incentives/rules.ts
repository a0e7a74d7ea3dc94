// The incentive rules themselves, free of storage: the rule kinds and their defaults, which rule a task status
// earns, the ledger's reason texts, leaderboard periods and ranks.
import { addDays } from '../campaigns/rules.js';
import { weekStart } from '../analytics/days.js';

export const RULE_KINDS = ['sop_on_time', 'sop_late', 'sop_missed', 'sop_skipped', 'goal_day_met'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Breakdown keys of a total: every rule kind, and `manual` for entries typed by a person. */
export const BREAKDOWN_KEYS = [...RULE_KINDS, 'manual'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

export interface Rule {
  kind: RuleKind;
  points: number;
  enabled: boolean;
  /** When the workspace last changed it; null while it is the default. */
  updatedAt: string | null;
}

/** What a workspace gets until it changes a rule (domain_ops.md §7: every number configurable). */
export const DEFAULT_RULES: Record<RuleKind, { points: number; enabled: boolean }> = {
  sop_on_time: { points: 1, enabled: true },
  sop_late: { points: -1, enabled: true },
  sop_missed: { points: -2, enabled: true },
  sop_skipped: { points: 0, enabled: true },
  goal_day_met: { points: 5, enabled: true },
};

export const RULE_POINTS_LIMIT = 100;
export const MANUAL_POINTS_LIMIT = 1000;

/** The workspace's rules: its stored rows, the defaults for the kinds it never changed. */
export function mergeRules(rows: Array<{ kind: string; points: number; enabled: number; updated_at: string }>): Record<RuleKind, Rule> {
  const rules = Object.fromEntries(RULE_KINDS.map((kind) => [kind, { kind, ...DEFAULT_RULES[kind], updatedAt: null }])) as Record<RuleKind, Rule>;
  for (const row of rows) {
    if (row.kind in rules) rules[row.kind as RuleKind] = { kind: row.kind as RuleKind, points: Number(row.points), enabled: Number(row.enabled) === 1, updatedAt: row.updated_at };
  }
  return rules;
}

/** Points a rule gives now: nothing while it is disabled. */
export const ruleValue = (rule: Rule) => (rule.enabled ? rule.points : 0);

/** The rule a task's status earns: null for a task still to do (or an unknown status). */
export function taskRuleKind(status: string, onTime: number | null): RuleKind | null {
  switch (status) {
    // A done task is on time by definition; a row that says otherwise counts as late.
    case 'done': return onTime === 0 ? 'sop_late' : 'sop_on_time';
    case 'late': return 'sop_late';
    case 'missed': return 'sop_missed';
    case 'skipped': return 'sop_skipped';
    default: return null;
  }
}

export const taskSource = (taskId: number) => `sop_task:${taskId}`;
export const goalDaySource = (goalId: number, teamId: number, day: string) => `goal_day:${goalId}:${teamId}:${day}`;
export const reversalSource = (entryId: number) => `reversal:${entryId}`;

/** The entry a reversal corrects, from its source; null for any other entry. */
export function reversedEntryId(source: string | null): number | null {
  const m = source ? /^reversal:(\d+)$/.exec(source) : null;
  return m ? Number(m[1]) : null;
}

// Reason texts are stored with the entry (the ledger is a record of what was said at the time), in Chinese, the
// language of the teams using it; the console shows the rule kind beside them in the reader's language.
const TASK_OUTCOME: Record<RuleKind, string> = {
  sop_on_time: '准时完成',
  sop_late: '超时完成',
  sop_missed: '未完成',
  sop_skipped: '已跳过',
  goal_day_met: '达成日目标',
};
const STATUS_NAME: Record<string, string> = { todo: '待完成', done: '准时完成', late: '超时完成', missed: '未完成', skipped: '已跳过' };

export interface TaskFacts {
  title: string;
  groupName: string;
  dueDate: string;
  status: string;
}

const taskLabel = (t: TaskFacts) => `SOP「${t.title}」${t.groupName} ${t.dueDate}`;

export const taskReason = {
  /** The points of the task's current status (or the difference, when the rule changed since they were given). */
  earned: (t: TaskFacts, kind: RuleKind, adjusted: boolean) => `${taskLabel(t)} ${TASK_OUTCOME[kind]}${adjusted ? '（按现行规则调整）' : ''}`,
  /** The points of a status the task no longer has. */
  statusChanged: (t: TaskFacts, was: RuleKind) => `${taskLabel(t)} 状态改为「${STATUS_NAME[t.status] ?? t.status}」，收回「${TASK_OUTCOME[was]}」的积分`,
  /** The points of a staff member the task is no longer assigned to. */
  reassigned: (t: TaskFacts, was: RuleKind) => `${taskLabel(t)} 已改由他人负责，收回「${TASK_OUTCOME[was]}」的积分`,
};

export function goalDayReason(a: { goalName: string; teamName: string | null; day: string; actual: number; target: number }) {
  const round = (n: number) => Math.round(n * 100) / 100;
  return `目标「${a.goalName}」${a.teamName ?? ''} ${a.day} 达成日目标（${round(a.actual)} / ${round(a.target)}）`;
}

export type Period = 'week' | 'month';

/** The local days of the week (Monday to Sunday) or the calendar month holding `date`. */
export function periodRange(period: Period, date: string): { from: string; to: string } {
  if (period === 'week') {
    const from = weekStart(date);
    return { from, to: addDays(from, 6) };
  }
  const from = `${date.slice(0, 7)}-01`;
  const nextMonth = addDays(from, 32).slice(0, 7);
  return { from, to: addDays(`${nextMonth}-01`, -1) };
}

/** Standard competition ranks over points, highest first: equal points share a rank and the next rank skips (1, 1, 3). */
export function competitionRanks(points: number[]): number[] {
  return points.map((p) => 1 + points.filter((q) => q > p).length);
}
