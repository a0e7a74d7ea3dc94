// Channels and live codes through HTTP on a real database: channel CRUD (levels, codes, names, archiving, the
// campaign a channel leads to), the pool, the public short link (routing order, thresholds, expired QR, fallback and
// its one alert, visitor cookie, escaping, the redirect to a campaign's landing page), pool-group QR images, channel
// QR downloads, alerts, and statistics counted exactly.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { shortLinkUrl } from '../src/channels/qr.js';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { fetchRaw, PNG_1PX, upload } from './multipart.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let ownerStaffId = 0;
let memberCounter = 0;

const put = (client: Client, p: string, body: unknown) => client.send('PUT', p, body);
const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

async function newGroup(name = unique('群'), qr = true) {
  const g = await ok(owner.post('/api/v1/groups', { platform: 'wechat', name }), 201);
  if (qr) assert.equal((await upload(owner, `/api/v1/groups/${g.id}/qr`, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX })).status, 200);
  return g.id as number;
}

async function newChannel(body: Record<string, unknown> = {}) {
  return ok(owner.post('/api/v1/channels', { name: unique('渠道'), ...body }), 201);
}

async function addMembers(groupId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const m = await ok(owner.post('/api/v1/members', { nickname: `成员${++memberCounter}` }), 201);
    await ok(owner.post(`/api/v1/groups/${groupId}/members`, { memberNo: m.memberNo }), 201);
  }
}

/** A visit to the public page as a browser with (or without) a visitor cookie. */
async function visit(code: string, cookie?: string) {
  const res = await fetch(`${server.url}/c/${code}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

const db = () => server.services.database.db;
const openAlerts = async (channelId: number) => (await ok(owner.get('/api/v1/alerts'))).items.filter((a: { subject: string }) => a.subject === `channel:${channelId}`);

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  ownerStaffId = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
});

after(async () => {
  await server?.close();
});

test('a first-level channel gets a generated 6-character code, its path, the creator as owner and defaults', async () => {
  const c = await newChannel();
  assert.match(c.code, /^[A-Za-z0-9]{6}$/);
  assert.equal(c.path, `/c/${c.code}`);
  assert.deepEqual([c.level, c.parentId, c.owner.id, c.threshold, c.costCents, c.fallbackMessage, c.archivedAt], [1, null, ownerStaffId, 190, 0, '', null]);
  assert.deepEqual(c.pool, []);
  assert.deepEqual(c.stats, { visits: 0, uniqueVisitors: 0, routed: 0, exhausted: 0 });
  const audit = (await ok(owner.get(`/api/v1/audit?entity=channel&entityId=${c.id}`))).items;
  assert.equal(audit[0].action, 'channel.create');
});

test('levels: a second-level channel names a first-level parent; a third level is refused', async () => {
  const parent = await newChannel({ code: 'lvl-parent', costCents: 5000, threshold: 150, fallbackMessage: '满了' });
  const child = await newChannel({ parentId: parent.id });
  assert.deepEqual([child.level, child.parentId], [2, parent.id]);
  assertError(await owner.post('/api/v1/channels', { name: '三级', parentId: child.id }), 400, 'channel.too_deep', 'parentId');
  assertError(await owner.post('/api/v1/channels', { name: '无父', parentId: 987654 }), 404, 'channel.not_found', 'parentId');
  const list = (await ok(owner.get('/api/v1/channels'))).items as Array<{ id: number; parentId: number | null }>;
  const at = list.findIndex((x) => x.id === parent.id);
  assert.equal(list[at + 1]!.id, child.id, 'a parent is followed by its children');
  assert.ok(list.findIndex((x) => x.parentId === null) < list.findIndex((x) => x.parentId !== null));
});

test('codes are unique across workspaces and names per parent; bad codes are refused', async () => {
  await newChannel({ code: 'taken-code', name: '同名' });
  assertError(await owner.post('/api/v1/channels', { name: 'x', code: 'taken-code' }), 409, 'channel.code_taken', 'code');
  const other = await (await createWorkspace(server)).as('owner');
  assertError(await other.post('/api/v1/channels', { name: 'x', code: 'taken-code' }), 409, 'channel.code_taken', 'code');
  assertError(await owner.post('/api/v1/channels', { name: '同名' }), 409, 'channel.name_taken', 'name');
  await ok(other.post('/api/v1/channels', { name: '同名' }), 201);
  const parent = await newChannel();
  await newChannel({ parentId: parent.id, name: '同名' });
  assertError(await owner.post('/api/v1/channels', { name: '同名', parentId: parent.id }), 409, 'channel.name_taken', 'name');
  for (const code of ['ab', 'a'.repeat(33), 'a b', '中文码', 'a/b']) assertError(await owner.post('/api/v1/channels', { name: unique('x'), code }), 400, 'validation.failed', 'code');
});

test('PATCH changes fields and archives; an archived channel leaves the default list and its link answers 404', async () => {
  const c = await newChannel();
  const changed = await ok(owner.patch(`/api/v1/channels/${c.id}`, { name: '改名', threshold: 100, costCents: 99, fallbackMessage: '稍后再来', ownerStaffId: null }));
  assert.deepEqual([changed.name, changed.threshold, changed.costCents, changed.fallbackMessage, changed.owner], ['改名', 100, 99, '稍后再来', null]);
  const archived = await ok(owner.patch(`/api/v1/channels/${c.id}`, { archived: true }));
  assert.ok(archived.archivedAt);
  assert.ok(!(await ok(owner.get('/api/v1/channels'))).items.some((x: { id: number }) => x.id === c.id));
  assert.ok((await ok(owner.get('/api/v1/channels?archived=true'))).items.some((x: { id: number }) => x.id === c.id));
  const page = await visit(c.code);
  assert.equal(page.status, 404);
  assert.match(page.headers.get('content-type')!, /text\/html/);
  assert.equal((await ok(owner.patch(`/api/v1/channels/${c.id}`, { archived: false }))).archivedAt, null);
  assert.equal((await visit(c.code)).status, 200);
  const actions = (await ok(owner.get(`/api/v1/audit?entity=channel&entityId=${c.id}`))).items.map((e: { action: string }) => e.action);
  assert.deepEqual(actions.filter((a: string) => a === 'channel.update').length, 3);
});

test('the pool: ordered groups of this workspace, no duplicates, at most 50', async () => {
  const [g1, g2] = [await newGroup(), await newGroup(undefined, false)];
  const c = await newChannel();
  const set = await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [g2, g1] }));
  assert.deepEqual(set.pool.map((p: { groupId: number; position: number }) => [p.groupId, p.position]), [[g2, 0], [g1, 1]]);
  assert.deepEqual([set.pool[0].available, set.pool[0].unavailableReason, set.pool[0].qrStatus], [false, 'qr_missing', 'none']);
  assert.deepEqual([set.pool[1].available, set.pool[1].unavailableReason, set.pool[1].qrStatus, set.pool[1].capacity], [true, null, 'valid', 200]);
  assertError(await put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [g1, g1] }), 400, 'channel.duplicate_group', 'groupIds.1');
  assertError(await put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: Array.from({ length: 51 }, (_, i) => i + 1) }), 400, 'validation.failed', 'groupIds');
  const foreign = await ok((await (await createWorkspace(server)).as('owner')).post('/api/v1/groups', { platform: 'wechat', name: '别人的群' }), 201);
  assertError(await put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [g1, foreign.id] }), 404, 'group.not_found', 'groupIds.1');
  assert.equal((await ok(owner.get(`/api/v1/channels/${c.id}`))).pool.length, 2, 'a refused change leaves the pool alone');
  assert.deepEqual((await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [] }))).pool, []);
});

test('unknown codes (and malformed ones) answer a 404 HTML page', async () => {
  for (const code of ['nosuchcode', 'x', '%3Cscript%3E']) {
    const page = await visit(code);
    assert.equal(page.status, 404, code);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(page.html, /链接不存在/);
  }
});

test('campaignId: a channel may lead to a campaign of its own workspace; it is shown, changed, cleared and audited', async () => {
  const series = await ok(owner.post('/api/v1/series', { key: unique('C').toUpperCase().replace(/[^A-Z0-9]/g, 'X').slice(0, 8), name: '渠道系列' }), 201);
  const campaign = await ok(owner.post('/api/v1/campaigns', { seriesId: series.id, name: '营期', startsOn: '2030-03-01', endsOn: '2030-03-21' }), 201);
  assert.equal((await newChannel()).campaignId, null);
  const c = await newChannel({ campaignId: campaign.id });
  assert.equal(c.campaignId, campaign.id);
  assert.equal((await ok(owner.get(`/api/v1/channels/${c.id}`))).campaignId, campaign.id);
  assert.equal((await ok(owner.patch(`/api/v1/channels/${c.id}`, { name: unique('改名') }))).campaignId, campaign.id, 'unchanged when not sent');
  assert.equal((await ok(owner.patch(`/api/v1/channels/${c.id}`, { campaignId: null }))).campaignId, null);
  assert.equal((await ok(owner.patch(`/api/v1/channels/${c.id}`, { campaignId: campaign.id }))).campaignId, campaign.id);
  const audit = (await ok(owner.get(`/api/v1/audit?entity=channel&entityId=${c.id}`))).items;
  assert.deepEqual([audit[0].before.campaignId, audit[0].after.campaignId], [null, campaign.id]);

  // Another workspace's campaign (or none at all) is not found, naming campaignId; nothing is written.
  const other = await createWorkspace(server);
  const otherOwner = await other.as('owner');
  const otherSeries = await ok(otherOwner.post('/api/v1/series', { key: 'OTHER', name: '别家' }), 201);
  const otherCampaign = await ok(otherOwner.post('/api/v1/campaigns', { seriesId: otherSeries.id, name: '别家营期', startsOn: '2030-03-01', endsOn: '2030-03-21' }), 201);
  for (const campaignId of [otherCampaign.id, 987654]) {
    assertError(await owner.post('/api/v1/channels', { name: unique('越界'), campaignId }), 404, 'campaign.not_found', 'campaignId');
    assertError(await owner.patch(`/api/v1/channels/${c.id}`, { campaignId }), 404, 'campaign.not_found', 'campaignId');
  }
  assert.equal((await ok(owner.get(`/api/v1/channels/${c.id}`))).campaignId, campaign.id);
  assertError(await owner.post('/api/v1/channels', { name: 'x', campaignId: 'X1' }), 400, 'validation.failed', 'campaignId');
});

test('a channel of a campaign: /c/<code> counts the visit and redirects to the landing page; nobody is routed, no alert', async () => {
  const series = await ok(owner.post('/api/v1/series', { key: unique('L').toUpperCase().replace(/[^A-Z0-9]/g, 'X').slice(0, 8), name: '落地页系列' }), 201);
  const campaign = await ok(owner.post('/api/v1/campaigns', { seriesId: series.id, name: '营期', startsOn: '2030-03-01', endsOn: '2030-03-21' }), 201);
  const group = await newGroup();
  const c = await newChannel({ campaignId: campaign.id });
  const empty = await newChannel({ campaignId: campaign.id });
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [group] }));
  const res = await fetch(`${server.url}/c/${c.code}`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), `/m/c/${c.code}`);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const cookie = res.headers.getSetCookie().find((x) => x.startsWith('qy_visitor='))!;
  assert.ok(cookie, 'the visitor cookie is set as on the live-code page');
  await fetch(`${server.url}/c/${c.code}`, { redirect: 'manual', headers: { cookie: cookie.split(';')[0]! } });
  const detail = await ok(owner.get(`/api/v1/channels/${c.id}`));
  assert.deepEqual(detail.stats, { visits: 2, uniqueVisitors: 1, routed: 0, exhausted: 0 });
  assert.equal(detail.pool[0].scanCount, 0, 'the pool group is not scanned by a landing visit');
  assert.equal((await fetch(`${server.url}/c/${empty.code}`, { redirect: 'manual' })).status, 302);
  assert.deepEqual(await openAlerts(empty.id), [], 'an empty pool raises nothing: signup routes later');
  // Without its campaign, the channel is a live code again.
  await ok(owner.patch(`/api/v1/channels/${c.id}`, { campaignId: null }));
  const page = await visit(c.code);
  assert.equal(page.status, 200);
  assert.ok(page.html.includes(`/c/${c.code}/group-qr/${group}`));
});

test('routing: the first available group in pool order, skipping closed, QR-less and expired; its scans counted', async () => {
  const closed = await newGroup();
  await ok(owner.patch(`/api/v1/groups/${closed}`, { status: 'full' }));
  const noQr = await newGroup(undefined, false);
  const expired = await newGroup();
  await db().updateTable('chat_groups').set({ qr_expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired).execute();
  const good = await newGroup('目标群');
  const next = await newGroup();
  const c = await newChannel();
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [closed, noQr, expired, good, next] }));
  const page = await visit(c.code);
  assert.equal(page.status, 200);
  assert.match(page.html, /目标群/);
  assert.match(page.html, /长按识别二维码加入群聊/);
  assert.ok(page.html.includes(`/c/${c.code}/group-qr/${good}`));
  assert.ok(!/<script/i.test(page.html));
  const detail = await ok(owner.get(`/api/v1/channels/${c.id}`));
  assert.deepEqual(detail.pool.map((p: { unavailableReason: string | null }) => p.unavailableReason), ['closed', 'qr_missing', 'qr_expired', null, null]);
  assert.deepEqual(detail.pool.map((p: { scanCount: number }) => p.scanCount), [0, 0, 0, 1, 0]);
  assert.deepEqual(detail.stats, { visits: 1, uniqueVisitors: 1, routed: 1, exhausted: 0 });
});

test('threshold by member count, and by scan count when no member is known', async () => {
  const byMembers = await newGroup();
  await addMembers(byMembers, 2);
  const byScans = await newGroup();
  const last = await newGroup();
  const c = await newChannel({ threshold: 2 });
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [byMembers, byScans, last] }));
  const routedTo = async () => Number(/group-qr\/(\d+)/.exec((await visit(c.code)).html)?.[1]);
  // byMembers has 2 known members = threshold: skipped even with 0 scans.
  assert.equal(await routedTo(), byScans);
  assert.equal(await routedTo(), byScans);
  assert.equal(await routedTo(), last, 'two scans reach the threshold of a group with no known members');
  const pool = (await ok(owner.get(`/api/v1/channels/${c.id}`))).pool;
  assert.deepEqual(pool.map((p: { memberCount: number; scanCount: number; unavailableReason: string | null }) => [p.memberCount, p.scanCount, p.unavailableReason]),
    [[2, 0, 'at_threshold'], [0, 2, 'at_threshold'], [0, 1, null]]);
});

test('an exhausted pool shows the fallback message and raises one open alert for the owner, again after it is resolved', async () => {
  const full = await newGroup();
  await addMembers(full, 1);
  const c = await newChannel({ threshold: 1, fallbackMessage: '今天的群都满了，明天再来' });
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [full] }));
  for (let i = 0; i < 3; i++) {
    const page = await visit(c.code);
    assert.equal(page.status, 200);
    assert.match(page.html, /今天的群都满了，明天再来/);
    assert.ok(!page.html.includes('group-qr'));
  }
  const alerts = await openAlerts(c.id);
  assert.equal(alerts.length, 1, 'at most one open alert per channel');
  assert.deepEqual([alerts[0].kind, alerts[0].level, alerts[0].staff.id, alerts[0].resolvedAt], ['live_code_exhausted', 'critical', ownerStaffId, null]);
  const resolved = await ok(owner.post(`/api/v1/alerts/${alerts[0].id}/resolve`, {}));
  assert.ok(resolved.resolvedAt);
  assert.equal((await ok(owner.post(`/api/v1/alerts/${alerts[0].id}/resolve`, {}))).resolvedAt, resolved.resolvedAt, 'resolving twice changes nothing');
  assert.ok((await ok(owner.get('/api/v1/alerts?open=false'))).items.some((a: { id: number }) => a.id === alerts[0].id));
  assert.equal((await openAlerts(c.id)).length, 0);
  await visit(c.code);
  assert.equal((await openAlerts(c.id)).length, 1, 'a new exhaustion after resolving raises a new alert');
  const detail = await ok(owner.get(`/api/v1/channels/${c.id}`));
  assert.deepEqual(detail.stats, { visits: 4, uniqueVisitors: 4, routed: 0, exhausted: 4 });
  assert.equal(detail.pool[0].scanCount, 0, 'an exhausted visit scans no group');
  assertError(await owner.post('/api/v1/alerts/987654/resolve', {}), 404, 'alert.not_found');
});

test('concurrent exhausted visits still raise a single alert', async () => {
  const c = await newChannel();
  await Promise.all(Array.from({ length: 8 }, () => visit(c.code)));
  assert.equal((await openAlerts(c.id)).length, 1);
});

test('the visitor cookie: random, HttpOnly, SameSite=Lax, a year; stored only as its sha256', async () => {
  const g = await newGroup();
  const c = await newChannel();
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [g] }));
  const first = await visit(c.code);
  const setCookie = first.headers.get('set-cookie')!;
  const value = /qy_visitor=([^;]+)/.exec(setCookie)![1]!;
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);
  assert.match(setCookie, /Max-Age=31536000/);
  const again = await visit(c.code, `qy_visitor=${value}`);
  assert.equal(again.headers.get('set-cookie'), null, 'a known visitor keeps the cookie');
  await visit(c.code);
  const stored = await db().selectFrom('channel_visits').select('visitor').where('channel_id', '=', c.id).execute();
  assert.equal(stored.length, 3);
  const hash = createHash('sha256').update(value).digest('hex');
  assert.equal(stored.filter((v) => v.visitor === hash).length, 2);
  assert.ok(!stored.some((v) => v.visitor === value), 'the raw cookie is never stored');
  assert.deepEqual((await ok(owner.get(`/api/v1/channels/${c.id}`))).stats, { visits: 3, uniqueVisitors: 2, routed: 3, exhausted: 0 });
  assert.equal((await fetch(`${server.url}/c/${c.code}`, { method: 'HEAD' })).status, 404, 'no HEAD: a preview does not count');
  assert.equal((await ok(owner.get(`/api/v1/channels/${c.id}`))).stats.visits, 3);
});

test('names and messages are escaped on the page', async () => {
  const evil = '<script>alert(1)</script>"\'&';
  const g = await newGroup(evil);
  const c = await newChannel({ name: `渠道${evil}` });
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [g] }));
  const page = await visit(c.code);
  assert.ok(!page.html.includes('<script>'));
  assert.ok(page.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;'));
  assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
  const c2 = await newChannel({ fallbackMessage: `<img src=x onerror=alert(1)>` });
  const fallback = await visit(c2.code);
  assert.ok(!fallback.html.includes('<img src=x'));
  assert.ok(fallback.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
});

test('group QR images are served only for groups in that channel\'s pool', async () => {
  const inPool = await newGroup();
  const outside = await newGroup();
  const c = await newChannel();
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [inPool] }));
  const res = await fetch(`${server.url}/c/${c.code}/group-qr/${inPool}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG_1PX);
  for (const p of [`/c/${c.code}/group-qr/${outside}`, `/c/${c.code}/group-qr/abc`, `/c/nosuchcode/group-qr/${inPool}`]) {
    assert.equal((await fetch(server.url + p)).status, 404, p);
  }
  await ok(owner.patch(`/api/v1/channels/${c.id}`, { archived: true }));
  assert.equal((await fetch(`${server.url}/c/${c.code}/group-qr/${inPool}`)).status, 404, 'not for an archived channel');
});

test('channel QR downloads: PNG of the requested size and SVG, as attachments', async () => {
  const c = await newChannel({ code: 'qr-code_1' });
  const png = await fetchRaw(owner, `/api/v1/channels/${c.id}/qr.png?size=300`);
  assert.equal(png.status, 200);
  assert.equal(png.headers.get('content-type'), 'image/png');
  assert.equal(png.headers.get('content-disposition'), 'attachment; filename="channel-qr-code_1.png"');
  const bytes = Buffer.from(await png.arrayBuffer());
  assert.deepEqual(bytes.subarray(0, 8), PNG_1PX.subarray(0, 8));
  assert.equal(bytes.readUInt32BE(16), 300, 'IHDR width is the requested size');
  const svg = await fetchRaw(owner, `/api/v1/channels/${c.id}/qr.svg`);
  assert.match(svg.headers.get('content-type')!, /^image\/svg\+xml/);
  assert.equal(svg.headers.get('content-disposition'), 'attachment; filename="channel-qr-code_1.svg"');
  assert.match(await svg.text(), /^<svg/);
  assertError(await owner.get(`/api/v1/channels/${c.id}/qr.png?size=100`), 400, 'validation.failed', 'size');
  assert.equal(shortLinkUrl('abc', 'https://q.example.com/', 'http://127.0.0.1:1'), 'https://q.example.com/c/abc');
  assert.equal(shortLinkUrl('abc', undefined, 'http://127.0.0.1:1'), 'http://127.0.0.1:1/c/abc');
});

test('stats: exact counts over whole days in the workspace time zone, by day and by group, with definitions', async () => {
  const [g1, g2] = [await newGroup('统计一群'), await newGroup('统计二群')];
  const c = await newChannel();
  await ok(put(owner, `/api/v1/channels/${c.id}/pool`, { groupIds: [g1, g2] }));
  // Asia/Shanghai (UTC+8): 2026-03-01T15:59:59Z is still March 1st, 16:00:00Z is March 2nd.
  const rows: Array<[string, string, number | null]> = [
    ['2026-02-28T15:59:59.000Z', 'v0', g1], // Feb 28, outside
    ['2026-02-28T16:00:00.000Z', 'v1', g1], // Mar 1 00:00
    ['2026-03-01T15:59:59.000Z', 'v1', g1], // Mar 1 23:59:59
    ['2026-03-01T16:00:00.000Z', 'v2', g2], // Mar 2
    ['2026-03-02T03:00:00.000Z', 'v1', null], // Mar 2, exhausted
    ['2026-03-02T16:00:00.000Z', 'v3', g2], // Mar 3, outside
  ];
  for (const [at, visitor, groupId] of rows) {
    await db().insertInto('channel_visits').values({ workspace_id: W.id, channel_id: c.id, visitor, at, group_id: groupId, exhausted: groupId === null ? 1 : 0 }).execute();
  }
  const m1 = await ok(owner.post('/api/v1/members', { nickname: '统计成员1' }), 201);
  const m2 = await ok(owner.post('/api/v1/members', { nickname: '统计成员2' }), 201);
  await ok(owner.post(`/api/v1/groups/${g1}/members`, { memberNo: m1.memberNo, joinedAt: '2026-03-01T01:00:00Z' }), 201);
  await ok(owner.post(`/api/v1/groups/${g1}/members`, { memberNo: m2.memberNo, joinedAt: '2026-03-05T01:00:00Z' }), 201);
  const s = await ok(owner.get(`/api/v1/channels/${c.id}/stats?from=2026-03-01&to=2026-03-02`));
  assert.deepEqual([s.from, s.to, s.visits, s.uniqueVisitors, s.exhaustedVisits], ['2026-03-01', '2026-03-02', 4, 2, 1]);
  assert.deepEqual(s.byDay, [{ date: '2026-03-01', visits: 2, uniqueVisitors: 1 }, { date: '2026-03-02', visits: 2, uniqueVisitors: 2 }]);
  assert.deepEqual(s.byGroup, [{ groupId: g1, name: '统计一群', routed: 2, joins: 1 }, { groupId: g2, name: '统计二群', routed: 1, joins: 0 }]);
  for (const key of ['visits', 'uniqueVisitors', 'routed', 'joins', 'exhaustedVisits']) assert.ok(s.definitions[key].length > 20, key);
  const all = await ok(owner.get(`/api/v1/channels/${c.id}`));
  assert.deepEqual(all.stats, { visits: 6, uniqueVisitors: 4, routed: 5, exhausted: 1 });
  const recent = await ok(owner.get(`/api/v1/channels/${c.id}/stats`));
  assert.equal(recent.byDay.length, 30, 'the default period is the last 30 days');
  assert.equal(recent.visits, 0);
  assertError(await owner.get(`/api/v1/channels/${c.id}/stats?from=2026-03-02&to=2026-03-01`), 400, 'channel.invalid_period', 'from');
  assertError(await owner.get(`/api/v1/channels/${c.id}/stats?from=2026-02-30`), 400, 'validation.failed', 'from');
  assertError(await owner.get(`/api/v1/channels/${c.id}/stats?from=2024-01-01&to=2026-01-01`), 400, 'channel.period_too_long', 'to');
});

test('roles: viewers read channels but may not change them or resolve alerts', async () => {
  const viewer = await W.as('viewer');
  const c = await newChannel();
  assert.equal((await viewer.get(`/api/v1/channels/${c.id}`)).status, 200);
  assertError(await viewer.patch(`/api/v1/channels/${c.id}`, { name: 'x' }), 403, 'auth.forbidden');
  assertError(await put(viewer, `/api/v1/channels/${c.id}/pool`, { groupIds: [] }), 403, 'auth.forbidden');
});
