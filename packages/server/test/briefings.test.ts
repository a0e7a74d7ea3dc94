// The briefings on a small crafted workspace (SQLite or PostgreSQL): the daily report of a group owner, the morning
// board of a team and of the whole workspace, the retrospective against its goal and the previous edition, and who
// may read whose daily report. Rows of features without an API here (SOP tasks, points, problems, work items, goals,
// alerts) are written straight into their tables, so every expected number below follows from what this file states.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, login, PASSWORD, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { Fixture } from './reports-fixture.js';

let server: TestServer;
let ws: TestWorkspace;
let db: Kysely<DB>;
/** Signed-in clients: the team lead (L), the group owner (O, both in 一组), a salesperson (S, 销售组), an admin. */
const as = {} as Record<'lead' | 'owner' | 'sales' | 'admin', Client>;
const id = { lead: 0, owner: 0, sales: 0, team1: 0, team2: 0, x1: 0, x2: 0, g0: 0, g1: 0, g2: 0, c1: 0 };
/** Member number of m1…m10. */
const no: Record<string, number> = {};

const T0 = '2026-01-01T00:00:00.000Z';
/** Noon (Asia/Shanghai) of X2's campaign day k: X2 starts on 2026-03-05. */
const x2Day = (k: number) => `2026-03-${String(4 + k).padStart(2, '0')}T04:00:00.000Z`;
const x1Day = (k: number) => `2026-01-${String(k).padStart(2, '0')}T04:00:00.000Z`;

async function enroll(campaignId: number, memberId: number, o: { createdAt: string; groupId?: number; channelId?: number; paidAt?: string; refundedAt?: string }) {
  return (await db.insertInto('enrollments').values({
    workspace_id: ws.id, campaign_id: campaignId, member_id: memberId, channel_id: o.channelId ?? null, group_id: o.groupId ?? null,
    source: 'staff', status: 'active', amount_due_cents: 9900, paid_cents: 9900, paid_at: o.paidAt ?? o.createdAt,
    cancelled_at: null, cancel_reason: null, settlement_decision: o.refundedAt ? 'refund' : null, settlement_class: null, settlement_days: null,
    settlement_reason: null, settled_by: null, settled_at: null, refund_cents: o.refundedAt ? 9900 : null, refunded_at: o.refundedAt ?? null,
    refund_ref: null, refunded_by: null, created_at: o.createdAt, updated_at: o.createdAt,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

async function checkins(enrollmentId: number, days: number[], at: (k: number) => string) {
  const e = await db.selectFrom('enrollments').select(['campaign_id', 'member_id']).where('id', '=', enrollmentId).executeTakeFirstOrThrow();
  for (const k of days) {
    await db.insertInto('checkins').values({
      workspace_id: ws.id, campaign_id: e.campaign_id, enrollment_id: enrollmentId, member_id: e.member_id, day_index: k, day_date: at(k).slice(0, 10),
      text: '打卡', submitted_at: at(k), updated_at: at(k), review_status: 'none', review_reason: null, reviewed_by: null, reviewed_at: null,
    }).execute();
  }
}

async function sopTasks(rows: Array<{ staffId: number; groupId: number; due: string; status: string; onTime: number | null; title: string }>) {
  const template = (await db.insertInto('sop_templates').values({ workspace_id: ws.id, name: '21天营 SOP', description: '', created_by: null, created_at: T0, updated_at: T0, archived_at: null })
    .returning('id').executeTakeFirstOrThrow()).id;
  const application = (await db.insertInto('sop_applications').values({
    workspace_id: ws.id, template_id: template, campaign_id: id.x2, group_id: null, assistant_staff_id: null, starts_on: '2026-03-04', ends_on: null,
    created_by: null, created_at: T0, stopped_at: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
  for (const [i, r] of rows.entries()) {
    const step = (await db.insertInto('sop_steps').values({
      workspace_id: ws.id, template_id: template, position: i, title: r.title, trigger_kind: 'campaign_day', trigger_value: '1', window_start: '08:00',
      window_end: '10:00', action: 'message', content: '', attachments: '[]', role: 'group_owner',
    }).returning('id').executeTakeFirstOrThrow()).id;
    const done = r.status === 'done' || r.status === 'late';
    await db.insertInto('sop_tasks').values({
      workspace_id: ws.id, application_id: application, step_id: step, group_id: r.groupId, campaign_id: id.x2, due_date: r.due,
      window_start_at: `${r.due}T00:00:00.000Z`, window_end_at: `${r.due}T02:00:00.000Z`, assignee_staff_id: r.staffId, status: r.status, on_time: r.onTime,
      done_at: done ? `${r.due}T01:00:00.000Z` : null, done_by: done ? r.staffId : null, proof_text: null, proof_link: null, proof_file: null, proof_mime: null,
      skip_reason: r.status === 'skipped' ? '群已解散' : null, created_at: T0, updated_at: T0,
    }).execute();
  }
}

before(async () => {
  server = await startServer();
  db = server.services.database.db;
  ws = await createWorkspace(server);
  // 2026-03-12 10:00 in Shanghai: the daily report's default day and the board's "yesterday" are 2026-03-11.
  server.services.clock.set('2026-03-12T02:00:00.000Z');
  const svc = server.services;
  id.team1 = (await svc.staff.createTeam(ws.ctx, { name: '运营一组' })).id;
  id.team2 = (await svc.staff.createTeam(ws.ctx, { name: '销售组' })).id;
  const people = [['lead', 'operator', id.team1, '李组长'], ['owner', 'operator', id.team1, '赵群主'], ['sales', 'sales', id.team2, '刘顾问'], ['admin', 'admin', null, '王管理']] as const;
  for (const [key, role, teamId, name] of people) {
    const created = await svc.staff.create(ws.ctx, { username: key, displayName: name, password: PASSWORD, role, teamId });
    if (key !== 'admin') id[key] = created.id;
    as[key] = await login(server.url, ws.key, key, PASSWORD);
  }
  await svc.staff.updateTeam(ws.ctx, id.team1, { leadStaffId: id.lead });

  const f = new Fixture(server, ws.id);
  const m: Record<string, number> = {};
  for (let i = 1; i <= 10; i++) m[`m${i}`] = await f.member(`学员${i}-`);
  for (const row of await db.selectFrom('members').select(['id', 'member_no']).where('workspace_id', '=', ws.id).execute()) {
    no[Object.keys(m).find((k) => m[k] === row.id)!] = row.member_no;
  }
  const series = await f.series('X');
  const rules = { daysTotal: 10, daysRequiredForCompletion: 7, daysRequiredForRefund: 7, graceDays: 1, borderlineDays: 2 };
  id.x1 = await f.campaign(series, 'X1', 1, '2026-01-01', '2026-01-10', rules);
  id.x2 = await f.campaign(series, 'X2', 2, '2026-03-05', '2026-03-14', rules);
  const x3 = await f.campaign(series, 'X3', 3, '2026-04-01', '2026-04-10', rules);
  await db.updateTable('campaigns').set({ deposit_cents: 9900 }).where('workspace_id', '=', ws.id).execute();
  id.g0 = await f.group('X1 打卡群', id.x1);
  id.g1 = await f.group('X2 打卡1群', id.x2);
  id.g2 = await f.group('X2 打卡2群', id.x2);
  for (const [g, owner] of [[id.g0, id.owner], [id.g1, id.owner], [id.g2, id.lead]]) await db.updateTable('chat_groups').set({ owner_staff_id: owner }).where('id', '=', g).execute();
  id.c1 = await f.channel('朋友圈海报', { costCents: 30_000 });
  await db.updateTable('channels').set({ owner_staff_id: id.owner }).where('id', '=', id.c1).execute();
  await db.insertInto('channel_pool_groups').values({ workspace_id: ws.id, channel_id: id.c1, group_id: id.g1, position: 0 }).execute();
  for (const [visitor, at] of [['v1', '2026-03-11T01:00:00Z'], ['v1', '2026-03-11T02:00:00Z'], ['v2', '2026-03-11T03:00:00Z'], ['v3', '2026-03-10T03:00:00Z']]) {
    await f.visit(id.c1, visitor!, at);
  }

  // X1 (ended): m1 all 10 days, m2 days 1–3, m9 days 1–8, m10 none. m1's deposit was refunded on 2026-03-11.
  const x1 = {
    m1: await enroll(id.x1, m.m1!, { createdAt: '2025-12-20T00:00:00Z', groupId: id.g0, refundedAt: '2026-03-11T04:00:00Z' }),
    m2: await enroll(id.x1, m.m2!, { createdAt: '2025-12-20T00:00:00Z', groupId: id.g0 }),
    m9: await enroll(id.x1, m.m9!, { createdAt: '2025-12-20T00:00:00Z' }),
    m10: await enroll(id.x1, m.m10!, { createdAt: '2025-12-20T00:00:00Z' }),
  };
  await checkins(x1.m1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], x1Day);
  await checkins(x1.m2, [1, 2, 3], x1Day);
  await checkins(x1.m9, [1, 2, 3, 4, 5, 6, 7, 8], x1Day);
  for (const who of ['m1', 'm2']) await f.membership(id.g0, m[who]!, '2025-12-25T00:00:00Z');

  // X2 (day 7 of 10 yesterday): m1–m4 in 打卡1群 (O's), m5–m6 in 打卡2群 (L's); m4 left on day 7; m7 joined 1群 on day 7
  // without enrolling; m8 signed up on day 7 through O's channel, paid, in no group yet.
  const x2: Record<string, number> = {};
  for (const who of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) x2[who] = await enroll(id.x2, m[who]!, { createdAt: '2026-03-01T00:00:00Z' });
  x2.m8 = await enroll(id.x2, m.m8!, { createdAt: '2026-03-11T03:00:00Z', channelId: id.c1, paidAt: '2026-03-11T03:05:00Z' });
  await db.insertInto('payments').values({ workspace_id: ws.id, enrollment_id: x2.m8, amount_cents: 9900, paid_at: '2026-03-11T03:05:00Z', reference: null, source: 'manual', recorded_by: null, created_at: T0 }).execute();
  for (const who of ['m1', 'm2', 'm3']) await f.membership(id.g1, m[who]!, '2026-03-01T00:00:00Z');
  await f.membership(id.g1, m.m4!, '2026-03-01T00:00:00Z', '2026-03-11T02:00:00Z');
  await f.membership(id.g1, m.m7!, '2026-03-11T05:00:00Z');
  for (const who of ['m5', 'm6']) await f.membership(id.g2, m[who]!, '2026-03-01T00:00:00Z');
  await checkins(x2.m1!, [1, 2, 3, 4, 5, 6, 7], x2Day);
  await checkins(x2.m2!, [1, 2, 3, 4, 5], x2Day);
  await checkins(x2.m3!, [1], x2Day);
  await checkins(x2.m4!, [1, 2, 3, 4, 7], x2Day);
  await checkins(x2.m5!, [1, 2, 3, 4, 5, 6, 7], x2Day);
  // m5 already signed up for X3: a re-enrolment of X2.
  await enroll(x3, m.m5!, { createdAt: '2026-03-11T06:00:00Z' });

  // O's operations on 2026-03-11: four SOP tasks (on time, late, missed, skipped), one for tomorrow; L has one overdue.
  await sopTasks([
    { staffId: id.owner, groupId: id.g1, due: '2026-03-11', status: 'done', onTime: 1, title: 'D7 早安播报' },
    { staffId: id.owner, groupId: id.g1, due: '2026-03-11', status: 'late', onTime: 0, title: 'D7 打卡点评' },
    { staffId: id.owner, groupId: id.g1, due: '2026-03-11', status: 'missed', onTime: null, title: 'D7 未打卡私聊' },
    { staffId: id.owner, groupId: id.g1, due: '2026-03-11', status: 'skipped', onTime: null, title: 'D7 直播预告' },
    { staffId: id.owner, groupId: id.g1, due: '2026-03-12', status: 'todo', onTime: null, title: 'D8 晨读提醒' },
    { staffId: id.lead, groupId: id.g2, due: '2026-03-10', status: 'todo', onTime: null, title: 'D6 作业点评' },
  ]);
  const ledger = (staffId: number, points: number, day: string, ruleKind: string | null, reason: string) => db.insertInto('points_ledger').values({
    workspace_id: ws.id, staff_id: staffId, points, kind: ruleKind ? 'rule' : 'manual', rule_kind: ruleKind, source: null, reason, day, created_by: null, created_at: T0,
  }).execute();
  await ledger(id.owner, 1, '2026-03-11', 'sop_on_time', 'D7 早安播报 准时');
  await ledger(id.owner, -1, '2026-03-11', 'sop_late', 'D7 打卡点评 迟到');
  await ledger(id.owner, 5, '2026-03-11', null, '家长表扬');
  await ledger(id.owner, 3, '2026-03-10', null, '前一天');
  const problem = (createdAt: string) => db.insertInto('problems').values({
    workspace_id: ws.id, title: '忘记打卡能补吗', description: '', category_id: null, tags: '[]', campaign_id: id.x2, group_id: id.g1, member_id: null,
    status: 'answered', search_text: '忘记打卡能补吗', created_by: id.owner, created_at: createdAt, updated_at: createdAt,
  }).returning('id').executeTakeFirstOrThrow();
  const p = await problem('2026-03-11T05:00:00Z');
  await problem('2026-03-10T05:00:00Z');
  const answer = (await db.insertInto('problem_answers').values({ workspace_id: ws.id, problem_id: p.id, content: '可以，3 天内补卡', use_count: 3, created_by: id.owner, created_at: T0, updated_at: T0 })
    .returning('id').executeTakeFirstOrThrow()).id;
  for (const [staffId, at] of [[id.owner, '2026-03-11T06:00:00Z'], [id.owner, '2026-03-11T07:00:00Z'], [id.lead, '2026-03-11T07:00:00Z']] as const) {
    await db.insertInto('answer_uses').values({ workspace_id: ws.id, answer_id: answer, member_id: null, staff_id: staffId, at }).execute();
  }
  const work = (title: string, dueOn: string, status: string) => db.insertInto('work_items').values({
    workspace_id: ws.id, title, description: '', category: 'routine', due_on: dueOn, owner_staff_id: id.owner, status, done_at: null, created_by: null, created_at: T0, updated_at: T0,
  }).execute();
  await work('整理 D8 素材', '2026-03-12', 'todo');
  await work('补发结营证书', '2026-03-10', 'doing');
  await work('X3 招生海报', '2026-03-20', 'todo');
  await work('已完成的事', '2026-03-12', 'done');
  await db.insertInto('alerts').values({
    workspace_id: ws.id, kind: 'group.leave_rate', level: 'warning', subject: `group:${id.g1}`, message: 'X2 打卡1群 7 日退群率 20%', staff_id: id.owner,
    created_at: '2026-03-11T20:00:00Z', resolved_at: null, resolved_by: null, rule_id: null, acknowledged_at: null, acknowledged_by: null,
  }).execute();
  // Goals (written to the tables; see the report): X2's signups 10 and revenue ¥500; 一组's signups 4 over 03-11…12.
  const goal = async (name: string, metric: string, scopeKind: string, scopeId: number | null, startsOn: string, endsOn: string, target: number) => (await db.insertInto('goals').values({
    workspace_id: ws.id, name, metric, scope_kind: scopeKind, scope_id: scopeId, starts_on: startsOn, ends_on: endsOn, target, split: 'even',
    weekday_weights: null, description: '', created_by: null, created_at: T0, updated_at: T0, archived_at: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const split = async (goalId: number, teamId: number | null, target: number, planned: Record<string, number>) => {
    const goalTeam = (await db.insertInto('goal_teams').values({ workspace_id: ws.id, goal_id: goalId, team_id: teamId, target }).returning('id').executeTakeFirstOrThrow()).id;
    for (const [day, value] of Object.entries(planned)) await db.insertInto('goal_day_targets').values({ workspace_id: ws.id, goal_team_id: goalTeam, day, planned: value }).execute();
  };
  const signupGoal = await goal('X2 招生 10 人', 'signups', 'campaign', id.x2, '2026-03-01', '2026-03-04', 10);
  await split(signupGoal, null, 10, { '2026-03-01': 3, '2026-03-02': 3, '2026-03-03': 2, '2026-03-04': 2 });
  const revenueGoal = await goal('X2 收款 500 元', 'revenue', 'campaign', id.x2, '2026-03-01', '2026-03-04', 500);
  await split(revenueGoal, null, 500, { '2026-03-01': 125, '2026-03-02': 125, '2026-03-03': 125, '2026-03-04': 125 });
  await split(await goal('三月招生冲刺', 'signups', 'workspace', null, '2026-03-11', '2026-03-12', 4), id.team1, 4, { '2026-03-11': 2, '2026-03-12': 2 });
});

after(async () => {
  await server?.close();
});

test("the group owner's daily report adds up their day", async () => {
  const r = await ok(as.owner.get('/api/v1/briefings/daily'));
  assert.equal(r.date, '2026-03-11', 'default: yesterday in the workspace zone');
  assert.equal(r.tomorrow, '2026-03-12');
  assert.deepEqual([r.staff.displayName, r.staff.team?.name], ['赵群主', '运营一组']);
  assert.deepEqual(r.groups.map((g: { name: string }) => g.name), ['X1 打卡群', 'X2 打卡1群']);
  assert.deepEqual(r.campaigns.map((c: { key: string; dayIndex: number; daysTotal: number }) => [c.key, c.dayIndex, c.daysTotal]), [['X2', 7, 10]]);

  // 拉新: m7 joined 1群, m4 left it; m8 signed up through O's channel.
  assert.deepEqual([r.growth.joins, r.growth.leaves, r.growth.net, r.growth.signups], [1, 1, 0, 1]);
  assert.deepEqual(r.growth.byGroup.find((g: { groupId: number }) => g.groupId === id.g1), { groupId: id.g1, name: 'X2 打卡1群', joins: 1, leaves: 1, net: 0 });

  // 服务: at the end of day 7, 1群 holds m1, m2, m3 (m4 left; m7 is not enrolled): only m1 checked in.
  assert.deepEqual(r.service.byGroup, [{ groupId: id.g1, name: 'X2 打卡1群', campaignKey: 'X2', dayIndex: 7, rate: { numerator: 1, denominator: 3, value: 0.3333 } }]);
  assert.deepEqual(r.service.checkinRate, { numerator: 1, denominator: 3, value: 0.3333 });
  assert.deepEqual(r.service.absentees.map((a: { memberNo: number; remaining: number }) => [a.memberNo, a.remaining]), [[no.m2, 2], [no.m3, 6]]);
  // m3 has 1 day; with the 3 days left and 1 grace day that is 5 of 7: short by 2 (borderline). m2 can still make it.
  assert.deepEqual(r.service.short.map((x: { memberNo: number; short: number; standing: string }) => [x.memberNo, x.short, x.standing]), [[no.m3, 2, 'borderline']]);

  assert.deepEqual(r.sop, {
    due: 4, done: 1, onTime: 1, late: 1, missed: 1, skipped: 1, open: 0,
    completionRate: { numerator: 2, denominator: 3, value: 0.6667 }, punctualityRate: { numerator: 1, denominator: 2, value: 0.5 },
  });
  // m8 paid through O's channel; m1's X1 deposit (group 打卡群, O's) was refunded that day.
  assert.deepEqual(r.conversion, { paid: 1, revenueCents: 9900, refunds: 1, refundCents: 9900 });
  assert.deepEqual(r.problems, { recorded: 1, answersUsed: 2 });
  assert.equal(r.points.total, 5);
  assert.equal(r.points.entries.length, 3);
  assert.deepEqual(r.plan.sopTasks.map((t: { title: string }) => t.title), ['D8 晨读提醒']);
  assert.deepEqual(r.plan.workItems.map((w: { title: string; overdue: boolean }) => [w.title, w.overdue]), [['补发结营证书', true], ['整理 D8 素材', false]]);
  for (const key of ['joins', 'checkin_rate', 'absentees', 'short', 'sop_completion', 'paid', 'points', 'plan_tasks']) {
    assert.ok(r.definitions[key]?.['zh-CN'].numerator && r.definitions[key]?.en.period, `definition of ${key}`);
  }
  assert.equal(r.definitions.checkin_rate.en.denominator.includes('group'), true);

  const other = await ok(as.owner.get('/api/v1/briefings/daily?date=2026-03-10'));
  assert.deepEqual([other.growth.joins, other.points.total, other.problems.recorded, other.conversion.paid], [0, 3, 1, 0], 'another day, other numbers');
});

test('the morning board of 运营一组 and of the whole workspace', async () => {
  const board = await ok(as.lead.get(`/api/v1/briefings/morning?teamId=${id.team1}`));
  assert.deepEqual([board.date, board.yesterday, board.team?.name], ['2026-03-12', '2026-03-11', '运营一组']);

  const [x2] = board.campaigns;
  assert.equal(board.campaigns.length, 1, 'X1 has ended and X3 has not begun');
  // The team's participants are those whose group at the end of day 7 is owned by L or O: m1, m2, m3, m5, m6.
  assert.deepEqual(
    [x2.key, x2.dayIndex, x2.daysTotal, x2.participants, x2.met, x2.onTrack, x2.borderline, x2.outOfReach],
    ['X2', 7, 10, 5, 2, 1, 1, 1],
  );
  assert.deepEqual(x2.checkinRate, { numerator: 2, denominator: 5, value: 0.4 });
  assert.deepEqual(x2.expectedRefunds, { count: 3, cents: 3 * 9900 }, 'm1, m5 met and m2 on track, each refunded the ¥99 deposit');
  assert.deepEqual(x2.curve.map((d: { rate: { numerator: number } }) => d.rate.numerator), [4, 3, 3, 3, 3, 2, 2]);

  assert.deepEqual(board.redFlags.missedTwice.map((x: { memberNo: number }) => x.memberNo).sort(), [no.m2, no.m3, no.m6].sort());
  assert.deepEqual(board.redFlags.leaveRates.map((g: { group: { id: number }; rate: unknown }) => [g.group.id, g.rate]), [[id.g1, { numerator: 1, denominator: 5, value: 0.2 }]]);
  assert.deepEqual(board.redFlags.alerts.map((a: { subject: string }) => a.subject), [`group:${id.g1}`]);

  assert.deepEqual(board.channels, [{
    channelId: id.c1, name: '朋友圈海报', owner: { id: id.owner, name: '赵群主' }, visits: 3, uniqueVisitors: 2, signups: 1, joins: 1, paid: 1, costCents: 30_000, cacCents: 30_000,
  }]);
  assert.deepEqual(board.sop.overdue.map((t: { title: string; status: string }) => [t.title, t.status]), [['D6 作业点评', 'todo'], ['D7 未打卡私聊', 'missed']]);
  assert.deepEqual(board.sop.byStaff.filter((s: { due: number }) => s.due > 0).map((s: { key: number; due: number }) => [s.key, s.due]), [[id.owner, 4]]);
  assert.deepEqual(board.sop.total.completionRate, { numerator: 2, denominator: 3, value: 0.6667 });

  // 一组's goal: 4 signups over two days, 2 planned a day; m8 (O's channel) is the one signup of 03-11.
  const [day] = board.goals.attainment;
  assert.deepEqual([day.goalName, day.team?.id, day.planned, day.target, day.actual, day.met], ['三月招生冲刺', id.team1, 2, 2, 1, false]);
  assert.deepEqual(day.achievement, { numerator: 1, denominator: 2, value: 0.5 });
  const standing = board.goals.standings.find((g: { goalName: string }) => g.goalName === '三月招生冲刺');
  assert.deepEqual([standing.achieved, standing.completion, standing.timeElapsed, standing.gapPoints], [1, 0.25, 0.5, 25]);

  // The whole workspace: m4 (left its group) and m8 (no group yet) count too.
  const all = await ok(as.sales.get('/api/v1/briefings/morning'));
  assert.equal(all.team, null);
  const [whole] = all.campaigns;
  assert.deepEqual([whole.participants, whole.met, whole.onTrack, whole.borderline, whole.outOfReach], [7, 2, 2, 1, 2]);
  assert.deepEqual(whole.checkinRate, { numerator: 3, denominator: 7, value: 0.4286 });
  assert.deepEqual(all.teams.map((t: { name: string }) => t.name).sort(), ['运营一组', '销售组'].sort());

  const sales = await ok(as.admin.get(`/api/v1/briefings/morning?teamId=${id.team2}&date=2026-03-12`));
  assert.deepEqual([sales.campaigns.length, sales.channels.length, sales.redFlags.missedTwice.length, sales.redFlags.alerts.length], [0, 0, 0, 0], "nothing of 一组's shows on 销售组's board");
  assertError(await as.admin.get('/api/v1/briefings/morning?teamId=987654'), 404, 'team.not_found', 'teamId');
});

test('the retrospective compares X2 with its goals and with X1, and keeps what was typed', async () => {
  const r = await ok(as.owner.get(`/api/v1/campaigns/${id.x2}/retrospective`));
  assert.deepEqual([r.campaign.key, r.previous?.key, r.asOf, r.retrospective], ['X2', 'X1', '2026-03-12', null]);
  const metric = (key: string) => r.metrics.find((m: { key: string }) => m.key === key);

  assert.deepEqual(metric('signups'), {
    key: 'signups', unit: 'people', value: 7, ratio: null, target: { value: 10, goalId: metric('signups').target.goalId, goalName: 'X2 招生 10 人' },
    previous: 4, diff: 3, result: 'missed',
  });
  assert.deepEqual([metric('revenue_cents').value, metric('revenue_cents').target.value, metric('revenue_cents').result], [69_300, 50_000, 'exceeded']);
  assert.deepEqual([metric('joined_group').value, metric('returning').value, metric('new_members').value], [6, 2, 5]);
  // Day 1: m8 signed up on day 7, so the day-1 denominator is the other 6, of whom 5 checked in. X1: 3 of 4.
  assert.deepEqual(metric('day1_checkin_rate').ratio, { numerator: 5, denominator: 6, value: 0.8333 });
  assert.deepEqual([metric('day1_checkin_rate').previous, metric('day1_checkin_rate').diff], [0.75, 0.0833]);
  assert.deepEqual(metric('checkin_rate').ratio, { numerator: 25, denominator: 43, value: 0.5814 });
  assert.deepEqual([metric('met_requirement').value, metric('met_requirement').previous], [2, 2]);
  assert.deepEqual(metric('completion_rate').ratio, { numerator: 2, denominator: 7, value: 0.2857 });
  // m5 has signed up for X3; X1 is cut 8 days after its start too, before m1 and m2 came back for X2.
  assert.deepEqual([metric('reenrolled').value, metric('reenrolled').previous], [1, 0]);
  assert.deepEqual(metric('sop_completion').ratio, { numerator: 2, denominator: 4, value: 0.5 }, "the campaign's groups up to yesterday: done 1 + late 1 of 5 due − 1 skipped");
  assert.deepEqual(r.curve.map((d: { dayIndex: number; rate: { numerator: number }; previous: { numerator: number } | null }) => [d.dayIndex, d.rate.numerator, d.previous?.numerator]),
    [[1, 5, 3], [2, 4, 3], [3, 4, 3], [4, 4, 2], [5, 3, 2], [6, 2, 2], [7, 3, 2]]);
  assert.ok(r.definitions.reenrolled['zh-CN'].period && r.definitions.result.en.numerator);

  const body = {
    goalNote: '招生 10 人，收款 500 元', resultNote: '招生未达成，收款超出',
    analysis: '第 6 天起两群都有学员连续断卡，私聊跟进晚了一天。', insight: '第 5 天前后安排一次直播答疑，断卡名单当天私聊。',
    actions: [{ what: '断卡私聊 SOP 提前到 20:00', ownerId: id.owner, due: '2026-03-31' }, { what: '下期海报改版', ownerId: null, due: null }],
  };
  assertError(await as.sales.send('PUT', `/api/v1/campaigns/${id.x2}/retrospective`, body), 403, 'auth.forbidden');
  const saved = await ok(as.lead.send('PUT', `/api/v1/campaigns/${id.x2}/retrospective`, body));
  assert.equal(saved.retrospective.analysis, body.analysis);
  assert.deepEqual(saved.retrospective.actions, [
    { what: '断卡私聊 SOP 提前到 20:00', owner: { id: id.owner, name: '赵群主' }, due: '2026-03-31' },
    { what: '下期海报改版', owner: null, due: null },
  ]);
  assert.deepEqual(saved.retrospective.updatedBy, { id: id.lead, name: '李组长' });
  assert.equal((await ok(as.owner.get(`/api/v1/campaigns/${id.x2}/retrospective`))).retrospective.insight, body.insight);
  const again = await ok(as.lead.send('PUT', `/api/v1/campaigns/${id.x2}/retrospective`, { analysis: '改过的分析' }));
  assert.deepEqual([again.retrospective.analysis, again.retrospective.insight, again.retrospective.actions], ['改过的分析', '', []], 'PUT replaces every typed part');
  assertError(await as.lead.send('PUT', `/api/v1/campaigns/${id.x2}/retrospective`, { actions: [{ what: 'x', ownerId: 987654 }] }), 404, 'staff.not_found', 'actions.0.ownerId');

  const written = await ok(as.owner.get('/api/v1/retrospectives?written=true'));
  assert.deepEqual(written.items.map((i: { campaign: { key: string } }) => i.campaign.key), ['X2']);
  const notYet = await ok(as.owner.get('/api/v1/retrospectives?written=false'));
  assert.deepEqual(notYet.items.map((i: { campaign: { key: string } }) => i.campaign.key), ['X3', 'X1']);
  const audit = await db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('entity', '=', 'retrospective').orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['retrospective.create', 'retrospective.update']);

  const first = await ok(as.owner.get(`/api/v1/campaigns/${id.x1}/retrospective`));
  assert.equal(first.previous, null, 'X1 has no edition before it');
  assert.ok(first.metrics.every((m: { previous: unknown; diff: unknown }) => m.previous === null && m.diff === null));
});

test('who may read whose daily report', async () => {
  assertError(await as.sales.get(`/api/v1/briefings/daily?staffId=${id.owner}`), 403, 'briefing.forbidden', 'staffId');
  assertError(await as.owner.get(`/api/v1/briefings/daily?staffId=${id.lead}`), 403, 'briefing.forbidden', 'staffId');
  assert.equal((await ok(as.lead.get(`/api/v1/briefings/daily?staffId=${id.owner}`))).staff.id, id.owner, 'the lead reads the team');
  assert.equal((await ok(as.admin.get(`/api/v1/briefings/daily?staffId=${id.sales}`))).staff.id, id.sales, 'an admin reads anyone');
  assert.equal((await ok(as.sales.get('/api/v1/briefings/daily'))).staff.id, id.sales, 'everyone reads their own');
  assertError(await as.admin.get('/api/v1/briefings/daily?staffId=987654'), 404, 'staff.not_found', 'staffId');
});
