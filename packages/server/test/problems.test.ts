// The problem bank over HTTP on a real database: the category tree (move, reorder, delete moving its contents up),
// Chinese substring search with % and _ taken literally, filters (a category with everything below it, tag,
// status, campaign, group), both sort orders through the cursor, status transitions, unknown variables refused, and
// references to another workspace's rows refused with a 404 naming the field. Each test has a workspace of its own.
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

async function workspace() {
  const w = await createWorkspace(server);
  return { w, owner: await w.as('owner') };
}

const P = '/api/v1/problems';
type Summary = { id: number; title: string; status: string; useCount: number; tags: string[]; category: { id: number } | null };

async function create(owner: Client, body: Record<string, unknown>) {
  return ok(owner.post(P, body), 201);
}

async function titles(owner: Client, query: string): Promise<string[]> {
  const items = await allPages<Summary>(owner, query ? `${P}?${query}` : P);
  return items.map((p) => p.title).sort();
}

test('the category tree: depth-first order, reorder, move, cycles and depth refused, names unique per level', async () => {
  const { owner } = await workspace();
  const cat = async (name: string, parentId?: number, position?: number) =>
    (await ok(owner.post('/api/v1/problem-categories', { name, ...(parentId ? { parentId } : {}), ...(position !== undefined ? { position } : {}) }), 201)).id as number;
  const signup = await cat('报名/支付');
  const join = await cat('入群/进不了群');
  const refund = await cat('押金退款');
  const qr = await cat('二维码过期', join);
  const full = await cat('群满了', join, 0);
  const first = await cat('最前面', undefined, 0);
  const tree = async () => (await ok(owner.get('/api/v1/problem-categories'))).items.map((c: { name: string; parentId: number | null; position: number }) => `${c.parentId === null ? '' : '  '}${c.name}@${c.position}`);
  assert.deepEqual(await tree(), ['最前面@0', '报名/支付@1', '入群/进不了群@2', '  群满了@0', '  二维码过期@1', '押金退款@3']);

  // Reorder among siblings, then move 押金退款 under 报名/支付 and back to the top at position 0.
  await ok(owner.patch(`/api/v1/problem-categories/${refund}`, { position: 1 }));
  assert.deepEqual(await tree(), ['最前面@0', '押金退款@1', '报名/支付@2', '入群/进不了群@3', '  群满了@0', '  二维码过期@1']);
  await ok(owner.patch(`/api/v1/problem-categories/${refund}`, { parentId: signup }));
  assert.deepEqual(await tree(), ['最前面@0', '报名/支付@1', '  押金退款@0', '入群/进不了群@2', '  群满了@0', '  二维码过期@1']);
  await ok(owner.patch(`/api/v1/problem-categories/${refund}`, { parentId: null, position: 0 }));
  assert.equal((await tree())[0], '押金退款@0');

  assertError(await owner.patch(`/api/v1/problem-categories/${join}`, { parentId: qr }), 400, 'problem_category.cycle', 'parentId');
  assertError(await owner.patch(`/api/v1/problem-categories/${join}`, { parentId: join }), 400, 'problem_category.cycle', 'parentId');
  assertError(await owner.post('/api/v1/problem-categories', { name: '群满了', parentId: join }), 409, 'problem_category.name_taken', 'name');
  assertError(await owner.post('/api/v1/problem-categories', { name: ' 押金退款 ' }), 409, 'problem_category.name_taken', 'name');
  assertError(await owner.patch(`/api/v1/problem-categories/${first}`, { name: '报名/支付' }), 409, 'problem_category.name_taken', 'name');
  assert.equal((await ok(owner.post('/api/v1/problem-categories', { name: '群满了' }), 201)).parentId, null, 'the same name at another level is fine');

  // Five levels at most: 入群 > 群满了 > a > b > c is five; one more is refused, and so is moving 入群 under a leaf.
  const a = await cat('a', full);
  const b = await cat('b', a);
  const c = await cat('c', b);
  assertError(await owner.post('/api/v1/problem-categories', { name: 'd', parentId: c }), 400, 'problem_category.too_deep', 'parentId');
  assertError(await owner.patch(`/api/v1/problem-categories/${join}`, { parentId: first }), 400, 'problem_category.too_deep', 'parentId');
  await ok(owner.patch(`/api/v1/problem-categories/${b}`, { parentId: first }), 200);
});

test('deleting a category moves its sub-categories into its place and its problems to its parent', async () => {
  const { owner } = await workspace();
  const top = (await ok(owner.post('/api/v1/problem-categories', { name: '打卡' }), 201)).id;
  const before = (await ok(owner.post('/api/v1/problem-categories', { name: '之前', parentId: top }), 201)).id;
  const mid = (await ok(owner.post('/api/v1/problem-categories', { name: '补卡/请假', parentId: top }), 201)).id;
  const child1 = (await ok(owner.post('/api/v1/problem-categories', { name: '补卡次数', parentId: mid }), 201)).id;
  const child2 = (await ok(owner.post('/api/v1/problem-categories', { name: '请假手续', parentId: mid }), 201)).id;
  await ok(owner.post('/api/v1/problem-categories', { name: '之后', parentId: top }), 201);
  const p = await create(owner, { title: '补卡怎么操作', categoryId: mid });
  assert.equal((await ok(owner.get('/api/v1/problem-categories'))).items.find((c: { id: number }) => c.id === mid).problemCount, 1);

  assert.equal((await owner.delete(`/api/v1/problem-categories/${mid}`)).status, 204);
  const items = (await ok(owner.get('/api/v1/problem-categories'))).items as Array<{ id: number; parentId: number | null; name: string; position: number; problemCount: number }>;
  assert.deepEqual(items.filter((c) => c.parentId === top).map((c) => [c.name, c.position]), [['之前', 0], ['补卡次数', 1], ['请假手续', 2], ['之后', 3]]);
  assert.ok([before, child1, child2].every((id) => items.some((c) => c.id === id)));
  assert.equal((await ok(owner.get(`${P}/${p.id}`))).category.id, top, 'the problem moved up to the parent');
  assert.equal(items.find((c) => c.id === top)!.problemCount, 1);
  assertError(await owner.delete(`/api/v1/problem-categories/${mid}`), 404, 'problem_category.not_found');

  // A top-level category's problems end up in no category; a child whose name is taken at the parent's level is refused.
  const lone = (await ok(owner.post('/api/v1/problem-categories', { name: '独立' }), 201)).id;
  const q2 = await create(owner, { title: '独立的问题', categoryId: lone });
  await ok(owner.delete(`/api/v1/problem-categories/${lone}`), 204);
  assert.equal((await ok(owner.get(`${P}/${q2.id}`))).category, null);
  assert.equal((await ok(owner.get('/api/v1/problem-categories'))).uncategorizedCount, 1);
  const clash = (await ok(owner.post('/api/v1/problem-categories', { name: '冲突' }), 201)).id;
  await ok(owner.post('/api/v1/problem-categories', { name: '打卡', parentId: clash }), 201);
  assertError(await owner.delete(`/api/v1/problem-categories/${clash}`), 409, 'problem_category.name_taken');
  assert.ok((await ok(owner.get('/api/v1/problem-categories'))).items.some((c: { id: number }) => c.id === clash), 'nothing changed');
});

test('Chinese substring search over title, description, tags and answers; % and _ are literal; words all must occur', async () => {
  const { owner } = await workspace();
  await create(owner, { title: '押金什么时候退款？', answers: ['营期结束后 7 个工作日内原路退回。'] });
  await create(owner, { title: '扫码进不了群怎么办', description: '二维码显示已过期' });
  await create(owner, { title: '结营证书在哪里领', tags: ['退款', '证书'] });
  await create(owner, { title: '课程回放', answers: ['回放保留到营期结束后一个月，押金退款不受影响'] });
  await create(owner, { title: '打卡率100%怎么算' });
  await create(owner, { title: '打卡率1000怎么算' });
  await create(owner, { title: '学号_填写错误' });
  await create(owner, { title: '学号A填写错误' });
  await create(owner, { title: 'App 闪退 ABC' });
  await create(owner, { title: 'ＶＩＰ 全角标题' });

  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('退款')}`), ['押金什么时候退款？', '结营证书在哪里领', '课程回放'].sort());
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('进不了')}`), ['扫码进不了群怎么办']);
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('已过期')}`), ['扫码进不了群怎么办'], 'the description is searched');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('原路退回')}`), ['押金什么时候退款？'], 'answers are searched');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('100%')}`), ['打卡率100%怎么算'], '% is a character, not a wildcard');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('%')}`), ['打卡率100%怎么算']);
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('号_填')}`), ['学号_填写错误'], '_ is a character, not a wildcard');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('\\')}`), [], 'the escape character itself is literal');
  assert.deepEqual(await titles(owner, 'q=abc'), ['App 闪退 ABC'], 'case does not matter');
  assert.deepEqual(await titles(owner, 'q=vip'), ['ＶＩＰ 全角标题'], 'full-width letters match half-width ones');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('押金 退款')}`), ['押金什么时候退款？', '课程回放'].sort(), 'every word must occur');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('退款 证书')}`), ['结营证书在哪里领']);
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('退款？营期')}`), [], 'no match across the end of one part and the start of the next');
  assert.deepEqual(await titles(owner, `q=${encodeURIComponent('   ')}`), (await titles(owner, '')), 'a blank query lists everything');
});

test('the search text follows every write: edits, new and changed answers, deletions', async () => {
  const { owner } = await workspace();
  const p = await create(owner, { title: '请假怎么申请', tags: ['请假'] });
  const search = async (q: string) => (await ok(owner.get(`${P}?q=${encodeURIComponent(q)}`))).items.map((x: { id: number }) => x.id);
  assert.deepEqual(await search('请假'), [p.id]);
  await ok(owner.patch(`${P}/${p.id}`, { title: '补卡怎么申请', tags: ['补卡'] }));
  assert.deepEqual(await search('请假'), []);
  assert.deepEqual(await search('补卡'), [p.id]);
  const answer = await ok(owner.post(`${P}/${p.id}/answers`, { content: '在小程序里点「补卡」，每期最多两次' }), 201);
  assert.deepEqual(await search('小程序'), [p.id]);
  await ok(owner.patch(`/api/v1/problem-answers/${answer.id}`, { content: '请私信班主任，{昵称}' }));
  assert.deepEqual(await search('小程序'), []);
  assert.deepEqual(await search('私信班主任'), [p.id]);
  await ok(owner.delete(`/api/v1/problem-answers/${answer.id}`), 204);
  assert.deepEqual(await search('私信班主任'), []);
  await ok(owner.patch(`${P}/${p.id}`, { description: '家长反馈孩子生病' }));
  assert.deepEqual(await search('生病'), [p.id]);
});

test('filters: a category with everything below it, no category, tag, status, campaign, group', async () => {
  const { owner } = await workspace();
  const series = await ok(owner.post('/api/v1/series', { key: 'X', name: '单词打卡' }), 201);
  const x1 = (await ok(owner.post('/api/v1/campaigns', { seriesId: series.id, name: '第1期', startsOn: '2030-03-01', endsOn: '2030-03-21' }), 201)).id;
  const x2 = (await ok(owner.post('/api/v1/campaigns', { seriesId: series.id, name: '第2期', startsOn: '2030-04-01', endsOn: '2030-04-21' }), 201)).id;
  const g1 = (await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: 'X1 一群', campaignId: x1 }), 201)).id;
  const join = (await ok(owner.post('/api/v1/problem-categories', { name: '入群' }), 201)).id;
  const qr = (await ok(owner.post('/api/v1/problem-categories', { name: '二维码', parentId: join }), 201)).id;
  const expired = (await ok(owner.post('/api/v1/problem-categories', { name: '过期', parentId: qr }), 201)).id;
  const other = (await ok(owner.post('/api/v1/problem-categories', { name: '其他' }), 201)).id;
  await create(owner, { title: 'A 入群', categoryId: join, tags: ['入群', '高频'], campaignId: x1, groupId: g1 });
  await create(owner, { title: 'B 二维码', categoryId: qr, tags: ['高频'], campaignId: x1 });
  await create(owner, { title: 'C 过期', categoryId: expired, tags: ['高频长'], campaignId: x2, answers: ['重新发码'] });
  await create(owner, { title: 'D 其他', categoryId: other, groupId: g1 });
  const e = await create(owner, { title: 'E 无分类', tags: ['高"频'] });
  const archived = await create(owner, { title: 'F 已归档', categoryId: join, tags: ['高频'] });
  await ok(owner.patch(`${P}/${archived.id}`, { archived: true }));

  assert.deepEqual(await titles(owner, `categoryId=${join}`), ['A 入群', 'B 二维码', 'C 过期']);
  assert.deepEqual(await titles(owner, `categoryId=${qr}`), ['B 二维码', 'C 过期']);
  assert.deepEqual(await titles(owner, `categoryId=${expired}`), ['C 过期']);
  assert.deepEqual(await titles(owner, 'uncategorized=true'), ['E 无分类']);
  assert.deepEqual(await titles(owner, `tag=${encodeURIComponent('高频')}`), ['A 入群', 'B 二维码'], 'a tag matches whole tags only');
  assert.deepEqual(await titles(owner, `tag=${encodeURIComponent('高"频')}`), ['E 无分类']);
  assert.deepEqual(await titles(owner, `tag=${encodeURIComponent('高频')}&status=archived`), ['F 已归档']);
  assert.deepEqual(await titles(owner, 'status=answered'), ['C 过期']);
  assert.deepEqual(await titles(owner, 'status=open'), ['A 入群', 'B 二维码', 'D 其他', 'E 无分类']);
  assert.equal((await titles(owner, 'status=all')).length, 6);
  assert.equal((await titles(owner, '')).length, 5, 'archived problems are left out by default');
  assert.deepEqual(await titles(owner, `campaignId=${x1}`), ['A 入群', 'B 二维码']);
  assert.deepEqual(await titles(owner, `groupId=${g1}`), ['A 入群', 'D 其他']);
  assert.deepEqual(await titles(owner, `categoryId=${join}&campaignId=${x1}&q=${encodeURIComponent('二维码')}`), ['B 二维码']);
  assertError(await owner.get(`${P}?categoryId=987654`), 404, 'problem_category.not_found', 'categoryId');
  assertError(await owner.get(`${P}?campaignId=987654`), 404, 'campaign.not_found', 'campaignId');
  assertError(await owner.get(`${P}?groupId=987654`), 404, 'group.not_found', 'groupId');

  const tags = (await ok(owner.get('/api/v1/problem-tags'))).items;
  assert.deepEqual(tags, [{ tag: '高频', count: 2 }, { tag: '高"频', count: 1 }, { tag: '高频长', count: 1 }, { tag: '入群', count: 1 }]
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'zh-CN')), 'archived problems do not count');
  assert.ok(e.id > 0);
});

test('sorts: newest first, or most reused first, each paged by its cursor without repeats or gaps', async () => {
  const { owner } = await workspace();
  const uses = [3, 0, 5, 3, 1, 0, 5];
  const ids: number[] = [];
  for (const [i, n] of uses.entries()) {
    const p = await create(owner, { title: `问题${i}`, answers: ['好的'] });
    ids.push(p.id);
    for (let k = 0; k < n; k++) await ok(owner.post(`/api/v1/problem-answers/${p.answers[0].id}/use`, {}));
  }
  const newest = await allPages<Summary>(owner, `${P}?sort=newest`, 2);
  assert.deepEqual(newest.map((p) => p.id), [...ids].reverse());
  const reused = await allPages<Summary>(owner, `${P}?sort=reuse`, 2);
  const expected = ids.map((id, i) => ({ id, uses: uses[i]! })).sort((a, b) => b.uses - a.uses || b.id - a.id);
  assert.deepEqual(reused.map((p) => [p.id, p.useCount]), expected.map((e) => [e.id, e.uses]));
  const firstPage = await ok(owner.get(`${P}?sort=reuse&limit=2`));
  assertError(await owner.get(`${P}?sort=newest&cursor=${firstPage.nextCursor}`), 400, 'validation.failed', 'cursor');
});

test('status: open → answered with an answer → open when the last answer goes; archived stays archived until brought back', async () => {
  const { owner } = await workspace();
  const p = await create(owner, { title: '怎么改昵称' });
  assert.equal(p.status, 'open');
  const status = async () => (await ok(owner.get(`${P}/${p.id}`))).status;
  const a1 = await ok(owner.post(`${P}/${p.id}/answers`, { content: '在群里长按自己的头像' }), 201);
  assert.equal(await status(), 'answered');
  const a2 = await ok(owner.post(`${P}/${p.id}/answers`, { content: '{昵称}，请把群昵称改成 学号-昵称' }), 201);
  assert.deepEqual(a2.variables, ['昵称']);
  await ok(owner.delete(`/api/v1/problem-answers/${a1.id}`), 204);
  assert.equal(await status(), 'answered', 'one answer left');
  await ok(owner.delete(`/api/v1/problem-answers/${a2.id}`), 204);
  assert.equal(await status(), 'open');
  assert.equal((await ok(owner.patch(`${P}/${p.id}`, { archived: true }))).status, 'archived');
  await ok(owner.post(`${P}/${p.id}/answers`, { content: '见群公告' }), 201);
  assert.equal(await status(), 'archived', 'an answer does not bring it out of the archive');
  assert.equal((await ok(owner.patch(`${P}/${p.id}`, { archived: false }))).status, 'answered');
  assert.equal((await create(owner, { title: '带答案创建', answers: ['答案一'] })).status, 'answered');
  assert.equal((await ok(owner.patch(`${P}/${p.id}`, { archived: false, title: '再改一次' }))).status, 'answered', 'not archived: unchanged');

  await ok(owner.delete(`${P}/${p.id}`), 204);
  assertError(await owner.get(`${P}/${p.id}`), 404, 'problem.not_found');
  const audit = (await ok(owner.get('/api/v1/audit?entity=problem'))).items.map((e: { action: string }) => e.action);
  assert.ok(audit.includes('problem.create') && audit.includes('problem.update') && audit.includes('problem.delete'), audit.join());
});

test('unknown variables are refused with a 400 naming the field and the variable; known ones are listed per answer', async () => {
  const { owner } = await workspace();
  const p = await create(owner, { title: '什么时候开营' });
  const res = await owner.post(`${P}/${p.id}/answers`, { content: '{昵称}你好，{开营日期}开营' });
  assertError(res, 400, 'problem_answer.unknown_variable', 'content');
  assert.match(res.body.error.fields.content, /\{开营日期\}/);
  assert.doesNotMatch(res.body.error.fields.content, /unknown variable \{昵称\}/);
  assertError(await owner.post(P, { title: 'x', answers: ['好的', '{学号} {班级}'] }), 400, 'problem_answer.unknown_variable', 'answers.1');
  const a = await ok(owner.post(`${P}/${p.id}/answers`, { content: '{昵称}你好，第{第几天}天了，还剩{剩余天数}天' }), 201);
  assert.deepEqual(a.variables, ['昵称', '第几天', '剩余天数']);
  assertError(await owner.patch(`/api/v1/problem-answers/${a.id}`, { content: '{营期名}' }), 400, 'problem_answer.unknown_variable', 'content');
  assert.equal((await ok(owner.get(`${P}/${p.id}`))).answers[0].content, a.content, 'the refused edit changed nothing');
  assert.equal((await ok(owner.get(`${P}?status=all`))).items.length, 1, 'the refused create made nothing');
});

test("where it was met: this workspace's campaign, group and member (a merged number leads to the survivor); another's → 404 naming the field", async () => {
  const { owner } = await workspace();
  const other = await workspace();
  const mine = async (o: Client) => {
    const series = await ok(o.post('/api/v1/series', { key: 'X', name: '单词打卡' }), 201);
    const campaignId = (await ok(o.post('/api/v1/campaigns', { seriesId: series.id, name: '第1期', startsOn: '2030-03-01', endsOn: '2030-03-21' }), 201)).id;
    const groupId = (await ok(o.post('/api/v1/groups', { platform: 'wechat', name: 'X1 一群' }), 201)).id;
    const categoryId = (await ok(o.post('/api/v1/problem-categories', { name: '入群' }), 201)).id;
    return { campaignId, groupId, categoryId };
  };
  const a = await mine(owner);
  const b = await mine(other.owner);
  await ok(owner.post('/api/v1/members', { nickname: '小明妈妈' }), 201);
  await ok(owner.post('/api/v1/members', { nickname: '小明妈妈（重复）' }), 201);
  await ok(owner.post('/api/v1/members/10001/merge', { fromMemberNo: 10002 }));
  const p = await create(owner, { title: '群满了', ...a, memberNo: 10002 });
  assert.deepEqual([p.campaign.id, p.campaign.key, p.group.id, p.group.name, p.member, p.category.id],
    [a.campaignId, 'X1', a.groupId, 'X1 一群', { memberNo: 10001, nickname: '小明妈妈' }, a.categoryId]);

  for (const [field, body, code] of [
    ['campaignId', { campaignId: b.campaignId }, 'campaign.not_found'],
    ['groupId', { groupId: b.groupId }, 'group.not_found'],
    ['memberNo', { memberNo: 10003 }, 'member.not_found'],
    ['categoryId', { categoryId: b.categoryId }, 'problem_category.not_found'],
  ] as const) {
    assertError(await owner.post(P, { title: '别人的', ...body }), 404, code, field);
    assertError(await owner.patch(`${P}/${p.id}`, body), 404, code, field);
  }
  assertError(await owner.post('/api/v1/problem-categories', { name: '子', parentId: b.categoryId }), 404, 'problem_category.not_found', 'parentId');
  assertError(await owner.patch(`/api/v1/problem-categories/${a.categoryId}`, { parentId: b.categoryId }), 404, 'problem_category.not_found', 'parentId');
  const after = await ok(owner.get(`${P}/${p.id}`));
  assert.deepEqual([after.campaign.id, after.group.id, after.member.memberNo, after.category.id], [a.campaignId, a.groupId, 10001, a.categoryId], 'nothing changed');
  const cleared = await ok(owner.patch(`${P}/${p.id}`, { campaignId: null, groupId: null, memberNo: null, categoryId: null }));
  assert.deepEqual([cleared.campaign, cleared.group, cleared.member, cleared.category], [null, null, null, null]);
});
