// What each metric of a goal counts, on a real database: rows credited to teams through the owners of groups and
// channels (and "unassigned" when nobody's team is responsible), the team, group and channel scopes, the check-in
// rate per day (counting rules of the member pages) and the members meeting the requirement as of each day.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PASSWORD, createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { ok } from './api-checks.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
const f = {
  t1: 0, t2: 0, prior: 0, main: 0, short: 0, g1: 0, g2: 0, g3: 0, gr: 0, c1: 0, c2: 0,
  m: [] as Array<{ id: number; memberNo: number }>,
  e: {} as Record<string, number>,
  r: {} as Record<string, number>,
};

const iso = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`).toISOString();

async function member(nickname: string, createdAt: string) {
  const row = await server.services.database.db.transaction().execute((tx) => server.services.members.createIn(tx, W.ctx, { nickname, createdAt }));
  return { id: row.id, memberNo: row.member_no };
}

/** An enrollment as a row with the time it was made (the routing that picks its group is the channels' to test). */
async function enrollment(e: { campaignId: number; memberId: number; groupId?: number; channelId?: number; at: string; cancelled?: boolean; paidAt?: string }) {
  const { id } = await server.services.database.db.insertInto('enrollments').values({
    workspace_id: W.id, campaign_id: e.campaignId, member_id: e.memberId, group_id: e.groupId ?? null, channel_id: e.channelId ?? null,
    source: 'staff', status: e.cancelled ? 'cancelled' : 'active', amount_due_cents: 9900, paid_at: e.paidAt ?? null,
    cancelled_at: e.cancelled ? e.at : null, created_at: e.at, updated_at: e.at,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

async function payment(enrollmentId: number, cents: number, paidAt: string) {
  await server.services.database.db.insertInto('payments').values({
    workspace_id: W.id, enrollment_id: enrollmentId, amount_cents: cents, paid_at: paidAt, reference: null, source: 'manual', recorded_by: null, created_at: paidAt,
  }).execute();
}

async function checkin(enrollmentId: number, memberId: number, day: number, c: { rejected?: boolean; makeup?: boolean; submittedAt?: string } = {}) {
  const dayDate = `2030-03-0${day + 1}`;
  const at = c.submittedAt ?? iso(dayDate, '08:00');
  await server.services.database.db.insertInto('checkins').values({
    workspace_id: W.id, campaign_id: f.short, enrollment_id: enrollmentId, member_id: memberId, day_index: day, day_date: dayDate, text: '打卡',
    submitted_at: at, updated_at: at, makeup: c.makeup ? 1 : 0, review_status: c.rejected ? 'rejected' : c.makeup ? 'pending' : 'none',
  }).execute();
}

async function goal(body: Record<string, unknown>) {
  return ok(owner.post('/api/v1/goals', { name: '目标', startsOn: '2030-03-02', endsOn: '2030-03-04', teams: 'all', ...body }), 201);
}

async function lines(goalId: number): Promise<Record<string, { actual: Array<number | null>; cells: any[] }>> {
  const progress = await ok(owner.get(`/api/v1/goals/${goalId}/progress`));
  const name = (l: any) => (l.kind === 'team' ? l.teamName : l.kind);
  return Object.fromEntries(progress.lines.map((l: any) => [name(l), { actual: l.cells.map((c: any) => c.actual), cells: l.cells }]));
}

const actuals = (ls: Record<string, { actual: Array<number | null> }>) => Object.fromEntries(Object.entries(ls).map(([k, v]) => [k, v.actual]));

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  const ctx = W.ctx;
  const s = server.services;
  f.t1 = (await s.staff.createTeam(ctx, { name: '运营一组' })).id;
  f.t2 = (await s.staff.createTeam(ctx, { name: '运营二组' })).id;
  const op1 = await s.staff.create(ctx, { username: 'op1', displayName: '李老师', password: PASSWORD, role: 'operator', teamId: f.t1 });
  const op2 = await s.staff.create(ctx, { username: 'op2', displayName: '陈老师', password: PASSWORD, role: 'operator', teamId: f.t2 });
  const op3 = await s.staff.create(ctx, { username: 'op3', displayName: '无组', password: PASSWORD, role: 'operator' });
  const series = await s.campaigns.createSeries(ctx, { key: 'X', name: '单词打卡' });
  f.prior = (await s.campaigns.createCampaign(ctx, { seriesId: series.id, name: '上一期', startsOn: '2030-02-01', endsOn: '2030-02-21' })).id;
  f.main = (await s.campaigns.createCampaign(ctx, { seriesId: series.id, name: '本期', startsOn: '2030-03-11', endsOn: '2030-03-31' })).id;
  f.short = (await s.campaigns.createCampaign(ctx, {
    seriesId: series.id, name: '三天体验', startsOn: '2030-03-02', endsOn: '2030-03-04', rules: { daysTotal: 3, daysRequiredForCompletion: 2, daysRequiredForRefund: 2 },
  })).id;
  const group = async (name: string, ownerStaffId: number | null, campaignId: number) => (await s.groups.create(ctx, { platform: 'wechat', name, ownerStaffId, campaignId })).id;
  f.g1 = await group('本期 1群', op1.id, f.main);
  f.g2 = await group('本期 无群主群', null, f.main);
  f.g3 = await group('本期 2群', op2.id, f.main);
  f.gr = await group('体验群', op1.id, f.short);
  f.c1 = (await s.channels.create(ctx, { name: '公众号', ownerStaffId: op2.id })).id;
  f.c2 = (await s.channels.create(ctx, { name: '无组渠道', ownerStaffId: op3.id })).id;

  for (let i = 1; i <= 8; i++) f.m.push(await member(`成员${i}`, iso(i === 6 ? '2030-03-03' : '2030-03-02', '09:00')));
  const m = (i: number) => f.m[i - 1]!.id;
  await enrollment({ campaignId: f.prior, memberId: m(1), at: iso('2030-01-20') });
  const day1 = iso('2030-03-02');
  f.e.e1 = await enrollment({ campaignId: f.main, memberId: m(1), groupId: f.g1, channelId: f.c1, at: day1, paidAt: iso('2030-03-02', '11:00') });
  f.e.e2 = await enrollment({ campaignId: f.main, memberId: m(2), channelId: f.c1, at: day1, paidAt: iso('2030-03-03') });
  f.e.e3 = await enrollment({ campaignId: f.main, memberId: m(3), groupId: f.g2, channelId: f.c1, at: day1 });
  f.e.e4 = await enrollment({ campaignId: f.main, memberId: m(4), groupId: f.g2, at: day1 });
  f.e.e5 = await enrollment({ campaignId: f.main, memberId: m(5), channelId: f.c2, at: day1 });
  f.e.e6 = await enrollment({ campaignId: f.main, memberId: m(6), groupId: f.g3, at: iso('2030-03-03') });
  f.e.e7 = await enrollment({ campaignId: f.main, memberId: m(7), groupId: f.g1, channelId: f.c1, at: day1, cancelled: true, paidAt: iso('2030-03-02', '12:00') });
  await payment(f.e.e1, 9950, iso('2030-03-02', '11:00'));
  await payment(f.e.e2, 10000, iso('2030-03-03'));
  await payment(f.e.e4, 50, iso('2030-03-02', '23:59'));
  await payment(f.e.e4, 70, iso('2030-03-05'));
  const join = (groupId: number, i: number, day: string) => s.groups.memberships.join(ctx, groupId, { memberNo: f.m[i - 1]!.memberNo, joinedAt: iso(day) });
  await join(f.g1, 1, '2030-03-02');
  await join(f.g1, 2, '2030-03-02');
  await join(f.g3, 3, '2030-03-02');
  await join(f.g2, 4, '2030-03-02');
  await join(f.g3, 5, '2030-03-03');
  await s.merges.merge(ctx, f.m[0]!.memberNo, f.m[7]!.memberNo);

  // The three-day camp: four enrolled before it starts (two in op1's group, two through op2's channel), one more on
  // day 2, one cancelled.
  const before = iso('2030-03-01');
  f.r.r1 = await enrollment({ campaignId: f.short, memberId: m(1), groupId: f.gr, at: before });
  f.r.r2 = await enrollment({ campaignId: f.short, memberId: m(2), groupId: f.gr, at: before });
  f.r.r3 = await enrollment({ campaignId: f.short, memberId: m(3), channelId: f.c1, at: before });
  f.r.r4 = await enrollment({ campaignId: f.short, memberId: m(4), channelId: f.c1, at: before });
  f.r.r5 = await enrollment({ campaignId: f.short, memberId: m(5), groupId: f.gr, at: iso('2030-03-03', '09:00') });
  f.r.r6 = await enrollment({ campaignId: f.short, memberId: m(6), groupId: f.gr, at: before, cancelled: true });
  for (const r of ['r1', 'r2', 'r3']) await checkin(f.r[r]!, m(Number(r[1])), 1);
  await checkin(f.r.r4!, m(4), 1, { makeup: true, submittedAt: iso('2030-03-03') });
  await checkin(f.r.r6!, m(6), 1);
  await checkin(f.r.r1!, m(1), 2);
  await checkin(f.r.r3!, m(3), 2, { rejected: true });
  await checkin(f.r.r5!, m(5), 2);
  await checkin(f.r.r2!, m(2), 3, { submittedAt: iso('2030-03-04', '09:00') });
  await checkin(f.r.r5!, m(5), 3, { submittedAt: iso('2030-03-04', '13:00') });
  s.clock.set(iso('2030-03-04', '12:00'));
});

after(async () => {
  server.services.clock.set(null);
  await server?.close();
});

test("signups are credited to the group owner's team, else the channel owner's; the rest is unassigned", async () => {
  const g = await goal({ metric: 'signups', scopeKind: 'campaign', scopeId: f.main, target: 30 });
  assert.deepEqual(actuals(await lines(g.id)), {
    total: [5, 1, 0],
    运营一组: [1, 0, 0],
    运营二组: [2, 1, 0],
    unassigned: [2, 0, 0],
  });
});

test('paid, revenue, re-enrolments, group joins and new members, each by its own attribution', async () => {
  const paid = await goal({ metric: 'paid', scopeKind: 'workspace', target: 30 });
  assert.deepEqual(actuals(await lines(paid.id)), { total: [2, 1, 0], 运营一组: [2, 0, 0], 运营二组: [0, 1, 0] }, 'by paid_at; a later cancellation does not undo a payment');
  const revenue = await goal({ metric: 'revenue', scopeKind: 'campaign', scopeId: f.main, target: 3000 });
  assert.deepEqual(actuals(await lines(revenue.id)), { total: [100, 100, 0], 运营一组: [99.5, 0, 0], 运营二组: [0, 100, 0], unassigned: [0.5, 0, 0] }, 'yuan, by payment time');
  const back = await goal({ metric: 'reenrolments', scopeKind: 'campaign', scopeId: f.main, target: 3 });
  // Member 1 was in the prior campaign; members 2–4 enrolled in the three-day camp the day before (member 5 only after,
  // member 6's earlier enrollment is cancelled).
  assert.deepEqual(actuals(await lines(back.id)), { total: [4, 0, 0], 运营一组: [1, 0, 0], 运营二组: [2, 0, 0], unassigned: [1, 0, 0] });
  const joins = await goal({ metric: 'group_joins', scopeKind: 'campaign', scopeId: f.main, target: 30 });
  assert.deepEqual(actuals(await lines(joins.id)), { total: [4, 1, 0], 运营一组: [2, 0, 0], 运营二组: [1, 1, 0], unassigned: [1, 0, 0] }, "the group owner's team");
  const fresh = await goal({ metric: 'new_members', scopeKind: 'workspace', target: 30 });
  // Member 8 was merged into member 1; member 7's first enrollment is cancelled but still says where they came from.
  assert.deepEqual(actuals(await lines(fresh.id)), { total: [6, 1, 0], 运营一组: [0, 0, 0], 运营二组: [3, 0, 0], unassigned: [3, 1, 0] });
  const freshHere = await goal({ metric: 'new_members', scopeKind: 'channel', scopeId: f.c1, target: 30 });
  assert.deepEqual(actuals(await lines(freshHere.id)).total, [3, 0, 0], 'members whose first enrollment came through the channel');
});

test('team, group and channel scopes', async () => {
  const team = await goal({ metric: 'signups', scopeKind: 'team', scopeId: f.t2, target: 10 });
  assert.deepEqual(actuals(await lines(team.id)), { total: [2, 1, 0], 运营二组: [2, 1, 0] }, "only the team's own rows");
  const group = await goal({ metric: 'signups', scopeKind: 'group', scopeId: f.g2, target: 10 });
  assert.deepEqual(actuals(await lines(group.id)), { total: [2, 0, 0], 运营一组: [0, 0, 0], 运营二组: [1, 0, 0], unassigned: [1, 0, 0] });
  const channel = await goal({ metric: 'signups', scopeKind: 'channel', scopeId: f.c1, target: 10, teams: [] });
  assert.deepEqual(actuals(await lines(channel.id)), { total: [3, 0, 0] }, 'not split among teams: one line, everything in scope');
});

test('check-in rate per day: counted check-ins / enrollments of the running campaign made by the end of the day', async () => {
  const g = await goal({ metric: 'checkin_rate', scopeKind: 'campaign', scopeId: f.short, target: 0.6 });
  const ls = await lines(g.id);
  // Day 1: r1–r3 of r1–r4 (r4's make-up awaits approval); day 2: r1 and r5 of five (r3's was rejected); day 3: so far
  // none before noon (r5's comes at 13:00, r2's at 09:00 is counted).
  assert.deepEqual(ls.total!.cells.map((c) => c.actualRatio), [
    { numerator: 3, denominator: 4, value: 0.75 }, { numerator: 2, denominator: 5, value: 0.4 }, { numerator: 1, denominator: 5, value: 0.2 },
  ]);
  assert.deepEqual(ls.total!.cells.map((c) => c.replanned), [0.6, 0.6, 0.6], "a rate's target is the rate every day");
  assert.deepEqual(ls.total!.cells[0].completion, { numerator: 0.75, denominator: 0.6, value: 1.25 });
  assert.equal(ls.total!.cells[2].cumulativeActual, 0.4286, '6 / 14 over the three days');
  assert.deepEqual(ls['运营一组']!.cells.map((c) => c.actualRatio.value), [1, 0.6667, 0.3333]);
  assert.deepEqual(ls['运营二组']!.cells.map((c) => c.actualRatio.value), [0.5, 0, 0]);
  const standing = (await ok(owner.get(`/api/v1/goals/${g.id}`))).standing;
  assert.equal(standing.achieved, 0.4286);
  const everywhere = await goal({ metric: 'checkin_rate', scopeKind: 'workspace', target: 0.6, teams: [] });
  assert.deepEqual((await lines(everywhere.id)).total!.cells.map((c) => c.actualRatio.value), [0.75, 0.4, 0.2], 'the workspace: every campaign running that day');
  const attained = (await server.services.goals.dayAttainment(W.ctx, '2030-03-02')).filter((a) => a.goalId === g.id);
  assert.deepEqual(attained.map((a) => [a.teamName, a.actual, a.met]), [[null, 0.75, true], ['运营一组', 1, true], ['运营二组', 0.5, false]]);
});

test('members meeting the requirement: a level as of each day, against the target', async () => {
  const g = await goal({ metric: 'members_meeting_requirement', scopeKind: 'campaign', scopeId: f.short, target: 4 });
  const ls = await lines(g.id);
  // r1 reaches 2 counted days on day 2, r2 on day 3 (09:00); r5's second day comes after noon; r3's day 2 was rejected.
  assert.deepEqual(actuals(ls), { total: [0, 1, 2], 运营一组: [0, 1, 2], 运营二组: [0, 0, 0] });
  assert.deepEqual(ls.total!.cells[2].cumulativeCompletion, { numerator: 2, denominator: 4, value: 0.5 });
  assert.deepEqual(ls['运营一组']!.cells.map((c) => c.replanned), [2, 2, 2], "a level goal's target is its level");
  server.services.clock.set(iso('2030-03-04', '20:00'));
  try {
    assert.deepEqual(actuals(await lines(g.id)).total, [0, 1, 3], "r5's check-in of 13:00 now counts");
  } finally {
    server.services.clock.set(iso('2030-03-04', '12:00'));
  }
});
