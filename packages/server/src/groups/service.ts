// Chat groups (社群): what a group is (platform, owner, capacity, campaign and series, status), its QR image and
// when that expires, and the reminders that tell an operator to upload a fresh QR or open a new group.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import type { StaffService } from '../staff/service.js';
import * as q from './queries.js';
import { QrStore, type ImageKind } from './qr-image.js';
import type { MemberService } from '../members/service.js';
import { nearCapacityAt, toGroupOut } from './group-out.js';
import { GroupListImport } from './list-import.js';
import { communityMatrix } from './matrix.js';
import { GroupMemberships } from './memberships.js';
import { DEFAULT_CAPACITY, QR_LIFETIME_MS, type CreateGroupInput, type GroupOut, type GroupStatus, type ReminderReason, type UpdateGroupInput } from './schema.js';

/** Which status may follow which; a dissolved group is gone for good. */
const TRANSITIONS: Record<GroupStatus, GroupStatus[]> = {
  open: ['full', 'archived', 'dissolved'],
  full: ['open', 'archived', 'dissolved'],
  archived: ['open', 'dissolved'],
  dissolved: [],
};

export class GroupService {
  readonly qr: QrStore;
  /** Membership periods (join, leave, history). */
  readonly memberships: GroupMemberships;
  /** Member-list imports and their review rows. */
  readonly lists: GroupListImport;

  constructor(readonly db: Kysely<DB>, members: MemberService, private readonly campaigns: CampaignService, private readonly staff: StaffService, dataDir: string) {
    this.qr = new QrStore(dataDir);
    this.memberships = new GroupMemberships(this, members);
    this.lists = new GroupListImport(this, this.memberships, members, dataDir);
  }

  matrix(ctx: AccessContext) {
    return communityMatrix(this, ctx);
  }

  /** A group row of this workspace, or 404 group.not_found. */
  async requireRow(db: Executor, ctx: AccessContext, id: number): Promise<q.GroupRow> {
    const row = await q.findGroup(scoped(db, ctx.workspaceId), id);
    if (!row) throw notFound('group', 'Group');
    return row;
  }

  async get(ctx: AccessContext, id: number): Promise<GroupOut> {
    return toGroupOut(await this.requireRow(this.db, ctx, id));
  }

  async list(ctx: AccessContext, filter: q.GroupFilter) {
    if (filter.campaignId !== undefined) await this.campaigns.requireCampaign(ctx, filter.campaignId);
    if (filter.seriesId !== undefined) await this.campaigns.requireSeries(ctx, filter.seriesId);
    const rows = await q.listGroups(scoped(this.db, ctx.workspaceId), filter);
    const items = rows.slice(0, filter.limit).map((r) => toGroupOut(r));
    return { items, nextCursor: rows.length > filter.limit ? String(items[items.length - 1]!.id) : null };
  }

  async create(ctx: AccessContext, input: CreateGroupInput): Promise<GroupOut> {
    const links = await this.checkLinks(ctx, input, { campaignId: null, seriesId: null });
    return this.db.transaction().execute(async (tx) => {
      const now = nowIso();
      const id = await q.insertGroup(tx, {
        workspace_id: ctx.workspaceId, platform: input.platform, name: input.name, owner_staff_id: input.ownerStaffId ?? null,
        capacity: input.capacity ?? DEFAULT_CAPACITY, campaign_id: links.campaignId, series_id: links.seriesId, theme: input.theme ?? '',
        status: input.status ?? 'open', created_at: now, updated_at: now,
      });
      const group = toGroupOut(await this.requireRow(tx, ctx, id));
      await recordAudit(tx, ctx, { action: 'group.create', entity: 'group', entityId: id, after: group });
      return group;
    });
  }

  async update(ctx: AccessContext, id: number, input: UpdateGroupInput): Promise<GroupOut> {
    const current = await this.requireRow(this.db, ctx, id);
    const links = await this.checkLinks(ctx, input, { campaignId: current.campaign_id, seriesId: current.series_id });
    return this.db.transaction().execute(async (tx) => {
      const before = toGroupOut(await this.requireRow(tx, ctx, id));
      const status = input.status as GroupStatus | undefined;
      const from = before.status as GroupStatus;
      if (status !== undefined && status !== from && !TRANSITIONS[from].includes(status)) {
        throw conflict('group.invalid_transition', `A ${from} group cannot become ${status}`, { status: `not allowed from ${from}` });
      }
      const now = nowIso();
      await q.updateGroup(scoped(tx, ctx.workspaceId), id, {
        ...(input.platform !== undefined ? { platform: input.platform } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.ownerStaffId !== undefined ? { owner_staff_id: input.ownerStaffId } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.theme !== undefined ? { theme: input.theme } : {}),
        ...(status !== undefined ? { status } : {}),
        campaign_id: links.campaignId,
        series_id: links.seriesId,
        updated_at: now,
      });
      // A dissolved group has nobody left in it: its open periods end now.
      if (status === 'dissolved' && from !== 'dissolved') {
        await scoped(tx, ctx.workspaceId).updateTable('group_memberships').set({ left_at: now }).where('group_id', '=', id).where('left_at', 'is', null).execute();
      }
      const after = toGroupOut(await this.requireRow(tx, ctx, id));
      await recordAudit(tx, ctx, { action: 'group.update', entity: 'group', entityId: id, before, after });
      if (status !== undefined && status !== from) {
        await recordAudit(tx, ctx, { action: 'group.status_change', entity: 'group', entityId: id, before: { status: from }, after: { status } });
      }
      return after;
    });
  }

  /** Stores a checked image as the group's QR; the old file goes only after the new row is committed. */
  async setQr(ctx: AccessContext, id: number, bytes: Buffer, kind: ImageKind, expiresAt?: string): Promise<GroupOut> {
    const uploadedAt = new Date();
    let expires = new Date(uploadedAt.getTime() + QR_LIFETIME_MS);
    if (expiresAt !== undefined) {
      const wanted = new Date(expiresAt);
      if (wanted.getTime() <= uploadedAt.getTime()) throw invalid('group.qr_expiry_past', 'The expiry must be in the future', { expiresAt: 'must be in the future' });
      if (wanted.getTime() > expires.getTime()) throw invalid('group.qr_expiry_too_far', 'A group QR is valid for at most 7 days', { expiresAt: 'at most 7 days ahead' });
      expires = wanted;
    }
    await this.requireRow(this.db, ctx, id);
    const name = await this.qr.save(ctx.workspaceId, bytes, kind);
    let previous: string | null = null;
    try {
      const group = await this.db.transaction().execute(async (tx) => {
        const before = await this.requireRow(tx, ctx, id);
        previous = before.qr_file;
        await q.updateGroup(scoped(tx, ctx.workspaceId), id, {
          qr_file: name, qr_mime: kind.mime, qr_uploaded_at: uploadedAt.toISOString(), qr_expires_at: expires.toISOString(), updated_at: nowIso(),
        });
        await recordAudit(tx, ctx, {
          action: 'group.qr_upload', entity: 'group', entityId: id,
          before: { qrExpiresAt: before.qr_expires_at }, after: { mime: kind.mime, bytes: bytes.length, qrExpiresAt: expires.toISOString() },
        });
        return toGroupOut(await this.requireRow(tx, ctx, id));
      });
      await this.qr.remove(previous);
      return group;
    } catch (error) {
      await this.qr.remove(name);
      throw error;
    }
  }

  async getQr(ctx: AccessContext, id: number): Promise<{ bytes: Buffer; mime: string }> {
    const row = await this.requireRow(this.db, ctx, id);
    const bytes = row.qr_file && row.qr_mime ? await this.qr.read(row.qr_file) : null;
    if (!bytes || !row.qr_mime) throw new AppError(404, 'group.qr_not_found', 'This group has no QR image');
    return { bytes, mime: row.qr_mime };
  }

  /** What an operator must do now: upload a fresh QR (missing, expiring, expired) or open a new group (near full). */
  async reminders(ctx: AccessContext) {
    const now = Date.now();
    const out: Array<{ groupId: number; groupName: string; reason: ReminderReason; message: string; memberCount: number; capacity: number; qrExpiresAt: string | null }> = [];
    for (const row of await q.openGroups(scoped(this.db, ctx.workspaceId))) {
      const g = toGroupOut(row, now);
      const base = { groupId: g.id, groupName: g.name, memberCount: g.memberCount, capacity: g.capacity, qrExpiresAt: g.qrExpiresAt };
      if (g.qrStatus === 'none') out.push({ ...base, reason: 'qr_missing', message: 'No group QR uploaded: upload one so people can join' });
      if (g.qrStatus === 'expiring') out.push({ ...base, reason: 'qr_expiring', message: `The group QR expires at ${g.qrExpiresAt}: upload a new one` });
      if (g.qrStatus === 'expired') out.push({ ...base, reason: 'qr_expired', message: `The group QR expired at ${g.qrExpiresAt}: upload a new one` });
      if (g.memberCount >= nearCapacityAt(g.capacity)) {
        out.push({ ...base, reason: 'near_capacity', message: `${g.memberCount} of ${g.capacity} members (scan-join stops at 200): open a new group` });
      }
    }
    return out;
  }

  /** Owner, campaign and series of a create or update, checked; a campaign without a series brings its own series. */
  private async checkLinks(ctx: AccessContext, input: UpdateGroupInput, current: { campaignId: number | null; seriesId: number | null }) {
    if (input.ownerStaffId !== undefined && input.ownerStaffId !== null) {
      await this.staff.get(ctx, input.ownerStaffId).catch((error: unknown) => {
        if (error instanceof AppError && error.status === 404) throw new AppError(404, 'staff.not_found', 'Staff not found', { ownerStaffId: 'no such staff' });
        throw error;
      });
    }
    const campaignId = input.campaignId !== undefined ? input.campaignId : current.campaignId;
    let seriesId = input.seriesId !== undefined ? input.seriesId : current.seriesId;
    if (input.seriesId !== undefined && input.seriesId !== null) await this.campaigns.requireSeries(ctx, input.seriesId);
    if (campaignId !== null && (input.campaignId !== undefined || input.seriesId !== undefined)) {
      const campaign = await this.campaigns.requireCampaign(ctx, campaignId);
      if (input.seriesId === undefined || input.seriesId === null) seriesId = campaign.seriesId;
      else if (input.seriesId !== campaign.seriesId) {
        throw invalid('group.series_mismatch', "The series must be the campaign's series", { seriesId: `campaign ${campaign.key} belongs to another series` });
      }
    }
    return { campaignId, seriesId };
  }
}
