// Kysely queries for check-ins and their photos, and the reads around them: the enrollment with its campaign (and
// group, for the member home), the campaign's groups and memberships (absentees). Reads go through the fence.
import type { Insertable, Kysely } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { CheckinPhotosTable, CheckinsTable, DB, ReviewStatus } from '../db/schema.js';

const enrollmentColumns = [
  'enrollments.id as enrollment_id', 'enrollments.status', 'enrollments.campaign_id', 'campaigns.key', 'campaigns.starts_on',
  'campaigns.ends_on', 'campaigns.timezone', 'campaigns.rules', 'campaigns.archived_at',
] as const;

/** The member's enrollment in the campaign with this key, with what the day rule needs: the check-in's one read. */
export function enrollmentByKey(s: Scoped, memberId: number, key: string) {
  return s.selectFrom('enrollments')
    .innerJoin('campaigns', 'campaigns.id', 'enrollments.campaign_id')
    .select(enrollmentColumns)
    .where('enrollments.member_id', '=', memberId)
    .where('campaigns.key', '=', key)
    .executeTakeFirst();
}
export type EnrollmentRow = NonNullable<Awaited<ReturnType<typeof enrollmentByKey>>>;

/** The same, with everything the member home shows around it (campaign, payment, settlement, group). */
export function homeByKey(s: Scoped, memberId: number, key: string) {
  return s.selectFrom('enrollments')
    .innerJoin('campaigns', 'campaigns.id', 'enrollments.campaign_id')
    .leftJoin('chat_groups', 'chat_groups.id', 'enrollments.group_id')
    .leftJoin('channels', 'channels.id', 'enrollments.channel_id')
    .select(enrollmentColumns)
    .select([
      'campaigns.name', 'campaigns.theme', 'campaigns.price_cents', 'campaigns.deposit_cents', 'campaigns.signup_opens_at',
      'campaigns.signup_closes_at', 'enrollments.amount_due_cents', 'enrollments.paid_cents', 'enrollments.created_at',
      'enrollments.settlement_class', 'enrollments.settlement_decision', 'enrollments.refund_cents', 'enrollments.refunded_at',
      'chat_groups.name as group_name', 'chat_groups.qr_expires_at', 'channels.fallback_message',
    ])
    .where('enrollments.member_id', '=', memberId)
    .where('campaigns.key', '=', key)
    .executeTakeFirst();
}

const checkinColumns = [
  'checkins.id', 'checkins.campaign_id', 'checkins.enrollment_id', 'checkins.member_id', 'checkins.day_index', 'checkins.day_date',
  'checkins.text', 'checkins.photo_count', 'checkins.submitted_at', 'checkins.updated_at', 'checkins.edit_count', 'checkins.makeup',
  'checkins.flags', 'checkins.review_status', 'checkins.review_reason', 'checkins.reviewed_by', 'checkins.reviewed_at',
] as const;

export type CheckinRow = {
  id: number; campaign_id: number; enrollment_id: number; member_id: number; day_index: number; day_date: string; text: string;
  photo_count: number; submitted_at: string; updated_at: string; edit_count: number; makeup: number; flags: string;
  review_status: ReviewStatus; review_reason: string | null; reviewed_by: number | null; reviewed_at: string | null;
};

export function checkinsOfEnrollment(s: Scoped, enrollmentId: number): Promise<CheckinRow[]> {
  return s.selectFrom('checkins').select(checkinColumns).where('enrollment_id', '=', enrollmentId).orderBy('day_index').execute();
}

/** Inserts the day's check-in unless the day already has one: the new id, or undefined when the day had one. */
export async function insertCheckin(db: Executor, row: Insertable<CheckinsTable>): Promise<number | undefined> {
  const inserted = await db.insertInto('checkins').values(row)
    .onConflict((oc) => oc.columns(['enrollment_id', 'day_index']).doNothing())
    .returning('id').executeTakeFirst();
  return inserted?.id;
}

/**
 * Counts an edit of the day's existing check-in and returns the row as it now is. Being an UPDATE, it takes the
 * row's lock first (PostgreSQL), so two edits at once queue instead of losing one.
 */
export function bumpEdit(s: Scoped, enrollmentId: number, dayIndex: number, at: string): Promise<CheckinRow | undefined> {
  return s.updateTable('checkins').set((eb) => ({ edit_count: eb('edit_count', '+', 1), updated_at: at }))
    .where('enrollment_id', '=', enrollmentId).where('day_index', '=', dayIndex)
    .returning(checkinColumns).executeTakeFirst();
}

export function updateCheckin(s: Scoped, id: number, set: { text?: string; photo_count?: number; flags?: string; review_status?: ReviewStatus }) {
  return s.updateTable('checkins').set(set).where('id', '=', id).execute();
}

export function checkinOfDay(s: Scoped, enrollmentId: number, dayIndex: number) {
  return s.selectFrom('checkins').select('id').where('enrollment_id', '=', enrollmentId).where('day_index', '=', dayIndex).executeTakeFirst();
}

export async function countMakeups(s: Scoped, enrollmentId: number): Promise<number> {
  const row = await s.selectFrom('checkins').select((e) => e.fn.countAll<number>().as('n'))
    .where('enrollment_id', '=', enrollmentId).where('makeup', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Takes the enrollment row's lock (PostgreSQL; SQLite writers are serial anyway): make-ups of one member queue. */
export function lockEnrollment(s: Scoped, id: number) {
  return s.updateTable('enrollments').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id).execute();
}

// ---- photos ----

/** Which of these hashes the campaign already holds in another check-in's photos. */
export async function knownHashes(s: Scoped, campaignId: number, hashes: string[], exceptCheckinId: number | null): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  let query = s.selectFrom('checkin_photos').select('sha256').where('campaign_id', '=', campaignId).where('sha256', 'in', hashes);
  if (exceptCheckinId !== null) query = query.where('checkin_id', '!=', exceptCheckinId);
  return new Set((await query.execute()).map((r) => r.sha256));
}

export function insertPhotos(db: Executor, rows: Insertable<CheckinPhotosTable>[]) {
  return db.insertInto('checkin_photos').values(rows).execute();
}

/** Deletes a check-in's photo rows and returns their file names (removed from disk once the transaction commits). */
export async function deletePhotosOf(s: Scoped, checkinIds: number[]): Promise<string[]> {
  if (checkinIds.length === 0) return [];
  return (await s.deleteFrom('checkin_photos').where('checkin_id', 'in', checkinIds).returning('file').execute()).map((r) => r.file);
}

export function photosOf(s: Scoped, checkinIds: number[]) {
  if (checkinIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('checkin_photos').select(['id', 'checkin_id', 'mime', 'bytes'])
    .where('checkin_id', 'in', checkinIds).orderBy('checkin_id').orderBy('position').execute();
}

/** A photo of one of this member's check-ins. */
export function memberPhoto(s: Scoped, memberId: number, photoId: number) {
  return s.selectFrom('checkin_photos').innerJoin('checkins', 'checkins.id', 'checkin_photos.checkin_id')
    .select(['checkin_photos.file', 'checkin_photos.mime'])
    .where('checkin_photos.id', '=', photoId).where('checkins.member_id', '=', memberId).executeTakeFirst();
}

export function checkinPhoto(s: Scoped, checkinId: number, photoId: number) {
  return s.selectFrom('checkin_photos').select(['file', 'mime'])
    .where('id', '=', photoId).where('checkin_id', '=', checkinId).executeTakeFirst();
}

// ---- staff reads and review ----

function staffCheckins(s: Scoped) {
  return s.selectFrom('checkins')
    .innerJoin('members', 'members.id', 'checkins.member_id')
    .innerJoin('campaigns', 'campaigns.id', 'checkins.campaign_id')
    .leftJoin('staff as reviewer', 'reviewer.id', 'checkins.reviewed_by')
    .select(checkinColumns)
    .select(['members.member_no', 'members.nickname', 'campaigns.key as campaign_key', 'campaigns.name as campaign_name', 'campaigns.rules',
      'reviewer.display_name as reviewer_name']);
}
export type StaffCheckinRow = Awaited<ReturnType<ReturnType<typeof staffCheckins>['execute']>>[number];

export function listCampaignCheckins(s: Scoped, campaignId: number, filter: { day?: number; memberNo?: number; beforeId?: number; limit: number }) {
  let query = staffCheckins(s).where('checkins.campaign_id', '=', campaignId);
  if (filter.day !== undefined) query = query.where('checkins.day_index', '=', filter.day);
  if (filter.memberNo !== undefined) query = query.where('members.member_no', '=', filter.memberNo);
  if (filter.beforeId !== undefined) query = query.where('checkins.id', '<', filter.beforeId);
  return query.orderBy('checkins.id', 'desc').limit(filter.limit + 1).execute();
}

/** The review queue, oldest first. */
export function listForReview(s: Scoped, filter: { status: ReviewStatus; campaignId?: number; afterId?: number; limit: number }) {
  let query = staffCheckins(s).where('checkins.review_status', '=', filter.status);
  if (filter.campaignId !== undefined) query = query.where('checkins.campaign_id', '=', filter.campaignId);
  if (filter.afterId !== undefined) query = query.where('checkins.id', '>', filter.afterId);
  return query.orderBy('checkins.id').limit(filter.limit + 1).execute();
}

export function findStaffCheckins(s: Scoped, ids: number[]) {
  return staffCheckins(s).where('checkins.id', 'in', ids).execute();
}

export function setReview(s: Scoped, ids: number[], review: { review_status: ReviewStatus; review_reason: string | null; reviewed_by: number | null; reviewed_at: string }) {
  return s.updateTable('checkins').set(review).where('id', 'in', ids).execute();
}

// ---- whole campaigns (leaderboard, absentees) ----

/** Active enrollments of a campaign with their members. */
export function activeEnrollments(s: Scoped, campaignId: number) {
  return s.selectFrom('enrollments').innerJoin('members', 'members.id', 'enrollments.member_id')
    .select(['enrollments.id', 'enrollments.member_id', 'enrollments.group_id', 'members.member_no', 'members.nickname'])
    .where('enrollments.campaign_id', '=', campaignId).where('enrollments.status', '=', 'active')
    .orderBy('enrollments.id').execute();
}

/** Every check-in of a campaign, reduced to what counting needs. */
export function campaignFacts(s: Scoped, campaignId: number) {
  return s.selectFrom('checkins')
    .select(['enrollment_id', 'day_index', 'day_date', 'makeup', 'review_status', 'flags', 'submitted_at'])
    .where('campaign_id', '=', campaignId).execute();
}

/** The campaign's groups: assigned to it, or the group of one of its enrollments. */
export function campaignGroups(s: Scoped, campaignId: number) {
  return s.selectFrom('chat_groups').select(['id', 'name', 'owner_staff_id'])
    .where((eb) => eb.or([
      eb('campaign_id', '=', campaignId),
      eb('id', 'in', s.selectFrom('enrollments').select('group_id').where('campaign_id', '=', campaignId).where('group_id', 'is not', null)
        .$narrowType<{ group_id: number }>()),
    ]))
    .orderBy('id').execute();
}

export function membershipsIn(s: Scoped, groupIds: number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships').select(['group_id', 'member_id', 'left_at']).where('group_id', 'in', groupIds).execute();
}

// ---- the reminder ----

/**
 * Campaigns that may be running somewhere on Earth at this instant (their dates cover the UTC day ±1), across all
 * workspaces: the scheduled reminder's one unfenced read; each campaign is then handled in its own workspace.
 */
export function campaignsAround(db: Kysely<DB>, fromDate: string, toDate: string) {
  return db.selectFrom('campaigns')
    .select(['id', 'workspace_id', 'key', 'name', 'starts_on', 'ends_on', 'timezone', 'rules'])
    .where('archived_at', 'is', null).where('starts_on', '<=', toDate).where('ends_on', '>=', fromDate)
    .orderBy('id').execute();
}

/** Takes the campaign row's lock, so two servers running the reminder at once raise one alert. */
export function lockCampaign(s: Scoped, id: number) {
  return s.updateTable('campaigns').set((eb) => ({ archived_at: eb.ref('archived_at') })).where('id', '=', id).execute();
}

export function alertRaised(s: Scoped, kind: string, subject: string) {
  return s.selectFrom('alerts').select('id').where('kind', '=', kind).where('subject', '=', subject).executeTakeFirst();
}

// ---- erase ----

/** Empties the texts of these members' check-ins and deletes their photo rows; returns the photo files to remove. */
export async function eraseContent(s: Scoped, memberIds: number[]): Promise<string[]> {
  const ids = s.selectFrom('checkins').select('id').where('member_id', 'in', memberIds);
  const files = (await s.deleteFrom('checkin_photos').where('checkin_id', 'in', ids).returning('file').execute()).map((r) => r.file);
  await s.updateTable('checkins').set({ text: '', photo_count: 0 }).where('member_id', 'in', memberIds).execute();
  return files;
}
