// The member registry's behaviour over HTTP: numbering, identities, search, history, tags, records, blocklist,
// merge and undo, erase. Each test works in a workspace of its own, so its assertions can be exact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allPages, assertError, ok } from './api-checks.js';
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

async function create(c: Client, body: Record<string, unknown>) {
  return ok(c.post('/api/v1/members', body), 201);
}

/** Member numbers a search finds (all pages). */
async function find(c: Client, query: string): Promise<number[]> {
  const items = await allPages<{ id: number; memberNo: number }>(c, query ? `/api/v1/members?${query}` : '/api/v1/members');
  return items.map((m) => m.memberNo).sort();
}
const q = (text: string) => `q=${encodeURIComponent(text)}`;

/** A profile without the fields every write touches. */
function stable(member: Record<string, unknown>) {
  const { updatedAt: _updatedAt, ...rest } = member;
  return rest;
}

test('member numbers start at 10001 and are sequential', async () => {
  const c = await owner();
  const numbers = [];
  for (let i = 0; i < 5; i++) numbers.push((await create(c, { nickname: `成员${i}` })).memberNo);
  assert.deepEqual(numbers, [10001, 10002, 10003, 10004, 10005]);
});

test('30 concurrent creates get 30 distinct, consecutive numbers', async () => {
  const c = await owner();
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => c.post('/api/v1/members', { nickname: `并发${i}` })));
  assert.deepEqual(results.map((r) => r.status), Array(30).fill(201));
  const numbers = results.map((r) => r.body.memberNo as number).sort((x, y) => x - y);
  assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => 10001 + i));
  assert.equal((await create(c, { nickname: '之后' })).memberNo, 10031);
});

test('a create refused for a taken identity consumes no number and names the holder', async () => {
  const c = await owner();
  const holder = await create(c, { nickname: '持有者', identities: [{ kind: 'wechat_unionid', value: 'u-taken' }] });
  const refused = await c.post('/api/v1/members', { nickname: '重复', identities: [{ kind: 'wechat_unionid', value: 'u-taken' }] });
  assertError(refused, 409, 'identity.taken');
  assert.ok(JSON.stringify(refused.body.error).includes(String(holder.memberNo)), `names the holder: ${JSON.stringify(refused.body)}`);
  // Racing duplicates: one wins, the others are refused the same way, and no number is lost.
  const race = await Promise.all(Array.from({ length: 8 }, (_, i) => c.post('/api/v1/members', { nickname: `抢${i}`, identities: [{ kind: 'custom', value: 'race' }] })));
  assert.deepEqual(race.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
  for (const r of race.filter((x) => x.status === 409)) assertError(r, 409, 'identity.taken');
  assert.equal(race.find((r) => r.status === 201)!.body.memberNo, holder.memberNo + 1);
  assert.equal((await create(c, { nickname: '下一个' })).memberNo, holder.memberNo + 2);
});

test('identities are unique per workspace, not across workspaces', async () => {
  const a = await owner();
  const b = await owner();
  const inA = await create(a, { nickname: '甲', identities: [{ kind: 'wechat_unionid', value: 'shared-unionid' }] });
  const inB = await create(b, { nickname: '乙', identities: [{ kind: 'wechat_unionid', value: 'shared-unionid' }] });
  assert.equal(inA.memberNo, 10001);
  assert.equal(inB.memberNo, 10001);
  assertError(await a.post('/api/v1/members', { nickname: '丙', identities: [{ kind: 'wechat_unionid', value: 'shared-unionid' }] }), 409, 'identity.taken');
  // A kind is part of the identity: the same text as an openid is another identity.
  await create(a, { nickname: '丁', identities: [{ kind: 'wechat_openid', value: 'shared-unionid' }] });
  // Adding a taken identity to an existing member is refused the same way, naming the holder.
  const other = await create(a, { nickname: '戊' });
  const res = await a.post(`/api/v1/members/${other.memberNo}/identities`, { kind: 'wechat_unionid', value: 'shared-unionid' });
  assertError(res, 409, 'identity.taken');
  assert.ok(JSON.stringify(res.body.error).includes(String(inA.memberNo)));
});

test('phone numbers are normalized: +86, spaces and dashes are one identity', async () => {
  const c = await owner();
  const m = await create(c, { nickname: '电话', phone: '+86 139-1234-5678' });
  assert.equal(m.phone, '13912345678');
  assert.deepEqual(m.identities.map((i: { kind: string; value: string }) => [i.kind, i.value]), [['phone', '13912345678']]);
  assertError(await c.post('/api/v1/members', { nickname: '同号', phone: '13912345678' }), 409, 'identity.taken');
  assertError(await c.post('/api/v1/members', { nickname: '同号', identities: [{ kind: 'phone', value: '0086 139 1234 5678' }] }), 409, 'identity.taken');
  assertError(await c.post(`/api/v1/members`, { nickname: '同号', phone: '(139) 1234-5678' }), 409, 'identity.taken');
  assert.deepEqual(await find(c, q('13912345678')), [m.memberNo]);
  // E-mail addresses ignore case.
  await create(c, { nickname: '邮件', identities: [{ kind: 'email', value: 'Mei@Example.COM' }] });
  assertError(await c.post('/api/v1/members', { nickname: '邮件2', identities: [{ kind: 'email', value: 'mei@example.com' }] }), 409, 'identity.taken');
});

test('search by a phone number written with +86, spaces or dashes finds its member', async () => {
  const c = await owner();
  const m = await create(c, { nickname: '电话查找', phone: '13912345678' });
  // The same number is one identity however it is typed (see above), so typing it either way finds the member.
  for (const typed of ['13912345678', '+86 13912345678', '+86 139-1234-5678', '139 1234 5678']) {
    assert.deepEqual(await find(c, q(typed)), [m.memberNo], `search "${typed}"`);
  }
});

test('search: number, exact identity, Chinese fragments of 1, 2 and 3+ characters, former nicknames, phone, tags, blocked', async () => {
  const c = await owner();
  const wang = await create(c, { nickname: '王小明', phone: '13800001111', identities: [{ kind: 'wechat_unionid', value: 'oWx-wang-001' }] });
  const li = await create(c, { nickname: '李晓红', phone: '13900002222' });
  const zhang = await create(c, { nickname: '张三丰', identities: [{ kind: 'email', value: 'zhang@example.com' }] });
  const alice = await create(c, { nickname: 'Alice 明' });
  const group = await ok(c.post('/api/v1/tag-groups', { name: '画像' }), 201);
  const t1 = (await ok(c.post('/api/v1/tags', { groupId: group.id, name: '宝妈' }), 201)).id;
  const t2 = (await ok(c.post('/api/v1/tags', { groupId: group.id, name: '高意向' }), 201)).id;

  assert.deepEqual(await find(c, q(String(li.memberNo))), [li.memberNo], 'by member number');
  assert.deepEqual(await find(c, q('oWx-wang-001')), [wang.memberNo], 'by exact identity');
  assert.deepEqual(await find(c, q('zhang@example.com')), [zhang.memberNo], 'by exact e-mail');
  assert.deepEqual(await find(c, q('oWx-wang')), [], 'identities match exactly, not by fragment');
  assert.deepEqual(await find(c, q('明')), [wang.memberNo, alice.memberNo].sort(), '1 character');
  assert.deepEqual(await find(c, q('小明')), [wang.memberNo], '2 characters');
  assert.deepEqual(await find(c, q('明小')), [], '2 characters in the wrong order');
  assert.deepEqual(await find(c, q('王小明')), [wang.memberNo], '3 characters');
  assert.deepEqual(await find(c, q('张小明')), [], '3 characters that are not a name');
  assert.deepEqual(await find(c, q('晓')), [li.memberNo]);
  assert.deepEqual(await find(c, q('alice')), [alice.memberNo], 'Latin letters ignore case');
  assert.deepEqual(await find(c, q('0000')), [wang.memberNo, li.memberNo].sort(), 'phone fragment');
  assert.deepEqual(await find(c, q('2222')), [li.memberNo]);

  await ok(c.patch(`/api/v1/members/${zhang.memberNo}`, { nickname: '张真人' }));
  assert.deepEqual(await find(c, q('三丰')), [zhang.memberNo], 'by a former nickname');
  assert.deepEqual(await find(c, q('真人')), [zhang.memberNo], 'by the new nickname');

  for (const [no, tag] of [[wang.memberNo, t1], [li.memberNo, t1], [li.memberNo, t2], [zhang.memberNo, t2]] as const) {
    await ok(c.post(`/api/v1/members/${no}/tags`, { tagId: tag }));
  }
  assert.deepEqual(await find(c, `tags=${t1}`), [wang.memberNo, li.memberNo].sort());
  assert.deepEqual(await find(c, `tags=${t1},${t2}`), [li.memberNo], 'tags: all of them');
  assert.deepEqual(await find(c, `tags=${t2}&${q('张')}`), [zhang.memberNo], 'tags and text together');

  await ok(c.post(`/api/v1/members/${li.memberNo}/block`, { reason: '广告' }));
  assert.deepEqual(await find(c, 'blocked=true'), [li.memberNo]);
  assert.deepEqual(await find(c, 'blocked=false'), [wang.memberNo, zhang.memberNo, alice.memberNo].sort());
  assert.deepEqual(await find(c, `blocked=false&tags=${t1}`), [wang.memberNo]);
  const summary = (await ok(c.get(`/api/v1/members?${q(String(li.memberNo))}`))).items[0];
  assert.equal(summary.blocked, true);
  assert.deepEqual(summary.tags.map((t: { id: number }) => t.id), [t1, t2]);
});

test('cursor pagination: every member once, newest first, with and without a query', async () => {
  const c = await owner();
  const created = [];
  for (let i = 0; i < 23; i++) created.push(await create(c, { nickname: i % 2 ? `翻页${i}` : `其他${i}` }));
  for (const limit of [1, 5, 7, 23, 50]) {
    const seen = await allPages<{ id: number; memberNo: number }>(c, '/api/v1/members', limit);
    assert.deepEqual(seen.map((m) => m.memberNo), created.map((m) => m.memberNo).reverse(), `limit ${limit}`);
    const matching = await allPages<{ id: number; memberNo: number }>(c, `/api/v1/members?${q('翻页')}`, limit);
    assert.deepEqual(matching.map((m) => m.memberNo), created.filter((_, i) => i % 2).map((m) => m.memberNo).reverse(), `query, limit ${limit}`);
  }
  const first = await ok(c.get('/api/v1/members?limit=23'));
  assert.equal(first.items.length, 23);
  assert.equal(first.nextCursor, null, 'no next page when the page holds the rest');
});

test('a nickname change appears in the history and in search', async () => {
  const c = await owner();
  const m = await create(c, { nickname: '旧名字' });
  const changed = await ok(c.patch(`/api/v1/members/${m.memberNo}`, { nickname: '新名字', attributes: { city: '成都' } }));
  assert.equal(changed.nickname, '新名字');
  assert.deepEqual(changed.attributes, { city: '成都' });
  await ok(c.patch(`/api/v1/members/${m.memberNo}`, { attributes: { city: '重庆' } }));
  const history = (await ok(c.get(`/api/v1/members/${m.memberNo}/nicknames`))).items;
  assert.deepEqual(history.map((h: { nickname: string }) => h.nickname), ['新名字', '旧名字'], 'newest first; unchanged nickname adds nothing');
  assert.equal(history[0].context, 'console');
  assert.deepEqual(await find(c, q('新名')), [m.memberNo]);
  assert.deepEqual(await find(c, q('旧名')), [m.memberNo]);
  assert.equal((await ok(c.get(`/api/v1/members/${m.memberNo}`))).nickname, '新名字');
});

test('adding and removing a tag is idempotent', async () => {
  const c = await owner();
  const m = await create(c, { nickname: '标签' });
  const group = await ok(c.post('/api/v1/tag-groups', { name: '组' }), 201);
  const tag = await ok(c.post('/api/v1/tags', { groupId: group.id, name: '活跃', color: '#ff0000' }), 201);
  for (let i = 0; i < 2; i++) {
    const after = await ok(c.post(`/api/v1/members/${m.memberNo}/tags`, { tagId: tag.id }));
    assert.deepEqual(after.tags, [{ id: tag.id, groupId: group.id, name: '活跃', color: '#ff0000' }]);
  }
  const groups = (await ok(c.get('/api/v1/tag-groups'))).items;
  assert.equal(groups[0].tags[0].memberCount, 1);
  for (let i = 0; i < 2; i++) assert.deepEqual((await ok(c.delete(`/api/v1/members/${m.memberNo}/tags/${tag.id}`))).tags, []);
  assert.equal((await ok(c.get('/api/v1/tag-groups'))).items[0].tags[0].memberCount, 0);
});

test('service records are listed by occurredAt, newest first, through the cursor', async () => {
  const c = await owner();
  const m = await create(c, { nickname: '记录' });
  const at = ['2020-03-02T10:00:00.000Z', '2020-01-15T08:30:00.000Z', '2020-03-02T10:00:00.000Z', '2020-02-01T00:00:00.000Z', '2019-12-31T23:59:59.000Z'];
  const records = [];
  for (const [i, occurredAt] of at.entries()) {
    records.push(await ok(c.post(`/api/v1/members/${m.memberNo}/records`, { kind: i % 2 ? 'call' : 'note', content: `记录${i}`, occurredAt }), 201));
  }
  const offset = await ok(c.post(`/api/v1/members/${m.memberNo}/records`, { kind: 'chat_summary', content: '东八区', occurredAt: '2020-02-10T08:00:00+08:00' }), 201);
  assert.equal(offset.occurredAt, '2020-02-10T00:00:00.000Z', 'stored in UTC');
  const now = await ok(c.post(`/api/v1/members/${m.memberNo}/records`, { kind: 'note', content: '现在' }), 201);
  assert.ok(Math.abs(Date.parse(now.occurredAt) - Date.now()) < 60_000, 'occurredAt defaults to now');
  const me = (await ok(c.get('/api/v1/auth/me'))).staff;
  assert.deepEqual(now.staff, { id: me.id, displayName: me.displayName });

  const expected = [...records, offset, now]
    .sort((x, y) => y.occurredAt.localeCompare(x.occurredAt) || y.id - x.id)
    .map((r) => r.content);
  for (const limit of [1, 2, 3, 50]) {
    const listed = await allPages<{ id: number; content: string }>(c, `/api/v1/members/${m.memberNo}/records`, limit);
    assert.deepEqual(listed.map((r) => r.content), expected, `limit ${limit}`);
  }
  assert.deepEqual(expected.slice(0, 3), ['现在', '记录2', '记录0'], 'equal times: the later record first');
});

test('block and unblock, refusing a second block or an unblock of someone not blocked', async () => {
  const c = await owner();
  const m = await create(c, { nickname: '拉黑' });
  const me = (await ok(c.get('/api/v1/auth/me'))).staff;
  const blocked = await ok(c.post(`/api/v1/members/${m.memberNo}/block`, { reason: '发广告' }));
  assert.equal(blocked.blocked.reason, '发广告');
  assert.deepEqual(blocked.blocked.by, { id: me.id, displayName: me.displayName });
  assertError(await c.post(`/api/v1/members/${m.memberNo}/block`, { reason: '又一次' }), 409, 'member.already_blocked');
  const unblocked = await ok(c.post(`/api/v1/members/${m.memberNo}/unblock`, { reason: '误判' }));
  assert.equal(unblocked.blocked, null);
  assertError(await c.post(`/api/v1/members/${m.memberNo}/unblock`, {}), 409, 'member.not_blocked');
  assert.equal((await ok(c.post(`/api/v1/members/${m.memberNo}/block`, { reason: '再次' }))).blocked.reason, '再次');
});

test('merging two blocked members leaves one block that one unblock lifts', async () => {
  const c = await owner();
  const s = await create(c, { nickname: '黑一' });
  const d = await create(c, { nickname: '黑二' });
  await ok(c.post(`/api/v1/members/${s.memberNo}/block`, { reason: '一' }));
  await ok(c.post(`/api/v1/members/${d.memberNo}/block`, { reason: '二' }));
  await ok(c.post(`/api/v1/members/${s.memberNo}/merge`, { fromMemberNo: d.memberNo }));
  const unblocked = await ok(c.post(`/api/v1/members/${s.memberNo}/unblock`, {}));
  assert.equal(unblocked.blocked, null, 'after an unblock the member is not on the blocklist');
  assert.deepEqual(await find(c, 'blocked=true'), []);
});

test('merge moves everything to the survivor; undo restores both members exactly', async () => {
  const c = await owner();
  const group = await ok(c.post('/api/v1/tag-groups', { name: '组' }), 201);
  const shared = (await ok(c.post('/api/v1/tags', { groupId: group.id, name: '共有' }), 201)).id;
  const onlyMerged = (await ok(c.post('/api/v1/tags', { groupId: group.id, name: '独有' }), 201)).id;
  const s = await create(c, { nickname: '留存者', identities: [{ kind: 'wechat_unionid', value: 'u-survivor' }], attributes: { city: '北京', level: 1 } });
  const d = await create(c, { nickname: '重复号', phone: '13711112222', identities: [{ kind: 'wechat_unionid', value: 'u-duplicate' }], attributes: { city: '上海', source: '活动' } });
  await ok(c.patch(`/api/v1/members/${d.memberNo}`, { nickname: '重复号改名' }));
  await ok(c.post(`/api/v1/members/${s.memberNo}/tags`, { tagId: shared }));
  await ok(c.post(`/api/v1/members/${d.memberNo}/tags`, { tagId: shared }));
  await ok(c.post(`/api/v1/members/${d.memberNo}/tags`, { tagId: onlyMerged }));
  await ok(c.post(`/api/v1/members/${s.memberNo}/records`, { kind: 'note', content: '留存者的记录', occurredAt: '2026-01-01T00:00:00Z' }), 201);
  await ok(c.post(`/api/v1/members/${d.memberNo}/records`, { kind: 'call', content: '重复号的记录', occurredAt: '2026-01-02T00:00:00Z' }), 201);

  const state = async (no: number) => ({
    profile: stable(await ok(c.get(`/api/v1/members/${no}`))),
    records: await allPages(c, `/api/v1/members/${no}/records`),
    nicknames: (await ok(c.get(`/api/v1/members/${no}/nicknames`))).items,
  });
  const beforeS = await state(s.memberNo);
  const beforeD = await state(d.memberNo);

  const merged = await ok(c.post(`/api/v1/members/${s.memberNo}/merge`, { fromMemberNo: d.memberNo }));
  assert.equal(merged.merge.survivorNo, s.memberNo);
  assert.equal(merged.merge.mergedNo, d.memberNo);
  assert.equal(merged.merge.undoneAt, null);
  const survivor = await ok(c.get(`/api/v1/members/${s.memberNo}`));
  assert.deepEqual(survivor, merged.member);
  assert.deepEqual(survivor.identities.map((i: { value: string }) => i.value).sort(), ['13711112222', 'u-duplicate', 'u-survivor']);
  assert.equal(survivor.phone, '13711112222');
  assert.deepEqual(survivor.tags.map((t: { id: number }) => t.id), [shared, onlyMerged]);
  assert.deepEqual(survivor.attributes, { city: '北京', level: 1, source: '活动' }, "the survivor's values win; new keys move");
  assert.deepEqual(survivor.mergedNumbers, [d.memberNo]);
  assert.equal(survivor.nickname, '留存者');
  const records = await allPages<{ id: number; content: string }>(c, `/api/v1/members/${s.memberNo}/records`);
  assert.deepEqual(records.map((r) => r.content), ['重复号的记录', '留存者的记录']);
  const nicknames = (await ok(c.get(`/api/v1/members/${s.memberNo}/nicknames`))).items.map((n: { nickname: string }) => n.nickname).sort();
  assert.deepEqual(nicknames, ['留存者', '重复号', '重复号改名'].sort());

  const resolved = await ok(c.get(`/api/v1/members/${d.memberNo}`));
  assert.equal(resolved.memberNo, s.memberNo, 'the merged number resolves to the survivor');
  assert.equal(resolved.resolvedFrom, d.memberNo);
  assert.deepEqual(await find(c, ''), [s.memberNo], 'the merged member is gone from the list');
  assert.deepEqual(await find(c, q('u-duplicate')), [s.memberNo], "the merged member's identity finds the survivor");
  assert.deepEqual(await find(c, q('重复号')), [s.memberNo], "and so does the merged member's name");
  const tagCounts = (await ok(c.get('/api/v1/tag-groups'))).items[0].tags.map((t: { memberCount: number }) => t.memberCount);
  assert.deepEqual(tagCounts, [1, 1]);
  assertError(await c.post(`/api/v1/members/${s.memberNo}/merge`, { fromMemberNo: d.memberNo }), 409, 'member.already_merged');
  assertError(await c.post(`/api/v1/members/${d.memberNo}/merge`, { fromMemberNo: s.memberNo }), 400, 'member.merge_self');
  assert.deepEqual((await ok(c.get(`/api/v1/members/${d.memberNo}/merges`))).items.map((x: { id: number }) => x.id), [merged.merge.id]);

  const auditS = (await ok(c.get(`/api/v1/members/${s.memberNo}/audit`))).items.map((e: { action: string }) => e.action);
  assert.ok(auditS.includes('member.merge'), `survivor audit: ${auditS}`);
  const auditD = (await ok(c.get(`/api/v1/audit?entity=member&entityId=${d.memberNo}`))).items.map((e: { action: string }) => e.action);
  assert.ok(auditD.includes('member.merge'), `merged member's audit: ${auditD}`);

  const undone = await ok(c.post(`/api/v1/merges/${merged.merge.id}/undo`));
  assert.deepEqual(stable(undone.member), beforeS.profile);
  assert.deepEqual(await state(s.memberNo), beforeS, 'the survivor is exactly as before');
  assert.deepEqual(await state(d.memberNo), beforeD, 'the merged member is exactly as before');
  assert.deepEqual(await find(c, q('u-duplicate')), [d.memberNo]);
  assert.deepEqual(await find(c, q('重复号')), [d.memberNo]);
  assert.deepEqual(await find(c, ''), [s.memberNo, d.memberNo].sort());
  assertError(await c.post(`/api/v1/merges/${merged.merge.id}/undo`), 409, 'merge.already_undone');
  const merges = (await ok(c.get(`/api/v1/members/${s.memberNo}/merges`))).items;
  assert.ok(merges[0].undoneAt, 'the merge is listed as undone');
  for (const no of [s.memberNo, d.memberNo]) {
    const actions = (await ok(c.get(`/api/v1/audit?entity=member&entityId=${no}`))).items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('member.merge_undo'), `audit of ${no}: ${actions}`);
  }
});

test('erase removes personal data, redacts the audit trail, never reuses the number and freezes the member', async () => {
  const c = await owner();
  const group = await ok(c.post('/api/v1/tag-groups', { name: '组' }), 201);
  const tag = (await ok(c.post('/api/v1/tags', { groupId: group.id, name: '标' }), 201)).id;
  const e = await create(c, { nickname: '待删除的人', phone: '13655556666', identities: [{ kind: 'wechat_unionid', value: 'u-erase-me' }], attributes: { 住址: '某某路1号' } });
  await ok(c.patch(`/api/v1/members/${e.memberNo}`, { nickname: '待删除改名' }));
  await ok(c.post(`/api/v1/members/${e.memberNo}/tags`, { tagId: tag }));
  await ok(c.post(`/api/v1/members/${e.memberNo}/records`, { kind: 'call', content: '私人通话内容' }), 201);
  await ok(c.post(`/api/v1/members/${e.memberNo}/block`, { reason: '私人原因' }));

  assertError(await c.post(`/api/v1/members/${e.memberNo}/erase`, { confirmMemberNo: e.memberNo + 1 }), 400, 'member.erase_unconfirmed', 'confirmMemberNo');
  const erased = await ok(c.post(`/api/v1/members/${e.memberNo}/erase`, { confirmMemberNo: e.memberNo }));
  assert.ok(erased.erasedAt);
  assert.equal(erased.nickname, '');
  assert.equal(erased.phone, null);
  assert.deepEqual(erased.identities, []);
  assert.deepEqual(erased.tags, []);
  assert.deepEqual(erased.attributes, {});
  assert.ok(erased.blocked === null || erased.blocked.reason === '', 'no block reason remains');
  assert.deepEqual((await ok(c.get(`/api/v1/members/${e.memberNo}/nicknames`))).items, []);
  assert.deepEqual((await ok(c.get(`/api/v1/members/${e.memberNo}/records`))).items, []);

  const everything = JSON.stringify(await allPages(c, '/api/v1/audit'));
  for (const secret of ['待删除', '13655556666', 'u-erase-me', '某某路', '私人通话', '私人原因']) {
    assert.ok(!everything.includes(secret), `"${secret}" is still in the audit log`);
  }
  const trail = await allPages<{ id: number; action: string; before: unknown; after: unknown }>(c, `/api/v1/members/${e.memberNo}/audit`);
  assert.ok(trail.length >= 5);
  for (const entry of trail) {
    if (entry.action === 'member.erase') continue;
    for (const side of [entry.before, entry.after]) assert.ok(side === null || JSON.stringify(side) === '{"erased":true}', `${entry.action}: ${JSON.stringify(side)}`);
  }
  assert.ok(trail.some((x) => x.action === 'member.erase'), 'the erase itself is recorded');

  for (const text of ['待删除', 'u-erase-me', '13655556666', '5556']) assert.deepEqual(await find(c, q(text)), [], `search "${text}"`);
  const next = await create(c, { nickname: '下一位', phone: '13655556666', identities: [{ kind: 'wechat_unionid', value: 'u-erase-me' }] });
  assert.equal(next.memberNo, e.memberNo + 1, 'the number is not reused; the freed identities are');

  const no = e.memberNo;
  assertError(await c.patch(`/api/v1/members/${no}`, { nickname: '复活' }), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${no}/records`, { kind: 'note', content: 'x' }), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${no}/identities`, { kind: 'custom', value: 'x' }), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${no}/tags`, { tagId: tag }), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${no}/unblock`, {}), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${no}/erase`, { confirmMemberNo: no }), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${next.memberNo}/merge`, { fromMemberNo: no }), 409, 'member.erased');
  assertError(await c.post(`/api/v1/members/${no}/merge`, { fromMemberNo: next.memberNo }), 409, 'member.erased');
});

test("erasing a member whose merge was undone leaves none of the person's data in the audit log", async () => {
  const c = await owner();
  const s = await create(c, { nickname: '留下的人' });
  const d = await create(c, { nickname: '要求删除者', identities: [{ kind: 'wechat_unionid', value: 'u-forget-me' }] });
  const merged = await ok(c.post(`/api/v1/members/${s.memberNo}/merge`, { fromMemberNo: d.memberNo }));
  await ok(c.post(`/api/v1/merges/${merged.merge.id}/undo`));
  await ok(c.post(`/api/v1/members/${d.memberNo}/erase`, { confirmMemberNo: d.memberNo }));
  const entries = await allPages<{ id: number; action: string; entityId: string }>(c, '/api/v1/audit');
  const leaking = entries.filter((e) => JSON.stringify(e).includes('要求删除者') || JSON.stringify(e).includes('u-forget-me'))
    .map((e) => `${e.action} on member ${e.entityId}`);
  assert.deepEqual(leaking, [], 'audit entries still holding the erased person\'s nickname or identity');
});

test('erasing a survivor erases the members merged into it', async () => {
  const c = await owner();
  const s = await create(c, { nickname: '主号' });
  const d = await create(c, { nickname: '小号', identities: [{ kind: 'custom', value: 'alt-account' }] });
  await ok(c.post(`/api/v1/members/${s.memberNo}/merge`, { fromMemberNo: d.memberNo }));
  assertError(await c.post(`/api/v1/members/${d.memberNo}/erase`, { confirmMemberNo: d.memberNo }), 409, 'member.already_merged');
  await ok(c.post(`/api/v1/members/${s.memberNo}/erase`, { confirmMemberNo: s.memberNo }));
  assert.deepEqual(await find(c, q('小号')), []);
  assert.deepEqual(await find(c, q('alt-account')), []);
  const everything = JSON.stringify(await allPages(c, '/api/v1/audit'));
  assert.ok(!everything.includes('小号') && !everything.includes('alt-account'));
});
