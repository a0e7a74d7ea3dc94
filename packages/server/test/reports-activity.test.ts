// The activity report over HTTP on hand-made data: the heat map (weekday × hour, workspace zone) and dwell per day
// for a campaign's participants and for a group's members, with the instants either side of local midnight in
// Asia/Shanghai and across a daylight-saving change in America/New_York, the counted-events setting, a cancelled
// enrollment, a merged member, rows outside the range, and another workspace's rows on our member ids.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';
import { Fixture, utc } from './reports-fixture.js';

let server: TestServer;
let admin: Client;
let groupId = 0;
let otherGroupId = 0;

before(async () => {
  server = await startServer();
  const W = await createWorkspace(server);
  admin = await W.as('admin');
  const f = new Fixture(server, W.id);
  const X1 = await f.campaign(await f.series('X'), 'X1', 1, '2026-03-01', '2026-03-21');
  const [m1, m2, m3, m4, m5, m6] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => f.member())) as [number, number, number, number, number, number];
  const e2 = await f.enroll(X1, m2);
  await f.enroll(X1, m1);
  await f.enroll(X1, m3, { status: 'cancelled' });
  await f.merge(m5, m1);

  // 2026-03-02 is a Monday. Shanghai is UTC+8 all year.
  await f.event(m1, 'tap', '2026-03-01T23:59:59+08:00'); // the day before the range
  await f.event(m1, 'page_view', '2026-03-02T09:00:00+08:00', { duration_ms: 10_000 }); // Mon 9
  await f.checkin(e2, 2, { at: utc('2026-03-02T20:10:00+08:00') }); // Mon 20
  await f.event(m2, 'page_view', '2026-03-02T20:30:00+08:00', { duration_ms: 30_000 }); // Mon 20
  await f.event(m5, 'page_view', '2026-03-02T21:00:00+08:00', { duration_ms: 20_000 }); // Mon 21, m5 merged into m1
  await f.event(m1, 'tap', '2026-03-02T23:59:59+08:00'); // Mon 23
  await f.event(m1, 'tap', '2026-03-03T00:00:00+08:00'); // Tue 0
  await f.event(m1, 'page_view', '2026-03-03T09:00:00+08:00', { duration_ms: 5_000 }); // Tue 9
  await f.event(m2, 'page_view', '2026-03-03T10:00:00+08:00', { duration_ms: -1_000 }); // Tue 10: a member, no usable duration
  await f.event(m1, 'tap', '2026-03-04T00:00:00+08:00'); // the day after the range
  await f.event(m3, 'tap', '2026-03-02T20:00:00+08:00'); // cancelled: not a participant
  await f.event(m4, 'tap', '2026-03-02T20:00:00+08:00'); // not a participant; in the group from Tuesday

  const G = groupId = await f.group('X1 打卡1群', X1);
  await f.membership(G, m1, '2026-02-20T00:00:00.000Z');
  await f.membership(G, m4, utc('2026-03-03T12:00:00+08:00'));
  await f.membership(G, m3, '2026-02-01T00:00:00.000Z', utc('2026-03-01T23:59:59+08:00')); // left before the range
  await f.membership(G, m6, utc('2026-03-04T00:00:00+08:00')); // joined after it
  await f.event(m6, 'tap', '2026-03-02T20:00:00+08:00');

  // Another workspace writing events, check-ins and a membership under our members' ids.
  const otherWs = await createWorkspace(server);
  const other = new Fixture(server, otherWs.id);
  const oX1 = await other.campaign(await other.series('X'), 'X1', 1, '2026-03-01', '2026-03-21');
  const o1 = await other.member();
  await other.event(m1, 'page_view', '2026-03-02T20:00:00+08:00', { duration_ms: 99_000 });
  await other.event(m2, 'tap', '2026-03-03T20:00:00+08:00');
  await other.checkin(await other.enroll(oX1, m2), 1, { at: utc('2026-03-02T20:00:00+08:00') });
  otherGroupId = await other.group('别人的群', oX1);
  // Its membership row in our group must not bring its member into the group's scope.
  await other.membership(G, o1, '2026-02-20T00:00:00.000Z');
  await f.event(o1, 'tap', '2026-03-02T20:00:00+08:00');
});

after(async () => {
  await server?.close();
});

const cell = (weekday: number, hour: number, actions: number) => ({ weekday, hour, actions });

test("a campaign's participants: every action by local weekday and hour, and dwell per local day", async () => {
  const body = await ok(admin.get('/api/v1/reports/activity?campaign=X1&from=2026-03-02&to=2026-03-03'));
  assert.deepEqual(body.scope, { campaign: 'X1' });
  assert.equal(body.from, '2026-03-02');
  assert.equal(body.to, '2026-03-03');
  assert.deepEqual(body.heatmap, [
    cell(1, 9, 1), cell(1, 20, 2), cell(1, 21, 1), cell(1, 23, 1),
    cell(2, 0, 1), cell(2, 9, 1), cell(2, 10, 1),
  ]);
  assert.deepEqual(body.dwell, [
    { date: '2026-03-02', members: 2, total_ms: 60_000, per_member_ms: 30_000 },
    { date: '2026-03-03', members: 2, total_ms: 5_000, per_member_ms: 2_500 },
  ]);
  for (const field of ['heatmap', 'actions', 'dwell', 'members', 'total_ms', 'per_member_ms']) {
    assert.ok(typeof body.definitions[field]?.numerator === 'string' && typeof body.definitions[field].period === 'string', field);
  }
  assert.equal(body.definitions.per_member_ms.denominator.startsWith('members'), true);
});

test("a group's members at any time in the range: their actions over the whole range", async () => {
  const body = await ok(admin.get(`/api/v1/reports/activity?group=${groupId}&from=2026-03-02&to=2026-03-03`));
  assert.deepEqual(body.scope, { group: groupId });
  assert.deepEqual(body.heatmap, [
    cell(1, 9, 1), cell(1, 20, 1), cell(1, 21, 1), cell(1, 23, 1),
    cell(2, 0, 1), cell(2, 9, 1),
  ]);
  assert.deepEqual(body.dwell, [
    { date: '2026-03-02', members: 1, total_ms: 30_000, per_member_ms: 30_000 },
    { date: '2026-03-03', members: 1, total_ms: 5_000, per_member_ms: 5_000 },
  ]);
});

test('a day with no page views has zero members and no per-member figure', async () => {
  const body = await ok(admin.get('/api/v1/reports/activity?campaign=X1&from=2026-03-04&to=2026-03-05'));
  assert.deepEqual(body.heatmap, [cell(3, 0, 1)]);
  assert.deepEqual(body.dwell, [
    { date: '2026-03-04', members: 0, total_ms: 0, per_member_ms: null },
    { date: '2026-03-05', members: 0, total_ms: 0, per_member_ms: null },
  ]);
});

test('only the counted events count when the workspace names them; check-ins always count; dwell is unchanged', async () => {
  await ok(admin.send('PUT', '/api/v1/reports/settings', { activityEvents: ['page_view'] }));
  try {
    const body = await ok(admin.get('/api/v1/reports/activity?campaign=X1&from=2026-03-02&to=2026-03-03'));
    assert.deepEqual(body.heatmap, [cell(1, 9, 1), cell(1, 20, 2), cell(1, 21, 1), cell(2, 9, 1), cell(2, 10, 1)]);
    assert.equal(body.dwell[0].total_ms, 60_000);
    assert.match(body.definitions.heatmap.numerator, /page_view/);
    await ok(admin.send('PUT', '/api/v1/reports/settings', { activityEvents: [] }));
    const none = await ok(admin.get('/api/v1/reports/activity?campaign=X1&from=2026-03-02&to=2026-03-03'));
    assert.deepEqual(none.heatmap, [cell(1, 20, 1)], 'no event counts: the check-in is left');
  } finally {
    await ok(admin.send('PUT', '/api/v1/reports/settings', { activityEvents: null }));
  }
});

test('America/New_York: local days and hours across the change to daylight saving time', async () => {
  const ws = await createWorkspace(server);
  const f = new Fixture(server, ws.id);
  await f.timezone('America/New_York');
  const client = await ws.as('admin');
  const N1 = await f.campaign(await f.series('N'), 'N1', 1, '2026-03-01', '2026-03-21');
  const m = await f.member();
  await f.enroll(N1, m);
  // 2026-03-08 02:00 EST becomes 03:00 EDT (UTC−5 → UTC−4): the day runs 05:00Z to 04:00Z the next day.
  await f.event(m, 'page_view', '2026-03-08T04:59:59Z', { duration_ms: 1_000 }); // Sat 7 Mar 23:59:59 EST
  await f.event(m, 'page_view', '2026-03-08T05:00:00Z', { duration_ms: 2_000 }); // Sun 8 Mar 00:00 EST
  await f.event(m, 'tap', '2026-03-08T07:30:00Z'); // Sun 03:30 EDT
  await f.event(m, 'page_view', '2026-03-09T03:59:59Z', { duration_ms: 4_000 }); // Sun 23:59:59 EDT
  await f.event(m, 'tap', '2026-03-09T04:00:00Z'); // Mon 9 Mar 00:00 EDT
  const body = await ok(client.get('/api/v1/reports/activity?campaign=N1&from=2026-03-08&to=2026-03-08'));
  assert.equal(body.timezone, 'America/New_York');
  assert.deepEqual(body.heatmap, [cell(7, 0, 1), cell(7, 3, 1), cell(7, 23, 1)]);
  assert.deepEqual(body.dwell, [{ date: '2026-03-08', members: 1, total_ms: 6_000, per_member_ms: 6_000 }]);
  const both = await ok(client.get('/api/v1/reports/activity?campaign=N1&from=2026-03-07&to=2026-03-09'));
  assert.deepEqual(both.heatmap, [cell(1, 0, 1), cell(6, 23, 1), cell(7, 0, 1), cell(7, 3, 1), cell(7, 23, 1)]);
  assert.deepEqual(both.dwell.map((d: { total_ms: number }) => d.total_ms), [1_000, 6_000, 0]);
});

test('errors: campaign or group (exactly one), the range, unknown keys and ids, name the parameter', async () => {
  const get = (q: string) => admin.get(`/api/v1/reports/activity?${q}`);
  assertError(await get('from=2026-03-02&to=2026-03-03'), 400, 'validation.failed', 'campaign');
  assertError(await get(`campaign=X1&group=${groupId}&from=2026-03-02&to=2026-03-03`), 400, 'validation.failed', 'campaign');
  assertError(await get('campaign=X1&from=2026-03-03&to=2026-03-02'), 400, 'validation.failed', 'to');
  assertError(await get('campaign=X1&from=2026-01-01&to=2026-04-03'), 400, 'report.range_too_long', 'to');
  assert.equal((await get('campaign=X1&from=2026-01-01&to=2026-04-02')).status, 200, '92 days is allowed');
  assertError(await get('campaign=X1&from=2026-02-30&to=2026-03-02'), 400, 'validation.failed', 'from');
  assertError(await get('campaign=X1&from=2026-03-02'), 400, 'validation.failed', 'to');
  assertError(await get('group=abc&from=2026-03-02&to=2026-03-03'), 400, 'validation.failed', 'group');
  assertError(await get('campaign=NOPE&from=2026-03-02&to=2026-03-03'), 404, 'campaign.not_found');
  assertError(await get('group=99999999&from=2026-03-02&to=2026-03-03'), 404, 'group.not_found');
  assertError(await get(`group=${otherGroupId}&from=2026-03-02&to=2026-03-03`), 404, 'group.not_found');
});
