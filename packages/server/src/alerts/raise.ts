// Raising alerts, for the evaluation and for the features that raise their own (a live code found empty at a
// visit, the absentee reminder). The unique index `alerts_open_once` lets one open alert per condition and
// recipient through, whichever process inserts it: no read-then-write race to guard.
import { nowIso, type Scoped } from '../db/scoped.js';
import * as q from './queries.js';
import { ALERT_LEVELS, KINDS, levelRank, type AlertKind, type AlertLevel, type RuleLike } from './rules.js';

export interface NewAlert {
  kind: string;
  level: string;
  subject: string;
  message: string;
  staffId: number | null;
  ruleId?: number | null;
  /** When it was raised (default: now). */
  at?: string;
}

/** Raises the alert unless the same condition is open for the same recipient. True when it was raised. */
export function raiseAlert(s: Scoped, alert: NewAlert): Promise<boolean> {
  return q.insertAlertOnce(s.db, {
    workspace_id: s.workspaceId, kind: alert.kind, level: alert.level, subject: alert.subject, message: alert.message,
    staff_id: alert.staffId, rule_id: alert.ruleId ?? null, created_at: alert.at ?? nowIso(),
    resolved_at: null, resolved_by: null, acknowledged_at: null, acknowledged_by: null,
  });
}

export type RaiseOutcome = 'raised' | 'escalated' | 'unchanged';

/**
 * Raises an alert of a rule kind. An instance already resolved fires again only at a more severe level, unless the
 * kind may fire again (KINDS[kind].refire); an open alert of a milder level is escalated in place.
 */
export async function raiseCondition(s: Scoped, kind: AlertKind, alert: NewAlert & { level: AlertLevel }): Promise<RaiseOutcome> {
  const key = { kind, subject: alert.subject, staffId: alert.staffId };
  const escalate = async () => {
    const milder = ALERT_LEVELS.filter((l) => levelRank(l) < levelRank(alert.level));
    return (await q.escalateAlert(s, key, { level: alert.level, message: alert.message, ruleId: alert.ruleId ?? null }, milder)) ? 'escalated' : 'unchanged';
  };
  // The usual case, a condition that stays true: its alert is open (and only a worse level changes it).
  const open = await q.openAlertOf(s, key);
  if (open) return levelRank(open.level) < levelRank(alert.level) ? escalate() : 'unchanged';
  if (KINDS[kind].refire === 'only_worse') {
    const resolved = await q.resolvedLevels(s, key);
    if (resolved.some((r) => levelRank(r.level) >= levelRank(alert.level))) return 'unchanged';
  }
  if (await raiseAlert(s, { ...alert, kind })) return 'raised';
  // Another process raised it in between.
  return escalate();
}

export interface StoredRule extends RuleLike {
  level: AlertLevel;
}

export function toRule(row: q.RuleRow): StoredRule {
  return { id: row.id, kind: row.kind, level: row.level as AlertLevel, threshold: Number(row.threshold), enabled: row.enabled === 1 };
}

/**
 * The rules of a kind in force: the stored ones; the kind's defaults while the workspace has no rule at all (the
 * defaults are stored at its first evaluation or first look at the rules); none when only other kinds have rules.
 */
export async function rulesInForce(s: Scoped, kind: AlertKind): Promise<StoredRule[]> {
  const stored = await q.rulesOfKind(s, kind);
  if (stored.length > 0) return stored.map(toRule);
  if (await q.countRules(s) > 0) return [];
  return KINDS[kind].defaults.map((d) => ({ id: null, kind, level: d.level, threshold: d.threshold, enabled: true }));
}

