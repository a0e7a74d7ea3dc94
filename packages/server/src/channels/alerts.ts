// Alerts for staff: raised by the system (a live code with no group left), listed and resolved in the console.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { notFound } from '../http/errors.js';
import * as q from './queries.js';
import type { AlertOut } from './schema.js';

export const EXHAUSTED = 'live_code.exhausted';

function toAlertOut(row: q.AlertRow): AlertOut {
  return {
    id: row.id, kind: row.kind, level: row.level, subject: row.subject, message: row.message,
    staff: row.staff_id !== null ? { id: row.staff_id, displayName: row.staff_name ?? '' } : null,
    createdAt: row.created_at, resolvedAt: row.resolved_at,
  };
}

/**
 * Raises the exhausted-pool alert for the channel's owner unless one is still open. Runs in the visit's
 * transaction, after taking the channel's lock, so two visitors at once cannot raise two alerts.
 */
export async function raiseExhausted(s: Scoped, channel: { id: number; name: string; owner_staff_id: number | null }): Promise<void> {
  const subject = `channel:${channel.id}`;
  await q.lockChannel(s, channel.id);
  if (await q.openAlertFor(s, EXHAUSTED, subject)) return;
  await q.insertAlert(s.db, {
    workspace_id: s.workspaceId, kind: EXHAUSTED, level: 'high', subject, staff_id: channel.owner_staff_id, created_at: nowIso(), resolved_at: null, resolved_by: null,
    message: `渠道「${channel.name}」的活码没有可用的群（已满、二维码过期或缺失）：访客只看到兜底文案，请上传新群二维码或加群`,
  });
}

/** Raises an alert as given, in the caller's transaction; the caller decides when one is due (and takes its lock). */
export async function raiseAlert(s: Scoped, alert: { kind: string; level: string; subject: string; message: string; staffId: number | null }): Promise<void> {
  await q.insertAlert(s.db, {
    workspace_id: s.workspaceId, kind: alert.kind, level: alert.level, subject: alert.subject, message: alert.message, staff_id: alert.staffId,
    created_at: nowIso(), resolved_at: null, resolved_by: null,
  });
}

export class AlertService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(ctx: AccessContext, open: boolean): Promise<AlertOut[]> {
    return (await q.listAlerts(scoped(this.db, ctx.workspaceId), open)).map(toAlertOut);
  }

  /** Resolving an alert that is already resolved changes nothing and returns it as it is. */
  async resolve(ctx: AccessContext, id: number): Promise<AlertOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findAlert(s, id);
      if (!before) throw notFound('alert', 'Alert');
      if (before.resolved_at !== null) return toAlertOut(before);
      await q.resolveAlert(s, id, nowIso(), ctx.staffId);
      const after = toAlertOut((await q.findAlert(s, id))!);
      await recordAudit(tx, ctx, { action: 'alert.resolve', entity: 'alert', entityId: id, before: toAlertOut(before), after });
      return after;
    });
  }
}
