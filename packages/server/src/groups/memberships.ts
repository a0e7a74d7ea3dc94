// Who is (and was) in a group: a history of join/leave periods with their source, and the group nicknames people
// used there, kept in their nickname history.
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { conflict, invalid } from '../http/errors.js';
import type { MemberService } from '../members/service.js';
import { refreshSearch } from '../members/search-index.js';
import * as q from './queries.js';
import type { GroupService } from './service.js';

type MembershipRow = Awaited<ReturnType<typeof q.findMembership>>;

export function toMembershipOut(row: MembershipRow) {
  return {
    id: row.id, memberNo: row.member_no, nickname: row.nickname, joinedAt: row.joined_at, leftAt: row.left_at,
    source: row.source, groupNickname: row.group_nickname,
  };
}

/** Groups that take no new members. */
export function assertAcceptsMembers(status: string) {
  if (status === 'archived' || status === 'dissolved') {
    throw conflict('group.closed', `This group is ${status} and takes no members`, { status });
  }
}

export class GroupMemberships {
  constructor(private readonly groups: GroupService, private readonly members: MemberService) {}

  async list(ctx: AccessContext, groupId: number, input: { period: 'current' | 'all'; cursor?: string; limit: number }) {
    await this.groups.requireRow(this.groups.db, ctx, groupId);
    const rows = await q.listMemberships(scoped(this.groups.db, ctx.workspaceId), groupId, {
      current: input.period === 'current', beforeId: input.cursor ? Number(input.cursor) : undefined, limit: input.limit,
    });
    const items = rows.slice(0, input.limit).map(toMembershipOut);
    return { items, nextCursor: rows.length > input.limit ? String(items[items.length - 1]!.id) : null };
  }

  async ofMember(ctx: AccessContext, memberNo: number) {
    const s = scoped(this.groups.db, ctx.workspaceId);
    const { row } = await this.members.resolve(s, memberNo);
    return (await q.groupsOfMember(s, row.id)).map((m) => ({
      id: m.id, group: { id: m.group_id, name: m.name, platform: m.platform, status: m.status },
      joinedAt: m.joined_at, leftAt: m.left_at, source: m.source, groupNickname: m.group_nickname,
    }));
  }

  async join(ctx: AccessContext, groupId: number, input: { memberNo: number; joinedAt?: string; groupNickname?: string }) {
    return this.groups.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const group = await this.groups.requireRow(tx, ctx, groupId);
      assertAcceptsMembers(group.status);
      const { row: member } = await this.members.resolve(s, input.memberNo);
      if (member.erased_at) throw conflict('member.erased', 'This member was erased', { memberNo: 'erased' });
      if (await q.openMembership(s, groupId, member.id)) throw conflict('group.already_member', `Member ${member.member_no} is already in this group`, { memberNo: 'already in the group' });
      if (Number(group.member_count ?? 0) >= group.capacity) throw conflict('group.at_capacity', `The group has reached its capacity of ${group.capacity}`, { memberNo: 'the group is full' });
      const joinedAt = input.joinedAt ? new Date(input.joinedAt).toISOString() : nowIso();
      const id = await this.enter(tx, ctx, { id: groupId, name: group.name }, member.id, 'manual', joinedAt, input.groupNickname ?? null);
      const out = toMembershipOut(await q.findMembership(s, id));
      await recordAudit(tx, ctx, { action: 'group.member_join', entity: 'group', entityId: groupId, memberId: member.id, after: out });
      return out;
    });
  }

  async leave(ctx: AccessContext, groupId: number, memberNo: number, leftAtInput?: string) {
    return this.groups.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      await this.groups.requireRow(tx, ctx, groupId);
      const { row: member } = await this.members.resolve(s, memberNo);
      const open = await q.openMembership(s, groupId, member.id);
      if (!open) throw conflict('group.not_member', `Member ${member.member_no} is not in this group`, { memberNo: 'not in the group' });
      const leftAt = leftAtInput ? new Date(leftAtInput).toISOString() : nowIso();
      if (leftAt < open.joined_at) throw invalid('group.left_before_joined', 'A member cannot leave before joining', { leftAt: `must be after ${open.joined_at}` });
      await s.updateTable('group_memberships').set({ left_at: leftAt }).where('id', '=', open.id).execute();
      const out = toMembershipOut(await q.findMembership(s, open.id));
      await recordAudit(tx, ctx, { action: 'group.member_leave', entity: 'group', entityId: groupId, memberId: member.id, after: out });
      return out;
    });
  }

  /** Opens a period and records the group nickname in the member's history when it is new there. */
  async enter(tx: Executor, ctx: AccessContext, group: { id: number; name: string }, memberId: number, source: string, joinedAt: string, groupNickname: string | null) {
    const id = await q.insertMembership(tx, { workspace_id: ctx.workspaceId, group_id: group.id, member_id: memberId, joined_at: joinedAt, source, group_nickname: groupNickname });
    if (groupNickname) await this.noteNickname(tx, scoped(tx, ctx.workspaceId), ctx, group.name, memberId, groupNickname, joinedAt);
    return id;
  }

  /** `at` is when the name was seen (the join time for a join; now for a list import). */
  async noteNickname(tx: Executor, s: Scoped, ctx: AccessContext, groupName: string, memberId: number, nickname: string, at = nowIso()) {
    const context = `group:${groupName}`;
    const member = await s.selectFrom('members').select('nickname').where('id', '=', memberId).executeTakeFirstOrThrow();
    const last = await q.lastNickname(s, memberId, context);
    if (member.nickname === nickname || last?.nickname === nickname) return;
    await tx.insertInto('nickname_history').values({ workspace_id: ctx.workspaceId, member_id: memberId, nickname, context, at }).execute();
    await refreshSearch(tx, this.members.dialect, ctx.workspaceId, memberId);
  }
}
