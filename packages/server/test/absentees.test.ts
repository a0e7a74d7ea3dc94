// Absentees (未打卡 ∧ 未达标 ∧ 已进群) over HTTP and the 20:00 reminder run as a plain function with the test's clock:
// who is listed and why, what happens when no group membership is known, and one alert per campaign and day.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { remindAbsentees } from '../src/checkins/reminder.js';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type TestServer } from './harness.js';
import { campaignWithMembers } from './fixtures/enrollment.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

const pad = (n: number) => String(n).padStart(2, '0');
const cst = (day: number, time = '10:00:00') => `2026-12-${pad(day)}T${time}+08:00`;
const setClock = (instant: string) => server.services.clock.set(instant);
const RULES = { daysRequiredForRefund: 3, daysRequiredForCompletion: 3, borderlineDays: 1 };

/**
 * Six members: 0 in group G1 and absent; 1 in G1, checked in today; 2 in G2 (the group of their enrollment, not
 * assigned to the campaign) and absent; 3 left G1; 4 in G1 with the requirement already met; 5 cancelled.
 */
async function scene() {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const operator = await w.as('operator');
  const operatorId = (await ok(operator.get('/api/v1/auth/me'))).staff.id;
  const ownerId = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
  const campaign = await campaignWithMembers(server, w.id, owner, { startsOn: '2026-12-01', endsOn: '2026-12-21', rules: RULES, members: 6 });
  const m = campaign.members;
  const g1 = await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: 'X1 早起 1 群', campaignId: campaign.id, ownerStaffId: operatorId }), 201);
  const g2 = await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: '老学员群', ownerStaffId: ownerId }), 201);
  const db = server.services.database.db;
  await db.updateTable('enrollments').set({ group_id: g2.id }).where('id', '=', m[2]!.enrollmentId).execute();
  for (const i of [0, 1, 3, 4]) await ok(owner.post(`/api/v1/groups/${g1.id}/members`, { memberNo: m[i]!.memberNo }), 201);
  await ok(owner.post(`/api/v1/groups/${g2.id}/members`, { memberNo: m[2]!.memberNo }), 201);
  await ok(owner.post(`/api/v1/groups/${g1.id}/members/${m[3]!.memberNo}/leave`, {}));
  for (const d of [1, 2, 3]) {
    setClock(cst(d));
    await ok(m[4]!.client.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: `第${d}天` }), 201);
  }
  setClock(cst(2));
  await ok(m[0]!.client.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: '第二天' }), 201);
  setClock(cst(4, '08:00:00'));
  await ok(m[1]!.client.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: '第四天' }), 201);
  await db.updateTable('enrollments').set({ status: 'cancelled' }).where('id', '=', m[5]!.enrollmentId).execute();
  await db.updateTable('campaigns').set((eb) => ({ enrolled_count: eb('enrolled_count', '-', 1) })).where('id', '=', campaign.id).execute();
  return { w, owner, operator, operatorId, ownerId, campaign, g1, g2 };
}

test('absentees of today: active, in a group, no check-in today, requirement not met; with counts, group, progress and last check-in', async () => {
  const { owner, campaign, g1, g2 } = await scene();
  const m = campaign.members;
  setClock(cst(4, '20:00:00'));
  const list = await ok(owner.get(`/api/v1/campaigns/${campaign.id}/absentees`));
  assert.deepEqual([list.date, list.dayIndex, list.reminderTime, list.groupKnown, list.note], ['2026-12-04', 4, '20:00', true, null]);
  assert.deepEqual(list.counts, { enrolled: 5, inGroup: 4, checkedIn: 1, absent: 2 });
  assert.deepEqual(list.items, [
    {
      enrollmentId: m[0]!.enrollmentId, member: { id: m[0]!.id, memberNo: m[0]!.memberNo, nickname: '打卡人1' }, inGroup: true,
      group: { id: g1.id, name: 'X1 早起 1 群' }, counted: 1, required: 3, remaining: 2, streak: 0,
      lastCheckin: { dayIndex: 2, date: '2026-12-02', at: '2026-12-02T02:00:00.000Z' },
    },
    {
      enrollmentId: m[2]!.enrollmentId, member: { id: m[2]!.id, memberNo: m[2]!.memberNo, nickname: '打卡人3' }, inGroup: true,
      group: { id: g2.id, name: '老学员群' }, counted: 0, required: 3, remaining: 3, streak: 0, lastCheckin: null,
    },
  ]);
  // An earlier day, by date: member 1 had not checked in on day 2; member 0 had.
  const day2 = await ok(owner.get(`/api/v1/campaigns/${campaign.id}/absentees?date=2026-12-02`));
  assert.deepEqual([day2.dayIndex, day2.items.map((x: { member: { memberNo: number } }) => x.member.memberNo)], [2, [m[1]!.memberNo, m[2]!.memberNo]]);
  assertError(await owner.get(`/api/v1/campaigns/${campaign.id}/absentees?date=2026-12-22`), 400, 'checkin.date_outside', 'date');
  assertError(await owner.get(`/api/v1/campaigns/${campaign.id}/absentees?date=2026-02-30`), 400, 'validation.failed', 'date');
  // Before the campaign, without a date: nobody is due, and the answer says why.
  setClock('2026-11-25T20:00:00+08:00');
  const early = await ok(owner.get(`/api/v1/campaigns/${campaign.id}/absentees`));
  assert.deepEqual([early.dayIndex, early.items, early.counts.absent], [-5, [], 0]);
  assert.match(early.note, /not a day of the campaign/);
});

test('when no membership of the campaign\'s groups is known, every absentee is listed and the answer says so', async () => {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const campaign = await campaignWithMembers(server, w.id, owner, { startsOn: '2026-12-01', endsOn: '2026-12-21', rules: RULES, members: 3 });
  await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: '没导入名单的群', campaignId: campaign.id }), 201);
  setClock(cst(6, '09:00:00'));
  await ok(campaign.members[1]!.client.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: '打卡' }), 201);
  setClock(cst(6, '20:05:00'));
  const list = await ok(owner.get(`/api/v1/campaigns/${campaign.id}/absentees`));
  assert.equal(list.groupKnown, false);
  assert.match(list.note, /No membership/);
  assert.deepEqual(list.counts, { enrolled: 3, inGroup: 0, checkedIn: 1, absent: 2 });
  assert.deepEqual(list.items.map((x: { member: { memberNo: number }; inGroup: boolean; group: unknown }) => [x.member.memberNo, x.inGroup, x.group]),
    [[campaign.members[0]!.memberNo, false, null], [campaign.members[2]!.memberNo, false, null]]);

  // The reminder says so too, and with no group owner the alert is for everyone.
  assert.ok((await remindAbsentees(server.services.database.db, server.services.clock.now())).includes(campaign.id));
  const alerts = (await ok(owner.get('/api/v1/alerts'))).items.filter((a: { kind: string }) => a.kind === 'checkin.absentees');
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0].staff, null);
  assert.match(alerts[0].message, /2 人今天还没打卡、未达到退款要求（群成员未知，按全部报名计）/);
});

test('the reminder raises one alert per campaign and day, after the reminder time, to the owners of its groups', async () => {
  const { owner, operator, operatorId, ownerId, campaign } = await scene();
  const db = server.services.database.db;
  const mine = async () => (await ok(owner.get('/api/v1/alerts?open=true'))).items.filter((a: { kind: string; subject: string }) => a.kind === 'checkin.absentees' && a.subject.startsWith(`campaign:${campaign.id}:`));
  const resolved = async () => (await ok(owner.get('/api/v1/alerts?open=false'))).items.filter((a: { kind: string; subject: string }) => a.kind === 'checkin.absentees' && a.subject.startsWith(`campaign:${campaign.id}:`));

  setClock(cst(4, '19:59:59'));
  assert.ok(!(await remindAbsentees(db, server.services.clock.now())).includes(campaign.id), 'not before 20:00');
  assert.deepEqual(await mine(), []);
  setClock(cst(4, '20:00:30'));
  assert.ok((await remindAbsentees(db, server.services.clock.now())).includes(campaign.id));
  let alerts = await mine();
  assert.deepEqual(alerts.map((a: { staff: { id: number } }) => a.staff.id).sort((x: number, y: number) => x - y), [ownerId, operatorId].sort((x, y) => x - y), 'one per group owner');
  assert.equal(alerts[0].subject, `campaign:${campaign.id}:2026-12-04`);
  assert.equal(alerts[0].level, 'warning');
  assert.match(alerts[0].message, /「X1 21天早起打卡营」第 4 天（2026-12-04）20:00：2 人已进群、今天还没打卡、未达到退款要求；报名 5 人，已打卡 1 人/);

  // Later ticks the same day raise nothing more, even once the alert is resolved.
  setClock(cst(4, '20:01:10'));
  assert.ok(!(await remindAbsentees(db, server.services.clock.now())).includes(campaign.id));
  for (const a of alerts) await ok(operator.post(`/api/v1/alerts/${a.id}/resolve`, {}));
  setClock(cst(4, '23:30:00'));
  assert.ok(!(await remindAbsentees(db, server.services.clock.now())).includes(campaign.id));
  assert.deepEqual(await mine(), []);
  assert.equal((await resolved()).length, 2);
  // Two servers ticking at once still raise one set.
  setClock(cst(5, '20:00:00'));
  const [a, b] = await Promise.all([remindAbsentees(db, server.services.clock.now()), remindAbsentees(db, server.services.clock.now())]);
  assert.equal([...a, ...b].filter((id) => id === campaign.id).length, 1);
  alerts = await mine();
  assert.deepEqual(alerts.map((x: { subject: string }) => x.subject), [`campaign:${campaign.id}:2026-12-05`, `campaign:${campaign.id}:2026-12-05`]);

  // A day on which everyone due has checked in raises nothing; nor does a day after the campaign.
  setClock(cst(6, '09:00:00'));
  for (const i of [0, 1, 2]) await ok(campaign.members[i]!.client.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: '第六天' }), 201);
  setClock(cst(6, '20:30:00'));
  assert.ok(!(await remindAbsentees(db, server.services.clock.now())).includes(campaign.id));
  setClock('2026-12-22T20:30:00+08:00');
  assert.ok(!(await remindAbsentees(db, server.services.clock.now())).includes(campaign.id));
  assert.equal((await mine()).length, 2);
});
