// Work planning through HTTP on a real database: items ordered planning → routine → transactional, who may assign,
// edit and delete work, done_at following the status, weeks and "overdue" in the workspace time zone, counts per
// category, and the one key focus per team and week (Mondays only, set by the team's lead or an admin).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { Client, createWorkspace, login, PASSWORD, startServer, type TestServer, type TestWorkspace } from './harness.js';
import type { Role } from '../src/auth/permissions.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
/** Team 一组: lead (operator) and two operators; team 二组: one operator; a viewer; an admin without a team. */
const t = { one: 0, two: 0 };
const s = {} as Record<'lead' | 'm1' | 'm2' | 'other' | 'admin' | 'viewer', { id: number; client: Client }>;

const put = (client: Client, p: string, body: unknown) => client.send('PUT', p, body);
const items = async (client: Client, query = '') => (await ok(client.get(`/api/v1/work-items${query}`))).items as Array<Record<string, any>>;
const titles = async (client: Client, query = '') => (await items(client, query)).map((i) => i.title);

async function staffIn(ws: TestWorkspace, role: Role, teamId: number | null) {
  const username = `${role}${randomBytes(3).toString('hex')}`;
  const created = await server.services.staff.create(ws.ctx, { username, displayName: `${role}-${username}`, password: PASSWORD, role, teamId });
  return { id: created.id, client: await login(server.url, ws.key, username, PASSWORD) };
}

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  t.one = (await ok(owner.post('/api/v1/teams', { name: '运营一组' }), 201)).id;
  t.two = (await ok(owner.post('/api/v1/teams', { name: '运营二组' }), 201)).id;
  s.lead = await staffIn(W, 'operator', t.one);
  s.m1 = await staffIn(W, 'operator', t.one);
  s.m2 = await staffIn(W, 'sales', t.one);
  s.other = await staffIn(W, 'operator', t.two);
  s.admin = await staffIn(W, 'admin', null);
  s.viewer = await staffIn(W, 'viewer', t.one);
  await ok(owner.patch(`/api/v1/teams/${t.one}`, { leadStaffId: s.lead.id }));
});

after(async () => {
  server.services.clock.set(null);
  await server?.close();
});

test('items are listed planning → routine → transactional, then by due date (undated last), then newest', async () => {
  const me = s.m2.client;
  server.services.clock.set('2026-03-04T04:00:00Z');
  for (const [title, category, dueOn] of [
    ['事务-无期', 'transactional', null], ['事务-周三', 'transactional', '2026-03-04'], ['日常-周五', 'routine', '2026-03-06'],
    ['日常-周二', 'routine', '2026-03-03'], ['规划-无期', 'planning', null], ['规划-周日', 'planning', '2026-03-08'],
    ['规划-无期-新', 'planning', null],
  ] as const) {
    await ok(me.post('/api/v1/work-items', { title, category, ...(dueOn ? { dueOn } : {}) }), 201);
    server.services.clock.set(new Date(server.services.clock.now().getTime() + 60_000));
  }
  assert.deepEqual(await titles(me), ['规划-周日', '规划-无期-新', '规划-无期', '日常-周二', '日常-周五', '事务-周三', '事务-无期']);
  assert.deepEqual(await titles(me, '?sort=due'), ['日常-周二', '事务-周三', '日常-周五', '规划-周日', '规划-无期-新', '规划-无期', '事务-无期']);
  assert.deepEqual(await titles(me, '?category=routine,transactional&sort=due'), ['日常-周二', '事务-周三', '日常-周五', '事务-无期']);
  assert.deepEqual(await titles(me, '?dueAfter=2026-03-03&dueBefore=2026-03-08'), ['日常-周五', '事务-周三']);
  // Pages follow the same order without repeats.
  const first = await ok(me.get('/api/v1/work-items?limit=4'));
  assert.equal(first.items.length, 4);
  const second = await ok(me.get(`/api/v1/work-items?limit=4&cursor=${first.nextCursor}`));
  assert.deepEqual([...first.items, ...second.items].map((i: { title: string }) => i.title), await titles(me));
  assert.equal(second.nextCursor, null);
  // Someone else's default list is their own.
  assert.deepEqual(await titles(s.other.client), []);
  assert.equal((await items(s.other.client, `?owner=${s.m2.id}`)).length, 7);
  server.services.clock.set(null);
});

test('assignment: to yourself always; a lead within the team; an operator not to others; admins to anyone', async () => {
  const body = (ownerStaffId: number) => ({ title: '分派测试', category: 'routine', ownerStaffId });
  const mine = await ok(s.m1.client.post('/api/v1/work-items', { title: '自己的', category: 'routine' }), 201);
  assert.equal(mine.owner.id, s.m1.id, 'the owner defaults to the caller');
  assert.equal(mine.createdBy.id, s.m1.id);
  assertError(await s.m1.client.post('/api/v1/work-items', body(s.other.id)), 403, 'work_item.assign_forbidden', 'ownerStaffId');
  assertError(await s.m1.client.post('/api/v1/work-items', body(s.m2.id)), 403, 'work_item.assign_forbidden', 'ownerStaffId');
  const byLead = await ok(s.lead.client.post('/api/v1/work-items', body(s.m1.id)), 201);
  assert.equal(byLead.owner.id, s.m1.id);
  assertError(await s.lead.client.post('/api/v1/work-items', body(s.other.id)), 403, 'work_item.assign_forbidden', 'ownerStaffId');
  assert.equal((await ok(s.admin.client.post('/api/v1/work-items', body(s.other.id)), 201)).owner.id, s.other.id);
  assertError(await s.viewer.client.post('/api/v1/work-items', { title: '只读', category: 'routine' }), 403, 'auth.forbidden');

  // Reassigning follows the same rule: the lead moves work within the team, not out of it.
  assertError(await s.lead.client.patch(`/api/v1/work-items/${byLead.id}`, { ownerStaffId: s.other.id }), 403, 'work_item.assign_forbidden', 'ownerStaffId');
  assert.equal((await ok(s.lead.client.patch(`/api/v1/work-items/${byLead.id}`, { ownerStaffId: s.m2.id }))).owner.id, s.m2.id);

  // A disabled account takes no new work.
  const gone = await staffIn(W, 'operator', t.one);
  await ok(owner.patch(`/api/v1/staff/${gone.id}`, { disabled: true }));
  assertError(await s.lead.client.post('/api/v1/work-items', body(gone.id)), 400, 'work_item.owner_disabled', 'ownerStaffId');
});

test('edit and status by owner, creator, lead or admin; delete by the creator or an admin', async () => {
  const item = await ok(s.lead.client.post('/api/v1/work-items', { title: '组长派的', category: 'planning', ownerStaffId: s.m1.id }), 201);
  const url = `/api/v1/work-items/${item.id}`;
  const asOwner = await ok(s.m1.client.get(url));
  assert.deepEqual([asOwner.mayEdit, asOwner.mayDelete], [true, false]);
  assert.equal((await ok(s.m1.client.patch(url, { status: 'doing', title: '组长派的（改）' }))).status, 'doing');
  assertError(await s.other.client.patch(url, { status: 'done' }), 403, 'work_item.forbidden');
  assertError(await s.m2.client.patch(url, { status: 'done' }), 403, 'work_item.forbidden');
  assert.deepEqual([(await ok(s.other.client.get(url))).mayEdit, (await ok(s.other.client.get(url))).mayDelete], [false, false]);
  assertError(await s.m1.client.delete(url), 403, 'work_item.forbidden');
  assertError(await s.other.client.delete(url), 403, 'work_item.forbidden');
  assert.equal((await ok(s.admin.client.patch(url, { dueOn: '2026-04-01' }))).dueOn, '2026-04-01');
  assert.equal((await s.lead.client.delete(url)).status, 204);
  assertError(await s.lead.client.get(url), 404, 'work_item.not_found');

  const another = await ok(s.m1.client.post('/api/v1/work-items', { title: '自己建的', category: 'routine' }), 201);
  assert.equal((await ok(s.lead.client.patch(`/api/v1/work-items/${another.id}`, { status: 'done' }))).status, 'done', "the owner's lead may change it");
  assertError(await s.lead.client.delete(`/api/v1/work-items/${another.id}`), 403, 'work_item.forbidden');
  assert.equal((await s.admin.client.delete(`/api/v1/work-items/${another.id}`)).status, 204);
  assert.ok((await ok(owner.get('/api/v1/audit?limit=200'))).items.some((e: { action: string; entityId: string }) => e.action === 'work_item.delete' && e.entityId === String(another.id)));
});

test('done_at is set when an item becomes done, kept while it stays done, cleared when it leaves done', async () => {
  const clock = server.services.clock;
  clock.set('2026-05-11T02:00:00Z');
  const item = await ok(s.m1.client.post('/api/v1/work-items', { title: '状态', category: 'routine' }), 201);
  const url = `/api/v1/work-items/${item.id}`;
  assert.equal(item.doneAt, null);
  clock.set('2026-05-11T03:00:00Z');
  assert.equal((await ok(s.m1.client.patch(url, { status: 'done' }))).doneAt, '2026-05-11T03:00:00.000Z');
  clock.set('2026-05-11T04:00:00Z');
  assert.equal((await ok(s.m1.client.patch(url, { status: 'done', title: '状态（改）' }))).doneAt, '2026-05-11T03:00:00.000Z');
  assert.equal((await ok(s.m1.client.patch(url, { title: '只改标题' }))).doneAt, '2026-05-11T03:00:00.000Z');
  assert.equal((await ok(s.m1.client.patch(url, { status: 'doing' }))).doneAt, null);
  assert.equal((await ok(s.m1.client.patch(url, { status: 'done' }))).doneAt, '2026-05-11T04:00:00.000Z');
  assert.equal((await ok(s.m1.client.patch(url, { status: 'dropped' }))).doneAt, null);
  assert.equal((await ok(s.m1.client.patch(url, { status: 'todo' }))).doneAt, null);
  const doneAtOnce = await ok(s.m1.client.post('/api/v1/work-items', { title: '补记', category: 'transactional', status: 'done' }), 201);
  assert.equal(doneAtOnce.doneAt, '2026-05-11T04:00:00.000Z');
  clock.set(null);
});

test('weeks and overdue follow the workspace time zone, not UTC', async () => {
  const clock = server.services.clock;
  const la = await server.services.workspaces.create({ key: `la${randomBytes(3).toString('hex')}`, name: 'LA', timezone: 'America/Los_Angeles' });
  const laWs: TestWorkspace = { ...W, id: la.id, key: la.key, ctx: { ...W.ctx, workspaceId: la.id } };
  const laTeam = await server.services.staff.createTeam(laWs.ctx, { name: '西岸组' });
  const laLead = await staffIn(laWs, 'operator', laTeam.id);
  await server.services.staff.updateTeam(laWs.ctx, laTeam.id, { leadStaffId: laLead.id });
  const c = laLead.client;
  await ok(put(c, `/api/v1/teams/${laTeam.id}/focus/2026-02-23`, { title: '上周重点' }));
  await ok(put(c, `/api/v1/teams/${laTeam.id}/focus/2026-03-02`, { title: '本周重点' }));

  // Monday 2026-03-02 07:30 UTC is still Sunday 23:30 in Los Angeles: the week of 2026-02-23.
  clock.set('2026-03-02T07:30:00Z');
  const sunday = await ok(c.get('/api/v1/weekly-focus/mine'));
  assert.deepEqual(sunday.week, { start: '2026-02-23', end: '2026-03-01' });
  assert.equal(sunday.focus.title, '上周重点');
  const undatedDoneSunday = await ok(c.post('/api/v1/work-items', { title: '周日做完', category: 'routine', status: 'done' }), 201);
  const dueSunday = await ok(c.post('/api/v1/work-items', { title: '周日到期', category: 'routine', dueOn: '2026-03-01' }), 201);
  assert.equal(dueSunday.overdue, false, 'due today (local) is not overdue');
  await ok(c.post('/api/v1/work-items', { title: '下周一到期', category: 'planning', dueOn: '2026-03-02' }), 201);
  await ok(c.post('/api/v1/work-items', { title: '下周日到期', category: 'planning', dueOn: '2026-03-08' }), 201);
  await ok(c.post('/api/v1/work-items', { title: '无期待办', category: 'transactional' }), 201);
  assert.equal((await ok(c.get('/api/v1/weekly-focus'))).items[0].title, '上周重点', 'no week: this week');

  // Thirty-one minutes later it is Monday 00:01 there.
  clock.set('2026-03-02T08:01:00Z');
  const monday = await ok(c.get('/api/v1/weekly-focus/mine'));
  assert.deepEqual(monday.week, { start: '2026-03-02', end: '2026-03-08' });
  assert.equal(monday.focus.title, '本周重点');
  assert.equal((await ok(c.get(`/api/v1/work-items/${dueSunday.id}`))).overdue, true);
  const undatedDoneMonday = await ok(c.post('/api/v1/work-items', { title: '周一做完', category: 'routine', status: 'done' }), 201);
  assert.ok(undatedDoneSunday.doneAt < undatedDoneMonday.doneAt);

  const week = async (day: string, extra = '') => {
    const res = await ok(c.get(`/api/v1/work-items?week=${day}${extra}`));
    return { week: res.week, titles: res.items.map((i: { title: string }) => i.title) };
  };
  assert.deepEqual(await week('2026-03-04'), { week: { start: '2026-03-02', end: '2026-03-08' }, titles: ['下周一到期', '下周日到期', '周一做完', '无期待办'] });
  assert.deepEqual((await week('2026-03-02', '&carryOver=true')).titles, ['下周一到期', '下周日到期', '周日到期', '周一做完', '无期待办'], 'open work due earlier is carried over');
  assert.deepEqual((await week('2026-02-23')).titles, ['周日到期', '周日做完', '无期待办']);
  assert.deepEqual(await titles(c, '?overdue=true'), ['周日到期']);
  assert.deepEqual(await titles(c, '?overdue=false&category=routine'), ['周一做完', '周日做完']);

  const counts = await ok(c.get('/api/v1/work-items/counts'));
  assert.deepEqual(counts.week, { start: '2026-03-02', end: '2026-03-08' });
  assert.deepEqual(counts.categories.map((x: { category: string; total: number; done: number; overdue: number }) => [x.category, x.total, x.done, x.overdue]),
    [['planning', 2, 0, 0], ['routine', 1, 1, 0], ['transactional', 1, 0, 0]]);
  assert.deepEqual(counts.categories[1].completion, { numerator: 1, denominator: 1, value: 1 });
  const lastWeek = await ok(c.get('/api/v1/work-items/counts?week=2026-02-25'));
  assert.deepEqual(lastWeek.categories[1], { category: 'routine', total: 2, todo: 1, doing: 0, done: 1, dropped: 0, overdue: 1, completion: { numerator: 1, denominator: 2, value: 0.5 } });
  assert.equal(typeof lastWeek.definitions.completion, 'string');
  clock.set(null);
});

test('the key focus: one per team and week, on Mondays, set by the team lead or an admin', async () => {
  const url = (team: number, week = '2026-06-01') => `/api/v1/teams/${team}/focus/${week}`;
  const set = await ok(put(s.lead.client, url(t.one), { title: 'X4 招募：两组共 400 报名', description: '每人每天 20 条私聊' }));
  assert.deepEqual({ ...set, updatedAt: 'x' }, {
    teamId: t.one, teamName: '运营一组', weekStart: '2026-06-01', title: 'X4 招募：两组共 400 报名', description: '每人每天 20 条私聊',
    setBy: { id: s.lead.id, displayName: (await ok(s.lead.client.get('/api/v1/auth/me'))).staff.displayName }, updatedAt: 'x',
  });
  const replaced = await ok(put(s.admin.client, url(t.one), { title: 'X4 招募：400 报名' }));
  assert.equal(replaced.setBy.id, s.admin.id);
  assert.equal(replaced.description, '');
  await ok(put(s.admin.client, url(t.two), { title: '二组重点' }));
  const week = await ok(s.viewer.client.get('/api/v1/weekly-focus?week=2026-06-03'));
  assert.deepEqual(week.week, { start: '2026-06-01', end: '2026-06-07' });
  assert.deepEqual(week.items.map((f: { teamId: number; title: string }) => [f.teamId, f.title]), [[t.one, 'X4 招募：400 报名'], [t.two, '二组重点']]);
  // The database itself keeps one focus per team and week.
  const db = server.services.database.db;
  const at = new Date().toISOString();
  await assert.rejects(db.insertInto('weekly_focus').values({ workspace_id: W.id, team_id: t.one, week_start: '2026-06-01', title: '第二个', description: '', set_by: null, created_at: at, updated_at: at }).execute());

  assertError(await put(s.lead.client, url(t.one, '2026-06-02'), { title: '周二' }), 400, 'weekly_focus.not_monday', 'weekStart');
  assertError(await s.lead.client.delete(url(t.one, '2026-06-07')), 400, 'weekly_focus.not_monday', 'weekStart');
  assertError(await put(s.lead.client, url(t.two), { title: '别组' }), 403, 'weekly_focus.forbidden');
  assertError(await put(s.m1.client, url(t.one), { title: '组员' }), 403, 'weekly_focus.forbidden');
  assertError(await put(s.viewer.client, url(t.one), { title: '只读' }), 403, 'auth.forbidden');
  assertError(await put(s.lead.client, url(987654), { title: '无此组' }), 404, 'team.not_found');

  assert.equal((await s.lead.client.delete(url(t.one))).status, 204);
  assertError(await s.lead.client.delete(url(t.one)), 404, 'weekly_focus.not_found');
  assert.deepEqual((await ok(owner.get('/api/v1/weekly-focus?week=2026-06-01'))).items.map((f: { teamId: number }) => f.teamId), [t.two]);
});

test("'mine': the caller's team, else the team they lead; nothing for API tokens or staff without a team", async () => {
  const clock = server.services.clock;
  clock.set('2026-06-03T04:00:00Z');
  await ok(put(owner, `/api/v1/teams/${t.one}/focus/2026-06-01`, { title: '一组本周' }));
  const m1 = await ok(s.m1.client.get('/api/v1/weekly-focus/mine'));
  assert.deepEqual([m1.teamId, m1.focus.title], [t.one, '一组本周']);
  assert.deepEqual([(await ok(s.other.client.get('/api/v1/weekly-focus/mine'))).focus.title], ['二组重点']);
  const noTeam = await ok(s.admin.client.get('/api/v1/weekly-focus/mine'));
  assert.deepEqual([noTeam.teamId, noTeam.focus], [null, null]);
  // A lead outside the team they lead still sees that team's focus.
  const outsideLead = await staffIn(W, 'operator', null);
  await ok(owner.patch(`/api/v1/teams/${t.two}`, { leadStaffId: outsideLead.id }));
  assert.equal((await ok(outsideLead.client.get('/api/v1/weekly-focus/mine'))).focus.title, '二组重点');
  const token = await ok(owner.post('/api/v1/api-tokens', { name: 'ops', scopes: ['operations.read'] }), 201);
  const bot = Client.withToken(server.url, token.token);
  assert.deepEqual(await ok(bot.get('/api/v1/weekly-focus/mine')), { week: { start: '2026-06-01', end: '2026-06-07' }, teamId: null, focus: null });
  // A token has no "me": its list defaults to everyone's, and asking for "me" names the field.
  assert.ok((await items(bot, '?limit=200')).length > 5);
  assertError(await bot.get('/api/v1/work-items?owner=me'), 400, 'validation.failed', 'owner');
  assertError(await bot.post('/api/v1/work-items', { title: 'x', category: 'routine' }), 403, 'auth.forbidden');
  clock.set(null);
});

test("another workspace's staff, teams and items are unknown here (404 naming the field)", async () => {
  const other = await createWorkspace(server);
  const otherTeam = await server.services.staff.createTeam(other.ctx, { name: '外组' });
  const stranger = await staffIn(other, 'operator', otherTeam.id);
  const strangerItem = await ok(stranger.client.post('/api/v1/work-items', { title: '外人的', category: 'routine' }), 201);
  assertError(await s.admin.client.post('/api/v1/work-items', { title: '给外人', category: 'routine', ownerStaffId: stranger.id }), 404, 'staff.not_found', 'ownerStaffId');
  const mine = await ok(s.admin.client.post('/api/v1/work-items', { title: '给自己', category: 'routine' }), 201);
  assertError(await s.admin.client.patch(`/api/v1/work-items/${mine.id}`, { ownerStaffId: stranger.id }), 404, 'staff.not_found', 'ownerStaffId');
  assertError(await s.admin.client.get(`/api/v1/work-items?owner=${stranger.id}`), 404, 'staff.not_found', 'owner');
  assertError(await s.admin.client.get(`/api/v1/work-items?team=${otherTeam.id}`), 404, 'team.not_found', 'team');
  assertError(await s.admin.client.get(`/api/v1/work-items/${strangerItem.id}`), 404, 'work_item.not_found');
  assertError(await s.admin.client.patch(`/api/v1/work-items/${strangerItem.id}`, { status: 'done' }), 404, 'work_item.not_found');
  assertError(await s.admin.client.delete(`/api/v1/work-items/${strangerItem.id}`), 404, 'work_item.not_found');
  assertError(await put(s.admin.client, `/api/v1/teams/${otherTeam.id}/focus/2026-06-01`, { title: '外组' }), 404, 'team.not_found', 'id');
  assert.equal((await ok(stranger.client.get(`/api/v1/work-items/${strangerItem.id}`))).status, 'todo', 'control: its own workspace sees it');
});

test('a team filter lists the work of its members', async () => {
  const list = await items(s.lead.client, `?team=${t.one}&limit=200`);
  assert.ok(list.length > 0);
  assert.ok(list.every((i) => i.owner.teamId === t.one));
  assert.ok((await items(s.lead.client, `?team=${t.two}&limit=200`)).every((i) => i.owner.teamId === t.two));
});
