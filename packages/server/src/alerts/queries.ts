// Kysely queries for alerts and alert rules: the inbox with its filters and counts, raising (the unique index
// `alerts_open_once` decides), escalating, acknowledging and resolving, and the rules with their defaults.
import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { AlertRulesTable, AlertsTable, DB } from '../db/schema.js';

const alertColumns = [
  'alerts.id', 'alerts.kind', 'alerts.level', 'alerts.subject', 'alerts.message', 'alerts.staff_id', 'alerts.rule_id',
  'alerts.created_at', 'alerts.acknowledged_at', 'alerts.acknowledged_by', 'alerts.resolved_at', 'alerts.resolved_by',
  'addressee.display_name as staff_name', 'acknowledger.display_name as acknowledged_by_name', 'resolver.display_name as resolved_by_name',
] as const;

function alertsQuery(s: Scoped) {
  return s.selectFrom('alerts')
    .leftJoin('staff as addressee', 'addressee.id', 'alerts.staff_id')
    .leftJoin('staff as acknowledger', 'acknowledger.id', 'alerts.acknowledged_by')
    .leftJoin('staff as resolver', 'resolver.id', 'alerts.resolved_by')
    .select(alertColumns);
}

export type AlertRow = NonNullable<Awaited<ReturnType<ReturnType<typeof alertsQuery>['executeTakeFirst']>>>;

/** open: nobody acknowledged it yet; acknowledged: someone is on it; unresolved: either of those. */
export type AlertStatus = 'open' | 'acknowledged' | 'unresolved' | 'resolved' | 'all';

export interface AlertFilter {
  status: AlertStatus;
  level?: string;
  kind?: string;
  staffId?: number;
  beforeId?: number;
  limit: number;
}

export function listAlerts(s: Scoped, f: AlertFilter) {
  let query = alertsQuery(s);
  if (f.status === 'open') query = query.where('alerts.resolved_at', 'is', null).where('alerts.acknowledged_at', 'is', null);
  if (f.status === 'acknowledged') query = query.where('alerts.resolved_at', 'is', null).where('alerts.acknowledged_at', 'is not', null);
  if (f.status === 'unresolved') query = query.where('alerts.resolved_at', 'is', null);
  if (f.status === 'resolved') query = query.where('alerts.resolved_at', 'is not', null);
  if (f.level !== undefined) query = query.where('alerts.level', '=', f.level);
  if (f.kind !== undefined) query = query.where('alerts.kind', '=', f.kind);
  if (f.staffId !== undefined) query = query.where('alerts.staff_id', '=', f.staffId);
  if (f.beforeId !== undefined) query = query.where('alerts.id', '<', f.beforeId);
  return query.orderBy('alerts.id', 'desc').limit(f.limit + 1).execute();
}

const pending = sql<number>`case when alerts.acknowledged_at is null then 1 else 0 end`;

/** Unresolved alerts per level, split into open (not acknowledged) and acknowledged. */
export function countUnresolved(s: Scoped, f: { kind?: string; staffId?: number }) {
  let query = s.selectFrom('alerts')
    .select((eb) => ['alerts.level', pending.as('pending'), eb.fn.countAll<number>().as('n')])
    .where('alerts.resolved_at', 'is', null);
  if (f.kind !== undefined) query = query.where('alerts.kind', '=', f.kind);
  if (f.staffId !== undefined) query = query.where('alerts.staff_id', '=', f.staffId);
  return query.groupBy(['alerts.level', pending]).execute();
}

export function findAlert(s: Scoped, id: number) {
  return alertsQuery(s).where('alerts.id', '=', id).executeTakeFirst();
}

export function unresolvedAlerts(s: Scoped) {
  return alertsQuery(s).where('alerts.resolved_at', 'is', null).execute();
}

/** Unresolved alerts of one kind, for the evaluation to clear the ones whose condition is over. */
export function unresolvedOfKind(s: Scoped, kind: string) {
  return s.selectFrom('alerts').select(['id', 'subject', 'staff_id', 'level']).where('kind', '=', kind).where('resolved_at', 'is', null).execute();
}

/** Acknowledges the alert unless it is acknowledged or resolved already; returns 1 when it changed. */
export async function acknowledgeAlert(s: Scoped, id: number, at: string, by: number | null): Promise<number> {
  const result = await s.updateTable('alerts').set({ acknowledged_at: at, acknowledged_by: by })
    .where('id', '=', id).where('acknowledged_at', 'is', null).where('resolved_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Resolves the alert unless it is resolved already; returns 1 when it changed. */
export async function resolveAlert(s: Scoped, id: number, at: string, by: number | null): Promise<number> {
  const result = await s.updateTable('alerts').set({ resolved_at: at, resolved_by: by }).where('id', '=', id).where('resolved_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Resolves, with nobody named, the alerts of these ids that are still unresolved; returns how many. */
export async function clearAlerts(s: Scoped, ids: number[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await s.updateTable('alerts').set({ resolved_at: at, resolved_by: null })
    .where('id', 'in', ids).where('resolved_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

type AlertKey = { kind: string; subject: string; staffId: number | null };

/** One condition and recipient, as the unique index `alerts_open_once` reads them (staff ids start at 1). */
const sameCondition = (key: AlertKey) => (eb: ExpressionBuilder<DB, 'alerts'>) => eb.and([
  eb('alerts.kind', '=', key.kind),
  eb('alerts.subject', '=', key.subject),
  eb(sql<number>`coalesce(alerts.staff_id, 0)`, '=', key.staffId ?? 0),
]);

/** The open alert of one condition and recipient (found through the partial unique index). */
export function openAlertOf(s: Scoped, key: AlertKey) {
  return s.selectFrom('alerts').select(['id', 'level']).where('resolved_at', 'is', null).where(sameCondition(key)).executeTakeFirst();
}

/** Levels of the resolved alerts of one condition and recipient. */
export function resolvedLevels(s: Scoped, key: AlertKey) {
  return s.selectFrom('alerts').select('level').where('resolved_at', 'is not', null).where(sameCondition(key)).execute();
}

/**
 * Inserts the alert unless the same condition is already open for the same recipient: the partial unique index
 * `alerts_open_once` refuses the second row, whichever process or transaction tries. True when inserted.
 */
export async function insertAlertOnce(db: Executor, row: Insertable<AlertsTable>): Promise<boolean> {
  const result = await db.insertInto('alerts').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Raises the open alert of this condition to a more severe level (one conditional update: of two evaluations at
 * once, one changes it). The acknowledgement is dropped: it was given for the milder state. True when changed.
 */
export async function escalateAlert(s: Scoped, key: AlertKey, to: { level: string; message: string; ruleId: number | null }, milder: string[]): Promise<boolean> {
  if (milder.length === 0) return false;
  const result = await s.updateTable('alerts')
    .set({ level: to.level, message: to.message, rule_id: to.ruleId, acknowledged_at: null, acknowledged_by: null })
    .where('resolved_at', 'is', null).where('level', 'in', milder).where(sameCondition(key))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- rules ----

const ruleColumns = ['id', 'kind', 'level', 'threshold', 'enabled', 'created_at', 'updated_at'] as const;

export function listRules(s: Scoped) {
  return s.selectFrom('alert_rules').select(ruleColumns).orderBy('id').execute();
}

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export function findRule(s: Scoped, id: number) {
  return s.selectFrom('alert_rules').select(ruleColumns).where('id', '=', id).executeTakeFirst();
}

export function rulesOfKind(s: Scoped, kind: string) {
  return s.selectFrom('alert_rules').select(ruleColumns).where('kind', '=', kind).orderBy('id').execute();
}

export async function countRules(s: Scoped): Promise<number> {
  const row = await s.selectFrom('alert_rules').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRule(db: Executor, row: Insertable<AlertRulesTable>): Promise<number> {
  return (await db.insertInto('alert_rules').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateRule(s: Scoped, id: number, patch: Updateable<AlertRulesTable>) {
  return s.updateTable('alert_rules').set(patch).where('id', '=', id).execute();
}

export function deleteRule(s: Scoped, id: number) {
  return s.deleteFrom('alert_rules').where('id', '=', id).execute();
}

/**
 * Takes the workspace row's write lock for the rest of the transaction (a no-op update): two first reads of the
 * rules at once then create the defaults once. SQLite writers are serial anyway.
 */
export function lockWorkspace(db: Executor, workspaceId: number) {
  return db.updateTable('workspaces').set((eb) => ({ timezone: eb.ref('timezone') })).where('id', '=', workspaceId).execute();
}

export async function workspaceZone(db: Executor, workspaceId: number): Promise<string> {
  return (await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow()).timezone;
}
