// The channels report over HTTP on a hand-made dataset: every field of every row computed by hand below, with a
// cancelled enrollment, a rejected check-in, an unapproved make-up, a day past daysTotal, a 0-day requirement, a
// re-enrolment made after "now", a merged member's group membership, and another workspace's rows on our ids.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';
import { Fixture } from './reports-fixture.js';

let server: TestServer;
let admin: Client;
const ids: Record<string, number> = {};

before(async () => {
  server = await startServer();
  const W = await createWorkspace(server);
  admin = await W.as('admin');
  server.services.clock.set('2026-03-20T04:00:00.000Z');
  const f = new Fixture(server, W.id);

  const series = await f.series('X');
  // X1: 21 days, 3 required, make-ups need approval. X2: 2 required, make-ups count unapproved. X3: nothing required.
  const X1 = await f.campaign(series, 'X1', 1, '2026-01-05', '2026-01-25', { daysTotal: 21, daysRequiredForCompletion: 3, makeup: { allowed: true, needsApproval: true } });
  const X2 = await f.campaign(series, 'X2', 2, '2026-02-02', '2026-02-11', { daysTotal: 10, daysRequiredForCompletion: 2, daysRequiredForRefund: 2, makeup: { allowed: true, needsApproval: false } });
  const X3 = await f.campaign(series, 'X3', 3, '2026-04-01', '2026-04-21', { daysRequiredForCompletion: 0, daysRequiredForRefund: 0, borderlineDays: 0 });
  // X4 counts like X2 except that its make-ups need approval.
  const X4 = await f.campaign(series, 'X4', 4, '2026-02-16', '2026-02-25', { daysTotal: 10, daysRequiredForCompletion: 2, daysRequiredForRefund: 2, makeup: { allowed: true, needsApproval: true } });

  const A = ids.A = await f.channel('公众号推文', { costCents: 30_000 });
  const A1 = ids.A1 = await f.channel('推文二级', { parentId: A, costCents: 0 });
  const B = ids.B = await f.channel('小红书', { costCents: 10_000 });
  ids.C = await f.channel('空渠道');

  await f.visit(A, 'v1');
  await f.visit(A, 'v1');
  await f.visit(A, 'v2');
  await f.visit(A1, 'v3');

  const m = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => f.member()));
  const [m1, m2, m3, m4, m5, m6, m7, m8] = m as [number, number, number, number, number, number, number, number];

  // X1 through A: e1 met (3 days) and re-enrolled (X2); e2 paid and refunded 5000, 2 counted days (day 3 rejected,
  // make-up day 4 not approved); e3 unpaid, met with an approved make-up, its X2 enrollment cancelled; e4 cancelled.
  const e1 = await f.enroll(X1, m1, { channelId: A, paidCents: 10_000 });
  for (const d of [1, 2, 3]) await f.checkin(e1, d);
  const e2 = await f.enroll(X1, m2, { channelId: A, paidCents: 10_000, refundCents: 5_000, refundedAt: '2026-02-01T00:00:00.000Z' });
  await f.checkin(e2, 1);
  await f.checkin(e2, 2, { review: 'pending' });
  await f.checkin(e2, 3, { review: 'rejected' });
  await f.checkin(e2, 4, { makeup: true, review: 'pending' });
  const e3 = await f.enroll(X1, m3, { channelId: A });
  await f.checkin(e3, 1);
  await f.checkin(e3, 2);
  await f.checkin(e3, 3, { makeup: true, review: 'approved' });
  const e4 = await f.enroll(X1, m4, { channelId: A, status: 'cancelled', paidCents: 10_000 });
  for (const d of [1, 2, 3]) await f.checkin(e4, d);
  // X1 through A1: e5 paid, days 1, 2 and a day 22 past daysTotal (not counted): not met; its X3 enrollment is
  // made after now, so not re-enrolled.
  const e5 = await f.enroll(X1, m5, { channelId: A1, paidCents: 10_000 });
  for (const d of [1, 2, 22]) await f.checkin(e5, d);

  // X2 through B: e6 met with an unapproved make-up (X2 does not need approval); e8 never checked in, re-enrolled in X3.
  const e6 = await f.enroll(X2, m1, { channelId: B, paidCents: 20_000 });
  await f.checkin(e6, 1);
  await f.checkin(e6, 2, { makeup: true, review: 'pending' });
  await f.enroll(X2, m3, { channelId: A, status: 'cancelled' });
  await f.enroll(X2, m6, { channelId: B, paidCents: 5_000 });
  // X4 through B: e11 unpaid, its unapproved make-up does not count there: not met.
  const e11 = await f.enroll(X4, m7, { channelId: B });
  await f.checkin(e11, 1);
  await f.checkin(e11, 2, { makeup: true, review: 'pending' });

  // X3: e9 without a channel, made after now; e10 through A1 meets the 0-day requirement without a check-in.
  await f.enroll(X3, m5, { createdAt: '2026-03-25T00:00:00.000Z' });
  const e10 = await f.enroll(X3, m6, { channelId: A1, createdAt: '2026-03-10T00:00:00.000Z' });
  await f.checkin(e10, 1);

  // Groups. now − 7 days = 2026-03-13T04:00Z: memberships beginning later are not in the leave rate yet.
  const G1 = await f.group('X1 打卡1群', X1);
  const G2 = await f.group('X2 打卡1群', X2);
  await f.membership(G1, m1, '2026-01-03T00:00:00.000Z', '2026-01-09T23:59:00.000Z'); // A: left within 7 days
  await f.membership(G1, m2, '2026-01-03T00:00:00.000Z', '2026-01-10T00:00:01.000Z'); // A: 7 days and 1 second
  await f.membership(G1, m3, '2026-01-04T00:00:00.000Z'); // A: stays
  await f.membership(G1, m8, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'); // A: m8 merged into m3, left
  await f.merge(m8, m3);
  await f.membership(G1, m4, '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z'); // cancelled enrollment
  await f.membership(G1, m7, '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z'); // no enrollment
  await f.membership(G1, m5, '2026-03-15T00:00:00.000Z', '2026-03-16T00:00:00.000Z'); // A1: began < 7 days ago
  await f.membership(G2, m1, '2026-02-01T00:00:00.000Z', '2026-02-20T00:00:00.000Z'); // B: stayed 19 days
  await f.membership(G2, m6, '2026-02-01T10:00:00.000Z', '2026-02-03T10:00:00.000Z'); // B: left after 2 days
  await f.membership(G2, m6, '2026-02-05T00:00:00.000Z'); // B: came back, stays

  // Another workspace, with a campaign also keyed X1, writing rows that point at our channels and groups.
  const other = new Fixture(server, (await createWorkspace(server)).id);
  const oX1 = await other.campaign(await other.series('X'), 'X1', 1, '2026-01-05', '2026-01-25', { daysRequiredForCompletion: 1 });
  const o1 = await other.member();
  await other.channel('别人的渠道', { parentId: A, costCents: 1 });
  await other.visit(A, 'v9');
  await other.visit(B, 'v9');
  const oe = await other.enroll(oX1, o1, { channelId: A, paidCents: 99_900 });
  await other.checkin(oe, 1);
  await other.checkin(e2, 5); // a third day for our e2, if it were counted
  await other.membership(await other.group('别人的群', X1), m2, '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z');
  await other.membership(G1, o1, '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z');
});

after(async () => {
  await server?.close();
});

const row = (channel_id: number, channel: string, parent: string | null, v: Record<string, number | null>) => ({ channel_id, channel, parent, ...v });

test('all campaigns: visits, signups and what became of them, per channel, each level on its own', async () => {
  const body = await ok(admin.get('/api/v1/reports/channels'));
  assert.equal(body.campaign, null);
  assert.deepEqual(body.channels, [
    row(ids.A!, '公众号推文', null, {
      visits: 3, unique_visitors: 2, signups: 3, paid: 2, met_requirement: 2, reenrolled: 1, leave_rate_7d: 0.5,
      revenue_cents: 15_000, cost_cents: 30_000, cac_cents: 15_000, roi: -0.5,
    }),
    row(ids.A1!, '推文二级', '公众号推文', {
      visits: 1, unique_visitors: 1, signups: 2, paid: 1, met_requirement: 1, reenrolled: 0, leave_rate_7d: null,
      revenue_cents: 10_000, cost_cents: 0, cac_cents: 0, roi: null,
    }),
    row(ids.B!, '小红书', null, {
      visits: 0, unique_visitors: 0, signups: 3, paid: 2, met_requirement: 1, reenrolled: 1, leave_rate_7d: 0.3333,
      revenue_cents: 25_000, cost_cents: 10_000, cac_cents: 5_000, roi: 1.5,
    }),
    row(ids.C!, '空渠道', null, {
      visits: 0, unique_visitors: 0, signups: 0, paid: 0, met_requirement: 0, reenrolled: 0, leave_rate_7d: null,
      revenue_cents: 0, cost_cents: 0, cac_cents: null, roi: null,
    }),
  ]);
  assert.equal(body.timezone, 'Asia/Shanghai');
  assert.ok(!Number.isNaN(Date.parse(body.generated_at)));
});

test('one campaign: signups and their outcomes in that campaign only; visits and cost stay the channel\'s', async () => {
  const body = await ok(admin.get('/api/v1/reports/channels?campaign=X1'));
  assert.equal(body.campaign, 'X1');
  const byId = new Map(body.channels.map((c: { channel_id: number }) => [c.channel_id, c]));
  assert.deepEqual(byId.get(ids.A), row(ids.A!, '公众号推文', null, {
    visits: 3, unique_visitors: 2, signups: 3, paid: 2, met_requirement: 2, reenrolled: 1, leave_rate_7d: 0.5,
    revenue_cents: 15_000, cost_cents: 30_000, cac_cents: 15_000, roi: -0.5,
  }));
  assert.deepEqual(byId.get(ids.A1), row(ids.A1!, '推文二级', '公众号推文', {
    visits: 1, unique_visitors: 1, signups: 1, paid: 1, met_requirement: 0, reenrolled: 0, leave_rate_7d: null,
    revenue_cents: 10_000, cost_cents: 0, cac_cents: 0, roi: null,
  }));
  assert.deepEqual(byId.get(ids.B), row(ids.B!, '小红书', null, {
    visits: 0, unique_visitors: 0, signups: 0, paid: 0, met_requirement: 0, reenrolled: 0, leave_rate_7d: null,
    revenue_cents: 0, cost_cents: 10_000, cac_cents: null, roi: -1,
  }));

  const x3 = await ok(admin.get('/api/v1/reports/channels?campaign=X3'));
  const a1 = x3.channels.find((c: { channel_id: number }) => c.channel_id === ids.A1);
  assert.equal(a1.signups, 1);
  assert.equal(a1.met_requirement, 1, 'a 0-day requirement is met without a check-in');
});

test('re-enrolment counts enrollments made by now: moving the clock past a later enrollment counts it', async () => {
  server.services.clock.set('2026-03-26T00:00:00.000Z');
  try {
    const body = await ok(admin.get('/api/v1/reports/channels?campaign=X1'));
    const a1 = body.channels.find((c: { channel_id: number }) => c.channel_id === ids.A1);
    assert.equal(a1.reenrolled, 1, "m5's X3 enrollment (made 2026-03-25) now counts");
    assert.equal(a1.leave_rate_7d, 1, "m5's membership (left after one day) began more than 7 days before the new now");
  } finally {
    server.services.clock.set('2026-03-20T04:00:00.000Z');
  }
});

test('every field is defined: numerator, denominator and period in English', async () => {
  const body = await ok(admin.get('/api/v1/reports/channels'));
  const fields = ['visits', 'unique_visitors', 'signups', 'paid', 'met_requirement', 'reenrolled', 'leave_rate_7d', 'revenue_cents', 'cost_cents', 'cac_cents', 'roi'];
  for (const field of fields) {
    const d = body.definitions[field];
    assert.ok(d && typeof d.numerator === 'string' && d.numerator.length > 5 && typeof d.period === 'string', `definition of ${field}`);
    assert.ok(d.denominator === null || typeof d.denominator === 'string');
  }
  for (const ratioField of ['leave_rate_7d', 'cac_cents', 'roi']) assert.notEqual(body.definitions[ratioField].denominator, null, ratioField);
});

test('errors: an unknown campaign is 404, a bad or unknown parameter is 400 naming it', async () => {
  assertError(await admin.get('/api/v1/reports/channels?campaign=NOPE'), 404, 'campaign.not_found');
  assertError(await admin.get('/api/v1/reports/channels?campaign='), 400, 'validation.failed', 'campaign');
  assertError(await admin.get('/api/v1/reports/channels?channel=3'), 400, 'validation.failed', 'channel');
});
