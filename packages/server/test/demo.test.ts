// The demo workspace `npm start` creates on a fresh machine: seeded through the real services on this run's
// database, then read back through the staff API as the console reads it. A seed that no longer fits the rules
// (a campaign that cannot be enrolled, a refund the settlement refuses) fails here, not on a new user's machine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rebuildAnalytics } from '../src/analytics/rebuild.js';
import { seedDemo } from '../src/demo/seed.js';
import { localDate } from '../src/campaigns/rules.js';
import { JOBS } from '../src/scheduler/registry.js';
import { runDueJobs } from '../src/scheduler/runner.js';
import { ok } from './api-checks.js';
import { login, startServer, type TestServer, type Client } from './harness.js';

let server: TestServer;
let admin: Client;
let summary: Awaited<ReturnType<typeof seedDemo>>;

before(async () => {
  server = await startServer();
  summary = await seedDemo(server.services, { key: 'demo' });
  admin = await login(server.url, 'demo', 'admin', 'qunyun-demo');
});
after(() => server?.close());

test('the demo has members, campaigns being run, check-ins and refunds', async () => {
  assert.ok(summary.members > 600, `members: ${summary.members}`);
  assert.ok(summary.enrollments > 500, `enrollments: ${summary.enrollments}`);
  assert.ok(summary.checkins > 3000, `check-ins: ${summary.checkins}`);
  assert.ok(summary.refunds > 50, `refunds: ${summary.refunds}`);
  // The seed moves the clock to the days it simulates; it must leave it at real time.
  assert.ok(Math.abs(server.services.clock.now().getTime() - Date.now()) < 5_000, 'the clock is back to real time');
});

test('the oldest camp is settled and paid out; its ledger adds up', async () => {
  const campaigns = (await ok(admin.get('/api/v1/campaigns'))).items as Array<{ id: number; key: string; status: string }>;
  const x1 = campaigns.find((c) => c.key === 'X1')!;
  assert.equal(x1.status, 'ended');
  const settlement = await ok(admin.get(`/api/v1/campaigns/${x1.id}/settlement`));
  assert.equal(settlement.open, true);
  const rows = settlement.items as Array<{ class: string; decision: string | null; paidCents: number; refundCents: number | null; refundedAt: string | null }>;
  const paid = rows.filter((r) => r.paidCents > 0);
  assert.ok(paid.every((r) => r.decision !== null), 'every paid enrollment of the oldest camp has a decision');
  assert.ok(rows.filter((r) => r.decision === 'refund').every((r) => r.refundedAt !== null), 'every refund decided is paid out');
  const { collectedCents, refundedCents, forfeitedCents, netCents } = settlement.ledger;
  assert.equal(collectedCents, paid.reduce((sum, r) => sum + r.paidCents, 0));
  assert.equal(refundedCents, rows.reduce((sum, r) => sum + (r.refundCents ?? 0), 0));
  assert.equal(netCents, collectedCents - refundedCents);
  assert.ok(forfeitedCents > 0 && refundedCents > 0, 'some deposits were refunded and some forfeited');
});

test('the running camp has today’s progress, a review queue and an absentee list', async () => {
  const campaigns = (await ok(admin.get('/api/v1/campaigns'))).items as Array<{ id: number; key: string; status: string }>;
  const x3 = campaigns.find((c) => c.key === 'X3')!;
  assert.equal(x3.status, 'running');
  const enrollments = await ok(admin.get(`/api/v1/campaigns/${x3.id}/enrollments?limit=200`));
  assert.ok(enrollments.items.some((e: { progress: { counted: number } }) => e.progress.counted > 5), 'members have checked in for days');
  const absentees = await ok(admin.get(`/api/v1/campaigns/${x3.id}/absentees`));
  assert.ok(absentees.counts.enrolled > 100, `enrolled: ${absentees.counts.enrolled}`);
  const board = await ok(admin.get(`/api/v1/campaigns/${x3.id}/leaderboard?period=total`));
  assert.ok(board.items.length > 10);
});

test('the next camp takes signups through its channel link', async () => {
  const channels = (await ok(admin.get('/api/v1/channels'))).items as Array<{ code: string; campaignId: number | null; name: string }>;
  const signup = channels.find((c) => c.campaignId !== null)!;
  assert.ok(signup, 'one channel leads to a campaign');
  const res = await fetch(`${server.url}/c/${signup.code}`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), `/m/c/${signup.code}`);
  const landing = await ok(admin.get(`/api/m/landing/${signup.code}`));
  assert.equal(landing.campaign.signupOpen, true);
});

test('the operations index reads the demo, and its incrementally kept rollups equal a rebuild', async () => {
  const series = await ok(admin.get('/api/v1/reports/series?series=X'));
  assert.deepEqual(series.campaigns.map((c: { campaign: string }) => c.campaign), ['X1', 'X2', 'X3', 'X4']);
  const x3 = series.campaigns.find((c: { campaign: string }) => c.campaign === 'X3');
  assert.ok(x3.by_first_in_series.length >= 2, 'X3 holds members who came from earlier editions');
  const composition = await ok(admin.get('/api/v1/reports/composition?campaign=X3'));
  assert.equal(composition.participants, x3.participants);
  // The seed's check-ins went through the check-in service, which recorded their days as activity.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const daily = await ok(admin.get(`/api/v1/reports/daily?from=${from}&to=${today}`));
  assert.ok(daily.days.some((d: { dau: number }) => d.dau > 50), 'days with check-ins are active');
  const paths = ['series?series=X', 'composition?campaign=X3', 'reenrolment?campaign=X2', 'funnel?campaign=X1', `daily?from=${from}&to=${today}`,
    `retention?period=week&periods=8&from=${from}&to=${today}`];
  const strip = ({ generated_at: _, ...rest }: Record<string, unknown>) => rest;
  const before = await Promise.all(paths.map(async (p) => strip(await ok(admin.get(`/api/v1/reports/${p}`)))));
  const workspace = await server.services.workspaces.findByKey('demo');
  await server.services.database.db.transaction().execute((tx) => rebuildAnalytics(tx, workspace!.id));
  const after = await Promise.all(paths.map(async (p) => strip(await ok(admin.get(`/api/v1/reports/${p}`)))));
  assert.deepEqual(before, after);
});

test('the demo runs the operation: goals, SOP tasks with points, problems, work plan, alerts, a retrospective', async () => {
  for (const key of ['goals', 'sopTasks', 'workItems', 'pointsEntries', 'retrospectives']) assert.ok((summary as Record<string, unknown>)[key] !== undefined, `the summary counts ${key}`);
  const goals = await ok(admin.get('/api/v1/goals'));
  assert.ok(goals.items.length >= 3, 'goals');
  const today = await ok(admin.get('/api/v1/sops/stats'));
  assert.ok(today.total.due > 0, 'SOP tasks on the running camp');
  const ledger = await ok(admin.get('/api/v1/points/leaderboard?period=month'));
  assert.ok(ledger.items.some((row: { points: number }) => row.points !== 0), 'points on the leaderboard');
  assert.ok((await ok(admin.get('/api/v1/problems?q=退款'))).items.length > 0, 'the problem bank finds 退款');
  assert.ok((await ok(admin.get('/api/v1/alerts?status=all'))).items.length > 0, 'alerts raised from the data');
});

test('every scheduled job, run again over the demo, changes nothing the second time', async () => {
  const workspace = (await server.services.workspaces.findByKey('demo'))!;
  const db = server.services.database.db;
  const tables = ['sop_tasks', 'points_ledger', 'alerts', 'goal_day_targets', 'problems', 'work_items'] as const;
  const snapshot = async () => Promise.all(tables.map((t) => db.selectFrom(t).selectAll().where('workspace_id', '=', workspace.id).orderBy('id').execute()));
  const now = server.services.clock.now();
  await runDueJobs(server.services, JOBS, now, { workspaceId: workspace.id });
  const once = await snapshot();
  // The bodies themselves, again at the same instant, as a retry or a second period's pass would run them.
  const day = localDate(now, workspace.timezone);
  for (const job of JOBS) {
    if (job.name === 'scheduler.prune') continue;
    await job.run(server.services, workspace, { period: `again:${job.name}`, now, localDate: day });
  }
  assert.deepEqual(await snapshot(), once);
});
