// The member registry's rules: one member number per person per workspace, identities unique, every change
// audited, blocklist, tags and service records. Merge and erase live in their own files beside this one.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { DialectName } from '../db/connection.js';
import { nowIso, scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, isUniqueViolation, notFound } from '../http/errors.js';
import type { TagService } from '../tags/service.js';
import { normalizeIdentity } from './identities.js';
import * as q from './queries.js';
import type { Attributes, CreateMemberInput, IdentityKind, Member, MemberSummary } from './schema.js';
import { refreshSearch } from './search-index.js';

/** How far a merged-away number is followed to its survivor before we call it a loop (single and bulk lookups). */
export const MAX_MERGE_HOPS = 20;

export class MemberService {
  constructor(readonly db: Kysely<DB>, readonly dialect: DialectName, private readonly tags: TagService) {}

  // ---- reading ----

  /** A member by number; a number merged away resolves to the member it was merged into. */
  async resolve(s: Scoped, memberNo: number): Promise<{ row: q.MemberRow; resolvedFrom: number | null }> {
    let row = await q.findByNo(s, memberNo);
    if (!row) throw notFound('member');
    for (let hop = 0; row.merged_into_id !== null; hop++) {
      if (hop >= MAX_MERGE_HOPS) throw new AppError(409, 'member.merge_loop', 'Merge chain too long');
      row = (await q.findById(s, row.merged_into_id))!;
    }
    return { row, resolvedFrom: row.member_no === memberNo ? null : memberNo };
  }

  async get(ctx: AccessContext, memberNo: number): Promise<Member> {
    const s = scoped(this.db, ctx.workspaceId);
    const { row, resolvedFrom } = await this.resolve(s, memberNo);
    return this.detail(s, row, resolvedFrom);
  }

  /** The member holding an identity (integrations know people by their WeChat id or phone, not by number). */
  async getByIdentity(ctx: AccessContext, kind: IdentityKind, value: string): Promise<Member> {
    const s = scoped(this.db, ctx.workspaceId);
    const holder = await q.findIdentity(s, kind, normalizeIdentity(kind, value));
    if (!holder) throw notFound('member');
    return this.detail(s, (await q.findById(s, holder.member_id))!);
  }

  async detail(s: Scoped, row: q.MemberRow, resolvedFrom: number | null = null): Promise<Member> {
    const [identities, tags, blocks, merged] = await Promise.all([
      q.identitiesOf(s, [row.id]), q.tagsOf(s, [row.id]), q.activeBlocks(s, [row.id]), q.mergedNumbersOf(s, row.id),
    ]);
    const block = blocks[0];
    return {
      id: row.id,
      memberNo: row.member_no,
      nickname: row.nickname,
      phone: row.phone,
      attributes: JSON.parse(row.attributes) as Attributes,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      erasedAt: row.erased_at,
      blocked: block ? { reason: block.reason, by: block.blocked_by !== null ? { id: block.blocked_by, displayName: block.display_name ?? '' } : null, at: block.blocked_at } : null,
      identities: identities.map((i) => ({ id: i.id, kind: i.kind, value: i.value, createdAt: i.created_at })),
      tags: tags.map((t) => ({ id: t.id, groupId: t.group_id, name: t.name, color: t.color })),
      mergedNumbers: merged.map((m) => m.member_no),
      resolvedFrom,
    };
  }

  async list(ctx: AccessContext, input: { q?: string; tagIds: number[]; blocked?: boolean; cursor?: number; limit: number }) {
    const s = scoped(this.db, ctx.workspaceId);
    const filter: q.MemberFilter = { tagIds: input.tagIds, blocked: input.blocked, beforeId: input.cursor, limit: input.limit };
    let rows: q.MemberRow[];
    if (input.q) {
      // Exact hits (number, identity) and fragment hits come from two indexes; both are newest-first pages,
      // so their merge cut at `limit` is the right page.
      const [exact, fragment] = await Promise.all([q.exactMatches(s, input.q, filter), q.fragmentMatches(s, this.dialect, input.q, filter)]);
      const byId = new Map<number, q.MemberRow>();
      for (const row of [...exact, ...fragment]) byId.set(row.id, row);
      rows = [...byId.values()].sort((a, b) => b.id - a.id);
    } else {
      rows = await q.listMembers(s, filter);
    }
    const items = await this.summaries(s, rows.slice(0, input.limit));
    return { items, nextCursor: rows.length > input.limit ? String(items[items.length - 1]!.id) : null };
  }

  async summaries(s: Scoped, rows: q.MemberRow[]): Promise<MemberSummary[]> {
    const ids = rows.map((r) => r.id);
    const [tags, blocks] = await Promise.all([q.tagsOf(s, ids), q.activeBlocks(s, ids)]);
    const blocked = new Set(blocks.map((b) => b.member_id));
    return rows.map((row) => ({
      id: row.id,
      memberNo: row.member_no,
      nickname: row.nickname,
      phone: row.phone,
      tags: tags.filter((t) => t.member_id === row.id).map((t) => ({ id: t.id, groupId: t.group_id, name: t.name, color: t.color })),
      blocked: blocked.has(row.id),
      erased: row.erased_at !== null,
      createdAt: row.created_at,
    }));
  }

  async nicknames(ctx: AccessContext, memberNo: number) {
    const s = scoped(this.db, ctx.workspaceId);
    const { row } = await this.resolve(s, memberNo);
    const rows = await s.selectFrom('nickname_history').select(['id', 'nickname', 'context', 'at'])
      .where('member_id', '=', row.id).orderBy('at', 'desc').orderBy('id', 'desc').limit(500).execute();
    return rows;
  }

  // ---- writing ----

  async create(ctx: AccessContext, input: CreateMemberInput): Promise<Member> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const row = await this.createIn(tx, ctx, input);
      const member = await this.detail(s, row);
      await recordAudit(tx, ctx, { action: 'member.create', entity: 'member', entityId: member.memberNo, memberId: member.id, after: member });
      return member;
    });
  }

  /** Creates a member inside the caller's transaction (also used by signup and imports in later features). */
  async createIn(tx: Executor, ctx: AccessContext, input: CreateMemberInput): Promise<q.MemberRow> {
    const s = scoped(tx, ctx.workspaceId);
    const identities = (input.identities ?? []).map((i, index) => ({ kind: i.kind, value: normalizeIdentity(i.kind, i.value, `identities.${index}.value`) }));
    if (input.phone) identities.push({ kind: 'phone', value: normalizeIdentity('phone', input.phone, 'phone') });
    const unique = new Map(identities.map((i) => [`${i.kind}\u0000${i.value}`, i]));
    for (const identity of unique.values()) await this.assertIdentityFree(s, identity.kind, identity.value);
    const at = input.createdAt ?? nowIso();
    const memberNo = await q.allocateNumbers(s, 1);
    const phone = [...unique.values()].find((i) => i.kind === 'phone')?.value ?? null;
    const id = await q.insertMember(tx, {
      workspace_id: ctx.workspaceId, member_no: memberNo, nickname: input.nickname, phone,
      attributes: JSON.stringify(input.attributes ?? {}), created_at: at,
    });
    for (const identity of unique.values()) {
      await this.insertIdentityChecked(tx, ctx, id, identity.kind, identity.value, at);
    }
    await tx.insertInto('nickname_history').values({
      workspace_id: ctx.workspaceId, member_id: id, nickname: input.nickname, context: input.nicknameContext ?? 'console', at,
    }).execute();
    await refreshSearch(tx, this.dialect, ctx.workspaceId, id);
    return (await q.findById(s, id))!;
  }

  async update(ctx: AccessContext, memberNo: number, input: { nickname?: string; attributes?: Attributes }): Promise<Member> {
    return this.write(ctx, memberNo, 'member.update', async (tx, s, row) => {
      const now = nowIso();
      await q.updateMember(s, row.id, {
        ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
        ...(input.attributes !== undefined ? { attributes: JSON.stringify(input.attributes) } : {}),
        updated_at: now,
      });
      if (input.nickname !== undefined && input.nickname !== row.nickname) {
        await tx.insertInto('nickname_history').values({ workspace_id: ctx.workspaceId, member_id: row.id, nickname: input.nickname, context: 'console', at: now }).execute();
        await refreshSearch(tx, this.dialect, ctx.workspaceId, row.id);
      }
    });
  }

  async addIdentity(ctx: AccessContext, memberNo: number, input: { kind: IdentityKind; value: string }) {
    const value = normalizeIdentity(input.kind, input.value);
    let created: { id: number; kind: string; value: string; createdAt: string } | null = null;
    await this.write(ctx, memberNo, 'member.identity_add', async (tx, s, row) => {
      await this.assertIdentityFree(s, input.kind, value);
      const at = nowIso();
      const id = await this.insertIdentityChecked(tx, ctx, row.id, input.kind, value, at);
      created = { id, kind: input.kind, value, createdAt: at };
      if (input.kind === 'phone') await this.afterPhoneChange(tx, s, ctx, row.id);
    });
    return created!;
  }

  async removeIdentity(ctx: AccessContext, memberNo: number, identityId: number) {
    await this.write(ctx, memberNo, 'member.identity_remove', async (tx, s, row) => {
      const identity = await s.selectFrom('member_identities').select(['id', 'kind']).where('id', '=', identityId).where('member_id', '=', row.id).executeTakeFirst();
      if (!identity) throw notFound('identity');
      await s.deleteFrom('member_identities').where('id', '=', identityId).execute();
      if (identity.kind === 'phone') await this.afterPhoneChange(tx, s, ctx, row.id);
    });
  }

  async addTag(ctx: AccessContext, memberNo: number, tagId: number): Promise<Member> {
    await this.tags.requireTags(ctx, [tagId]);
    return this.write(ctx, memberNo, 'member.tag_add', async (tx, s, row) => {
      const has = await s.selectFrom('member_tags').select('tag_id').where('member_id', '=', row.id).where('tag_id', '=', tagId).executeTakeFirst();
      if (!has) await tx.insertInto('member_tags').values({ workspace_id: ctx.workspaceId, member_id: row.id, tag_id: tagId, added_by: ctx.staffId, added_at: nowIso() }).execute();
    });
  }

  async removeTag(ctx: AccessContext, memberNo: number, tagId: number): Promise<Member> {
    await this.tags.requireTags(ctx, [tagId]);
    return this.write(ctx, memberNo, 'member.tag_remove', async (_tx, s, row) => {
      await s.deleteFrom('member_tags').where('member_id', '=', row.id).where('tag_id', '=', tagId).execute();
    });
  }

  async block(ctx: AccessContext, memberNo: number, reason: string): Promise<Member> {
    return this.write(ctx, memberNo, 'member.block', async (tx, s, row) => {
      if ((await q.activeBlocks(s, [row.id])).length) throw conflict('member.already_blocked', 'This member is already blocklisted');
      await tx.insertInto('member_blocks').values({ workspace_id: ctx.workspaceId, member_id: row.id, reason, blocked_by: ctx.staffId, blocked_at: nowIso() }).execute();
    });
  }

  async unblock(ctx: AccessContext, memberNo: number, reason?: string): Promise<Member> {
    return this.write(ctx, memberNo, 'member.unblock', async (_tx, s, row) => {
      if (!(await q.activeBlocks(s, [row.id])).length) throw conflict('member.not_blocked', 'This member is not blocklisted');
      // A merge can leave two active blocks on one member; lifting the blocklisting lifts them all.
      await s.updateTable('member_blocks').set({ lifted_at: nowIso(), lifted_by: ctx.staffId, lift_reason: reason ?? null })
        .where('member_id', '=', row.id).where('lifted_at', 'is', null).execute();
    });
  }

  /**
   * One audited write to one member: resolve the number, run `change`, record before and after — all in one
   * transaction, so the member and its audit entry are both written or neither.
   */
  async write(ctx: AccessContext, memberNo: number, action: string, change: (tx: Executor, s: Scoped, row: q.MemberRow) => Promise<void>): Promise<Member> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const { row } = await this.resolve(s, memberNo);
      if (row.erased_at) throw conflict('member.erased', 'This member was erased and can no longer change');
      const before = await this.detail(s, row);
      await change(tx, s, row);
      const after = await this.detail(s, (await q.findById(s, row.id))!);
      await recordAudit(tx, ctx, { action, entity: 'member', entityId: row.member_no, memberId: row.id, before, after });
      return after;
    });
  }

  private async assertIdentityFree(s: Scoped, kind: string, value: string) {
    const holder = await q.findIdentity(s, kind, value);
    if (holder) throw conflict('identity.taken', `This ${kind} already belongs to member ${holder.member_no}`, { value: `belongs to member ${holder.member_no}` });
  }

  /** The unique index is the last word under concurrency: a lost race becomes the same 409 as the pre-check. */
  private async insertIdentityChecked(tx: Executor, ctx: AccessContext, memberId: number, kind: string, value: string, at: string): Promise<number> {
    try {
      return (await q.insertIdentity(tx, { workspace_id: ctx.workspaceId, member_id: memberId, kind, value, created_at: at })).id;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('identity.taken', `This ${kind} already belongs to another member`, { value: 'already taken' });
      throw error;
    }
  }

  private async afterPhoneChange(tx: Executor, s: Scoped, ctx: AccessContext, memberId: number) {
    await q.syncPhone(s, memberId);
    await refreshSearch(tx, this.dialect, ctx.workspaceId, memberId);
  }
}

