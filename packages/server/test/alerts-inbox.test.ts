// The alert inbox and the rules over HTTP: filters, pages and counts; acknowledge and resolve, idempotent, by the
// addressee or someone who may manage alerts; who or what resolved an alert; openAlerts; the rules' defaults and
// edits; evaluating on demand and from the scheduler.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { raiseAlert } from '../src/alerts/raise.js';
import { scoped } from '../src/db/scoped.js';
import { checkImage } from '../src/groups/qr-image.js';
import { JOBS } from '../src/scheduler/registry.js';
import { runDueJobs } from '../src/scheduler/runner.js';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { PNG_1PX } from './multipart.js';

let server: TestServer;
let w: TestWorkspace;
let owner: Client;
let operator: Client;
let sales: Client;
let viewer: Client;
const ids = { owner: 0, sales: 0 };

before(async () => {
  server = await startServer();
  w = await createWorkspace(server);
  owner = await w.as('owner');
  operator = await w.as('operator');
  sales = await w.as('sales');
  viewer = await w.as('viewer');
  ids.owner = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
  ids.sales = (await ok(sales.get('/api/v1/auth/me'))).staff.id;
});

after(async () => {
  await server?.close();
});

type Alert = { id: number; kind: string; level: string; subject: string; staff: { id: number } | null; acknowledgedAt: string | null; acknowledgedBy: { id: number; displayName: string } | null; resolvedAt: string | null; resolvedBy: { id: number } | null; resolution: string | null; target: unknown };
const idsOf = (items: Alert[]) => items.map((a) => a.id);

/** A channel with an empty pool owned by `ownerStaffId`, visited once: a critical live_code_exhausted alert. */
async function exhausted(name: string, ownerStaffId: number): Promise<Alert> {
  const channel = await ok(owner.post('/api/v1/channels', { name, ownerStaffId }), 201);
  assert.equal((await fetch(`${server.url}/c/${channel.code}`)).status, 200);
  return (await ok(owner.get('/api/v1/alerts?kind=live_code_exhausted'))).items.find((a: Alert) => a.subject === `channel:${channel.id}`);
}

test('the inbox: filters, pages, counts, acknowledge and resolve with their rights, and who or what resolved', async () => {
  const forSales = await exhausted('销售海报', ids.sales);
  const forOwner = await exhausted('公众号', ids.owner);
  const group = await server.services.groups.create(w.ctx, { platform: 'wechat', name: '扫码群' });
  const { qrExpiresAt } = await server.services.groups.setQr(w.ctx, group.id, PNG_1PX, checkImage(PNG_1PX));
  await server.services.alerts.evaluate(w.ctx, server.services, new Date(Date.parse(qrExpiresAt!) - 2 * 3_600_000));
  const qr = (await ok(owner.get('/api/v1/alerts?kind=group_qr_expiring'))).items[0] as Alert;
  assert.deepEqual([qr.level, qr.staff, qr.target], ['warning', null, { type: 'group', id: group.id }]);
  assert.deepEqual(forSales.target, { type: 'channel', id: Number(forSales.subject.split(':')[1]) });

  let page = await ok(owner.get('/api/v1/alerts'));
  assert.deepEqual(idsOf(page.items), [qr.id, forOwner.id, forSales.id], 'unresolved, newest first');
  assert.deepEqual(page.counts, { open: { total: 3, info: 0, warning: 1, critical: 2 }, acknowledged: { total: 0, info: 0, warning: 0, critical: 0 } });
  assert.deepEqual(idsOf((await ok(sales.get('/api/v1/alerts?mine=true'))).items), [forSales.id]);
  assert.equal((await ok(sales.get('/api/v1/alerts?mine=true'))).counts.open.total, 1, 'the counts follow mine');
  assert.deepEqual(idsOf((await ok(owner.get('/api/v1/alerts?level=warning'))).items), [qr.id]);
  assert.deepEqual(idsOf((await ok(viewer.get('/api/v1/alerts?kind=live_code_exhausted'))).items), [forOwner.id, forSales.id], 'everyone may read the inbox');
  page = await ok(owner.get('/api/v1/alerts?limit=2'));
  assert.deepEqual([idsOf(page.items), page.nextCursor], [[qr.id, forOwner.id], String(forOwner.id)]);
  page = await ok(owner.get(`/api/v1/alerts?limit=2&cursor=${page.nextCursor}`));
  assert.deepEqual([idsOf(page.items), page.nextCursor], [[forSales.id], null]);

  // The addressee may acknowledge and resolve their own alert (sales may not manage alerts), and nobody else's.
  const acknowledged = await ok(sales.post(`/api/v1/alerts/${forSales.id}/acknowledge`, {}));
  assert.deepEqual([acknowledged.acknowledgedBy.id, acknowledged.resolvedAt], [ids.sales, null]);
  assert.deepEqual(await ok(sales.post(`/api/v1/alerts/${forSales.id}/acknowledge`, {})), acknowledged, 'acknowledging again changes nothing');
  assertError(await sales.post(`/api/v1/alerts/${forOwner.id}/acknowledge`, {}), 403, 'auth.forbidden');
  assertError(await sales.post(`/api/v1/alerts/${forOwner.id}/resolve`, {}), 403, 'auth.forbidden');
  assertError(await viewer.post(`/api/v1/alerts/${forOwner.id}/resolve`, {}), 403, 'auth.forbidden');
  assert.deepEqual(idsOf((await ok(owner.get('/api/v1/alerts?status=open'))).items), [qr.id, forOwner.id]);
  assert.deepEqual(idsOf((await ok(owner.get('/api/v1/alerts?status=acknowledged'))).items), [forSales.id]);
  assert.deepEqual((await ok(owner.get('/api/v1/alerts'))).counts.acknowledged, { total: 1, info: 0, warning: 0, critical: 1 });

  const resolved = await ok(sales.post(`/api/v1/alerts/${forSales.id}/resolve`, {}));
  assert.deepEqual([resolved.resolvedBy.id, resolved.resolution, resolved.acknowledgedBy.id], [ids.sales, 'staff', ids.sales]);
  assert.deepEqual(await ok(sales.post(`/api/v1/alerts/${forSales.id}/resolve`, {})), resolved, 'resolving again changes nothing');
  assert.equal((await ok(owner.post(`/api/v1/alerts/${forSales.id}/acknowledge`, {}))).acknowledgedAt, acknowledged.acknowledgedAt, 'a resolved alert stays as it was');
  const audit = await server.services.database.db.selectFrom('audit_log').select('action')
    .where('workspace_id', '=', w.id).where('entity', '=', 'alert').where('entity_id', '=', String(forSales.id)).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['alert.acknowledge', 'alert.resolve'], 'one audit entry per change, none for the repeats');

  // An operator (alerts.manage) resolves anyone's alert; the QR alert is cleared by an evaluation after a new upload.
  const twice = await Promise.all([operator.post(`/api/v1/alerts/${forOwner.id}/resolve`, {}), operator.post(`/api/v1/alerts/${forOwner.id}/resolve`, {})]);
  assert.deepEqual(twice.map((r) => [r.status, r.body.resolution]), [[200, 'staff'], [200, 'staff']]);
  assert.equal(twice[0]!.body.resolvedAt, twice[1]!.body.resolvedAt, 'two resolves at once: one resolved it, the other saw it resolved');
  const resolves = await server.services.database.db.selectFrom('audit_log').select('id')
    .where('workspace_id', '=', w.id).where('action', '=', 'alert.resolve').where('entity_id', '=', String(forOwner.id)).execute();
  assert.equal(resolves.length, 1);
  await server.services.groups.setQr(w.ctx, group.id, PNG_1PX, checkImage(PNG_1PX), new Date(Date.now() + 3 * 86_400_000).toISOString());
  assert.equal((await ok(operator.post('/api/v1/alerts/evaluate', {}))).cleared, 1);
  const cleared = (await ok(owner.get('/api/v1/alerts?status=resolved'))).items.find((a: Alert) => a.id === qr.id);
  assert.deepEqual([cleared.resolution, cleared.resolvedBy], ['cleared', null]);
  assert.deepEqual(idsOf((await ok(owner.get('/api/v1/alerts?status=resolved'))).items), [qr.id, forOwner.id, forSales.id]);
  // Older clients: open=true|false.
  assert.deepEqual(idsOf((await ok(owner.get('/api/v1/alerts?open=false'))).items), [qr.id, forOwner.id, forSales.id]);
  assert.deepEqual((await ok(owner.get('/api/v1/alerts?open=true'))).items, []);
  assertError(await sales.post('/api/v1/alerts/987654/resolve', {}), 404, 'alert.not_found');
});

test('openAlerts: unresolved (acknowledged included), most severe first, then newest', async () => {
  const ws = await createWorkspace(server);
  const s = scoped(server.services.database.db, ws.id);
  const raise = (level: string, subject: string, at: string) => raiseAlert(s, { kind: 'test.kind', level, subject, message: subject, staffId: null, at });
  await raise('warning', 'a', '2026-05-01T00:00:00Z');
  await raise('critical', 'b', '2026-05-01T00:00:00Z');
  await raise('warning', 'c', '2026-05-02T00:00:00Z');
  await raise('info', 'd', '2026-05-03T00:00:00Z');
  assert.equal(await raise('info', 'd', '2026-05-04T00:00:00Z'), false, 'the same condition is not raised twice while open');
  const [b] = await server.services.alerts.openAlerts(ws.ctx);
  await server.services.alerts.acknowledge(ws.ctx, b!.id);
  const open = await server.services.alerts.openAlerts(ws.ctx);
  assert.deepEqual(open.map((a) => [a.subject, a.level, a.acknowledgedAt !== null]), [['b', 'critical', true], ['c', 'warning', false], ['a', 'warning', false], ['d', 'info', false]]);
  await server.services.alerts.resolve(ws.ctx, open[1]!.id);
  assert.deepEqual((await server.services.alerts.openAlerts(ws.ctx)).map((a) => a.subject), ['b', 'a', 'd']);
});

test('rules: the defaults with their kinds, one rule per kind and level, thresholds checked per kind, the last rule stays', async () => {
  const ws = await createWorkspace(server);
  const admin = await ws.as('admin');
  const { items, kinds } = await ok(admin.get('/api/v1/alert-rules'));
  assert.equal(items.length, 8);
  assert.deepEqual(kinds.map((k: { kind: string; unit: string; comparison: string }) => [k.kind, k.unit, k.comparison]), [
    ['group_leave_rate_7d', 'percent', 'above'], ['checkin_rate_day', 'percent', 'below'], ['goal_behind', 'points', 'above'],
    ['group_qr_expiring', 'hours', 'at_most'], ['live_code_exhausted', 'groups', 'at_most'],
  ]);
  assertError(await admin.post('/api/v1/alert-rules', { kind: 'group_leave_rate_7d', level: 'warning', threshold: 12 }), 409, 'alert_rule.duplicate', 'level');
  const info = await ok(admin.post('/api/v1/alert-rules', { kind: 'group_leave_rate_7d', level: 'info', threshold: 10, enabled: false }), 201);
  assert.deepEqual([info.kind, info.level, info.threshold, info.enabled], ['group_leave_rate_7d', 'info', 10, false]);
  const changed = await ok(admin.patch(`/api/v1/alert-rules/${info.id}`, { threshold: 12.5, enabled: true }));
  assert.deepEqual([changed.threshold, changed.enabled, changed.level], [12.5, true, 'info']);
  assertError(await admin.patch(`/api/v1/alert-rules/${info.id}`, { level: 'critical' }), 409, 'alert_rule.duplicate', 'level');
  const qr = items.find((r: { kind: string; level: string }) => r.kind === 'group_qr_expiring' && r.level === 'warning');
  assertError(await admin.patch(`/api/v1/alert-rules/${qr.id}`, { threshold: 2.5 }), 400, 'alert_rule.threshold_out_of_range', 'threshold');
  assert.equal((await ok(admin.patch(`/api/v1/alert-rules/${qr.id}`, { threshold: 48 }))).threshold, 48);
  assertError(await (await ws.as('sales')).patch(`/api/v1/alert-rules/${qr.id}`, { threshold: 12 }), 403, 'auth.forbidden');
  assert.equal((await ok((await ws.as('viewer')).get('/api/v1/alert-rules'))).items.length, 9, 'everyone may read the rules');

  const all = (await ok(admin.get('/api/v1/alert-rules'))).items as Array<{ id: number }>;
  for (const rule of all.slice(1)) assert.equal((await admin.delete(`/api/v1/alert-rules/${rule.id}`)).status, 204);
  assertError(await admin.delete(`/api/v1/alert-rules/${all[0]!.id}`), 409, 'alert_rule.last_rule');
  assert.deepEqual(idsOf((await ok(admin.get('/api/v1/alert-rules'))).items), [all[0]!.id], 'no defaults come back while one rule is left');
});

test('the scheduled job evaluates once per 15-minute period and says what it did', async () => {
  const ws = await createWorkspace(server);
  const group = await server.services.groups.create(ws.ctx, { platform: 'wechat', name: '快过期群' });
  const { qrExpiresAt } = await server.services.groups.setQr(ws.ctx, group.id, PNG_1PX, checkImage(PNG_1PX));
  const now = new Date(Date.parse(qrExpiresAt!) - 3_600_000);
  const [run] = await runDueJobs(server.services, JOBS, now, { only: ['alerts.evaluate'], workspaceId: ws.id });
  assert.deepEqual([run?.status, run?.detail], ['done', '1 raised, 0 escalated, 0 cleared (group_leave_rate_7d, checkin_rate_day, goal_behind, group_qr_expiring, live_code_exhausted)']);
  assert.deepEqual(await runDueJobs(server.services, JOBS, now, { only: ['alerts.evaluate'], workspaceId: ws.id }), [], 'the period is taken');
  const [next] = await runDueJobs(server.services, JOBS, new Date(now.getTime() + 15 * 60_000), { only: ['alerts.evaluate'], workspaceId: ws.id });
  assert.match(next!.detail!, /^0 raised, 0 escalated, 0 cleared/, 'the next period changes nothing: the alert is open');
});
