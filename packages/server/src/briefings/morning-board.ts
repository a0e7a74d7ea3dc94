// 早会看板 (domain_ops.md §5.3): yesterday against target per team, SOP completion by person and group with the
// overdue list, red flags, the channel table of yesterday, and the campaigns running — for one team or all.
import { addDays, dayStartUtc } from '../analytics/days.js';
import type { CampaignOut } from '../campaigns/schema.js';
import { channelStats } from '../channels/stats.js';
import { absentees } from '../checkins/absentees.js';
import { AppError } from '../http/errors.js';
import { channelsReport } from '../reports/channels.js';
import { morningDefinitions } from './definitions.js';
import * as q from './queries.js';
import { campaignDayOf, ratio, Roster } from './roster.js';
import type { MorningOut, Ref } from './schema.js';
import { sumSop, type BriefingScope } from './scope.js';

/** A group whose members left faster than this over 7 days is a red flag (domain_ops.md §1.2, 新群 7 日退群率). */
export const LEAVE_RATE_THRESHOLD = 0.15;
const OPEN_GROUP = new Set(['open', 'full']);

const refOf = (id: number | null, name: string | null | undefined): Ref | null => (id === null ? null : { id, name: name ?? '' });

export async function morningBoard(scope: BriefingScope, teamId: number | null, date: string): Promise<MorningOut> {
  const { ctx, s, timezone, deps } = scope;
  const yesterday = addDays(date, -1);
  const span = { lo: dayStartUtc(yesterday, timezone), hi: dayStartUtc(date, timezone) };
  const teams = await scope.staff.listTeams(ctx);
  const team = teamId === null ? null : teams.find((t) => t.id === teamId);
  if (team === undefined) throw new AppError(404, 'team.not_found', 'Team not found', { teamId: 'no such team' });
  const staff = await scope.staff.list(ctx);
  /** The team's staff ids, or null for the whole workspace. */
  const members = team === null ? null : staff.filter((m) => m.teamId === team.id).map((m) => m.id);
  const onTeam = (staffId: number | null) => members === null || (staffId !== null && members.includes(staffId));
  const inTeam = (id: number | null) => team === null || id === team.id;

  // 1) yesterday against target, and each team's standing (completion vs time elapsed) as yesterday ended.
  const attainment = (await deps.goals.dayAttainment(ctx, yesterday)).filter((a) => inTeam(a.teamId)).map((a) => ({
    goalId: a.goalId, goalName: a.goalName, metric: a.metric, team: refOf(a.teamId, a.teamName),
    planned: a.planned, target: a.target, actual: a.actual, met: a.met, achievement: ratio(a.actual, a.target),
  }));
  const standings = (await deps.goals.standings(ctx, new Date(span.hi))).filter((g) => inTeam(g.teamId)).map((g) => ({
    goalId: g.goalId, goalName: g.goalName, metric: g.metric, team: refOf(g.teamId, g.teamName),
    target: g.target, achieved: g.achieved, completion: g.completion, timeElapsed: g.timeElapsed, gapPoints: g.gapPoints,
  }));

  // 2) SOP completion by person and by group, and what is overdue.
  const sopQuery = { from: yesterday, to: yesterday, ...(team ? { teamId: team.id } : {}) };
  const byStaff = await deps.sops.stats(ctx, { ...sopQuery, groupBy: 'staff' });
  const byGroup = await deps.sops.stats(ctx, { ...sopQuery, groupBy: 'group' });
  const overdue = await q.overdueTasks(s, addDays(yesterday, -6), yesterday, members);

  // 3) red flags.
  const alerts = (await deps.alerts.openAlerts(ctx)).filter((a) => members === null || (a.staffId !== null && members.includes(a.staffId)));
  const campaigns = (await deps.campaigns.listCampaigns(ctx, {}, scope.now))
    .filter((c) => c.archivedAt === null && campaignDayOf(c, yesterday) !== null).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id - b.id);
  const missedTwice: MorningOut['redFlags']['missedTwice'] = [];
  const campaignRows: MorningOut['campaigns'] = [];
  for (const c of campaigns) {
    const dayIndex = campaignDayOf(c, yesterday)!;
    const roster = await Roster.load(s, c);
    const end = roster.dayEnd(dayIndex);
    const groupOf = new Map(roster.enrollments.map((e) => [e.id, roster.groupAt(e, end)]));
    const ownerOf = (groupId: number | null | undefined) => (groupId == null ? null : roster.groups.get(groupId)?.ownerId ?? null);
    const counted = (e: { id: number }) => team === null || onTeam(ownerOf(groupOf.get(e.id)));
    if (dayIndex >= 2) {
      const [today, before] = await Promise.all([absentees(s, c, yesterday, scope.now), absentees(s, c, addDays(yesterday, -1), scope.now)]);
      const earlier = new Set(before.items.map((a) => a.enrollmentId));
      for (const a of today.items) {
        if (!earlier.has(a.enrollmentId) || !counted({ id: a.enrollmentId })) continue;
        const groupId = groupOf.get(a.enrollmentId) ?? null;
        const group = groupId === null ? undefined : roster.groups.get(groupId);
        missedTwice.push({
          memberNo: a.member.memberNo, nickname: a.member.nickname, campaignKey: c.key,
          group: group ? { id: group.id, name: group.name } : null, owner: group ? refOf(group.ownerId, group.ownerName) : null,
          lastCheckinDay: a.lastCheckin?.dayIndex ?? null,
        });
      }
    }
    const row = campaignRow(c, roster, dayIndex, counted);
    if (team === null || row.participants > 0) campaignRows.push(row);
  }

  const groups = (await q.groupsOwnedBy(s, members ?? staff.map((m) => m.id))).filter((g) => OPEN_GROUP.has(g.status));
  const windowSpan = { lo: dayStartUtc(addDays(yesterday, -6), timezone), hi: span.hi };
  const during = await q.membershipsDuring(s, groups.map((g) => g.id), windowSpan);
  const ownerName = new Map(staff.map((m) => [m.id, m.displayName]));
  const leaveRates = groups.map((g) => {
    const rows = during.filter((m) => m.group_id === g.id);
    const left = new Set(rows.filter((m) => m.left_at !== null && m.left_at < windowSpan.hi).map((m) => m.member_id)).size;
    return { group: { id: g.id, name: g.name }, owner: refOf(g.owner_staff_id, ownerName.get(g.owner_staff_id ?? 0)), rate: ratio(left, new Set(rows.map((m) => m.member_id)).size) };
  }).filter((g) => (g.rate.value ?? 0) > LEAVE_RATE_THRESHOLD).sort((a, b) => b.rate.value! - a.rate.value!);

  // 4) the channel table of yesterday; cost and CAC (all time) from the channels report.
  const channels = await q.liveChannels(s, members);
  const signups = await q.signupsByChannel(s, channels.map((c) => c.id), span);
  const paid = await q.paidByChannel(s, channels.map((c) => c.id), span);
  const allTime = channels.length === 0 ? [] : (await channelsReport.run({ db: scope.db, workspaceId: ctx.workspaceId, timezone, now: scope.now }, {})).channels as Array<{ channel_id: number; cost_cents: number; cac_cents: number | null }>;
  const money = new Map(allTime.map((c) => [c.channel_id, c]));
  const channelRows: MorningOut['channels'] = [];
  for (const c of channels) {
    const stats = await channelStats(s, c.id, timezone, { from: yesterday, to: yesterday });
    channelRows.push({
      channelId: c.id, name: c.name, owner: refOf(c.owner_staff_id, c.owner_name), visits: stats.visits, uniqueVisitors: stats.uniqueVisitors,
      signups: signups.get(c.id) ?? 0, joins: stats.byGroup.reduce((a, g) => a + g.joins, 0), paid: paid.get(c.id) ?? 0,
      costCents: money.get(c.id)?.cost_cents ?? 0, cacCents: money.get(c.id)?.cac_cents ?? null,
    });
  }

  return {
    date,
    yesterday,
    timezone,
    generatedAt: scope.now.toISOString(),
    team: team ? { id: team.id, name: team.name } : null,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    goals: { attainment, standings },
    sop: {
      total: sumSop(byStaff),
      byStaff: byStaff.map((r) => ({ ...r })),
      byGroup: byGroup.map((r) => ({ ...r })),
      overdue: overdue.map((t) => ({
        id: t.id, title: t.title, dueDate: t.due_date, status: t.status, windowEndAt: t.window_end_at,
        group: refOf(t.group_id, t.group_name), assignee: refOf(t.assignee_staff_id, t.assignee_name),
      })),
    },
    redFlags: { alerts, missedTwice, leaveThreshold: LEAVE_RATE_THRESHOLD, leaveRates },
    channels: channelRows,
    campaigns: campaignRows,
    definitions: morningDefinitions(LEAVE_RATE_THRESHOLD),
  };
}

/** A running campaign as of the end of campaign day `dayIndex`, counting the enrollments `counted` accepts. */
function campaignRow(c: CampaignOut, roster: Roster, dayIndex: number, counted: (e: { id: number }) => boolean): MorningOut['campaigns'][number] {
  const tally = { met: 0, on_track: 0, borderline: 0, out_of_reach: 0 };
  let refundCount = 0;
  let refundCents = 0;
  let participants = 0;
  for (const e of roster.enrollments) {
    if (!counted(e)) continue;
    participants++;
    const { standing } = roster.standing(e, dayIndex);
    tally[standing]++;
    if ((standing === 'met' || standing === 'on_track') && e.paid_cents > 0) {
      refundCount++;
      refundCents += roster.refundDue(e);
    }
  }
  const curve = [];
  for (let d = 1; d <= dayIndex; d++) curve.push({ dayIndex: d, rate: roster.dayRate(d, counted) });
  return {
    id: c.id, key: c.key, name: c.name, dayIndex, daysTotal: c.rules.daysTotal, depositCents: c.depositCents, participants,
    checkinRate: curve[curve.length - 1]!.rate,
    met: tally.met, onTrack: tally.on_track, borderline: tally.borderline, outOfReach: tally.out_of_reach,
    expectedRefunds: c.depositCents > 0 ? { count: refundCount, cents: refundCents } : null,
    curve,
  };
}
