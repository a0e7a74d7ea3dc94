// Series and campaigns over HTTP: edition numbering, validation naming fields, derived status, the rule lock and
// its audited override, archive. Each test works in a workspace of its own, so its assertions can be exact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, localDate } from '../src/campaigns/rules.js';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

async function owner(): Promise<Client> {
  return (await createWorkspace(server)).as('owner');
}

const today = () => localDate(new Date(), 'Asia/Shanghai');
/** A 21-day campaign starting `offset` days from today (Shanghai). */
const dates = (offset: number, days = 21) => ({ startsOn: addDays(today(), offset), endsOn: addDays(today(), offset + days - 1) });

async function series(c: Client, key = 'X') {
  return ok(c.post('/api/v1/series', { key, name: `${key} 系列`, theme: '早起' }), 201);
}

test('editions number themselves per series: X1, X2, X3; a given edition is used as is', async () => {
  const c = await owner();
  const x = await series(c);
  const y = await series(c, 'Y');
  const x1 = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '早起第一期', ...dates(30) }), 201);
  const x2 = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '早起第二期', ...dates(60) }), 201);
  const y1 = await ok(c.post('/api/v1/campaigns', { seriesId: y.id, name: 'Y 第一期', ...dates(30) }), 201);
  assert.deepEqual([x1.key, x1.edition, x2.key, y1.key], ['X1', 1, 'X2', 'Y1']);
  assert.deepEqual(x1.series, { id: x.id, key: 'X', name: 'X 系列' });
  const x5 = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '跳号', edition: 5, ...dates(90) }), 201);
  assert.equal(x5.key, 'X5');
  assert.equal((await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '下一期', ...dates(120) }), 201)).key, 'X6');
  assertError(await c.post('/api/v1/campaigns', { seriesId: x.id, name: '重号', edition: 2, ...dates(30) }), 409, 'campaign.edition_taken', 'edition');
  // Defaults: workspace zone, the default rule, no capacity limit, free.
  assert.equal(x1.timezone, 'Asia/Shanghai');
  assert.deepEqual([x1.rules.daysTotal, x1.rules.daysRequiredForCompletion, x1.rules.daysRequiredForRefund, x1.rules.graceDays, x1.rules.reminderTime, x1.rules.borderlineDays],
    [21, 15, 15, 1, '20:00', 2]);
  assert.deepEqual(x1.rules.dayWindow, { start: '00:00', end: '23:59' });
  assert.deepEqual([x1.capacity, x1.priceCents, x1.depositCents], [null, 0, 0]);

  const list = (await ok(c.get('/api/v1/series'))).items;
  assert.deepEqual(list.map((s: { key: string; campaignCount: number }) => [s.key, s.campaignCount]), [['X', 4], ['Y', 1]]);
  const onlyX = (await ok(c.get(`/api/v1/campaigns?seriesId=${x.id}`))).items;
  assert.deepEqual(onlyX.map((k: { key: string }) => k.key), ['X6', 'X5', 'X2', 'X1'], 'newest start first');
  const all = (await ok(c.get('/api/v1/campaigns'))).items;
  assert.deepEqual(all.map((k: { key: string }) => k.key), ['X6', 'X5', 'X2', 'X1', 'Y1'], 'same start date: by key');
});

test('series keys: the pattern, unique per workspace, fixed once campaigns exist; delete only when empty', async () => {
  const c = await owner();
  for (const key of ['x', '1X', 'X-1', 'ABCDEFGHI', '']) assertError(await c.post('/api/v1/series', { key, name: 'n' }), 400, 'validation.failed', 'key');
  const x = await series(c);
  assertError(await c.post('/api/v1/series', { key: 'X', name: '另一个' }), 409, 'series.key_taken', 'key');
  const z = await series(c, 'Z9');
  assertError(await c.patch(`/api/v1/series/${z.id}`, { key: 'X' }), 409, 'series.key_taken', 'key');
  assert.equal((await ok(c.patch(`/api/v1/series/${z.id}`, { key: 'Z8', name: '改名' }))).key, 'Z8', 'no campaigns yet: the key may change');
  await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: 'X1', ...dates(10) }), 201);
  assertError(await c.patch(`/api/v1/series/${x.id}`, { key: 'W' }), 409, 'series.key_in_use', 'key');
  assert.equal((await ok(c.patch(`/api/v1/series/${x.id}`, { name: '新名字', theme: '阅读' }))).name, '新名字');
  assertError(await c.delete(`/api/v1/series/${x.id}`), 409, 'series.not_empty');
  assert.equal((await c.delete(`/api/v1/series/${z.id}`)).status, 204);
  assertError(await c.get(`/api/v1/series/${z.id}`), 404, 'series.not_found', 'seriesId');
  assertError(await c.get('/api/v1/campaigns?seriesId=987654'), 404, 'series.not_found', 'seriesId');
  assertError(await c.post('/api/v1/campaigns', { seriesId: z.id, name: 'x', ...dates(10) }), 404, 'series.not_found', 'seriesId');
  const actions = (await ok(c.get(`/api/v1/audit?entity=series&entityId=${z.id}`))).items.map((e: { action: string }) => e.action);
  assert.deepEqual(actions, ['series.delete', 'series.update', 'series.create']);
});

test('validation errors name the field', async () => {
  const c = await owner();
  const x = await series(c);
  const base = { seriesId: x.id, name: '校验', ...dates(30) };
  const bad = async (body: Record<string, unknown>, field: string, code = 'campaign.invalid') =>
    assertError(await c.post('/api/v1/campaigns', { ...base, ...body }), 400, code, field);
  await bad({ endsOn: addDays(base.startsOn, -1) }, 'endsOn');
  await bad({ endsOn: addDays(base.startsOn, 13) }, 'rules.daysTotal'); // 14 days cannot hold 21
  await bad({ rules: { daysTotal: 10 } }, 'rules.daysRequiredForRefund');
  await bad({ rules: { daysRequiredForCompletion: 22 } }, 'rules.daysRequiredForCompletion');
  await bad({ timezone: 'Mars/Olympus' }, 'timezone');
  await bad({ signupOpensAt: '2026-03-02T00:00:00Z', signupClosesAt: '2026-03-01T00:00:00Z' }, 'signupClosesAt');
  await bad({ startsOn: '2026-02-30' }, 'startsOn', 'validation.failed');
  await bad({ priceCents: 9.9 }, 'priceCents', 'validation.failed');
  await bad({ depositCents: -1 }, 'depositCents', 'validation.failed');
  await bad({ rules: { dayWindow: { start: '25:00', end: '23:59' } } }, 'rules.dayWindow.start', 'validation.failed');
  await bad({ rules: { makeup: { windowDays: 'three' } } }, 'rules.makeup.windowDays', 'validation.failed');
  await bad({ rules: { points: 1 } }, 'rules.points', 'validation.failed');
  // A 7-day campaign fits a 7-day rule; the zone is canonicalised; completion and refund thresholds may differ.
  const short = await ok(c.post('/api/v1/campaigns', {
    ...base, ...dates(30, 7), timezone: 'america/new_york', depositCents: 9900, capacity: 200,
    rules: { daysTotal: 7, daysRequiredForCompletion: 5, daysRequiredForRefund: 6, borderlineDays: 1, dayWindow: { start: '06:00', end: '01:00' }, makeup: { allowed: true } },
  }), 201);
  assert.equal(short.timezone, 'America/New_York');
  assert.deepEqual([short.rules.daysTotal, short.rules.daysRequiredForCompletion, short.rules.daysRequiredForRefund], [7, 5, 6]);
  assert.deepEqual(short.rules.makeup, { allowed: true, maxPerCampaign: 2, windowDays: 3, countsForRefund: true, countsForStreak: false, needsApproval: true });
  assert.deepEqual([short.depositCents, short.capacity], [9900, 200]);
});

test('status is derived from the dates; filters by status', async () => {
  const c = await owner();
  const x = await series(c);
  const past = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '过去', ...dates(-30) }), 201);
  const running = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '进行中', ...dates(-1) }), 201);
  const draft = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '草稿', ...dates(10) }), 201);
  const hour = 3600_000;
  const signup = await ok(c.post('/api/v1/campaigns', {
    seriesId: x.id, name: '报名中', ...dates(10),
    signupOpensAt: new Date(Date.now() - hour).toISOString(), signupClosesAt: new Date(Date.now() + 48 * hour).toISOString(),
  }), 201);
  assert.deepEqual([past.status, running.status, draft.status, signup.status], ['ended', 'running', 'draft', 'signup']);
  assert.deepEqual([past.locked, running.locked, draft.locked], [true, true, false]);
  assert.equal(signup.signupOpen, true);
  const keys = async (status: string) => (await ok(c.get(`/api/v1/campaigns?status=${status}`))).items.map((k: { key: string }) => k.key);
  assert.deepEqual(await keys('running'), [running.key]);
  assert.deepEqual(await keys('signup'), [signup.key]);
  assert.deepEqual(await keys('archived'), []);
});

test('rules lock once the campaign starts; an override needs a reason and is audited', async () => {
  const c = await owner();
  const x = await series(c);
  const started = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '已开营', ...dates(-2), depositCents: 9900 }), 201);
  const locked = await c.patch(`/api/v1/campaigns/${started.id}`, { rules: { daysRequiredForRefund: 12 }, endsOn: addDays(started.endsOn, 1) });
  assertError(locked, 409, 'campaign.rules_locked', 'rules');
  assert.ok('endsOn' in locked.body.error.fields);
  assertError(await c.patch(`/api/v1/campaigns/${started.id}`, { timezone: 'Asia/Tokyo' }), 409, 'campaign.rules_locked', 'timezone');
  assertError(await c.patch(`/api/v1/campaigns/${started.id}`, { startsOn: addDays(started.startsOn, -1), endsOn: started.endsOn }), 409, 'campaign.rules_locked', 'startsOn');
  assertError(await c.patch(`/api/v1/campaigns/${started.id}`, { rules: { graceDays: 2 }, overrideReason: '   ' }), 400, 'validation.failed', 'overrideReason');
  // Unlocked fields change freely; sending the locked ones unchanged is no change.
  const renamed = await ok(c.patch(`/api/v1/campaigns/${started.id}`, { name: '改名', capacity: 300, rules: { daysTotal: 21 }, timezone: 'Asia/Shanghai' }));
  assert.deepEqual([renamed.name, renamed.capacity], ['改名', 300]);
  assertError(await c.patch(`/api/v1/campaigns/${started.id}`, { rules: { daysRequiredForRefund: 12 } }), 409, 'campaign.rules_locked', 'rules');
  assert.equal((await ok(c.get(`/api/v1/campaigns/${started.id}`))).rules.daysRequiredForRefund, 15, 'the refused change did nothing');

  const overridden = await ok(c.patch(`/api/v1/campaigns/${started.id}`, { rules: { daysRequiredForRefund: 12 }, overrideReason: '停电两天，统一放宽' }));
  assert.equal(overridden.rules.daysRequiredForRefund, 12);
  const audit = (await ok(c.get(`/api/v1/audit?entity=campaign&entityId=${started.id}`))).items;
  assert.deepEqual(audit.map((e: { action: string }) => e.action), ['campaign.rules_override', 'campaign.update', 'campaign.create']);
  assert.equal(audit[0].after.overrideReason, '停电两天，统一放宽');
  assert.deepEqual(audit[0].after.overriddenFields, ['rules']);
  assert.equal(audit[0].before.rules.daysRequiredForRefund, 15);
  assert.equal(audit[0].after.rules.daysRequiredForRefund, 12);

  // Before the start nothing is locked.
  const future = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '未开营', ...dates(5) }), 201);
  const moved = await ok(c.patch(`/api/v1/campaigns/${future.id}`, { ...dates(6, 14), rules: { daysTotal: 14, daysRequiredForCompletion: 10, daysRequiredForRefund: 10 } }));
  assert.deepEqual([moved.startsOn, moved.rules.daysTotal], [addDays(today(), 6), 14]);
  assertError(await c.patch(`/api/v1/campaigns/${future.id}`, { endsOn: addDays(today(), 10) }), 400, 'campaign.invalid', 'rules.daysTotal');
  // A viewer may read, not write.
  const viewer = await (await createWorkspace(server)).as('viewer');
  assertError(await viewer.post('/api/v1/series', { key: 'V', name: 'v' }), 403, 'auth.forbidden');
});

test('archive and unarchive: the status follows, both audited, idempotent', async () => {
  const c = await owner();
  const x = await series(c);
  const k = await ok(c.post('/api/v1/campaigns', { seriesId: x.id, name: '归档', ...dates(-1) }), 201);
  const archived = await ok(c.post(`/api/v1/campaigns/${k.id}/archive`));
  assert.equal(archived.status, 'archived');
  assert.ok(archived.archivedAt);
  assert.equal((await ok(c.post(`/api/v1/campaigns/${k.id}/archive`))).archivedAt, archived.archivedAt, 'archiving twice changes nothing');
  assert.deepEqual((await ok(c.get('/api/v1/campaigns?status=archived'))).items.map((i: { id: number }) => i.id), [k.id]);
  const back = await ok(c.post(`/api/v1/campaigns/${k.id}/unarchive`));
  assert.deepEqual([back.status, back.archivedAt], ['running', null]);
  const actions = (await ok(c.get(`/api/v1/audit?entity=campaign&entityId=${k.id}`))).items.map((e: { action: string }) => e.action);
  assert.deepEqual(actions, ['campaign.unarchive', 'campaign.archive', 'campaign.create']);
  assertError(await c.post('/api/v1/campaigns/987654/archive'), 404, 'campaign.not_found', 'campaignId');
});
