// Service records (服务记录): notes, calls and chat summaries several staff write about one member.
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { conflict, invalid } from '../http/errors.js';
import type { MemberService } from './service.js';

export interface ServiceRecordOut {
  id: number;
  kind: string;
  content: string;
  occurredAt: string;
  staff: { id: number; displayName: string } | null;
  createdAt: string;
}

/** Records are listed by when they happened, newest first; the cursor carries (occurredAt, id) of the last one. */
function encodeCursor(occurredAt: string, id: number): string {
  return Buffer.from(`${occurredAt}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string): { occurredAt: string; id: number } {
  const [occurredAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!occurredAt || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(occurredAt) || !id || !/^\d{1,15}$/.test(id)) throw invalid('validation.failed', 'Invalid cursor', { cursor: 'must be a cursor returned by the previous page' });
  return { occurredAt, id: Number(id) };
}

export class ServiceRecords {
  constructor(private readonly members: MemberService) {}

  async list(ctx: AccessContext, memberNo: number, input: { limit: number; cursor?: string }) {
    const s = scoped(this.members.db, ctx.workspaceId);
    const { row } = await this.members.resolve(s, memberNo);
    let query = s.selectFrom('service_records').leftJoin('staff', 'staff.id', 'service_records.staff_id')
      .select(['service_records.id', 'service_records.kind', 'service_records.content', 'service_records.occurred_at',
        'service_records.staff_id', 'staff.display_name', 'service_records.created_at'])
      .where('service_records.member_id', '=', row.id);
    if (input.cursor) {
      const c = decodeCursor(input.cursor);
      query = query.where((eb) => eb.or([
        eb('service_records.occurred_at', '<', c.occurredAt),
        eb.and([eb('service_records.occurred_at', '=', c.occurredAt), eb('service_records.id', '<', c.id)]),
      ]));
    }
    const rows = await query.orderBy('service_records.occurred_at', 'desc').orderBy('service_records.id', 'desc').limit(input.limit + 1).execute();
    const items: ServiceRecordOut[] = rows.slice(0, input.limit).map((r) => ({
      id: r.id, kind: r.kind, content: r.content, occurredAt: r.occurred_at,
      staff: r.staff_id !== null ? { id: r.staff_id, displayName: r.display_name ?? '' } : null,
      createdAt: r.created_at,
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
  }

  async add(ctx: AccessContext, memberNo: number, input: { kind: string; content: string; occurredAt?: string }): Promise<ServiceRecordOut> {
    return this.members.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const { row } = await this.members.resolve(s, memberNo);
      if (row.erased_at) throw conflict('member.erased', 'This member was erased and can no longer change');
      const now = nowIso();
      const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : now;
      const inserted = await tx.insertInto('service_records').values({
        workspace_id: ctx.workspaceId, member_id: row.id, kind: input.kind, content: input.content,
        occurred_at: occurredAt, staff_id: ctx.staffId, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const record: ServiceRecordOut = {
        id: inserted.id, kind: input.kind, content: input.content, occurredAt,
        staff: ctx.staffId !== null ? { id: ctx.staffId, displayName: ctx.actor.name } : null, createdAt: now,
      };
      await recordAudit(tx, ctx, { action: 'member.record_add', entity: 'member', entityId: row.member_no, memberId: row.id, after: record });
      return record;
    });
  }
}
