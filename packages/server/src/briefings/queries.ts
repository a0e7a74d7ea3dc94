// Read-only Kysely queries of the briefings over one day: groups and channels by owner, joins and leaves, signups,
// payments and refunds, problems and answer uses, points, SOP tasks and work items. Every query starts at the fence.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';

const countAll = sql<number | string>`count(*)`;
/** PostgreSQL returns counts and sums as strings. */
const n = (value: unknown): number => Number(value ?? 0);

/** A half-open instant range [lo, hi): one local day as UTC ISO strings. */
export interface Span { lo: string; hi: string }

export function groupsOwnedBy(s: Scoped, staffIds: readonly number[]) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('chat_groups').select(['id', 'name', 'status', 'campaign_id', 'owner_staff_id'])
    .where('owner_staff_id', 'in', staffIds).orderBy('id').execute();
}

/** Channels not archived, with their owner (all, or those owned by `staffIds`). */
export function liveChannels(s: Scoped, staffIds: readonly number[] | null) {
  if (staffIds !== null && staffIds.length === 0) return Promise.resolve([]);
  let q = s.selectFrom('channels').leftJoin('staff', 'staff.id', 'channels.owner_staff_id')
    .select(['channels.id', 'channels.name', 'channels.owner_staff_id', 'staff.display_name as owner_name'])
    .where('channels.archived_at', 'is', null);
  if (staffIds !== null) q = q.where('channels.owner_staff_id', 'in', staffIds);
  return q.orderBy('channels.id').execute();
}

/** Memberships of the groups that began or ended within the span. */
export function membershipMoves(s: Scoped, groupIds: readonly number[], span: Span) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at', 'left_at'])
    .where('group_id', 'in', groupIds)
    .where((eb) => eb.or([
      eb.and([eb('joined_at', '>=', span.lo), eb('joined_at', '<', span.hi)]),
      eb.and([eb('left_at', '>=', span.lo), eb('left_at', '<', span.hi)]),
    ]))
    .execute();
}

/** Memberships of the groups that were open at some instant of the span. */
export function membershipsDuring(s: Scoped, groupIds: readonly number[], span: Span) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at', 'left_at'])
    .where('group_id', 'in', groupIds).where('joined_at', '<', span.hi)
    .where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', span.lo)]))
    .execute();
}

/** Enrollments made within the span and not cancelled now, per channel. */
export async function signupsByChannel(s: Scoped, channelIds: readonly number[] | null, span: Span): Promise<Map<number, number>> {
  if (channelIds !== null && channelIds.length === 0) return new Map();
  let q = s.selectFrom('enrollments').select(['channel_id', countAll.as('n')])
    .where('status', '=', 'active').where('channel_id', 'is not', null)
    .where('created_at', '>=', span.lo).where('created_at', '<', span.hi);
  if (channelIds !== null) q = q.where('channel_id', 'in', channelIds);
  const rows = await q.groupBy('channel_id').execute();
  return new Map(rows.map((r) => [r.channel_id!, n(r.n)]));
}

/** Enrollments paid in full within the span (their paid_at), per channel. */
export async function paidByChannel(s: Scoped, channelIds: readonly number[], span: Span): Promise<Map<number, number>> {
  if (channelIds.length === 0) return new Map();
  const rows = await s.selectFrom('enrollments').select(['channel_id', countAll.as('n')])
    .where('channel_id', 'in', channelIds).where('paid_at', '>=', span.lo).where('paid_at', '<', span.hi)
    .groupBy('channel_id').execute();
  return new Map(rows.map((r) => [r.channel_id!, n(r.n)]));
}

/** Paid enrollments, payments received and refunds marked within the span, on enrollments of these groups or channels. */
export async function conversion(s: Scoped, groupIds: readonly number[], channelIds: readonly number[], span: Span) {
  if (groupIds.length === 0 && channelIds.length === 0) return { paid: 0, revenueCents: 0, refunds: 0, refundCents: 0 };
  const mine = (eb: ExpressionBuilder<DB, 'enrollments'>) => eb.or([
    ...(groupIds.length ? [eb('enrollments.group_id', 'in', groupIds)] : []),
    ...(channelIds.length ? [eb('enrollments.channel_id', 'in', channelIds)] : []),
  ]);
  const paid = await s.selectFrom('enrollments').select(countAll.as('n'))
    .where(mine).where('enrollments.paid_at', '>=', span.lo).where('enrollments.paid_at', '<', span.hi).executeTakeFirst();
  const revenue = await s.selectFrom('enrollments').innerJoin('payments', 'payments.enrollment_id', 'enrollments.id')
    .select(sql<number | string | null>`sum(payments.amount_cents)`.as('cents'))
    .where(mine).where('payments.paid_at', '>=', span.lo).where('payments.paid_at', '<', span.hi).executeTakeFirst();
  const refunds = await s.selectFrom('enrollments')
    .select([countAll.as('n'), sql<number | string | null>`sum(coalesce(enrollments.refund_cents, 0))`.as('cents')])
    .where(mine).where('enrollments.refunded_at', '>=', span.lo).where('enrollments.refunded_at', '<', span.hi).executeTakeFirst();
  return { paid: n(paid?.n), revenueCents: n(revenue?.cents), refunds: n(refunds?.n), refundCents: n(refunds?.cents) };
}

export async function problemsRecorded(s: Scoped, staffId: number, span: Span): Promise<number> {
  const row = await s.selectFrom('problems').select(countAll.as('n'))
    .where('created_by', '=', staffId).where('created_at', '>=', span.lo).where('created_at', '<', span.hi).executeTakeFirst();
  return n(row?.n);
}

export async function answersUsed(s: Scoped, staffId: number, span: Span): Promise<number> {
  const row = await s.selectFrom('answer_uses').select(countAll.as('n'))
    .where('staff_id', '=', staffId).where('at', '>=', span.lo).where('at', '<', span.hi).executeTakeFirst();
  return n(row?.n);
}

export function pointsOfDay(s: Scoped, staffId: number, day: string) {
  return s.selectFrom('points_ledger').select(['id', 'points', 'reason', 'rule_kind'])
    .where('staff_id', '=', staffId).where('day', '=', day).orderBy('id').execute();
}

/** The staff member's SOP tasks due on a day, with the step's title and the group, in window order. */
export function tasksDue(s: Scoped, staffId: number, day: string) {
  return s.selectFrom('sop_tasks')
    .innerJoin('sop_steps', 'sop_steps.id', 'sop_tasks.step_id')
    .leftJoin('chat_groups', 'chat_groups.id', 'sop_tasks.group_id')
    .select(['sop_tasks.id', 'sop_steps.title', 'sop_tasks.group_id', 'chat_groups.name as group_name', 'sop_tasks.window_start_at', 'sop_tasks.window_end_at'])
    .where('sop_tasks.assignee_staff_id', '=', staffId).where('sop_tasks.due_date', '=', day)
    .orderBy('sop_tasks.window_start_at').orderBy('sop_tasks.id').execute();
}

/** Open work items of the staff member due on or before a day. */
export function workItemsDue(s: Scoped, staffId: number, upTo: string) {
  return s.selectFrom('work_items').select(['id', 'title', 'category', 'due_on', 'status'])
    .where('owner_staff_id', '=', staffId).where('status', 'in', ['todo', 'doing'])
    .where('due_on', 'is not', null).where('due_on', '<=', upTo)
    .orderBy('due_on').orderBy('id').execute();
}

/** SOP tasks due in [from, to] still todo or missed (of these assignees, or all), oldest first. */
export function overdueTasks(s: Scoped, from: string, to: string, assignees: readonly number[] | null) {
  if (assignees !== null && assignees.length === 0) return Promise.resolve([]);
  let q = s.selectFrom('sop_tasks')
    .innerJoin('sop_steps', 'sop_steps.id', 'sop_tasks.step_id')
    .leftJoin('chat_groups', 'chat_groups.id', 'sop_tasks.group_id')
    .leftJoin('staff', 'staff.id', 'sop_tasks.assignee_staff_id')
    .select([
      'sop_tasks.id', 'sop_steps.title', 'sop_tasks.due_date', 'sop_tasks.status', 'sop_tasks.window_end_at', 'sop_tasks.group_id',
      'chat_groups.name as group_name', 'sop_tasks.assignee_staff_id', 'staff.display_name as assignee_name',
    ])
    .where('sop_tasks.due_date', '>=', from).where('sop_tasks.due_date', '<=', to).where('sop_tasks.status', 'in', ['todo', 'missed']);
  if (assignees !== null) q = q.where('sop_tasks.assignee_staff_id', 'in', assignees);
  return q.orderBy('sop_tasks.due_date').orderBy('sop_tasks.window_end_at').orderBy('sop_tasks.id').limit(200).execute();
}

// ---- retrospectives --------------------------------------------------------------------------------------------

export function retrospectiveOf(s: Scoped, campaignId: number) {
  return s.selectFrom('retrospectives').leftJoin('staff', 'staff.id', 'retrospectives.updated_by')
    .select([
      'retrospectives.id', 'retrospectives.goal_note', 'retrospectives.result_note', 'retrospectives.analysis', 'retrospectives.insight',
      'retrospectives.actions', 'retrospectives.updated_by', 'retrospectives.created_at', 'retrospectives.updated_at', 'staff.display_name as updater_name',
    ])
    .where('retrospectives.campaign_id', '=', campaignId).executeTakeFirst();
}
export type RetrospectiveRow = NonNullable<Awaited<ReturnType<typeof retrospectiveOf>>>;

export function allRetrospectives(s: Scoped) {
  return s.selectFrom('retrospectives').leftJoin('staff', 'staff.id', 'retrospectives.updated_by')
    .select(['retrospectives.campaign_id', 'retrospectives.actions', 'retrospectives.updated_by', 'retrospectives.updated_at', 'staff.display_name as updater_name'])
    .execute();
}

export function staffNames(s: Scoped, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', ids).execute();
}
