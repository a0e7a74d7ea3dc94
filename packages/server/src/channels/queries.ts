// Kysely queries for channels, their pool rows and visits. Pool groups are read from chat_groups (name,
// status, capacity, QR, scans) with their open-membership count, read-only except the routing scan counter.
import type { ExpressionBuilder, Insertable, Kysely, Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { ChannelsTable, DB } from '../db/schema.js';

const channelColumns = [
  'channels.id', 'channels.workspace_id', 'channels.parent_id', 'channels.name', 'channels.code', 'channels.owner_staff_id',
  'channels.cost_cents', 'channels.threshold', 'channels.fallback_message', 'channels.campaign_id', 'channels.archived_at', 'channels.created_at',
] as const;

function channelsQuery(s: Scoped) {
  return s.selectFrom('channels').leftJoin('staff', 'staff.id', 'channels.owner_staff_id').select(channelColumns).select('staff.display_name as owner_name');
}

export type ChannelRow = NonNullable<Awaited<ReturnType<ReturnType<typeof channelsQuery>['executeTakeFirst']>>>;

export function findChannel(s: Scoped, id: number) {
  return channelsQuery(s).where('channels.id', '=', id).executeTakeFirst();
}

export function listChannels(s: Scoped, archived: boolean) {
  return channelsQuery(s).where('channels.archived_at', archived ? 'is not' : 'is', null).orderBy('channels.id').execute();
}

/**
 * The channel behind a public short link. Deliberately not workspace-scoped: the code is unique across workspaces
 * and is what tells us the workspace; every later query of the request is scoped to the workspace found here.
 */
export function channelByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('channels')
    .select(['id', 'workspace_id', 'name', 'code', 'owner_staff_id', 'threshold', 'fallback_message', 'campaign_id', 'archived_at'])
    .where('code', '=', code).executeTakeFirst();
}

export function codeTaken(db: Executor, code: string) {
  // Codes are unique across workspaces (the link carries no workspace), so this check is global too.
  return db.selectFrom('channels').select('id').where('code', '=', code).executeTakeFirst();
}

export function sameName(s: Scoped, parentId: number | null, name: string, exceptId?: number) {
  let query = s.selectFrom('channels').select('id').where('name', '=', name).where('parent_id', parentId === null ? 'is' : '=', parentId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertChannel(db: Executor, row: Insertable<ChannelsTable>) {
  return (await db.insertInto('channels').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateChannel(s: Scoped, id: number, patch: Updateable<ChannelsTable>) {
  return s.updateTable('channels').set(patch).where('id', '=', id).execute();
}

const groupColumns = [
  'chat_groups.id as group_id', 'chat_groups.name', 'chat_groups.status', 'chat_groups.capacity', 'chat_groups.scan_count',
  'chat_groups.qr_file', 'chat_groups.qr_mime', 'chat_groups.qr_expires_at',
] as const;

/** Open memberships of the group, the load routing compares with the threshold. */
function memberCount(eb: ExpressionBuilder<DB, 'chat_groups'>) {
  return eb.selectFrom('group_memberships').select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('group_memberships.group_id', '=', 'chat_groups.id').where('group_memberships.left_at', 'is', null).as('member_count');
}

/** Pool rows of these channels with their groups, in pool order. */
export function poolOf(s: Scoped, channelIds: number[]) {
  if (channelIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('channel_pool_groups')
    .innerJoin('chat_groups', 'chat_groups.id', 'channel_pool_groups.group_id')
    .select(['channel_pool_groups.channel_id', 'channel_pool_groups.position', ...groupColumns])
    .select(memberCount)
    .where('channel_pool_groups.channel_id', 'in', channelIds)
    .orderBy('channel_pool_groups.channel_id').orderBy('channel_pool_groups.position').execute();
}

/** The open groups of a campaign in id order, shaped like pool rows: the live code of a signup without a pool. */
export function campaignGroups(s: Scoped, campaignId: number) {
  return s.selectFrom('chat_groups')
    .select(groupColumns)
    .select(memberCount)
    .where('chat_groups.campaign_id', '=', campaignId).where('chat_groups.status', '=', 'open')
    .orderBy('chat_groups.id').execute();
}

/** One group as routing sees it (status, QR, load), or undefined. */
export function routableGroup(s: Scoped, groupId: number) {
  return s.selectFrom('chat_groups')
    .select(groupColumns)
    .select(memberCount)
    .where('chat_groups.id', '=', groupId).executeTakeFirst();
}

export type RoutableRow = Awaited<ReturnType<typeof campaignGroups>>[number];

/** Counts one visitor routed to a group (a visit to the live code, or a signup). */
export function countScan(s: Scoped, groupId: number) {
  return s.updateTable('chat_groups').set((eb) => ({ scan_count: eb('scan_count', '+', 1) })).where('id', '=', groupId).execute();
}

export type PoolRow = Awaited<ReturnType<typeof poolOf>>[number];

export function groupIdsIn(s: Scoped, ids: number[]) {
  return s.selectFrom('chat_groups').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function replacePool(s: Scoped, channelId: number, groupIds: number[]) {
  await s.deleteFrom('channel_pool_groups').where('channel_id', '=', channelId).execute();
  if (groupIds.length === 0) return;
  await s.db.insertInto('channel_pool_groups')
    .values(groupIds.map((groupId, position) => ({ workspace_id: s.workspaceId, channel_id: channelId, group_id: groupId, position })))
    .execute();
}

/** All-time totals per channel. */
export function totalsOf(s: Scoped, channelIds: number[]) {
  if (channelIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('channel_visits')
    .select((eb) => [
      'channel_visits.channel_id',
      eb.fn.countAll<number>().as('visits'),
      eb.fn.count<number>('channel_visits.visitor').distinct().as('unique_visitors'),
      eb.fn.count<number>('channel_visits.group_id').as('routed'),
      eb.fn.sum<number>('channel_visits.exhausted').as('exhausted'),
    ])
    .where('channel_visits.channel_id', 'in', channelIds).groupBy('channel_visits.channel_id').execute();
}

/** Visits of a channel in [start, end), oldest first. */
export function visitsBetween(s: Scoped, channelId: number, start: string, end: string) {
  return s.selectFrom('channel_visits').select(['visitor', 'at', 'group_id', 'exhausted'])
    .where('channel_id', '=', channelId).where('at', '>=', start).where('at', '<', end).orderBy('at').execute();
}

/** Distinct members who joined each of these groups in [start, end). */
export function joinsBetween(s: Scoped, groupIds: number[], start: string, end: string) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships')
    .select((eb) => ['group_memberships.group_id', eb.fn.count<number>('group_memberships.member_id').distinct().as('joins')])
    .where('group_id', 'in', groupIds).where('joined_at', '>=', start).where('joined_at', '<', end)
    .groupBy('group_memberships.group_id').execute();
}

/** A visit; `exhausted` when the live code found no group (a visit to a campaign's landing page routes nobody). */
export async function recordVisit(s: Scoped, visit: { channelId: number; visitor: string; at: string; groupId: number | null; exhausted: boolean }) {
  await s.db.insertInto('channel_visits').values({
    workspace_id: s.workspaceId, channel_id: visit.channelId, visitor: visit.visitor, at: visit.at, group_id: visit.groupId,
    exhausted: visit.exhausted ? 1 : 0,
  }).execute();
  if (visit.groupId !== null) await countScan(s, visit.groupId);
}
