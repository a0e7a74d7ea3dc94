// Route cases of the alert inbox and the alert rules (see types.ts). The alerts come from visits to a live code
// with an empty pool, as a visitor would raise them.
import assert from 'node:assert/strict';
import { assertError, ok } from '../api-checks.js';
import type { Client } from '../harness.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

/** A channel with an empty pool, visited once: its owner gets a live_code_exhausted alert. Returns the alert id. */
async function exhaustedAlert(baseUrl: string, client: Client, name: string): Promise<number> {
  const channel = await ok(client.post('/api/v1/channels', { name }), 201);
  assert.equal((await fetch(`${baseUrl}/c/${channel.code}`)).status, 200);
  const { items } = await ok(client.get('/api/v1/alerts?kind=live_code_exhausted&status=all'));
  const alert = items.find((a: { subject: string }) => a.subject === `channel:${channel.id}`);
  assert.ok(alert, 'the visit raised an alert');
  return alert.id;
}

const ids = (items: Array<{ id: number }>) => items.map((x) => x.id);

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  const f = { aAlert: 0, aRule: 0, aRules: [] as number[], bAlert: 0 };
  const aAlert = async () => (await ok(env.a.get('/api/v1/alerts?status=all&kind=live_code_exhausted'))).items.find((x: { id: number }) => x.id === f.aAlert);
  return {
    async setup(e) {
      env = e;
      f.aAlert = await exhaustedAlert(env.server.url, env.a, `${env.fragment}预警渠道`);
      f.aRules = ids((await ok(env.a.get('/api/v1/alert-rules'))).items);
      f.aRule = f.aRules[0]!;
      f.bAlert = await exhaustedAlert(env.server.url, env.b, 'B 的预警渠道');
    },
    cases: {
      'GET /api/v1/alerts': async () => {
        assert.ok(await aAlert(), "control: A sees A's alert");
        for (const client of [env.b, env.bt]) {
          for (const query of ['', '?status=all', '?status=resolved', '?open=true', '?kind=live_code_exhausted&status=all']) {
            const page = await ok(client.get(`/api/v1/alerts${query}`));
            assert.ok(!ids(page.items).includes(f.aAlert), `B does not see A's alert (${query})`);
          }
        }
        assert.ok(ids((await ok(env.b.get('/api/v1/alerts'))).items).includes(f.bAlert), 'B sees its own alert');
      },
      'POST /api/v1/alerts/{id}/acknowledge': async () => {
        for (const client of [env.b, env.bt]) assertError(await client.post(`/api/v1/alerts/${f.aAlert}/acknowledge`, {}), 404, 'alert.not_found');
        assert.equal((await aAlert()).acknowledgedAt, null, "control: A's alert is not acknowledged");
      },
      'POST /api/v1/alerts/{id}/resolve': async () => {
        for (const client of [env.b, env.bt]) assertError(await client.post(`/api/v1/alerts/${f.aAlert}/resolve`, {}), 404, 'alert.not_found');
        assert.equal((await aAlert()).resolvedAt, null, "control: A's alert is still open");
      },
      'POST /api/v1/alerts/evaluate': async () => {
        await ok(env.b.post('/api/v1/alerts/evaluate', {}));
        assertError(await env.bt.post('/api/v1/alerts/evaluate', {}), 403, 'auth.forbidden');
        assert.equal((await aAlert()).resolvedAt, null, "B's evaluation leaves A's alert alone");
      },
      'GET /api/v1/alert-rules': async () => {
        assert.deepEqual(ids((await ok(env.a.get('/api/v1/alert-rules'))).items), f.aRules, "control: A sees A's rules");
        for (const client of [env.b, env.bt]) {
          const mine = ids((await ok(client.get('/api/v1/alert-rules'))).items);
          assert.ok(mine.length > 0 && !mine.some((id) => f.aRules.includes(id)), "B has its own rules, none of A's");
        }
      },
      'POST /api/v1/alert-rules': async () => {
        const created = await ok(env.b.post('/api/v1/alert-rules', { kind: 'group_leave_rate_7d', level: 'info', threshold: 8 }), 201);
        assert.ok(!f.aRules.includes(created.id));
        assert.ok(!(await ok(env.a.get('/api/v1/alert-rules'))).items.some((r: { level: string; kind: string }) => r.kind === 'group_leave_rate_7d' && r.level === 'info'), "A's rules did not grow");
        assertError(await env.bt.post('/api/v1/alert-rules', { kind: 'group_leave_rate_7d', level: 'info', threshold: 8 }), 403, 'auth.forbidden');
      },
      'PATCH /api/v1/alert-rules/{id}': async () => {
        assertError(await env.b.patch(`/api/v1/alert-rules/${f.aRule}`, { enabled: false }), 404, 'alert_rule.not_found');
        assertError(await env.bt.patch(`/api/v1/alert-rules/${f.aRule}`, { enabled: false }), 403, 'auth.forbidden');
        assert.ok((await ok(env.a.get('/api/v1/alert-rules'))).items.find((r: { id: number }) => r.id === f.aRule).enabled, "control: A's rule is still enabled");
      },
      'DELETE /api/v1/alert-rules/{id}': async () => {
        assertError(await env.b.delete(`/api/v1/alert-rules/${f.aRule}`), 404, 'alert_rule.not_found');
        assertError(await env.bt.delete(`/api/v1/alert-rules/${f.aRule}`), 403, 'auth.forbidden');
        assert.ok(ids((await ok(env.a.get('/api/v1/alert-rules'))).items).includes(f.aRule), "control: A's rule is still there");
      },
    },
    snapshot: async () => ({
      alerts: (await ok(env.a.get('/api/v1/alerts?status=all&limit=200'))).items,
      rules: (await ok(env.a.get('/api/v1/alert-rules'))).items,
    }),
  };
}

export function badInput(): BadInputModule {
  const f = { alertId: 0, ruleId: 0 };
  const noSuch = 987654;
  const rule = { kind: 'group_leave_rate_7d', level: 'info', threshold: 5 };
  return {
    async setup(env) {
      f.alertId = await exhaustedAlert(env.server.url, env.owner, '预警渠道');
      f.ruleId = (await ok(env.owner.get('/api/v1/alert-rules'))).items.find((r: { kind: string }) => r.kind === 'group_leave_rate_7d').id;
    },
    specs: {
      'GET /api/v1/alerts': {
        perm: 'operations.read',
        url: () => '/api/v1/alerts',
        bad: [
          { what: 'unknown status', url: '/api/v1/alerts?status=closed', field: 'status' },
          { what: 'open not a boolean', url: '/api/v1/alerts?open=maybe', field: 'open' },
          { what: 'open and status together', url: '/api/v1/alerts?open=true&status=open', field: 'open' },
          { what: 'unknown level', url: '/api/v1/alerts?level=high', field: 'level' },
          { what: 'kind with odd characters', url: `/api/v1/alerts?kind=${encodeURIComponent('a b')}`, field: 'kind' },
          { what: 'mine not a boolean', url: '/api/v1/alerts?mine=yes', field: 'mine' },
          { what: 'limit too large', url: '/api/v1/alerts?limit=201', field: 'limit' },
          { what: 'cursor not a cursor', url: '/api/v1/alerts?cursor=abc', field: 'cursor' },
          { what: 'unknown parameter', url: '/api/v1/alerts?subject=x', field: 'subject' },
        ],
      },
      'POST /api/v1/alerts/{id}/acknowledge': {
        perm: 'alerts.manage',
        wrongRole: 'viewer',
        url: () => `/api/v1/alerts/${f.alertId}/acknowledge`,
        body: () => ({}),
        bad: [
          { what: 'id not a number', url: '/api/v1/alerts/abc/acknowledge', field: 'id' },
          { what: 'unknown field', body: { note: 'on it' }, field: 'note' },
        ],
        missing: [{ url: () => `/api/v1/alerts/${noSuch}/acknowledge`, code: 'alert.not_found' }],
      },
      'POST /api/v1/alerts/{id}/resolve': {
        perm: 'alerts.manage',
        wrongRole: 'viewer',
        url: () => `/api/v1/alerts/${f.alertId}/resolve`,
        body: () => ({}),
        bad: [
          { what: 'id not a number', url: '/api/v1/alerts/abc/resolve', field: 'id' },
          { what: 'unknown field', body: { note: 'done' }, field: 'note' },
        ],
        missing: [{ url: () => `/api/v1/alerts/${noSuch}/resolve`, code: 'alert.not_found' }],
      },
      'POST /api/v1/alerts/evaluate': {
        perm: 'alerts.manage',
        wrongRole: 'sales',
        url: () => '/api/v1/alerts/evaluate',
        body: () => ({}),
        bad: [{ what: 'unknown field', body: { kind: 'goal_behind' }, field: 'kind' }],
      },
      'GET /api/v1/alert-rules': {
        perm: 'operations.read',
        url: () => '/api/v1/alert-rules',
        bad: [{ what: 'unknown parameter', url: '/api/v1/alert-rules?kind=goal_behind', field: 'kind' }],
      },
      'POST /api/v1/alert-rules': {
        perm: 'alerts.manage',
        wrongRole: 'sales',
        url: () => '/api/v1/alert-rules',
        body: () => rule,
        bad: [
          { what: 'kind missing', body: { level: 'info', threshold: 5 }, field: 'kind' },
          { what: 'unknown kind', body: { ...rule, kind: 'members_left' }, field: 'kind' },
          { what: 'unknown level', body: { ...rule, level: 'high' }, field: 'level' },
          { what: 'threshold a string', body: { ...rule, threshold: '15' }, field: 'threshold' },
          { what: 'rate above 100%', body: { ...rule, threshold: 101 }, field: 'threshold', code: 'alert_rule.threshold_out_of_range' },
          { what: 'negative rate', body: { ...rule, threshold: -1 }, field: 'threshold', code: 'alert_rule.threshold_out_of_range' },
          { what: 'hours not whole', body: { kind: 'group_qr_expiring', level: 'info', threshold: 2.5 }, field: 'threshold', code: 'alert_rule.threshold_out_of_range' },
          { what: 'more than a week of hours', body: { kind: 'group_qr_expiring', level: 'info', threshold: 169 }, field: 'threshold', code: 'alert_rule.threshold_out_of_range' },
          { what: 'enabled not a boolean', body: { ...rule, enabled: 'yes' }, field: 'enabled' },
          { what: 'unknown field', body: { ...rule, subject: 'group:1' }, field: 'subject' },
        ],
      },
      'PATCH /api/v1/alert-rules/{id}': {
        perm: 'alerts.manage',
        wrongRole: 'sales',
        url: () => `/api/v1/alert-rules/${f.ruleId}`,
        body: () => ({ threshold: 20 }),
        bad: [
          { what: 'id not a number', url: '/api/v1/alert-rules/abc', field: 'id' },
          { what: 'threshold a string', body: { threshold: 'x' }, field: 'threshold' },
          { what: 'rate above 100%', body: { threshold: 150 }, field: 'threshold', code: 'alert_rule.threshold_out_of_range' },
          { what: 'unknown level', body: { level: 'urgent' }, field: 'level' },
          { what: 'kind cannot change', body: { kind: 'goal_behind' }, field: 'kind' },
        ],
        missing: [{ url: () => `/api/v1/alert-rules/${noSuch}`, code: 'alert_rule.not_found' }],
      },
      'DELETE /api/v1/alert-rules/{id}': {
        perm: 'alerts.manage',
        wrongRole: 'sales',
        url: () => `/api/v1/alert-rules/${f.ruleId}`,
        bad: [{ what: 'id not a number', url: '/api/v1/alert-rules/abc', field: 'id' }],
        missing: [{ url: () => `/api/v1/alert-rules/${noSuch}`, code: 'alert_rule.not_found' }],
      },
    },
  };
}
