// Channels (渠道): first- and second-level places people come from, each with a short link /c/<code> whose live
// code routes a visitor (or, for a channel of a campaign, a member signing up) to the first available group of the
// channel's pool, records the visit and raises alerts.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import { qrStatusOf } from '../groups/group-out.js';
import type { GroupService } from '../groups/service.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, isUniqueViolation } from '../http/errors.js';
import type { StaffService } from '../staff/service.js';
import type { WorkspaceService } from '../workspaces/service.js';
import { raiseExhausted } from './alerts.js';
import * as q from './queries.js';
import { chooseGroup, unavailableReason, type PoolCandidate } from './routing.js';
import { DEFAULT_THRESHOLD, type ChannelOut, type CreateChannelInput, type PoolGroupOut, type UpdateChannelInput } from './schema.js';
import { channelStats } from './stats.js';

/** Unambiguous letters and digits (no 0/O, 1/l/I), for codes people may type from a poster. */
const CODE_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

type Totals = Awaited<ReturnType<typeof q.totalsOf>>[number];
type Candidate<R> = PoolCandidate & { row: R };

function candidate<R extends q.RoutableRow & { position: number }>(row: R): Candidate<R> {
  return {
    groupId: row.group_id, position: row.position, status: row.status, memberCount: Number(row.member_count ?? 0),
    scanCount: Number(row.scan_count), capacity: row.capacity, hasQr: row.qr_file !== null, qrExpiresAt: row.qr_expires_at, row,
  };
}

function toPoolGroupOut(row: q.PoolRow, threshold: number, now: number): PoolGroupOut {
  const reason = unavailableReason(candidate(row), threshold, now);
  return {
    groupId: row.group_id, name: row.name, position: row.position, status: row.status, memberCount: Number(row.member_count ?? 0),
    scanCount: Number(row.scan_count), capacity: row.capacity, qrStatus: qrStatusOf(row.qr_expires_at, row.qr_file !== null, now),
    qrExpiresAt: row.qr_file !== null ? row.qr_expires_at : null, available: reason === null, unavailableReason: reason,
  };
}

function toChannelOut(row: q.ChannelRow, pool: q.PoolRow[], totals: Totals | undefined, now = Date.now()): ChannelOut {
  const visits = Number(totals?.visits ?? 0);
  const exhausted = Number(totals?.exhausted ?? 0);
  return {
    id: row.id, parentId: row.parent_id, level: row.parent_id === null ? 1 : 2, name: row.name, code: row.code, path: `/c/${row.code}`,
    owner: row.owner_staff_id !== null ? { id: row.owner_staff_id, displayName: row.owner_name ?? '' } : null,
    costCents: row.cost_cents, threshold: row.threshold, fallbackMessage: row.fallback_message, campaignId: row.campaign_id,
    archivedAt: row.archived_at, createdAt: row.created_at,
    pool: pool.filter((p) => p.channel_id === row.id).map((p) => toPoolGroupOut(p, row.threshold, now)),
    stats: { visits, uniqueVisitors: Number(totals?.unique_visitors ?? 0), routed: Number(totals?.routed ?? 0), exhausted },
  };
}

/** A new short-link code (the caller makes sure no channel has it); also used by the workspace import. */
export function generateCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

function taken(error: unknown): never {
  if (isUniqueViolation(error)) {
    const text = String((error as { message?: string; constraint?: string }).constraint ?? '') + String((error as Error).message ?? '');
    if (/code/.test(text)) throw conflict('channel.code_taken', 'This code is already used by another channel', { code: 'already taken' });
    throw conflict('channel.name_taken', 'Another channel here already has this name', { name: 'already taken' });
  }
  throw error;
}

/** What a visit to /c/<code> led to: null for an unknown or archived code. */
export interface VisitOutcome {
  channel: { id: number; name: string; code: string; fallbackMessage: string };
  /** The channel leads to this campaign's landing page: nobody was routed to a group yet (that happens at signup). */
  campaignId: number | null;
  group: { id: number; name: string } | null;
}

/** A live channel found by its public code, with the campaign it leads to. */
export interface PublicChannel {
  id: number;
  workspaceId: number;
  name: string;
  code: string;
  campaignId: number | null;
}

/** The group a signup was routed to, with its QR file for the member page. */
export interface RoutedGroup {
  id: number;
  name: string;
  qrFile: string | null;
  qrMime: string | null;
  qrExpiresAt: string | null;
}

function routed(row: q.RoutableRow): RoutedGroup {
  return { id: row.group_id, name: row.name, qrFile: row.qr_file, qrMime: row.qr_mime, qrExpiresAt: row.qr_file !== null ? row.qr_expires_at : null };
}

/** A live code as the alerts see it: how many groups of its pool can take the next visitor. */
export interface LivePool {
  id: number;
  name: string;
  ownerStaffId: number | null;
  poolSize: number;
  usable: number;
}

export class ChannelService {
  constructor(
    private readonly db: Kysely<DB>, private readonly groups: GroupService, private readonly staff: StaffService,
    private readonly workspaces: WorkspaceService, private readonly campaigns: CampaignService,
  ) {}

  async requireRow(db: Executor, ctx: AccessContext, id: number, field?: string): Promise<q.ChannelRow> {
    const row = await q.findChannel(scoped(db, ctx.workspaceId), id);
    if (!row) throw new AppError(404, 'channel.not_found', 'Channel not found', field ? { [field]: 'no such channel' } : undefined);
    return row;
  }

  private async load(db: Executor, ctx: AccessContext, id: number): Promise<ChannelOut> {
    const s = scoped(db, ctx.workspaceId);
    const row = await this.requireRow(db, ctx, id);
    const [pool, totals] = await Promise.all([q.poolOf(s, [id]), q.totalsOf(s, [id])]);
    return toChannelOut(row, pool, totals[0]);
  }

  get(ctx: AccessContext, id: number): Promise<ChannelOut> {
    return this.load(this.db, ctx, id);
  }

  /** First-level channels in creation order, each followed by its children; children of a parent not listed come last. */
  async list(ctx: AccessContext, archived: boolean): Promise<ChannelOut[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listChannels(s, archived);
    const ids = rows.map((r) => r.id);
    const [pool, totals] = await Promise.all([q.poolOf(s, ids), q.totalsOf(s, ids)]);
    const byId = new Map(totals.map((t) => [t.channel_id, t]));
    const out = (r: q.ChannelRow) => toChannelOut(r, pool, byId.get(r.id));
    const listed = new Set(ids);
    const ordered: ChannelOut[] = [];
    for (const parent of rows.filter((r) => r.parent_id === null)) {
      ordered.push(out(parent));
      for (const child of rows.filter((r) => r.parent_id === parent.id)) ordered.push(out(child));
    }
    for (const orphan of rows.filter((r) => r.parent_id !== null && !listed.has(r.parent_id))) ordered.push(out(orphan));
    return ordered;
  }

  async create(ctx: AccessContext, input: CreateChannelInput): Promise<ChannelOut> {
    await this.checkOwner(ctx, input.ownerStaffId);
    if (input.campaignId != null) await this.campaigns.requireCampaign(ctx, input.campaignId);
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await this.requireRow(this.db, ctx, parentId, 'parentId');
      if (parent.parent_id !== null) throw invalid('channel.too_deep', 'A parent must be a first-level channel', { parentId: 'is itself a second-level channel' });
    }
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      if (await q.sameName(s, parentId, input.name)) throw conflict('channel.name_taken', 'Another channel here already has this name', { name: 'already taken' });
      let code = input.code;
      if (code !== undefined && await q.codeTaken(tx, code)) throw conflict('channel.code_taken', 'This code is already used by another channel', { code: 'already taken' });
      while (code === undefined) {
        const candidateCode = generateCode();
        if (!(await q.codeTaken(tx, candidateCode))) code = candidateCode;
      }
      const now = nowIso();
      const id = await q.insertChannel(tx, {
        workspace_id: ctx.workspaceId, parent_id: parentId, name: input.name, code,
        owner_staff_id: input.ownerStaffId !== undefined ? input.ownerStaffId : ctx.staffId,
        cost_cents: input.costCents ?? 0, threshold: input.threshold ?? DEFAULT_THRESHOLD, fallback_message: input.fallbackMessage ?? '',
        campaign_id: input.campaignId ?? null, archived_at: null, created_at: now, updated_at: now,
      }).catch(taken);
      const channel = await this.load(tx, ctx, id);
      await recordAudit(tx, ctx, { action: 'channel.create', entity: 'channel', entityId: id, after: channel });
      return channel;
    });
  }

  async update(ctx: AccessContext, id: number, input: UpdateChannelInput): Promise<ChannelOut> {
    await this.checkOwner(ctx, input.ownerStaffId);
    if (input.campaignId != null) await this.campaigns.requireCampaign(ctx, input.campaignId);
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.load(tx, ctx, id);
      if (input.name !== undefined && await q.sameName(s, before.parentId, input.name, id)) {
        throw conflict('channel.name_taken', 'Another channel here already has this name', { name: 'already taken' });
      }
      const archivedAt = input.archived === undefined ? before.archivedAt : input.archived ? (before.archivedAt ?? nowIso()) : null;
      await q.updateChannel(s, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.ownerStaffId !== undefined ? { owner_staff_id: input.ownerStaffId } : {}),
        ...(input.costCents !== undefined ? { cost_cents: input.costCents } : {}),
        ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
        ...(input.fallbackMessage !== undefined ? { fallback_message: input.fallbackMessage } : {}),
        ...(input.campaignId !== undefined ? { campaign_id: input.campaignId } : {}),
        archived_at: archivedAt,
        updated_at: nowIso(),
      }).catch(taken);
      const after = await this.load(tx, ctx, id);
      await recordAudit(tx, ctx, { action: 'channel.update', entity: 'channel', entityId: id, before, after });
      return after;
    });
  }

  /** Replaces the pool with these groups, in this order. */
  async setPool(ctx: AccessContext, id: number, groupIds: number[]): Promise<ChannelOut> {
    const seen = new Set<number>();
    groupIds.forEach((g, i) => {
      if (seen.has(g)) throw invalid('channel.duplicate_group', `Group ${g} is listed twice`, { [`groupIds.${i}`]: 'listed twice' });
      seen.add(g);
    });
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.load(tx, ctx, id);
      const found = new Set((groupIds.length ? await q.groupIdsIn(s, groupIds) : []).map((g) => g.id));
      const missing = groupIds.findIndex((g) => !found.has(g));
      if (missing >= 0) throw new AppError(404, 'group.not_found', 'Group not found', { [`groupIds.${missing}`]: 'no such group' });
      await q.replacePool(s, id, groupIds);
      const after = await this.load(tx, ctx, id);
      await recordAudit(tx, ctx, {
        action: 'channel.pool_update', entity: 'channel', entityId: id,
        before: { groupIds: before.pool.map((p) => p.groupId) }, after: { groupIds },
      });
      return after;
    });
  }

  async stats(ctx: AccessContext, id: number, period: { from?: string; to?: string }) {
    const channel = await this.requireRow(this.db, ctx, id);
    const workspace = await this.workspaces.get(ctx.workspaceId);
    return channelStats(scoped(this.db, ctx.workspaceId), channel.id, workspace.timezone, period);
  }

  /** The channel's code, for its QR (404 like every read of another workspace's channel). */
  async code(ctx: AccessContext, id: number): Promise<string> {
    return (await this.requireRow(this.db, ctx, id)).code;
  }

  /**
   * A visit to the public short link: routes to the first available pool group, records the visit (and the
   * group's scan) in one transaction, and raises the exhausted alert when no group is left. Two reads, one write.
   * A channel leading to a campaign only records the visit: its visitors are routed when they sign up.
   */
  async visit(code: string, visitor: string): Promise<VisitOutcome | null> {
    const channel = await q.channelByCode(this.db, code);
    if (!channel || channel.archived_at !== null) return null;
    const s = scoped(this.db, channel.workspace_id);
    const outcome = (group: { id: number; name: string } | null): VisitOutcome => ({
      channel: { id: channel.id, name: channel.name, code: channel.code, fallbackMessage: channel.fallback_message }, campaignId: channel.campaign_id, group,
    });
    if (channel.campaign_id !== null) {
      await q.recordVisit(s, { channelId: channel.id, visitor, at: nowIso(), groupId: null, exhausted: false });
      return outcome(null);
    }
    const pool = await q.poolOf(s, [channel.id]);
    const chosen = chooseGroup(pool.map(candidate), channel.threshold, Date.now());
    await this.db.transaction().execute(async (tx) => {
      const ts = scoped(tx, channel.workspace_id);
      await q.recordVisit(ts, { channelId: channel.id, visitor, at: nowIso(), groupId: chosen?.groupId ?? null, exhausted: !chosen });
      if (!chosen) await raiseExhausted(ts, channel, pool.length);
    });
    return outcome(chosen ? { id: chosen.groupId, name: chosen.row.name } : null);
  }

  /**
   * The live (not archived) channels that have a pool, each with how many of its groups can take the next visitor
   * at `now` (the routing rule of a visit). Channels with an empty pool are not live codes yet and are left out.
   */
  async livePools(ctx: AccessContext, now: Date): Promise<LivePool[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const channels = await q.listChannels(s, false);
    const pool = await q.poolOf(s, channels.map((c) => c.id));
    return channels.flatMap((c) => {
      const own = pool.filter((p) => p.channel_id === c.id);
      if (own.length === 0) return [];
      const usable = own.filter((p) => unavailableReason(candidate(p), c.threshold, now.getTime()) === null).length;
      return [{ id: c.id, name: c.name, ownerStaffId: c.owner_staff_id, poolSize: own.length, usable }];
    });
  }

  /** A live (not archived) channel by its public code, or null. */
  async byCode(code: string): Promise<PublicChannel | null> {
    const channel = await q.channelByCode(this.db, code);
    if (!channel || channel.archived_at !== null) return null;
    return { id: channel.id, workspaceId: channel.workspace_id, name: channel.name, code: channel.code, campaignId: channel.campaign_id };
  }

  /**
   * The live-code choice for a signup, inside the caller's transaction: the channel's pool when it has one, else
   * the campaign's open groups in id order, by the same rule as a visit (routing.ts). The chosen group's scan is
   * counted; a pool with no group left raises the channel's exhausted alert, as a visit would.
   */
  async routeSignup(db: Executor, workspaceId: number, input: { channelId: number | null; campaignId: number; now: Date }): Promise<RoutedGroup | null> {
    const s = scoped(db, workspaceId);
    const channel = input.channelId !== null ? await q.findChannel(s, input.channelId) : undefined;
    const pool = channel ? await q.poolOf(s, [channel.id]) : [];
    const rows = pool.length > 0 ? pool : (await q.campaignGroups(s, input.campaignId)).map((row, position) => ({ ...row, position }));
    const chosen = chooseGroup(rows.map(candidate), channel?.threshold ?? DEFAULT_THRESHOLD, input.now.getTime());
    if (chosen) await q.countScan(s, chosen.groupId);
    else if (channel && pool.length > 0) await raiseExhausted(s, channel, pool.length);
    return chosen ? routed(chosen.row) : null;
  }

  /**
   * A group a member was routed to, as it is now: null when it is gone. `usable` is false when it closed or its QR
   * is missing or expired; a group that filled up since stays usable for those already sent to it.
   */
  async routedGroup(db: Executor, workspaceId: number, groupId: number, now: Date): Promise<(RoutedGroup & { usable: boolean }) | null> {
    const row = await q.routableGroup(scoped(db, workspaceId), groupId);
    if (!row) return null;
    const usable = row.status === 'open' && row.qr_file !== null && row.qr_expires_at !== null && Date.parse(row.qr_expires_at) > now.getTime();
    return { ...routed(row), usable };
  }

  /** The uploaded QR image of a group in the pool of a live channel; null for anything else. */
  async poolGroupQr(code: string, groupId: number): Promise<{ bytes: Buffer; mime: string } | null> {
    const channel = await q.channelByCode(this.db, code);
    if (!channel || channel.archived_at !== null) return null;
    const row = (await q.poolOf(scoped(this.db, channel.workspace_id), [channel.id])).find((p) => p.group_id === groupId);
    if (!row?.qr_file || !row.qr_mime) return null;
    const bytes = await this.groups.qr.read(row.qr_file);
    return bytes ? { bytes, mime: row.qr_mime } : null;
  }

  private async checkOwner(ctx: AccessContext, ownerStaffId: number | null | undefined) {
    if (ownerStaffId === undefined || ownerStaffId === null) return;
    await this.staff.get(ctx, ownerStaffId).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) throw new AppError(404, 'staff.not_found', 'Staff not found', { ownerStaffId: 'no such staff' });
      throw error;
    });
  }
}

