// The rules of work planning that need no database: weeks in the workspace time zone, who may assign, edit and
// delete work, and how rows look on the wire.
import { addDays, dayStartUtc, weekStart } from '../analytics/days.js';
import type { AccessContext } from '../http/access.js';
import type { FocusRow, ItemRow, WeekBounds } from './queries.js';
import { OPEN_STATUSES, type Category, type FocusOut, type ItemOut, type Status } from './schema.js';

/** The week (Monday–Sunday, local dates) that contains a local day, with the UTC instants that bound it. */
export function weekOf(day: string, timeZone: string): WeekBounds {
  const start = weekStart(day);
  return { start, end: addDays(start, 6), startUtc: dayStartUtc(start, timeZone), endUtc: dayStartUtc(addDays(start, 7), timeZone) };
}

export function isMonday(day: string): boolean {
  return weekStart(day) === day;
}

/** Who is acting, as far as the ownership rules care. */
export interface Actor {
  staffId: number | null;
  /** Owners and admins, and the machine itself (CLI, demo seeding, scheduler). */
  admin: boolean;
  /** Teams whose lead the actor is. */
  leads: ReadonlySet<number>;
}

export function isAdmin(ctx: AccessContext): boolean {
  if (ctx.role === 'owner' || ctx.role === 'admin') return true;
  return ctx.role === null && (ctx.actor.kind === 'cli' || ctx.actor.kind === 'system');
}

/** Anyone may give work to themselves; a lead to the members of their team; owners and admins to anyone. */
export function mayAssign(actor: Actor, target: { id: number; team_id: number | null }): boolean {
  return actor.admin || target.id === actor.staffId || (target.team_id !== null && actor.leads.has(target.team_id));
}

/** An item is edited (and its status changed) by its owner, its creator, the owner's team lead, or an admin. */
export function mayEdit(actor: Actor, item: Pick<ItemRow, 'owner_staff_id' | 'created_by' | 'owner_team_id'>): boolean {
  if (actor.admin) return true;
  if (actor.staffId !== null && (item.owner_staff_id === actor.staffId || item.created_by === actor.staffId)) return true;
  return item.owner_team_id !== null && actor.leads.has(item.owner_team_id);
}

/** Only the creator or an admin deletes an item (others drop it: status `dropped`). */
export function mayDelete(actor: Actor, item: Pick<ItemRow, 'created_by'>): boolean {
  return actor.admin || (actor.staffId !== null && item.created_by === actor.staffId);
}

export function isOverdue(item: { status: string; due_on: string | null }, today: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(item.status) && item.due_on !== null && item.due_on < today;
}

export function toItemOut(row: ItemRow, actor: Actor, today: string): ItemOut {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category as Category,
    dueOn: row.due_on,
    owner: row.owner_staff_id === null ? null : { id: row.owner_staff_id, displayName: row.owner_name ?? '', teamId: row.owner_team_id ?? null },
    status: row.status as Status,
    doneAt: row.done_at,
    overdue: isOverdue(row, today),
    createdBy: row.created_by === null || row.creator_name === null ? null : { id: row.created_by, displayName: row.creator_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mayEdit: mayEdit(actor, { ...row, owner_team_id: row.owner_team_id ?? null }),
    mayDelete: mayDelete(actor, row),
  };
}

export function toFocusOut(row: FocusRow): FocusOut {
  return {
    teamId: row.team_id,
    teamName: row.team_name,
    weekStart: row.week_start,
    title: row.title,
    description: row.description,
    setBy: row.set_by === null || row.setter_name === null ? null : { id: row.set_by, displayName: row.setter_name },
    updatedAt: row.updated_at,
  };
}
