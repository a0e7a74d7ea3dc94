// Route cases of SOPs: templates, applications, tasks (board, today, completion with proof, undo, skip, reassign)
// and statistics (see types.ts).
import assert from 'node:assert/strict';
import { localDate } from '../../src/campaigns/rules.js';
import { checkScreenshot } from '../../src/sops/tasks.js';
import { assertError, ok } from '../api-checks.js';
import { fetchRaw, PNG_1PX, upload } from '../multipart.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

/** Every day of the week, all day: an application made at any hour has tasks from today on. */
const DAILY = { triggerKind: 'weekday', triggerValue: '1,2,3,4,5,6,7', windowStart: '00:00', windowEnd: '23:59', action: 'message', role: 'group_owner' } as const;
const plus = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
const range = (from: string) => `from=${from}&to=${plus(from, 20)}&limit=200`;
const ids = (body: { items: Array<{ id: number }> }) => body.items.map((x) => x.id);

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  const a = { template: 0, application: 0, done: 0, open: 0, from: '' };
  const b = { template: 0, group: 0, task: 0, staffId: 0 };
  const clients = () => [env.b, env.bt];
  return {
    async setup(e) {
      env = e;
      const { services } = env.server;
      const fragment = env.fragment;
      const template = await services.sops.templates.create(env.A.ctx, {
        name: `${fragment}的SOP`, description: `${fragment}说明`, steps: [{ ...DAILY, title: `${fragment}早安`, content: `${fragment}早安 {群名}`, attachments: [] }],
      });
      a.template = template.id;
      const app = await services.sops.applications.apply(env.A.ctx, { templateId: template.id, groupId: env.aGroup });
      a.application = app.id;
      a.from = localDate(services.clock.now(), 'Asia/Shanghai');
      const mine = (await services.sops.tasks.board(env.A.ctx, { from: a.from, to: plus(a.from, 20), limit: 200 })).items;
      assert.ok(mine.length >= 13, `A has its tasks (${mine.length})`);
      a.done = mine[0]!.id;
      a.open = mine[1]!.id;
      // Done with a screenshot, at its window's start (the service takes "now").
      await services.sops.tasks.complete(env.A.ctx, a.done, { proofText: `${fragment}已发` }, { bytes: PNG_1PX, kind: checkScreenshot(PNG_1PX) }, new Date(Date.parse(mine[0]!.windowStartAt) + 60_000));
      b.staffId = (await ok(env.b.get('/api/v1/auth/me'))).staff.id;
      b.group = (await env.server.services.groups.create(env.B.ctx, { platform: 'wechat', name: 'B 的群', ownerStaffId: b.staffId })).id;
      b.template = (await services.sops.templates.create(env.B.ctx, { name: 'B 的SOP', description: '', steps: [{ ...DAILY, title: 'B 早安', content: '', attachments: [] }] })).id;
      await services.sops.applications.apply(env.B.ctx, { templateId: b.template, groupId: b.group });
      b.task = (await services.sops.tasks.board(env.B.ctx, { from: a.from, to: plus(a.from, 20), limit: 1 })).items[0]!.id;
    },
    cases: {
      'GET /api/v1/sops/templates': async () => {
        assert.ok(ids(await ok(env.a.get('/api/v1/sops/templates'))).includes(a.template), "control: A sees A's template");
        for (const client of clients()) {
          for (const archived of ['false', 'true']) assert.ok(!ids(await ok(client.get(`/api/v1/sops/templates?archived=${archived}`))).includes(a.template));
        }
      },
      'GET /api/v1/sops/starter-template': async () => {
        for (const client of clients()) assert.ok((await ok(client.get('/api/v1/sops/starter-template'))).steps.length > 5, 'the starter is the same for everyone');
      },
      'POST /api/v1/sops/templates': async () => {
        const body = { name: 'B 新模板', steps: [{ ...DAILY, title: 'B 步骤' }] };
        const created = await ok(env.b.post('/api/v1/sops/templates', body), 201);
        assert.notEqual(created.id, a.template);
        assertError(await env.bt.post('/api/v1/sops/templates', body), 403, 'auth.forbidden');
      },
      'GET /api/v1/sops/templates/{id}': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/sops/templates/${a.template}`))).id, a.template, 'control');
        for (const client of clients()) assertError(await client.get(`/api/v1/sops/templates/${a.template}`), 404, 'sop_template.not_found');
      },
      'PATCH /api/v1/sops/templates/{id}': async () => {
        assertError(await env.b.patch(`/api/v1/sops/templates/${a.template}`, { name: 'B 改名', archived: true }), 404, 'sop_template.not_found');
        assertError(await env.bt.patch(`/api/v1/sops/templates/${a.template}`, { name: 'B 改名' }), 403, 'auth.forbidden');
      },
      'DELETE /api/v1/sops/templates/{id}': async () => {
        assertError(await env.b.delete(`/api/v1/sops/templates/${a.template}`), 404, 'sop_template.not_found');
        assertError(await env.bt.delete(`/api/v1/sops/templates/${a.template}`), 403, 'auth.forbidden');
      },
      'POST /api/v1/sops/templates/{id}/duplicate': async () => {
        assertError(await env.b.post(`/api/v1/sops/templates/${a.template}/duplicate`), 404, 'sop_template.not_found');
        assertError(await env.bt.post(`/api/v1/sops/templates/${a.template}/duplicate`), 403, 'auth.forbidden');
      },
      'GET /api/v1/sops/applications': async () => {
        assert.ok(ids(await ok(env.a.get('/api/v1/sops/applications'))).includes(a.application), 'control');
        for (const client of clients()) {
          assert.ok(!ids(await ok(client.get('/api/v1/sops/applications'))).includes(a.application));
          assert.deepEqual(ids(await ok(client.get(`/api/v1/sops/applications?templateId=${a.template}&groupId=${env.aGroup}`))), []);
        }
      },
      'POST /api/v1/sops/applications': async () => {
        assertError(await env.b.post('/api/v1/sops/applications', { templateId: a.template, groupId: b.group }), 404, 'sop_template.not_found', 'templateId');
        assertError(await env.b.post('/api/v1/sops/applications', { templateId: b.template, campaignId: env.aCampaign }), 404, 'campaign.not_found', 'campaignId');
        assertError(await env.b.post('/api/v1/sops/applications', { templateId: b.template, groupId: env.aGroup }), 404, 'group.not_found', 'groupId');
        assertError(await env.b.post('/api/v1/sops/applications', { templateId: b.template, groupId: b.group, assistantStaffId: env.aOwnerId }), 404, 'staff.not_found', 'assistantStaffId');
        assertError(await env.bt.post('/api/v1/sops/applications', { templateId: a.template, groupId: env.aGroup }), 403, 'auth.forbidden');
      },
      'POST /api/v1/sops/applications/{id}/stop': async () => {
        assertError(await env.b.post(`/api/v1/sops/applications/${a.application}/stop`), 404, 'sop_application.not_found');
        assertError(await env.bt.post(`/api/v1/sops/applications/${a.application}/stop`), 403, 'auth.forbidden');
      },
      'GET /api/v1/sops/tasks': async () => {
        assert.ok(ids(await ok(env.a.get(`/api/v1/sops/tasks?${range(a.from)}`))).includes(a.done), "control: A sees A's tasks");
        for (const client of clients()) {
          for (const filter of ['', `&groupId=${env.aGroup}`, `&staffId=${env.aOwnerId}`, `&applicationId=${a.application}`, `&teamId=${env.aTeam}`]) {
            const seen = ids(await ok(client.get(`/api/v1/sops/tasks?${range(a.from)}${filter}`)));
            assert.ok(!seen.includes(a.done) && !seen.includes(a.open), `B's board${filter} has none of A's tasks`);
          }
        }
      },
      'GET /api/v1/sops/tasks/today': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/sops/tasks/today?staffId=${env.aOwnerId}`))).staff.id, env.aOwnerId, "control: A's owner is A's staff");
        const mine = await ok(env.b.get('/api/v1/sops/tasks/today'));
        assert.ok(!ids(mine).includes(a.done) && !ids(mine).includes(a.open));
        for (const client of clients()) assertError(await client.get(`/api/v1/sops/tasks/today?staffId=${env.aOwnerId}`), 404, 'staff.not_found', 'staffId');
      },
      'GET /api/v1/sops/tasks/{id}': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/sops/tasks/${a.done}`))).status, 'done', 'control');
        for (const client of clients()) assertError(await client.get(`/api/v1/sops/tasks/${a.done}`), 404, 'sop_task.not_found');
      },
      'POST /api/v1/sops/tasks/{id}/complete': async () => {
        assertError(await env.b.post(`/api/v1/sops/tasks/${a.open}/complete`, { proofText: 'B' }), 404, 'sop_task.not_found');
        assertError(await env.bt.post(`/api/v1/sops/tasks/${a.open}/complete`, {}), 403, 'auth.forbidden');
      },
      'POST /api/v1/sops/tasks/{id}/complete-with-screenshot': async () => {
        const file = { name: 'p.png', type: 'image/png', bytes: PNG_1PX };
        assertError(await upload(env.b, `/api/v1/sops/tasks/${a.open}/complete-with-screenshot`, file), 404, 'sop_task.not_found');
        assertError(await upload(env.bt, `/api/v1/sops/tasks/${a.open}/complete-with-screenshot`, file), 403, 'auth.forbidden');
      },
      'GET /api/v1/sops/tasks/{id}/screenshot': async () => {
        assert.equal((await fetchRaw(env.a, `/api/v1/sops/tasks/${a.done}/screenshot`)).status, 200, "control: A's staff see the screenshot");
        assertError(await env.b.get(`/api/v1/sops/tasks/${a.done}/screenshot`), 404, 'sop_task.not_found');
        assertError(await env.bt.get(`/api/v1/sops/tasks/${a.done}/screenshot`), 403, 'auth.session_required');
      },
      'POST /api/v1/sops/tasks/{id}/undo': async () => {
        assertError(await env.b.post(`/api/v1/sops/tasks/${a.done}/undo`), 404, 'sop_task.not_found');
        assertError(await env.bt.post(`/api/v1/sops/tasks/${a.done}/undo`), 403, 'auth.forbidden');
      },
      'POST /api/v1/sops/tasks/{id}/skip': async () => {
        assertError(await env.b.post(`/api/v1/sops/tasks/${a.open}/skip`, { reason: 'B 跳过' }), 404, 'sop_task.not_found');
        assertError(await env.bt.post(`/api/v1/sops/tasks/${a.open}/skip`, { reason: 'B 跳过' }), 403, 'auth.forbidden');
      },
      'POST /api/v1/sops/tasks/{id}/reassign': async () => {
        assertError(await env.b.post(`/api/v1/sops/tasks/${a.open}/reassign`, { staffId: b.staffId }), 404, 'sop_task.not_found');
        assertError(await env.b.post(`/api/v1/sops/tasks/${b.task}/reassign`, { staffId: env.aOwnerId }), 404, 'staff.not_found', 'staffId');
        assertError(await env.bt.post(`/api/v1/sops/tasks/${a.open}/reassign`, { staffId: b.staffId }), 403, 'auth.forbidden');
      },
      'GET /api/v1/sops/stats': async () => {
        const url = `/api/v1/sops/stats?from=${a.from}&to=${a.from}&groupBy=`;
        assert.ok((await ok(env.a.get(`${url}group`))).total.due > 0, "control: A's stats count A's tasks");
        for (const client of clients()) {
          for (const by of ['staff', 'group', 'team', 'day']) {
            const theirs = await ok(client.get(`${url}${by}`));
            assert.ok(!theirs.rows.some((r: { key: unknown }) => r.key === env.aOwnerId || r.key === env.aGroup || r.key === env.aTeam) || by === 'day');
          }
          assert.equal((await ok(client.get(`${url}staff&staffId=${env.aOwnerId}`))).total.due, 0);
        }
      },
    },
    snapshot: async () => {
      const tasks = (await ok(env.a.get(`/api/v1/sops/tasks?${range(a.from)}`))).items
        .map((t: Record<string, unknown>) => ({ id: t.id, status: t.status, assignee: t.assignee, proof: t.proof, skipReason: t.skipReason, content: t.content }));
      return {
        templates: await ok(env.a.get('/api/v1/sops/templates')),
        applications: await ok(env.a.get('/api/v1/sops/applications')),
        tasks,
      };
    },
  };
}

export function badInput(): BadInputModule {
  const w = { template: 0, application: 0, task: 0, staffId: 0, groupId: 0, campaignId: 0, noSuch: 0 };
  const step = { ...DAILY, title: '早安', content: '早安 {群名}' };
  const tpl = (u = '') => `/api/v1/sops/templates/${w.template}${u}`;
  const task = (u = '') => `/api/v1/sops/tasks/${w.task}${u}`;
  return {
    async setup(env) {
      const { services } = env.server;
      w.staffId = env.fixtures.staffId;
      w.groupId = env.fixtures.groupId;
      w.campaignId = env.fixtures.campaignId;
      w.template = (await services.sops.templates.create(env.W.ctx, { name: 'SOP', description: '', steps: [{ ...step, attachments: [] }] })).id;
      w.application = (await services.sops.applications.apply(env.W.ctx, { templateId: w.template, groupId: w.groupId })).id;
      const from = localDate(services.clock.now(), 'Asia/Shanghai');
      w.task = (await services.sops.tasks.board(env.W.ctx, { from, to: plus(from, 3), limit: 1 })).items[0]!.id;
      w.noSuch = env.noSuch;
    },
    specs: {
      'GET /api/v1/sops/templates': {
        perm: 'operations.read',
        url: () => '/api/v1/sops/templates',
        bad: [
          { what: 'archived not a boolean', url: '/api/v1/sops/templates?archived=maybe', field: 'archived' },
          { what: 'unknown parameter', url: '/api/v1/sops/templates?q=x', field: 'q' },
        ],
      },
      'GET /api/v1/sops/starter-template': { perm: 'operations.read', url: () => '/api/v1/sops/starter-template', bad: [] },
      'POST /api/v1/sops/templates': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => '/api/v1/sops/templates',
        body: () => ({ name: '新模板', steps: [step] }),
        bad: [
          { what: 'no name', body: { steps: [step] }, field: 'name' },
          { what: 'empty name', body: { name: ' ', steps: [step] }, field: 'name' },
          { what: 'no steps', body: { name: 'x', steps: [] }, field: 'steps' },
          { what: 'unknown trigger kind', body: { name: 'x', steps: [{ ...step, triggerKind: 'hourly' }] }, field: 'steps.0.triggerKind' },
          { what: 'day 0', body: { name: 'x', steps: [{ ...step, triggerKind: 'campaign_day', triggerValue: '0' }] }, field: 'steps.0.triggerValue' },
          { what: 'group age negative', body: { name: 'x', steps: [{ ...step, triggerKind: 'group_age', triggerValue: '-1' }] }, field: 'steps.0.triggerValue' },
          { what: 'time not HH:MM', body: { name: 'x', steps: [{ ...step, windowStart: '25:00' }] }, field: 'steps.0.windowStart' },
          { what: 'window ends before it starts', body: { name: 'x', steps: [{ ...step, windowStart: '21:00', windowEnd: '20:00' }] }, field: 'steps.0.windowEnd' },
          { what: 'unknown action', body: { name: 'x', steps: [{ ...step, action: 'call' }] }, field: 'steps.0.action' },
          { what: 'unknown role', body: { name: 'x', steps: [{ ...step, role: 'boss' }] }, field: 'steps.0.role' },
          { what: 'unknown variable', body: { name: 'x', steps: [step, { ...step, content: '{班级}' }] }, field: 'steps.1.content', code: 'sop.unknown_variable' },
          { what: 'attachment kind', body: { name: 'x', steps: [{ ...step, attachments: [{ kind: 'video', name: 'v', url: 'https://e.com' }] }] }, field: 'steps.0.attachments.0.kind' },
          { what: 'step id on a new template', body: { name: 'x', steps: [{ ...step, id: 1 }] }, field: 'steps.0.id', code: 'sop.unknown_step' },
          { what: 'unknown field in a step', body: { name: 'x', steps: [{ ...step, owner: 1 }] }, field: 'steps.0.owner' },
          { what: 'unknown field', body: { name: 'x', steps: [step], shared: true }, field: 'shared' },
        ],
      },
      'GET /api/v1/sops/templates/{id}': {
        perm: 'operations.read',
        url: () => tpl(),
        bad: [{ what: 'id not a number', url: '/api/v1/sops/templates/abc', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/templates/${w.noSuch}`, code: 'sop_template.not_found' }],
      },
      'PATCH /api/v1/sops/templates/{id}': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => tpl(),
        body: () => ({ name: '改名' }),
        bad: [
          { what: 'id not a number', url: '/api/v1/sops/templates/abc', field: 'id' },
          { what: 'name too long', body: { name: 'x'.repeat(61) }, field: 'name' },
          { what: 'archived not a boolean', body: { archived: 'yes' }, field: 'archived' },
          { what: 'the same step twice', body: { steps: [{ ...step, id: 5 }, { ...step, id: 5 }] }, field: 'steps.1.id' },
          { what: 'a step of another template', body: { steps: [{ ...step, id: 987_654_321 }] }, field: 'steps.0.id', code: 'sop.unknown_step' },
        ],
        missing: [{ url: () => `/api/v1/sops/templates/${w.noSuch}`, code: 'sop_template.not_found' }],
      },
      'DELETE /api/v1/sops/templates/{id}': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => tpl(),
        bad: [{ what: 'id not a number', url: '/api/v1/sops/templates/abc', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/templates/${w.noSuch}`, code: 'sop_template.not_found' }],
      },
      'POST /api/v1/sops/templates/{id}/duplicate': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => tpl('/duplicate'),
        bad: [{ what: 'id not a number', url: '/api/v1/sops/templates/abc/duplicate', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/templates/${w.noSuch}/duplicate`, code: 'sop_template.not_found' }],
      },
      'GET /api/v1/sops/applications': {
        perm: 'operations.read',
        url: () => '/api/v1/sops/applications',
        bad: [
          { what: 'templateId not a number', url: '/api/v1/sops/applications?templateId=x', field: 'templateId' },
          { what: 'active not a boolean', url: '/api/v1/sops/applications?active=1', field: 'active' },
          { what: 'unknown parameter', url: '/api/v1/sops/applications?staffId=1', field: 'staffId' },
        ],
      },
      'POST /api/v1/sops/applications': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => '/api/v1/sops/applications',
        body: () => ({ templateId: w.template, campaignId: w.campaignId }),
        // Getters: the bodies name rows that exist only once setup has run.
        bad: [
          { what: 'no templateId', get body() { return { campaignId: w.campaignId }; }, field: 'templateId' },
          { what: 'campaign and group', get body() { return { templateId: w.template, campaignId: w.campaignId, groupId: w.groupId }; }, field: 'campaignId' },
          { what: 'neither campaign nor group', get body() { return { templateId: w.template }; }, field: 'campaignId' },
          { what: 'startsOn not a date', get body() { return { templateId: w.template, campaignId: w.campaignId, startsOn: '2026-13-01' }; }, field: 'startsOn' },
          { what: 'startsOn in the past', get body() { return { templateId: w.template, campaignId: w.campaignId, startsOn: '2020-01-01' }; }, field: 'startsOn' },
          { what: 'endsOn before startsOn', get body() { return { templateId: w.template, campaignId: w.campaignId, startsOn: '2031-01-02', endsOn: '2031-01-01' }; }, field: 'endsOn' },
          { what: 'string templateId', get body() { return { templateId: String(w.template), campaignId: w.campaignId }; }, field: 'templateId' },
          { what: 'unknown field', get body() { return { templateId: w.template, campaignId: w.campaignId, staffId: 1 }; }, field: 'staffId' },
        ],
        missing: [
          { url: () => '/api/v1/sops/applications', get body() { return { templateId: w.noSuch, campaignId: w.campaignId }; }, code: 'sop_template.not_found', field: 'templateId' },
          { url: () => '/api/v1/sops/applications', get body() { return { templateId: w.template, campaignId: w.noSuch }; }, code: 'campaign.not_found', field: 'campaignId' },
          { url: () => '/api/v1/sops/applications', get body() { return { templateId: w.template, groupId: w.noSuch }; }, code: 'group.not_found', field: 'groupId' },
          { url: () => '/api/v1/sops/applications', get body() { return { templateId: w.template, campaignId: w.campaignId, assistantStaffId: w.noSuch }; }, code: 'staff.not_found', field: 'assistantStaffId' },
        ],
      },
      'POST /api/v1/sops/applications/{id}/stop': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => `/api/v1/sops/applications/${w.application}/stop`,
        bad: [{ what: 'id not a number', url: '/api/v1/sops/applications/abc/stop', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/applications/${w.noSuch}/stop`, code: 'sop_application.not_found' }],
      },
      'GET /api/v1/sops/tasks': {
        perm: 'operations.read',
        url: () => '/api/v1/sops/tasks',
        bad: [
          { what: 'from not a date', url: '/api/v1/sops/tasks?from=today', field: 'from' },
          { what: 'to before from', url: '/api/v1/sops/tasks?from=2026-03-02&to=2026-03-01', field: 'to' },
          { what: 'more than 93 days', url: '/api/v1/sops/tasks?from=2026-01-01&to=2026-12-31', field: 'to' },
          { what: 'unknown status', url: '/api/v1/sops/tasks?status=late_ish', field: 'status' },
          { what: 'groupId not a number', url: '/api/v1/sops/tasks?groupId=x', field: 'groupId' },
          { what: 'limit too large', url: '/api/v1/sops/tasks?limit=201', field: 'limit' },
          { what: 'forged cursor', url: '/api/v1/sops/tasks?cursor=abc', field: 'cursor' },
          { what: 'unknown parameter', url: '/api/v1/sops/tasks?q=x', field: 'q' },
        ],
      },
      'GET /api/v1/sops/tasks/today': {
        perm: 'operations.read',
        url: () => '/api/v1/sops/tasks/today',
        bad: [
          { what: 'staffId not a number', url: '/api/v1/sops/tasks/today?staffId=me', field: 'staffId' },
          { what: 'unknown parameter', url: '/api/v1/sops/tasks/today?date=2026-01-01', field: 'date' },
        ],
        missing: [{ url: () => `/api/v1/sops/tasks/today?staffId=${w.noSuch}`, code: 'staff.not_found', field: 'staffId' }],
      },
      'GET /api/v1/sops/tasks/{id}': {
        perm: 'operations.read',
        url: () => task(),
        bad: [{ what: 'id not a number', url: '/api/v1/sops/tasks/abc', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/tasks/${w.noSuch}`, code: 'sop_task.not_found' }],
      },
      'POST /api/v1/sops/tasks/{id}/complete': {
        perm: 'tasks.complete',
        wrongRole: 'viewer',
        url: () => task('/complete'),
        body: () => ({ proofText: '已发' }),
        bad: [
          { what: 'id not a number', url: '/api/v1/sops/tasks/abc/complete', field: 'id' },
          { what: 'proof link not a URL', body: { proofLink: 'weixin://x' }, field: 'proofLink' },
          { what: 'proof text too long', body: { proofText: 'x'.repeat(1001) }, field: 'proofText' },
          { what: 'unknown field', body: { onTime: true }, field: 'onTime' },
        ],
        missing: [{ url: () => `/api/v1/sops/tasks/${w.noSuch}/complete`, code: 'sop_task.not_found' }],
      },
      'POST /api/v1/sops/tasks/{id}/complete-with-screenshot': {
        perm: 'tasks.complete',
        wrongRole: 'viewer',
        url: () => task('/complete-with-screenshot'),
        bad: [
          { what: 'id not a number', url: '/api/v1/sops/tasks/abc/complete-with-screenshot', field: 'id' },
          { what: 'JSON instead of multipart', body: { file: 'shot.png' }, field: 'file', code: 'upload.not_multipart' },
        ],
        missing: [{ url: () => `/api/v1/sops/tasks/${w.noSuch}/complete-with-screenshot`, code: 'sop_task.not_found' }],
      },
      'GET /api/v1/sops/tasks/{id}/screenshot': {
        perm: 'operations.read',
        url: () => task('/screenshot'),
        bad: [{ what: 'id not a number', url: '/api/v1/sops/tasks/abc/screenshot', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/tasks/${w.noSuch}/screenshot`, code: 'sop_task.not_found' }],
      },
      'POST /api/v1/sops/tasks/{id}/undo': {
        perm: 'tasks.complete',
        wrongRole: 'viewer',
        url: () => task('/undo'),
        bad: [{ what: 'id not a number', url: '/api/v1/sops/tasks/abc/undo', field: 'id' }],
        missing: [{ url: () => `/api/v1/sops/tasks/${w.noSuch}/undo`, code: 'sop_task.not_found' }],
      },
      'POST /api/v1/sops/tasks/{id}/skip': {
        perm: 'tasks.complete',
        wrongRole: 'viewer',
        url: () => task('/skip'),
        body: () => ({ reason: '停课' }),
        bad: [
          { what: 'id not a number', url: '/api/v1/sops/tasks/abc/skip', field: 'id' },
          { what: 'no reason', body: {}, field: 'reason' },
          { what: 'empty reason', body: { reason: '  ' }, field: 'reason' },
          { what: 'reason too long', body: { reason: 'x'.repeat(201) }, field: 'reason' },
        ],
        missing: [{ url: () => `/api/v1/sops/tasks/${w.noSuch}/skip`, code: 'sop_task.not_found' }],
      },
      'POST /api/v1/sops/tasks/{id}/reassign': {
        perm: 'sops.manage',
        wrongRole: 'sales',
        url: () => task('/reassign'),
        body: () => ({ staffId: w.staffId }),
        bad: [
          { what: 'id not a number', url: '/api/v1/sops/tasks/abc/reassign', field: 'id' },
          { what: 'no staffId', body: {}, field: 'staffId' },
          { what: 'staffId a string', body: { staffId: 'me' }, field: 'staffId' },
        ],
        missing: [
          { url: () => `/api/v1/sops/tasks/${w.noSuch}/reassign`, code: 'sop_task.not_found' },
          { url: () => task('/reassign'), get body() { return { staffId: w.noSuch }; }, code: 'staff.not_found', field: 'staffId' },
        ],
      },
      'GET /api/v1/sops/stats': {
        perm: 'operations.read',
        url: () => '/api/v1/sops/stats',
        bad: [
          { what: 'unknown grouping', url: '/api/v1/sops/stats?groupBy=week', field: 'groupBy' },
          { what: 'from not a date', url: '/api/v1/sops/stats?from=2026-02-30', field: 'from' },
          { what: 'to before from', url: '/api/v1/sops/stats?from=2026-03-02&to=2026-03-01', field: 'to' },
          { what: 'more than a year', url: '/api/v1/sops/stats?from=2025-01-01&to=2026-03-01', field: 'to' },
          { what: 'teamId not a number', url: '/api/v1/sops/stats?teamId=x', field: 'teamId' },
        ],
      },
    },
  };
}
