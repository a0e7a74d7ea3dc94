// The groups report over HTTP on hand-made memberships and message events: members at the end of each local day,
// joins, leaves, who spoke and the silent share, for a campaign's groups and for one group; joins and messages at
// 23:59:59 and 00:00:00 Asia/Shanghai, a day across the daylight-saving change in America/New_York, a merged member,
// messages naming the group as a number or a string (or another group, or none), and another workspace's rows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';
import { Fixture, utc } from './reports-fixture.js';

let server: TestServer;
let admin: Client;
const g: Record<string, number> = {};

before(async () => {
  server = await startServer();
  const W = await createWorkspace(server);
  admin = await W.as('admin');
  const f = new Fixture(server, W.id);
  const series = await f.series('X');
  const X1 = await f.campaign(series, 'X1', 1, '2026-03-01', '2026-03-21');
  const X2 = await f.campaign(series, 'X2', 2, '2026-04-01', '2026-04-21');
  const G1 = g.G1 = await f.group('X1 打卡1群', X1);
  const G2 = g.G2 = await f.group('X1 打卡2群', X1);
  const G3 = g.G3 = await f.group('X2 打卡1群', X2);
  g.G4 = await f.group('X1 空群', X1);
  const [m1, m2, m3, m4, m5, m6, m7, m8, m9] = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9].map(() => f.member())) as number[] as
    [number, number, number, number, number, number, number, number, number];
  await f.merge(m6, m1);

  // G1, range 2026-03-02 … 03-04 (Shanghai, UTC+8).
  await f.membership(G1, m1, '2026-02-20T00:00:00.000Z');
  await f.membership(G1, m6, '2026-02-21T00:00:00.000Z'); // merged into m1: the same person
  await f.membership(G1, m2, '2026-02-20T00:00:00.000Z', utc('2026-03-02T23:59:59+08:00')); // leaves on the 2nd
  await f.membership(G1, m3, utc('2026-03-03T00:00:00+08:00')); // joins on the 3rd
  await f.membership(G1, m4, utc('2026-03-03T10:00:00+08:00'), utc('2026-03-03T18:00:00+08:00')); // in and out on the 3rd
  await f.membership(G1, m5, utc('2026-03-04T12:00:00+08:00')); // joins on the 4th
  await f.membership(G1, m7, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'); // before the range
  await f.membership(G1, m8, utc('2026-03-05T00:00:00+08:00')); // after it
  await f.event(m1, 'message', '2026-03-02T10:00:00+08:00', { group: G1 });
  await f.event(m6, 'message', '2026-03-02T11:00:00+08:00', { group: String(G1) }); // m1 again
  await f.event(m2, 'message', '2026-03-02T23:59:59+08:00', { group: G1 }); // spoke, then left that day
  await f.event(m3, 'message', '2026-03-03T00:00:00+08:00', { group: G1 });
  await f.event(m3, 'message', '2026-03-03T08:00:00+08:00', { group: String(G2) });
  await f.event(m1, 'message', '2026-03-04T09:00:00+08:00', { group: 999_999 });
  await f.event(m1, 'message', '2026-03-04T09:00:00+08:00', {});
  await f.event(m1, 'tap', '2026-03-04T09:00:00+08:00', { group: G1 });
  await f.event(m5, 'message', '2026-03-05T00:00:00+08:00', { group: G1 }); // the day after the range
  // G2.
  await f.membership(G2, m3, '2026-02-25T00:00:00.000Z');
  await f.membership(G2, m9, '2026-02-25T00:00:00.000Z', utc('2026-03-04T08:00:00+08:00'));
  // G3 belongs to X2.
  await f.membership(G3, m1, '2026-02-20T00:00:00.000Z');

  // Another workspace: a membership row in our G1, and a message naming G1 under our member's id.
  const other = new Fixture(server, (await createWorkspace(server)).id);
  const o1 = await other.member();
  await other.group('别人的群', X1); // pointing at our campaign
  await other.membership(G1, o1, '2026-02-20T00:00:00.000Z');
  await other.event(m4, 'message', '2026-03-04T09:00:00+08:00', { group: G1 });
  await f.event(o1, 'message', '2026-03-04T09:00:00+08:00', { group: G1 });
});

after(async () => {
  await server?.close();
});

const day = (date: string, members: number, joins: number, leaves: number, spoke: number, silent_share: number | null) =>
  ({ date, members, joins, leaves, net: joins - leaves, spoke, silent_share });

const G1_DAYS = [
  // Spoke: m1 (twice, once as m6) and m2, who left that evening: more speakers than members leaves no one silent.
  day('2026-03-02', 1, 0, 1, 2, 0),
  day('2026-03-03', 2, 2, 1, 1, 0.5),
  day('2026-03-04', 3, 1, 0, 0, 1),
];

test("a campaign's groups: one row per group of the campaign, a day per date of the range", async () => {
  const body = await ok(admin.get('/api/v1/reports/groups?campaign=X1&from=2026-03-02&to=2026-03-04'));
  assert.deepEqual(body.groups, [
    { group_id: g.G1, group: 'X1 打卡1群', days: G1_DAYS },
    {
      group_id: g.G2, group: 'X1 打卡2群', days: [
        day('2026-03-02', 2, 0, 0, 0, 1),
        day('2026-03-03', 2, 0, 0, 1, 0.5),
        day('2026-03-04', 1, 0, 1, 0, 1),
      ],
    },
    { group_id: g.G4, group: 'X1 空群', days: ['2026-03-02', '2026-03-03', '2026-03-04'].map((d) => day(d, 0, 0, 0, 0, null)) },
  ]);
  assert.equal(body.from, '2026-03-02');
  assert.equal(body.to, '2026-03-04');
  for (const field of ['members', 'joins', 'leaves', 'net', 'spoke', 'silent_share']) {
    assert.ok(typeof body.definitions[field]?.numerator === 'string' && typeof body.definitions[field].period === 'string', field);
  }
  assert.notEqual(body.definitions.silent_share.denominator, null);
});

test('one group, and a range that starts after the first day', async () => {
  const body = await ok(admin.get(`/api/v1/reports/groups?group=${g.G1}&from=2026-03-03&to=2026-03-03`));
  assert.deepEqual(body.groups, [{ group_id: g.G1, group: 'X1 打卡1群', days: [G1_DAYS[1]] }]);
  const x2 = await ok(admin.get(`/api/v1/reports/groups?group=${g.G3}&from=2026-03-02&to=2026-03-02`));
  assert.deepEqual(x2.groups, [{ group_id: g.G3, group: 'X2 打卡1群', days: [day('2026-03-02', 1, 0, 0, 0, 1)] }]);
});

test('America/New_York: day boundaries across the change to daylight saving time', async () => {
  const ws = await createWorkspace(server);
  const f = new Fixture(server, ws.id);
  await f.timezone('America/New_York');
  const client = await ws.as('admin');
  const G = await f.group('NY 群', null);
  const [a, b, c] = await Promise.all([f.member(), f.member(), f.member()]);
  // 7 Mar runs 05:00Z–05:00Z (EST); 8 Mar runs 05:00Z–04:00Z the next day (23 hours, EDT from 02:00).
  await f.membership(G, a!, '2026-03-08T04:59:59.000Z'); // 7 Mar 23:59:59
  await f.membership(G, b!, '2026-03-08T05:00:00.000Z', '2026-03-09T03:59:59.000Z'); // 8 Mar 00:00:00 – 23:59:59
  await f.membership(G, c!, '2026-03-01T12:00:00.000Z', '2026-03-09T04:00:00.000Z'); // leaves 9 Mar 00:00:00
  await f.event(b!, 'message', '2026-03-08T04:59:59Z', { group: G }); // 7 Mar, before b joined
  await f.event(a!, 'message', '2026-03-09T03:59:59Z', { group: G }); // 8 Mar 23:59:59
  await f.event(c!, 'message', '2026-03-09T04:00:00Z', { group: G }); // 9 Mar: outside the range
  const body = await ok(client.get(`/api/v1/reports/groups?group=${G}&from=2026-03-07&to=2026-03-08`));
  assert.equal(body.timezone, 'America/New_York');
  assert.deepEqual(body.groups[0].days, [
    day('2026-03-07', 2, 1, 0, 1, 0.5),
    day('2026-03-08', 2, 1, 1, 1, 0.5),
  ]);
});

test('errors: campaign or group (exactly one), the range, unknown keys and ids, name the parameter', async () => {
  const get = (q: string) => admin.get(`/api/v1/reports/groups?${q}`);
  assertError(await get('from=2026-03-02&to=2026-03-03'), 400, 'validation.failed', 'campaign');
  assertError(await get(`campaign=X1&group=${g.G1}&from=2026-03-02&to=2026-03-03`), 400, 'validation.failed', 'campaign');
  assertError(await get('campaign=X1&from=2026-03-03&to=2026-03-02'), 400, 'validation.failed', 'to');
  assertError(await get('campaign=X1&from=2026-03-01&to=2026-06-01'), 400, 'report.range_too_long', 'to');
  assertError(await get('campaign=X1&from=03/02/2026&to=2026-03-03'), 400, 'validation.failed', 'from');
  assertError(await get('group=0&from=2026-03-02&to=2026-03-03'), 400, 'validation.failed', 'group');
  assertError(await get('campaign=NOPE&from=2026-03-02&to=2026-03-03'), 404, 'campaign.not_found');
  assertError(await get('group=99999999&from=2026-03-02&to=2026-03-03'), 404, 'group.not_found');
});
