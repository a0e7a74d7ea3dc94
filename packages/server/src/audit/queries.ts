// Audit log queries, newest first, cursor = the last id seen.
import type { Scoped } from '../db/scoped.js';

/** What erase leaves of an entry's before and after: the fact that something happened, not to whom. */
const REDACTED = JSON.stringify({ erased: true });

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
    .set({ before_json: REDACTED, after_json: REDACTED })
    .where('member_id', '=', memberId)
    .execute();
}

/** Redacts entries about the given members written in [from, to]: while two people were merged, each one's
 *  entries show the other's names and identities. */
export async function redactAuditWindow(s: Scoped, memberIds: number[], from: string, to: string) {
  await s.updateTable('audit_log').set({ before_json: REDACTED, after_json: REDACTED })
    .where('member_id', 'in', memberIds).where('at', '>=', from).where('at', '<=', to).execute();
}

/** Redacts the merge and undo entries of the given merges (on whichever member they were written). */
export async function redactMergeAudit(s: Scoped, mergeIds: number[], memberIds: number[]) {
  if (mergeIds.length === 0) return;
  const wanted = new Set(mergeIds);
  const rows = await s.selectFrom('audit_log').select(['id', 'after_json'])
    .where('action', 'in', ['member.merge', 'member.merge_undo']).where('member_id', 'in', memberIds).execute();
  const ids = rows.filter((r) => wanted.has((JSON.parse(r.after_json ?? '{}') as { mergeId?: number }).mergeId ?? -1)).map((r) => r.id);
  if (ids.length === 0) return;
  await s.updateTable('audit_log').set({ before_json: REDACTED, after_json: REDACTED })
    .where('id', 'in', ids).execute();
}
