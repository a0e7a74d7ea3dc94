// Route cases of the problem bank (see types.ts): B cannot read, change or reference A's categories, problems and
// answers, nor fill an answer with A's member or campaign; every route refuses bad input naming the field.
import assert from 'node:assert/strict';
import { assertError, ok } from '../api-checks.js';
import type { Client, Response } from '../harness.js';
import type { BadInputEnv, BadInputModule, IsolationEnv, IsolationModule, Spec } from './types.js';

const long = (n: number, ch = 'x') => ch.repeat(n);

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  const a = { category: 0, child: 0, problem: 0, answer: 0, tag: '', stats: '' };
  const b = { category: 0, problem: 0, answer: 0, usedAt: '' };
  const notFound = async (res: Promise<Response>, code: string, field?: string) => assertError(await res, 404, code, field);
  const readers = (): Client[] => [env.b, env.bt];

  return {
    async setup(e) {
      env = e;
      const f = env.fragment;
      a.tag = `${f}标签`;
      a.category = (await ok(env.a.post('/api/v1/problem-categories', { name: `${f}分类` }), 201)).id;
      a.child = (await ok(env.a.post('/api/v1/problem-categories', { name: `${f}子分类`, parentId: a.category }), 201)).id;
      const problem = await ok(env.a.post('/api/v1/problems', {
        title: `${f}问题：押金什么时候退？`, description: `${f}描述`, categoryId: a.child, tags: [a.tag], campaignId: env.aCampaign, groupId: env.aGroup,
        memberNo: env.aMemberNos[0], answers: [`${f}答案：{昵称}你好，结营后退回`],
      }), 201);
      a.problem = problem.id;
      a.answer = problem.answers[0].id;
      const used = await ok(env.a.post(`/api/v1/problem-answers/${a.answer}/use`, { memberNo: env.aMemberNos[0] }));
      assert.equal(used.useCount, 1);
      // The period around the use, whatever the clock said then: other modules may move it.
      const usedAt = (await ok(env.a.get(`/api/v1/problems/${a.problem}`))).answers[0].lastUsedAt as string;
      const day = (offset: number) => new Date(Date.parse(usedAt) + offset * 86_400_000).toISOString().slice(0, 10);
      a.stats = `/api/v1/problem-stats?from=${day(-1)}&to=${day(1)}`;
      b.category = (await ok(env.b.post('/api/v1/problem-categories', { name: 'B 的分类' }), 201)).id;
      const own = await ok(env.b.post('/api/v1/problems', { title: 'B 的问题：押金什么时候退？', categoryId: b.category, tags: ['B标签'], answers: ['B 的答案 {昵称}'] }), 201);
      b.problem = own.id;
      b.answer = own.answers[0].id;
      await ok(env.b.post(`/api/v1/problem-answers/${b.answer}/use`, {}));
      b.usedAt = (await ok(env.b.get(`/api/v1/problems/${b.problem}`))).answers[0].lastUsedAt;
    },
    cases: {
      'GET /api/v1/problem-categories': async () => {
        assert.ok((await ok(env.a.get('/api/v1/problem-categories'))).items.some((c: { id: number }) => c.id === a.child), 'control: A sees its categories');
        for (const client of readers()) {
          const ids = (await ok(client.get('/api/v1/problem-categories'))).items.map((c: { id: number }) => c.id);
          assert.ok(!ids.includes(a.category) && !ids.includes(a.child), "B sees none of A's categories");
        }
        assert.ok((await ok(env.b.get('/api/v1/problem-categories'))).items.some((c: { id: number }) => c.id === b.category), 'B sees its own');
      },
      'POST /api/v1/problem-categories': async () => {
        await notFound(env.b.post('/api/v1/problem-categories', { name: 'B 子分类', parentId: a.category }), 'problem_category.not_found', 'parentId');
      },
      'PATCH /api/v1/problem-categories/{id}': async () => {
        await notFound(env.b.patch(`/api/v1/problem-categories/${a.category}`, { name: 'B 改名' }), 'problem_category.not_found');
        await notFound(env.b.patch(`/api/v1/problem-categories/${b.category}`, { parentId: a.child }), 'problem_category.not_found', 'parentId');
      },
      'DELETE /api/v1/problem-categories/{id}': async () => {
        await notFound(env.b.delete(`/api/v1/problem-categories/${a.child}`), 'problem_category.not_found');
      },
      'GET /api/v1/problems': async () => {
        const q = encodeURIComponent('押金');
        assert.ok((await ok(env.a.get(`/api/v1/problems?q=${q}`))).items.some((p: { id: number }) => p.id === a.problem), 'control: A finds its problem');
        for (const client of readers()) {
          const found = (await ok(client.get(`/api/v1/problems?q=${q}&status=all`))).items.map((p: { id: number }) => p.id);
          assert.deepEqual(found, [b.problem], "B finds only its own problem with the same words");
          assert.deepEqual((await ok(client.get(`/api/v1/problems?tag=${encodeURIComponent(a.tag)}`))).items, []);
          await notFound(client.get(`/api/v1/problems?categoryId=${a.category}`), 'problem_category.not_found', 'categoryId');
          await notFound(client.get(`/api/v1/problems?campaignId=${env.aCampaign}`), 'campaign.not_found', 'campaignId');
          await notFound(client.get(`/api/v1/problems?groupId=${env.aGroup}`), 'group.not_found', 'groupId');
        }
      },
      'POST /api/v1/problems': async () => {
        await notFound(env.b.post('/api/v1/problems', { title: 'B 新问题', categoryId: a.category }), 'problem_category.not_found', 'categoryId');
        await notFound(env.b.post('/api/v1/problems', { title: 'B 新问题', campaignId: env.aCampaign }), 'campaign.not_found', 'campaignId');
        await notFound(env.b.post('/api/v1/problems', { title: 'B 新问题', groupId: env.aGroup }), 'group.not_found', 'groupId');
        await notFound(env.b.post('/api/v1/problems', { title: 'B 新问题', memberNo: env.aMemberNos[env.aMemberNos.length - 1] }), 'member.not_found', 'memberNo');
      },
      'GET /api/v1/problems/{id}': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/problems/${a.problem}`))).answers.length, 1, 'control');
        for (const client of readers()) await notFound(client.get(`/api/v1/problems/${a.problem}`), 'problem.not_found');
      },
      'PATCH /api/v1/problems/{id}': async () => {
        await notFound(env.b.patch(`/api/v1/problems/${a.problem}`, { title: 'B 改了', archived: true }), 'problem.not_found');
        await notFound(env.b.patch(`/api/v1/problems/${b.problem}`, { campaignId: env.aCampaign }), 'campaign.not_found', 'campaignId');
        await notFound(env.b.patch(`/api/v1/problems/${b.problem}`, { groupId: env.aGroup }), 'group.not_found', 'groupId');
        await notFound(env.b.patch(`/api/v1/problems/${b.problem}`, { categoryId: a.child }), 'problem_category.not_found', 'categoryId');
      },
      'DELETE /api/v1/problems/{id}': async () => {
        await notFound(env.b.delete(`/api/v1/problems/${a.problem}`), 'problem.not_found');
      },
      'GET /api/v1/problem-tags': async () => {
        assert.ok((await ok(env.a.get('/api/v1/problem-tags'))).items.some((t: { tag: string }) => t.tag === a.tag), 'control');
        for (const client of readers()) {
          assert.deepEqual((await ok(client.get('/api/v1/problem-tags'))).items, [{ tag: 'B标签', count: 1 }]);
        }
      },
      'POST /api/v1/problems/{id}/answers': async () => {
        await notFound(env.b.post(`/api/v1/problems/${a.problem}/answers`, { content: 'B 的回答' }), 'problem.not_found');
      },
      'PATCH /api/v1/problem-answers/{id}': async () => {
        await notFound(env.b.patch(`/api/v1/problem-answers/${a.answer}`, { content: 'B 改答案' }), 'problem_answer.not_found');
      },
      'DELETE /api/v1/problem-answers/{id}': async () => {
        await notFound(env.b.delete(`/api/v1/problem-answers/${a.answer}`), 'problem_answer.not_found');
      },
      'GET /api/v1/problem-answers/{id}/preview': async () => {
        const filled = await ok(env.a.get(`/api/v1/problem-answers/${a.answer}/preview?memberNo=${env.aMemberNos[0]}&campaignId=${env.aCampaign}`));
        assert.equal(filled.member.memberNo, env.aMemberNos[0], 'control');
        for (const client of readers()) {
          await notFound(client.get(`/api/v1/problem-answers/${a.answer}/preview`), 'problem_answer.not_found');
          await notFound(client.get(`/api/v1/problem-answers/${b.answer}/preview?campaignId=${env.aCampaign}`), 'campaign.not_found', 'campaignId');
          await notFound(client.get(`/api/v1/problem-answers/${b.answer}/preview?memberNo=${env.aMemberNos[env.aMemberNos.length - 1]}`), 'member.not_found', 'memberNo');
        }
      },
      'POST /api/v1/problem-answers/{id}/use': async () => {
        await notFound(env.b.post(`/api/v1/problem-answers/${a.answer}/use`, {}), 'problem_answer.not_found');
        await notFound(env.b.post(`/api/v1/problem-answers/${b.answer}/use`, { campaignId: env.aCampaign }), 'campaign.not_found', 'campaignId');
        await notFound(env.b.post(`/api/v1/problem-answers/${b.answer}/use`, { memberNo: env.aMemberNos[env.aMemberNos.length - 1] }), 'member.not_found', 'memberNo');
      },
      'GET /api/v1/problem-stats': async () => {
        assert.ok((await ok(env.a.get(a.stats))).top.some((t: { answerId: number }) => t.answerId === a.answer), 'control');
        const day = (offset: number) => new Date(Date.parse(b.usedAt) + offset * 86_400_000).toISOString().slice(0, 10);
        for (const client of readers()) {
          const stats = await ok(client.get(`/api/v1/problem-stats?from=${day(-1)}&to=${day(1)}`));
          assert.deepEqual(stats.top.map((t: { answerId: number }) => t.answerId), [b.answer], "B's own answer only");
          assert.deepEqual([stats.uses, stats.answers], [1, 1]);
          assert.ok(!(await ok(client.get(a.stats))).top.some((t: { answerId: number }) => t.answerId === a.answer));
        }
      },
    },
    snapshot: async () => ({
      categories: await ok(env.a.get('/api/v1/problem-categories')),
      problems: await ok(env.a.get('/api/v1/problems?status=all')),
      problem: await ok(env.a.get(`/api/v1/problems/${a.problem}`)),
      tags: await ok(env.a.get('/api/v1/problem-tags')),
      stats: await ok(env.a.get(a.stats)),
    }),
  };
}

export function badInput(): BadInputModule {
  let env: BadInputEnv;
  const w = { category: 0, problem: 0, answer: 0 };
  const NO_MEMBER = 99999;
  const cat = (id: number | string = w.category) => `/api/v1/problem-categories/${id}`;
  const prob = (id: number | string = w.problem, p = '') => `/api/v1/problems/${id}${p}`;
  const ans = (id: number | string = w.answer, p = '') => `/api/v1/problem-answers/${id}${p}`;
  // Faults in the query string are found before any row is looked up, so their URLs may name any well-formed id.
  const badIds = (url: (id: string) => string) => [
    { what: 'id not a number', url: url('abc'), field: 'id' },
    { what: 'id zero', url: url('0'), field: 'id' },
    { what: 'id a fraction', url: url('1.5'), field: 'id' },
  ];
  const contentBad = [
    { what: 'content missing', body: {}, field: 'content' },
    { what: 'content blank', body: { content: '  ' }, field: 'content' },
    { what: 'number for content', body: { content: 5 }, field: 'content' },
    { what: 'content over 5000', body: { content: long(5001) }, field: 'content' },
    { what: 'unknown field', body: { content: 'x', problemId: 1 }, field: 'problemId' },
    { what: 'an unknown variable', body: { content: '{昵称} 你好 {班级}' }, field: 'content', code: 'problem_answer.unknown_variable' },
  ];

  const specs: Record<string, Spec> = {
    'GET /api/v1/problem-categories': { perm: 'operations.read', url: () => '/api/v1/problem-categories', bad: [] },
    'POST /api/v1/problem-categories': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => '/api/v1/problem-categories',
      body: () => ({ name: '不该建' }),
      bad: [
        { what: 'name missing', body: {}, field: 'name' },
        { what: 'number for name', body: { name: 5 }, field: 'name' },
        { what: 'name blank', body: { name: ' ' }, field: 'name' },
        { what: 'name over 40', body: { name: long(41, '类') }, field: 'name' },
        { what: 'parentId a string', body: { name: 'x', parentId: 'top' }, field: 'parentId' },
        { what: 'parentId zero', body: { name: 'x', parentId: 0 }, field: 'parentId' },
        { what: 'position negative', body: { name: 'x', position: -1 }, field: 'position' },
        { what: 'position a fraction', body: { name: 'x', position: 1.5 }, field: 'position' },
        { what: 'unknown field', body: { name: 'x', color: 'red' }, field: 'color' },
        { what: 'array for the body', body: [{ name: 'x' }], field: '(body)' },
      ],
      missing: [{ url: () => '/api/v1/problem-categories', body: { name: '子', parentId: 987654 }, code: 'problem_category.not_found', field: 'parentId' }],
    },
    'PATCH /api/v1/problem-categories/{id}': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => cat(),
      body: () => ({ name: '不该改' }),
      bad: [
        ...badIds((id) => cat(id)),
        { what: 'name blank', body: { name: '' }, field: 'name' },
        { what: 'parentId a string', body: { parentId: '1' }, field: 'parentId' },
        { what: 'position too large', body: { position: 10_001 }, field: 'position' },
        { what: 'unknown field', body: { problemCount: 3 }, field: 'problemCount' },
        { what: 'parentId negative', body: { parentId: -1 }, field: 'parentId' },
      ],
      missing: [
        { url: () => cat(987654), code: 'problem_category.not_found' },
        { url: () => cat(), body: { parentId: 987654 }, code: 'problem_category.not_found', field: 'parentId' },
      ],
    },
    'DELETE /api/v1/problem-categories/{id}': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => cat(),
      bad: badIds((id) => cat(id)),
      missing: [{ url: () => cat(987654), code: 'problem_category.not_found' }],
    },
    'GET /api/v1/problems': {
      perm: 'operations.read',
      url: () => '/api/v1/problems?q=x',
      bad: [
        { what: 'q over 64', url: `/api/v1/problems?q=${long(65)}`, field: 'q' },
        { what: 'q twice', url: '/api/v1/problems?q=a&q=b', field: 'q' },
        { what: 'categoryId not a number', url: '/api/v1/problems?categoryId=abc', field: 'categoryId' },
        { what: 'categoryId zero', url: '/api/v1/problems?categoryId=0', field: 'categoryId' },
        { what: 'uncategorized not a boolean', url: '/api/v1/problems?uncategorized=yes', field: 'uncategorized' },
        { what: 'tag over 30', url: `/api/v1/problems?tag=${long(31)}`, field: 'tag' },
        { what: 'unknown status', url: '/api/v1/problems?status=closed', field: 'status' },
        { what: 'campaignId not a number', url: '/api/v1/problems?campaignId=X1', field: 'campaignId' },
        { what: 'groupId negative', url: '/api/v1/problems?groupId=-3', field: 'groupId' },
        { what: 'unknown sort', url: '/api/v1/problems?sort=title', field: 'sort' },
        { what: 'limit zero', url: '/api/v1/problems?limit=0', field: 'limit' },
        { what: 'limit over 200', url: '/api/v1/problems?limit=201', field: 'limit' },
        { what: 'cursor with odd characters', url: '/api/v1/problems?cursor=a.b', field: 'cursor' },
        { what: 'cursor of the other sort', url: `/api/v1/problems?sort=reuse&cursor=${Buffer.from('5').toString('base64url')}`, field: 'cursor' },
        { what: 'cursor that is no cursor', url: `/api/v1/problems?cursor=${Buffer.from('x|y').toString('base64url')}`, field: 'cursor' },
        { what: 'unknown parameter', url: '/api/v1/problems?owner=1', field: 'owner' },
      ],
      missing: [
        { url: () => '/api/v1/problems?categoryId=987654', code: 'problem_category.not_found', field: 'categoryId' },
        { url: () => '/api/v1/problems?campaignId=987654', code: 'campaign.not_found', field: 'campaignId' },
        { url: () => '/api/v1/problems?groupId=987654', code: 'group.not_found', field: 'groupId' },
      ],
    },
    'POST /api/v1/problems': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => '/api/v1/problems',
      body: () => ({ title: '不该建' }),
      bad: [
        { what: 'title missing', body: {}, field: 'title' },
        { what: 'number for title', body: { title: 1 }, field: 'title' },
        { what: 'title blank', body: { title: '   ' }, field: 'title' },
        { what: 'title over 200', body: { title: long(201, '问') }, field: 'title' },
        { what: 'description over 5000', body: { title: 'x', description: long(5001) }, field: 'description' },
        { what: 'categoryId a string', body: { title: 'x', categoryId: '1' }, field: 'categoryId' },
        { what: 'tags a string', body: { title: 'x', tags: '退款' }, field: 'tags' },
        { what: 'a blank tag', body: { title: 'x', tags: ['退款', ' '] }, field: 'tags.1' },
        { what: 'a tag over 30', body: { title: 'x', tags: [long(31)] }, field: 'tags.0' },
        { what: 'more than 20 tags', body: { title: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, field: 'tags' },
        { what: 'campaignId zero', body: { title: 'x', campaignId: 0 }, field: 'campaignId' },
        { what: 'groupId a fraction', body: { title: 'x', groupId: 1.5 }, field: 'groupId' },
        { what: 'memberNo a string', body: { title: 'x', memberNo: '10001' }, field: 'memberNo' },
        { what: 'answers a string', body: { title: 'x', answers: '好的' }, field: 'answers' },
        { what: 'a blank answer', body: { title: 'x', answers: [''] }, field: 'answers.0' },
        { what: 'status given', body: { title: 'x', status: 'answered' }, field: 'status' },
        { what: 'array for the body', body: [{ title: 'x' }], field: '(body)' },
        { what: 'an answer with an unknown variable', body: { title: 'x', answers: ['好的', '{学号}{班级}'] }, field: 'answers.1', code: 'problem_answer.unknown_variable' },
      ],
      missing: [
        { url: () => '/api/v1/problems', body: { title: 'x', categoryId: 987654 }, code: 'problem_category.not_found', field: 'categoryId' },
        { url: () => '/api/v1/problems', body: { title: 'x', campaignId: 987654 }, code: 'campaign.not_found', field: 'campaignId' },
        { url: () => '/api/v1/problems', body: { title: 'x', groupId: 987654 }, code: 'group.not_found', field: 'groupId' },
        { url: () => '/api/v1/problems', body: { title: 'x', memberNo: NO_MEMBER }, code: 'member.not_found', field: 'memberNo' },
      ],
    },
    'GET /api/v1/problems/{id}': {
      perm: 'operations.read',
      url: () => prob(),
      bad: [...badIds((id) => prob(id)), { what: 'id too large', url: prob('99999999999999999999'), field: 'id' }],
      missing: [{ url: () => prob(987654), code: 'problem.not_found' }],
    },
    'PATCH /api/v1/problems/{id}': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => prob(),
      body: () => ({ title: '不该改' }),
      bad: [
        ...badIds((id) => prob(id)),
        { what: 'title blank', body: { title: '' }, field: 'title' },
        { what: 'archived a string', body: { archived: 'yes' }, field: 'archived' },
        { what: 'tags an object', body: { tags: { a: 1 } }, field: 'tags' },
        { what: 'memberNo zero', body: { memberNo: 0 }, field: 'memberNo' },
        { what: 'status given', body: { status: 'open' }, field: 'status' },
      ],
      missing: [
        { url: () => prob(987654), code: 'problem.not_found' },
        { url: () => prob(), body: { categoryId: 987654 }, code: 'problem_category.not_found', field: 'categoryId' },
        { url: () => prob(), body: { campaignId: 987654 }, code: 'campaign.not_found', field: 'campaignId' },
        { url: () => prob(), body: { groupId: 987654 }, code: 'group.not_found', field: 'groupId' },
        { url: () => prob(), body: { memberNo: NO_MEMBER }, code: 'member.not_found', field: 'memberNo' },
      ],
    },
    'DELETE /api/v1/problems/{id}': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => prob(),
      bad: badIds((id) => prob(id)),
      missing: [{ url: () => prob(987654), code: 'problem.not_found' }],
    },
    'GET /api/v1/problem-tags': { perm: 'operations.read', url: () => '/api/v1/problem-tags', bad: [] },
    'POST /api/v1/problems/{id}/answers': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => prob(w.problem, '/answers'),
      body: () => ({ content: '不该加' }),
      bad: [...badIds((id) => prob(id, '/answers')), ...contentBad],
      missing: [{ url: () => prob(987654, '/answers'), code: 'problem.not_found' }],
    },
    'PATCH /api/v1/problem-answers/{id}': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => ans(),
      body: () => ({ content: '不该改' }),
      bad: [...badIds((id) => ans(id)), ...contentBad],
      missing: [{ url: () => ans(987654), code: 'problem_answer.not_found' }],
    },
    'DELETE /api/v1/problem-answers/{id}': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => ans(),
      bad: badIds((id) => ans(id)),
      missing: [{ url: () => ans(987654), code: 'problem_answer.not_found' }],
    },
    'GET /api/v1/problem-answers/{id}/preview': {
      perm: 'operations.read',
      url: () => ans(w.answer, `/preview?memberNo=${env.fixtures.memberNo}`),
      bad: [
        ...badIds((id) => ans(id, '/preview')),
        { what: 'memberNo not a number', url: ans(987654, '/preview?memberNo=abc'), field: 'memberNo' },
        { what: 'memberNo zero', url: ans(987654, '/preview?memberNo=0'), field: 'memberNo' },
        { what: 'campaignId not a number', url: ans(987654, '/preview?campaignId=X1'), field: 'campaignId' },
        { what: 'unknown parameter', url: ans(987654, '/preview?groupId=1'), field: 'groupId' },
      ],
      missing: [
        { url: () => ans(987654, '/preview'), code: 'problem_answer.not_found' },
        { url: () => ans(w.answer, `/preview?memberNo=${NO_MEMBER}`), code: 'member.not_found', field: 'memberNo' },
        { url: () => ans(w.answer, '/preview?campaignId=987654'), code: 'campaign.not_found', field: 'campaignId' },
      ],
    },
    'POST /api/v1/problem-answers/{id}/use': {
      perm: 'problems.write',
      wrongRole: 'viewer',
      url: () => ans(w.answer, '/use'),
      body: () => ({ memberNo: env.fixtures.memberNo }),
      bad: [
        ...badIds((id) => ans(id, '/use')),
        { what: 'memberNo a string', body: { memberNo: '10001' }, field: 'memberNo' },
        { what: 'memberNo zero', body: { memberNo: 0 }, field: 'memberNo' },
        { what: 'campaignId a string', body: { campaignId: 'X1' }, field: 'campaignId' },
        { what: 'unknown field', body: { staffId: 1 }, field: 'staffId' },
        { what: 'array for the body', body: [], field: '(body)' },
      ],
      missing: [
        { url: () => ans(987654, '/use'), body: {}, code: 'problem_answer.not_found' },
        { url: () => ans(w.answer, '/use'), body: { memberNo: NO_MEMBER }, code: 'member.not_found', field: 'memberNo' },
        { url: () => ans(w.answer, '/use'), body: { campaignId: 987654 }, code: 'campaign.not_found', field: 'campaignId' },
      ],
    },
    'GET /api/v1/problem-stats': {
      perm: 'operations.read',
      url: () => '/api/v1/problem-stats',
      bad: [
        { what: 'from not a date', url: '/api/v1/problem-stats?from=yesterday', field: 'from' },
        { what: 'to not a real date', url: '/api/v1/problem-stats?to=2026-13-01', field: 'to' },
        { what: 'limit zero', url: '/api/v1/problem-stats?limit=0', field: 'limit' },
        { what: 'limit over 100', url: '/api/v1/problem-stats?limit=101', field: 'limit' },
        { what: 'unknown parameter', url: '/api/v1/problem-stats?staffId=1', field: 'staffId' },
        { what: 'from after to', url: '/api/v1/problem-stats?from=2026-03-02&to=2026-03-01', field: 'from', code: 'problem.invalid_period' },
        { what: 'period over a year', url: '/api/v1/problem-stats?from=2025-01-01&to=2026-03-01', field: 'to', code: 'problem.period_too_long' },
      ],
    },
  };

  return {
    async setup(e) {
      env = e;
      w.category = (await ok(env.owner.post('/api/v1/problem-categories', { name: '押金退款' }), 201)).id;
      const problem = await ok(env.owner.post('/api/v1/problems', {
        title: '押金什么时候退？', categoryId: w.category, campaignId: env.fixtures.campaignId, groupId: env.fixtures.groupId,
        memberNo: env.fixtures.memberNo, answers: ['{昵称}你好，结营后 7 个工作日内退回'],
      }), 201);
      w.problem = problem.id;
      w.answer = problem.answers[0].id;
    },
    specs,
  };
}
