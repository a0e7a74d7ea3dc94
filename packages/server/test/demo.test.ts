// The demo workspace `npm start` creates on a fresh machine: seeded through the real services on this run's
// database, then read back through the staff API as the console reads it. A seed that no longer fits the rules
// (a campaign that cannot be enrolled, a refund the settlement refuses) fails here, not on a new user's machine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../src/demo/seed.js';
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
