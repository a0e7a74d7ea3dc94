// Writing checked import rows inside the import's transaction, a batch at a time: members, their first nickname,
// identities, tags and both search indexes, in multi-row INSERTs. Member numbers follow the registry's rules:
// explicit numbers are kept and the counter moved past them; the others come from the counter, never reused.
import type { DialectName } from '../db/connection.js';
import { nowIso, scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { DEFAULT_TAG_COLOR } from '../tags/service.js';
import { createIdentityStage, findTagGroup, insertNgramRows, insertRows, insertRowsReturning, moveStagedIdentities, stageIdentities, tagsByName } from './bulk.js';
import type { MemberDraft } from './import-rows.js';
import { allocateNumbers, reserveUpTo } from './queries.js';
import { buildSearchText, ngramDocument } from './search-text.js';

/** The tag group that tags first seen in an import are created in. */
export const IMPORT_TAG_GROUP = '导入';
const NICKNAME_CONTEXT = 'import';

export class ImportWriter {
  private readonly s: Scoped;
  private tagIds = new Map<string, number>();
  private importGroupId: number | null = null;
  readonly createdTags: string[] = [];
  private maxExplicit = 0;
  private deferred = 0;
  private readonly now = nowIso();

  /**
   * @param deferNumbers when the file has a number column, a number-less row cannot take the next number yet: a
   *   later row may claim that number explicitly. Such rows get a placeholder (negative, so it collides with
   *   nothing) and their real numbers in one UPDATE at the end, after every explicit number is known.
   */
  private constructor(private readonly tx: Executor, private readonly dialect: DialectName, private readonly ctx: AccessContext, private readonly deferNumbers: boolean) {
    this.s = scoped(tx, ctx.workspaceId);
  }

  static async open(tx: Executor, dialect: DialectName, ctx: AccessContext, deferNumbers: boolean): Promise<ImportWriter> {
    const writer = new ImportWriter(tx, dialect, ctx, deferNumbers);
    if (dialect === 'sqlite') await createIdentityStage(tx);
    // Taking none of the counter locks its row (PostgreSQL) for the whole import, so a member created meanwhile
    // cannot take a number this file claims.
    await allocateNumbers(writer.s, 0);
    for (const tag of await tagsByName(writer.s)) if (!writer.tagIds.has(tag.name)) writer.tagIds.set(tag.name, tag.id);
    return writer;
  }

  async write(drafts: MemberDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const ws = this.ctx.workspaceId;
    const numbers = await this.numbersFor(drafts);
    const searchTexts = drafts.map((d) => buildSearchText([d.nickname, ...d.identities.filter((i) => i.kind === 'phone').map((i) => i.value)]));
    const inserted = await insertRowsReturning(this.tx, this.dialect, 'members',
      ['workspace_id', 'member_no', 'nickname', 'phone', 'attributes', 'search_text', 'created_at', 'updated_at'],
      drafts.map((d, i) => [ws, numbers[i]!, d.nickname, d.phone, JSON.stringify(d.attributes), searchTexts[i]!, d.createdAt, d.createdAt]),
      ['id', 'member_no']);
    const idByNumber = new Map(inserted.map((r) => [r.member_no, r.id]));
    const ids = numbers.map((n) => idByNumber.get(n)!);

    await insertRows(this.tx, this.dialect, 'nickname_history', ['workspace_id', 'member_id', 'nickname', 'context', 'at'],
      drafts.map((d, i) => [ws, ids[i]!, d.nickname, NICKNAME_CONTEXT, d.createdAt]));
    const identityRows: Array<[number, string, string, string]> = [];
    for (let i = 0; i < drafts.length; i++) {
      for (const identity of drafts[i]!.identities) identityRows.push([ids[i]!, identity.kind, identity.value, drafts[i]!.createdAt]);
    }
    // SQLite: staged, and written in finish() sorted by value (see bulk.ts); PostgreSQL's indexes take them as they come.
    if (this.dialect === 'sqlite') await stageIdentities(this.tx, identityRows);
    else await insertRows(this.tx, this.dialect, 'member_identities', ['workspace_id', 'member_id', 'kind', 'value', 'created_at'], identityRows.map((r) => [ws, ...r]));
    const tagRows: Array<[number, number, number, number | null, string]> = [];
    for (let i = 0; i < drafts.length; i++) {
      for (const name of drafts[i]!.tags) tagRows.push([ws, ids[i]!, await this.tagId(name), this.ctx.staffId, this.now]);
    }
    await insertRows(this.tx, this.dialect, 'member_tags', ['workspace_id', 'member_id', 'tag_id', 'added_by', 'added_at'], tagRows);
    if (this.dialect === 'sqlite') {
      const ngramRows: Array<[number, string, string, string]> = [];
      for (let i = 0; i < drafts.length; i++) {
        if (!searchTexts[i]) continue;
        const doc = ngramDocument(searchTexts[i]!);
        ngramRows.push([ids[i]!, `w${ws}`, doc.uni, doc.bi]);
      }
      await insertNgramRows(this.tx, ngramRows);
    }
  }

  /** Writes staged identities, gives placeholder-numbered rows their real numbers, moves the counter past every number used. */
  async finish(): Promise<void> {
    if (this.dialect === 'sqlite') await moveStagedIdentities(this.tx, this.ctx.workspaceId);
    if (this.maxExplicit > 0) await reserveUpTo(this.s, this.maxExplicit);
    if (this.deferred === 0) return;
    const first = await allocateNumbers(this.s, this.deferred);
    // Placeholder -k (the k-th number-less row) becomes first + k - 1, so numbers follow the file's order.
    await this.s.updateTable('members').set((eb) => ({ member_no: eb(eb.val(first - 1), '-', eb.ref('member_no')) }))
      .where('member_no', '<', 0).execute();
  }

  private async numbersFor(drafts: MemberDraft[]): Promise<number[]> {
    const missing = drafts.filter((d) => d.memberNo === null).length;
    let next = missing > 0 && !this.deferNumbers ? await allocateNumbers(this.s, missing) : 0;
    return drafts.map((d) => {
      if (d.memberNo !== null) {
        this.maxExplicit = Math.max(this.maxExplicit, d.memberNo);
        return d.memberNo;
      }
      return this.deferNumbers ? -++this.deferred : next++;
    });
  }

  private async tagId(name: string): Promise<number> {
    const known = this.tagIds.get(name);
    if (known !== undefined) return known;
    if (this.importGroupId === null) {
      this.importGroupId = (await findTagGroup(this.s, IMPORT_TAG_GROUP))?.id
        ?? (await insertRowsReturning(this.tx, this.dialect, 'tag_groups', ['workspace_id', 'name', 'created_at'], [[this.ctx.workspaceId, IMPORT_TAG_GROUP, this.now]], ['id']))[0]!.id;
    }
    const [tag] = await insertRowsReturning(this.tx, this.dialect, 'tags', ['workspace_id', 'group_id', 'name', 'color', 'created_at'],
      [[this.ctx.workspaceId, this.importGroupId, name, DEFAULT_TAG_COLOR, this.now]], ['id']);
    this.tagIds.set(name, tag!.id);
    this.createdTags.push(name);
    return tag!.id;
  }
}
