// Route cases of work planning: work items and the teams' weekly focus (see types.ts).
import assert from 'node:assert/strict';
import { assertError, ok } from '../api-checks.js';
import { login, PASSWORD, type Client } from '../harness.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

const put = (client: Client, p: string, body: unknown) => client.send('PUT', p, body);
/** A Monday far from "now", so the rows of this week's cases stay apart from it. */
const WEEK = '2026-01-05';
const long = (n: number) => 'x'.repeat(n);
/** Ids no row has, for bodies (built before the fixtures exist). */
const NO_ROW = 987_654_321;
/** Any well-formed team id: faults in a focus URL are found before the team is looked up. */
const ANY_TEAM = 1;

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  /** A's item and focus (this week and WEEK), A's staff member in A's team; B's item, team lead and focus. */
  const a = { item: 0, thisWeek: '', member: null as Client | null };
  const b = { item: 0 };
  const items = (client: Client, query: string) => ok(client.get(`/api/v1/work-items${query}`)).then((r) => r.items as Array<{ id: number; title: string }>);
  const focusOf = (client: Client, week: string) => ok(client.get(`/api/v1/weekly-focus?week=${week}`)).then((r) => r.items as Array<{ teamId: number; title: string }>);
  const aFocus = () => `/api/v1/teams/${env.aTeam}/focus/${WEEK}`;
  const both = () => [env.b, env.bt];

  return {
    async setup(e) {
      env = e;
      const { services } = env.server;
      a.thisWeek = (await services.workPlan.weekFocus(env.A.ctx)).week.start;
      a.item = (await ok(env.a.post('/api/v1/work-items', { title: `${env.fragment}规划`, category: 'planning', dueOn: '2026-01-07', description: `${env.fragment}说明` }), 201)).id;
      await ok(put(env.a, aFocus(), { title: `${env.fragment}重点`, description: `${env.fragment}说明` }));
      await ok(put(env.a, `/api/v1/teams/${env.aTeam}/focus/${a.thisWeek}`, { title: `${env.fragment}本周重点` }));
      await services.staff.create(env.A.ctx, { username: 'wp-member', displayName: 'A 组员', password: PASSWORD, role: 'operator', teamId: env.aTeam });
      a.member = await login(env.server.url, env.A.key, 'wp-member', PASSWORD);
      // B: its admin leads B's team, which has its own focus this week and in WEEK, and B has an item of its own.
      const bAdmin = (await ok(env.b.get('/api/v1/auth/me'))).staff.id;
      await ok(env.b.patch(`/api/v1/teams/${env.bTeam}`, { leadStaffId: bAdmin }));
      await ok(put(env.b, `/api/v1/teams/${env.bTeam}/focus/${a.thisWeek}`, { title: 'B 本周重点' }));
      await ok(put(env.b, `/api/v1/teams/${env.bTeam}/focus/${WEEK}`, { title: 'B 重点' }));
      b.item = (await ok(env.b.post('/api/v1/work-items', { title: 'B 的事务', category: 'transactional', dueOn: '2030-01-01' }), 201)).id;
    },
    cases: {
      'GET /api/v1/work-items': async () => {
        assert.deepEqual((await items(env.a, '?owner=all')).map((i) => i.id), [a.item], 'control: A sees its item');
        for (const client of both()) {
          assert.ok(!(await items(client, '?owner=all&limit=200')).some((i) => i.id === a.item));
          assert.ok(!(await items(client, `?week=${WEEK}&owner=all`)).some((i) => i.id === a.item));
          assertError(await client.get(`/api/v1/work-items?owner=${env.aOwnerId}`), 404, 'staff.not_found', 'owner');
          assertError(await client.get(`/api/v1/work-items?team=${env.aTeam}`), 404, 'team.not_found', 'team');
        }
      },
      'POST /api/v1/work-items': async () => {
        assertError(await env.b.post('/api/v1/work-items', { title: 'B 给 A', category: 'routine', ownerStaffId: env.aOwnerId }), 404, 'staff.not_found', 'ownerStaffId');
        assertError(await env.bt.post('/api/v1/work-items', { title: 'B 给 A', category: 'routine', ownerStaffId: env.aOwnerId }), 403, 'auth.forbidden');
        assert.deepEqual((await items(env.a, '?owner=all')).map((i) => i.id), [a.item], 'control: A has only its own item');
      },
      'GET /api/v1/work-items/counts': async () => {
        const total = (r: { categories: Array<{ total: number }> }) => r.categories.reduce((sum, c) => sum + c.total, 0);
        assert.equal(total(await ok(env.a.get(`/api/v1/work-items/counts?week=${WEEK}&owner=all`))), 1, 'control: A counts its item');
        for (const client of both()) {
          assert.equal(total(await ok(client.get(`/api/v1/work-items/counts?week=${WEEK}&owner=all`))), 0);
          assertError(await client.get(`/api/v1/work-items/counts?owner=${env.aOwnerId}`), 404, 'staff.not_found', 'owner');
          assertError(await client.get(`/api/v1/work-items/counts?team=${env.aTeam}`), 404, 'team.not_found', 'team');
        }
      },
      'GET /api/v1/work-items/{id}': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/work-items/${a.item}`))).title, `${env.fragment}规划`, 'control: A reads it');
        for (const client of both()) assertError(await client.get(`/api/v1/work-items/${a.item}`), 404, 'work_item.not_found');
      },
      'PATCH /api/v1/work-items/{id}': async () => {
        assertError(await env.b.patch(`/api/v1/work-items/${a.item}`, { status: 'done' }), 404, 'work_item.not_found');
        assertError(await env.b.patch(`/api/v1/work-items/${b.item}`, { ownerStaffId: env.aOwnerId }), 404, 'staff.not_found', 'ownerStaffId');
        assertError(await env.bt.patch(`/api/v1/work-items/${a.item}`, { status: 'done' }), 403, 'auth.forbidden');
        const mine = await ok(env.a.get(`/api/v1/work-items/${a.item}`));
        assert.deepEqual([mine.status, mine.doneAt], ['todo', null], "control: A's item is unchanged");
      },
      'DELETE /api/v1/work-items/{id}': async () => {
        assertError(await env.b.delete(`/api/v1/work-items/${a.item}`), 404, 'work_item.not_found');
        assertError(await env.bt.delete(`/api/v1/work-items/${a.item}`), 403, 'auth.forbidden');
        assert.equal((await ok(env.a.get(`/api/v1/work-items/${a.item}`))).id, a.item, "control: A's item is still there");
      },
      'GET /api/v1/weekly-focus': async () => {
        assert.deepEqual((await focusOf(env.a, WEEK)).map((f) => f.teamId), [env.aTeam], 'control: A sees its focus');
        for (const client of both()) {
          assert.deepEqual((await focusOf(client, WEEK)).map((f) => f.title), ['B 重点']);
          assert.deepEqual((await focusOf(client, a.thisWeek)).map((f) => f.title), ['B 本周重点']);
        }
      },
      'GET /api/v1/weekly-focus/mine': async () => {
        assert.equal((await ok(a.member!.get('/api/v1/weekly-focus/mine'))).focus.title, `${env.fragment}本周重点`, "control: A's team member sees A's focus");
        assert.equal((await ok(env.b.get('/api/v1/weekly-focus/mine'))).focus.title, 'B 本周重点');
        assert.equal((await ok(env.bt.get('/api/v1/weekly-focus/mine'))).focus, null);
      },
      'PUT /api/v1/teams/{id}/focus/{weekStart}': async () => {
        assertError(await put(env.b, aFocus(), { title: 'B 改 A' }), 404, 'team.not_found', 'id');
        assertError(await put(env.bt, aFocus(), { title: 'B 改 A' }), 403, 'auth.forbidden');
        assert.equal((await focusOf(env.a, WEEK))[0]!.title, `${env.fragment}重点`, "control: A's focus is unchanged");
      },
      'DELETE /api/v1/teams/{id}/focus/{weekStart}': async () => {
        assertError(await env.b.delete(aFocus()), 404, 'team.not_found', 'id');
        assertError(await env.bt.delete(aFocus()), 403, 'auth.forbidden');
        assert.equal((await focusOf(env.a, WEEK)).length, 1, "control: A's focus is still set");
      },
    },
    snapshot: async () => ({
      items: await ok(env.a.get('/api/v1/work-items?owner=all&limit=200')),
      focus: [await ok(env.a.get(`/api/v1/weekly-focus?week=${WEEK}`)), await ok(env.a.get(`/api/v1/weekly-focus?week=${a.thisWeek}`))],
    }),
  };
}

export function badInput(): BadInputModule {
  const f = { item: 0, teamId: 0, noSuch: 0 };
  const item = (id: number | string = f.item) => `/api/v1/work-items/${id}`;
  const focus = (week = WEEK, team: number | string = f.teamId) => `/api/v1/teams/${team}/focus/${week}`;
  return {
    async setup(env) {
      f.teamId = env.fixtures.teamId;
      f.noSuch = env.noSuch;
      f.item = (await ok(env.owner.post('/api/v1/work-items', { title: '规划一件事', category: 'planning' }), 201)).id;
      await ok(put(env.owner, focus(), { title: '本周重点' }));
    },
    specs: {
      'GET /api/v1/work-items': {
        perm: 'operations.read',
        url: () => '/api/v1/work-items',
        bad: [
          { what: 'owner not me/all/an id', url: '/api/v1/work-items?owner=bob', field: 'owner' },
          { what: 'team not an id', url: '/api/v1/work-items?team=abc', field: 'team' },
          { what: 'unknown status', url: '/api/v1/work-items?status=todo,open', field: 'status' },
          { what: 'empty status', url: '/api/v1/work-items?status=', field: 'status' },
          { what: 'unknown category', url: '/api/v1/work-items?category=urgent', field: 'category' },
          { what: 'dueBefore not a date', url: '/api/v1/work-items?dueBefore=2026-02-30', field: 'dueBefore' },
          { what: 'dueAfter not a date', url: '/api/v1/work-items?dueAfter=tomorrow', field: 'dueAfter' },
          { what: 'week not a date', url: '/api/v1/work-items?week=2026-W10', field: 'week' },
          { what: 'carryOver not a boolean', url: `/api/v1/work-items?week=${WEEK}&carryOver=yes`, field: 'carryOver' },
          { what: 'carryOver without week', url: '/api/v1/work-items?carryOver=true', field: 'carryOver' },
          { what: 'overdue not a boolean', url: '/api/v1/work-items?overdue=1', field: 'overdue' },
          { what: 'unknown sort', url: '/api/v1/work-items?sort=title', field: 'sort' },
          { what: 'limit zero', url: '/api/v1/work-items?limit=0', field: 'limit' },
          { what: 'limit too large', url: '/api/v1/work-items?limit=201', field: 'limit' },
          { what: 'cursor not a cursor', url: '/api/v1/work-items?cursor=abc', field: 'cursor' },
          { what: 'unknown parameter', url: '/api/v1/work-items?assignee=1', field: 'assignee' },
        ],
        missing: [
          { url: () => `/api/v1/work-items?owner=${f.noSuch}`, code: 'staff.not_found', field: 'owner' },
          { url: () => `/api/v1/work-items?team=${f.noSuch}`, code: 'team.not_found', field: 'team' },
        ],
      },
      'POST /api/v1/work-items': {
        perm: 'work.write',
        wrongRole: 'viewer',
        url: () => '/api/v1/work-items',
        body: () => ({ title: '不该创建', category: 'routine' }),
        bad: [
          { what: 'title missing', body: { category: 'routine' }, field: 'title' },
          { what: 'title blank', body: { title: '  ', category: 'routine' }, field: 'title' },
          { what: 'title a number', body: { title: 5, category: 'routine' }, field: 'title' },
          { what: 'title over 120', body: { title: long(121), category: 'routine' }, field: 'title' },
          { what: 'description over 2000', body: { title: 'a', category: 'routine', description: long(2001) }, field: 'description' },
          { what: 'category missing', body: { title: 'a' }, field: 'category' },
          { what: 'unknown category', body: { title: 'a', category: 'urgent' }, field: 'category' },
          { what: 'dueOn not a date', body: { title: 'a', category: 'routine', dueOn: '2026-02-30' }, field: 'dueOn' },
          { what: 'dueOn a timestamp', body: { title: 'a', category: 'routine', dueOn: '2026-03-02T10:00:00Z' }, field: 'dueOn' },
          { what: 'ownerStaffId a string', body: { title: 'a', category: 'routine', ownerStaffId: '3' }, field: 'ownerStaffId' },
          { what: 'ownerStaffId zero', body: { title: 'a', category: 'routine', ownerStaffId: 0 }, field: 'ownerStaffId' },
          { what: 'unknown status', body: { title: 'a', category: 'routine', status: 'blocked' }, field: 'status' },
          { what: 'unknown field', body: { title: 'a', category: 'routine', priority: 1 }, field: 'priority' },
          { what: 'array for the body', body: [{ title: 'a', category: 'routine' }], field: '(body)' },
        ],
        missing: [{ url: () => '/api/v1/work-items', body: { title: 'a', category: 'routine', ownerStaffId: NO_ROW }, code: 'staff.not_found', field: 'ownerStaffId' }],
      },
      'GET /api/v1/work-items/counts': {
        perm: 'operations.read',
        url: () => '/api/v1/work-items/counts',
        bad: [
          { what: 'week not a date', url: '/api/v1/work-items/counts?week=next', field: 'week' },
          { what: 'owner not me/all/an id', url: '/api/v1/work-items/counts?owner=-1', field: 'owner' },
          { what: 'status is not a counts filter', url: '/api/v1/work-items/counts?status=todo', field: 'status' },
        ],
        missing: [{ url: () => `/api/v1/work-items/counts?team=${f.noSuch}`, code: 'team.not_found', field: 'team' }],
      },
      'GET /api/v1/work-items/{id}': {
        perm: 'operations.read',
        url: () => item(),
        bad: [
          { what: 'id not a number', url: item('abc'), field: 'id' },
          { what: 'id zero', url: item(0), field: 'id' },
          { what: 'id too big', url: item('99999999999999999999'), field: 'id' },
        ],
        missing: [{ url: () => item(f.noSuch), code: 'work_item.not_found' }],
      },
      'PATCH /api/v1/work-items/{id}': {
        perm: 'work.write',
        wrongRole: 'viewer',
        url: () => item(),
        body: () => ({ status: 'doing' }),
        bad: [
          { what: 'id not a number', url: item('abc'), field: 'id' },
          { what: 'title blank', body: { title: '' }, field: 'title' },
          { what: 'unknown category', body: { category: 'misc' }, field: 'category' },
          { what: 'unknown status', body: { status: 'finished' }, field: 'status' },
          { what: 'dueOn not a date', body: { dueOn: '03/02/2026' }, field: 'dueOn' },
          { what: 'ownerStaffId null', body: { ownerStaffId: null }, field: 'ownerStaffId' },
          { what: 'unknown field', body: { doneAt: '2026-01-01T00:00:00Z' }, field: 'doneAt' },
        ],
        missing: [
          { url: () => item(f.noSuch), code: 'work_item.not_found' },
          { url: () => item(), body: { ownerStaffId: NO_ROW }, code: 'staff.not_found', field: 'ownerStaffId' },
        ],
      },
      'DELETE /api/v1/work-items/{id}': {
        perm: 'work.write',
        wrongRole: 'viewer',
        url: () => item(),
        bad: [{ what: 'id not a number', url: item('abc'), field: 'id' }],
        missing: [{ url: () => item(f.noSuch), code: 'work_item.not_found' }],
      },
      'GET /api/v1/weekly-focus': {
        perm: 'operations.read',
        url: () => `/api/v1/weekly-focus?week=${WEEK}`,
        bad: [
          { what: 'week not a date', url: '/api/v1/weekly-focus?week=2026-13-01', field: 'week' },
          { what: 'unknown parameter', url: '/api/v1/weekly-focus?team=1', field: 'team' },
        ],
      },
      'GET /api/v1/weekly-focus/mine': {
        perm: 'operations.read',
        url: () => '/api/v1/weekly-focus/mine',
        bad: [{ what: 'unknown parameter', url: `/api/v1/weekly-focus/mine?week=${WEEK}`, field: 'week' }],
      },
      'PUT /api/v1/teams/{id}/focus/{weekStart}': {
        perm: 'work.write',
        wrongRole: 'viewer',
        url: () => focus(),
        body: () => ({ title: '不该设置' }),
        bad: [
          { what: 'team id not a number', url: focus(WEEK, 'abc'), field: 'id' },
          { what: 'weekStart not a date', url: focus('this-week', ANY_TEAM), field: 'weekStart' },
          { what: 'weekStart not a calendar date', url: focus('2026-02-30', ANY_TEAM), field: 'weekStart' },
          { what: 'weekStart a Tuesday', url: focus('2026-01-06', ANY_TEAM), field: 'weekStart', code: 'weekly_focus.not_monday' },
          { what: 'weekStart a Sunday', url: focus('2026-01-11', ANY_TEAM), field: 'weekStart', code: 'weekly_focus.not_monday' },
          { what: 'title missing', body: {}, field: 'title' },
          { what: 'title over 120', body: { title: long(121) }, field: 'title' },
          { what: 'description over 2000', body: { title: 'a', description: long(2001) }, field: 'description' },
          { what: 'unknown field', body: { title: 'a', teamId: 1 }, field: 'teamId' },
        ],
        missing: [{ url: () => focus(WEEK, f.noSuch), code: 'team.not_found', field: 'id' }],
      },
      'DELETE /api/v1/teams/{id}/focus/{weekStart}': {
        perm: 'work.write',
        wrongRole: 'viewer',
        url: () => focus(),
        bad: [
          { what: 'team id not a number', url: focus(WEEK, '1.5'), field: 'id' },
          { what: 'weekStart not a date', url: focus('20260105', ANY_TEAM), field: 'weekStart' },
          { what: 'weekStart a Wednesday', url: focus('2026-01-07', ANY_TEAM), field: 'weekStart', code: 'weekly_focus.not_monday' },
        ],
        missing: [
          { url: () => focus(WEEK, f.noSuch), code: 'team.not_found', field: 'id' },
          { url: () => focus('2026-01-12'), code: 'weekly_focus.not_found' },
        ],
      },
    },
  };
}
