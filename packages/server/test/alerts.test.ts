// Alert conditions through the service on a real database: each kind true and false at its threshold's edge, the
// most severe matching rule wins and escalates an open alert in place, a condition that stays true fires once
// (across repeated and concurrent evaluations, and on PostgreSQL across two connections), and what may fire again
// after a resolve. The visits' own exhausted alert and the scheduled evaluation share one open alert.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase } from '../src/db/connection.js';
import type { GoalStanding } from '../src/goals/service.js';
import { checkImage } from '../src/groups/qr-image.js';
import { createServices } from '../src/services.js';
import { ok } from './api-checks.js';
import { campaignWithMembers } from './fixtures/enrollment.js';
import { createWorkspace, startServer, TEST_DB, TEST_PG_URL, type TestServer, type TestWorkspace } from './harness.js';
import { PNG_1PX } from './multipart.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every alert of the workspace (all statuses), oldest first. */
async function alertsOf(w: TestWorkspace, kind?: string) {
  const rows = await server.services.database.db.selectFrom('alerts').selectAll().where('workspace_id', '=', w.id).orderBy('id').execute();
  return rows.filter((r) => kind === undefined || r.kind === kind);
}

/** One evaluation, which must measure every kind without failing. */
async function evaluate(w: TestWorkspace, now: Date, services = server.services) {
  const summary = await services.alerts.evaluate(w.ctx, services, now);
  assert.deepEqual(summary.failed, []);
  return summary;
}

async function member(w: TestWorkspace, i: number) {
  return (await server.services.members.create(w.ctx, { nickname: `成员${i}` })).memberNo;
}

test('group_leave_rate_7d: 15% of 20 early joiners is not above 15%, 20% is (warning), 35% escalates to critical in place', async () => {
  const w = await createWorkspace(server);
  const owner = await server.services.staff.create(w.ctx, { username: 'qun', displayName: '群主', password: 'correct-horse-battery', role: 'operator' });
  const group = await server.services.groups.create(w.ctx, { platform: 'wechat', name: '新群一', ownerStaffId: owner.id });
  const now = new Date();
  const start = now.getTime() - 9 * DAY;
  const nos: number[] = [];
  for (let i = 0; i < 20; i++) {
    nos.push(await member(w, i));
    await server.services.groups.memberships.join(w.ctx, group.id, { memberNo: nos[i]!, joinedAt: new Date(start + i * HOUR).toISOString() });
  }
  // A late joiner (day 8) who leaves at once counts nowhere; an early joiner leaving after 8 days is no early leave.
  const late = await member(w, 99);
  await server.services.groups.memberships.join(w.ctx, group.id, { memberNo: late, joinedAt: new Date(start + 7 * DAY + HOUR).toISOString() });
  await server.services.groups.memberships.leave(w.ctx, group.id, late, new Date(start + 7 * DAY + 2 * HOUR).toISOString());
  await server.services.groups.memberships.leave(w.ctx, group.id, nos[19]!, new Date(start + 19 * HOUR + 8 * DAY).toISOString());
  const leave = (i: number) => server.services.groups.memberships.leave(w.ctx, group.id, nos[i]!, new Date(start + i * HOUR + 2 * DAY).toISOString());
  for (const i of [0, 1, 2]) await leave(i);

  await evaluate(w, now);
  assert.deepEqual(await alertsOf(w, 'group_leave_rate_7d'), [], '3 / 20 = 15% is not above 15%');

  await leave(3);
  await evaluate(w, now);
  let [alert] = await alertsOf(w, 'group_leave_rate_7d');
  assert.deepEqual([alert?.level, alert?.subject, alert?.staff_id], ['warning', `group:${group.id}`, owner.id]);
  assert.match(alert!.message, /新群「新群一」7日退群率 20\.0%：开群后 7 天内入群 20 人，其中 4 人入群 7 天内退群（阈值 15%）/);

  await server.services.alerts.acknowledge(w.ctx, alert!.id);
  for (const i of [4, 5]) await leave(i);
  await evaluate(w, now);
  assert.equal((await alertsOf(w, 'group_leave_rate_7d'))[0]!.level, 'warning', '6 / 20 = 30% is not above 30%');
  await leave(6);
  await evaluate(w, now);
  const all = await alertsOf(w, 'group_leave_rate_7d');
  assert.equal(all.length, 1, 'escalated in place, not a second alert');
  [alert] = all;
  assert.deepEqual([alert!.level, alert!.acknowledged_at], ['critical', null], 'worse than when acknowledged: needs attention again');
  assert.match(alert!.message, /35\.0%/);
});

test('group_leave_rate_7d: fewer than 10 early joiners, or a group younger than 7 days or started over 30 days ago, is not measured', async () => {
  const w = await createWorkspace(server);
  const now = new Date();
  const scene = async (name: string, startedDaysAgo: number, joiners: number, leavers: number) => {
    const group = await server.services.groups.create(w.ctx, { platform: 'wechat', name });
    const start = now.getTime() - startedDaysAgo * DAY;
    for (let i = 0; i < joiners; i++) {
      const no = await member(w, i);
      await server.services.groups.memberships.join(w.ctx, group.id, { memberNo: no, joinedAt: new Date(start + i * 60_000).toISOString() });
      if (i < leavers) await server.services.groups.memberships.leave(w.ctx, group.id, no, new Date(start + i * 60_000 + HOUR).toISOString());
    }
  };
  await scene('九人群', 9, 9, 5);
  await scene('六天群', 6.9, 20, 10);
  await evaluate(w, now);
  assert.deepEqual(await alertsOf(w), []);
  // The same data a day later: the young group is now 7 days old.
  await evaluate(w, new Date(now.getTime() + 0.2 * DAY));
  assert.equal((await alertsOf(w, 'group_leave_rate_7d')).length, 1);
  // And 31 days after its start it is no longer new: nothing more is raised (its open alert stays until resolved).
  await evaluate(w, new Date(now.getTime() + 25 * DAY));
  assert.equal((await alertsOf(w, 'group_leave_rate_7d')).length, 1);
});

test('checkin_rate_day: 60% of the last finished day is not under 60%; 40% is a warning, 20% critical; one alert per group owner', async () => {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const staff = [];
  for (const u of ['a', 'b']) staff.push(await server.services.staff.create(w.ctx, { username: `op${u}`, displayName: `运营${u}`, password: 'correct-horse-battery', role: 'operator' }));
  const campaign = await campaignWithMembers(server, w.id, owner, { startsOn: '2026-12-01', endsOn: '2026-12-21', members: 5 });
  for (const s of staff) await server.services.groups.create(w.ctx, { platform: 'wechat', name: `打卡群${s.id}`, campaignId: campaign.id, ownerStaffId: s.id });
  const cst = (day: number, time = '10:00:00') => new Date(`2026-12-${String(day).padStart(2, '0')}T${time}+08:00`);
  const checkIn = async (day: number, who: number[]) => {
    server.services.clock.set(cst(day));
    for (const i of who) await ok(campaign.members[i]!.client.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: `第${day}天` }), 201);
    server.services.clock.set(null);
  };
  await checkIn(1, [0, 1, 2]);
  await checkIn(2, [0, 1]);
  await checkIn(3, [0]);

  await evaluate(w, cst(2));
  assert.deepEqual(await alertsOf(w, 'checkin_rate_day'), [], 'day 1: 3 / 5 = 60% is not under 60%');
  await evaluate(w, cst(3, '00:30:00'));
  const day2 = await alertsOf(w, 'checkin_rate_day');
  assert.deepEqual(day2.map((a) => [a.subject, a.level, a.staff_id]), staff.map((s) => [`campaign:${campaign.id}:2026-12-02`, 'warning', s.id]), 'day 2: 40% is under 60%, not under 40%');
  assert.match(day2[0]!.message, /第 2 天（2026-12-02）打卡率 40\.0%：报名 5 人，已打卡 2 人（阈值 60%）/);

  // The same day evaluated again, and twice at once, raises nothing more; resolved, it does not come back.
  await evaluate(w, cst(3, '09:00:00'));
  await Promise.all([evaluate(w, cst(3, '09:15:00')), evaluate(w, cst(3, '09:15:00'))]);
  assert.equal((await alertsOf(w, 'checkin_rate_day')).length, 2);
  for (const a of day2) await server.services.alerts.resolve(w.ctx, a.id);
  await evaluate(w, cst(3, '12:00:00'));
  assert.equal((await alertsOf(w, 'checkin_rate_day')).length, 2, 'a resolved day stays resolved');

  await evaluate(w, cst(4));
  const day3 = (await alertsOf(w, 'checkin_rate_day')).filter((a) => a.subject.endsWith('2026-12-03'));
  assert.deepEqual(day3.map((a) => a.level), ['critical', 'critical'], 'day 3: 20% is under 40%: only the critical one');
});

test('goal_behind: more than 10 points behind time elapsed is a warning to the team lead; one instance per day, the older superseded', async (t) => {
  const w = await createWorkspace(server);
  const lead = await server.services.staff.create(w.ctx, { username: 'lead', displayName: '组长', password: 'correct-horse-battery', role: 'operator' });
  const team = await server.services.staff.createTeam(w.ctx, { name: '运营一组', leadStaffId: lead.id });
  // The goals feature computes the standings (its own tests); here they are given, to test the thresholds.
  let standings: GoalStanding[] = [];
  const goals = server.services.goals;
  t.mock.method(goals, 'standings', async () => standings);
  // Half the goal's time has passed; `achieved` of 1000.
  const standing = (achieved: number, teamId: number | null): GoalStanding => ({
    goalId: 41, goalName: '五月新增', metric: 'signups', teamId, teamName: teamId ? '运营一组' : null, target: 1000, achieved,
    completion: achieved / 1000, timeElapsed: 0.5, gapPoints: 50 - achieved / 10,
  });
  const day1 = new Date('2026-05-10T02:00:00Z');
  standings = [standing(400, team.id), standing(470, null)];
  await evaluate(w, day1);
  assert.deepEqual(await alertsOf(w, 'goal_behind'), [], '10 points is not more than 10');
  standings = [standing(395, team.id)];
  await evaluate(w, day1);
  const [first] = await alertsOf(w, 'goal_behind');
  assert.deepEqual([first?.subject, first?.level, first?.staff_id], [`goal:41:team:${team.id}:2026-05-10`, 'warning', lead.id]);
  assert.match(first!.message, /目标「五月新增」·运营一组：完成 39\.5%（395 \/ 1000），时间进度 50\.0%，落后 10\.5 个百分点（阈值 10）/);

  // The next day: a new instance, and yesterday's is resolved by nobody (cleared).
  await evaluate(w, new Date(day1.getTime() + DAY));
  const [old, today] = await alertsOf(w, 'goal_behind');
  assert.deepEqual([old!.resolved_at !== null, old!.resolved_by], [true, null]);
  assert.deepEqual([today!.subject, today!.resolved_at], [`goal:41:team:${team.id}:2026-05-11`, null]);
  // The team catches up the same day: today's is cleared too.
  standings = [standing(460, team.id)];
  await evaluate(w, new Date(day1.getTime() + DAY + HOUR));
  assert.ok((await alertsOf(w, 'goal_behind')).every((a) => a.resolved_at !== null));
});

test('group_qr_expiring: within 24 h is a warning (not 1 ms earlier), expired escalates to critical, a new upload clears it', async () => {
  const w = await createWorkspace(server);
  const group = await server.services.groups.create(w.ctx, { platform: 'wechat', name: '二维码群' });
  const expiresAt = (await server.services.groups.setQr(w.ctx, group.id, PNG_1PX, checkImage(PNG_1PX))).qrExpiresAt!;
  const at = (ms: number) => new Date(Date.parse(expiresAt) + ms);

  await evaluate(w, at(-24 * HOUR - 1));
  assert.deepEqual(await alertsOf(w, 'group_qr_expiring'), []);
  await evaluate(w, at(-24 * HOUR));
  let [alert] = await alertsOf(w, 'group_qr_expiring');
  assert.deepEqual([alert?.subject, alert?.level], [`group:${group.id}:qr:${expiresAt}`, 'warning']);
  assert.match(alert!.message, /群「二维码群」的群二维码将于 .+ 过期（还剩 24\.0 小时）/);
  await evaluate(w, at(-1));
  assert.equal((await alertsOf(w, 'group_qr_expiring'))[0]!.level, 'warning');
  await evaluate(w, at(0));
  [alert] = await alertsOf(w, 'group_qr_expiring');
  assert.equal((await alertsOf(w, 'group_qr_expiring')).length, 1);
  assert.equal(alert!.level, 'critical');
  assert.match(alert!.message, /已于 .+ 过期：新成员扫码进不了群/);

  // A fresh QR: the old one's alert is over, and the new one is far from expiry.
  const fresh = await server.services.groups.setQr(w.ctx, group.id, PNG_1PX, checkImage(PNG_1PX), new Date(Date.now() + 3 * DAY).toISOString());
  await evaluate(w, new Date());
  const [cleared, ...others] = await alertsOf(w, 'group_qr_expiring');
  assert.deepEqual([cleared!.resolved_at !== null, cleared!.resolved_by, others.length], [true, null, 0]);
  assert.notEqual(fresh.qrExpiresAt, expiresAt);
});

test('group_qr_expiring: resolved at warning, the same QR fires again only once it has expired (a worse level)', async () => {
  const w = await createWorkspace(server);
  const group = await server.services.groups.create(w.ctx, { platform: 'wechat', name: '二维码群' });
  const expiresAt = (await server.services.groups.setQr(w.ctx, group.id, PNG_1PX, checkImage(PNG_1PX))).qrExpiresAt!;
  const at = (ms: number) => new Date(Date.parse(expiresAt) + ms);
  await evaluate(w, at(-2 * HOUR));
  const [warning] = await alertsOf(w, 'group_qr_expiring');
  await server.services.alerts.resolve(w.ctx, warning!.id);
  await evaluate(w, at(-HOUR));
  assert.equal((await alertsOf(w, 'group_qr_expiring')).length, 1, 'still expiring: resolved stays resolved');
  await evaluate(w, at(HOUR));
  const [, critical] = await alertsOf(w, 'group_qr_expiring');
  assert.deepEqual([critical?.level, critical?.resolved_at], ['critical', null]);
});

test('live_code_exhausted: no usable group is critical (visits and the schedule share one alert), it clears once a group is usable and may fire again', async () => {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const ownerId = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
  const group = await server.services.groups.create(w.ctx, { platform: 'wechat', name: '池中群' });
  const channel = await ok(owner.post('/api/v1/channels', { name: '海报' }), 201);
  await ok(owner.send('PUT', `/api/v1/channels/${channel.id}/pool`, { groupIds: [group.id] }));

  // A visit finds the group without a QR: the visit raises the alert; the evaluation finds it open and adds none.
  assert.equal((await fetch(`${server.url}/c/${channel.code}`)).status, 200);
  await evaluate(w, new Date());
  await Promise.all([evaluate(w, new Date()), evaluate(w, new Date()), fetch(`${server.url}/c/${channel.code}`)]);
  let alerts = await alertsOf(w, 'live_code_exhausted');
  assert.deepEqual(alerts.map((a) => [a.subject, a.level, a.staff_id, a.resolved_at]), [[`channel:${channel.id}`, 'critical', ownerId, null]]);
  assert.match(alerts[0]!.message, /渠道「海报」的活码没有可用的群（池中 1 个群都已满、关闭或二维码过期\/缺失）/);

  await server.services.groups.setQr(w.ctx, group.id, PNG_1PX, checkImage(PNG_1PX));
  await evaluate(w, new Date());
  alerts = await alertsOf(w, 'live_code_exhausted');
  assert.deepEqual([alerts.length, alerts[0]!.resolved_by, alerts[0]!.resolved_at !== null], [1, null, true], 'cleared once the pool has a usable group');

  // The pool runs out again (the group is closed): a new alert, from the schedule this time.
  await server.services.groups.update(w.ctx, group.id, { status: 'full' });
  await evaluate(w, new Date());
  assert.equal((await alertsOf(w, 'live_code_exhausted')).filter((a) => a.resolved_at === null).length, 1);
});

test('live_code_exhausted: a warning rule "at most 1 usable group" fires with one usable group, not with two; a disabled kind raises nothing, also at a visit', async () => {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const groups = [];
  for (const name of ['甲群', '乙群']) {
    const g = await server.services.groups.create(w.ctx, { platform: 'wechat', name });
    await server.services.groups.setQr(w.ctx, g.id, PNG_1PX, checkImage(PNG_1PX));
    groups.push(g);
  }
  const channel = await ok(owner.post('/api/v1/channels', { name: '公众号' }), 201);
  await ok(owner.send('PUT', `/api/v1/channels/${channel.id}/pool`, { groupIds: groups.map((g) => g.id) }));
  await server.services.alerts.createRule(w.ctx, { kind: 'live_code_exhausted', level: 'warning', threshold: 1 });
  await evaluate(w, new Date());
  assert.deepEqual(await alertsOf(w, 'live_code_exhausted'), [], 'two usable groups');
  await server.services.groups.update(w.ctx, groups[0]!.id, { status: 'full' });
  await evaluate(w, new Date());
  const [warning] = await alertsOf(w, 'live_code_exhausted');
  assert.equal(warning?.level, 'warning');
  assert.match(warning!.message, /只剩 1 个可用群（池中共 2 个）/);
  await server.services.alerts.resolve(w.ctx, warning!.id);

  const { items } = await server.services.alerts.rules(w.ctx);
  for (const rule of items.filter((r) => r.kind === 'live_code_exhausted')) await server.services.alerts.updateRule(w.ctx, rule.id, { enabled: false });
  await server.services.groups.update(w.ctx, groups[1]!.id, { status: 'full' });
  await evaluate(w, new Date());
  assert.equal((await fetch(`${server.url}/c/${channel.code}`)).status, 200);
  assert.equal((await alertsOf(w, 'live_code_exhausted')).length, 1, 'nothing new: the kind is disabled');
});

test('a workspace gets the default rules once, also when two evaluations start at once', async () => {
  const w = await createWorkspace(server);
  await Promise.all([evaluate(w, new Date()), evaluate(w, new Date()), server.services.alerts.rules(w.ctx)]);
  const { items } = await server.services.alerts.rules(w.ctx);
  assert.deepEqual(items.map((r) => [r.kind, r.level, r.threshold, r.enabled]), [
    ['group_leave_rate_7d', 'warning', 15, true], ['group_leave_rate_7d', 'critical', 30, true],
    ['checkin_rate_day', 'warning', 60, true], ['checkin_rate_day', 'critical', 40, true],
    ['goal_behind', 'warning', 10, true],
    ['group_qr_expiring', 'warning', 24, true], ['group_qr_expiring', 'critical', 0, true],
    ['live_code_exhausted', 'critical', 0, true],
  ]);
});

test('two processes evaluating at once (PostgreSQL: two connection pools) raise each alert once', { skip: TEST_DB !== 'postgres' && 'PostgreSQL only' }, async () => {
  const w = await createWorkspace(server);
  const groups = [];
  for (let i = 0; i < 5; i++) {
    const g = await server.services.groups.create(w.ctx, { platform: 'wechat', name: `群${i}` });
    groups.push(await server.services.groups.setQr(w.ctx, g.id, PNG_1PX, checkImage(PNG_1PX)));
  }
  const second = await openDatabase({ databaseUrl: TEST_PG_URL, dataDir: server.services.dataDir, pgSchema: server.services.database.pgSchema });
  try {
    const other = createServices(second, { dataDir: server.services.dataDir });
    const now = new Date(Date.parse(groups[0]!.qrExpiresAt!) - HOUR);
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([evaluate(w, now), evaluate(w, now, other)]);
      if (round === 0) assert.equal(a.raised + b.raised, 5, 'each alert was raised by one of the two');
    }
    const alerts = await alertsOf(w, 'group_qr_expiring');
    assert.deepEqual(alerts.map((a) => a.subject).sort(), groups.map((g) => `group:${g.id}:qr:${g.qrExpiresAt}`).sort());
    assert.equal((await server.services.alerts.rules(w.ctx)).items.length, 8, 'the defaults were created once');
  } finally {
    await second.close();
  }
});
