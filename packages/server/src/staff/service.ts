// Staff accounts and teams: who may sign in, with which role, in which team. Owners are protected: an admin
// cannot touch them and the last active owner cannot be demoted or disabled.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { deleteStaffSessions } from '../auth/queries.js';
import { hashPassword } from '../auth/passwords.js';
import { mayAssignRole, type Role } from '../auth/permissions.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, isUniqueViolation, notFound } from '../http/errors.js';
import * as q from './queries.js';
import type { StaffOut } from './schema.js';

type StaffRow = NonNullable<Awaited<ReturnType<typeof q.findStaff>>>;

export function toStaffOut(row: StaffRow): StaffOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    teamId: row.team_id,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export class StaffService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(ctx: AccessContext) {
    return (await q.listStaff(scoped(this.db, ctx.workspaceId))).map(toStaffOut);
  }

  /** Also used by sign-in, which knows only the workspace, hence the narrower parameter. */
  async get(ctx: Pick<AccessContext, 'workspaceId'>, id: number) {
    const row = await q.findStaff(scoped(this.db, ctx.workspaceId), id);
    if (!row) throw notFound('staff');
    return toStaffOut(row);
  }

  async create(ctx: AccessContext, input: { username: string; displayName: string; password: string; role: Role; teamId?: number | null }) {
    this.assertMayAssign(ctx, input.role);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      if (input.teamId != null) await this.assertTeam(tx, ctx, input.teamId);
      let id: number;
      try {
        id = await q.insertStaff(tx, {
          workspace_id: ctx.workspaceId,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          role: input.role,
          team_id: input.teamId ?? null,
          created_at: nowIso(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('staff.username_taken', 'This username is taken', { username: 'already taken' });
        throw error;
      }
      const created = toStaffOut((await q.findStaff(s, id))!);
      await recordAudit(tx, ctx, { action: 'staff.create', entity: 'staff', entityId: id, after: created });
      return created;
    });
  }

  async update(ctx: AccessContext, id: number, input: { displayName?: string; role?: Role; teamId?: number | null; disabled?: boolean; password?: string }) {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findStaff(s, id);
      if (!before) throw notFound('staff');
      const actorRole = ctx.role ?? 'owner';
      if (!mayAssignRole(actorRole, before.role as Role)) throw new AppError(403, 'staff.owner_protected', 'Only an owner may change an owner');
      if (input.role) this.assertMayAssign(ctx, input.role);
      const losesOwner = before.role === 'owner' && before.disabled === 0
        && ((input.role !== undefined && input.role !== 'owner') || input.disabled === true);
      if (losesOwner && (await q.countOwners(s)).n <= 1) {
        throw conflict('staff.last_owner', 'The workspace must keep at least one active owner', input.role ? { role: 'last owner' } : { disabled: 'last owner' });
      }
      if (input.teamId != null) await this.assertTeam(tx, ctx, input.teamId);
      await q.updateStaff(s, id, {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      });
      if (passwordHash || input.disabled || input.role) await deleteStaffSessions(tx, id);
      const after = toStaffOut((await q.findStaff(s, id))!);
      await recordAudit(tx, ctx, {
        action: passwordHash ? 'staff.update_with_password' : 'staff.update',
        entity: 'staff', entityId: id, before: toStaffOut(before), after,
      });
      return after;
    });
  }

  async listTeams(ctx: AccessContext) {
    return (await q.listTeams(scoped(this.db, ctx.workspaceId))).map((row) => ({
      id: row.id, name: row.name, leadStaffId: row.lead_staff_id, memberCount: Number(row.member_count ?? 0), createdAt: row.created_at,
    }));
  }

  async createTeam(ctx: AccessContext, input: { name: string; leadStaffId?: number | null }) {
    return this.db.transaction().execute(async (tx) => {
      if (input.leadStaffId != null) await this.assertStaff(tx, ctx, input.leadStaffId);
      let id: number;
      try {
        id = await q.insertTeam(tx, { workspace_id: ctx.workspaceId, name: input.name, lead_staff_id: input.leadStaffId ?? null, created_at: nowIso() });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('team.name_taken', 'A team with this name exists', { name: 'already taken' });
        throw error;
      }
      await recordAudit(tx, ctx, { action: 'team.create', entity: 'team', entityId: id, after: input });
      return this.teamOut(tx, ctx, id);
    });
  }

  async updateTeam(ctx: AccessContext, id: number, input: { name?: string; leadStaffId?: number | null }) {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findTeam(s, id);
      if (!before) throw notFound('team');
      if (input.leadStaffId != null) await this.assertStaff(tx, ctx, input.leadStaffId);
      try {
        await q.updateTeam(s, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.leadStaffId !== undefined ? { lead_staff_id: input.leadStaffId } : {}),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('team.name_taken', 'A team with this name exists', { name: 'already taken' });
        throw error;
      }
      const after = await this.teamOut(tx, ctx, id);
      await recordAudit(tx, ctx, { action: 'team.update', entity: 'team', entityId: id, before, after });
      return after;
    });
  }

  async deleteTeam(ctx: AccessContext, id: number) {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findTeam(s, id);
      if (!before) throw notFound('team');
      await q.deleteTeam(s, id);
      await recordAudit(tx, ctx, { action: 'team.delete', entity: 'team', entityId: id, before });
    });
  }

  private async teamOut(db: Executor, ctx: AccessContext, id: number) {
    const team = (await q.listTeams(scoped(db, ctx.workspaceId))).find((t) => t.id === id)!;
    return { id: team.id, name: team.name, leadStaffId: team.lead_staff_id, memberCount: Number(team.member_count ?? 0), createdAt: team.created_at };
  }

  private assertMayAssign(ctx: AccessContext, target: Role) {
    if (!mayAssignRole(ctx.role ?? 'owner', target)) {
      throw new AppError(403, 'staff.owner_protected', 'Only an owner may make someone an owner', { role: 'owner requires an owner' });
    }
  }

  private async assertTeam(db: Executor, ctx: AccessContext, teamId: number) {
    if (!(await q.findTeam(scoped(db, ctx.workspaceId), teamId))) throw new AppError(404, 'team.not_found', 'Team not found', { teamId: 'no such team' });
  }

  private async assertStaff(db: Executor, ctx: AccessContext, staffId: number) {
    if (!(await q.findStaff(scoped(db, ctx.workspaceId), staffId))) throw new AppError(404, 'staff.not_found', 'Staff not found', { leadStaffId: 'no such staff' });
  }
}
