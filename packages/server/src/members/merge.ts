// Merging duplicates: one person who got two numbers. Everything the merged member had moves to the survivor,
// its number keeps resolving to the survivor, and a snapshot of exactly what moved makes the merge undoable.
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import * as q from './queries.js';
import type { Attributes, Member } from './schema.js';
import { refreshSearch } from './search-index.js';
import type { MemberService } from './service.js';

interface MergeSnapshot {
  identityIds: number[];
  nicknameIds: number[];
  recordIds: number[];
  blockIds: number[];
  movedTagIds: number[];
  /** Tags both had: the merged member's assignment is dropped and restored on undo. */
  droppedTags: Array<{ tagId: number; addedBy: number | null; addedAt: string }>;
  addedAttributeKeys: string[];
  /** Enrollments moved to the survivor (their payments follow them; their check-ins' member moves too). Absent in older snapshots. */
  enrollmentIds?: number[];
  /** Member sessions moved to the survivor, so a phone signed in as the merged member stays signed in. */
  sessionIds?: string[];
}

export class MemberMerges {
  constructor(private readonly members: MemberService) {}

  async merge(ctx: AccessContext, survivorNo: number, fromNo: number): Promise<{ merge: MergeOut; member: Member }> {
    return this.members.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const { row: survivor } = await this.members.resolve(s, survivorNo);
      const merged = await q.findByNo(s, fromNo);
      if (!merged) throw new AppError(404, 'member.not_found', `Member ${fromNo} not found`, { fromMemberNo: 'no such member' });
      if (merged.merged_into_id !== null) throw conflict('member.already_merged', `Member ${fromNo} is already merged`, { fromMemberNo: 'already merged' });
      if (merged.id === survivor.id) throw new AppError(400, 'member.merge_self', 'A member cannot be merged into itself', { fromMemberNo: 'same member' });
      if (merged.erased_at || survivor.erased_at) throw conflict('member.erased', 'Erased members cannot be merged', { fromMemberNo: 'erased' });

      await refuseEnrollmentConflict(s, merged, survivor);
      const before = { survivor: await this.members.detail(s, survivor), merged: await this.members.detail(s, merged) };
      const snapshot = await moveEverything(s, merged, survivor);
      const now = nowIso();
      await q.updateMember(s, merged.id, { merged_into_id: survivor.id, updated_at: now });
      await q.updateMember(s, survivor.id, { updated_at: now });
      await refreshSearch(tx, this.members.dialect, ctx.workspaceId, merged.id);
      await refreshSearch(tx, this.members.dialect, ctx.workspaceId, survivor.id);
      const inserted = await tx.insertInto('member_merges').values({
        workspace_id: ctx.workspaceId, survivor_id: survivor.id, merged_id: merged.id, snapshot: JSON.stringify(snapshot),
        merged_by: ctx.staffId, merged_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const member = await this.members.detail(s, (await q.findById(s, survivor.id))!);
      for (const memberId of [survivor.id, merged.id]) {
        await recordAudit(tx, ctx, { action: 'member.merge', entity: 'member', entityId: memberId === survivor.id ? survivor.member_no : merged.member_no,
          memberId, before, after: { survivor: member, mergeId: inserted.id } });
      }
      return { merge: (await this.listIn(s, survivor.id)).find((m) => m.id === inserted.id)!, member };
    });
  }

  async undo(ctx: AccessContext, mergeId: number): Promise<{ member: Member }> {
    return this.members.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const merge = await s.selectFrom('member_merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
      if (!merge) throw notFound('merge');
      if (merge.undone_at) throw conflict('merge.already_undone', 'This merge was already undone');
      const survivor = (await q.findById(s, merge.survivor_id))!;
      const merged = (await q.findById(s, merge.merged_id))!;
      if (survivor.merged_into_id !== null) throw conflict('merge.survivor_merged', `Member ${survivor.member_no} was merged again since; undo that merge first`);
      if (survivor.erased_at) throw conflict('member.erased', 'The surviving member was erased; the merge cannot be undone');
      const before = await this.members.detail(s, survivor);
      await moveBack(tx, s, JSON.parse(merge.snapshot) as MergeSnapshot, merged.id, survivor.id);
      const now = nowIso();
      await q.updateMember(s, merged.id, { merged_into_id: null, updated_at: now });
      await q.updateMember(s, survivor.id, { updated_at: now });
      await s.updateTable('member_merges').set({ undone_at: now, undone_by: ctx.staffId }).where('id', '=', mergeId).execute();
      for (const id of [survivor.id, merged.id]) {
        await q.syncPhone(s, id);
        await refreshSearch(tx, this.members.dialect, ctx.workspaceId, id);
      }
      const member = await this.members.detail(s, (await q.findById(s, survivor.id))!);
      const restored = await this.members.detail(s, (await q.findById(s, merged.id))!);
      for (const [memberId, no] of [[survivor.id, survivor.member_no], [merged.id, merged.member_no]] as const) {
        await recordAudit(tx, ctx, { action: 'member.merge_undo', entity: 'member', entityId: no, memberId, before, after: { survivor: member, restored, mergeId } });
      }
      return { member };
    });
  }

  async list(ctx: AccessContext, memberNo: number): Promise<MergeOut[]> {
    const s = scoped(this.members.db, ctx.workspaceId);
    const { row } = await this.members.resolve(s, memberNo);
    return this.listIn(s, row.id);
  }

  private async listIn(s: Scoped, memberId: number): Promise<MergeOut[]> {
    const rows = await s.selectFrom('member_merges')
      .innerJoin('members as sv', 'sv.id', 'member_merges.survivor_id')
      .innerJoin('members as mg', 'mg.id', 'member_merges.merged_id')
      .leftJoin('staff', 'staff.id', 'member_merges.merged_by')
      .select(['member_merges.id', 'sv.member_no as survivor_no', 'mg.member_no as merged_no', 'member_merges.merged_at',
        'member_merges.merged_by', 'staff.display_name', 'member_merges.undone_at'])
      .where((eb) => eb.or([eb('member_merges.survivor_id', '=', memberId), eb('member_merges.merged_id', '=', memberId)]))
      .orderBy('member_merges.id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id, survivorNo: r.survivor_no, mergedNo: r.merged_no, at: r.merged_at,
      by: r.merged_by !== null ? { id: r.merged_by, displayName: r.display_name ?? '' } : null, undoneAt: r.undone_at,
    }));
  }
}

export interface MergeOut {
  id: number;
  survivorNo: number;
  mergedNo: number;
  at: string;
  by: { id: number; displayName: string } | null;
  undoneAt: string | null;
}

/**
 * One member holds one enrollment per campaign. When both are enrolled in a campaign the merge is refused while
 * the merged member's enrollment is active (staff cancel one first, or keep the other number); a cancelled one of
 * the merged member stays with that number, as a record.
 */
async function refuseEnrollmentConflict(s: Scoped, from: q.MemberRow, to: q.MemberRow): Promise<void> {
  const of = (memberId: number) => s.selectFrom('enrollments').innerJoin('campaigns', 'campaigns.id', 'enrollments.campaign_id')
    .select(['enrollments.campaign_id', 'enrollments.status', 'campaigns.key']).where('enrollments.member_id', '=', memberId).orderBy('campaigns.key').execute();
  const survivors = new Map((await of(to.id)).map((e) => [e.campaign_id, e.status]));
  const clash = (await of(from.id)).find((e) => e.status === 'active' && survivors.has(e.campaign_id));
  if (!clash) return;
  const hint = survivors.get(clash.campaign_id) === 'active'
    ? `cancel one of the two enrollments in ${clash.key} first`
    : `member ${to.member_no}'s enrollment in ${clash.key} is cancelled: keep member ${from.member_no} instead`;
  throw new AppError(409, 'member.merge_enrollment_conflict', `Both members are enrolled in ${clash.key}: ${hint}`, { fromMemberNo: `both enrolled in ${clash.key}` });
}

async function moveEverything(s: Scoped, from: q.MemberRow, to: q.MemberRow): Promise<MergeSnapshot> {
  const ids = async (table: 'member_identities' | 'nickname_history' | 'service_records' | 'member_blocks') =>
    (await s.selectFrom(table).select('id').where('member_id', '=', from.id).execute()).map((r) => r.id);
  const snapshot: MergeSnapshot = {
    identityIds: await ids('member_identities'),
    nicknameIds: await ids('nickname_history'),
    recordIds: await ids('service_records'),
    blockIds: await ids('member_blocks'),
    movedTagIds: [],
    droppedTags: [],
    addedAttributeKeys: [],
  };
  for (const table of ['member_identities', 'nickname_history', 'service_records', 'member_blocks'] as const) {
    await s.updateTable(table).set({ member_id: to.id }).where('member_id', '=', from.id).execute();
  }
  const survivorTags = new Set((await s.selectFrom('member_tags').select('tag_id').where('member_id', '=', to.id).execute()).map((t) => t.tag_id));
  for (const tag of await s.selectFrom('member_tags').select(['tag_id', 'added_by', 'added_at']).where('member_id', '=', from.id).execute()) {
    if (survivorTags.has(tag.tag_id)) {
      snapshot.droppedTags.push({ tagId: tag.tag_id, addedBy: tag.added_by, addedAt: tag.added_at });
      await s.deleteFrom('member_tags').where('member_id', '=', from.id).where('tag_id', '=', tag.tag_id).execute();
    } else {
      snapshot.movedTagIds.push(tag.tag_id);
      await s.updateTable('member_tags').set({ member_id: to.id }).where('member_id', '=', from.id).where('tag_id', '=', tag.tag_id).execute();
    }
  }
  const toAttributes = JSON.parse(to.attributes) as Attributes;
  const fromAttributes = JSON.parse(from.attributes) as Attributes;
  for (const [key, value] of Object.entries(fromAttributes)) {
    if (!(key in toAttributes)) {
      toAttributes[key] = value;
      snapshot.addedAttributeKeys.push(key);
    }
  }
  await q.updateMember(s, to.id, { attributes: JSON.stringify(toAttributes) });
  await q.syncPhone(s, to.id);
  await q.syncPhone(s, from.id);
  // Enrollments of campaigns the survivor is not in (the rest are cancelled ones: refuseEnrollmentConflict).
  const theirs = s.selectFrom('enrollments').select('campaign_id').where('member_id', '=', to.id);
  snapshot.enrollmentIds = (await s.selectFrom('enrollments').select('id').where('member_id', '=', from.id).where('campaign_id', 'not in', theirs).execute()).map((e) => e.id);
  if (snapshot.enrollmentIds.length) {
    await s.updateTable('enrollments').set({ member_id: to.id }).where('id', 'in', snapshot.enrollmentIds).execute();
    await s.updateTable('checkins').set({ member_id: to.id }).where('enrollment_id', 'in', snapshot.enrollmentIds).execute();
  }
  snapshot.sessionIds = (await s.selectFrom('member_sessions').select('id').where('member_id', '=', from.id).execute()).map((m) => m.id);
  await s.updateTable('member_sessions').set({ member_id: to.id }).where('member_id', '=', from.id).execute();
  return snapshot;
}

async function moveBack(tx: Executor, s: Scoped, snap: MergeSnapshot, mergedId: number, survivorId: number): Promise<void> {
  const moves = [
    ['member_identities', snap.identityIds], ['nickname_history', snap.nicknameIds],
    ['service_records', snap.recordIds], ['member_blocks', snap.blockIds],
  ] as const;
  for (const [table, ids] of moves) {
    if (ids.length) await s.updateTable(table).set({ member_id: mergedId }).where('id', 'in', [...ids]).where('member_id', '=', survivorId).execute();
  }
  const enrollmentIds = snap.enrollmentIds ?? [];
  if (enrollmentIds.length) {
    await s.updateTable('enrollments').set({ member_id: mergedId }).where('id', 'in', enrollmentIds).where('member_id', '=', survivorId).execute();
    await s.updateTable('checkins').set({ member_id: mergedId }).where('enrollment_id', 'in', enrollmentIds).where('member_id', '=', survivorId).execute();
  }
  const sessionIds = snap.sessionIds ?? [];
  if (sessionIds.length) await s.updateTable('member_sessions').set({ member_id: mergedId }).where('id', 'in', sessionIds).where('member_id', '=', survivorId).execute();
  if (snap.movedTagIds.length) {
    await s.updateTable('member_tags').set({ member_id: mergedId }).where('member_id', '=', survivorId).where('tag_id', 'in', snap.movedTagIds).execute();
  }
  for (const tag of snap.droppedTags) {
    await tx.insertInto('member_tags').values({ workspace_id: s.workspaceId, member_id: mergedId, tag_id: tag.tagId, added_by: tag.addedBy, added_at: tag.addedAt })
      .onConflict((oc) => oc.doNothing()).execute();
  }
  if (snap.addedAttributeKeys.length) {
    const survivor = (await q.findById(s, survivorId))!;
    const attributes = JSON.parse(survivor.attributes) as Attributes;
    for (const key of snap.addedAttributeKeys) delete attributes[key];
    await q.updateMember(s, survivorId, { attributes: JSON.stringify(attributes) });
  }
}
