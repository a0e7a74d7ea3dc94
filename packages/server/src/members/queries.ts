// Member registry queries. Everything goes through `Scoped`, so it stays inside one workspace.
import { sql, type Updateable } from 'kysely';
import type { DialectName } from '../db/connection.js';
import type { Executor, Scoped } from '../db/scoped.js';
import type { MembersTable } from '../db/schema.js';
import { normalizeIdentity } from './identities.js';
import { IDENTITY_KINDS } from './schema.js';
import { likePattern, ngramQuery } from './search-text.js';

export const memberColumns = ['members.id', 'members.member_no', 'members.nickname', 'members.phone', 'members.attributes',
  'members.merged_into_id', 'members.erased_at', 'members.created_at', 'members.updated_at'] as const;

export function findByNo(s: Scoped, memberNo: number) {
  return s.selectFrom('members').select(memberColumns).where('member_no', '=', memberNo).executeTakeFirst();
}

export function findById(s: Scoped, id: number) {
  return s.selectFrom('members').select(memberColumns).where('id', '=', id).executeTakeFirst();
}

export type MemberRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** Takes `count` numbers from the workspace's sequence inside the caller's transaction; returns the first. */
export async function allocateNumbers(s: Scoped, count: number): Promise<number> {
  const row = await s.updateTable('counters').set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', 'member_no').returning('value').executeTakeFirstOrThrow();
  return row.value - count + 1;
}

/** Moves the sequence past numbers given explicitly (imports), so they are never handed out again. */
export async function reserveUpTo(s: Scoped, memberNo: number): Promise<void> {
  await s.updateTable('counters').set({ value: memberNo }).where('name', '=', 'member_no').where('value', '<', memberNo).execute();
}

export async function insertMember(db: Executor, row: { workspace_id: number; member_no: number; nickname: string; phone: string | null; attributes: string; created_at: string }) {
  return (await db.insertInto('members').values({ ...row, updated_at: row.created_at }).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateMember(s: Scoped, id: number, patch: Updateable<MembersTable>) {
  return s.updateTable('members').set(patch).where('id', '=', id).execute();
}

export function identitiesOf(s: Scoped, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('member_identities').select(['id', 'member_id', 'kind', 'value', 'created_at'])
    .where('member_id', 'in', memberIds).orderBy('id').execute();
}

export function findIdentity(s: Scoped, kind: string, value: string) {
  return s.selectFrom('member_identities')
    .innerJoin('members', 'members.id', 'member_identities.member_id')
    .select(['member_identities.id', 'member_identities.member_id', 'members.member_no'])
    .where('member_identities.kind', '=', kind).where('member_identities.value', '=', value).executeTakeFirst();
}

export function insertIdentity(db: Executor, row: { workspace_id: number; member_id: number; kind: string; value: string; created_at: string }) {
  return db.insertInto('member_identities').values(row).returning('id').executeTakeFirstOrThrow();
}

export function tagsOf(s: Scoped, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('member_tags').innerJoin('tags', 'tags.id', 'member_tags.tag_id')
    .select(['member_tags.member_id', 'tags.id', 'tags.group_id', 'tags.name', 'tags.color'])
    .where('member_tags.member_id', 'in', memberIds).orderBy('tags.group_id').orderBy('tags.id').execute();
}

export function activeBlocks(s: Scoped, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('member_blocks').leftJoin('staff', 'staff.id', 'member_blocks.blocked_by')
    .select(['member_blocks.id', 'member_blocks.member_id', 'member_blocks.reason', 'member_blocks.blocked_by', 'member_blocks.blocked_at', 'staff.display_name'])
    .where('member_blocks.member_id', 'in', memberIds).where('member_blocks.lifted_at', 'is', null).execute();
}

export function mergedNumbersOf(s: Scoped, survivorId: number) {
  return s.selectFrom('members').select('member_no').where('merged_into_id', '=', survivorId).orderBy('member_no').execute();
}

export interface MemberFilter {
  tagIds: number[];
  blocked?: boolean;
  beforeId?: number;
  limit: number;
}

/** The list without a text query: newest members first. */
export function listMembers(s: Scoped, f: MemberFilter) {
  return applyFilter(s.selectFrom('members').select(memberColumns), f).orderBy('members.id', 'desc').limit(f.limit + 1).execute();
}

/** Members whose number or any identity equals the query exactly. */
export function exactMatches(s: Scoped, query: string, f: MemberFilter) {
  const asNumber = /^\d{1,15}$/.test(query) ? Number(query) : null;
  const values = [...new Set([query, phoneForm(query)].filter((v): v is string => v !== null))];
  const base = s.selectFrom('members').select(memberColumns).where((eb) => eb.or([
    ...(asNumber !== null ? [eb('members.member_no', '=', asNumber)] : []),
    // Naming every kind lets the unique (workspace, kind, value) index answer: one probe per kind.
    eb('members.id', 'in', s.selectFrom('member_identities').select('member_identities.member_id')
      .where('member_identities.kind', 'in', [...IDENTITY_KINDS]).where('member_identities.value', 'in', values)),
  ]));
  return applyFilter(base, f).orderBy('members.id', 'desc').limit(f.limit + 1).execute();
}

/** Members whose names or phone contain the fragment, driven by the fragment index on either database. */
export function fragmentMatches(s: Scoped, dialect: DialectName, fragment: string, f: MemberFilter) {
  if (dialect === 'sqlite') {
    const match = ngramQuery(fragment, s.workspaceId);
    if (!match) return Promise.resolve([]);
    // The FTS index drives: it yields matching ids newest first and the LIMIT stops it early, so a common
    // fragment ("妈妈", matching a large share of a million members) costs no more than a rare one.
    let query = s.selectFrom('members').innerJoin('member_search', 'member_search.rowid', 'members.id').select(memberColumns)
      .where(sql<boolean>`member_search MATCH ${match}`);
    if (f.beforeId !== undefined) query = query.where('member_search.rowid', '<', f.beforeId);
    return applyFilter(query, f).orderBy('member_search.rowid', 'desc').limit(f.limit + 1).execute();
  }
  const pattern = likePattern(fragment);
  if (!pattern) return Promise.resolve([]);
  const base = s.selectFrom('members').select(memberColumns).where('members.search_text', 'like', pattern);
  return applyFilter(base, f).orderBy('members.id', 'desc').limit(f.limit + 1).execute();
}

/** Filters shared by every list: live members only, the cursor, tags (all of them), blocklisted or not. */
function applyFilter<Q extends ReturnType<typeof baseSelect>>(query: Q, f: MemberFilter): Q {
  // The correlated subqueries below are tied to members.id, whose rows are already fenced to the workspace.
  let q = query.where('members.merged_into_id', 'is', null) as Q;
  if (f.beforeId !== undefined) q = q.where('members.id', '<', f.beforeId) as Q;
  for (const tagId of f.tagIds) {
    q = q.where((eb) => eb.exists(eb.selectFrom('member_tags').select('member_tags.tag_id')
      .whereRef('member_tags.member_id', '=', 'members.id').where('member_tags.tag_id', '=', tagId))) as Q;
  }
  if (f.blocked !== undefined) {
    const blocked = f.blocked;
    q = q.where((eb) => {
      const hasBlock = eb.exists(eb.selectFrom('member_blocks').select('member_blocks.id')
        .whereRef('member_blocks.member_id', '=', 'members.id').where('member_blocks.lifted_at', 'is', null));
      return blocked ? hasBlock : eb.not(hasBlock);
    }) as Q;
  }
  return q;
}

function baseSelect(s: Scoped) {
  return s.selectFrom('members').select(memberColumns);
}

/** members.phone mirrors the first phone identity; call after phone identities change. */
export async function syncPhone(s: Scoped, memberId: number): Promise<void> {
  const phone = await s.selectFrom('member_identities').select('value').where('member_id', '=', memberId).where('kind', '=', 'phone').orderBy('id').executeTakeFirst();
  await updateMember(s, memberId, { phone: phone?.value ?? null });
}

/** A query typed as a phone number (+86, spaces, dashes) in the form phone identities are stored in. */
function phoneForm(query: string): string | null {
  try {
    return normalizeIdentity('phone', query);
  } catch {
    return null;
  }
}
