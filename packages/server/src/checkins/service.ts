// Daily check-ins (打卡): a member's check-in or make-up (补卡) with photos and review flags, the member's photos,
// staff lists and review, and erasing a member's check-in content. The day comes only from campaignDay().
import type { Kysely } from 'kysely';
import type { ActivityRecorder } from '../analytics/activity.js';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import { addDays, campaignDay, parseStoredRules, type CampaignDay, type CheckinRules } from '../campaigns/rules.js';
import type { Clock } from '../clock.js';
import { scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { CheckinFlag, DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import type { MemberContext } from '../member-session/service.js';
import { absentees } from './absentees.js';
import { memberHome } from './home.js';
import { leaderboard } from './leaderboard.js';
import { flagsJson, parseFlags, toMemberCheckin, toStaffCheckins } from './out.js';
import { PhotoStore, type Photo } from './photos.js';
import { CheckinInsertQueue } from './insert-queue.js';
import * as q from './queries.js';
import { enrollmentNotFound, type CheckinInput, type LeaderboardPeriod, type MemberCheckin, type ReviewInput, type StaffCheckin } from './schema.js';

const checkinNotFound = () => notFound('checkin', 'Check-in');
const photoNotFound = () => notFound('photo', 'Photo');

interface Plan {
  rules: CheckinRules;
  today: CampaignDay;
  dayIndex: number;
  date: string;
  makeup: boolean;
}

/** Which day a check-in is for, or the 409/400 that says why it cannot be made now. */
function plan(row: q.EnrollmentRow, day: number | undefined, now: Date): Plan {
  if (row.status === 'cancelled') throw conflict('checkin.cancelled', 'Your enrollment was cancelled');
  const rules = parseStoredRules(row.rules);
  const today = campaignDay({ startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone, rules }, now);
  if (row.archived_at !== null) throw conflict('checkin.ended', 'The campaign is closed');
  if (today.dayIndex < 1) throw conflict('checkin.not_started', `The campaign starts on ${row.starts_on}`);
  if (day === undefined || day === today.dayIndex) {
    if (today.dayIndex > rules.daysTotal) throw conflict('checkin.ended', 'The campaign has ended');
    return { rules, today, dayIndex: today.dayIndex, date: today.date, makeup: false };
  }
  if (day > today.dayIndex) throw invalid('checkin.day_in_future', `Day ${day} has not come yet`, { day: 'must not be after today' });
  if (day > rules.daysTotal) throw invalid('checkin.day_outside', `The campaign has ${rules.daysTotal} days`, { day: `must be at most ${rules.daysTotal}` });
  const policy = rules.makeup;
  if (!policy.allowed) throw conflict('checkin.makeup_not_allowed', 'This campaign does not allow make-ups', { day: 'make-ups are not allowed' });
  if (today.dayIndex - day > policy.windowDays) {
    throw conflict('checkin.makeup_window', `A missed day can be made up within ${policy.windowDays} days`, { day: `more than ${policy.windowDays} days ago` });
  }
  return { rules, today, dayIndex: day, date: addDays(row.starts_on, day - 1), makeup: true };
}

const makeupExists = (day: number) => conflict('checkin.makeup_exists', `Day ${day} already has a check-in`, { day: 'already checked in' });

/** The flags of a new check-in: why it goes to the review queue, if it does. */
function flagsOf(p: Plan, photoCount: number, duplicatePhoto: boolean): Set<CheckinFlag> {
  const flags = new Set<CheckinFlag>();
  if (p.rules.requirePhoto && photoCount === 0) flags.add('missing_media');
  if (duplicatePhoto) flags.add('duplicate_photo');
  if (!p.makeup && !p.today.inWindow) flags.add('late');
  if (p.makeup && p.rules.makeup.needsApproval) flags.add('makeup');
  return flags;
}

/** A new check-in row, every column given, so the row answered is the row stored. */
function newCheckin(member: MemberContext, row: q.EnrollmentRow, p: Plan, text: string, photoCount: number, flags: Set<CheckinFlag>, at: string) {
  return {
    workspace_id: member.workspaceId, campaign_id: row.campaign_id, enrollment_id: row.enrollment_id, member_id: member.memberId,
    day_index: p.dayIndex, day_date: p.date, text, photo_count: photoCount, submitted_at: at, updated_at: at, edit_count: 0,
    makeup: p.makeup ? 1 : 0, flags: flagsJson(flags), review_status: flags.size > 0 ? 'pending' as const : 'none' as const,
    review_reason: null, reviewed_by: null, reviewed_at: null,
  };
}

export class CheckinService {
  readonly photos: PhotoStore;
  private readonly inserts: CheckinInsertQueue;

  constructor(readonly db: Kysely<DB>, dataDir: string, private readonly clock: Clock, private readonly campaigns: CampaignService, private readonly activity: ActivityRecorder) {
    this.photos = new PhotoStore(dataDir);
    this.inserts = new CheckinInsertQueue(db, activity);
  }

  // ---- members ---------------------------------------------------------------------------------------------------

  /**
   * Checks in for today (or makes up a past `day`). The first check-in of a day is created; a second one updates
   * it (edited). Photos are written first, then one transaction; if it fails, the written files are removed.
   */
  async checkIn(member: MemberContext, key: string, input: CheckinInput, photos: Photo[]): Promise<{ created: boolean; checkin: MemberCheckin }> {
    if (input.text === '' && photos.length === 0) throw invalid('checkin.empty', 'Write something or add a photo', { text: 'text or a photo is required' });
    const row = await q.enrollmentByKey(scoped(this.db, member.workspaceId), member.memberId, key);
    if (!row) throw enrollmentNotFound();
    const now = this.clock.now();
    const p = plan(row, input.day, now);
    const at = now.toISOString();
    // The common case, today's first check-in with text only, is one INSERT: atomic on its own, no transaction needed.
    const textOnly = !p.makeup && photos.length === 0;
    if (textOnly) {
      const fresh = newCheckin(member, row, p, input.text, 0, flagsOf(p, 0, false), at);
      const id = await this.inserts.insert(fresh);
      if (id !== undefined) return { created: true, checkin: toMemberCheckin({ ...fresh, id }, []) };
    }
    const files = await this.photos.saveAll(member.workspaceId, photos);
    let result: Awaited<ReturnType<CheckinService['write']>>;
    try {
      // After a text-only insert found the day taken, the transaction goes straight to the edit.
      result = await this.db.transaction().execute((tx) => this.write(tx, member, row, p, input.text, photos, files, at, !textOnly));
    } catch (error) {
      await this.photos.removeAll(files);
      throw error;
    }
    await this.photos.removeAll(result.replaced);
    return { created: result.created, checkin: toMemberCheckin(result.row, result.photoIds) };
  }

  private async write(tx: Executor, member: MemberContext, row: q.EnrollmentRow, p: Plan, text: string, photos: Photo[], files: string[], at: string, tryInsert: boolean) {
    const s = scoped(tx, member.workspaceId);
    const hashes = photos.map((ph) => ph.sha256);
    if (p.makeup) {
      await q.lockEnrollment(s, row.enrollment_id);
      if (await q.checkinOfDay(s, row.enrollment_id, p.dayIndex)) throw makeupExists(p.dayIndex);
      if (await q.countMakeups(s, row.enrollment_id) >= p.rules.makeup.maxPerCampaign) {
        throw conflict('checkin.makeup_quota', `All ${p.rules.makeup.maxPerCampaign} make-ups of this campaign are used`, { day: 'no make-up left' });
      }
    }
    if (tryInsert) {
      const duplicate = (await q.knownHashes(s, row.campaign_id, hashes, null)).size > 0;
      const fresh = newCheckin(member, row, p, text, photos.length, flagsOf(p, photos.length, duplicate), at);
      const id = await q.insertCheckin(tx, fresh);
      if (id !== undefined) {
        await this.activity.recordInputs(tx, member.workspaceId, [{ memberId: member.memberId, at }]);
        const inserted = { ...fresh, id };
        return { created: true, row: inserted, photoIds: await this.addPhotos(tx, member.workspaceId, inserted, photos, hashes, files, at), replaced: [] as string[] };
      }
    }
    // The day already has a check-in (perhaps one that won a race a moment ago): this one edits it.
    if (p.makeup) throw makeupExists(p.dayIndex);
    const existing = await q.bumpEdit(s, row.enrollment_id, p.dayIndex, at);
    if (!existing) throw conflict('checkin.conflict', 'The check-in changed meanwhile: send it again');
    const before = parseFlags(existing.flags);
    const next = new Set<CheckinFlag>(before.filter((f) => f === 'late' || f === 'makeup'));
    next.add('edited');
    if (!p.today.inWindow) next.add('late');
    let replaced: string[] = [];
    let photoIds: number[];
    let photoCount = existing.photo_count;
    if (photos.length > 0) {
      replaced = await q.deletePhotosOf(s, [existing.id]);
      photoIds = await this.addPhotos(tx, member.workspaceId, existing, photos, hashes, files, at);
      photoCount = photos.length;
      if ((await q.knownHashes(s, row.campaign_id, hashes, existing.id)).size > 0) next.add('duplicate_photo');
    } else {
      photoIds = existing.photo_count > 0 ? (await q.photosOf(s, [existing.id])).map((ph) => ph.id) : [];
      if (before.includes('duplicate_photo')) next.add('duplicate_photo');
    }
    if (p.rules.requirePhoto && photoCount === 0) next.add('missing_media');
    // A reviewer's decision stands; anything else goes (back) to the queue.
    const decided = existing.review_status === 'approved' || existing.review_status === 'rejected';
    const update = { text, photo_count: photoCount, flags: flagsJson(next), review_status: decided ? existing.review_status : 'pending' as const };
    await q.updateCheckin(s, existing.id, update);
    return { created: false, row: { ...existing, ...update }, photoIds, replaced };
  }

  private async addPhotos(tx: Executor, workspaceId: number, checkin: q.CheckinRow, photos: Photo[], hashes: string[], files: string[], at: string): Promise<number[]> {
    if (photos.length === 0) return [];
    const rows = photos.map((ph, i) => ({
      workspace_id: workspaceId, checkin_id: checkin.id, campaign_id: checkin.campaign_id, position: i, file: files[i]!, mime: ph.kind.mime,
      bytes: ph.bytes.length, sha256: hashes[i]!, created_at: at,
    }));
    return (await tx.insertInto('checkin_photos').values(rows).returning('id').execute()).map((r) => r.id);
  }

  home(member: MemberContext, key: string) {
    return memberHome(scoped(this.db, member.workspaceId), member, key, this.clock.now());
  }

  async memberLeaderboard(member: MemberContext, key: string, period: LeaderboardPeriod) {
    const s = scoped(this.db, member.workspaceId);
    const row = await q.enrollmentByKey(s, member.memberId, key);
    if (!row) throw enrollmentNotFound();
    const campaign = { id: row.campaign_id, startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone, rules: parseStoredRules(row.rules) };
    const board = await leaderboard(s, campaign, period, this.clock.now());
    const mine = board.all.find((e) => e.memberId === member.memberId);
    return {
      period,
      items: board.items.map((e) => ({ rank: e.rank, memberNo: e.memberNo, nickname: e.nickname, count: e.count, streak: e.streak, at: e.at })),
      me: mine ? { rank: mine.rank, count: mine.count } : null,
    };
  }

  /** A photo of the member's own check-ins: bytes and the type its content was checked to be. */
  async memberPhoto(member: MemberContext, photoId: number): Promise<{ bytes: Buffer; mime: string }> {
    const row = await q.memberPhoto(scoped(this.db, member.workspaceId), member.memberId, photoId);
    const bytes = row ? await this.photos.read(row.file) : null;
    if (!row || !bytes) throw photoNotFound();
    return { bytes, mime: row.mime };
  }

  // ---- staff -----------------------------------------------------------------------------------------------------

  async list(ctx: AccessContext, campaignId: number, filter: { day?: number; memberNo?: number; cursor?: string; limit: number }) {
    await this.campaigns.requireCampaign(ctx, campaignId);
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listCampaignCheckins(s, campaignId, { ...filter, beforeId: filter.cursor ? Number(filter.cursor) : undefined });
    return this.page(s, rows, filter.limit);
  }

  async reviewQueue(ctx: AccessContext, filter: { campaignId?: number; status: 'pending' | 'approved' | 'rejected'; cursor?: string; limit: number }) {
    if (filter.campaignId !== undefined) await this.campaigns.requireCampaign(ctx, filter.campaignId);
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listForReview(s, { ...filter, afterId: filter.cursor ? Number(filter.cursor) : undefined });
    return this.page(s, rows, filter.limit);
  }

  private async page(s: Scoped, rows: q.StaffCheckinRow[], limit: number) {
    const shown = rows.slice(0, limit);
    const items = toStaffCheckins(shown, await q.photosOf(s, shown.map((r) => r.id)));
    return { items, nextCursor: rows.length > limit ? String(shown[shown.length - 1]!.id) : null };
  }

  async review(ctx: AccessContext, id: number, input: ReviewInput): Promise<StaffCheckin> {
    return this.db.transaction().execute(async (tx) => {
      await this.decide(tx, ctx, [id], input, () => checkinNotFound());
      const s = scoped(tx, ctx.workspaceId);
      const rows = await q.findStaffCheckins(s, [id]);
      return toStaffCheckins(rows, await q.photosOf(s, [id]))[0]!;
    });
  }

  /** Decides up to 500 check-ins at once: all or none (an unknown id refuses the whole batch, naming it). */
  async bulkReview(ctx: AccessContext, ids: number[], input: ReviewInput): Promise<{ reviewed: number; ids: number[] }> {
    const unique = [...new Set(ids)];
    return this.db.transaction().execute(async (tx) => {
      await this.decide(tx, ctx, unique, input, (missing) => new AppError(404, 'checkin.not_found', `Check-in ${missing} not found`, { [`ids.${ids.indexOf(missing)}`]: 'no such check-in' }));
      return { reviewed: unique.length, ids: unique };
    });
  }

  private async decide(tx: Executor, ctx: AccessContext, ids: number[], input: ReviewInput, missing: (id: number) => AppError): Promise<void> {
    if (input.decision === 'reject' && !input.reason) throw invalid('checkin.reason_required', 'Give a reason to reject', { reason: 'required to reject' });
    const s = scoped(tx, ctx.workspaceId);
    const rows = await q.findStaffCheckins(s, ids);
    const found = new Set(rows.map((r) => r.id));
    const absent = ids.find((id) => !found.has(id));
    if (absent !== undefined) throw missing(absent);
    const review = {
      review_status: input.decision === 'approve' ? 'approved' as const : 'rejected' as const,
      review_reason: input.reason ?? null,
      reviewed_by: ctx.staffId,
      reviewed_at: this.clock.now().toISOString(),
    };
    await q.setReview(s, ids, review);
    for (const row of rows) {
      await recordAudit(tx, ctx, {
        action: 'checkin.review', entity: 'checkin', entityId: row.id, memberId: row.member_id,
        before: { reviewStatus: row.review_status, reviewReason: row.review_reason },
        after: { reviewStatus: review.review_status, reviewReason: review.review_reason, dayIndex: row.day_index, campaignId: row.campaign_id },
      });
    }
  }

  async staffPhoto(ctx: AccessContext, checkinId: number, photoId: number): Promise<{ bytes: Buffer; mime: string }> {
    const row = await q.checkinPhoto(scoped(this.db, ctx.workspaceId), checkinId, photoId);
    const bytes = row ? await this.photos.read(row.file) : null;
    if (!row || !bytes) throw photoNotFound();
    return { bytes, mime: row.mime };
  }

  async staffLeaderboard(ctx: AccessContext, campaignId: number, period: LeaderboardPeriod) {
    const now = this.clock.now();
    const campaign = await this.campaigns.getCampaign(ctx, campaignId, now);
    const board = await leaderboard(scoped(this.db, ctx.workspaceId), campaign, period, now);
    return { period, items: board.items, me: null };
  }

  async absentees(ctx: AccessContext, campaignId: number, date?: string) {
    const now = this.clock.now();
    const campaign = await this.campaigns.getCampaign(ctx, campaignId, now);
    return absentees(scoped(this.db, ctx.workspaceId), campaign, date, now);
  }

  // ---- erase -----------------------------------------------------------------------------------------------------

  /**
   * Empties these members' check-in texts and deletes their photo rows, in the caller's transaction; the days stay
   * (settlement history). Returns the photo files, to remove with `photos.removeAll` once the transaction commits.
   */
  eraseContent(tx: Executor, workspaceId: number, memberIds: number[]): Promise<string[]> {
    return q.eraseContent(scoped(tx, workspaceId), memberIds);
  }
}
