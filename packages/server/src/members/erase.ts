// Erasing a person on request (个人信息删除): names, identities, history, records, tags, attributes, check-in texts and
// photos go; the numbered row and the check-in days stay (counts over time, settlement history, the never-reuse
// rule), and the audit trail is redacted.
import { redactAuditWindow, redactMemberAudit, redactMergeAudit } from '../audit/queries.js';
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import type { CheckinService } from '../checkins/service.js';
import { AppError, conflict } from '../http/errors.js';
import * as q from './queries.js';
import type { Member } from './schema.js';
import { refreshSearch } from './search-index.js';
import type { MemberService } from './service.js';

export async function eraseMember(members: MemberService, checkins: CheckinService, ctx: AccessContext, memberNo: number, confirmMemberNo: number): Promise<Member> {
  if (confirmMemberNo !== memberNo) {
    throw new AppError(400, 'member.erase_unconfirmed', 'Type the member number to confirm', { confirmMemberNo: 'does not match' });
  }
  let photoFiles: string[] = [];
  const erased = await members.db.transaction().execute(async (tx) => {
    const s = scoped(tx, ctx.workspaceId);
    const row = await q.findByNo(s, memberNo);
    if (!row) throw new AppError(404, 'member.not_found', 'member not found');
    if (row.merged_into_id !== null) throw conflict('member.already_merged', `Member ${memberNo} was merged; erase the surviving member instead`);
    if (row.erased_at) throw conflict('member.erased', 'This member is already erased');
    // Members merged into this one are the same person: their rows are emptied too.
    const merged = await s.selectFrom('members').select('id').where('merged_into_id', '=', row.id).execute();
    const ids = [row.id, ...merged.map((m) => m.id)];
    const now = nowIso();
    for (const table of ['member_identities', 'nickname_history', 'service_records', 'member_tags'] as const) {
      await s.deleteFrom(table).where('member_id', 'in', ids).execute();
    }
    await s.updateTable('member_blocks').set({ reason: '', lift_reason: null }).where('member_id', 'in', ids).execute();
    photoFiles = await checkins.eraseContent(tx, ctx.workspaceId, ids);
    await s.updateTable('members').set({ nickname: '', phone: null, attributes: '{}', search_text: '', erased_at: now, updated_at: now })
      .where('id', 'in', ids).execute();
    // A merge's entries on the other member hold a snapshot of this person too (an undone merge leaves them there).
    // Entries written on the other member while the two were merged hold this person's data as well.
    const merges = await s.selectFrom('member_merges').select(['id', 'survivor_id', 'merged_id', 'merged_at', 'undone_at'])
      .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)])).execute();
    await redactMergeAudit(s, merges.map((m) => m.id), merges.flatMap((m) => [m.survivor_id, m.merged_id]));
    for (const merge of merges) await redactAuditWindow(s, [merge.survivor_id, merge.merged_id], merge.merged_at, merge.undone_at ?? now);
    for (const id of ids) {
      await redactMemberAudit(s, id);
      await refreshSearch(tx, members.dialect, ctx.workspaceId, id);
    }
    await recordAudit(tx, ctx, { action: 'member.erase', entity: 'member', entityId: memberNo, memberId: row.id, after: { erasedAt: now, numbers: ids.length } });
    return members.detail(s, (await q.findById(s, row.id))!);
  });
  // The files go once the rows are gone for good; a failed transaction leaves both in place.
  await checkins.photos.removeAll(photoFiles);
  return erased;
}
