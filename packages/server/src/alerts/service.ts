// Alerts (预警): the inbox staff acknowledge and resolve, the rules that say when a condition is worth an alert,
// and the evaluation that raises and clears alerts from the data (evaluate.ts, every 15 minutes in jobs.ts).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { Clock } from '../clock.js';
import { scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { GoalService } from '../goals/service.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import type { AlertSources } from './conditions/types.js';
import { evaluateRules, type EvaluationSummary } from './evaluate.js';
import * as q from './queries.js';
import { toRule, type StoredRule } from './raise.js';
import { ALERT_KINDS, defaultRules, KINDS, levelRank, targetOf, thresholdProblem, type AlertKind } from './rules.js';
import type { AlertOut, AlertsPage, AlertsQuery, CreateRuleInput, LevelCounts, RuleOut, UpdateRuleInput } from './schema.js';

export type { AlertSources } from './conditions/types.js';
export type { EvaluationSummary } from './evaluate.js';

export interface OpenAlert { id: number; kind: string; level: 'info' | 'warning' | 'critical'; subject: string; message: string; staffId: number | null; createdAt: string; acknowledgedAt: string | null }

const ref = (id: number | null, name: string | null) => (id !== null ? { id, displayName: name ?? '' } : null);

function toAlertOut(row: q.AlertRow): AlertOut {
  return {
    id: row.id, kind: row.kind, level: row.level, subject: row.subject, target: targetOf(row.subject), message: row.message,
    staff: ref(row.staff_id, row.staff_name), ruleId: row.rule_id, createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at, acknowledgedBy: ref(row.acknowledged_by, row.acknowledged_by_name),
    resolvedAt: row.resolved_at, resolvedBy: ref(row.resolved_by, row.resolved_by_name),
    resolution: row.resolved_at === null ? null : row.resolved_by !== null ? 'staff' : 'cleared',
  };
}

function toRuleOut(row: q.RuleRow): RuleOut {
  return {
    id: row.id, kind: row.kind as AlertKind, level: row.level as RuleOut['level'], threshold: Number(row.threshold), enabled: row.enabled === 1,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

const ruleNotFound = () => notFound('alert_rule', 'Alert rule');
const emptyCounts = (): LevelCounts => ({ total: 0, info: 0, warning: 0, critical: 0 });

export class AlertService {
  constructor(readonly db: Kysely<DB>, readonly clock: Clock, readonly deps: { goals: GoalService }) {}

  /** Alerts not yet resolved, most severe first, then newest. */
  async openAlerts(ctx: AccessContext): Promise<OpenAlert[]> {
    const rows = await q.unresolvedAlerts(scoped(this.db, ctx.workspaceId));
    return rows
      .sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.created_at.localeCompare(a.created_at) || b.id - a.id)
      .map((r) => ({
        // Every stored level is one of the three (0007 renamed the channels' old 'high' to 'critical').
        id: r.id, kind: r.kind, level: r.level as OpenAlert['level'], subject: r.subject, message: r.message,
        staffId: r.staff_id, createdAt: r.created_at, acknowledgedAt: r.acknowledged_at,
      }));
  }

  /** The inbox: newest first, a page at a time, with the unresolved counts per level. */
  async list(ctx: AccessContext, query: AlertsQuery): Promise<AlertsPage> {
    if (query.open !== undefined && query.status !== undefined) throw invalid('validation.failed', 'Give status or open, not both', { open: 'use status instead' });
    if (query.mine === 'true' && ctx.staffId === null) throw invalid('validation.failed', 'Only a signed-in staff member has alerts of their own', { mine: 'needs a staff session' });
    const status = query.status ?? (query.open === 'false' ? 'resolved' : 'unresolved');
    const staffId = query.mine === 'true' ? ctx.staffId! : undefined;
    const s = scoped(this.db, ctx.workspaceId);
    const [rows, counted] = await Promise.all([
      q.listAlerts(s, { status, level: query.level, kind: query.kind, staffId, beforeId: query.cursor ? Number(query.cursor) : undefined, limit: query.limit }),
      q.countUnresolved(s, { kind: query.kind, staffId }),
    ]);
    const counts = { open: emptyCounts(), acknowledged: emptyCounts() };
    for (const c of counted) {
      const bucket = Number(c.pending) === 1 ? counts.open : counts.acknowledged;
      const n = Number(c.n);
      bucket.total += n;
      if (c.level === 'info' || c.level === 'warning' || c.level === 'critical') bucket[c.level] += n;
    }
    const page = rows.slice(0, query.limit);
    return { items: page.map(toAlertOut), nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null, counts };
  }

  /** Someone is on it. Acknowledging again, or an alert already resolved, changes nothing. */
  acknowledge(ctx: AccessContext, id: number): Promise<AlertOut> {
    return this.act(ctx, id, 'alert.acknowledge', (s, at) => q.acknowledgeAlert(s, id, at, ctx.staffId));
  }

  /** Done. Resolving again changes nothing; the same condition may then fire again as its kind allows (rules.ts). */
  resolve(ctx: AccessContext, id: number): Promise<AlertOut> {
    return this.act(ctx, id, 'alert.resolve', (s, at) => q.resolveAlert(s, id, at, ctx.staffId));
  }

  /**
   * Those who may manage alerts act on any; anyone else only on the alerts addressed to them. `change` is a
   * conditional update: of two requests at once, one changes the alert and is audited; the other gets it as it is.
   */
  private act(ctx: AccessContext, id: number, action: string, change: (s: Scoped, at: string) => Promise<number>): Promise<AlertOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findAlert(s, id);
      if (!before) throw notFound('alert', 'Alert');
      if (!ctx.permissions.has('alerts.manage') && (ctx.staffId === null || before.staff_id !== ctx.staffId)) {
        throw new AppError(403, 'auth.forbidden', 'Only the staff member the alert is addressed to, or one who may manage alerts (alerts.manage), may do this');
      }
      const changed = await change(s, this.clock.now().toISOString());
      const after = toAlertOut((await q.findAlert(s, id))!);
      if (changed > 0) await recordAudit(tx, ctx, { action, entity: 'alert', entityId: id, before: toAlertOut(before), after });
      return after;
    });
  }

  // ---- rules ----

  /** The rules, with the kinds they may name; a workspace without rules gets the defaults first. */
  async rules(ctx: AccessContext): Promise<{ items: RuleOut[]; kinds: Array<(typeof KINDS)[AlertKind]> }> {
    const rows = await this.ensureRules(ctx.workspaceId);
    return { items: rows.map(toRuleOut), kinds: ALERT_KINDS.map((k) => KINDS[k]) };
  }

  async createRule(ctx: AccessContext, input: CreateRuleInput): Promise<RuleOut> {
    checkThreshold(input.kind, input.threshold);
    await this.ensureRules(ctx.workspaceId);
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      await this.checkUnique(s, input.kind, input.level);
      const at = this.clock.now().toISOString();
      const id = await q.insertRule(tx, { workspace_id: ctx.workspaceId, kind: input.kind, level: input.level, threshold: input.threshold, enabled: input.enabled === false ? 0 : 1, created_at: at, updated_at: at });
      const rule = toRuleOut((await q.findRule(s, id))!);
      await recordAudit(tx, ctx, { action: 'alert_rule.create', entity: 'alert_rule', entityId: id, after: rule });
      return rule;
    });
  }

  async updateRule(ctx: AccessContext, id: number, input: UpdateRuleInput): Promise<RuleOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const row = await q.findRule(s, id);
      if (!row) throw ruleNotFound();
      const before = toRuleOut(row);
      if (input.threshold !== undefined) checkThreshold(before.kind, input.threshold);
      if (input.level !== undefined && input.level !== before.level) await this.checkUnique(s, before.kind, input.level);
      await q.updateRule(s, id, {
        ...(input.level !== undefined ? { level: input.level } : {}),
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        updated_at: this.clock.now().toISOString(),
      });
      const after = toRuleOut((await q.findRule(s, id))!);
      await recordAudit(tx, ctx, { action: 'alert_rule.update', entity: 'alert_rule', entityId: id, before, after });
      return after;
    });
  }

  /**
   * Deletes a rule; its alerts stay (without their rule). The last rule cannot go: a workspace with no rule gets
   * the defaults again. To silence every alert, disable the rules.
   */
  async deleteRule(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const row = await q.findRule(s, id);
      if (!row) throw ruleNotFound();
      if (await q.countRules(s) === 1) throw conflict('alert_rule.last_rule', 'The last rule cannot be deleted (the defaults would come back): disable it instead', { id: 'the last rule' });
      await q.deleteRule(s, id);
      await recordAudit(tx, ctx, { action: 'alert_rule.delete', entity: 'alert_rule', entityId: id, before: toRuleOut(row) });
    });
  }

  private async checkUnique(s: Scoped, kind: AlertKind, level: string) {
    if ((await q.rulesOfKind(s, kind)).some((r) => r.level === level)) {
      throw conflict('alert_rule.duplicate', `There already is a ${level} rule for ${kind}: change its threshold instead`, { level: 'already has a rule for this kind' });
    }
  }

  /** The workspace's rules, creating the defaults when it has none (once, also when two callers ask at once). */
  private async ensureRules(workspaceId: number): Promise<q.RuleRow[]> {
    const existing = await q.listRules(scoped(this.db, workspaceId));
    if (existing.length > 0) return existing;
    return this.db.transaction().execute(async (tx) => {
      await q.lockWorkspace(tx, workspaceId);
      const s = scoped(tx, workspaceId);
      if (await q.countRules(s) === 0) await insertDefaults(tx, workspaceId, this.clock.now().toISOString());
      return q.listRules(s);
    });
  }

  // ---- evaluation ----

  /**
   * Evaluates every enabled rule at `now` (see evaluate.ts). `sources` are the services the conditions read through
   * (`services` itself will do). Safe to run twice, or in two processes at once: the unique index decides.
   */
  async evaluate(ctx: AccessContext, sources: AlertSources, now: Date = this.clock.now()): Promise<EvaluationSummary> {
    const rules: StoredRule[] = (await this.ensureRules(ctx.workspaceId)).map(toRule);
    return evaluateRules(scoped(this.db, ctx.workspaceId), ctx, rules, { sources, goals: this.deps.goals }, now);
  }
}

function checkThreshold(kind: AlertKind, threshold: number) {
  const problem = thresholdProblem(kind, threshold);
  if (problem) throw invalid('alert_rule.threshold_out_of_range', `Threshold out of range: ${problem}`, { threshold: problem });
}

async function insertDefaults(db: Executor, workspaceId: number, at: string) {
  for (const rule of defaultRules()) {
    await q.insertRule(db, { workspace_id: workspaceId, kind: rule.kind, level: rule.level, threshold: rule.threshold, enabled: 1, created_at: at, updated_at: at });
  }
}
