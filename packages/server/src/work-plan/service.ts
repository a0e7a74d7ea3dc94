// Work planning (工作计划): staff's work items — planning, routine and transactional work, in that priority — with
// due dates and owners, and each team's one key focus of the week, set by its lead (seed 003).
import type { Kysely } from 'kysely';
import { localDate } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { recordAudit } from '../audit/service.js';
import { scoped, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, isUniqueViolation, notFound } from '../http/errors.js';
import * as q from './queries.js';
import { isAdmin, isMonday, mayAssign, mayDelete, mayEdit, toFocusOut, toItemOut, weekOf, type Actor } from './rules.js';
import {
  CATEGORIES, type CountsOut, type CountsQuery, type CreateItemInput, type FocusInput, type FocusOut, type ItemOut,
  type ListItemsQuery, type UpdateItemInput,
} from './schema.js';

export const COUNT_DEFINITIONS: CountsOut['definitions'] = {
  total: 'Count of work items of the category due in the week (Monday–Sunday, workspace time zone), plus those without a due date that are open (todo, doing) or were done in that week.',
  overdue: 'Of those, the open ones (todo, doing) whose due date is before today in the workspace time zone.',
  completion: 'done ÷ (total − dropped), over the same items; null when nothing is left to count.',
};

export class WorkPlanService {
  constructor(readonly db: Kysely<DB>, readonly clock: Clock) {}

  // ---- work items ----

  async list(ctx: AccessContext, query: ListItemsQuery) {
    const s = scoped(this.db, ctx.workspaceId);
    const { today, timezone } = await this.today(s);
    if (query.carryOver !== undefined && query.week === undefined) {
      throw invalid('validation.failed', 'carryOver needs week', { carryOver: 'needs week' });
    }
    const who = await this.who(s, ctx, query);
    const week = query.week === undefined ? undefined : weekOf(query.week, timezone);
    const offset = Number(query.cursor ?? 0);
    const rows = await q.listItems(s, {
      ...who,
      statuses: query.status,
      categories: query.category,
      dueBefore: query.dueBefore,
      dueAfter: query.dueAfter,
      week,
      carryOver: query.carryOver === 'true',
      overdue: query.overdue === undefined ? undefined : { today, value: query.overdue === 'true' },
      sort: query.sort,
      limit: query.limit + 1,
      offset,
    });
    const actor = await this.actor(s, ctx);
    return {
      items: rows.slice(0, query.limit).map((row) => toItemOut(row, actor, today)),
      nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
      today,
      week: week ? { start: week.start, end: week.end } : null,
    };
  }

  async get(ctx: AccessContext, id: number): Promise<ItemOut> {
    const s = scoped(this.db, ctx.workspaceId);
    const row = await q.findItem(s, id);
    if (!row) throw notFound('work_item', 'Work item');
    return toItemOut(row, await this.actor(s, ctx), (await this.today(s)).today);
  }

  async create(ctx: AccessContext, input: CreateItemInput): Promise<ItemOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const ownerId = input.ownerStaffId ?? ctx.staffId;
      if (ownerId === null) throw invalid('validation.failed', 'Name the owner: this caller is not a staff member', { ownerStaffId: 'required' });
      const actor = await this.actor(s, ctx);
      await this.assertAssignable(s, actor, ownerId);
      const now = this.clock.now().toISOString();
      const status = input.status ?? 'todo';
      const id = await q.insertItem(tx, {
        workspace_id: ctx.workspaceId,
        title: input.title,
        description: input.description ?? '',
        category: input.category,
        due_on: input.dueOn ?? null,
        owner_staff_id: ownerId,
        status,
        done_at: status === 'done' ? now : null,
        created_by: ctx.staffId,
        created_at: now,
        updated_at: now,
      });
      const created = toItemOut((await q.findItem(s, id))!, actor, (await this.today(s)).today);
      await recordAudit(tx, ctx, { action: 'work_item.create', entity: 'work_item', entityId: id, after: created });
      return created;
    });
  }

  async update(ctx: AccessContext, id: number, input: UpdateItemInput): Promise<ItemOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findItem(s, id);
      if (!before) throw notFound('work_item', 'Work item');
      const actor = await this.actor(s, ctx);
      if (!mayEdit(actor, { ...before, owner_team_id: before.owner_team_id ?? null })) {
        throw new AppError(403, 'work_item.forbidden', "Only the item's owner, its creator, the owner's team lead or an admin may change it");
      }
      if (input.ownerStaffId !== undefined && input.ownerStaffId !== before.owner_staff_id) await this.assertAssignable(s, actor, input.ownerStaffId);
      const now = this.clock.now().toISOString();
      // done_at says when the work was finished: set when it becomes done, kept while it stays done, gone otherwise.
      const doneAt = input.status === undefined ? before.done_at
        : input.status === 'done' ? (before.status === 'done' ? before.done_at : now) : null;
      await q.updateItem(s, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        ...(input.ownerStaffId !== undefined ? { owner_staff_id: input.ownerStaffId } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        done_at: doneAt,
        updated_at: now,
      });
      const { today } = await this.today(s);
      const after = toItemOut((await q.findItem(s, id))!, actor, today);
      await recordAudit(tx, ctx, { action: 'work_item.update', entity: 'work_item', entityId: id, before: toItemOut(before, actor, today), after });
      return after;
    });
  }

  async remove(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findItem(s, id);
      if (!before) throw notFound('work_item', 'Work item');
      const actor = await this.actor(s, ctx);
      if (!mayDelete(actor, before)) throw new AppError(403, 'work_item.forbidden', 'Only the creator of an item or an admin may delete it; others may drop it');
      await q.deleteItem(s, id);
      await recordAudit(tx, ctx, { action: 'work_item.delete', entity: 'work_item', entityId: id, before: toItemOut(before, actor, (await this.today(s)).today) });
    });
  }

  /** Items per category in one week (default this week), under the same owner/team filter as the list. */
  async counts(ctx: AccessContext, query: CountsQuery): Promise<CountsOut> {
    const s = scoped(this.db, ctx.workspaceId);
    const { today, timezone } = await this.today(s);
    const week = weekOf(query.week ?? today, timezone);
    const rows = await q.countItems(s, { ...(await this.who(s, ctx, query)), week }, today);
    return {
      week: { start: week.start, end: week.end },
      categories: CATEGORIES.map((category) => {
        const of = rows.filter((r) => r.category === category);
        const n = (status: string) => of.filter((r) => r.status === status).reduce((sum, r) => sum + r.n, 0);
        const total = of.reduce((sum, r) => sum + r.n, 0);
        const [done, dropped] = [n('done'), n('dropped')];
        const denominator = total - dropped;
        return {
          category, total, todo: n('todo'), doing: n('doing'), done, dropped,
          overdue: of.reduce((sum, r) => sum + r.late, 0),
          completion: { numerator: done, denominator, value: denominator > 0 ? done / denominator : null },
        };
      }),
      definitions: COUNT_DEFINITIONS,
    };
  }

  // ---- the key focus of the week ----

  /** Every team's focus of the week containing `week` (default this week, workspace time zone). */
  async weekFocus(ctx: AccessContext, week?: string) {
    const s = scoped(this.db, ctx.workspaceId);
    const { today, timezone } = await this.today(s);
    const bounds = weekOf(week ?? today, timezone);
    return { week: { start: bounds.start, end: bounds.end }, items: (await q.listFocus(s, bounds.start)).map(toFocusOut) };
  }

  /** This week's focus of the caller's team: their own team, else the first team they lead. */
  async myFocus(ctx: AccessContext) {
    const s = scoped(this.db, ctx.workspaceId);
    const { today, timezone } = await this.today(s);
    const bounds = weekOf(today, timezone);
    const week = { start: bounds.start, end: bounds.end };
    const me = ctx.staffId === null ? undefined : await q.findStaffMember(s, ctx.staffId);
    const teamId = me ? me.team_id ?? (await q.teamsLedBy(s, me.id))[0] ?? null : null;
    const row = teamId === null ? undefined : await q.findFocus(s, teamId, bounds.start);
    return { week, teamId, focus: row ? toFocusOut(row) : null };
  }

  /** Sets or replaces a team's focus of a week: by the team's lead or an admin. */
  async setFocus(ctx: AccessContext, teamId: number, weekStart: string, input: FocusInput): Promise<FocusOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      await this.assertFocusEditor(s, ctx, teamId, weekStart);
      const before = await q.findFocus(s, teamId, weekStart);
      const now = this.clock.now().toISOString();
      const values = { title: input.title, description: input.description ?? '', set_by: ctx.staffId, updated_at: now };
      try {
        if (before) await q.updateFocus(s, before.id, values);
        else await q.insertFocus(tx, { workspace_id: ctx.workspaceId, team_id: teamId, week_start: weekStart, created_at: now, ...values });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('weekly_focus.conflict', 'The focus was set by someone else at the same moment; try again', { weekStart: 'set concurrently' });
        throw error;
      }
      const after = toFocusOut((await q.findFocus(s, teamId, weekStart))!);
      await recordAudit(tx, ctx, {
        action: before ? 'weekly_focus.replace' : 'weekly_focus.set', entity: 'weekly_focus', entityId: `${teamId}:${weekStart}`,
        before: before ? toFocusOut(before) : undefined, after,
      });
      return after;
    });
  }

  async clearFocus(ctx: AccessContext, teamId: number, weekStart: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      await this.assertFocusEditor(s, ctx, teamId, weekStart);
      const before = await q.findFocus(s, teamId, weekStart);
      if (!before) throw notFound('weekly_focus', 'Weekly focus');
      await q.deleteFocus(s, before.id);
      await recordAudit(tx, ctx, { action: 'weekly_focus.clear', entity: 'weekly_focus', entityId: `${teamId}:${weekStart}`, before: toFocusOut(before) });
    });
  }

  // ---- helpers ----

  private async today(s: Scoped) {
    const { timezone } = await q.workspaceTimezone(s);
    return { timezone, today: localDate(this.clock.now(), timezone) };
  }

  private async actor(s: Scoped, ctx: AccessContext): Promise<Actor> {
    return { staffId: ctx.staffId, admin: isAdmin(ctx), leads: new Set(ctx.staffId === null ? [] : await q.teamsLedBy(s, ctx.staffId)) };
  }

  /** The owner/team filter shared by the list and the counts: default the caller's own items (all for tokens). */
  private async who(s: Scoped, ctx: AccessContext, query: Pick<CountsQuery, 'owner' | 'team'>) {
    const owner = query.owner ?? (query.team !== undefined || ctx.staffId === null ? 'all' : 'me');
    let ownerId: number | undefined;
    if (owner === 'me') {
      if (ctx.staffId === null) throw invalid('validation.failed', 'owner=me needs a signed-in staff member', { owner: 'this caller is not a staff member' });
      ownerId = ctx.staffId;
    } else if (owner !== 'all') {
      if (!(await q.findStaffMember(s, owner))) throw new AppError(404, 'staff.not_found', 'Staff not found', { owner: 'no such staff' });
      ownerId = owner;
    }
    if (query.team !== undefined && !(await q.findTeam(s, query.team))) throw new AppError(404, 'team.not_found', 'Team not found', { team: 'no such team' });
    return { ownerId, teamId: query.team };
  }

  private async assertAssignable(s: Scoped, actor: Actor, ownerId: number) {
    const owner = await q.findStaffMember(s, ownerId);
    if (!owner) throw new AppError(404, 'staff.not_found', 'Staff not found', { ownerStaffId: 'no such staff' });
    if (owner.disabled) throw invalid('work_item.owner_disabled', 'This staff account is disabled', { ownerStaffId: 'disabled' });
    if (!mayAssign(actor, owner)) {
      throw new AppError(403, 'work_item.assign_forbidden', 'You may give work only to yourself or to the members of a team you lead', { ownerStaffId: 'not yourself nor in a team you lead' });
    }
  }

  private async assertFocusEditor(s: Scoped, ctx: AccessContext, teamId: number, weekStart: string) {
    if (!isMonday(weekStart)) throw invalid('weekly_focus.not_monday', 'A week is named by its Monday', { weekStart: 'must be a Monday' });
    const team = await q.findTeam(s, teamId);
    if (!team) throw new AppError(404, 'team.not_found', 'Team not found', { id: 'no such team' });
    if (!isAdmin(ctx) && (ctx.staffId === null || team.lead_staff_id !== ctx.staffId)) {
      throw new AppError(403, 'weekly_focus.forbidden', "Only the team's lead or an admin may set its focus");
    }
  }
}
