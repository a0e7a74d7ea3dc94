// Audit log queries, newest first, cursor = the last id seen.
import type { Scoped } from '../db/scoped.js';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  memberId?: number;
  actorStaffId?: number;
  before?: number;
  limit: number;
}

export function listAudit(s: Scoped, f: AuditFilter) {
  let q = s.selectFrom('audit_log').selectAll();
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.memberId !== undefined) q = q.where('member_id', '=', f.memberId);
  if (f.actorStaffId !== undefined) q = q.where('actor_kind', '=', 'staff').where('actor_id', '=', f.actorStaffId);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

/** Erase replaces what the log kept about a person with a marker; the fact that something happened stays. */
export function redactMemberAudit(s: Scoped, memberId: number) {
  return s.updateTable('audit_log')
    .set({ before_json: JSON.stringify({ erased: true }), after_json: JSON.stringify({ erased: true }) })
    .where('member_id', '=', memberId)
    .execute();
}
