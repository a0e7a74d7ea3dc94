// group_leave_rate_7d (domain_ops.md §1.2 退群预警: 新群 7日退群率 > 15%): of the members who joined a new group in
// its first 7 days, the share who left within 7 days of joining. One instance per group: `group:<id>`.
import { type Condition, percent } from './types.js';
import { groupsCreatedSince, membershipsBefore } from './queries.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Fewer joiners than this say nothing about a group. */
export const MIN_JOINERS = 10;

/**
 * A group starts when it was created, or at its first known join when that is earlier (groups are often entered
 * here after they began). Measured for groups that started 7 to 30 days ago.
 */
export const groupLeaveRate: Condition = async ({ s, now }) => {
  const since = now.getTime() - 30 * DAY;
  const groups = (await groupsCreatedSince(s, new Date(since).toISOString()))
    .map((g) => ({ ...g, start: Math.min(Date.parse(g.created_at), g.first_join ? Date.parse(g.first_join) : Infinity) }))
    .filter((g) => g.start >= since && g.start <= now.getTime() - WEEK);
  if (groups.length === 0) return { findings: [] };
  const latestWindowEnd = Math.max(...groups.map((g) => g.start + WEEK));
  const memberships = await membershipsBefore(s, groups.map((g) => g.id), new Date(latestWindowEnd).toISOString());
  return {
    findings: groups.flatMap((g) => {
      // Each member's first membership that began in the group's first week.
      const firstJoin = new Map<number, { joined: number; left: number | null }>();
      for (const m of memberships) {
        const joined = Date.parse(m.joined_at);
        if (m.group_id !== g.id || joined < g.start || joined >= g.start + WEEK) continue;
        const seen = firstJoin.get(m.member_id);
        if (!seen || joined < seen.joined) firstJoin.set(m.member_id, { joined, left: m.left_at ? Date.parse(m.left_at) : null });
      }
      const joiners = firstJoin.size;
      if (joiners < MIN_JOINERS) return [];
      const left = [...firstJoin.values()].filter((m) => m.left !== null && m.left <= now.getTime() && m.left - m.joined <= WEEK).length;
      return [{
        subject: `group:${g.id}`,
        measure: { value: (left * 100) / joiners, ratio: { numerator: left, denominator: joiners } },
        staffIds: [g.owner_staff_id],
        message: ({ threshold }) => `新群「${g.name}」7日退群率 ${percent(left, joiners)}：开群后 7 天内入群 ${joiners} 人，其中 ${left} 人入群 7 天内退群（阈值 ${threshold}%）`,
      }];
    }),
  };
};
