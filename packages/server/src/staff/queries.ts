// Staff and team rows.
import type { Executor, Scoped } from '../db/scoped.js';
import type { StaffTable } from '../db/schema.js';
import type { Updateable } from 'kysely';

const staffColumns = ['id', 'username', 'display_name', 'role', 'team_id', 'disabled', 'created_at', 'last_login_at'] as const;

export function listStaff(s: Scoped) {
  return s.selectFrom('staff').select(staffColumns).orderBy('id').execute();
}

export function findStaff(s: Scoped, id: number) {
  return s.selectFrom('staff').select(staffColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertStaff(db: Executor, row: { workspace_id: number; username: string; display_name: string; password_hash: string; role: string; team_id: number | null; created_at: string }) {
  const inserted = await db.insertInto('staff').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function updateStaff(s: Scoped, id: number, patch: Updateable<StaffTable>) {
  return s.updateTable('staff').set(patch).where('id', '=', id).execute();
}

export function countOwners(s: Scoped) {
  return s.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner').where('disabled', '=', 0).executeTakeFirstOrThrow();
}

export function listTeams(s: Scoped) {
  return s.selectFrom('teams')
    .select(['teams.id', 'teams.name', 'teams.lead_staff_id', 'teams.created_at'])
    .select((eb) => eb.selectFrom('staff').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('staff.team_id', '=', 'teams.id').as('member_count'))
    .orderBy('teams.id').execute();
}

export function findTeam(s: Scoped, id: number) {
  return s.selectFrom('teams').select(['id', 'name', 'lead_staff_id', 'created_at']).where('id', '=', id).executeTakeFirst();
}

export async function insertTeam(db: Executor, row: { workspace_id: number; name: string; lead_staff_id: number | null; created_at: string }) {
  const inserted = await db.insertInto('teams').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function updateTeam(s: Scoped, id: number, patch: { name?: string; lead_staff_id?: number | null }) {
  return s.updateTable('teams').set(patch).where('id', '=', id).execute();
}

export async function deleteTeam(s: Scoped, id: number) {
  await s.updateTable('staff').set({ team_id: null }).where('team_id', '=', id).execute();
  await s.deleteFrom('teams').where('id', '=', id).execute();
}
