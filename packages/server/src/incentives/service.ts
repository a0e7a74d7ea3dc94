// Staff incentives (奖惩): the workspace's rules, the append-only points ledger (rule entries from SOP tasks and goal
// days, manual awards and penalties, reversals), and the reads over it (ledger pages, leaderboards, balances).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { localDate } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import * as q from './queries.js';
import { DEFAULT_RULES, RULE_KINDS, mergeRules, reversalSource, reversedEntryId, type Rule, type RuleKind } from './rules.js';
import type { EntryOut, LeaderboardQuery, LedgerQuery, ManualInput, RulesInput } from './schema.js';
import { settleGoalDays, type GoalDays, type SettleOutcome } from './settle.js';
import { balancesOf, leaderboardOf } from './standings.js';
import { syncTaskPoints } from './task-points.js';

function toEntryOut(row: q.EntryRow, reversedBy: number | null): EntryOut {
  return {
    id: row.id,
    staff: { id: row.staff_id, displayName: row.staff_name },
    points: row.points,
    kind: row.kind as EntryOut['kind'],
    ruleKind: row.rule_kind as RuleKind | null,
    source: row.source,
    reason: row.reason,
    day: row.day,
    createdBy: row.created_by === null ? null : { id: row.created_by, displayName: row.author_name ?? '' },
    createdAt: row.created_at,
    reverses: reversedEntryId(row.source),
    reversedBy,
  };
}

const rulesOut = (rules: Record<RuleKind, Rule>) => ({
  items: RULE_KINDS.map((kind) => ({ ...rules[kind], default: DEFAULT_RULES[kind] })),
});

export class IncentiveService {
  // Only the goals' daily attainment is needed; tests of the settlement hand in a double of just that.
  constructor(readonly db: Kysely<DB>, readonly clock: Clock, readonly deps: { goals: GoalDays }) {}

  /** Makes the task's ledger entries add up to what the rules give its current status (in the caller's transaction). */
  async syncTaskPoints(db: Executor, workspaceId: number, taskId: number): Promise<void> {
    await syncTaskPoints(db, workspaceId, taskId, this.clock.now());
  }

  /** Goal-day points for the days before `today` (local; default the workspace's today). Idempotent. */
  async settleGoalDays(ctx: AccessContext, today?: string): Promise<SettleOutcome> {
    const { timezone } = await q.workspaceTimezone(this.db, ctx.workspaceId);
    const now = this.clock.now();
    return settleGoalDays(this.db, this.deps.goals, ctx, { today: today ?? localDate(now, timezone), timezone, now });
  }

  async rules(ctx: AccessContext) {
    return rulesOut(mergeRules(await q.listRules(scoped(this.db, ctx.workspaceId))));
  }

  /** Replaces every rule at once; a rule's change counts from now on (entries already written stay). */
  async setRules(ctx: AccessContext, input: RulesInput) {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = mergeRules(await q.listRules(s));
      const updatedAt = this.clock.now().toISOString();
      let changed = false;
      for (const rule of input.rules) {
        const was = before[rule.kind];
        // An unchanged rule keeps its date: settling goal days asks when a rule last changed.
        if (was.points === rule.points && was.enabled === rule.enabled) continue;
        await q.upsertRule(tx, { workspace_id: ctx.workspaceId, kind: rule.kind, points: rule.points, enabled: rule.enabled ? 1 : 0, updated_at: updatedAt });
        changed = true;
      }
      const after = rulesOut(mergeRules(await q.listRules(s)));
      if (changed) {
        await recordAudit(tx, ctx, { action: 'incentive_rules.update', entity: 'incentive_rules', entityId: ctx.workspaceId, before: rulesOut(before).items, after: after.items });
      }
      return after;
    });
  }

  /** A manual award (points > 0) or penalty (points < 0) with its reason. */
  async award(ctx: AccessContext, input: ManualInput): Promise<EntryOut> {
    const today = await this.today(ctx);
    if (input.day !== undefined && input.day > today) throw invalid('points.future_day', 'Points cannot count for a day after today', { day: `must not be after ${today}` });
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const staff = await q.findStaff(s, input.staffId);
      if (!staff) throw new AppError(404, 'staff.not_found', 'Staff not found', { staffId: 'no such staff' });
      if (staff.disabled === 1) throw conflict('points.staff_disabled', 'This staff account is disabled', { staffId: 'disabled' });
      const id = await q.insertEntry(tx, {
        workspace_id: ctx.workspaceId, staff_id: input.staffId, points: input.points, kind: 'manual', rule_kind: null, source: null,
        reason: input.reason, day: input.day ?? today, created_by: ctx.staffId, created_at: this.clock.now().toISOString(),
      });
      const entry = toEntryOut((await q.findEntry(s, id))!, null);
      await recordAudit(tx, ctx, { action: input.points > 0 ? 'points.award' : 'points.penalize', entity: 'points_entry', entityId: id, after: entry });
      return entry;
    });
  }

  /** Corrects an entry by a new, opposite one on the same day (so the period it counted in nets out); once per entry. */
  async reverse(ctx: AccessContext, id: number, reason: string): Promise<EntryOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      if (q.isPostgres(tx)) await q.lockEntry(s, id);
      const original = await q.findEntry(s, id);
      if (!original) throw notFound('points_entry', 'Points entry');
      if (reversedEntryId(original.source) !== null) throw conflict('points.is_reversal', 'A reversal cannot be reversed; give a new entry instead', { id: 'is a reversal' });
      if ((await q.reversalsOf(s, [id])).has(id)) throw conflict('points.already_reversed', 'This entry is already reversed', { id: 'already reversed' });
      const reversalId = await q.insertEntry(tx, {
        workspace_id: ctx.workspaceId, staff_id: original.staff_id, points: -original.points, kind: 'manual', rule_kind: original.rule_kind,
        source: reversalSource(id), reason, day: original.day, created_by: ctx.staffId, created_at: this.clock.now().toISOString(),
      });
      const reversal = toEntryOut((await q.findEntry(s, reversalId))!, null);
      await recordAudit(tx, ctx, { action: 'points.reverse', entity: 'points_entry', entityId: id, before: toEntryOut(original, null), after: reversal });
      return reversal;
    });
  }

  async ledger(ctx: AccessContext, query: LedgerQuery) {
    const s = scoped(this.db, ctx.workspaceId);
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) throw invalid('points.invalid_period', '`from` must not be after `to`', { from: 'after to' });
    if (query.staffId !== undefined && !(await q.findStaff(s, query.staffId))) throw new AppError(404, 'staff.not_found', 'Staff not found', { staffId: 'no such staff' });
    const filter = { staffId: query.staffId, from: query.from, to: query.to };
    const rows = await q.listEntries(s, { ...filter, limit: query.limit, beforeId: query.cursor === undefined ? undefined : Number(query.cursor) });
    const page = rows.slice(0, query.limit);
    const reversals = await q.reversalsOf(s, page.map((r) => r.id));
    return {
      items: page.map((row) => toEntryOut(row, reversals.get(row.id) ?? null)),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
      total: await q.totalOf(s, filter),
    };
  }

  async leaderboard(ctx: AccessContext, query: LeaderboardQuery) {
    const s = scoped(this.db, ctx.workspaceId);
    if (query.teamId !== undefined && !(await q.findTeam(s, query.teamId))) throw new AppError(404, 'team.not_found', 'Team not found', { teamId: 'no such team' });
    return leaderboardOf(s, query.period, query.date ?? (await this.today(ctx)), query.teamId ?? null);
  }

  async balances(ctx: AccessContext) {
    return balancesOf(scoped(this.db, ctx.workspaceId), await this.today(ctx));
  }

  private async today(ctx: AccessContext): Promise<string> {
    return localDate(this.clock.now(), (await q.workspaceTimezone(this.db, ctx.workspaceId)).timezone);
  }
}
