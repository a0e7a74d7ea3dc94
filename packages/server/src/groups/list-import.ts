// Importing a group's member list (the CSV/XLSX a WeChat/WeCom group exports): each row is matched to a member by
// a member number in the group nickname, then an exact identity, then an exact (current or former) nickname held
// by exactly one member. Anything less certain becomes a review row for a person; nothing is guessed silently.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped, type Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import { ImportFileError, openSource, type SourceRow } from '../members/import-source.js';
import { parseTimestamp } from '../members/import-rows.js';
import type { MemberService } from '../members/service.js';
import { ALL_IDENTITY_KINDS, describeColumn, identityValue, mapListColumns, nameFragment, numbersInNickname, type MappedListColumn } from './list-columns.js';
import { assertAcceptsMembers, type GroupMemberships } from './memberships.js';
import * as q from './queries.js';
import type { ImportSummary, ResolveInput } from './schema.js';
import type { GroupService } from './service.js';

const MAX_ROWS = 5000;

type Candidate = { id: number; member_no: number; nickname: string };
type Decision =
  | { kind: 'match'; memberId: number; by: 'memberNo' | 'identity' | 'nickname'; groupNickname: string; joinedAt: string | null }
  | { kind: 'review'; reason: string; candidates: number[]; groupNickname: string; row: Record<string, string> };

export class GroupListImport {
  constructor(private readonly groups: GroupService, private readonly memberships: GroupMemberships, private readonly members: MemberService, private readonly dataDir: string) {}

  async run(ctx: AccessContext, groupId: number, file: { bytes: Buffer; filename: string }, snapshot: boolean): Promise<ImportSummary> {
    const group = await this.groups.requireRow(this.groups.db, ctx, groupId);
    assertAcceptsMembers(group.status);
    if (file.bytes.length === 0) throw invalid('upload.empty', 'The file is empty', { file: 'empty file' });
    const { columns, rows } = await this.read(file);
    const workspace = await this.groups.db.selectFrom('workspaces').select('timezone').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();

    return this.groups.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const now = nowIso();
      const decisions: Decision[] = [];
      for (const row of rows) decisions.push(await this.decide(s, columns, row, workspace.timezone));

      const open = new Map((await q.openMemberIds(s, groupId)).map((m) => [m.member_id, m]));
      const seen = new Set<number>();
      const summary: ImportSummary = {
        rows: rows.length, matched: 0, byMemberNo: 0, byIdentity: 0, byNickname: 0, alreadyIn: 0, joined: 0, left: 0, toReview: 0, snapshot,
        columns: columns.map((c) => ({ header: c.header, meaning: describeColumn(c.column) })),
      };
      const maybeHere = new Set<number>();
      for (const d of decisions) {
        if (d.kind === 'review') {
          summary.toReview++;
          for (const id of d.candidates) maybeHere.add(id);
          // A re-import replaces the undecided review of the same person rather than piling up copies.
          await s.deleteFrom('group_list_reviews').where('group_id', '=', groupId).where('group_nickname', '=', d.groupNickname).where('resolved_at', 'is', null).execute();
          await tx.insertInto('group_list_reviews').values({
            workspace_id: ctx.workspaceId, group_id: groupId, group_nickname: d.groupNickname, row: JSON.stringify(d.row), reason: d.reason,
            candidate_ids: JSON.stringify(d.candidates), created_at: now,
          }).execute();
          continue;
        }
        summary.matched++;
        summary[d.by === 'memberNo' ? 'byMemberNo' : d.by === 'identity' ? 'byIdentity' : 'byNickname']++;
        if (seen.has(d.memberId)) continue;
        seen.add(d.memberId);
        const nickname = d.groupNickname || null;
        if (open.has(d.memberId)) {
          summary.alreadyIn++;
          if (nickname) {
            await s.updateTable('group_memberships').set({ group_nickname: nickname }).where('id', '=', open.get(d.memberId)!.id).execute();
            await this.memberships.noteNickname(tx, s, ctx, group.name, d.memberId, nickname);
          }
        } else {
          await this.memberships.enter(tx, ctx, { id: groupId, name: group.name }, d.memberId, 'import', d.joinedAt ?? now, nickname);
          summary.joined++;
        }
      }
      // The list is the whole group: whoever is recorded here but absent from it has left — unless a review row
      // may be them, which a person decides first.
      if (snapshot) {
        const gone = [...open.values()].filter((m) => !seen.has(m.member_id) && !maybeHere.has(m.member_id)).map((m) => m.id);
        if (gone.length) await s.updateTable('group_memberships').set({ left_at: now }).where('id', 'in', gone).execute();
        summary.left = gone.length;
      }
      await recordAudit(tx, ctx, { action: 'group.list_import', entity: 'group', entityId: groupId, after: { file: file.filename, ...summary } });
      return summary;
    });
  }

  async reviews(ctx: AccessContext, groupId: number, status: 'open' | 'all') {
    await this.groups.requireRow(this.groups.db, ctx, groupId);
    const s = scoped(this.groups.db, ctx.workspaceId);
    return this.reviewsOut(s, await q.listReviews(s, groupId, status === 'open'));
  }

  async resolve(ctx: AccessContext, reviewId: number, input: ResolveInput) {
    return this.groups.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const review = await q.findReview(s, reviewId);
      if (!review) throw notFound('group_review', 'Review');
      if (review.resolved_at) throw conflict('group_review.resolved', 'This review was already decided', { resolution: review.resolution ?? '' });
      const group = await this.groups.requireRow(tx, ctx, review.group_id);
      let resolution = 'ignored';
      let memberId: number | null = null;
      if (input.memberNo !== undefined || input.createMember) {
        assertAcceptsMembers(group.status);
        if (input.memberNo !== undefined) {
          const { row } = await this.members.resolve(s, input.memberNo);
          if (row.erased_at) throw conflict('member.erased', 'This member was erased', { memberNo: 'erased' });
          memberId = row.id;
          resolution = `member:${row.id}`;
        } else {
          const created = await this.members.createIn(tx, ctx, { nickname: input.createMember!.nickname, nicknameContext: `group:${group.name}` });
          await recordAudit(tx, ctx, { action: 'member.create', entity: 'member', entityId: created.member_no, memberId: created.id, after: { memberNo: created.member_no, nickname: created.nickname, from: `group review ${reviewId}` } });
          memberId = created.id;
          resolution = 'new';
        }
        if (!(await q.openMembership(s, group.id, memberId))) {
          await this.memberships.enter(tx, ctx, { id: group.id, name: group.name }, memberId, 'import', nowIso(), review.group_nickname || null);
        }
      }
      await s.updateTable('group_list_reviews').set({ resolved_at: nowIso(), resolved_by: ctx.staffId, resolution }).where('id', '=', reviewId).execute();
      const [out] = await this.reviewsOut(s, [(await q.findReview(s, reviewId))!]);
      await recordAudit(tx, ctx, { action: 'group.review_resolve', entity: 'group', entityId: group.id, memberId, before: { reviewId, reason: review.reason }, after: out });
      return out!;
    });
  }

  private async reviewsOut(s: Scoped, rows: q.ReviewRow[]) {
    const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.candidate_ids) as number[]))];
    const byId = new Map((await q.membersById(s, ids)).map((m) => [m.id, m]));
    return rows.map((r) => ({
      id: r.id, groupId: r.group_id, groupNickname: r.group_nickname, row: JSON.parse(r.row) as Record<string, string>, reason: r.reason,
      candidates: (JSON.parse(r.candidate_ids) as number[]).flatMap((id) => {
        const m = byId.get(id);
        return m ? [{ memberNo: m.member_no, nickname: m.nickname }] : [];
      }),
      createdAt: r.created_at, resolvedAt: r.resolved_at, resolution: r.resolution,
    }));
  }

  /** The rows of the uploaded file, read by the members import's CSV/XLSX reader from a temporary copy. */
  private async read(file: { bytes: Buffer; filename: string }): Promise<{ columns: MappedListColumn[]; rows: SourceRow[] }> {
    const isZip = file.bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const dir = path.join(this.dataDir, 'tmp');
    await fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `group-list-${randomBytes(8).toString('hex')}.${isZip ? 'xlsx' : 'csv'}`);
    try {
      await fs.writeFile(temp, file.bytes);
      const source = await openSource(temp);
      const columns = mapListColumns(source.header);
      if (!columns.some((c) => c.column.kind !== 'joinedAt')) {
        throw invalid('group_list.no_columns', 'The file has no column to match people by: name one 群昵称/nickname, 微信号, 手机号 or 学号', { file: 'no known column' });
      }
      const rows: SourceRow[] = [];
      for await (const batch of source.rows) {
        rows.push(...batch);
        if (rows.length > MAX_ROWS) throw invalid('group_list.too_many_rows', `A group list has at most ${MAX_ROWS} rows`, { file: 'too many rows' });
      }
      return { columns, rows };
    } catch (error) {
      if (error instanceof ImportFileError) throw invalid('group_list.unreadable', `The file cannot be read: ${error.message}`, { file: 'not a readable CSV or XLSX file' });
      if (error instanceof AppError) throw error;
      // exceljs fails on a zip that is no workbook, csv on binary junk: both are the file's fault, not ours.
      throw invalid('group_list.unreadable', 'The file is not a readable CSV or XLSX file', { file: 'not a readable CSV or XLSX file' });
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  private async decide(s: Scoped, columns: MappedListColumn[], row: SourceRow, timezone: string): Promise<Decision> {
    const cell = (c: MappedListColumn) => (row.cells[c.index] ?? '').trim();
    const nicknameCol = columns.find((c) => c.column.kind === 'nickname');
    const groupNickname = nicknameCol ? cell(nicknameCol).slice(0, 64) : '';
    const joinedCol = columns.find((c) => c.column.kind === 'joinedAt');
    const joinedAt = joinedCol && cell(joinedCol) ? parseTimestamp(cell(joinedCol), timezone) : null;
    const record: Record<string, string> = { line: String(row.line) };
    for (const c of columns) record[c.header] = cell(c).slice(0, 200);
    const review = (reason: string, candidates: Candidate[]): Decision => ({ kind: 'review', reason, candidates: candidates.map((m) => m.id), groupNickname: groupNickname || `line ${row.line}`, row: record });
    const match = (m: Candidate, by: 'memberNo' | 'identity' | 'nickname'): Decision => ({ kind: 'match', memberId: m.id, by, groupNickname, joinedAt });

    // (1) a member number in the nickname (or a 学号 column) that exists here
    const numberCol = columns.find((c) => c.column.kind === 'memberNo');
    const numbers = [...new Set([...(numberCol ? numbersInNickname(cell(numberCol)) : []), ...numbersInNickname(groupNickname)])];
    const byNumber = await q.liveMembersByNo(s, numbers);
    if (byNumber.length === 1) return match(byNumber[0]!, 'memberNo');
    if (byNumber.length > 1) return review('conflicting_match', byNumber);

    // (2) an identity that matches exactly
    const byIdentity = new Map<number, Candidate>();
    for (const c of columns) {
      if (c.column.kind !== 'identity') continue;
      const value = identityValue(c.column.identity, cell(c));
      if (!value) continue;
      for (const m of await q.identityHolders(s, value, c.column.identity === 'any' ? ALL_IDENTITY_KINDS : [c.column.identity])) byIdentity.set(m.id, m);
    }
    if (byIdentity.size === 1) return match([...byIdentity.values()][0]!, 'identity');
    if (byIdentity.size > 1) return review('conflicting_match', [...byIdentity.values()]);

    // (3) exactly one member ever used exactly this nickname
    if (!groupNickname) return review('no_match', []);
    const exact = await q.nicknameHolders(s, groupNickname);
    if (exact.length === 1) return match(exact[0]!, 'nickname');
    if (exact.length > 1) return review('ambiguous_nickname', exact);
    const fragment = nameFragment(groupNickname);
    const near = fragment.length >= 2 ? await q.nicknameNear(s, fragment) : [];
    return near.length ? review('fuzzy_nickname', near) : review('no_match', []);
  }
}
