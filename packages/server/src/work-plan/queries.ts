// Queries of work planning: work_items with their owner and creator, weekly_focus with its team, and the few staff
// and team facts the ownership rules need.
import type { ExpressionBuilder, Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { DB, WorkItemsTable } from '../db/schema.js';
import { CATEGORIES, OPEN_STATUSES, type Category, type Status } from './schema.js';

export function workspaceTimezone(s: Scoped) {
  return s.db.selectFrom('workspaces').select('timezone').where('id', '=', s.workspaceId).executeTakeFirstOrThrow();
}

export function findStaffMember(s: Scoped, id: number) {
  return s.selectFrom('staff').select(['id', 'display_name', 'team_id', 'disabled']).where('id', '=', id).executeTakeFirst();
}

export function findTeam(s: Scoped, id: number) {
  return s.selectFrom('teams').select(['id', 'name', 'lead_staff_id']).where('id', '=', id).executeTakeFirst();
}

export async function teamsLedBy(s: Scoped, staffId: number): Promise<number[]> {
  const rows = await s.selectFrom('teams').select('id').where('lead_staff_id', '=', staffId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

// ---- work items ----

/** A week as local dates and as the UTC instants that bound it (for done_at). */
export interface WeekBounds {
  start: string;
  end: string;
  startUtc: string;
  endUtc: string;
}

export interface ItemFilter {
  ownerId?: number;
  teamId?: number;
  statuses?: Status[];
  categories?: Category[];
  dueBefore?: string;
  dueAfter?: string;
  week?: WeekBounds;
  carryOver?: boolean;
  /** today: the local date overdue is measured against; value: keep the overdue items (true) or the others. */
  overdue?: { today: string; value: boolean };
}

type ItemsEb = ExpressionBuilder<DB & { owner: DB['staff'] }, 'work_items' | 'owner'>;

function itemConditions(eb: ItemsEb, f: ItemFilter) {
  const open = [...OPEN_STATUSES];
  const conditions = [];
  if (f.ownerId !== undefined) conditions.push(eb('work_items.owner_staff_id', '=', f.ownerId));
  if (f.teamId !== undefined) conditions.push(eb('owner.team_id', '=', f.teamId));
  if (f.statuses) conditions.push(eb('work_items.status', 'in', f.statuses));
  if (f.categories) conditions.push(eb('work_items.category', 'in', f.categories));
  if (f.dueBefore !== undefined) conditions.push(eb('work_items.due_on', '<', f.dueBefore));
  if (f.dueAfter !== undefined) conditions.push(eb('work_items.due_on', '>', f.dueAfter));
  if (f.week) {
    const w = f.week;
    conditions.push(eb.or([
      eb.and([eb('work_items.due_on', '>=', w.start), eb('work_items.due_on', '<=', w.end)]),
      eb.and([
        eb('work_items.due_on', 'is', null),
        eb.or([
          eb('work_items.status', 'in', open),
          eb.and([eb('work_items.status', '=', 'done'), eb('work_items.done_at', '>=', w.startUtc), eb('work_items.done_at', '<', w.endUtc)]),
        ]),
      ]),
      ...(f.carryOver ? [eb.and([eb('work_items.due_on', '<', w.start), eb('work_items.status', 'in', open)])] : []),
    ]));
  }
  if (f.overdue) {
    const late = eb.and([eb('work_items.status', 'in', open), eb('work_items.due_on', '<', f.overdue.today)]);
    conditions.push(f.overdue.value ? late : eb.not(late));
  }
  return eb.and(conditions);
}

function itemsFrom(s: Scoped) {
  return s.selectFrom('work_items').leftJoin('staff as owner', 'owner.id', 'work_items.owner_staff_id');
}

function categoryRank(eb: ItemsEb) {
  return eb.case().when('work_items.category', '=', CATEGORIES[0]).then(0)
    .when('work_items.category', '=', CATEGORIES[1]).then(1).else(2).end();
}

/** Undated items sort after dated ones on both databases (SQLite puts NULL first, PostgreSQL last). */
function undatedLast(eb: ItemsEb) {
  return eb.case().when('work_items.due_on', 'is', null).then(1).else(0).end();
}

/** Items with their owner's and creator's names (and the owner's team, which the ownership rules need). */
function selectItems(s: Scoped) {
  return itemsFrom(s)
    .leftJoin('staff as creator', 'creator.id', 'work_items.created_by')
    .select(['work_items.id', 'work_items.title', 'work_items.description', 'work_items.category', 'work_items.due_on',
      'work_items.owner_staff_id', 'work_items.status', 'work_items.done_at', 'work_items.created_by', 'work_items.created_at',
      'work_items.updated_at', 'owner.display_name as owner_name', 'owner.team_id as owner_team_id', 'creator.display_name as creator_name']);
}

export function listItems(s: Scoped, f: ItemFilter & { sort: 'category' | 'due'; limit: number; offset: number }) {
  let query = selectItems(s).where((eb) => itemConditions(eb, f));
  query = f.sort === 'category'
    ? query.orderBy(categoryRank).orderBy(undatedLast).orderBy('work_items.due_on')
    : query.orderBy(undatedLast).orderBy('work_items.due_on').orderBy(categoryRank);
  return query.orderBy('work_items.created_at', 'desc').orderBy('work_items.id', 'desc')
    .limit(f.limit).offset(f.offset).execute();
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export function findItem(s: Scoped, id: number): Promise<ItemRow | undefined> {
  return selectItems(s).where('work_items.id', '=', id).executeTakeFirst();
}

/** Items per category and status, and how many of them are overdue, under a filter. */
export async function countItems(s: Scoped, f: ItemFilter, today: string) {
  const rows = await itemsFrom(s)
    .select(['work_items.category', 'work_items.status'])
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when(eb.and([eb('work_items.status', 'in', [...OPEN_STATUSES]), eb('work_items.due_on', '<', today)])).then(1).else(0).end()).as('late'),
    ])
    .where((eb) => itemConditions(eb, f))
    .groupBy(['work_items.category', 'work_items.status'])
    .execute();
  return rows.map((r) => ({ category: r.category, status: r.status, n: Number(r.n), late: Number(r.late ?? 0) }));
}

export async function insertItem(db: Executor, row: {
  workspace_id: number; title: string; description: string; category: string; due_on: string | null;
  owner_staff_id: number; status: string; done_at: string | null; created_by: number | null; created_at: string; updated_at: string;
}) {
  const inserted = await db.insertInto('work_items').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function updateItem(s: Scoped, id: number, patch: Updateable<WorkItemsTable>) {
  return s.updateTable('work_items').set(patch).where('id', '=', id).execute();
}

export function deleteItem(s: Scoped, id: number) {
  return s.deleteFrom('work_items').where('id', '=', id).execute();
}

// ---- weekly focus ----

function focusFrom(s: Scoped) {
  return s.selectFrom('weekly_focus')
    .innerJoin('teams', 'teams.id', 'weekly_focus.team_id')
    .leftJoin('staff as setter', 'setter.id', 'weekly_focus.set_by')
    .select(['weekly_focus.id', 'weekly_focus.team_id', 'teams.name as team_name', 'weekly_focus.week_start', 'weekly_focus.title',
      'weekly_focus.description', 'weekly_focus.set_by', 'setter.display_name as setter_name', 'weekly_focus.updated_at']);
}
export type FocusRow = Awaited<ReturnType<ReturnType<typeof focusFrom>['execute']>>[number];

export function listFocus(s: Scoped, weekStart: string) {
  return focusFrom(s).where('weekly_focus.week_start', '=', weekStart).orderBy('teams.id').execute();
}

export function findFocus(s: Scoped, teamId: number, weekStart: string) {
  return focusFrom(s).where('weekly_focus.team_id', '=', teamId).where('weekly_focus.week_start', '=', weekStart).executeTakeFirst();
}

export async function insertFocus(db: Executor, row: {
  workspace_id: number; team_id: number; week_start: string; title: string; description: string; set_by: number | null; created_at: string; updated_at: string;
}) {
  await db.insertInto('weekly_focus').values(row).execute();
}

export function updateFocus(s: Scoped, id: number, patch: { title: string; description: string; set_by: number | null; updated_at: string }) {
  return s.updateTable('weekly_focus').set(patch).where('id', '=', id).execute();
}

export function deleteFocus(s: Scoped, id: number) {
  return s.deleteFrom('weekly_focus').where('id', '=', id).execute();
}
