// The audit log: every staff write records who, what, when, before and after, in the writing transaction.
import type { Executor } from '../db/scoped.js';
import { nowIso, scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { listAudit, type AuditFilter } from './queries.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | number;
  memberId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Executor, ctx: AccessContext, input: AuditInput): Promise<void> {
  await db.insertInto('audit_log').values({
    workspace_id: ctx.workspaceId,
    at: nowIso(),
    actor_kind: ctx.actor.kind,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    action: input.action,
    entity: input.entity,
    entity_id: String(input.entityId),
    member_id: input.memberId ?? null,
    before_json: input.before === undefined ? null : JSON.stringify(input.before),
    after_json: input.after === undefined ? null : JSON.stringify(input.after),
    request_id: ctx.requestId,
  }).execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { kind: string; id: number | null; name: string };
  action: string;
  entity: string;
  entityId: string;
  memberId: number | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export async function searchAudit(db: Executor, ctx: AccessContext, filter: AuditFilter) {
  const rows = await listAudit(scoped(db, ctx.workspaceId), filter);
  const items: AuditEntry[] = rows.slice(0, filter.limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    memberId: row.member_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    requestId: row.request_id,
  }));
  const nextCursor = rows.length > filter.limit ? String(items[items.length - 1]!.id) : null;
  return { items, nextCursor };
}
