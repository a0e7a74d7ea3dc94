// Tags in tag groups: the light-touch way to know members ("宝妈", "广告号", "高意向") instead of questionnaires.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, isUniqueViolation, notFound } from '../http/errors.js';
import * as q from './queries.js';
import type { TagOut } from './schema.js';

export const DEFAULT_TAG_COLOR = '#1677ff';

function taken(error: unknown, what: string): never {
  if (isUniqueViolation(error)) throw conflict(`${what}.name_taken`, 'This name is already used here', { name: 'already taken' });
  throw error;
}

export class TagService {
  constructor(private readonly db: Kysely<DB>) {}

  async listGroups(ctx: AccessContext) {
    const s = scoped(this.db, ctx.workspaceId);
    const [groups, tags] = await Promise.all([q.listGroups(s), q.listTagsWithCounts(s)]);
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      tags: tags.filter((t) => t.group_id === g.id)
        .map((t) => ({ id: t.id, groupId: t.group_id, name: t.name, color: t.color, memberCount: Number(t.member_count ?? 0) })),
    }));
  }

  /** Tags by id, refusing ids that are not this workspace's (a 404 naming the field). */
  async requireTags(ctx: AccessContext, ids: number[], field = 'tagId'): Promise<TagOut[]> {
    const rows = await q.findTags(scoped(this.db, ctx.workspaceId), ids);
    if (rows.length !== new Set(ids).size) throw new AppError(404, 'tag.not_found', 'Tag not found', { [field]: 'no such tag' });
    return rows.map((t) => ({ id: t.id, groupId: t.group_id, name: t.name, color: t.color }));
  }

  async createGroup(ctx: AccessContext, name: string) {
    return this.db.transaction().execute(async (tx) => {
      const id = await q.insertGroup(tx, { workspace_id: ctx.workspaceId, name, created_at: nowIso() }).catch((e) => taken(e, 'tag_group'));
      await recordAudit(tx, ctx, { action: 'tag_group.create', entity: 'tag_group', entityId: id, after: { name } });
      return { id, name, tags: [] };
    });
  }

  async renameGroup(ctx: AccessContext, id: number, name: string) {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findGroup(s, id);
      if (!before) throw notFound('tag_group', 'Tag group');
      await s.updateTable('tag_groups').set({ name }).where('id', '=', id).execute().catch((e) => taken(e, 'tag_group'));
      await recordAudit(tx, ctx, { action: 'tag_group.update', entity: 'tag_group', entityId: id, before, after: { id, name } });
      return (await new TagService(tx).listGroups(ctx)).find((g) => g.id === id)!;
    });
  }

  async deleteGroup(ctx: AccessContext, id: number) {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findGroup(s, id);
      if (!before) throw notFound('tag_group', 'Tag group');
      const tags = await s.selectFrom('tags').select('id').where('group_id', '=', id).execute();
      if (tags.length) await s.deleteFrom('member_tags').where('tag_id', 'in', tags.map((t) => t.id)).execute();
      await s.deleteFrom('tags').where('group_id', '=', id).execute();
      await s.deleteFrom('tag_groups').where('id', '=', id).execute();
      await recordAudit(tx, ctx, { action: 'tag_group.delete', entity: 'tag_group', entityId: id, before: { ...before, tags: tags.length } });
    });
  }

  async createTag(ctx: AccessContext, input: { groupId: number; name: string; color?: string }) {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      if (!(await q.findGroup(s, input.groupId))) throw new AppError(404, 'tag_group.not_found', 'Tag group not found', { groupId: 'no such tag group' });
      const color = input.color ?? DEFAULT_TAG_COLOR;
      const id = await q.insertTag(tx, { workspace_id: ctx.workspaceId, group_id: input.groupId, name: input.name, color, created_at: nowIso() })
        .catch((e) => taken(e, 'tag'));
      const tag: TagOut = { id, groupId: input.groupId, name: input.name, color };
      await recordAudit(tx, ctx, { action: 'tag.create', entity: 'tag', entityId: id, after: tag });
      return tag;
    });
  }

  async updateTag(ctx: AccessContext, id: number, input: { name?: string; color?: string }) {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findTag(s, id);
      if (!before) throw notFound('tag');
      await s.updateTable('tags').set(input).where('id', '=', id).execute().catch((e) => taken(e, 'tag'));
      const after = (await q.findTag(s, id))!;
      const tag: TagOut = { id, groupId: after.group_id, name: after.name, color: after.color };
      await recordAudit(tx, ctx, { action: 'tag.update', entity: 'tag', entityId: id, before, after: tag });
      return tag;
    });
  }

  async deleteTag(ctx: AccessContext, id: number) {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await q.findTag(s, id);
      if (!before) throw notFound('tag');
      const removed = await s.deleteFrom('member_tags').where('tag_id', '=', id).executeTakeFirst();
      await s.deleteFrom('tags').where('id', '=', id).execute();
      await recordAudit(tx, ctx, { action: 'tag.delete', entity: 'tag', entityId: id, before: { ...before, members: Number(removed.numDeletedRows) } });
    });
  }
}
