// Sessions and logins. Lookups by secret hash are the one place a workspace is found rather than given:
// the secret itself says which workspace the caller belongs to.
import type { Executor } from '../db/scoped.js';

export function findStaffForLogin(db: Executor, workspaceKey: string, username: string) {
  return db.selectFrom('staff')
    .innerJoin('workspaces', 'workspaces.id', 'staff.workspace_id')
    .select(['staff.id', 'staff.workspace_id', 'staff.password_hash', 'staff.disabled'])
    .where('workspaces.key', '=', workspaceKey)
    .where('staff.username', '=', username)
    .executeTakeFirst();
}

export function insertSession(db: Executor, row: { id: string; workspace_id: number; staff_id: number; csrf_token: string; created_at: string; expires_at: string }) {
  return db.insertInto('sessions').values({ ...row, last_seen_at: row.created_at }).execute();
}

export function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .select(['sessions.id', 'sessions.workspace_id', 'sessions.staff_id', 'sessions.csrf_token', 'sessions.expires_at',
      'sessions.last_seen_at', 'staff.display_name', 'staff.role', 'staff.disabled'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export function touchSession(db: Executor, id: string, at: string, expiresAt: string) {
  return db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();
}

export function deleteSession(db: Executor, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

export function deleteStaffSessions(db: Executor, staffId: number) {
  return db.deleteFrom('sessions').where('staff_id', '=', staffId).execute();
}

export function markLogin(db: Executor, staffId: number, at: string) {
  return db.updateTable('staff').set({ last_login_at: at }).where('id', '=', staffId).execute();
}

export function findTokenByHash(db: Executor, hash: string) {
  return db.selectFrom('api_tokens')
    .select(['id', 'workspace_id', 'name', 'scopes', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

export function touchToken(db: Executor, id: number, at: string) {
  return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
