// Tag groups, tags and how many (live) members carry each tag.
import type { Executor, Scoped } from '../db/scoped.js';

export function listGroups(s: Scoped) {
  return s.selectFrom('tag_groups').select(['id', 'name']).orderBy('id').execute();
}

export function listTagsWithCounts(s: Scoped) {
  return s.selectFrom('tags')
    .select(['tags.id', 'tags.group_id', 'tags.name', 'tags.color'])
    .select((eb) => eb.selectFrom('member_tags')
      .innerJoin('members', 'members.id', 'member_tags.member_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('member_tags.tag_id', '=', 'tags.id')
      .where('members.merged_into_id', 'is', null)
      .as('member_count'))
    .orderBy('tags.id').execute();
}

export function findGroup(s: Scoped, id: number) {
  return s.selectFrom('tag_groups').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export function findTag(s: Scoped, id: number) {
  return s.selectFrom('tags').select(['id', 'group_id', 'name', 'color']).where('id', '=', id).executeTakeFirst();
}

export function findTags(s: Scoped, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.selectFrom('tags').select(['id', 'group_id', 'name', 'color']).where('id', 'in', ids).execute();
}

export async function insertGroup(db: Executor, row: { workspace_id: number; name: string; created_at: string }) {
  return (await db.insertInto('tag_groups').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTag(db: Executor, row: { workspace_id: number; group_id: number; name: string; color: string; created_at: string }) {
  return (await db.insertInto('tags').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
