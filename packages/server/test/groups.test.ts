// Chat groups through HTTP on a real database: CRUD and validation, QR uploads (only real images, served safely),
// QR expiry and reminders, membership periods, member-list import with its review list, and the matrix.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { csvFile, fetchRaw, PNG_1PX, upload } from './multipart.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let ownerStaffId = 0;
const fx = { seriesX: 0, seriesY: 0, campaignX1: 0, campaignX2: 0 };

async function newGroup(body: Record<string, unknown> = {}) {
  return ok(owner.post('/api/v1/groups', { platform: 'wechat', name: `群${Math.random().toString(36).slice(2, 8)}`, ...body }), 201);
}

async function newMember(nickname: string, extra: Record<string, unknown> = {}) {
  return ok(owner.post('/api/v1/members', { nickname, ...extra }), 201);
}

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  ownerStaffId = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
  // Series and campaigns belong to the campaigns feature; the tests place rows directly so they do not depend on its API.
  const db = server.services.database.db;
  const now = new Date().toISOString();
  const series = async (key: string) => (await db.insertInto('series').values({ workspace_id: W.id, key, name: `系列${key}`, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  fx.seriesX = await series('X');
  fx.seriesY = await series('Y');
  const campaign = async (edition: number, startsOn: string) => (await db.insertInto('campaigns').values({
    workspace_id: W.id, series_id: fx.seriesX, key: `X${edition}`, edition, name: `X 第${edition}期`, starts_on: startsOn, ends_on: startsOn,
    timezone: 'Asia/Shanghai', rules: '{}', created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow()).id;
  fx.campaignX2 = await campaign(2, '2026-03-01');
  fx.campaignX1 = await campaign(1, '2026-01-01');
});

after(async () => {
  await server?.close();
});

test('create, read, list and change groups, with validation naming the field', async () => {
  const g = await newGroup({ name: 'X1 打卡1群', ownerStaffId, campaignId: fx.campaignX1, theme: '亲子阅读' });
  assert.equal(g.capacity, 200, 'scan-join capacity by default');
  assert.equal(g.status, 'open');
  assert.equal(g.qrStatus, 'none');
  assert.equal(g.memberCount, 0);
  assert.equal(g.series.id, fx.seriesX, "a campaign without a series brings the campaign's series");
  assert.equal(g.campaign.key, 'X1');
  assert.equal(g.owner.id, ownerStaffId);

  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'a', capacity: 501 }), 400, 'validation.failed', 'capacity');
  assertError(await owner.post('/api/v1/groups', { platform: 'qq', name: 'a' }), 400, 'validation.failed', 'platform');
  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'x'.repeat(61) }), 400, 'validation.failed', 'name');
  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'a', status: 'closed' }), 400, 'validation.failed', 'status');
  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'a', ownerStaffId: 987654 }), 404, 'staff.not_found', 'ownerStaffId');
  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'a', campaignId: 987654 }), 404, 'campaign.not_found', 'campaignId');
  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'a', campaignId: fx.campaignX1, seriesId: fx.seriesY }), 400, 'group.series_mismatch', 'seriesId');
  const other = await createWorkspace(server);
  const otherStaff = await server.services.staff.create(other.ctx, { username: 'elsewhere', displayName: 'E', password: 'correct-horse-battery', role: 'sales' });
  assertError(await owner.post('/api/v1/groups', { platform: 'wechat', name: 'a', ownerStaffId: otherStaff.id }), 404, 'staff.not_found', 'ownerStaffId');

  const full = await ok(owner.patch(`/api/v1/groups/${g.id}`, { status: 'full', capacity: 500 }));
  assert.equal(full.status, 'full');
  assert.equal(full.capacity, 500);
  await ok(owner.patch(`/api/v1/groups/${g.id}`, { status: 'archived' }));
  const dissolved = await ok(owner.patch(`/api/v1/groups/${g.id}`, { status: 'dissolved' }));
  assert.equal(dissolved.status, 'dissolved');
  assertError(await owner.patch(`/api/v1/groups/${g.id}`, { status: 'open' }), 409, 'group.invalid_transition', 'status');
  const audit = await ok(owner.get(`/api/v1/audit?entity=group&entityId=${g.id}`));
  const actions = audit.items.map((e: { action: string }) => e.action);
  assert.ok(actions.includes('group.create'));
  assert.equal(actions.filter((a: string) => a === 'group.status_change').length, 3, 'every transition is audited');

  const y = await newGroup({ name: 'Y 群', seriesId: fx.seriesY });
  assert.equal(y.campaign, null);
  assert.equal((await ok(owner.get(`/api/v1/groups/${y.id}`))).series.key, 'Y');
  const inY = await ok(owner.get(`/api/v1/groups?seriesId=${fx.seriesY}`));
  assert.deepEqual(inY.items.map((i: { id: number }) => i.id), [y.id]);
  assert.deepEqual((await ok(owner.get(`/api/v1/groups?campaignId=${fx.campaignX1}`))).items.map((i: { id: number }) => i.id), [g.id]);
  assert.deepEqual((await ok(owner.get('/api/v1/groups?status=dissolved'))).items.map((i: { id: number }) => i.id), [g.id]);
  assert.deepEqual((await ok(owner.get(`/api/v1/groups?q=${encodeURIComponent('打卡1')}`))).items.map((i: { id: number }) => i.id), [g.id]);
  assert.deepEqual((await ok(owner.get('/api/v1/groups?q=%25'))).items, [], 'a % in q is a character, not a wildcard');
  for (let i = 0; i < 3; i++) await newGroup();
  const seen = new Set<number>();
  let cursor: string | null = null;
  do {
    const pageRes: { items: Array<{ id: number }>; nextCursor: string | null } = await ok(owner.get(`/api/v1/groups?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
    for (const item of pageRes.items) { assert.ok(!seen.has(item.id)); seen.add(item.id); }
    cursor = pageRes.nextCursor;
  } while (cursor);
  assert.ok(seen.size >= 5);
  assertError(await owner.get(`/api/v1/groups?seriesId=987654`), 404, 'series.not_found', 'seriesId');
});

test('QR upload keeps only real images, served as the checked type with nosniff; the expiry defaults to 7 days', async () => {
  const g = await newGroup();
  const url = `/api/v1/groups/${g.id}/qr`;
  assertError(await owner.get(url), 404, 'group.qr_not_found');

  const before = Date.now();
  const up = await upload(owner, url, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX });
  assert.equal(up.status, 200, JSON.stringify(up.body));
  assert.equal(up.body.qrStatus, 'valid');
  const days = (Date.parse(up.body.qrExpiresAt) - before) / 86_400_000;
  assert.ok(days > 6.99 && days <= 7.001, `expires in ${days} days`);

  const served = await fetchRaw(owner, url);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(served.headers.get('content-disposition'), 'inline');
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG_1PX);

  const html = Buffer.from('<!doctype html><script>alert(1)</script>');
  assertError(await upload(owner, url, { name: 'qr.png', type: 'image/png', bytes: html }), 400, 'upload.not_an_image', 'file');
  assertError(await upload(owner, url, { name: 'a.txt', type: 'text/plain', bytes: 'hello' }), 400, 'upload.not_an_image', 'file');
  assertError(await upload(owner, url, { name: 'a.pdf', type: 'application/pdf', bytes: '%PDF-1.4\n%âãÏÓ\n1 0 obj' }), 400, 'upload.not_an_image', 'file');
  assertError(await upload(owner, url, { name: 'empty.png', type: 'image/png', bytes: Buffer.alloc(0) }), 400, 'upload.empty', 'file');
  const huge = Buffer.concat([PNG_1PX, Buffer.alloc(2 * 1024 * 1024)]);
  assertError(await upload(owner, url, { name: 'big.png', type: 'image/png', bytes: huge }), 413, 'upload.too_large', 'file');
  assertError(await upload(owner, url, null, { expiresAt: new Date().toISOString() }), 400, 'upload.missing', 'file');
  assertError(await upload(owner, url, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX }, {}, 'image'), 400, 'upload.unexpected_file', 'image');
  assertError(await owner.post(url, {}), 400, 'upload.not_multipart', 'file');
  const tooFar = new Date(Date.now() + 8 * 86_400_000).toISOString();
  assertError(await upload(owner, url, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX }, { expiresAt: tooFar }), 400, 'group.qr_expiry_too_far', 'expiresAt');
  assertError(await upload(owner, url, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX }, { expiresAt: 'soon' }), 400, 'validation.failed', 'expiresAt');
  assertError(await upload(owner, url, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX }, { color: 'red' }), 400, 'validation.failed', 'color');
  // Still the first image: nothing refused replaced it.
  assert.equal((await ok(owner.get(`/api/v1/groups/${g.id}`))).qrExpiresAt, up.body.qrExpiresAt);

  // A JPEG named .png is a JPEG: stored and served as one. The previous file is gone after the commit.
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
  const soon = new Date(Date.now() + 3 * 3600_000).toISOString();
  const replaced = await upload(owner, url, { name: 'looks.png', type: 'image/png', bytes: jpeg }, { expiresAt: soon });
  assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
  assert.equal(replaced.body.qrStatus, 'expiring');
  assert.equal((await fetchRaw(owner, url)).headers.get('content-type'), 'image/jpeg');
  const dir = path.join(server.services.dataDir, 'uploads', 'group-qr', String(W.id));
  const files = fs.readdirSync(dir);
  const row = await server.services.database.db.selectFrom('chat_groups').select('qr_file').where('id', '=', g.id).executeTakeFirstOrThrow();
  assert.deepEqual(files, [path.basename(row.qr_file!)], 'only the current image is kept: the old PNG and refused uploads are gone');
  assert.ok(row.qr_file!.endsWith('.jpg'));

  const reminders = (await ok(owner.get('/api/v1/groups/reminders'))).items.filter((r: { groupId: number }) => r.groupId === g.id);
  assert.deepEqual(reminders.map((r: { reason: string }) => r.reason), ['qr_expiring']);
  assert.ok(reminders[0].message.length > 0);
});

test('reminders: missing QR, expired QR, near the 200 scan-join limit; archived groups are quiet', async () => {
  const missing = await newGroup();
  const expired = await newGroup();
  await upload(owner, `/api/v1/groups/${expired.id}/qr`, { name: 'q.png', type: 'image/png', bytes: PNG_1PX });
  await server.services.database.db.updateTable('chat_groups').set({ qr_expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', expired.id).execute();
  const small = await newGroup({ capacity: 12 });
  await upload(owner, `/api/v1/groups/${small.id}/qr`, { name: 'q.png', type: 'image/png', bytes: PNG_1PX });
  for (let i = 0; i < 2; i++) {
    const m = await newMember(`满员${i}`);
    await ok(owner.post(`/api/v1/groups/${small.id}/members`, { memberNo: m.memberNo }), 201);
  }
  const quiet = await newGroup({ status: 'archived' });
  const items = (await ok(owner.get('/api/v1/groups/reminders'))).items as Array<{ groupId: number; reason: string }>;
  const reasons = (id: number) => items.filter((r) => r.groupId === id).map((r) => r.reason);
  assert.deepEqual(reasons(missing.id), ['qr_missing']);
  assert.deepEqual(reasons(expired.id), ['qr_expired']);
  assert.deepEqual(reasons(small.id), ['near_capacity'], 'capacity 12 warns from 2 members (capacity − 10)');
  assert.deepEqual(reasons(quiet.id), []);
  assert.equal((await ok(owner.get(`/api/v1/groups/${expired.id}`))).qrStatus, 'expired');
});

test('membership is a history of join/leave periods; group nicknames go into the nickname history', async () => {
  const g = await newGroup({ name: '成员史群' });
  const m = await newMember('周周');
  const joined = await ok(owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: m.memberNo, groupNickname: `${m.memberNo}-周周妈妈` }), 201);
  assert.equal(joined.source, 'manual');
  assert.equal(joined.leftAt, null);
  assertError(await owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: m.memberNo }), 409, 'group.already_member', 'memberNo');
  assertError(await owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: 99999 }), 404, 'member.not_found');
  assert.equal((await ok(owner.get(`/api/v1/groups/${g.id}`))).memberCount, 1);
  assertError(await owner.post(`/api/v1/groups/${g.id}/members/${m.memberNo}/leave`, { leftAt: '2000-01-01T00:00:00Z' }), 400, 'group.left_before_joined', 'leftAt');
  const left = await ok(owner.post(`/api/v1/groups/${g.id}/members/${m.memberNo}/leave`, {}));
  assert.ok(left.leftAt);
  assertError(await owner.post(`/api/v1/groups/${g.id}/members/${m.memberNo}/leave`, {}), 409, 'group.not_member', 'memberNo');
  await ok(owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: m.memberNo }), 201);
  assert.equal((await ok(owner.get(`/api/v1/groups/${g.id}/members`))).items.length, 1, 'current: one open period');
  const all = (await ok(owner.get(`/api/v1/groups/${g.id}/members?period=all`))).items;
  assert.equal(all.length, 2, 'all: both periods');
  assert.equal(all.filter((p: { leftAt: string | null }) => p.leftAt !== null).length, 1);
  const history = (await ok(owner.get(`/api/v1/members/${m.memberNo}/groups`))).items;
  assert.equal(history.length, 2);
  assert.equal(history[0].group.name, '成员史群');
  const names = (await ok(owner.get(`/api/v1/members/${m.memberNo}/nicknames`))).items;
  assert.ok(names.some((n: { nickname: string; context: string }) => n.nickname === `${m.memberNo}-周周妈妈` && n.context === 'group:成员史群'));
  const audit = (await ok(owner.get(`/api/v1/audit?entity=group&entityId=${g.id}`))).items.map((e: { action: string }) => e.action);
  assert.ok(audit.includes('group.member_join') && audit.includes('group.member_leave'));
  await ok(owner.patch(`/api/v1/groups/${g.id}`, { status: 'dissolved' }));
  assert.equal((await ok(owner.get(`/api/v1/groups/${g.id}`))).memberCount, 0, 'dissolving ends every period');
  assertError(await owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: m.memberNo }), 409, 'group.closed');
});

test('member list import: number in nickname, identity, unique nickname; ambiguous and fuzzy rows wait for review', async () => {
  const g = await newGroup({ name: '导入群' });
  const byNo = await newMember('原名甲');
  const byPhone = await newMember('王五', { phone: '13800000005' });
  const byWechat = await newMember('微信人', { identities: [{ kind: 'custom', value: 'wxid_abc123' }] });
  const unique = await newMember('赵六');
  const twinA = await newMember('张三');
  const twinB = await newMember('张三丰');
  await ok(owner.patch(`/api/v1/members/${twinB.memberNo}`, { nickname: '张老三' }));
  // twinB was once called 张三丰, twinA is 张三; make 张三 a former name of twinB too, so the name is ambiguous.
  await ok(owner.patch(`/api/v1/members/${twinB.memberNo}`, { nickname: '张三' }));
  await ok(owner.patch(`/api/v1/members/${twinB.memberNo}`, { nickname: '张老三' }));
  const nearly = await newMember('李四四');
  const stayer = await newMember('老成员');
  const leaver = await newMember('早走了');
  await ok(owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: stayer.memberNo }), 201);
  await ok(owner.post(`/api/v1/groups/${g.id}/members`, { memberNo: leaver.memberNo }), 201);

  const file = csvFile([
    '群昵称,微信号,手机号,加入时间',
    `${byNo.memberNo}-小明妈妈,,,2026-01-02 09:30`,
    '王五爸爸,,138 0000 0005,',
    '阿微,wxid_abc123,,',
    '赵六,,,',
    '张三,,,',
    '李四,,,',
    '无名氏,,,',
    '老成员,,,',
  ]);
  const res = await upload(owner, `/api/v1/groups/${g.id}/import`, file);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const s = res.body;
  assert.equal(s.rows, 8);
  assert.equal(s.byMemberNo, 1);
  assert.equal(s.byIdentity, 2);
  assert.equal(s.byNickname, 2, '赵六 and 老成员');
  assert.equal(s.matched, 5);
  assert.equal(s.alreadyIn, 1);
  assert.equal(s.joined, 4);
  assert.equal(s.left, 1, 'the snapshot ends the period of the one absent from the list');
  assert.equal(s.toReview, 3);
  assert.equal(s.snapshot, true);

  const current = (await ok(owner.get(`/api/v1/groups/${g.id}/members`))).items as Array<{ memberNo: number; source: string; joinedAt: string; groupNickname: string }>;
  const nos = current.map((m) => m.memberNo).sort();
  assert.deepEqual(nos, [byNo.memberNo, byPhone.memberNo, byWechat.memberNo, unique.memberNo, stayer.memberNo].sort());
  assert.ok(!nos.includes(twinA.memberNo) && !nos.includes(twinB.memberNo), 'an ambiguous name is never matched silently');
  assert.ok(!nos.includes(nearly.memberNo), 'a fuzzy hit is never matched silently');
  const first = current.find((m) => m.memberNo === byNo.memberNo)!;
  assert.equal(first.source, 'import');
  assert.equal(first.joinedAt, '2026-01-02T01:30:00.000Z', 'joined at, read in the workspace time zone');
  assert.equal(first.groupNickname, `${byNo.memberNo}-小明妈妈`);
  const names = (await ok(owner.get(`/api/v1/members/${byNo.memberNo}/nicknames`))).items;
  assert.ok(names.some((n: { context: string }) => n.context === 'group:导入群'));

  const reviews = (await ok(owner.get(`/api/v1/groups/${g.id}/reviews`))).items as Array<{ id: number; groupNickname: string; reason: string; candidates: Array<{ memberNo: number }>; row: Record<string, string> }>;
  const byName = new Map(reviews.map((r) => [r.groupNickname, r]));
  assert.equal(byName.get('张三')!.reason, 'ambiguous_nickname');
  assert.deepEqual(byName.get('张三')!.candidates.map((c) => c.memberNo).sort(), [twinA.memberNo, twinB.memberNo].sort());
  assert.equal(byName.get('李四')!.reason, 'fuzzy_nickname');
  assert.deepEqual(byName.get('李四')!.candidates.map((c) => c.memberNo), [nearly.memberNo]);
  assert.equal(byName.get('无名氏')!.reason, 'no_match');
  assert.equal(byName.get('无名氏')!.row['群昵称'], '无名氏');

  const resolved = await ok(owner.post(`/api/v1/group-reviews/${byName.get('张三')!.id}/resolve`, { memberNo: twinB.memberNo }));
  assert.equal(resolved.resolution, `member:${twinB.id}`);
  assertError(await owner.post(`/api/v1/group-reviews/${byName.get('张三')!.id}/resolve`, { ignore: true }), 409, 'group_review.resolved');
  const created = await ok(owner.post(`/api/v1/group-reviews/${byName.get('无名氏')!.id}/resolve`, { createMember: { nickname: '无名氏' } }));
  assert.equal(created.resolution, 'new');
  await ok(owner.post(`/api/v1/group-reviews/${byName.get('李四')!.id}/resolve`, { ignore: true }));
  assertError(await owner.post(`/api/v1/group-reviews/${byName.get('李四')!.id}/resolve`, { ignore: true, memberNo: 10001 }), 400, 'validation.failed', 'memberNo');
  assert.deepEqual((await ok(owner.get(`/api/v1/groups/${g.id}/reviews`))).items, [], 'nothing left to decide');
  assert.equal((await ok(owner.get(`/api/v1/groups/${g.id}/reviews?status=all`))).items.length, 3);
  const after = (await ok(owner.get(`/api/v1/groups/${g.id}/members`))).items.map((m: { memberNo: number }) => m.memberNo);
  assert.ok(after.includes(twinB.memberNo));
  assert.equal(after.length, 7, 'the resolved person and the new member joined');

  // A partial list (snapshot=false) adds and never removes.
  const partial = await upload(owner, `/api/v1/groups/${g.id}/import?snapshot=false`, csvFile(['nickname,phone', '赵六,']));
  assert.equal(partial.status, 200, JSON.stringify(partial.body));
  assert.equal(partial.body.left, 0);
  assert.equal(partial.body.alreadyIn, 1);
  assert.equal((await ok(owner.get(`/api/v1/groups/${g.id}`))).memberCount, 7);

  // XLSX, as WeCom exports it.
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('成员');
  sheet.addRow(['群昵称', '手机号']);
  sheet.addRow(['新来的', '13800000005']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const g2 = await newGroup();
  const x = await upload(owner, `/api/v1/groups/${g2.id}/import`, { name: 'list.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: xlsx });
  assert.equal(x.status, 200, JSON.stringify(x.body));
  assert.equal(x.body.byIdentity, 1);

  assertError(await upload(owner, `/api/v1/groups/${g2.id}/import`, csvFile(['城市,备注', '杭州,x'])), 400, 'group_list.no_columns', 'file');
  assertError(await upload(owner, `/api/v1/groups/${g2.id}/import`, { name: 'a.csv', type: 'text/csv', bytes: '' }), 400, 'upload.empty', 'file');
  assertError(await upload(owner, `/api/v1/groups/${g2.id}/import`, { name: 'a.xlsx', type: 'text/csv', bytes: Buffer.from('PK\u0003\u0004 not a workbook') }), 400, 'group_list.unreadable', 'file');
  assertError(await upload(owner, `/api/v1/groups/${g2.id}/import?snapshot=maybe`, csvFile(['群昵称', 'x'])), 400, 'validation.failed', 'snapshot');
});

test('the matrix: series with campaigns in order, their groups and totals; groups in no series apart', async () => {
  const inX = await newGroup({ name: 'X2 群', campaignId: fx.campaignX2 });
  const loose = await newGroup({ name: '无系列群' });
  const m = await newMember('矩阵人');
  await ok(owner.post(`/api/v1/groups/${inX.id}/members`, { memberNo: m.memberNo }), 201);
  const matrix = await ok(owner.get('/api/v1/matrix'));
  const x = matrix.series.find((s: { key: string }) => s.key === 'X');
  assert.deepEqual(x.campaigns.map((c: { key: string }) => c.key), ['X1', 'X2'], 'campaigns ordered by start');
  const cell = x.groups.find((g: { id: number }) => g.id === inX.id);
  assert.equal(cell.campaignKey, 'X2');
  assert.equal(cell.memberCount, 1);
  assert.ok(x.totals.members >= 1);
  assert.equal(x.totals.groups, x.groups.length);
  assert.ok(matrix.unassigned.groups.some((g: { id: number }) => g.id === loose.id));
  assert.ok(!x.groups.some((g: { id: number }) => g.id === loose.id));
  assert.ok(matrix.definitions.members && matrix.definitions.groupsOpen);
});
