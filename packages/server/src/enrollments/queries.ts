// Kysely queries for enrollments and payments, and the campaign's place counter (campaigns.enrolled_count) that
// every enrollment takes and every cancellation gives back. Reads join members, channels and groups for display.
import type { Insertable, Kysely } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { DB, EnrollmentsTable, PaymentsTable } from '../db/schema.js';
import { likePattern } from '../members/search-text.js';
import type { PaymentStatus } from './schema.js';

// ---- places -----------------------------------------------------------------------------------------------------

/**
 * Takes one place: a single conditional UPDATE, so concurrent enrollments cannot oversubscribe on either database
 * (PostgreSQL re-checks the condition on the row it waited for). False when the campaign is full.
 */
export async function takePlace(s: Scoped, campaignId: number): Promise<boolean> {
  const result = await s.updateTable('campaigns').set((eb) => ({ enrolled_count: eb('enrolled_count', '+', 1) }))
    .where('id', '=', campaignId)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('enrolled_count', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function givePlaceBack(s: Scoped, campaignId: number): Promise<void> {
  await s.updateTable('campaigns').set((eb) => ({ enrolled_count: eb('enrolled_count', '-', 1) }))
    .where('id', '=', campaignId).where('enrolled_count', '>', 0).execute();
}

export function campaignPlaces(s: Scoped, campaignId: number) {
  return s.selectFrom('campaigns').select(['capacity', 'enrolled_count']).where('id', '=', campaignId).executeTakeFirst();
}

export function campaignByKey(s: Scoped, key: string) {
  return s.selectFrom('campaigns').select(['id', 'key', 'timezone']).where('key', '=', key).executeTakeFirst();
}

// ---- enrollments ------------------------------------------------------------------------------------------------

export function findEnrollment(s: Scoped, id: number) {
  return s.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirst();
}

export type EnrollmentRow = NonNullable<Awaited<ReturnType<typeof findEnrollment>>>;

export function enrollmentOf(s: Scoped, campaignId: number, memberId: number) {
  return s.selectFrom('enrollments').selectAll().where('campaign_id', '=', campaignId).where('member_id', '=', memberId).executeTakeFirst();
}

export async function insertEnrollment(db: Executor, row: Insertable<EnrollmentsTable>): Promise<number> {
  return (await db.insertInto('enrollments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Cancelled → active; false when another request changed it first. */
export async function reactivate(s: Scoped, id: number, at: string): Promise<boolean> {
  const result = await s.updateTable('enrollments').set({ status: 'active', cancelled_at: null, cancel_reason: null, updated_at: at })
    .where('id', '=', id).where('status', '=', 'cancelled').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Active → cancelled; false when it was cancelled already. */
export async function cancel(s: Scoped, id: number, at: string, reason: string): Promise<boolean> {
  const result = await s.updateTable('enrollments').set({ status: 'cancelled', cancelled_at: at, cancel_reason: reason, updated_at: at })
    .where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes the enrollment's row lock before re-routing it, only if it still points at `groupId` (null: no group):
 * false when another request re-routed it meanwhile.
 */
export async function lockForRouting(s: Scoped, id: number, groupId: number | null, at: string): Promise<boolean> {
  const result = await s.updateTable('enrollments').set({ updated_at: at })
    .where('id', '=', id).where('group_id', groupId === null ? 'is' : '=', groupId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function setGroup(s: Scoped, id: number, groupId: number) {
  return s.updateTable('enrollments').set({ group_id: groupId }).where('id', '=', id).execute();
}

function enrollmentsView(s: Scoped) {
  return s.selectFrom('enrollments')
    .innerJoin('members', 'members.id', 'enrollments.member_id')
    .leftJoin('channels', 'channels.id', 'enrollments.channel_id')
    .leftJoin('chat_groups', 'chat_groups.id', 'enrollments.group_id')
    .selectAll('enrollments')
    .select(['members.member_no', 'members.nickname', 'members.phone', 'channels.name as channel_name', 'chat_groups.name as group_name']);
}

export type EnrollmentViewRow = NonNullable<Awaited<ReturnType<ReturnType<typeof enrollmentsView>['executeTakeFirst']>>>;

export function enrollmentView(s: Scoped, id: number) {
  return enrollmentsView(s).where('enrollments.id', '=', id).executeTakeFirst();
}

export interface EnrollmentFilter {
  q?: string;
  payment?: PaymentStatus;
  status?: 'active' | 'cancelled';
  beforeId?: number;
  limit: number;
}

/** A campaign's enrollments, newest first, one more than the limit (to tell whether a next page exists). */
export function listEnrollments(s: Scoped, campaignId: number, f: EnrollmentFilter) {
  let query = enrollmentsView(s).where('enrollments.campaign_id', '=', campaignId);
  if (f.status) query = query.where('enrollments.status', '=', f.status);
  if (f.beforeId !== undefined) query = query.where('enrollments.id', '<', f.beforeId);
  if (f.payment === 'free') query = query.where('enrollments.amount_due_cents', '=', 0);
  else if (f.payment === 'unpaid') query = query.where('enrollments.amount_due_cents', '>', 0).where('enrollments.paid_cents', '=', 0);
  else if (f.payment === 'partial') query = query.where('enrollments.paid_cents', '>', 0).whereRef('enrollments.paid_cents', '<', 'enrollments.amount_due_cents');
  else if (f.payment === 'paid') query = query.where('enrollments.amount_due_cents', '>', 0).whereRef('enrollments.paid_cents', '>=', 'enrollments.amount_due_cents');
  if (f.q) {
    const pattern = likePattern(f.q);
    const number = /^\d{1,12}$/.test(f.q) ? Number(f.q) : null;
    query = query.where((eb) => eb.or([
      ...(number !== null ? [eb('members.member_no', '=', number)] : []),
      ...(pattern !== null ? [eb('members.search_text', 'like', pattern)] : []),
      eb('members.nickname', '=', f.q!),
    ]));
  }
  return query.orderBy('enrollments.id', 'desc').limit(f.limit + 1).execute();
}

/** What progress needs of each check-in of these enrollments (read-only: check-ins are written by checkins/). */
export function checkinFacts(s: Scoped, enrollmentIds: number[]) {
  if (enrollmentIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('checkins').select(['enrollment_id', 'day_index', 'makeup', 'review_status', 'flags'])
    .where('enrollment_id', 'in', enrollmentIds).execute();
}

function memberEnrollments(s: Scoped, memberId: number) {
  return s.selectFrom('enrollments')
    .innerJoin('campaigns', 'campaigns.id', 'enrollments.campaign_id')
    .selectAll('enrollments')
    .select(['campaigns.key', 'campaigns.name', 'campaigns.theme', 'campaigns.starts_on', 'campaigns.ends_on', 'campaigns.timezone',
      'campaigns.signup_opens_at', 'campaigns.signup_closes_at', 'campaigns.archived_at'])
    .where('enrollments.member_id', '=', memberId);
}

export type MemberEnrollmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof memberEnrollments>['executeTakeFirst']>>>;

export function enrollmentsOfMember(s: Scoped, memberId: number) {
  return memberEnrollments(s, memberId).orderBy('enrollments.id', 'desc').limit(500).execute();
}

export function enrollmentByKey(s: Scoped, memberId: number, key: string) {
  return memberEnrollments(s, memberId).where('campaigns.key', '=', key).executeTakeFirst();
}

// ---- payments ---------------------------------------------------------------------------------------------------

export function paymentByReference(s: Scoped, reference: string) {
  return s.selectFrom('payments').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function paymentsByReference(s: Scoped, references: string[]) {
  if (references.length === 0) return Promise.resolve([]);
  return s.selectFrom('payments').select('reference').where('reference', 'in', references).execute();
}

export async function insertPayment(db: Executor, row: Insertable<PaymentsTable>) {
  return db.insertInto('payments').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Adds a payment to the enrollment's total in one conditional UPDATE (two payments at once cannot pass the amount
 * due together); paid_at is set by the payment that completes the amount. False when it would exceed the amount due.
 */
export async function addPaid(s: Scoped, enrollmentId: number, amountCents: number, paidAt: string, at: string): Promise<boolean> {
  const result = await s.updateTable('enrollments')
    .set((eb) => ({
      paid_cents: eb('paid_cents', '+', amountCents),
      paid_at: eb.case().when(eb(eb('paid_cents', '+', amountCents), '>=', eb.ref('amount_due_cents'))).then(eb.fn.coalesce('paid_at', eb.val(paidAt)))
        .else(eb.ref('paid_at')).end(),
      updated_at: at,
    }))
    .where('id', '=', enrollmentId)
    .where((eb) => eb(eb('paid_cents', '+', amountCents), '<=', eb.ref('amount_due_cents')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- the notice secret (workspaces) -----------------------------------------------------------------------------

/** The workspace a notice names by key, with its secret. Not fenced: the key in the URL is what names the workspace. */
export function workspaceForNotice(db: Kysely<DB>, key: string) {
  return db.selectFrom('workspaces').select(['id', 'key', 'timezone', 'payment_webhook_secret']).where('key', '=', key).executeTakeFirst();
}

export async function setNoticeSecret(db: Executor, workspaceId: number, secret: string): Promise<string> {
  const row = await db.updateTable('workspaces').set({ payment_webhook_secret: secret }).where('id', '=', workspaceId).returning('key').executeTakeFirstOrThrow();
  return row.key;
}

export type PaymentRow = NonNullable<Awaited<ReturnType<typeof paymentByReference>>>;
