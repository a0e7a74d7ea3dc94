// The event API over HTTP: per-event validation reported by index while good events are stored, idempotence on
// the sender's id, member resolution (numbers, identities, merges), batch limits, permissions and workspaces.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allPages, assertError } from './api-checks.js';
import { Client, createWorkspace, startServer, type Response, type TestServer } from './harness.js';

let server: TestServer;
const seen: Response[] = [];

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

async function ok<T = any>(res: Promise<Response<T>>, status = 200): Promise<T> {
  const r = await res;
  seen.push(r);
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

/** A workspace with an owner session, members 10001..10000+n, and a token with events.write. */
async function setup(n = 3) {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  for (let i = 1; i <= n; i++) await ok(owner.post('/api/v1/members', { nickname: `成员${i}` }), 201);
  const created = await ok(owner.post('/api/v1/api-tokens', { name: 'mini-program', scopes: ['events.write', 'members.read'] }), 201);
  return { w, owner, token: Client.withToken(server.url, created.token), tokenId: created.id as number };
}

const at = '2026-05-01T08:30:00+08:00';
const ev = (id: string, member: unknown = 10001, extra: Record<string, unknown> = {}) => ({ id, member, name: 'page.view', at, props: { page: 'home' }, ...extra });
const send = (c: Client, events: unknown[]) => ok(c.post('/api/v1/events', { events }));
const timeline = (c: Client, no: number) => allPages<{ id: number }>(c, `/api/v1/members/${no}/events`, 200) as unknown as Promise<Array<Record<string, any>>>;

test('a mixed batch: each bad event is reported by index and field while the good ones are stored', async () => {
  const { owner, token, tokenId } = await setup();
  const future = new Date(Date.now() + 10 * 60_000).toISOString();
  const soon = new Date(Date.now() + 60_000).toISOString();
  const batch = [
    ev('good-1'), // 0
    ev('bad id!'), // 1
    { member: 10001, name: 'x', at }, // 2: no id
    ev('e3', 99999), // 3: unknown member
    ev('e4', 0), // 4
    ev('e5', { kind: 'qq', value: '1' }), // 5
    ev('e6', { kind: 'phone', value: 'abc' }), // 6
    ev('e7', 10001, { name: 'Page View' }), // 7
    ev('e8', 10001, { at: '2026-05-01T08:30:00' }), // 8: no offset
    ev('e9', 10001, { at: future }), // 9
    ev('e10', 10001, { at: '2014-12-31T23:59:59Z' }), // 10
    ev('e11', 10001, { props: [1, 2] }), // 11
    ev('e12', 10001, { props: { big: 'x'.repeat(4100) } }), // 12
    ev('e13', 10001, { props: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }), // 13
    ev('e14', 10001, { extra: 1 }), // 14
    'not an event', // 15
    ev('good-1', 10002), // 16: repeats index 0's id
    ev('good-2', 10002, { at: soon, props: undefined }), // 17
    ev('e18', 10001, { at: '2026-02-30T10:00:00Z' }), // 18
    ev('x'.repeat(65)), // 19
  ];
  const res = await send(token, batch);
  assert.equal(res.accepted, 2);
  assert.equal(res.duplicates, 1);
  const fields = Object.fromEntries(res.rejected.map((r: { index: number; field: string }) => [r.index, r.field]));
  assert.deepEqual(fields, {
    1: 'id', 2: 'id', 3: 'member', 4: 'member', 5: 'member.kind', 6: 'member.value', 7: 'name', 8: 'at', 9: 'at', 10: 'at',
    11: 'props', 12: 'props', 13: 'props', 14: 'extra', 15: '(event)', 18: 'at', 19: 'id',
  });
  const byIndex = new Map(res.rejected.map((r: { index: number }) => [r.index, r]));
  assert.deepEqual(byIndex.get(3), { index: 3, id: 'e3', reason: 'unknown member', field: 'member' });
  assert.equal((byIndex.get(15) as { id: unknown }).id, null);
  for (const r of res.rejected) assert.ok(r.reason.length > 0);
  const one = await timeline(owner, 10001);
  assert.deepEqual(one.map((e) => [e.id, e.name, e.at, e.props, e.source]), [['good-1', 'page.view', '2026-05-01T00:30:00.000Z', { page: 'home' }, `token:${tokenId}`]]);
  const two = await timeline(token, 10002);
  assert.deepEqual(two.map((e) => [e.id, e.props]), [['good-2', {}]]);
});

test('resending is idempotent: accepted 0, every event a duplicate, nothing stored twice', async () => {
  const { owner, token } = await setup();
  const batch = Array.from({ length: 20 }, (_, i) => ev(`idem-${i}`, 10001 + (i % 3), { at: `2026-05-01T08:${String(i).padStart(2, '0')}:00Z` }));
  assert.deepEqual(await send(token, batch), { accepted: 20, duplicates: 0, rejected: [] });
  assert.deepEqual(await send(token, batch), { accepted: 0, duplicates: 20, rejected: [] });
  // Half new, half old, through the console session (which may send events too).
  const mixed = [...batch.slice(0, 10), ...Array.from({ length: 10 }, (_, i) => ev(`idem-new-${i}`))];
  assert.deepEqual(await send(owner, mixed), { accepted: 10, duplicates: 10, rejected: [] });
  const events = await timeline(owner, 10001);
  assert.equal(events.length, 7 + 10);
  assert.equal(new Set(events.map((e) => e.id)).size, events.length);
  // newest first
  assert.deepEqual(events.map((e) => e.at), [...events.map((e) => e.at)].sort().reverse());
  assert.ok(events.some((e) => String(e.source).startsWith('staff:')));
});

test('members by identity (phone normalized) and by merged-away number resolve to the right member', async () => {
  const { owner, token } = await setup(0);
  await ok(owner.post('/api/v1/members', { nickname: '手机', phone: '13800138000', identities: [{ kind: 'email', value: 'Mama@Example.com' }, { kind: 'wechat_unionid', value: 'u-1' }] }), 201); // 10001
  await ok(owner.post('/api/v1/members', { nickname: '幸存' }), 201); // 10002
  await ok(owner.post('/api/v1/members', { nickname: '被合并' }), 201); // 10003
  await ok(owner.post('/api/v1/members/10002/merge', { fromMemberNo: 10003 }));
  const res = await send(token, [
    ev('p1', { kind: 'phone', value: '+86 138-0013-8000' }),
    ev('p2', { kind: 'email', value: '  mama@example.COM ' }),
    ev('p3', { kind: 'wechat_unionid', value: 'u-1' }),
    ev('p4', { kind: 'wechat_unionid', value: 'u-nobody' }),
    ev('m1', 10003),
    ev('m2', 10002),
  ]);
  assert.equal(res.accepted, 5);
  assert.deepEqual(res.rejected, [{ index: 3, id: 'p4', reason: 'unknown member', field: 'member' }]);
  assert.deepEqual((await timeline(owner, 10001)).map((e) => e.id).sort(), ['p1', 'p2', 'p3']);
  assert.deepEqual((await timeline(owner, 10002)).map((e) => e.id).sort(), ['m1', 'm2']);
  // The merged-away number shows its survivor's timeline.
  assert.deepEqual((await timeline(owner, 10003)).map((e) => e.id).sort(), ['m1', 'm2']);
});

test('a batch of 1,000 is accepted; 1,001 events, a body over 2 MB, or a bad envelope → 400', async () => {
  const { token, owner } = await setup(5);
  const big = Array.from({ length: 1000 }, (_, i) => ev(`b-${i}`, 10001 + (i % 5), { props: { i, s: 'x'.repeat(100) } }));
  assert.deepEqual(await send(token, big), { accepted: 1000, duplicates: 0, rejected: [] });
  assertError(await token.post('/api/v1/events', { events: [...big, ev('b-1000')] }), 400, 'validation.failed', 'events');
  const huge = Array.from({ length: 600 }, (_, i) => ev(`h-${i}`, 10001, { props: { s: 'x'.repeat(3900) } }));
  assertError(await token.post('/api/v1/events', { events: huge }), 400, 'validation.failed', '(body)');
  assertError(await token.post('/api/v1/events', { events: [] }), 400, 'validation.failed', 'events');
  assertError(await token.post('/api/v1/events', { events: { 0: ev('o') } }), 400, 'validation.failed', 'events');
  assertError(await token.post('/api/v1/events', [ev('arr')]), 400, 'validation.failed', '(body)');
  assertError(await token.post('/api/v1/events', { events: [ev('u')], extra: 1 }), 400, 'validation.failed', 'extra');
  assert.equal((await timeline(owner, 10001)).length, 200);
});

test('a token without events.write → 403; a viewer → 403; the session of an owner works', async () => {
  const { w, owner } = await setup(1);
  const readOnly = Client.withToken(server.url, (await ok(owner.post('/api/v1/api-tokens', { name: 'ro', scopes: ['members.read'] }), 201)).token);
  assertError(await readOnly.post('/api/v1/events', { events: [ev('f1')] }), 403, 'auth.forbidden');
  const viewer = await w.as('viewer');
  assertError(await viewer.post('/api/v1/events', { events: [ev('f2')] }), 403, 'auth.forbidden');
  assert.equal((await timeline(viewer, 10001)).length, 0, 'nothing was stored by the refused callers');
  assert.equal((await send(owner, [ev('f3')])).accepted, 1);
  assertError(await readOnly.get('/api/v1/members/99999/events'), 404, 'member.not_found');
});

test("another workspace's member numbers and identities are unknown members, never stored there", async () => {
  const a = await setup(5);
  await ok(a.owner.post('/api/v1/members/10005/identities', { kind: 'custom', value: 'only-in-a' }), 201);
  const b = await setup(1);
  const res = await send(b.token, [ev('x1', 10005), ev('x2', { kind: 'custom', value: 'only-in-a' }), ev('x3', 10001)]);
  assert.equal(res.accepted, 1);
  assert.deepEqual(res.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason]), [[0, 'unknown member'], [1, 'unknown member']]);
  assert.equal((await timeline(a.owner, 10005)).length, 0);
  assert.equal((await timeline(a.owner, 10001)).length, 0);
  // The same sender's id is a separate event in each workspace.
  assert.equal((await send(a.token, [ev('x3', 10001)])).accepted, 1);
  assertError(await b.token.get('/api/v1/members/10005/events'), 404, 'member.not_found');
});

test('the timeline pages with a cursor and refuses a forged one', async () => {
  const { owner, token } = await setup(1);
  await send(token, Array.from({ length: 7 }, (_, i) => ev(`t-${i}`, 10001, { at: `2026-05-01T08:00:0${i}Z` })));
  const first = await ok(owner.get('/api/v1/members/10001/events?limit=3'));
  assert.deepEqual(first.items.map((e: { id: string }) => e.id), ['t-6', 't-5', 't-4']);
  const second = await ok(owner.get(`/api/v1/members/10001/events?limit=3&cursor=${first.nextCursor}`));
  assert.deepEqual(second.items.map((e: { id: string }) => e.id), ['t-3', 't-2', 't-1']);
  assertError(await owner.get('/api/v1/members/10001/events?cursor=abc'), 400, 'validation.failed', 'cursor');
});

test('no response was a 5xx', () => {
  for (const res of seen) assert.ok(res.status < 500, JSON.stringify(res.body));
});
