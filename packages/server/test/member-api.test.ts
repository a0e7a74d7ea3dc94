// Every /api/m route (the member pages' API) refuses what it should, in the error envelope and never with a 5xx:
// no member session (401), a write without the x-qunyun-member header (403), bad input (400 naming the field), and a
// member of workspace A reaching for workspace B's campaign (404). The route list comes from the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertCoversRoutes, assertError, assertErrorShape, ok } from './api-checks.js';
import { openCampaign, type CampaignFixture } from './campaign-run.js';
import { createWorkspace, startServer, type Client, type Response, type TestServer, type TestWorkspace } from './harness.js';
import { MemberClient } from './member-client.js';

let server: TestServer;
let A: TestWorkspace;
let B: TestWorkspace;
let aStaff: Client;
let bStaff: Client;
/** A's campaign with a channel; B's campaign (a key A does not have) with a channel. */
let aCamp: CampaignFixture;
let bCamp: CampaignFixture;
/** A member of A, signed up in A's campaign. */
let member: MemberClient;
let memberNo = 0;
const responses: Array<{ what: string; res: Response }> = [];

const long = (n: number, ch = 'x') => ch.repeat(n);

interface Bad {
  what: string;
  url?: string;
  body?: unknown;
  field: string;
  code?: string;
}

interface Case {
  /** Needs a signed-in member: 401 member.signin_required without one. */
  member: boolean;
  url: () => string;
  body?: () => unknown;
  bad: Bad[];
  /** Member A reaching for workspace B: each answers 404 with the code. */
  foreign?: Array<{ url: () => string; body?: () => unknown; code: string; field?: string }>;
}

const cases: Record<string, Case> = {
  'GET /api/m/landing/{code}': {
    member: false,
    url: () => `/api/m/landing/${aCamp.code}`,
    bad: [
      { what: 'code too short', url: '/api/m/landing/ab', field: 'code' },
      { what: 'code with a dot', url: '/api/m/landing/ab.cd', field: 'code' },
      { what: 'code too long', url: `/api/m/landing/${long(33)}`, field: 'code' },
    ],
  },
  'POST /api/m/signup': {
    member: false,
    url: () => '/api/m/signup',
    body: () => ({ code: aCamp.code, provider: 'dev', phone: '13500000001' }),
    bad: [
      { what: 'code missing', body: { provider: 'dev', phone: '13500000001' }, field: 'code' },
      { what: 'number for code', body: { code: 123456, provider: 'dev' }, field: 'code' },
      { what: 'number for phone', body: { code: 'abcdef', provider: 'dev', phone: 13500000001 }, field: 'phone' },
      { what: 'phone over 32', body: { code: 'abcdef', provider: 'dev', phone: long(33, '1') }, field: 'phone' },
      { what: 'nickname over 64', body: { code: 'abcdef', provider: 'dev', nickname: long(65, '明') }, field: 'nickname' },
      { what: 'provider with capitals', body: { code: 'abcdef', provider: 'DEV', phone: '1' }, field: 'provider' },
      { what: 'authCode over 512', body: { code: 'abcdef', provider: 'wechat', authCode: long(513) }, field: 'authCode' },
      { what: 'unknown field', body: { code: 'abcdef', provider: 'dev', memberNo: 10001 }, field: 'memberNo' },
      { what: 'array for the body', body: [], field: '(body)' },
      { what: 'a phone that is not a phone', body: { code: '__A__', provider: 'dev', phone: 'call me' }, field: 'phone', code: 'signup.invalid' },
      { what: 'an unknown provider', body: { code: '__A__', provider: 'qq', phone: '13500000002' }, field: 'provider', code: 'signup.unknown_provider' },
      { what: 'neither phone nor nickname', body: { code: '__A__', provider: 'dev' }, field: 'phone', code: 'signup.invalid' },
    ],
    // A's session at B's link: see the workspace test below (B asks how to sign in: 400, not 404).
  },
  'POST /api/m/logout': { member: false, url: () => '/api/m/logout', bad: [] },
  'GET /api/m/me': { member: true, url: () => '/api/m/me', bad: [] },
  'GET /api/m/campaigns/{key}/group-qr': {
    member: true,
    url: () => `/api/m/campaigns/${aCamp.key}/group-qr`,
    bad: [
      { what: 'lower-case key', url: '/api/m/campaigns/x1/group-qr', field: 'key' },
      { what: 'key too long', url: `/api/m/campaigns/X${long(16, '1')}/group-qr`, field: 'key' },
      { what: 'key with a symbol', url: '/api/m/campaigns/X-1/group-qr', field: 'key' },
    ],
    foreign: [{ url: () => `/api/m/campaigns/${bCamp.key}/group-qr`, code: 'enrollment.not_found' }],
  },
  'POST /api/m/events': {
    member: true,
    url: () => '/api/m/events',
    body: () => ({ events: [{ id: `ev-${Math.random().toString(36).slice(2)}`, name: 'page_view', at: new Date().toISOString(), props: { path: '/m' } }] }),
    bad: [
      { what: 'events missing', body: {}, field: 'events' },
      { what: 'no events', body: { events: [] }, field: 'events' },
      { what: 'more than 50 events', body: { events: Array.from({ length: 51 }, () => ({})) }, field: 'events' },
      { what: 'object for events', body: { events: { 0: {} } }, field: 'events' },
      { what: 'unknown field', body: { events: [{}], source: 'x' }, field: 'source' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
  },
  // ---- check-in routes (checkins/) ----
  'GET /api/m/campaigns/{key}': {
    member: true,
    url: () => `/api/m/campaigns/${aCamp.key}`,
    bad: [
      { what: 'lower-case key', url: '/api/m/campaigns/x1', field: 'key' },
      { what: 'key too long', url: `/api/m/campaigns/X${long(16, '1')}`, field: 'key' },
      { what: 'key with a symbol', url: '/api/m/campaigns/X-1', field: 'key' },
    ],
    foreign: [{ url: () => `/api/m/campaigns/${bCamp.key}`, code: 'enrollment.not_found' }],
  },
  'GET /api/m/campaigns/{key}/leaderboard': {
    member: true,
    url: () => `/api/m/campaigns/${aCamp.key}/leaderboard?period=week`,
    bad: [
      { what: 'unknown period', url: '/api/m/campaigns/X1/leaderboard?period=month', field: 'period' },
      { what: 'period twice', url: '/api/m/campaigns/X1/leaderboard?period=week&period=total', field: 'period' },
      { what: 'unknown parameter', url: '/api/m/campaigns/X1/leaderboard?limit=10', field: 'limit' },
      { what: 'lower-case key', url: '/api/m/campaigns/x1/leaderboard', field: 'key' },
    ],
    foreign: [{ url: () => `/api/m/campaigns/${bCamp.key}/leaderboard`, code: 'enrollment.not_found' }],
  },
  'POST /api/m/campaigns/{key}/checkins': {
    member: true,
    url: () => `/api/m/campaigns/${aCamp.key}/checkins`,
    body: () => ({ text: '今天打卡' }),
    bad: [
      { what: 'text over 2000', body: { text: long(2001, '字') }, field: 'text' },
      { what: 'number for text', body: { text: 5 }, field: 'text' },
      { what: 'day zero', body: { text: 'x', day: 0 }, field: 'day' },
      { what: 'day a fraction', body: { text: 'x', day: 1.5 }, field: 'day' },
      { what: 'string for day', body: { text: 'x', day: '3' }, field: 'day' },
      { what: 'unknown field', body: { text: 'x', photos: [] }, field: 'photos' },
      { what: 'array for the body', body: [], field: '(body)' },
      { what: 'NUL in the text', body: { text: 'a\u0000b' }, field: 'text' },
      { what: 'neither text nor photo', body: { text: '   ' }, field: 'text', code: 'checkin.empty' },
      { what: 'lower-case key', url: '/api/m/campaigns/x1/checkins', field: 'key' },
    ],
    foreign: [{ url: () => `/api/m/campaigns/${bCamp.key}/checkins`, body: () => ({ text: '串门' }), code: 'enrollment.not_found' }],
  },
  'GET /api/m/photos/{id}': {
    member: true,
    url: () => '/api/m/photos/987654',
    bad: [
      { what: 'id not a number', url: '/api/m/photos/abc', field: 'id' },
      { what: 'id zero', url: '/api/m/photos/0', field: 'id' },
      { what: 'id too big', url: '/api/m/photos/99999999999999999999', field: 'id' },
    ],
  },
};

/** Every documented route under /api/m, as "METHOD /api/m/path/{param}". */
async function documentedMemberRoutes(): Promise<string[]> {
  const doc = (await (await fetch(`${server.url}/api/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/m/')) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (operations[method]) routes.push(`${method.toUpperCase()} ${path}`);
  }
  assert.ok(routes.length >= 6, `expected the member API in the OpenAPI document, found ${routes.length}`);
  return routes.sort();
}

const methodOf = (route: string) => route.split(' ')[0]!;
/** Stands for A's channel code in bodies written before the fixtures exist. */
const withCode = (body: unknown) => (body && typeof body === 'object' && !Array.isArray(body) && (body as { code?: unknown }).code === '__A__' ? { ...body, code: aCamp.code } : body);

async function call(client: MemberClient, what: string, method: string, url: string, body?: unknown): Promise<Response> {
  const res = await client.send(method, url, body);
  responses.push({ what: `${what}: ${method} ${url}`, res });
  return res;
}

before(async () => {
  server = await startServer();
  A = await createWorkspace(server);
  B = await createWorkspace(server);
  aStaff = await A.as('owner');
  bStaff = await B.as('owner');
  aCamp = await openCampaign(aStaff);
  bCamp = await openCampaign(bStaff);
  member = new MemberClient(server.url);
  const res = await member.post('/api/m/signup', { code: aCamp.code, provider: 'dev', phone: '13500000009', nickname: '甲方成员' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  memberNo = res.body.member.memberNo;
});

after(async () => {
  await server?.close();
});

test('there is a case for every /api/m route the server documents', async () => {
  assertCoversRoutes(await documentedMemberRoutes(), Object.keys(cases), 'member API');
});

test('no member session → 401 member.signin_required where a member is needed (a garbage cookie is no session)', async (t) => {
  for (const client of [new MemberClient(server.url), new MemberClient(server.url, 'qy_member=not-a-session'), new MemberClient(server.url, `qy_member=${'A'.repeat(43)}`)]) {
    for (const [route, spec] of Object.entries(cases)) {
      if (!spec.member) continue;
      await t.test(`${route} (${client.cookie ?? 'no cookie'})`, async () => {
        assertError(await call(client, 'no session', methodOf(route), spec.url(), spec.body?.()), 401, 'member.signin_required');
      });
    }
  }
});

test('a write without the x-qunyun-member header → 403 member.write_header, and does nothing', async (t) => {
  const before = await ok(member.get('/api/m/me'));
  for (const client of [member.withoutWriteHeader(), new MemberClient(server.url, null, false)]) {
    for (const [route, spec] of Object.entries(cases)) {
      if (methodOf(route) === 'GET') continue;
      await t.test(route, async () => {
        assertError(await call(client, 'no write header', methodOf(route), spec.url(), spec.body?.()), 403, 'member.write_header');
      });
    }
  }
  assert.deepEqual(await ok(member.get('/api/m/me')), before, 'still signed in, nothing changed');
});

test('bad input → 400 naming the field', async (t) => {
  for (const [route, spec] of Object.entries(cases)) {
    for (const bad of spec.bad) {
      await t.test(`${route}: ${bad.what}`, async () => {
        const body = withCode('body' in bad ? bad.body : spec.body?.());
        assertError(await call(member, bad.what, methodOf(route), bad.url ?? spec.url(), body), 400, bad.code ?? 'validation.failed', bad.field);
      });
    }
  }
  for (const raw of ['{"code":', '[1,2', 'undefined']) {
    const res = await fetch(`${server.url}/api/m/signup`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qunyun-member': '1' }, body: raw });
    assert.equal(res.status, 400);
    assertErrorShape({ status: 400, body: await res.json(), headers: res.headers });
  }
});

test("a member of workspace A cannot see or use workspace B's campaign", async (t) => {
  for (const [route, spec] of Object.entries(cases)) {
    for (const foreign of spec.foreign ?? []) {
      await t.test(`${route} ${foreign.url()}`, async () => {
        assertError(await call(member, 'foreign', methodOf(route), foreign.url(), foreign.body?.()), 404, foreign.code, foreign.field);
      });
    }
  }
  // B's landing page is public, but A's member is nobody there; without a provider A's session enrolls nobody in B.
  const landing = await ok(member.get(`/api/m/landing/${bCamp.code}`));
  assert.deepEqual([landing.me, landing.enrolled], [null, false]);
  assertError(await call(member, 'session at B', 'POST', '/api/m/signup', { code: bCamp.code }), 400, 'signup.invalid', 'provider');
  const mine = await ok(member.get('/api/m/me'));
  assert.deepEqual(mine.enrollments.map((e: { campaign: { key: string } }) => e.campaign.key), [aCamp.key]);
  assert.deepEqual((await ok(bStaff.get(`/api/v1/campaigns/${bCamp.campaignId}/enrollments`))).items, []);
  // A member session opens nothing of the staff API.
  const staffApi = await fetch(`${server.url}/api/v1/members/${memberNo}`, { headers: { cookie: member.cookie! } });
  assert.equal(staffApi.status, 401);
  // Events land on A's member only.
  await ok(member.post('/api/m/events', { events: [{ id: 'iso-ev-1', name: 'page_view', at: new Date().toISOString() }] }));
  assert.ok((await ok(aStaff.get(`/api/v1/members/${memberNo}/events`))).items.some((e: { id: string }) => e.id === 'iso-ev-1'));
  const bMember = await bStaff.get(`/api/v1/members/${memberNo}/events`);
  assert.ok(bMember.status === 404 || !bMember.body.items.some((e: { id: string }) => e.id === 'iso-ev-1'));
});

test('odd but well-formed input never causes a 5xx', async (t) => {
  const odd: Array<[string, string, string, unknown?]> = [
    ['NUL in a nickname', 'POST', '/api/m/signup', { code: aCamp.code, provider: 'dev', nickname: 'a\u0000b' }],
    ['a lone surrogate in a nickname', 'POST', '/api/m/signup', { code: aCamp.code, provider: 'dev', nickname: 'a\ud800b' }],
    ['emoji nickname', 'POST', '/api/m/signup', { code: aCamp.code, provider: 'dev', nickname: '🌞早起' }],
    ['a 20-digit phone', 'POST', '/api/m/signup', { code: aCamp.code, provider: 'dev', phone: '12345678901234567890' }],
    ['NUL in a code', 'GET', `/api/m/landing/${encodeURIComponent('ab\u0000cd')}`],
    ['percent signs in a code', 'GET', '/api/m/landing/%25%25%25'],
    ['the wechat provider when not configured', 'POST', '/api/m/signup', { code: aCamp.code, provider: 'wechat', authCode: 'x' }],
    ['an event with a huge at', 'POST', '/api/m/events', { events: [{ id: 'odd-1', name: 'page_view', at: '9999-12-31T23:59:59Z' }] }],
    ['an event with NUL', 'POST', '/api/m/events', { events: [{ id: 'odd-2', name: 'page_view', at: new Date().toISOString(), props: { p: 'a\u0000' } }] }],
    ['a key of a campaign that does not exist', 'GET', '/api/m/campaigns/ZZZZ9999/group-qr'],
  ];
  for (const [what, method, url, body] of odd) {
    await t.test(what, async () => {
      const client = what.includes('nickname') || what.includes('phone') || what.includes('provider') ? new MemberClient(server.url) : member;
      const res = await call(client, what, method, url, body);
      assert.ok(res.status < 500, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status >= 400) assertErrorShape(res);
    });
  }
});

test('no response in this file was a 5xx, and every 4xx had the error envelope', () => {
  assert.ok(responses.length > 40, `only ${responses.length} responses were checked`);
  assert.deepEqual(responses.filter(({ res }) => res.status >= 500).map(({ what, res }) => `${what} → ${res.status}`), []);
  for (const { res } of responses) if (res.status >= 400) assertErrorShape(res);
});
