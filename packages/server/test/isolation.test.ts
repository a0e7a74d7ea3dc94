// Workspace isolation over HTTP: B's staff and B's API token, on every /api/v1 route, can neither read nor change
// anything of workspace A. The route list comes from the server's OpenAPI document, so a new route needs a case here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allPages, assertCoversRoutes, assertError, documentedRoutes, ok } from './api-checks.js';
import { Client, createWorkspace, login, PASSWORD, startServer, type Response, type TestServer, type TestWorkspace } from './harness.js';
import { csvFile, PNG_1PX, upload } from './multipart.js';
import { withCheckin, type CheckinFixture } from './fixtures/enrollment.js';
import { isolationModules } from './route-cases/index.js';

const extraModules = isolationModules();

// A has more members than B, so A's high numbers do not exist in B at all.
const A_MEMBERS = 12;
const B_MEMBERS = 3;
const A_LIVE = 10010; // renamed, tagged, with identities and records; the survivor of A's merge
const A_MERGED = 10011; // merged into A_LIVE
const A_BLOCKED = 10012;
const A_FRAGMENT = '鑫淼';
const A_UNIONID = 'ua-isolation-unique-10010';
const A_EMAIL = 'a-only@example.com';
const A_PHONE = '13800138010';

let server: TestServer;
let A: TestWorkspace;
let B: TestWorkspace;
let a: Client; // A's owner
let b: Client; // B's admin (every permission)
let bt: Client; // B's API token with every scope
const seenByB: Response[] = [];

const ids = {
  aMembers: [] as number[], aStaff: [] as number[], aOwnerUsername: '', aSalesUsername: '', aSalesId: 0, aOwnerId: 0,
  aGroup: 0, aGroupName: '', aTag: 0, aTeam: 0, aTeamName: '', aToken: 0, aTokenSecret: '', aMerge: 0, aIdentity: 0,
  aAudit: [] as number[], bMembers: [] as number[], bTag: 0, bTeam: 0, bAdminUsername: '',
};
let snapshotBefore: unknown;
/** A's series (key X, like B's own) and its campaign X1, which has started (so its rules are locked). */
const camp = { aSeries: 0, aCampaign: 0 };

/** Records every response B gets, to check at the end that none of them carries A's data. */
function recorded(client: Client): Client {
  const send = client.send.bind(client);
  client.send = (async (method: string, p: string, body?: unknown, raw?: string) => {
    const res = await send(method, p, body, raw);
    seenByB.push(res);
    return res;
  }) as Client['send'];
  return client;
}

/** Chat groups: A's group (QR, a member, a review row) in A's own series/campaign; B's own group and review row. */
const grp = { aSeries: 0, aCampaign: 0, aGroup: 0, aReview: 0, bGroup: 0, bReview: 0 };
const A_GROUP_NAME = `${A_FRAGMENT}社群`;
/** Channels: A's channel (pool: A's group) and its child (empty pool, so a visit raised an alert); B's own, with an alert. */
const chn = { aChannel: 0, aChild: 0, aCode: '', bChannel: 0 };
const A_CHANNEL_NAME = `${A_FRAGMENT}渠道`;

/** A multipart upload by B, recorded like B's JSON calls. */
async function uploadAsB(client: Client, p: string, file: Parameters<typeof upload>[2]) {
  const res = await upload(client, p, file);
  seenByB.push(res);
  return res;
}

/** Everything A's owner can see, to prove afterwards that B changed nothing. */
async function snapshotA() {
  const profiles = [];
  for (let no = 10001; no <= 10000 + A_MEMBERS; no++) {
    profiles.push({
      profile: await ok(a.get(`/api/v1/members/${no}`)),
      nicknames: await ok(a.get(`/api/v1/members/${no}/nicknames`)),
      records: await allPages(a, `/api/v1/members/${no}/records`),
      merges: await ok(a.get(`/api/v1/members/${no}/merges`)),
    });
  }
  const tokens = (await ok(a.get('/api/v1/api-tokens'))).items.map((t: Record<string, unknown>) => ({ ...t, lastUsedAt: 'ignored' }));
  return {
    list: await allPages(a, '/api/v1/members'),
    profiles,
    tagGroups: await ok(a.get('/api/v1/tag-groups')),
    staff: await ok(a.get('/api/v1/staff')),
    teams: await ok(a.get('/api/v1/teams')),
    tokens,
    audit: await allPages(a, '/api/v1/audit'),
    features: await Promise.all(extraModules.map((m) => m.snapshot())),
  };
}

before(async () => {
  server = await startServer();
  A = await createWorkspace(server);
  B = await createWorkspace(server);
  a = await A.as('owner');
  b = recorded(await B.as('admin'));

  // ---- workspace A ----
  const me = await ok(a.get('/api/v1/auth/me'));
  ids.aOwnerUsername = me.staff.username;
  ids.aOwnerId = me.staff.id;
  const group = await ok(a.post('/api/v1/tag-groups', { name: '同名标签组' }), 201);
  ids.aGroup = group.id;
  ids.aGroupName = group.name;
  ids.aTag = (await ok(a.post('/api/v1/tags', { groupId: group.id, name: 'A专属标签' }), 201)).id;
  const team = await ok(a.post('/api/v1/teams', { name: '同名小组' }), 201);
  ids.aTeam = team.id;
  ids.aTeamName = team.name;
  ids.aSalesUsername = 'shared-username';
  ids.aSalesId = (await ok(a.post('/api/v1/staff', { username: ids.aSalesUsername, displayName: 'A 销售', password: PASSWORD, role: 'sales', teamId: team.id }), 201)).id;
  const token = await ok(a.post('/api/v1/api-tokens', { name: 'A token', scopes: ['members.read', 'members.write'] }), 201);
  ids.aToken = token.id;
  ids.aTokenSecret = token.token;
  for (let i = 1; i <= A_MEMBERS; i++) {
    const no = 10000 + i;
    const body: Record<string, unknown> = { nickname: `${A_FRAGMENT}测${i}`, attributes: { city: '杭州' } };
    if (no === A_LIVE) {
      body.phone = A_PHONE;
      body.identities = [{ kind: 'wechat_unionid', value: A_UNIONID }, { kind: 'email', value: A_EMAIL }];
    }
    const m = await ok(a.post('/api/v1/members', body), 201);
    assert.equal(m.memberNo, no);
    ids.aMembers.push(m.id);
  }
  await ok(a.patch(`/api/v1/members/${A_LIVE}`, { nickname: `${A_FRAGMENT}改名` }));
  await ok(a.post(`/api/v1/members/${A_LIVE}/tags`, { tagId: ids.aTag }));
  await ok(a.post(`/api/v1/members/${A_LIVE}/records`, { kind: 'note', content: 'A 的服务记录' }), 201);
  await ok(a.post(`/api/v1/members/${A_MERGED}/records`, { kind: 'call', content: 'A 被合并成员的记录' }), 201);
  await ok(a.post(`/api/v1/members/${A_BLOCKED}/block`, { reason: 'A 广告号' }));
  const merged = await ok(a.post(`/api/v1/members/${A_LIVE}/merge`, { fromMemberNo: A_MERGED }));
  ids.aMerge = merged.merge.id;
  const profile = await ok(a.get(`/api/v1/members/${A_LIVE}`));
  ids.aIdentity = profile.identities.find((i: { kind: string }) => i.kind === 'wechat_unionid').id;
  ids.aStaff = (await ok(a.get('/api/v1/staff'))).items.map((s: { id: number }) => s.id);
  // campaigns: series X with campaign X1
  camp.aSeries = (await ok(a.post('/api/v1/series', { key: 'X', name: 'A系列' }), 201)).id;
  camp.aCampaign = (await ok(a.post('/api/v1/campaigns', { seriesId: camp.aSeries, name: 'A营期', startsOn: '2026-01-01', endsOn: '2026-01-21' }), 201)).id;

  // ---- workspace B ----
  ids.bAdminUsername = (await ok(b.get('/api/v1/auth/me'))).staff.username;
  for (let i = 1; i <= B_MEMBERS; i++) {
    ids.bMembers.push((await ok(b.post('/api/v1/members', { nickname: `乙方成员${i}` }), 201)).id);
  }
  const bGroup = await ok(b.post('/api/v1/tag-groups', { name: 'B 标签组' }), 201);
  ids.bTag = (await ok(b.post('/api/v1/tags', { groupId: bGroup.id, name: 'B 标签' }), 201)).id;
  ids.bTeam = (await ok(b.post('/api/v1/teams', { name: 'B 小组' }), 201)).id;
  const scopes = (await ok(b.get('/api/v1/meta'))).tokenScopes;
  bt = recorded(Client.withToken(server.url, (await ok(b.post('/api/v1/api-tokens', { name: 'B all scopes', scopes }), 201)).token));

  // groups: A's series/campaign rows are placed directly (their own API is the campaigns feature's to test)
  const gdb = server.services.database.db;
  const at = new Date().toISOString();
  grp.aSeries = (await gdb.insertInto('series').values({ workspace_id: A.id, key: 'GQ', name: `${A_FRAGMENT}系列`, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  grp.aCampaign = (await gdb.insertInto('campaigns').values({ workspace_id: A.id, series_id: grp.aSeries, key: 'GQ1', edition: 1, name: `${A_FRAGMENT}营期`, starts_on: '2026-01-01', ends_on: '2026-01-21', timezone: 'Asia/Shanghai', rules: '{}', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  grp.aGroup = (await ok(a.post('/api/v1/groups', { platform: 'wechat', name: A_GROUP_NAME, campaignId: grp.aCampaign, ownerStaffId: ids.aOwnerId }), 201)).id;
  assert.equal((await upload(a, `/api/v1/groups/${grp.aGroup}/qr`, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX })).status, 200);
  await ok(a.post(`/api/v1/groups/${grp.aGroup}/members`, { memberNo: A_LIVE, groupNickname: `${A_LIVE}-${A_FRAGMENT}` }), 201);
  assert.equal((await upload(a, `/api/v1/groups/${grp.aGroup}/import?snapshot=false`, csvFile(['群昵称', `${A_FRAGMENT}无人认领`]))).body.toReview, 1);
  grp.aReview = (await ok(a.get(`/api/v1/groups/${grp.aGroup}/reviews`))).items[0].id;
  grp.bGroup = (await ok(b.post('/api/v1/groups', { platform: 'wecom', name: 'B 的群' }), 201)).id;
  assert.equal((await upload(b, `/api/v1/groups/${grp.bGroup}/import?snapshot=false`, csvFile(['群昵称', 'B 待认领']))).body.toReview, 1);
  grp.bReview = (await ok(b.get(`/api/v1/groups/${grp.bGroup}/reviews`))).items[0].id;

  // channels: visits go through the public link, as visitors would
  const aChannel = await ok(a.post('/api/v1/channels', { name: A_CHANNEL_NAME, fallbackMessage: `${A_FRAGMENT}满了` }), 201);
  [chn.aChannel, chn.aCode] = [aChannel.id, aChannel.code];
  await ok(a.send('PUT', `/api/v1/channels/${chn.aChannel}/pool`, { groupIds: [grp.aGroup] }));
  const aChild = await ok(a.post('/api/v1/channels', { name: `${A_FRAGMENT}子渠道`, parentId: chn.aChannel }), 201);
  chn.aChild = aChild.id;
  assert.equal((await fetch(`${server.url}/c/${chn.aCode}`)).status, 200);
  assert.equal((await fetch(`${server.url}/c/${aChild.code}`)).status, 200);
  const bChannel = await ok(b.post('/api/v1/channels', { name: 'B 渠道' }), 201);
  chn.bChannel = bChannel.id;
  assert.equal((await fetch(`${server.url}/c/${bChannel.code}`)).status, 200);
  const env = {
    server, A, B, a, b, bt, fragment: A_FRAGMENT, aCampaign: camp.aCampaign, aGroup: grp.aGroup, aOwnerId: ids.aOwnerId,
    aTeam: ids.aTeam, aMemberIds: ids.aMembers, aMemberNos: ids.aMembers.map((_, i) => 10001 + i), bTeam: ids.bTeam,
  };
  for (const module of extraModules) await module.setup(env);
  ids.aAudit = (await allPages<{ id: number }>(a, '/api/v1/audit')).map((e) => e.id);
  snapshotBefore = await snapshotA();
});

after(async () => {
  await server?.close();
});

/** The same read through B's session and B's token (when a token may use the route at all). */
const both = () => [b, bt];

async function notFound(res: Promise<Response>, code: string, field?: string) {
  assertError(await res, 404, code, field);
}

/** A report of A's X1 (with A's member enrolled) as B sees it: B's own X1 or series X when B has one, else 404. */
async function reportProbe(path: string, code: string, mineOf: (body: any) => unknown, none: unknown) {
  const { withEnrollment } = await import('./fixtures/settlement.js');
  await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async () => {
    assert.notDeepEqual(mineOf(await ok(a.get(path))), none, 'control: A sees its enrollment');
    for (const client of both()) {
      const res = await client.get(path);
      if (res.status === 404) assertError(res, 404, code);
      else assert.deepEqual(mineOf(await ok(Promise.resolve(res))), none, `B's ${path} has none of A's`);
    }
  });
}

/** A's member 10001 enrolled in X1 with one check-in (text and photo carry A's fragment), only while `body` runs. */
async function withACheckin(body: (f: CheckinFixture) => Promise<void>) {
  await withCheckin(server, {
    workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]!, instant: '2026-01-05T10:00:00+08:00', text: `${A_FRAGMENT}的打卡`,
    photo: Buffer.concat([PNG_1PX, Buffer.from(A_FRAGMENT)]),
  }, body);
}

/** Members B finds for a query: none of them may be A's. A finds its own, so the probe is a real one. */
async function searchProbe(q: string) {
  const mine = await ok(a.get(`/api/v1/members?q=${encodeURIComponent(q)}`));
  assert.ok(mine.items.some((m: { id: number }) => ids.aMembers.includes(m.id)), `control: A finds its member by "${q}"`);
  for (const client of both()) {
    const found = await ok(client.get(`/api/v1/members?q=${encodeURIComponent(q)}`));
    const leaked = found.items.filter((m: { id: number }) => ids.aMembers.includes(m.id));
    assert.deepEqual(leaked, [], `B's search "${q}" must not find A's members`);
  }
}

const coreCases: Record<string, () => Promise<void>> = {
  'POST /api/v1/auth/login': async () => {
    // A's staff cannot sign in to B (and the reverse): usernames belong to one workspace.
    const anon = Client.anonymous(server.url);
    assertError(await anon.post('/api/v1/auth/login', { workspace: B.key, username: ids.aOwnerUsername, password: PASSWORD }), 401, 'auth.invalid_credentials');
    assertError(await anon.post('/api/v1/auth/login', { workspace: A.key, username: ids.bAdminUsername, password: PASSWORD }), 401, 'auth.invalid_credentials');
  },
  'POST /api/v1/auth/logout': async () => {
    const other = await login(server.url, B.key, ids.bAdminUsername, PASSWORD);
    assert.equal((await other.post('/api/v1/auth/logout')).status, 204);
    assert.equal((await a.get('/api/v1/auth/me')).status, 200, "B's logout leaves A's session alone");
    assert.equal((await b.get('/api/v1/auth/me')).status, 200, "and B's other session too");
  },
  'GET /api/v1/auth/me': async () => {
    const me = await ok(b.get('/api/v1/auth/me'));
    assert.equal(me.workspace.id, B.id);
    assert.equal(me.workspace.key, B.key);
    assert.ok(!ids.aStaff.includes(me.staff.id));
  },
  'GET /api/v1/meta': async () => {
    for (const client of both()) {
      const meta = await ok(client.get('/api/v1/meta'));
      assert.ok(!JSON.stringify(meta).includes(A.key));
    }
  },
  'GET /api/v1/members': async () => {
    for (const client of both()) {
      const list = await allPages<{ id: number; memberNo: number }>(client, '/api/v1/members', 2);
      assert.ok(list.length >= B_MEMBERS);
      assert.deepEqual(list.filter((m) => ids.aMembers.includes(m.id)), [], "B's list has none of A's members");
      assert.ok(list.every((m) => m.memberNo < 10000 + A_MEMBERS - 2), 'B has only its own (low) numbers');
      assert.deepEqual((await ok(client.get('/api/v1/members?blocked=true'))).items, [], 'A blocked a member, B did not');
      await notFound(client.get(`/api/v1/members?tags=${ids.aTag}`), 'tag.not_found', 'tags');
    }
    for (const q of [A_FRAGMENT.slice(0, 1), A_FRAGMENT, `${A_FRAGMENT}改`, `${A_FRAGMENT}测1`, A_UNIONID, A_EMAIL, A_PHONE, A_PHONE.slice(3, 8), String(A_LIVE), String(A_BLOCKED)]) {
      await searchProbe(q);
    }
  },
  'POST /api/v1/members': async () => {
    // A's identity values are free in B: no 409 that would reveal A's member.
    const created = await ok(b.post('/api/v1/members', { nickname: '乙方同号', phone: A_PHONE, identities: [{ kind: 'wechat_unionid', value: A_UNIONID }] }), 201);
    assert.equal(created.memberNo, 10000 + B_MEMBERS + 1, "B's numbers continue B's own sequence");
    ids.bMembers.push(created.id);
  },
  'GET /api/v1/members/lookup': async () => {
    const lookup = (kind: string, value: string) => `/api/v1/members/lookup?kind=${kind}&value=${encodeURIComponent(value)}`;
    assert.equal((await ok(a.get(lookup('wechat_unionid', A_UNIONID)))).memberNo, A_LIVE, 'A finds its own member');
    // B may hold the same identity values itself (identities are unique per workspace): then it finds its own.
    for (const client of both()) {
      for (const [kind, value] of [['wechat_unionid', A_UNIONID], ['email', A_EMAIL], ['phone', A_PHONE]] as const) {
        const res = await client.get(lookup(kind, value));
        if (res.status === 200) assert.ok(!ids.aMembers.includes(res.body.id), `B's lookup of ${kind} returned A's member`);
        else assertError(res, 404, 'member.not_found');
      }
    }
  },
  'GET /api/v1/members/{memberNo}': async () => {
    for (const client of both()) {
      for (const no of [A_LIVE, A_MERGED, A_BLOCKED]) await notFound(client.get(`/api/v1/members/${no}`), 'member.not_found');
    }
  },
  'PATCH /api/v1/members/{memberNo}': async () => {
    for (const client of both()) await notFound(client.patch(`/api/v1/members/${A_LIVE}`, { nickname: '被改了', attributes: { x: 1 } }), 'member.not_found');
  },
  'GET /api/v1/members/{memberNo}/nicknames': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/members/${A_LIVE}/nicknames`), 'member.not_found');
  },
  'POST /api/v1/members/{memberNo}/identities': async () => {
    for (const client of both()) await notFound(client.post(`/api/v1/members/${A_LIVE}/identities`, { kind: 'custom', value: 'b-was-here' }), 'member.not_found');
    await ok(b.post('/api/v1/members/10001/identities', { kind: 'email', value: A_EMAIL }), 201);
  },
  'DELETE /api/v1/members/{memberNo}/identities/{id}': async () => {
    for (const client of both()) {
      await notFound(client.delete(`/api/v1/members/${A_LIVE}/identities/${ids.aIdentity}`), 'member.not_found');
      await notFound(client.delete(`/api/v1/members/10001/identities/${ids.aIdentity}`), 'identity.not_found');
    }
  },
  'POST /api/v1/members/{memberNo}/tags': async () => {
    for (const client of both()) {
      await notFound(client.post(`/api/v1/members/${A_LIVE}/tags`, { tagId: ids.bTag }), 'member.not_found');
      await notFound(client.post('/api/v1/members/10001/tags', { tagId: ids.aTag }), 'tag.not_found', 'tagId');
    }
  },
  'DELETE /api/v1/members/{memberNo}/tags/{tagId}': async () => {
    for (const client of both()) {
      assertError(await client.delete(`/api/v1/members/${A_LIVE}/tags/${ids.aTag}`), 404);
      await notFound(client.delete(`/api/v1/members/${A_LIVE}/tags/${ids.bTag}`), 'member.not_found');
      await notFound(client.delete(`/api/v1/members/10001/tags/${ids.aTag}`), 'tag.not_found');
    }
  },
  'GET /api/v1/members/{memberNo}/records': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/members/${A_LIVE}/records`), 'member.not_found');
  },
  'POST /api/v1/members/{memberNo}/records': async () => {
    for (const client of both()) await notFound(client.post(`/api/v1/members/${A_LIVE}/records`, { kind: 'note', content: 'B 写的' }), 'member.not_found');
  },
  'POST /api/v1/members/{memberNo}/block': async () => {
    for (const client of both()) await notFound(client.post(`/api/v1/members/${A_LIVE}/block`, { reason: 'B' }), 'member.not_found');
  },
  'POST /api/v1/members/{memberNo}/unblock': async () => {
    for (const client of both()) await notFound(client.post(`/api/v1/members/${A_BLOCKED}/unblock`, {}), 'member.not_found');
  },
  'POST /api/v1/members/{memberNo}/merge': async () => {
    // B's token has no members.merge scope; the session has every permission.
    await notFound(b.post(`/api/v1/members/${A_LIVE}/merge`, { fromMemberNo: 10001 }), 'member.not_found');
    await notFound(b.post('/api/v1/members/10001/merge', { fromMemberNo: A_BLOCKED }), 'member.not_found', 'fromMemberNo');
    await notFound(b.post('/api/v1/members/10001/merge', { fromMemberNo: A_MERGED }), 'member.not_found', 'fromMemberNo');
    const mine = await ok(b.get('/api/v1/members/10001'));
    assert.deepEqual(mine.mergedNumbers, []);
  },
  'GET /api/v1/members/{memberNo}/merges': async () => {
    for (const client of both()) {
      await notFound(client.get(`/api/v1/members/${A_LIVE}/merges`), 'member.not_found');
      await notFound(client.get(`/api/v1/members/${A_MERGED}/merges`), 'member.not_found');
    }
  },
  'POST /api/v1/merges/{id}/undo': async () => {
    await notFound(b.post(`/api/v1/merges/${ids.aMerge}/undo`), 'merge.not_found');
  },
  'POST /api/v1/members/{memberNo}/erase': async () => {
    await notFound(b.post(`/api/v1/members/${A_LIVE}/erase`, { confirmMemberNo: A_LIVE }), 'member.not_found');
  },
  'GET /api/v1/members/{memberNo}/audit': async () => {
    for (const client of both()) {
      await notFound(client.get(`/api/v1/members/${A_LIVE}/audit`), 'member.not_found');
      await notFound(client.get(`/api/v1/members/${A_MERGED}/audit`), 'member.not_found');
    }
  },
  'GET /api/v1/series': async () => {
    for (const client of both()) {
      const list = (await ok(client.get('/api/v1/series'))).items as Array<{ id: number; name: string }>;
      assert.ok(!list.some((x) => x.id === camp.aSeries || x.name === 'A系列'), "B does not see A's series");
    }
  },
  'POST /api/v1/series': async () => {
    // Keys are unique per workspace only: B may have its own X.
    const created = await ok(b.post('/api/v1/series', { key: 'X', name: 'B 系列' }), 201);
    assert.notEqual(created.id, camp.aSeries);
    assert.equal(created.campaignCount, 0);
  },
  'GET /api/v1/series/{id}': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/series/${camp.aSeries}`), 'series.not_found', 'seriesId');
  },
  'PATCH /api/v1/series/{id}': async () => {
    await notFound(b.patch(`/api/v1/series/${camp.aSeries}`, { name: 'B 改名' }), 'series.not_found');
  },
  'DELETE /api/v1/series/{id}': async () => {
    await notFound(b.delete(`/api/v1/series/${camp.aSeries}`), 'series.not_found');
  },
  'GET /api/v1/campaigns': async () => {
    for (const client of both()) {
      const list = (await ok(client.get('/api/v1/campaigns'))).items as Array<{ id: number; seriesId: number }>;
      assert.ok(!list.some((k) => k.id === camp.aCampaign || k.seriesId === camp.aSeries), "B does not see A's campaigns");
      await notFound(client.get(`/api/v1/campaigns?seriesId=${camp.aSeries}`), 'series.not_found', 'seriesId');
    }
  },
  'POST /api/v1/campaigns': async () => {
    await notFound(b.post('/api/v1/campaigns', { seriesId: camp.aSeries, name: 'B 借系列', startsOn: '2026-01-01', endsOn: '2026-01-21' }), 'series.not_found', 'seriesId');
    // B's own series X numbers its editions from 1, whatever A has.
    const mine = (await ok(b.get('/api/v1/series'))).items.find((x: { key: string }) => x.key === 'X');
    const created = await ok(b.post('/api/v1/campaigns', { seriesId: mine.id, name: 'B 营期', startsOn: '2026-01-01', endsOn: '2026-01-21' }), 201);
    assert.equal(created.key, 'X1');
  },
  'GET /api/v1/campaigns/{id}': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}`), 'campaign.not_found', 'campaignId');
  },
  'PATCH /api/v1/campaigns/{id}': async () => {
    await notFound(b.patch(`/api/v1/campaigns/${camp.aCampaign}`, { name: 'B 改名', rules: { daysRequiredForRefund: 1 }, overrideReason: 'B' }), 'campaign.not_found');
  },
  'POST /api/v1/campaigns/{id}/archive': async () => {
    await notFound(b.post(`/api/v1/campaigns/${camp.aCampaign}/archive`), 'campaign.not_found');
  },
  'POST /api/v1/campaigns/{id}/unarchive': async () => {
    await notFound(b.post(`/api/v1/campaigns/${camp.aCampaign}/unarchive`), 'campaign.not_found');
    const control = await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}`));
    assert.deepEqual([control.name, control.archivedAt, control.rules.daysRequiredForRefund], ['A营期', null, 15], "A's campaign is unchanged");
  },
  'GET /api/v1/channels': async () => {
    for (const archived of ['false', 'true']) {
      const list = (await ok(b.get(`/api/v1/channels?archived=${archived}`))).items as Array<{ id: number }>;
      assert.ok(!list.some((c) => c.id === chn.aChannel || c.id === chn.aChild));
    }
    assert.ok((await ok(b.get('/api/v1/channels'))).items.some((c: { id: number }) => c.id === chn.bChannel), 'B sees its own channel');
    const viaToken = (await ok(bt.get('/api/v1/channels'))).items as Array<{ id: number }>;
    assert.ok(!viaToken.some((c) => c.id === chn.aChannel || c.id === chn.aChild), "B's token sees none of A's channels");
  },
  'POST /api/v1/channels': async () => {
    await notFound(b.post('/api/v1/channels', { name: 'B 子渠道', parentId: chn.aChannel }), 'channel.not_found', 'parentId');
    await notFound(b.post('/api/v1/channels', { name: 'B 渠道', ownerStaffId: ids.aOwnerId }), 'staff.not_found', 'ownerStaffId');
    // Names are per workspace; codes are global (the public link carries no workspace), so A's code is taken.
    await ok(b.post('/api/v1/channels', { name: A_CHANNEL_NAME.replace(A_FRAGMENT, 'B') }), 201);
    assertError(await b.post('/api/v1/channels', { name: 'B 抢码', code: chn.aCode }), 409, 'channel.code_taken', 'code');
  },
  'GET /api/v1/channels/{id}': async () => {
    await notFound(b.get(`/api/v1/channels/${chn.aChannel}`), 'channel.not_found');
    await notFound(b.get(`/api/v1/channels/${chn.aChild}`), 'channel.not_found');
  },
  'PATCH /api/v1/channels/{id}': async () => {
    await notFound(b.patch(`/api/v1/channels/${chn.aChannel}`, { name: 'B 改名', archived: true }), 'channel.not_found');
    await notFound(b.patch(`/api/v1/channels/${chn.bChannel}`, { ownerStaffId: ids.aOwnerId }), 'staff.not_found', 'ownerStaffId');
  },
  'PUT /api/v1/channels/{id}/pool': async () => {
    await notFound(b.send('PUT', `/api/v1/channels/${chn.aChannel}/pool`, { groupIds: [] }), 'channel.not_found');
    await notFound(b.send('PUT', `/api/v1/channels/${chn.bChannel}/pool`, { groupIds: [grp.bGroup, grp.aGroup] }), 'group.not_found', 'groupIds.1');
    const mine = await ok(a.get(`/api/v1/channels/${chn.aChannel}`));
    assert.deepEqual([mine.name, mine.archivedAt, mine.pool.map((p: { groupId: number }) => p.groupId)], [A_CHANNEL_NAME, null, [grp.aGroup]], "control: A's channel is unchanged");
  },
  'GET /api/v1/channels/{id}/stats': async () => {
    await notFound(b.get(`/api/v1/channels/${chn.aChannel}/stats`), 'channel.not_found');
  },
  'GET /api/v1/channels/{id}/qr.png': async () => {
    await notFound(b.get(`/api/v1/channels/${chn.aChannel}/qr.png`), 'channel.not_found');
  },
  'GET /api/v1/channels/{id}/qr.svg': async () => {
    await notFound(b.get(`/api/v1/channels/${chn.aChannel}/qr.svg`), 'channel.not_found');
  },
  'POST /api/v1/events': async () => {
    // B may by now hold numbers and identities equal to A's (its own, created by other cases): an event lands on
    // B's member when B has one, is an unknown member when not, and never reaches A's.
    const at = '2026-05-01T08:00:00Z';
    const refs: Array<[unknown, string]> = [
      [A_LIVE, `/api/v1/members/${A_LIVE}`],
      [{ kind: 'wechat_unionid', value: A_UNIONID }, `/api/v1/members/lookup?kind=wechat_unionid&value=${A_UNIONID}`],
      [{ kind: 'phone', value: A_PHONE }, `/api/v1/members/lookup?kind=phone&value=${A_PHONE}`],
      [10001, '/api/v1/members/10001'],
    ];
    const res = await ok(bt.post('/api/v1/events', { events: refs.map(([member], i) => ({ id: `iso-${i}`, member, name: 'page.view', at })) }));
    for (const [i, [, lookup]] of refs.entries()) {
      const own = await b.get(lookup);
      if (own.status === 200) {
        const events = (await ok(b.get(`/api/v1/members/${own.body.memberNo}/events`))).items as Array<{ id: string }>;
        assert.ok(events.some((e) => e.id === `iso-${i}`), `event ${i} is on B's own member`);
      } else {
        assert.equal(own.status, 404);
        assert.deepEqual(res.rejected.find((r: { index: number }) => r.index === i)?.reason, 'unknown member', `event ${i}`);
      }
    }
    assert.ok(res.accepted >= 1, "B's own member 10001 took its event");
    for (const no of [A_LIVE, A_MERGED, 10001]) assert.deepEqual((await ok(a.get(`/api/v1/members/${no}/events`))).items, [], `A's ${no} has no events`);
  },
  'GET /api/v1/members/{memberNo}/events': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/members/${A_LIVE}/events`), 'member.not_found');
  },
  'GET /api/v1/campaigns/{id}/settlement': async () => {
    // A's enrollment (paid, decided refund) exists only while the settlement cases run, so the snapshot holds.
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async (enrollment) => {
      const mine = await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/settlement`));
      assert.deepEqual(mine.items.map((r: { enrollmentId: number }) => r.enrollmentId), [enrollment.id], 'control: A sees its enrollment');
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      for (const client of both()) {
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/settlement`), 'campaign.not_found', 'campaignId');
        const own = await ok(client.get(`/api/v1/campaigns/${bCampaign}/settlement`));
        assert.deepEqual([own.items, own.cancelled, own.ledger.collectedCents], [[], [], 0], "B's own settlement has none of A's");
      }
    });
  },
  'POST /api/v1/campaigns/{id}/settlement/decisions': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async (enrollment) => {
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      await notFound(b.post(`/api/v1/campaigns/${camp.aCampaign}/settlement/decisions`, { class: 'eligible', decision: 'forfeit', reason: 'B' }), 'campaign.not_found', 'campaignId');
      await notFound(b.post(`/api/v1/campaigns/${camp.aCampaign}/settlement/decisions`, { enrollmentIds: [enrollment.id], decision: 'forfeit', reason: 'B' }), 'campaign.not_found', 'campaignId');
      await notFound(b.post(`/api/v1/campaigns/${bCampaign}/settlement/decisions`, { enrollmentIds: [enrollment.id], decision: 'forfeit', reason: 'B' }), 'enrollment.not_found', 'enrollmentIds.0');
      assertError(await bt.post(`/api/v1/campaigns/${camp.aCampaign}/settlement/decisions`, { class: 'eligible', decision: 'forfeit', reason: 'B' }), 403, 'auth.forbidden');
      const mine = (await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/settlement`))).items[0];
      assert.deepEqual([mine.decision, mine.decisionReason], ['refund', null], "control: A's decision is unchanged");
    });
  },
  'POST /api/v1/enrollments/{id}/refund': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async (enrollment) => {
      await notFound(b.post(`/api/v1/enrollments/${enrollment.id}/refund`, { amountCents: 9900, reference: 'B-refund' }), 'enrollment.not_found', 'enrollmentId');
      const mine = (await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/settlement`))).items[0];
      assert.deepEqual([mine.refundCents, mine.refundedAt], [null, null], "control: A's enrollment is not refunded");
    });
  },
  'GET /api/v1/campaigns/{id}/settlement/refunds.xlsx': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async () => {
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      for (const client of both()) {
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/settlement/refunds.xlsx`), 'campaign.not_found', 'campaignId');
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/settlement/refunds.xlsx?format=csv`), 'campaign.not_found', 'campaignId');
        // B's own list as CSV text: the header only (the last test also checks it for A's names).
        const own = await client.get(`/api/v1/campaigns/${bCampaign}/settlement/refunds.xlsx?format=csv`);
        assert.equal(own.status, 200);
        assert.equal(String(own.body).replace('\uFEFF', '').trim().split('\r\n').length, 1);
      }
    });
  },
  'GET /api/v1/campaigns/{id}/checkins': async () => {
    await withACheckin(async (f) => {
      const mine = (await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/checkins`))).items as Array<{ id: number }>;
      assert.deepEqual(mine.map((x) => x.id), [f.checkinId], 'control: A sees its check-in');
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      for (const client of both()) {
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/checkins`), 'campaign.not_found', 'campaignId');
        assert.deepEqual((await ok(client.get(`/api/v1/campaigns/${bCampaign}/checkins`))).items, [], "B's own campaign has none of A's check-ins");
      }
    });
  },
  'GET /api/v1/checkins/review': async () => {
    await withACheckin(async (f) => {
      assert.deepEqual((await ok(a.get('/api/v1/checkins/review'))).items.map((x: { id: number }) => x.id), [f.checkinId], 'control: A reviews it');
      for (const client of both()) {
        for (const status of ['pending', 'approved', 'rejected']) {
          assert.ok(!(await ok(client.get(`/api/v1/checkins/review?status=${status}`))).items.some((x: { id: number }) => x.id === f.checkinId));
        }
        await notFound(client.get(`/api/v1/checkins/review?campaignId=${camp.aCampaign}`), 'campaign.not_found', 'campaignId');
      }
    });
  },
  'POST /api/v1/checkins/{id}/review': async () => {
    await withACheckin(async (f) => {
      await notFound(b.post(`/api/v1/checkins/${f.checkinId}/review`, { decision: 'reject', reason: 'B 拒绝' }), 'checkin.not_found');
      assertError(await bt.post(`/api/v1/checkins/${f.checkinId}/review`, { decision: 'approve' }), 403, 'auth.forbidden');
      assert.equal((await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/checkins`))).items[0].reviewStatus, 'pending', "control: A's check-in is undecided");
    });
  },
  'POST /api/v1/checkins/review': async () => {
    await withACheckin(async (f) => {
      await notFound(b.post('/api/v1/checkins/review', { ids: [f.checkinId], decision: 'approve' }), 'checkin.not_found', 'ids.0');
      assert.equal((await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/checkins`))).items[0].reviewStatus, 'pending', "control: A's check-in is undecided");
    });
  },
  'GET /api/v1/checkins/{id}/photos/{photoId}': async () => {
    await withACheckin(async (f) => {
      const url = `/api/v1/checkins/${f.checkinId}/photos/${f.photoId}`;
      assert.equal((await a.get(url)).status, 200, 'control: A sees the photo');
      for (const client of both()) await notFound(client.get(url), 'photo.not_found');
    });
  },
  'GET /api/v1/campaigns/{id}/leaderboard': async () => {
    await withACheckin(async () => {
      assert.equal((await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/leaderboard?period=total`))).items.length, 1, 'control: A ranks its member');
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      for (const client of both()) {
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/leaderboard`), 'campaign.not_found', 'campaignId');
        assert.deepEqual((await ok(client.get(`/api/v1/campaigns/${bCampaign}/leaderboard?period=total`))).items, []);
      }
    });
  },
  'GET /api/v1/campaigns/{id}/absentees': async () => {
    await withACheckin(async () => {
      for (const client of both()) {
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/absentees?date=2026-01-06`), 'campaign.not_found', 'campaignId');
      }
      const mine = await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/absentees?date=2026-01-06`));
      assert.deepEqual([mine.counts.enrolled, mine.counts.absent], [1, 1], 'control: A sees its absentee');
    });
  },
  'GET /api/v1/campaigns/{id}/enrollments': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async (enrollment) => {
      assert.deepEqual((await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`))).items.map((e: { id: number }) => e.id), [enrollment.id], 'control: A lists its enrollment');
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      for (const client of both()) {
        await notFound(client.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`), 'campaign.not_found', 'campaignId');
        assert.deepEqual((await ok(client.get(`/api/v1/campaigns/${bCampaign}/enrollments?q=${encodeURIComponent(A_FRAGMENT)}`))).items, []);
      }
    });
  },
  'POST /api/v1/campaigns/{id}/enrollments': async () => {
    const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
    for (const client of both()) {
      await notFound(client.post(`/api/v1/campaigns/${camp.aCampaign}/enrollments`, { memberNo: 10001 }), 'campaign.not_found', 'campaignId');
      await notFound(client.post(`/api/v1/campaigns/${bCampaign}/enrollments`, { memberNo: A_LIVE }), 'member.not_found', 'memberNo');
      await notFound(client.post(`/api/v1/campaigns/${bCampaign}/enrollments`, { memberNo: 10001, channelId: chn.aChannel }), 'channel.not_found', 'channelId');
    }
    assert.deepEqual((await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`))).items, [], 'nobody was enrolled in A');
    assert.deepEqual((await ok(b.get(`/api/v1/campaigns/${bCampaign}/enrollments`))).items, [], 'nor in B');
  },
  'POST /api/v1/enrollments/{id}/cancel': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async (enrollment) => {
      for (const client of both()) await notFound(client.post(`/api/v1/enrollments/${enrollment.id}/cancel`, { reason: 'B 取消' }), 'enrollment.not_found');
      assert.equal((await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`))).items[0].status, 'active', "control: A's enrollment is active");
    });
  },
  'POST /api/v1/enrollments/{id}/payments': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async (enrollment) => {
      for (const client of both()) await notFound(client.post(`/api/v1/enrollments/${enrollment.id}/payments`, { amountCents: 1, reference: `isolation-${enrollment.id}` }), 'enrollment.not_found');
      const mine = (await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`))).items[0];
      assert.equal(mine.paidCents, 9900, "control: A's total is unchanged");
    });
  },
  'POST /api/v1/campaigns/{id}/payments/import': async () => {
    const { withEnrollment } = await import('./fixtures/settlement.js');
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[9]! }, async () => {
      const bCampaign = (await ok(b.get('/api/v1/campaigns'))).items[0].id;
      // References are unique per workspace: A's reference means nothing in B.
      const file = csvFile(['学号,手机,金额,流水号', `${A_LIVE},,1.00,B-1`, `,${A_PHONE},1.00,B-2`]);
      for (const client of both()) {
        assertError(await uploadAsB(client, `/api/v1/campaigns/${camp.aCampaign}/payments/import`, file), 404, 'campaign.not_found', 'campaignId');
        const res = await uploadAsB(client, `/api/v1/campaigns/${bCampaign}/payments/import`, file);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual([res.body.applied, res.body.rejected.length], [0, 2], "A's members are nobody (or not enrolled) in B");
      }
      const mine = (await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`))).items[0];
      assert.equal(mine.paidCents, 9900, "control: A's total is unchanged");
    });
  },
  'POST /api/v1/payments/webhook-secret': async () => {
    const { createHmac } = await import('node:crypto');
    const { withEnrollment } = await import('./fixtures/settlement.js');
    const secretOf = async (id: number) => (await server.services.database.db.selectFrom('workspaces').select('payment_webhook_secret').where('id', '=', id).executeTakeFirstOrThrow()).payment_webhook_secret;
    const aSecret = await secretOf(A.id);
    const rotated = await ok(b.post('/api/v1/payments/webhook-secret', {}));
    assert.equal(rotated.url, `/api/hooks/payments/${B.key}`);
    assert.equal(await secretOf(A.id), aSecret, "A's secret is untouched");
    await withEnrollment(server.services.database.db, { workspaceId: A.id, campaignId: camp.aCampaign, memberId: ids.aMembers[0]! }, async () => {
      const send = async (workspaceKey: string, body: unknown) => {
        const raw = JSON.stringify(body);
        const res = await fetch(`${server.url}/api/hooks/payments/${workspaceKey}`, {
          method: 'POST', body: raw,
          headers: { 'content-type': 'application/json', 'x-qunyun-signature': `sha256=${createHmac('sha256', rotated.secret).update(raw).digest('hex')}` },
        });
        return { status: res.status, body: await res.json(), headers: res.headers };
      };
      const notice = { reference: 'B-notice-1', campaignKey: 'X1', memberNo: 10001, amountCents: 1 };
      // B's secret does not sign for A; in B, A's member number is nobody.
      assertError(await send(A.key, notice), 401, 'payment.signature');
      assertError(await send(B.key, { ...notice, memberNo: A_LIVE }), 404, 'member.not_found', 'memberNo');
      const mine = (await ok(a.get(`/api/v1/campaigns/${camp.aCampaign}/enrollments`))).items[0];
      assert.equal(mine.paidCents, 9900, "control: A's total is unchanged");
    });
  },
  'GET /api/v1/reports/composition': async () => {
    await reportProbe('/api/v1/reports/composition?campaign=X1', 'campaign.not_found', (r) => r.participants, 0);
  },
  'GET /api/v1/reports/series': async () => {
    await reportProbe('/api/v1/reports/series?series=X', 'series.not_found', (r) => r.campaigns.map((c: { participants: number }) => c.participants).filter(Boolean), []);
  },
  'GET /api/v1/reports/reenrolment': async () => {
    await reportProbe('/api/v1/reports/reenrolment?campaign=X1', 'campaign.not_found', (r) => r.participants, 0);
  },
  'GET /api/v1/reports/funnel': async () => {
    await reportProbe('/api/v1/reports/funnel?campaign=X1', 'campaign.not_found', (r) => r.steps[1].count, 0);
  },
  'GET /api/v1/reports/daily': async () => {
    // A's members were created today; B's count is its own.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const path = `/api/v1/reports/daily?from=${today}&to=${today}`;
    assert.ok((await ok(a.get(path))).days[0].new_members >= A_MEMBERS, "control: A's new members today");
    for (const client of both()) assert.ok((await ok(client.get(path))).days[0].new_members < A_MEMBERS, "B's daily counts none of A's members");
  },
  'GET /api/v1/reports/retention': async () => {
    for (const client of both()) {
      const r = await ok(client.get('/api/v1/reports/retention?period=week&periods=2&from=2026-01-01&to=2026-01-31'));
      assert.ok(r.cohorts.every((c: { size: number }) => c.size === 0), "B's retention has none of A's activity");
    }
  },
  'GET /api/v1/reports/channels': async () => {
    const ids = (r: { channels: Array<{ channel_id: number }> }) => r.channels.map((c) => c.channel_id);
    assert.ok(ids(await ok(a.get('/api/v1/reports/channels'))).includes(chn.aChannel), "control: A's report lists A's channel");
    for (const client of both()) {
      const listed = ids(await ok(client.get('/api/v1/reports/channels')));
      assert.ok(!listed.includes(chn.aChannel) && !listed.includes(chn.aChild), "B's channel report has none of A's channels");
    }
  },
  'GET /api/v1/reports/activity': async () => {
    await ok(a.get(`/api/v1/reports/activity?group=${grp.aGroup}&from=2026-01-01&to=2026-01-31`));
    for (const client of both()) await notFound(client.get(`/api/v1/reports/activity?group=${grp.aGroup}&from=2026-01-01&to=2026-01-31`), 'group.not_found');
  },
  'GET /api/v1/reports/groups': async () => {
    await ok(a.get(`/api/v1/reports/groups?group=${grp.aGroup}&from=2026-01-01&to=2026-01-31`));
    for (const client of both()) await notFound(client.get(`/api/v1/reports/groups?group=${grp.aGroup}&from=2026-01-01&to=2026-01-31`), 'group.not_found');
  },
  'GET /api/v1/reports/settings': async () => {
    for (const client of both()) assert.deepEqual(await ok(client.get('/api/v1/reports/settings')), { activityEvents: null });
  },
  'PUT /api/v1/reports/settings': async () => {
    assert.deepEqual(await ok(b.send('PUT', '/api/v1/reports/settings', { activityEvents: ['b_only'] })), { activityEvents: ['b_only'] });
    assert.deepEqual(await ok(a.get('/api/v1/reports/settings')), { activityEvents: null }, "A's settings are unchanged");
    await ok(b.send('PUT', '/api/v1/reports/settings', { activityEvents: null }));
  },
  'GET /api/v1/tag-groups': async () => {
    for (const client of both()) {
      const groups = (await ok(client.get('/api/v1/tag-groups'))).items as Array<{ id: number; tags: Array<{ id: number; memberCount: number }> }>;
      assert.ok(groups.length >= 1);
      assert.ok(!groups.some((g) => g.id === ids.aGroup), "B does not see A's group");
      assert.ok(!groups.flatMap((g) => g.tags).some((t) => t.id === ids.aTag), "B does not see A's tag");
    }
  },
  'POST /api/v1/tag-groups': async () => {
    // Names are unique per workspace only.
    const created = await ok(b.post('/api/v1/tag-groups', { name: ids.aGroupName }), 201);
    assert.notEqual(created.id, ids.aGroup);
  },
  'PATCH /api/v1/tag-groups/{id}': async () => {
    await notFound(b.patch(`/api/v1/tag-groups/${ids.aGroup}`, { name: 'B 改名' }), 'tag_group.not_found');
  },
  'DELETE /api/v1/tag-groups/{id}': async () => {
    await notFound(b.delete(`/api/v1/tag-groups/${ids.aGroup}`), 'tag_group.not_found');
  },
  'POST /api/v1/tags': async () => {
    await notFound(b.post('/api/v1/tags', { groupId: ids.aGroup, name: 'B 的标签' }), 'tag_group.not_found', 'groupId');
  },
  'PATCH /api/v1/tags/{id}': async () => {
    await notFound(b.patch(`/api/v1/tags/${ids.aTag}`, { name: 'B 改名', color: '#000000' }), 'tag.not_found');
  },
  'DELETE /api/v1/tags/{id}': async () => {
    await notFound(b.delete(`/api/v1/tags/${ids.aTag}`), 'tag.not_found');
  },
  'GET /api/v1/groups': async () => {
    for (const client of both()) {
      const list = (await ok(client.get('/api/v1/groups'))).items as Array<{ id: number }>;
      assert.ok(list.some((g) => g.id === grp.bGroup) && !list.some((g) => g.id === grp.aGroup), "B sees its own group, not A's");
      await notFound(client.get(`/api/v1/groups?campaignId=${grp.aCampaign}`), 'campaign.not_found', 'campaignId');
      await notFound(client.get(`/api/v1/groups?seriesId=${grp.aSeries}`), 'series.not_found', 'seriesId');
    }
  },
  'POST /api/v1/groups': async () => {
    for (const client of both()) {
      await notFound(client.post('/api/v1/groups', { platform: 'wechat', name: 'B', ownerStaffId: ids.aOwnerId }), 'staff.not_found', 'ownerStaffId');
      await notFound(client.post('/api/v1/groups', { platform: 'wechat', name: 'B', campaignId: grp.aCampaign }), 'campaign.not_found', 'campaignId');
      await notFound(client.post('/api/v1/groups', { platform: 'wechat', name: 'B', seriesId: grp.aSeries }), 'series.not_found', 'seriesId');
    }
    await ok(b.post('/api/v1/groups', { platform: 'wechat', name: 'B 另一个群' }), 201);
  },
  'GET /api/v1/groups/reminders': async () => {
    for (const client of both()) {
      const items = (await ok(client.get('/api/v1/groups/reminders'))).items as Array<{ groupId: number; reason: string }>;
      assert.ok(items.some((r) => r.groupId === grp.bGroup && r.reason === 'qr_missing'), "B is reminded of its own group's missing QR");
      assert.ok(!items.some((r) => r.groupId === grp.aGroup));
    }
  },
  'GET /api/v1/groups/{id}': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/groups/${grp.aGroup}`), 'group.not_found');
  },
  'PATCH /api/v1/groups/{id}': async () => {
    for (const client of both()) {
      await notFound(client.patch(`/api/v1/groups/${grp.aGroup}`, { status: 'dissolved' }), 'group.not_found');
      await notFound(client.patch(`/api/v1/groups/${grp.bGroup}`, { campaignId: grp.aCampaign }), 'campaign.not_found', 'campaignId');
    }
  },
  'POST /api/v1/groups/{id}/qr': async () => {
    for (const client of both()) assertError(await uploadAsB(client, `/api/v1/groups/${grp.aGroup}/qr`, { name: 'q.png', type: 'image/png', bytes: PNG_1PX }), 404, 'group.not_found');
  },
  'GET /api/v1/groups/{id}/qr': async () => {
    assert.equal((await a.get(`/api/v1/groups/${grp.aGroup}/qr`)).status, 200, 'control: A gets its QR');
    for (const client of both()) await notFound(client.get(`/api/v1/groups/${grp.aGroup}/qr`), 'group.not_found');
  },
  'GET /api/v1/groups/{id}/members': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/groups/${grp.aGroup}/members?period=all`), 'group.not_found');
  },
  'POST /api/v1/groups/{id}/members': async () => {
    for (const client of both()) {
      await notFound(client.post(`/api/v1/groups/${grp.aGroup}/members`, { memberNo: 10001 }), 'group.not_found');
      await notFound(client.post(`/api/v1/groups/${grp.bGroup}/members`, { memberNo: A_LIVE }), 'member.not_found');
    }
  },
  'POST /api/v1/groups/{id}/members/{memberNo}/leave': async () => {
    for (const client of both()) await notFound(client.post(`/api/v1/groups/${grp.aGroup}/members/${A_LIVE}/leave`, {}), 'group.not_found');
  },
  'GET /api/v1/members/{memberNo}/groups': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/members/${A_LIVE}/groups`), 'member.not_found');
  },
  'POST /api/v1/groups/{id}/import': async () => {
    const list = csvFile(['群昵称,unionid,手机号', `${A_LIVE}-${A_FRAGMENT}改名,${A_UNIONID},`, `${A_FRAGMENT}改名,,${A_PHONE}`]);
    for (const client of both()) {
      assertError(await uploadAsB(client, `/api/v1/groups/${grp.aGroup}/import`, list), 404, 'group.not_found');
      // In B's own group, A's member numbers and identities match nobody of A's (B may hold the same phone itself).
      const res = await uploadAsB(client, `/api/v1/groups/${grp.bGroup}/import?snapshot=false`, csvFile(['群昵称,手机号', `${A_LIVE}-乙,`, `${A_BLOCKED}乙,`, `某人,${A_PHONE}`]));
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.byMemberNo, 0);
    }
    const inB = (await ok(b.get(`/api/v1/groups/${grp.bGroup}/members`))).items as Array<{ memberNo: number }>;
    assert.ok(inB.every((m) => m.memberNo < 10000 + A_MEMBERS - 2), "nobody of A's joined B's group");
    const reviews = (await ok(b.get(`/api/v1/groups/${grp.bGroup}/reviews`))).items as Array<{ candidates: Array<{ memberNo: number }> }>;
    assert.ok(reviews.every((r) => r.candidates.every((c) => c.memberNo < 10000 + A_MEMBERS - 2)), "no candidate is A's");
  },
  'GET /api/v1/groups/{id}/reviews': async () => {
    for (const client of both()) await notFound(client.get(`/api/v1/groups/${grp.aGroup}/reviews?status=all`), 'group.not_found');
  },
  'POST /api/v1/group-reviews/{id}/resolve': async () => {
    for (const client of both()) {
      await notFound(client.post(`/api/v1/group-reviews/${grp.aReview}/resolve`, { ignore: true }), 'group_review.not_found');
      await notFound(client.post(`/api/v1/group-reviews/${grp.bReview}/resolve`, { memberNo: A_LIVE }), 'member.not_found');
    }
  },
  'GET /api/v1/matrix': async () => {
    for (const client of both()) {
      const matrix = await ok(client.get('/api/v1/matrix'));
      assert.ok(!matrix.series.some((x: { id: number }) => x.id === grp.aSeries));
      assert.ok(matrix.unassigned.groups.some((g: { id: number }) => g.id === grp.bGroup));
    }
    // Control: A's group is as A left it.
    const mine = await ok(a.get(`/api/v1/groups/${grp.aGroup}`));
    assert.deepEqual([mine.name, mine.status, mine.memberCount, mine.qrStatus], [A_GROUP_NAME, 'open', 1, 'valid']);
    assert.equal((await ok(a.get(`/api/v1/groups/${grp.aGroup}/reviews`))).items.length, 1);
  },
  'GET /api/v1/staff': async () => {
    const staff = (await ok(b.get('/api/v1/staff'))).items as Array<{ id: number; username: string }>;
    assert.ok(staff.length >= 1);
    assert.deepEqual(staff.filter((s) => ids.aStaff.includes(s.id)), []);
    assert.ok(!staff.some((s) => s.username === ids.aOwnerUsername));
  },
  'POST /api/v1/staff': async () => {
    // Usernames are unique per workspace only.
    const created = await ok(b.post('/api/v1/staff', { username: ids.aSalesUsername, displayName: 'B 销售', password: PASSWORD, role: 'sales' }), 201);
    assert.ok(!ids.aStaff.includes(created.id));
    await notFound(b.post('/api/v1/staff', { username: 'b-in-a-team', displayName: 'B', password: PASSWORD, role: 'sales', teamId: ids.aTeam }), 'team.not_found', 'teamId');
  },
  'PATCH /api/v1/staff/{id}': async () => {
    await notFound(b.patch(`/api/v1/staff/${ids.aSalesId}`, { disabled: true }), 'staff.not_found');
    await notFound(b.patch(`/api/v1/staff/${ids.aOwnerId}`, { password: 'b-sets-a-password', role: 'viewer' }), 'staff.not_found');
    const bStaff = (await ok(b.get('/api/v1/staff'))).items[0];
    await notFound(b.patch(`/api/v1/staff/${bStaff.id}`, { teamId: ids.aTeam }), 'team.not_found', 'teamId');
    assert.equal((await a.get('/api/v1/auth/me')).status, 200, "A's owner is still signed in");
  },
  'GET /api/v1/teams': async () => {
    const teams = (await ok(b.get('/api/v1/teams'))).items as Array<{ id: number }>;
    assert.ok(teams.length >= 1);
    assert.ok(!teams.some((t) => t.id === ids.aTeam));
  },
  'POST /api/v1/teams': async () => {
    await ok(b.post('/api/v1/teams', { name: ids.aTeamName }), 201);
    await notFound(b.post('/api/v1/teams', { name: 'B 借人', leadStaffId: ids.aSalesId }), 'staff.not_found', 'leadStaffId');
  },
  'PATCH /api/v1/teams/{id}': async () => {
    await notFound(b.patch(`/api/v1/teams/${ids.aTeam}`, { name: 'B 改名' }), 'team.not_found');
    await notFound(b.patch(`/api/v1/teams/${ids.bTeam}`, { leadStaffId: ids.aOwnerId }), 'staff.not_found', 'leadStaffId');
  },
  'DELETE /api/v1/teams/{id}': async () => {
    await notFound(b.delete(`/api/v1/teams/${ids.aTeam}`), 'team.not_found');
  },
  'GET /api/v1/api-tokens': async () => {
    const tokens = (await ok(b.get('/api/v1/api-tokens'))).items as Array<{ id: number; name: string }>;
    assert.ok(tokens.length >= 1);
    assert.ok(!tokens.some((t) => t.id === ids.aToken || t.name === 'A token'));
  },
  'POST /api/v1/api-tokens': async () => {
    const created = await ok(b.post('/api/v1/api-tokens', { name: 'B reader', scopes: ['members.read'] }), 201);
    const reader = recorded(Client.withToken(server.url, created.token));
    const list = await allPages<{ id: number }>(reader, '/api/v1/members');
    assert.deepEqual(list.filter((m) => ids.aMembers.includes(m.id)), []);
    await notFound(reader.get(`/api/v1/members/${A_LIVE}`), 'member.not_found');
  },
  'DELETE /api/v1/api-tokens/{id}': async () => {
    await notFound(b.delete(`/api/v1/api-tokens/${ids.aToken}`), 'api_token.not_found');
  },
  'GET /api/v1/audit': async () => {
    const control = await ok(a.get(`/api/v1/audit?actorStaffId=${ids.aOwnerId}&limit=5`));
    assert.ok(control.items.length > 0, 'control: A sees its owner in its log');
    for (const client of both()) {
      const entries = await allPages<{ id: number }>(client, '/api/v1/audit');
      assert.ok(entries.length > 0);
      assert.deepEqual(entries.filter((e) => ids.aAudit.includes(e.id)), [], "B's log has none of A's entries");
      assert.deepEqual((await ok(client.get(`/api/v1/audit?actorStaffId=${ids.aOwnerId}`))).items, []);
      assert.deepEqual((await ok(client.get(`/api/v1/audit?entity=member&entityId=${A_LIVE}`))).items, []);
      assert.deepEqual((await ok(client.get(`/api/v1/audit?entity=tag&entityId=${ids.aTag}`))).items, []);
    }
  },
};

/** The core table and every feature module's (route-cases/). */
const cases: Record<string, () => Promise<void>> = Object.assign({}, coreCases, ...extraModules.map((m) => m.cases));

test('there is an isolation case for every /api/v1 route the server documents', async () => {
  assertCoversRoutes(await documentedRoutes(server.url), Object.keys(cases), 'isolation');
});

for (const [route, run] of Object.entries(cases)) {
  test(`B cannot reach A's data: ${route}`, run);
}

test("A's data is unchanged after everything B tried", async () => {
  assert.deepEqual(await snapshotA(), snapshotBefore);
  // A's credentials still work.
  assert.equal((await Client.withToken(server.url, ids.aTokenSecret).get(`/api/v1/members/${A_LIVE}`)).status, 200);
  assert.equal((await login(server.url, A.key, ids.aSalesUsername, PASSWORD).then((c) => c.get('/api/v1/auth/me'))).status, 200);
});

test("no response B received carries A's names, key or identities", () => {
  assert.ok(seenByB.length > 50, `B made ${seenByB.length} requests`);
  for (const res of seenByB) {
    const text = JSON.stringify(res.body);
    assert.ok(res.status < 500, `a 5xx for B: ${text}`);
    for (const secret of [A_FRAGMENT, A.key, ids.aOwnerUsername, 'A 的服务记录', 'A 广告号', 'A专属标签']) {
      assert.ok(!text.includes(secret), `B saw "${secret}" in ${text}`);
    }
  }
});
