// 日报: one staff member's day (domain_ops.md §5.2) — their groups and campaigns, growth, service (check-in rates,
// absentees, members short of the requirement), SOP tasks, conversion, problems, points, and tomorrow's plan.
import { addDays, dayStartUtc } from '../analytics/days.js';
import type { CampaignOut } from '../campaigns/schema.js';
import { absentees } from '../checkins/absentees.js';
import type { StaffOut } from '../staff/schema.js';
import { DAILY_DEFINITIONS } from './definitions.js';
import * as q from './queries.js';
import { campaignDayOf, ratio, Roster } from './roster.js';
import type { DailyOut } from './schema.js';
import { sumSop, type BriefingScope } from './scope.js';

const CLOSED_GROUP = new Set(['archived', 'dissolved']);

export async function dailyReport(scope: BriefingScope, staff: StaffOut, date: string): Promise<DailyOut> {
  const { ctx, s, timezone } = scope;
  const tomorrow = addDays(date, 1);
  const span = { lo: dayStartUtc(date, timezone), hi: dayStartUtc(tomorrow, timezone) };
  const teams = await scope.staff.listTeams(ctx);
  const team = teams.find((t) => t.id === staff.teamId);

  const campaigns = new Map((await scope.deps.campaigns.listCampaigns(ctx, {}, scope.now)).map((c) => [c.id, c]));
  const running = (campaignId: number | null) => {
    const c = campaignId === null ? undefined : campaigns.get(campaignId);
    return c && c.archivedAt === null && campaignDayOf(c, date) !== null ? c : null;
  };
  const groups = (await q.groupsOwnedBy(s, [staff.id])).filter((g) => !CLOSED_GROUP.has(g.status) || running(g.campaign_id) !== null);
  const groupIds = groups.map((g) => g.id);
  const mine = new Set(groupIds);
  const served = [...new Set(groups.map((g) => running(g.campaign_id)).filter((c): c is CampaignOut => c !== null))].sort((a, b) => a.id - b.id);

  // 拉新: joins and leaves per group (distinct members), signups through the channels they own.
  const moves = await q.membershipMoves(s, groupIds, span);
  const byGroup = groups.map((g) => {
    const rows = moves.filter((m) => m.group_id === g.id);
    const joins = new Set(rows.filter((m) => m.joined_at >= span.lo && m.joined_at < span.hi).map((m) => m.member_id)).size;
    const leaves = new Set(rows.filter((m) => m.left_at !== null && m.left_at >= span.lo && m.left_at < span.hi).map((m) => m.member_id)).size;
    return { groupId: g.id, name: g.name, joins, leaves, net: joins - leaves };
  });
  const channels = await q.liveChannels(s, [staff.id]);
  const signups = await q.signupsByChannel(s, channels.map((c) => c.id), span);
  const byChannel = channels.map((c) => ({ channelId: c.id, name: c.name, signups: signups.get(c.id) ?? 0 }));

  // 服务: per group of theirs in a campaign running that day.
  const service: DailyOut['service'] = { checkinRate: ratio(0, 0), byGroup: [], absentees: [], short: [] };
  let checked = 0;
  let due = 0;
  for (const c of served) {
    const dayIndex = campaignDayOf(c, date)!;
    const roster = await Roster.load(s, c);
    const end = roster.dayEnd(dayIndex);
    const groupOf = new Map(roster.enrollments.map((e) => [e.id, roster.groupAt(e, end)]));
    for (const g of groups.filter((x) => x.campaign_id === c.id)) {
      const rate = roster.dayRate(dayIndex, (e) => groupOf.get(e.id) === g.id);
      checked += rate.numerator;
      due += rate.denominator;
      service.byGroup.push({ groupId: g.id, name: g.name, campaignKey: c.key, dayIndex, rate });
    }
    const absent = await absentees(s, c, date, scope.now);
    for (const a of absent.items) {
      const groupId = groupOf.get(a.enrollmentId) ?? null;
      if (groupId === null || !mine.has(groupId)) continue;
      service.absentees.push({
        memberNo: a.member.memberNo, nickname: a.member.nickname, group: { id: groupId, name: roster.groups.get(groupId)!.name },
        campaignKey: c.key, counted: a.counted, required: a.required, remaining: a.remaining,
      });
    }
    for (const e of roster.enrollments) {
      const groupId = groupOf.get(e.id) ?? null;
      if (groupId === null || !mine.has(groupId)) continue;
      const st = roster.standing(e, dayIndex);
      if (st.standing !== 'borderline' && st.standing !== 'out_of_reach') continue;
      service.short.push({
        memberNo: e.member_no, nickname: e.nickname, group: { id: groupId, name: roster.groups.get(groupId)!.name },
        campaignKey: c.key, counted: st.counted, short: st.short, standing: st.standing,
      });
    }
  }
  service.checkinRate = ratio(checked, due);
  service.short.sort((a, b) => a.short - b.short || a.memberNo - b.memberNo);

  const sopRows = await scope.deps.sops.stats(ctx, { from: date, to: date, groupBy: 'staff', staffId: staff.id });
  const points = await q.pointsOfDay(s, staff.id, date);
  const tasks = await q.tasksDue(s, staff.id, tomorrow);
  const work = await q.workItemsDue(s, staff.id, tomorrow);

  return {
    date,
    tomorrow,
    timezone,
    generatedAt: scope.now.toISOString(),
    staff: { id: staff.id, displayName: staff.displayName, role: staff.role, team: team ? { id: team.id, name: team.name } : null },
    groups: groups.map((g) => {
      const c = g.campaign_id === null ? undefined : campaigns.get(g.campaign_id);
      return { id: g.id, name: g.name, status: g.status, campaign: c ? { id: c.id, key: c.key, name: c.name } : null };
    }),
    campaigns: served.map((c) => ({ id: c.id, key: c.key, name: c.name, dayIndex: campaignDayOf(c, date)!, daysTotal: c.rules.daysTotal })),
    growth: {
      joins: byGroup.reduce((a, g) => a + g.joins, 0),
      leaves: byGroup.reduce((a, g) => a + g.leaves, 0),
      net: byGroup.reduce((a, g) => a + g.net, 0),
      byGroup,
      signups: byChannel.reduce((a, c) => a + c.signups, 0),
      byChannel,
    },
    service,
    sop: sumSop(sopRows.filter((r) => r.key === staff.id)),
    conversion: await q.conversion(s, groupIds, channels.map((c) => c.id), span),
    problems: { recorded: await q.problemsRecorded(s, staff.id, span), answersUsed: await q.answersUsed(s, staff.id, span) },
    points: { total: points.reduce((a, p) => a + Number(p.points), 0), entries: points.map((p) => ({ points: Number(p.points), reason: p.reason, ruleKind: p.rule_kind })) },
    plan: {
      sopTasks: tasks.map((t) => ({
        id: t.id, title: t.title, group: t.group_id === null ? null : { id: t.group_id, name: t.group_name ?? '' }, windowStartAt: t.window_start_at, windowEndAt: t.window_end_at,
      })),
      workItems: work.map((w) => ({ id: w.id, title: w.title, category: w.category, dueOn: w.due_on!, status: w.status, overdue: w.due_on! < tomorrow })),
    },
    definitions: DAILY_DEFINITIONS,
  };
}
