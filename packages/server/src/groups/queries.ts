// Kysely queries for chat groups, their membership periods and member-list reviews. Staff, series and campaign
// names are joined read-only for display; members are read here only to match an imported group list.
import { sql } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { ChatGroupsTable } from '../db/schema.js';
import type { Insertable, Updateable } from 'kysely';

export function groupsQuery(s: Scoped) {
  return s.selectFrom('chat_groups')
    .leftJoin('staff', 'staff.id', 'chat_groups.owner_staff_id')
    .leftJoin('campaigns', 'campaigns.id', 'chat_groups.campaign_id')
    .leftJoin('series', 'series.id', 'chat_groups.series_id')
    .select([
      'chat_groups.id', 'chat_groups.platform', 'chat_groups.name', 'chat_groups.owner_staff_id', 'chat_groups.capacity',
      'chat_groups.campaign_id', 'chat_groups.series_id', 'chat_groups.theme', 'chat_groups.status', 'chat_groups.qr_file',
      'chat_groups.qr_mime', 'chat_groups.qr_uploaded_at', 'chat_groups.qr_expires_at', 'chat_groups.created_at', 'chat_groups.updated_at',
      'staff.display_name as owner_name', 'campaigns.key as campaign_key', 'campaigns.name as campaign_name',
      'series.key as series_key', 'series.name as series_name',
    ])
    .select((eb) => eb.selectFrom('group_memberships').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('group_memberships.group_id', '=', 'chat_groups.id').where('group_memberships.left_at', 'is', null).as('member_count'));
}

export type GroupRow = NonNullable<Awaited<ReturnType<ReturnType<typeof groupsQuery>['executeTakeFirst']>>>;

export function findGroup(s: Scoped, id: number) {
  return groupsQuery(s).where('chat_groups.id', '=', id).executeTakeFirst();
}

export interface GroupFilter { campaignId?: number; seriesId?: number; status?: string; q?: string; beforeId?: number; limit: number }

export function listGroups(s: Scoped, f: GroupFilter) {
  let query = groupsQuery(s);
  if (f.campaignId !== undefined) query = query.where('chat_groups.campaign_id', '=', f.campaignId);
  if (f.seriesId !== undefined) query = query.where('chat_groups.series_id', '=', f.seriesId);
  if (f.status !== undefined) query = query.where('chat_groups.status', '=', f.status);
  if (f.q) query = query.where(sql<boolean>`lower(chat_groups.name) like ${`%${escapeLike(f.q.toLowerCase())}%`} escape '\\'`);
  if (f.beforeId !== undefined) query = query.where('chat_groups.id', '<', f.beforeId);
  return query.orderBy('chat_groups.id', 'desc').limit(f.limit + 1).execute();
}

/** Groups that are still running, for reminders. */
export function openGroups(s: Scoped) {
  return groupsQuery(s).where('chat_groups.status', '=', 'open').orderBy('chat_groups.id').execute();
}

export function allGroups(s: Scoped) {
  return groupsQuery(s).orderBy('chat_groups.name').orderBy('chat_groups.id').execute();
}

export async function insertGroup(db: Executor, row: Insertable<ChatGroupsTable>) {
  return (await db.insertInto('chat_groups').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateGroup(s: Scoped, id: number, patch: Updateable<ChatGroupsTable>) {
  return s.updateTable('chat_groups').set(patch).where('id', '=', id).execute();
}

// ---- memberships ----

const membershipColumns = ['group_memberships.id', 'group_memberships.group_id', 'group_memberships.member_id', 'group_memberships.joined_at',
  'group_memberships.left_at', 'group_memberships.source', 'group_memberships.group_nickname', 'members.member_no', 'members.nickname'] as const;

export function listMemberships(s: Scoped, groupId: number, f: { current: boolean; beforeId?: number; limit: number }) {
  let query = s.selectFrom('group_memberships').innerJoin('members', 'members.id', 'group_memberships.member_id')
    .select(membershipColumns).where('group_memberships.group_id', '=', groupId);
  if (f.current) query = query.where('group_memberships.left_at', 'is', null);
  if (f.beforeId !== undefined) query = query.where('group_memberships.id', '<', f.beforeId);
  return query.orderBy('group_memberships.id', 'desc').limit(f.limit + 1).execute();
}

export function findMembership(s: Scoped, id: number) {
  return s.selectFrom('group_memberships').innerJoin('members', 'members.id', 'group_memberships.member_id')
    .select(membershipColumns).where('group_memberships.id', '=', id).executeTakeFirstOrThrow();
}

export function openMembership(s: Scoped, groupId: number, memberId: number) {
  return s.selectFrom('group_memberships').select(['id', 'joined_at']).where('group_id', '=', groupId).where('member_id', '=', memberId)
    .where('left_at', 'is', null).executeTakeFirst();
}

export function openMemberIds(s: Scoped, groupId: number) {
  return s.selectFrom('group_memberships').select(['id', 'member_id', 'joined_at']).where('group_id', '=', groupId).where('left_at', 'is', null).execute();
}

export async function insertMembership(db: Executor, row: { workspace_id: number; group_id: number; member_id: number; joined_at: string; source: string; group_nickname: string | null }) {
  return (await db.insertInto('group_memberships').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function groupsOfMember(s: Scoped, memberId: number) {
  return s.selectFrom('group_memberships').innerJoin('chat_groups', 'chat_groups.id', 'group_memberships.group_id')
    .select(['group_memberships.id', 'group_memberships.joined_at', 'group_memberships.left_at', 'group_memberships.source',
      'group_memberships.group_nickname', 'chat_groups.id as group_id', 'chat_groups.name', 'chat_groups.platform', 'chat_groups.status'])
    .where('group_memberships.member_id', '=', memberId)
    .orderBy('group_memberships.joined_at', 'desc').orderBy('group_memberships.id', 'desc').limit(500).execute();
}

/** The latest name this member was seen with in this context, to record a group nickname only when it changed. */
export function lastNickname(s: Scoped, memberId: number, context: string) {
  return s.selectFrom('nickname_history').select('nickname').where('member_id', '=', memberId).where('context', '=', context)
    .orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

// ---- matching a group's member list ----

/** Live members (not merged away, not erased) with one of these numbers. */
export function liveMembersByNo(s: Scoped, numbers: number[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return s.selectFrom('members').select(['id', 'member_no', 'nickname']).where('member_no', 'in', numbers)
    .where('merged_into_id', 'is', null).where('erased_at', 'is', null).execute();
}

export function identityHolders(s: Scoped, value: string, kinds: string[]) {
  return s.selectFrom('member_identities').innerJoin('members', 'members.id', 'member_identities.member_id')
    .select(['members.id', 'members.member_no', 'members.nickname'])
    .where('member_identities.value', '=', value).where('member_identities.kind', 'in', kinds)
    .where('members.merged_into_id', 'is', null).where('members.erased_at', 'is', null).execute();
}

/** Live members whose current or any former nickname is exactly this one. */
export function nicknameHolders(s: Scoped, nickname: string) {
  return s.selectFrom('members').select(['id', 'member_no', 'nickname'])
    .where('merged_into_id', 'is', null).where('erased_at', 'is', null)
    .where((eb) => eb.or([
      eb('nickname', '=', nickname),
      eb('id', 'in', s.selectFrom('nickname_history').select('member_id').where('nickname', '=', nickname)),
    ]))
    .orderBy('member_no').limit(20).execute();
}

/** Live members whose current or former nickname contains this fragment: possible, never certain. */
export function nicknameNear(s: Scoped, fragment: string) {
  const pattern = `%${escapeLike(fragment)}%`;
  return s.selectFrom('members').select(['id', 'member_no', 'nickname'])
    .where('merged_into_id', 'is', null).where('erased_at', 'is', null)
    .where((eb) => eb.or([
      sql<boolean>`members.nickname like ${pattern} escape '\\'`,
      eb('id', 'in', s.selectFrom('nickname_history').select('member_id').where(sql<boolean>`nickname_history.nickname like ${pattern} escape '\\'`)),
    ]))
    .orderBy('member_no').limit(10).execute();
}

export function membersById(s: Scoped, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.selectFrom('members').select(['id', 'member_no', 'nickname']).where('id', 'in', ids).execute();
}

// ---- reviews ----

const reviewColumns = ['id', 'group_id', 'group_nickname', 'row', 'reason', 'candidate_ids', 'created_at', 'resolved_at', 'resolution'] as const;

export function listReviews(s: Scoped, groupId: number, open: boolean) {
  let query = s.selectFrom('group_list_reviews').select(reviewColumns).where('group_id', '=', groupId);
  if (open) query = query.where('resolved_at', 'is', null);
  return query.orderBy('id').limit(1000).execute();
}

export function findReview(s: Scoped, id: number) {
  return s.selectFrom('group_list_reviews').select(reviewColumns).where('id', '=', id).executeTakeFirst();
}

export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

// ---- matrix ----

export function seriesWithCampaigns(s: Scoped) {
  return Promise.all([
    s.selectFrom('series').select(['id', 'key', 'name', 'theme']).orderBy('key').execute(),
    s.selectFrom('campaigns').select(['id', 'series_id', 'key', 'name', 'starts_on', 'ends_on'])
      .orderBy('starts_on').orderBy('edition').execute(),
  ]);
}

/** Open membership periods with their group's series, to count distinct people per series. */
export function currentMembersBySeries(s: Scoped) {
  return s.selectFrom('group_memberships').innerJoin('chat_groups', 'chat_groups.id', 'group_memberships.group_id')
    .select(['chat_groups.series_id', 'group_memberships.member_id'])
    .where('group_memberships.left_at', 'is', null).distinct().execute();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
