// Enrollments (报名): one per member and campaign, each holding a place of the campaign's capacity, the channel it
// came through, the group the live code chose, and what is due and paid. Signup (signup/) and staff both enroll here.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { CampaignService, deriveStatus } from '../campaigns/service.js';
import type { CampaignOut } from '../campaigns/schema.js';
import type { ChannelService } from '../channels/service.js';
import type { Clock } from '../clock.js';
import { scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { GroupService } from '../groups/service.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, isUniqueViolation } from '../http/errors.js';
import type { MemberContext } from '../member-session/service.js';
import type { MemberService } from '../members/service.js';
import { progressByEnrollment, toEnrollmentOut, toMemberEnrollment } from './out.js';
import * as q from './queries.js';
import type { EnrollmentOut, ListEnrollmentsQuery, MeOut } from './schema.js';

export const enrollmentNotFound = (field?: string) =>
  new AppError(404, 'enrollment.not_found', 'Enrollment not found', field ? { [field]: 'not enrolled' } : undefined);

export interface EnrollInput {
  campaign: Pick<CampaignOut, 'id' | 'priceCents' | 'depositCents'>;
  memberId: number;
  channelId: number | null;
  source: 'signup' | 'staff';
  /** Whether a new place may be taken now (the signup window for members; not ended or archived for staff). */
  open: boolean;
  /** Error codes are `<refusal>.closed` and `<refusal>.full`. */
  refusal: 'signup' | 'enrollment';
}

export interface EnrollResult {
  enrollment: q.EnrollmentRow;
  /** False when the member was already enrolled: nothing changed and no place was taken. */
  created: boolean;
}

/** Runs a write again once when it lost a race on a unique key (the second run finds the row the winner wrote). */
export async function retryOnce<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}

export class EnrollmentService {
  constructor(
    readonly db: Kysely<DB>, readonly clock: Clock, private readonly members: MemberService, readonly campaigns: CampaignService,
    private readonly channels: ChannelService, private readonly groups: GroupService,
  ) {}

  private now() {
    return this.clock.now();
  }

  /**
   * Enrolls a member inside the caller's transaction: an active enrollment is returned as it is; a cancelled one is
   * re-activated and a new one created only if the campaign is open and a place is free (one conditional UPDATE,
   * queries.takePlace). A new enrollment is routed to a group by the live-code rule (channels/).
   */
  async enrollIn(tx: Executor, ctx: AccessContext, input: EnrollInput): Promise<EnrollResult> {
    const s = scoped(tx, ctx.workspaceId);
    const at = this.now().toISOString();
    const existing = await q.enrollmentOf(s, input.campaign.id, input.memberId);
    if (existing?.status === 'active') return { enrollment: existing, created: false };
    // Members name the campaign by their link's code; staff by the campaign's id.
    const field = input.refusal === 'signup' ? 'code' : 'campaignId';
    if (!input.open) throw conflict(`${input.refusal}.closed`, 'Enrollment in this campaign is closed', { [field]: 'closed' });
    // Lock order everywhere: the enrollment row, then the campaign's counter, then the group (no deadlock on PostgreSQL).
    if (existing && !(await q.reactivate(s, existing.id, at))) return { enrollment: (await q.findEnrollment(s, existing.id))!, created: false };
    if (!(await q.takePlace(s, input.campaign.id))) throw conflict(`${input.refusal}.full`, 'No place is left in this campaign', { [field]: 'no place left' });
    if (existing) return { enrollment: (await q.findEnrollment(s, existing.id))!, created: true };
    const group = await this.channels.routeSignup(tx, ctx.workspaceId, { channelId: input.channelId, campaignId: input.campaign.id, now: this.now() });
    const id = await q.insertEnrollment(tx, {
      workspace_id: ctx.workspaceId, campaign_id: input.campaign.id, member_id: input.memberId, channel_id: input.channelId,
      group_id: group?.id ?? null, source: input.source, status: 'active', amount_due_cents: input.campaign.priceCents + input.campaign.depositCents,
      created_at: at, updated_at: at,
    });
    return { enrollment: (await q.findEnrollment(s, id))!, created: true };
  }

  // ---- staff ----------------------------------------------------------------------------------------------------

  /** One enrollment as staff see it; 404 naming `field` when given. */
  async get(ctx: AccessContext, id: number, db: Executor = this.db): Promise<EnrollmentOut> {
    const s = scoped(db, ctx.workspaceId);
    const row = await q.enrollmentView(s, id);
    if (!row) throw enrollmentNotFound();
    // Inside a transaction every read goes through it (SQLite has one connection; PostgreSQL's pool is finite).
    const campaigns = db === this.db ? this.campaigns : new CampaignService(db as Kysely<DB>, this.campaigns.clock);
    const campaign = await campaigns.getCampaign(ctx, row.campaign_id, this.now());
    const progress = await progressByEnrollment(s, [row.id], campaign, this.now());
    return toEnrollmentOut(row, progress.get(row.id)!);
  }

  async list(ctx: AccessContext, campaignId: number, query: ListEnrollmentsQuery): Promise<{ items: EnrollmentOut[]; nextCursor: string | null }> {
    const campaign = await this.campaigns.getCampaign(ctx, campaignId, this.now());
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listEnrollments(s, campaignId, {
      q: query.q || undefined, payment: query.payment, status: query.status, beforeId: query.cursor ? Number(query.cursor) : undefined, limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const progress = await progressByEnrollment(s, page.map((r) => r.id), campaign, this.now());
    const items = page.map((r) => toEnrollmentOut(r, progress.get(r.id)!));
    return { items, nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null };
  }

  /** Staff enroll a member by number (a merged number enrolls the survivor): the same places and routing as signup. */
  async enroll(ctx: AccessContext, campaignId: number, input: { memberNo: number; channelId?: number | null }): Promise<{ enrollment: EnrollmentOut; created: boolean }> {
    const campaign = await this.campaigns.getCampaign(ctx, campaignId, this.now());
    const member = await this.members.get(ctx, input.memberNo).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) throw new AppError(404, 'member.not_found', 'Member not found', { memberNo: 'no such member' });
      throw error;
    });
    if (member.erasedAt) throw conflict('member.erased', 'This member was erased', { memberNo: 'erased' });
    if (member.blocked) throw conflict('member.blocked', 'This member is blocklisted and cannot be enrolled', { memberNo: 'blocklisted' });
    const channelId = input.channelId ?? null;
    if (channelId !== null) await this.channels.requireRow(this.db, ctx, channelId, 'channelId');
    const open = campaign.status !== 'ended' && campaign.status !== 'archived';
    return retryOnce(() => this.db.transaction().execute(async (tx) => {
      const result = await this.enrollIn(tx, ctx, { campaign, memberId: member.id, channelId, source: 'staff', open, refusal: 'enrollment' });
      const enrollment = await this.get(ctx, result.enrollment.id, tx);
      if (result.created) {
        await recordAudit(tx, ctx, { action: 'enrollment.create', entity: 'enrollment', entityId: enrollment.id, memberId: member.id, after: enrollment });
      }
      return { enrollment, created: result.created };
    }));
  }

  /** Cancels an active enrollment and gives its place back; its payments stay recorded. */
  async cancel(ctx: AccessContext, id: number, reason: string): Promise<EnrollmentOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.get(ctx, id, tx);
      if (!(await q.cancel(s, id, this.now().toISOString(), reason))) {
        throw conflict('enrollment.already_cancelled', 'This enrollment is already cancelled', { id: 'already cancelled' });
      }
      await q.givePlaceBack(s, before.campaignId);
      const after = await this.get(ctx, id, tx);
      await recordAudit(tx, ctx, { action: 'enrollment.cancel', entity: 'enrollment', entityId: id, memberId: before.member.id, before, after });
      return after;
    });
  }

  // ---- the member's own -----------------------------------------------------------------------------------------

  /** Places taken in a campaign, and whether this member (if any) holds one: what a landing page shows. */
  async placesAndStatus(workspaceId: number, campaignId: number, memberId: number | null): Promise<{ taken: number; enrolled: boolean }> {
    const s = scoped(this.db, workspaceId);
    const [places, mine] = await Promise.all([q.campaignPlaces(s, campaignId), memberId !== null ? q.enrollmentOf(s, campaignId, memberId) : undefined]);
    return { taken: Number(places?.enrolled_count ?? 0), enrolled: mine?.status === 'active' };
  }

  async me(member: MemberContext): Promise<MeOut> {
    const rows = await q.enrollmentsOfMember(scoped(this.db, member.workspaceId), member.memberId);
    const now = this.now();
    return {
      member: { memberNo: member.memberNo, nickname: member.nickname },
      enrollments: rows.map((r) => ({
        campaign: {
          key: r.key, name: r.name, theme: r.theme, startsOn: r.starts_on, endsOn: r.ends_on, timezone: r.timezone,
          status: deriveStatus({ startsOn: r.starts_on, endsOn: r.ends_on, timezone: r.timezone, signupOpensAt: r.signup_opens_at, signupClosesAt: r.signup_closes_at, archivedAt: r.archived_at }, now).status,
        },
        enrollment: toMemberEnrollment(r, r.key),
      })),
    };
  }

  /**
   * The QR image of the member's group in a campaign. When that group closed or its QR expired (or none was
   * found at signup), the live code routes again by the same rule and the enrollment keeps the new group.
   */
  async groupQr(member: MemberContext, key: string): Promise<{ bytes: Buffer; mime: string }> {
    const s = scoped(this.db, member.workspaceId);
    const row = await q.enrollmentByKey(s, member.memberId, key);
    if (!row || row.status !== 'active') throw enrollmentNotFound('key');
    const now = this.now();
    let group = row.group_id !== null ? await this.channels.routedGroup(this.db, member.workspaceId, row.group_id, now) : null;
    if (!group?.usable) {
      const rerouted = await this.db.transaction().execute(async (tx) => {
        const ts = scoped(tx, member.workspaceId);
        // The enrollment row first (lock order), and only if nobody re-routed it meanwhile.
        if (!(await q.lockForRouting(ts, row.id, row.group_id, now.toISOString()))) return 'moved' as const;
        const chosen = await this.channels.routeSignup(tx, member.workspaceId, { channelId: row.channel_id, campaignId: row.campaign_id, now });
        if (chosen) await q.setGroup(ts, row.id, chosen.id);
        return chosen ? { ...chosen, usable: true } : null;
      });
      group = rerouted === 'moved' ? await this.currentGroup(member, row.id, now) : rerouted;
    }
    if (!group?.usable || !group.qrFile || !group.qrMime) {
      throw new AppError(404, 'group.unavailable', 'No group can take you right now: the staff have been alerted; try again later', { key: 'no group available' });
    }
    const bytes = await this.groups.qr.read(group.qrFile);
    if (!bytes) throw new AppError(404, 'group.unavailable', 'The group QR image is missing: try again later', { key: 'no group QR' });
    return { bytes, mime: group.qrMime };
  }

  /** The group an enrollment points at now (after a concurrent re-route), if it is usable. */
  private async currentGroup(member: MemberContext, enrollmentId: number, now: Date) {
    const row = await q.findEnrollment(scoped(this.db, member.workspaceId), enrollmentId);
    return row?.group_id != null ? this.channels.routedGroup(this.db, member.workspaceId, row.group_id, now) : null;
  }
}
