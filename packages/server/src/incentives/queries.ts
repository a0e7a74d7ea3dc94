// Kysely queries for incentive rules and the points ledger, plus the read-only lookups they need of staff, teams,
// SOP tasks and the workspace (names, team membership, a task's status). The ledger is only ever inserted into.
import { PostgresAdapter, sql, type Insertable, type Kysely } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { DB, PointsLedgerTable } from '../db/schema.js';
import { reversalSource, reversedEntryId } from './rules.js';

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function workspaceTimezone(db: Kysely<DB>, workspaceId: number) {
  return db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
}

// ---- rules ----

export function listRules(s: Scoped) {
  return s.selectFrom('incentive_rules').select(['kind', 'points', 'enabled', 'updated_at']).execute();
}

export function upsertRule(db: Executor, row: { workspace_id: number; kind: string; points: number; enabled: number; updated_at: string }) {
  return db.insertInto('incentive_rules').values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'kind']).doUpdateSet({ points: row.points, enabled: row.enabled, updated_at: row.updated_at }))
    .execute();
}

// ---- staff and teams (read-only) ----

export function listStaff(s: Scoped) {
  return s.selectFrom('staff').leftJoin('teams', 'teams.id', 'staff.team_id')
    .select(['staff.id', 'staff.display_name', 'staff.team_id', 'staff.disabled', 'teams.name as team_name'])
    .orderBy('staff.id').execute();
}

export function findStaff(s: Scoped, id: number) {
  return s.selectFrom('staff').select(['id', 'display_name', 'disabled']).where('id', '=', id).executeTakeFirst();
}

export function findTeam(s: Scoped, id: number) {
  return s.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export function activeTeamStaff(s: Scoped, teamId: number) {
  return s.selectFrom('staff').select('id').where('team_id', '=', teamId).where('disabled', '=', 0).orderBy('id').execute();
}

// ---- SOP tasks (read-only) ----

/** A task with what its ledger reason names: the step's title and the group's name. */
export function findTask(s: Scoped, taskId: number) {
  return s.selectFrom('sop_tasks')
    .innerJoin('sop_steps', 'sop_steps.id', 'sop_tasks.step_id')
    .innerJoin('chat_groups', 'chat_groups.id', 'sop_tasks.group_id')
    .select(['sop_tasks.id', 'sop_tasks.status', 'sop_tasks.on_time', 'sop_tasks.assignee_staff_id', 'sop_tasks.due_date', 'sop_steps.title', 'chat_groups.name as group_name'])
    .where('sop_tasks.id', '=', taskId).executeTakeFirst();
}

/** Holds the task's row until the transaction ends, so two syncs of one task run one after the other (PostgreSQL). */
export function lockTask(s: Scoped, taskId: number) {
  return s.selectFrom('sop_tasks').select('id').where('id', '=', taskId).forNoKeyUpdate().executeTakeFirst();
}

// ---- ledger ----

export async function insertEntry(db: Executor, row: Insertable<PointsLedgerTable>) {
  return (await db.insertInto('points_ledger').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The sum per staff member and rule kind of the entries with this source. */
export async function sumsOfSource(s: Scoped, source: string) {
  const rows = await s.selectFrom('points_ledger')
    .select(['staff_id', 'rule_kind', (eb) => eb.fn.sum<number>('points').as('points')])
    .where('source', '=', source)
    .groupBy(['staff_id', 'rule_kind']).orderBy('staff_id').orderBy('rule_kind').execute();
  return rows.map((r) => ({ staffId: r.staff_id, ruleKind: r.rule_kind, points: Number(r.points) }));
}

/** Which of these staff already have an entry with this source. */
export async function staffWithSource(s: Scoped, source: string, staffIds: number[]) {
  if (staffIds.length === 0) return new Set<number>();
  const rows = await s.selectFrom('points_ledger').select('staff_id').where('source', '=', source).where('staff_id', 'in', staffIds).execute();
  return new Set(rows.map((r) => r.staff_id));
}

/** Serialises goal-day settlement per workspace across processes, for the rest of the transaction (PostgreSQL). */
export async function lockSettlement(db: Executor, workspaceId: number) {
  await sql`select pg_advisory_xact_lock(hashtext('qunyun.incentives.settle'), ${workspaceId}::int)`.execute(db);
}

const entryColumns = [
  'points_ledger.id', 'points_ledger.staff_id', 'points_ledger.points', 'points_ledger.kind', 'points_ledger.rule_kind',
  'points_ledger.source', 'points_ledger.reason', 'points_ledger.day', 'points_ledger.created_by', 'points_ledger.created_at',
] as const;

export interface LedgerFilter {
  staffId?: number;
  from?: string;
  to?: string;
}

function ledgerRows(s: Scoped, filter: LedgerFilter = {}) {
  let query = s.selectFrom('points_ledger');
  if (filter.staffId !== undefined) query = query.where('points_ledger.staff_id', '=', filter.staffId);
  if (filter.from !== undefined) query = query.where('points_ledger.day', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('points_ledger.day', '<=', filter.to);
  return query;
}

/** Entries with the names of their staff member and of who wrote them. */
function withNames(query: ReturnType<typeof ledgerRows>) {
  return query
    .innerJoin('staff', 'staff.id', 'points_ledger.staff_id')
    .leftJoin('staff as author', 'author.id', 'points_ledger.created_by')
    .select(entryColumns)
    .select(['staff.display_name as staff_name', 'author.display_name as author_name']);
}

export type EntryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirst']>>>;

export function findEntry(s: Scoped, id: number) {
  return withNames(ledgerRows(s)).where('points_ledger.id', '=', id).executeTakeFirst();
}

/** Holds a ledger row until the transaction ends, so one entry is reversed once however many ask at once (PostgreSQL). */
export function lockEntry(s: Scoped, id: number) {
  return s.selectFrom('points_ledger').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Newest first; one row more than `limit` tells the caller there is a next page. */
export function listEntries(s: Scoped, filter: LedgerFilter & { limit: number; beforeId?: number }) {
  let query = withNames(ledgerRows(s, filter));
  if (filter.beforeId !== undefined) query = query.where('points_ledger.id', '<', filter.beforeId);
  return query.orderBy('points_ledger.id', 'desc').limit(filter.limit + 1).execute();
}

export async function totalOf(s: Scoped, filter: LedgerFilter) {
  const row = await ledgerRows(s, filter)
    .select([(eb) => eb.fn.sum<number>('points_ledger.points').as('points'), (eb) => eb.fn.countAll<number>().as('entries')])
    .executeTakeFirstOrThrow();
  return { points: Number(row.points ?? 0), entries: Number(row.entries) };
}

/** The reversals of these entries: entry id → the reversal's id. */
export async function reversalsOf(s: Scoped, entryIds: number[]) {
  if (entryIds.length === 0) return new Map<number, number>();
  const rows = await s.selectFrom('points_ledger').select(['id', 'source'])
    .where('source', 'in', entryIds.map(reversalSource)).execute();
  return new Map(rows.map((r) => [reversedEntryId(r.source)!, r.id]));
}

/** Points and entry counts per staff member and rule kind (null: manual) over local days `from`…`to`. */
export async function sumsBetween(s: Scoped, from: string, to: string) {
  const rows = await s.selectFrom('points_ledger')
    .select(['staff_id', 'rule_kind', (eb) => eb.fn.sum<number>('points').as('points'), (eb) => eb.fn.countAll<number>().as('entries')])
    .where('day', '>=', from).where('day', '<=', to)
    .groupBy(['staff_id', 'rule_kind']).execute();
  return rows.map((r) => ({ staffId: r.staff_id, ruleKind: r.rule_kind, points: Number(r.points), entries: Number(r.entries) }));
}

/** Per staff member: the points of the days in the week, in the month, and of all time. */
export async function balances(s: Scoped, week: { from: string; to: string }, month: { from: string; to: string }) {
  const within = (r: { from: string; to: string }) =>
    sql<number>`sum(case when ${sql.ref('day')} >= ${r.from} and ${sql.ref('day')} <= ${r.to} then ${sql.ref('points')} else 0 end)`;
  const rows = await s.selectFrom('points_ledger')
    .select(['staff_id', within(week).as('week'), within(month).as('month'), (eb) => eb.fn.sum<number>('points').as('all_time')])
    .groupBy('staff_id').execute();
  return new Map(rows.map((r) => [r.staff_id, { week: Number(r.week), month: Number(r.month), allTime: Number(r.all_time) }]));
}
