// Signing in and out, sessions, throttling, API tokens, staff and teams, the audit log, and the plumbing every
// response shares (health, OpenAPI document, 404s, request ids) — all over HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allPages, assertError, assertErrorShape, ok } from './api-checks.js';
import { Client, createWorkspace, login, PASSWORD, startServer, TEST_DB, type Response, type TestServer, type TestWorkspace } from './harness.js';

let server: TestServer;
let addressCounter = 0;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

/**
 * A raw sign-in. Each call comes from its own client address (the server trusts X-Forwarded-For), so the
 * per-address throttle of one test does not leak into the next; the per-account throttle is what these tests probe.
 */
async function signIn(workspace: string, username: string, password: string, address = `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ workspace, username, password }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function staffAccount(ws: TestWorkspace, by: Client, role: string, username: string, password = PASSWORD) {
  return ok(by.post('/api/v1/staff', { username, displayName: `${role} ${username}`, password, role }), 201);
}

test('signing in sets an HttpOnly, SameSite session cookie and returns the session', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  await staffAccount(ws, admin, 'sales', 'xiaowang');
  const res = await signIn(ws.key, 'xiaowang', PASSWORD);
  assert.equal(res.status, 200);
  const cookies = res.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith('qy_session='));
  assert.ok(session, `a qy_session cookie: ${cookies}`);
  assert.match(session, /;\s*HttpOnly/i);
  assert.match(session, /;\s*SameSite=(Lax|Strict)/i);
  assert.match(session, /;\s*Path=\//i);
  assert.equal(res.body.staff.username, 'xiaowang');
  assert.equal(res.body.staff.role, 'sales');
  assert.ok(res.body.staff.permissions.includes('records.write'));
  assert.ok(!res.body.staff.permissions.includes('members.write'));
  assert.equal(res.body.workspace.key, ws.key);
  assert.ok(typeof res.body.csrfToken === 'string' && res.body.csrfToken.length >= 16);
  const text = JSON.stringify(res.body);
  assert.ok(!text.includes('scrypt') && !text.includes('password'), 'no password material in the session');
  const me = await ok(new Client(server.url, session.split(';')[0], res.body.csrfToken).get('/api/v1/auth/me'));
  assert.deepEqual(me, res.body);
});

test('a wrong password, an unknown user or an unknown workspace → 401 with the same code', async () => {
  const ws = await createWorkspace(server);
  await staffAccount(ws, await ws.as('admin'), 'viewer', 'laoli');
  for (const [workspace, username, password] of [[ws.key, 'laoli', 'wrong-password'], [ws.key, 'nobody', PASSWORD], ['no-such-workspace', 'laoli', PASSWORD]]) {
    const res = await signIn(workspace!, username!, password!);
    assertError(res as Response, 401, 'auth.invalid_credentials');
    assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith('qy_session=') && !/qy_session=;/.test(c)), 'no session cookie');
  }
});

test('after 5 failed sign-ins the 6th is refused with 429, even with the right password', async () => {
  const ws = await createWorkspace(server);
  await staffAccount(ws, await ws.as('admin'), 'operator', 'target');
  await staffAccount(ws, await ws.as('admin'), 'operator', 'bystander');
  for (let i = 0; i < 5; i++) assertError(await signIn(ws.key, 'target', `wrong-${i}`) as Response, 401, 'auth.invalid_credentials');
  assertError(await signIn(ws.key, 'target', PASSWORD) as Response, 429, 'auth.rate_limited');
  assertError(await signIn(ws.key, 'target', PASSWORD) as Response, 429, 'auth.rate_limited');
  // The throttle is per account: another account in the same workspace still signs in.
  assert.equal((await signIn(ws.key, 'bystander', PASSWORD)).status, 200);
});

test('a success before the limit forgives earlier failures', async () => {
  const ws = await createWorkspace(server);
  await staffAccount(ws, await ws.as('admin'), 'operator', 'forgetful');
  for (let i = 0; i < 4; i++) assert.equal((await signIn(ws.key, 'forgetful', 'nope-nope')).status, 401);
  assert.equal((await signIn(ws.key, 'forgetful', PASSWORD)).status, 200);
  for (let i = 0; i < 4; i++) assert.equal((await signIn(ws.key, 'forgetful', 'nope-nope')).status, 401);
  assert.equal((await signIn(ws.key, 'forgetful', PASSWORD)).status, 200);
});

test('one address trying many accounts is throttled too', async () => {
  const ws = await createWorkspace(server);
  const address = '192.0.2.77';
  for (let i = 0; i < 30; i++) assert.equal((await signIn(ws.key, `guess${i}`, 'password1', address)).status, 401);
  assertError(await signIn(ws.key, 'guess-next', 'password1', address) as Response, 429, 'auth.rate_limited');
});

test('logout ends the session', async () => {
  const ws = await createWorkspace(server);
  const c = await ws.as('operator');
  const other = await ws.as('viewer');
  const res = await c.post('/api/v1/auth/logout');
  assert.equal(res.status, 204);
  assert.ok(res.headers.getSetCookie().some((x) => x.startsWith('qy_session=;') || /qy_session=.*Expires=Thu, 01 Jan 1970/i.test(x)), 'the cookie is cleared');
  assertError(await c.get('/api/v1/auth/me'), 401, 'auth.required');
  assertError(await c.get('/api/v1/members'), 401, 'auth.required');
  assert.equal((await other.get('/api/v1/auth/me')).status, 200, "other people's sessions go on");
});

test('a disabled account cannot sign in and its sessions end; enabling it again lets it back', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  const staff = await staffAccount(ws, admin, 'sales', 'leaving');
  const session = await login(server.url, ws.key, 'leaving', PASSWORD);
  assert.equal((await session.get('/api/v1/members')).status, 200);
  const disabled = await ok(admin.patch(`/api/v1/staff/${staff.id}`, { disabled: true }));
  assert.equal(disabled.disabled, true);
  assertError(await session.get('/api/v1/members'), 401, 'auth.required');
  assertError(await signIn(ws.key, 'leaving', PASSWORD) as Response, 401, 'auth.invalid_credentials');
  await ok(admin.patch(`/api/v1/staff/${staff.id}`, { disabled: false }));
  assert.equal((await signIn(ws.key, 'leaving', PASSWORD)).status, 200);
});

test('a password change ends the sessions; only the new password works', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  const staff = await staffAccount(ws, admin, 'operator', 'changer');
  const first = await login(server.url, ws.key, 'changer', PASSWORD);
  const second = await login(server.url, ws.key, 'changer', PASSWORD);
  await ok(admin.patch(`/api/v1/staff/${staff.id}`, { password: 'a-brand-new-password' }));
  assertError(await first.get('/api/v1/auth/me'), 401, 'auth.required');
  assertError(await second.get('/api/v1/auth/me'), 401, 'auth.required');
  assert.equal((await signIn(ws.key, 'changer', PASSWORD)).status, 401);
  assert.equal((await signIn(ws.key, 'changer', 'a-brand-new-password')).status, 200);
  assert.equal((await admin.get('/api/v1/auth/me')).status, 200, "the admin's own session goes on");
  const entry = (await ok(admin.get(`/api/v1/audit?entity=staff&entityId=${staff.id}`))).items[0];
  assert.ok(!JSON.stringify(entry).includes('a-brand-new-password'), 'the audit log never holds a password');
});

test('API tokens: the secret is shown once, scopes are enforced, revocation is immediate', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  const me = (await ok(admin.get('/api/v1/auth/me'))).staff;
  const created = await ok(admin.post('/api/v1/api-tokens', { name: '小程序同步', scopes: ['members.read', 'members.write', 'members.read'] }), 201);
  assert.match(created.token, /^qy_[A-Za-z0-9_-]{20,}$/);
  assert.ok(created.token.startsWith(created.prefix) && created.prefix.length < created.token.length);
  assert.deepEqual(created.scopes, ['members.read', 'members.write']);
  assert.deepEqual(created.createdBy, { id: me.id, displayName: me.displayName });
  assert.equal(created.revokedAt, null);

  const listed = await ok(admin.get('/api/v1/api-tokens'));
  const item = listed.items.find((t: { id: number }) => t.id === created.id);
  assert.ok(item);
  assert.equal(item.token, undefined);
  assert.ok(!JSON.stringify(listed).includes(created.token), 'the list never shows the secret');
  assert.ok(!JSON.stringify(await allPages(admin, '/api/v1/audit')).includes(created.token), 'nor does the audit log');

  const token = Client.withToken(server.url, created.token);
  const member = await ok(token.post('/api/v1/members', { nickname: '接口创建' }), 201);
  assert.equal((await token.get(`/api/v1/members/${member.memberNo}`)).status, 200);
  assertError(await token.post(`/api/v1/members/${member.memberNo}/block`, { reason: 'x' }), 403, 'auth.forbidden');
  assertError(await token.post(`/api/v1/members/${member.memberNo}/records`, { kind: 'note', content: 'x' }), 403, 'auth.forbidden');
  assertError(await token.get('/api/v1/audit'), 403, 'auth.forbidden');
  assertError(await token.get('/api/v1/staff'), 403, 'auth.forbidden');
  assertError(await token.get('/api/v1/api-tokens'), 403, 'auth.forbidden');
  const used = (await ok(admin.get('/api/v1/api-tokens'))).items.find((t: { id: number }) => t.id === created.id);
  assert.ok(used.lastUsedAt, 'use is recorded');
  const entry = (await ok(admin.get(`/api/v1/audit?entity=member&entityId=${member.memberNo}`))).items[0];
  assert.deepEqual(entry.actor, { kind: 'token', id: created.id, name: '小程序同步' });

  assert.equal((await admin.delete(`/api/v1/api-tokens/${created.id}`)).status, 204);
  assertError(await token.get('/api/v1/members'), 401, 'auth.invalid_token');
  assertError(await admin.delete(`/api/v1/api-tokens/${created.id}`), 409, 'api_token.already_revoked');
  assert.ok((await ok(admin.get('/api/v1/api-tokens'))).items.find((t: { id: number }) => t.id === created.id).revokedAt);
});

test('staff rules: owners are protected, the last owner stays, usernames are unique', async () => {
  const ws = await createWorkspace(server);
  const owner = await ws.as('owner');
  const ownerId = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
  const admin = await ws.as('admin');

  assertError(await admin.post('/api/v1/staff', { username: 'new-owner', displayName: 'x', password: PASSWORD, role: 'owner' }), 403);
  const promoted = await staffAccount(ws, admin, 'viewer', 'climber');
  assertError(await admin.patch(`/api/v1/staff/${promoted.id}`, { role: 'owner' }), 403);
  assertError(await admin.patch(`/api/v1/staff/${ownerId}`, { displayName: 'renamed by admin' }), 403);
  assertError(await admin.patch(`/api/v1/staff/${ownerId}`, { disabled: true }), 403);

  assertError(await owner.patch(`/api/v1/staff/${ownerId}`, { role: 'admin' }), 409, 'staff.last_owner');
  assertError(await owner.patch(`/api/v1/staff/${ownerId}`, { disabled: true }), 409, 'staff.last_owner');
  assert.equal((await ok(owner.get('/api/v1/auth/me'))).staff.role, 'owner');

  // With a second owner, the first may step down.
  const second = await ok(owner.post('/api/v1/staff', { username: 'second-owner', displayName: '二号老板', password: PASSWORD, role: 'owner' }), 201);
  await ok(owner.patch(`/api/v1/staff/${ownerId}`, { role: 'admin' }));
  const secondOwner = await login(server.url, ws.key, 'second-owner', PASSWORD);
  assertError(await secondOwner.patch(`/api/v1/staff/${second.id}`, { role: 'viewer' }), 409, 'staff.last_owner');

  assertError(await admin.post('/api/v1/staff', { username: 'climber', displayName: 'again', password: PASSWORD, role: 'viewer' }), 409, 'staff.username_taken', 'username');
  const staff = (await ok(admin.get('/api/v1/staff'))).items;
  assert.equal(staff.filter((s: { username: string }) => s.username === 'climber').length, 1);
  assert.ok(staff.every((s: Record<string, unknown>) => !('password' in s) && !('passwordHash' in s)));
});

test('teams: create, list with member counts, rename, assign, delete', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  const lead = await staffAccount(ws, admin, 'sales', 'teamlead');
  const team = await ok(admin.post('/api/v1/teams', { name: '一组', leadStaffId: lead.id }), 201);
  assert.equal(team.name, '一组');
  assert.equal(team.leadStaffId, lead.id);
  assert.equal(team.memberCount, 0);
  assertError(await admin.post('/api/v1/teams', { name: '一组' }), 409, 'team.name_taken', 'name');

  await ok(admin.patch(`/api/v1/staff/${lead.id}`, { teamId: team.id }));
  const member = await ok(admin.post('/api/v1/staff', { username: 'teammate', displayName: '组员', password: PASSWORD, role: 'sales', teamId: team.id }), 201);
  assert.equal(member.teamId, team.id);
  let teams = (await ok(admin.get('/api/v1/teams'))).items;
  assert.deepEqual(teams.map((t: { name: string; memberCount: number }) => [t.name, t.memberCount]), [['一组', 2]]);

  const renamed = await ok(admin.patch(`/api/v1/teams/${team.id}`, { name: '精英组', leadStaffId: null }));
  assert.equal(renamed.name, '精英组');
  assert.equal(renamed.leadStaffId, null);
  const other = await ok(admin.post('/api/v1/teams', { name: '二组' }), 201);
  assertError(await admin.patch(`/api/v1/teams/${other.id}`, { name: '精英组' }), 409, 'team.name_taken');

  const viewer = await ws.as('viewer');
  assert.equal((await ok(viewer.get('/api/v1/teams'))).items.length, 2, 'any staff may read teams');

  assert.equal((await admin.delete(`/api/v1/teams/${team.id}`)).status, 204);
  teams = (await ok(admin.get('/api/v1/teams'))).items;
  assert.deepEqual(teams.map((t: { name: string }) => t.name), ['二组']);
  const staff = (await ok(admin.get('/api/v1/staff'))).items;
  assert.equal(staff.find((s: { id: number }) => s.id === member.id).teamId, null, 'its staff stay, without a team');
  assertError(await admin.delete(`/api/v1/teams/${team.id}`), 404, 'team.not_found');
});

test('the audit log records staff writes with actor, before, after and request id', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  const me = (await ok(admin.get('/api/v1/auth/me'))).staff;
  const createRes = await admin.post('/api/v1/staff', { username: 'audited', displayName: '审计对象', password: PASSWORD, role: 'viewer' });
  assert.equal(createRes.status, 201);
  const updateRes = await admin.patch(`/api/v1/staff/${createRes.body.id}`, { role: 'sales', displayName: '审计对象2' });
  assert.equal(updateRes.status, 200);

  const entries = (await ok(admin.get(`/api/v1/audit?entity=staff&entityId=${createRes.body.id}`))).items;
  assert.deepEqual(entries.map((e: { action: string }) => e.action), ['staff.update', 'staff.create'], 'newest first');
  const [update, create] = entries;
  for (const entry of entries) {
    assert.deepEqual(entry.actor, { kind: 'staff', id: me.id, name: me.displayName });
    assert.equal(entry.entity, 'staff');
    assert.equal(entry.entityId, String(createRes.body.id));
    assert.ok(!Number.isNaN(Date.parse(entry.at)));
  }
  assert.equal(create.before, null);
  assert.equal(create.after.username, 'audited');
  assert.equal(create.after.role, 'viewer');
  assert.equal(create.requestId, createRes.headers.get('x-request-id'));
  assert.equal(update.before.role, 'viewer');
  assert.equal(update.before.displayName, '审计对象');
  assert.equal(update.after.role, 'sales');
  assert.equal(update.after.displayName, '审计对象2');
  assert.equal(update.requestId, updateRes.headers.get('x-request-id'));

  const byActor = await allPages<{ id: number; actor: { id: number } }>(admin, `/api/v1/audit?actorStaffId=${me.id}`, 1);
  assert.ok(byActor.length >= 2 && byActor.every((e) => e.actor.id === me.id));
  // Refused and read-only requests leave no entries.
  const count = (await allPages(admin, '/api/v1/audit')).length;
  await admin.get('/api/v1/staff');
  await admin.post('/api/v1/staff', { username: 'audited', displayName: 'dup', password: PASSWORD, role: 'viewer' });
  assert.equal((await allPages(admin, '/api/v1/audit')).length, count);
});

test('GET /api/health reports the database', async () => {
  const res = await Client.anonymous(server.url).get('/api/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok', database: TEST_DB });
});

test('/api/docs/json is an OpenAPI 3 document listing /api/v1/members', async () => {
  const res = await Client.anonymous(server.url).get('/api/docs/json');
  assert.equal(res.status, 200);
  assert.match(String(res.body.openapi), /^3\./);
  assert.ok(res.body.info?.title);
  const members = res.body.paths['/api/v1/members'];
  assert.ok(members?.get && members?.post, 'GET and POST /api/v1/members are documented');
  assert.ok(res.body.paths['/api/v1/members/{memberNo}']?.get);
});

test('unknown routes → 404 in the error envelope', async () => {
  const anon = Client.anonymous(server.url);
  for (const [method, path] of [['GET', '/api/v1/nothing-here'], ['POST', '/api/v1/members/10001/teleport'], ['GET', '/api/nothing'], ['DELETE', '/api/v1/members']]) {
    const res = await anon.send(method!, path!);
    assertError(res, 404, 'route.not_found');
  }
  const signedIn = await (await createWorkspace(server)).as('viewer');
  assertError(await signedIn.get('/api/v1/nothing-here'), 404, 'route.not_found');
});

test('every response carries x-request-id, and a sane one given by the caller is kept', async () => {
  const ws = await createWorkspace(server);
  const c = await ws.as('admin');
  const anon = Client.anonymous(server.url);
  const responses: Response[] = [
    await anon.get('/api/health'), await anon.get('/api/docs/json'), await anon.get('/api/v1/members'), await anon.get('/api/v1/none'),
    await c.get('/api/v1/members'), await c.post('/api/v1/members', { nickname: '有编号' }), await c.post('/api/v1/members', {}),
    await c.get('/api/v1/members/99999'), await c.send('POST', '/api/v1/members', undefined, '{bad'), await c.post('/api/v1/auth/logout'),
  ];
  const ids = responses.map((r) => r.headers.get('x-request-id'));
  for (const [i, id] of ids.entries()) assert.ok(id && id.length >= 8, `response ${i} (${responses[i]!.status}) has x-request-id`);
  assert.equal(new Set(ids).size, ids.length, 'each request its own id');
  for (const r of responses) if (r.status >= 400) assertErrorShape(r);

  const given = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'trace-abc.123' } });
  assert.equal(given.headers.get('x-request-id'), 'trace-abc.123');
  const unsafe = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'evil value\twith spaces' } });
  assert.notEqual(unsafe.headers.get('x-request-id'), 'evil value\twith spaces');
  assert.ok(unsafe.headers.get('x-request-id'));
});
