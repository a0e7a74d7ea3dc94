// Points of SOP tasks: after each status change the task's ledger entries are brought to what its current status
// earns its assignee under the current rules, by appending differences (the ledger is never edited).
import { scoped, type Executor } from '../db/scoped.js';
import { notFound } from '../http/errors.js';
import * as q from './queries.js';
import { mergeRules, ruleValue, taskReason, taskRuleKind, taskSource, type RuleKind } from './rules.js';

interface Correction {
  staffId: number;
  points: number;
  ruleKind: RuleKind;
  reason: string;
}

/**
 * Runs in the caller's transaction. The sums are kept per staff member and rule kind, so every entry belongs to
 * one rule: moving from missed to late takes back the "missed" points and gives the "late" ones (two entries), and
 * a leaderboard's breakdown by rule stays true. Returns how many entries were appended (0 when already in step).
 */
export async function syncTaskPoints(db: Executor, workspaceId: number, taskId: number, now: Date): Promise<number> {
  const s = scoped(db, workspaceId);
  if (q.isPostgres(db)) await q.lockTask(s, taskId);
  const task = await q.findTask(s, taskId);
  if (!task) throw notFound('sop_task', 'SOP task');
  const rules = mergeRules(await q.listRules(s));
  const kind = taskRuleKind(task.status, task.on_time);
  const target = kind !== null && task.assignee_staff_id !== null
    ? { staffId: task.assignee_staff_id, ruleKind: kind, points: ruleValue(rules[kind]) }
    : null;
  const facts = { title: task.title, groupName: task.group_name, dueDate: task.due_date, status: task.status };
  const source = taskSource(taskId);
  const sums = await q.sumsOfSource(s, source);

  const corrections: Correction[] = [];
  for (const sum of sums) {
    const isTarget = target !== null && sum.staffId === target.staffId && sum.ruleKind === target.ruleKind;
    if (sum.points === 0 || isTarget) continue;
    const was = sum.ruleKind as RuleKind;
    const reason = sum.staffId === task.assignee_staff_id ? taskReason.statusChanged(facts, was) : taskReason.reassigned(facts, was);
    corrections.push({ staffId: sum.staffId, points: -sum.points, ruleKind: was, reason });
  }
  if (target) {
    const had = sums.find((x) => x.staffId === target.staffId && x.ruleKind === target.ruleKind)?.points ?? 0;
    if (target.points !== had) {
      corrections.push({ ...target, points: target.points - had, reason: taskReason.earned(facts, target.ruleKind, had !== 0) });
    }
  }

  const createdAt = now.toISOString();
  for (const c of corrections) {
    await q.insertEntry(db, {
      workspace_id: workspaceId, staff_id: c.staffId, points: c.points, kind: 'rule', rule_kind: c.ruleKind, source,
      reason: c.reason, day: task.due_date, created_by: null, created_at: createdAt,
    });
  }
  return corrections.length;
}
