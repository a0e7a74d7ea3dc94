// Reads for the export: the workspace's small tables whole, the large ones in keyset pages by id (oldest first),
// so the export streams in the order the rows were written and an import of it writes them in that order again.
// The pages of the large tables walk the primary key; the fence is checked on each row (rowFence): led by an index
// on workspace_id, each page would read and sort the whole workspace.
import type { Scoped } from '../db/scoped.js';
import { rowFence } from './queries.js';

export function workspaceRow(s: Scoped) {
  return s.db.selectFrom('workspaces').select(['id', 'name', 'timezone']).where('id', '=', s.workspaceId).executeTakeFirstOrThrow();
}

export function allSeries(s: Scoped) {
  return s.selectFrom('series').select(['id', 'key', 'name']).orderBy('id').execute();
}

export function allCampaigns(s: Scoped) {
  return s.selectFrom('campaigns')
    .select(['id', 'key', 'series_id', 'name', 'starts_on', 'ends_on', 'timezone', 'rules', 'price_cents', 'deposit_cents']).orderBy('id').execute();
}

export function allChannels(s: Scoped) {
  return s.selectFrom('channels').select(['id', 'parent_id', 'name', 'cost_cents']).orderBy('id').execute();
}

export function allGroups(s: Scoped) {
  return s.selectFrom('chat_groups').select(['id', 'name', 'platform', 'campaign_id', 'capacity']).orderBy('id').execute();
}

/** Members merged into another: member id → the member it went to. */
export async function mergedMembers(s: Scoped): Promise<Map<number, number>> {
  const rows = await s.selectFrom('members').select(['id', 'merged_into_id']).where('merged_into_id', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.merged_into_id!]));
}

/** Live members (neither merged away nor erased). */
export function membersPage(s: Scoped, afterId: number, limit: number) {
  return s.selectFrom('members').select(['id', 'member_no', 'nickname', 'phone', 'attributes', 'created_at'])
    .where('id', '>', afterId).where('merged_into_id', 'is', null).where('erased_at', 'is', null).orderBy('id').limit(limit).execute();
}

export function identitiesOf(s: Scoped, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return s.db.selectFrom('member_identities').select(['member_id', 'kind', 'value'])
    .where(rowFence('member_identities', s.workspaceId)).where('member_id', 'in', memberIds).execute();
}

export function enrollmentsPage(s: Scoped, afterId: number, limit: number) {
  return s.db.selectFrom('enrollments').where(rowFence('enrollments', s.workspaceId))
    .select(['id', 'member_id', 'campaign_id', 'channel_id', 'status', 'amount_due_cents', 'paid_cents', 'paid_at', 'cancelled_at', 'cancel_reason', 'refund_cents', 'refunded_at', 'created_at', 'updated_at'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export function membershipsPage(s: Scoped, afterId: number, limit: number) {
  return s.db.selectFrom('group_memberships').where(rowFence('group_memberships', s.workspaceId)).select(['id', 'member_id', 'group_id', 'joined_at', 'left_at'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export function checkinsPage(s: Scoped, afterId: number, limit: number) {
  return s.db.selectFrom('checkins').where(rowFence('checkins', s.workspaceId)).select(['id', 'member_id', 'campaign_id', 'day_index', 'text', 'submitted_at', 'makeup'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export function eventsPage(s: Scoped, afterId: number, limit: number) {
  return s.db.selectFrom('events').where(rowFence('events', s.workspaceId)).select(['id', 'event_id', 'member_id', 'name', 'at', 'props'])
    .where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
