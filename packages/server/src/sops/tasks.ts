// SOP task instances: reading them (one, the board, a person's today list) and every change of status — complete
// (done on time / late), undo, skip, reassign, and the close job's missed — each followed, in the same transaction,
// by the incentives' point sync for the task.
import path from 'node:path';
import type { Kysely, Updateable } from 'kysely';
import { dayStartUtc } from '../analytics/days.js';
import { recordAudit } from '../audit/service.js';
import { addDays, localDate } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { DB, SopTasksTable } from '../db/schema.js';
import { sniffImage, type ImageKind } from '../groups/qr-image.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid } from '../http/errors.js';
import type { IncentiveService } from '../incentives/service.js';
import { ImageStore } from '../uploads/image-store.js';
import { WorkspaceService } from '../workspaces/service.js';
import { taskZone } from './generate.js';
import * as q from './queries.js';
import { abilities, dayKey, groupDays, toTaskOut, zoneOf } from './render.js';
import { MAX_PROOF_BYTES, type CompleteInput, type TaskOut } from './schema.js';
import * as tq from './task-queries.js';

const taskNotFound = () => new AppError(404, 'sop_task.not_found', 'SOP task not found');

/** Missed tasks stay on the today list (they may still be done, late) for this many days. */
export const OPEN_DAYS = 7;

/** Only JPEG and PNG screenshots, told by their bytes, up to 2 MB. */
export function checkScreenshot(bytes: Buffer): ImageKind {
  if (bytes.length === 0) throw invalid('upload.empty', 'The file is empty', { file: 'empty file' });
  if (bytes.length > MAX_PROOF_BYTES) throw new AppError(413, 'upload.too_large', 'The file is larger than 2 MB', { file: 'at most 2 MB' });
  const kind = sniffImage(bytes);
  if (!kind || (kind.mime !== 'image/png' && kind.mime !== 'image/jpeg')) {
    throw invalid('upload.not_an_image', 'Only PNG or JPEG screenshots are accepted (checked by content)', { file: 'not a PNG or JPEG image' });
  }
  return kind;
}

export class SopTasks {
  /** Proof screenshots: <dataDir>/uploads/sop-proof/<workspaceId>/<random>.<ext>. */
  readonly proofs: ImageStore;

  constructor(private readonly db: Kysely<DB>, private readonly clock: Clock, dataDir: string, private readonly incentives: IncentiveService) {
    this.proofs = new ImageStore(dataDir, path.join('uploads', 'sop-proof'));
  }

  private async zone(ctx: AccessContext, db: Executor = this.db): Promise<string> {
    return (await new WorkspaceService(db as Kysely<DB>).get(ctx.workspaceId)).timezone;
  }

  private async requireRow(db: Executor, ctx: AccessContext, id: number): Promise<tq.TaskRow> {
    const row = await tq.findTask(scoped(db, ctx.workspaceId), id);
    if (!row) throw taskNotFound();
    return row;
  }

  private async render(db: Executor, ctx: AccessContext, rows: tq.TaskRow[], now: Date, zone: string): Promise<TaskOut[]> {
    const days = await groupDays(scoped(db, ctx.workspaceId), rows);
    return rows.map((r) => toTaskOut(r, days.get(dayKey(r.group_id, r.due_date)), ctx, now, zone));
  }

  async get(ctx: AccessContext, id: number, now = this.clock.now(), db: Executor = this.db): Promise<TaskOut> {
    const row = await this.requireRow(db, ctx, id);
    return (await this.render(db, ctx, [row], now, await this.zone(ctx, db)))[0]!;
  }

  async board(ctx: AccessContext, filter: Omit<tq.BoardFilter, 'from' | 'to' | 'after'> & { from?: string; to?: string; cursor?: string }, now = this.clock.now()) {
    const zone = await this.zone(ctx);
    const today = localDate(now, zone);
    const from = filter.from ?? filter.to ?? today;
    const to = filter.to ?? from;
    if (to < from) throw invalid('validation.failed', 'to must not be before from', { to: 'must not be before from' });
    if (Date.parse(to) - Date.parse(from) > 92 * 86_400_000) throw invalid('validation.failed', 'At most 93 days at once', { to: 'at most 93 days after from' });
    let after: tq.BoardFilter['after'];
    if (filter.cursor) {
      const cut = filter.cursor.lastIndexOf('_');
      after = { at: filter.cursor.slice(0, cut), id: Number(filter.cursor.slice(cut + 1)) };
    }
    const rows = await tq.board(scoped(this.db, ctx.workspaceId), { ...filter, from, to, after });
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      from, to,
      items: await this.render(this.db, ctx, page, now, zone),
      nextCursor: rows.length > filter.limit && last ? `${last.window_start_at}_${last.id}` : null,
    };
  }

  /** A staff member's list for today: theirs, or — for their team lead and SOP managers — someone else's. */
  async today(ctx: AccessContext, staffId: number | undefined, now = this.clock.now()) {
    const s = scoped(this.db, ctx.workspaceId);
    const who = staffId ?? ctx.staffId;
    if (who === null) throw invalid('validation.failed', 'Name the staff member (staffId): an API token has no list of its own', { staffId: 'required without a staff session' });
    const directory = await q.staffDirectory(s);
    const person = directory.find((d) => d.id === who);
    if (!person) throw new AppError(404, 'staff.not_found', 'Staff not found', { staffId: 'no such staff' });
    if (who !== ctx.staffId && !ctx.permissions.has('sops.manage') && (ctx.staffId === null || person.lead_staff_id !== ctx.staffId)) {
      throw new AppError(403, 'sop.not_your_team', "Only the person's team lead or an SOP manager may see someone else's list", { staffId: 'not in a team you lead' });
    }
    const zone = await this.zone(ctx);
    const today = localDate(now, zone);
    const rows = await tq.todayOf(s, who, addDays(today, -OPEN_DAYS), today);
    const items = await this.render(this.db, ctx, rows, now, zone);
    // Overdue first (oldest window first), then the rest of the day by window start.
    items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.windowStartAt.localeCompare(b.windowStartAt) || a.id - b.id);
    return {
      staff: { id: person.id, displayName: person.display_name },
      date: today,
      timezone: zone,
      items,
      counts: {
        total: items.length,
        open: items.filter((t) => t.status === 'todo' || t.status === 'missed').length,
        overdue: items.filter((t) => t.overdue).length,
        done: items.filter((t) => t.status === 'done' || t.status === 'late').length,
      },
      definitions: {
        items: `tasks assigned to the person due today (${today}, ${zone}), and tasks of the ${OPEN_DAYS} days before still todo or missed (they may still be done, counted late)`,
        overdue: 'not done (todo or missed) and its window has ended',
      },
    };
  }

  async complete(ctx: AccessContext, id: number, input: CompleteInput, screenshot: { bytes: Buffer; kind: ImageKind } | null = null, now = this.clock.now()): Promise<TaskOut> {
    const zone = await this.zone(ctx);
    const check = await this.requireRow(this.db, ctx, id);
    this.assertMayComplete(check, ctx, now, zone);
    const file = screenshot ? await this.proofs.save(ctx.workspaceId, screenshot.bytes, screenshot.kind) : null;
    try {
      return await this.db.transaction().execute(async (tx) => {
        const t = await this.requireRow(tx, ctx, id);
        this.assertMayComplete(t, ctx, now, zone);
        const at = now.toISOString();
        const onTime = at <= t.window_end_at ? 1 : 0;
        const status = onTime ? 'done' : 'late';
        await this.change(tx, ctx, t, {
          status, on_time: onTime, done_at: at, done_by: ctx.staffId,
          proof_text: input.proofText || null, proof_link: input.proofLink || null,
          proof_file: file, proof_mime: screenshot?.kind.mime ?? null,
        }, 'sop_task.complete');
        return this.get(ctx, id, now, tx);
      });
    } catch (error) {
      await this.proofs.remove(file);
      throw error;
    }
  }

  /** Back to todo (or missed, when its day is over): by whoever completed it on that same day, or a manager. */
  async undo(ctx: AccessContext, id: number, now = this.clock.now()): Promise<TaskOut> {
    const zone = await this.zone(ctx);
    let file: string | null = null;
    const out = await this.db.transaction().execute(async (tx) => {
      const t = await this.requireRow(tx, ctx, id);
      const may = abilities(t, ctx, now, zone);
      if (t.status === 'todo' || t.status === 'missed') throw conflict('sop_task.not_done', 'This task is not done or skipped: nothing to undo', { id: t.status });
      if (!may.undo) {
        const why = t.status === 'skipped' ? "only the assignee's team lead or an SOP manager may reopen a skipped task"
          : 'only the person who completed it, on the same day, or an SOP manager may undo it';
        throw new AppError(403, 'sop_task.not_allowed', `You may not undo this task: ${why}`, { id: why });
      }
      file = t.proof_file;
      await this.change(tx, ctx, t, {
        status: this.dayOver(t, now, zone) ? 'missed' : 'todo', on_time: null, done_at: null, done_by: null,
        proof_text: null, proof_link: null, proof_file: null, proof_mime: null, skip_reason: null,
      }, 'sop_task.undo');
      return this.get(ctx, id, now, tx);
    });
    await this.proofs.remove(file);
    return out;
  }

  async skip(ctx: AccessContext, id: number, reason: string, now = this.clock.now()): Promise<TaskOut> {
    const zone = await this.zone(ctx);
    return this.db.transaction().execute(async (tx) => {
      const t = await this.requireRow(tx, ctx, id);
      if (t.status !== 'todo' && t.status !== 'missed') throw conflict('sop_task.not_open', `A ${t.status} task cannot be skipped`, { id: t.status });
      if (!abilities(t, ctx, now, zone).skip) {
        throw new AppError(403, 'sop_task.not_allowed', "Only the assignee's team lead or an SOP manager may skip a task", { id: 'not the lead of the assignee' });
      }
      await this.change(tx, ctx, t, { status: 'skipped', on_time: null, skip_reason: reason }, 'sop_task.skip');
      return this.get(ctx, id, now, tx);
    });
  }

  async reassign(ctx: AccessContext, id: number, staffId: number, now = this.clock.now()): Promise<TaskOut> {
    return this.db.transaction().execute(async (tx) => {
      const t = await this.requireRow(tx, ctx, id);
      if (t.status !== 'todo' && t.status !== 'missed') throw conflict('sop_task.not_open', `A ${t.status} task keeps its assignee`, { id: t.status });
      const person = (await q.staffDirectory(scoped(tx, ctx.workspaceId))).find((d) => d.id === staffId);
      if (!person) throw new AppError(404, 'staff.not_found', 'Staff not found', { staffId: 'no such staff' });
      if (person.disabled) throw invalid('sop.staff_disabled', 'This staff account is disabled', { staffId: 'disabled' });
      await this.change(tx, ctx, t, { assignee_staff_id: staffId }, 'sop_task.reassign');
      return this.get(ctx, id, now, tx);
    });
  }

  async screenshot(ctx: AccessContext, id: number): Promise<{ bytes: Buffer; mime: string }> {
    if (ctx.staffId === null) throw new AppError(403, 'auth.session_required', 'Proof screenshots are shown to signed-in staff only');
    const t = await this.requireRow(this.db, ctx, id);
    const bytes = t.proof_file && t.proof_mime ? await this.proofs.read(t.proof_file) : null;
    if (!bytes || !t.proof_mime) throw new AppError(404, 'sop_task.no_screenshot', 'This task has no screenshot');
    return { bytes, mime: t.proof_mime };
  }

  /** The close job: todo tasks whose local due day has ended become missed. */
  async close(ctx: AccessContext, now = this.clock.now()): Promise<number> {
    const zone = await this.zone(ctx);
    const at = now.toISOString();
    const candidates = (await tq.overdueTodo(scoped(this.db, ctx.workspaceId), at)).filter((t) => {
      const taskZoneName = taskZone({ applicationCampaignId: t.application_campaign_id, triggerKind: t.trigger_kind, campaignTimezone: t.campaign_timezone }, zone);
      return at >= dayStartUtc(addDays(t.due_date, 1), taskZoneName);
    });
    let missed = 0;
    for (let i = 0; i < candidates.length; i += 200) {
      missed += await this.db.transaction().execute(async (tx) => {
        let n = 0;
        for (const c of candidates.slice(i, i + 200)) {
          // Conditional on still being todo: a completion racing the job wins.
          const result = await scoped(tx, ctx.workspaceId).updateTable('sop_tasks').set({ status: 'missed', on_time: null, updated_at: nowIso() })
            .where('id', '=', c.id).where('status', '=', 'todo').executeTakeFirst();
          if (Number(result.numUpdatedRows) === 1) {
            n++;
            await this.incentives.syncTaskPoints(tx, ctx.workspaceId, c.id);
          }
        }
        return n;
      });
    }
    return missed;
  }

  private dayOver(t: tq.TaskRow, now: Date, zone: string): boolean {
    return now.toISOString() >= dayStartUtc(addDays(t.due_date, 1), zoneOf(t, zone));
  }

  private assertMayComplete(t: tq.TaskRow, ctx: AccessContext, now: Date, zone: string): void {
    if (t.status === 'done' || t.status === 'late') throw conflict('sop_task.already_done', 'This task is already done', { id: t.status });
    if (t.status === 'skipped') throw conflict('sop_task.skipped', 'This task was skipped: reopen it first', { id: 'skipped' });
    if (now.toISOString() < dayStartUtc(t.due_date, zoneOf(t, zone))) throw conflict('sop_task.not_due', `This task is for ${t.due_date}: it cannot be done before that day`, { id: 'not due yet' });
    if (!abilities(t, ctx, now, zone).complete) {
      throw new AppError(403, 'sop_task.not_allowed', "Only the assignee, their team lead or an SOP manager may complete this task", { id: 'not your task' });
    }
  }

  /** One status change: the row, the audit entry and the points, in the caller's transaction. */
  private async change(tx: Executor, ctx: AccessContext, t: tq.TaskRow, patch: Updateable<SopTasksTable>, action: string): Promise<void> {
    await tq.updateTask(scoped(tx, ctx.workspaceId), t.id, { ...patch, updated_at: nowIso() });
    await this.incentives.syncTaskPoints(tx, ctx.workspaceId, t.id);
    await recordAudit(tx, ctx, {
      action, entity: 'sop_task', entityId: t.id,
      before: { status: t.status, assigneeStaffId: t.assignee_staff_id },
      after: { status: patch.status ?? t.status, assigneeStaffId: patch.assignee_staff_id ?? t.assignee_staff_id, ...(patch.skip_reason ? { reason: patch.skip_reason } : {}) },
    });
  }
}
