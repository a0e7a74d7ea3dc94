// Goal-day points on a real database: the settlement credits every active staff member of a team whose daily
// target was met, for the days that ended in the last week, once per staff member and day — run twice, or by two
// callers at once (on PostgreSQL through two separate connection pools, as two server instances would).
//
// The goals' daily attainment comes from a test double handed to the service's constructor (its `goals`
// dependency): the one fake here, so that the days met are known exactly whatever the goals feature computes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { openDatabase, type Database } from '../src/db/connection.js';
import type { TeamDayAttainment } from '../src/goals/service.js';
import { systemContext, type AccessContext } from '../src/http/access.js';
import { settlePointsJob } from '../src/incentives/jobs.js';
import { IncentiveService } from '../src/incentives/service.js';
import { JOBS } from '../src/scheduler/registry.js';
import { runDueJobs } from '../src/scheduler/runner.js';
import type { Services } from '../src/services.js';
import { ok } from './api-checks.js';
import { createWorkspace, PASSWORD, startServer, TEST_DB, TEST_PG_URL, type Client, type TestServer, type TestWorkspace } from './harness.js';

/** Days met as the test says, and which days were asked for. */
class GoalsDouble {
  readonly asked: string[] = [];
  constructor(readonly days: Map<string, TeamDayAttainment[]> = new Map(), readonly delayMs = 0) {}

  async dayAttainment(_ctx: AccessContext, day: string): Promise<TeamDayAttainment[]> {
    this.asked.push(day);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.days.get(day) ?? [];
  }
}

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let ctx: AccessContext;
const teams = { one: 0, two: 0 };
const staff = { a1: 0, a2: 0, a3: 0, b1: 0 };

function met(day: string, teamId: number | null, over: Partial<TeamDayAttainment> = {}): TeamDayAttainment {
  return { goalId: 1, goalName: '12月付费转化', metric: 'paid', teamId, teamName: teamId === teams.one ? '运营一组' : '运营二组', day, planned: 2000, target: 2000, actual: 2100, met: true, ...over };
}

const service = (goals: GoalsDouble, db = server.services.database.db) => new IncentiveService(db, server.services.clock, { goals });

async function goalEntries() {
  return server.services.database.db.selectFrom('points_ledger').select(['staff_id', 'points', 'source', 'day', 'reason', 'rule_kind', 'kind'])
    .where('workspace_id', '=', W.id).where('rule_kind', '=', 'goal_day_met').orderBy('day').orderBy('staff_id').execute();
}

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  ctx = systemContext(W.id, new Set(PERMISSIONS), 'test');
  teams.one = (await ok(owner.post('/api/v1/teams', { name: '运营一组' }), 201)).id;
  teams.two = (await ok(owner.post('/api/v1/teams', { name: '运营二组' }), 201)).id;
  const mk = async (username: string, teamId: number) =>
    (await ok(owner.post('/api/v1/staff', { username, displayName: username, password: PASSWORD, role: 'operator', teamId }), 201)).id as number;
  staff.a1 = await mk('a1', teams.one);
  staff.a2 = await mk('a2', teams.one);
  staff.a3 = await mk('a3', teams.one);
  staff.b1 = await mk('b1', teams.two);
  await ok(owner.patch(`/api/v1/staff/${staff.a3}`, { disabled: true }));
  server.services.clock.set('2026-12-10T04:00:00Z'); // 12:00 in Shanghai
});

after(async () => {
  server?.services.clock.set(null);
  await server?.close();
});

test('the days that ended in the last week are settled: active members of a team that met its target get +5 each, once', async () => {
  const goals = new GoalsDouble(new Map([
    ['2026-12-02', [met('2026-12-02', teams.one)]], // 8 days ago: no longer looked at
    ['2026-12-08', [met('2026-12-08', teams.one), met('2026-12-08', teams.two, { actual: 1500, met: false })]],
    ['2026-12-09', [met('2026-12-09', teams.one, { target: 2125, actual: 2200 }), met('2026-12-09', null, { goalId: 2, teamName: null })]],
    ['2026-12-10', [met('2026-12-10', teams.two)]], // today: not over yet
  ]));
  const first = await service(goals).settleGoalDays(ctx);
  assert.deepEqual(goals.asked, ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09']);
  assert.deepEqual(first, { goalDays: 2, entries: 4 });
  const rows = await goalEntries();
  assert.deepEqual(rows.map((r) => [r.day, r.staff_id, r.points, r.source, r.kind]), [
    ['2026-12-08', staff.a1, 5, `goal_day:1:${teams.one}:2026-12-08`, 'rule'],
    ['2026-12-08', staff.a2, 5, `goal_day:1:${teams.one}:2026-12-08`, 'rule'],
    ['2026-12-09', staff.a1, 5, `goal_day:1:${teams.one}:2026-12-09`, 'rule'],
    ['2026-12-09', staff.a2, 5, `goal_day:1:${teams.one}:2026-12-09`, 'rule'],
  ], 'not the disabled a3, not team two (missed), not a goal without teams');
  assert.equal(rows[2]!.reason, '目标「12月付费转化」运营一组 2026-12-09 达成日目标（2200 / 2125）');

  assert.deepEqual(await service(goals).settleGoalDays(ctx), { goalDays: 2, entries: 0 }, 'run twice: nothing more');
  assert.equal((await goalEntries()).length, 4);
  // A staff member who joined the team later is credited for the days still looked at, once.
  await ok(owner.patch(`/api/v1/staff/${staff.b1}`, { teamId: teams.one }));
  assert.deepEqual(await service(goals).settleGoalDays(ctx), { goalDays: 2, entries: 2 });
  await ok(owner.patch(`/api/v1/staff/${staff.b1}`, { teamId: teams.two }));
  assert.deepEqual(await service(goals).settleGoalDays(ctx), { goalDays: 2, entries: 0 }, 'leaving the team takes nothing back');
});

test('two callers at once (two connection pools on PostgreSQL) give one entry per staff member and goal day', async () => {
  const days = new Map([['2026-12-07', [met('2026-12-07', teams.two, { goalId: 3 })]], ['2026-12-06', [met('2026-12-06', teams.one, { goalId: 3 })]]]);
  let second: Database | null = null;
  if (TEST_DB === 'postgres') {
    second = await openDatabase({ databaseUrl: TEST_PG_URL, dataDir: server.services.dataDir, pgSchema: server.services.database.pgSchema });
  }
  try {
    const callers = [service(new GoalsDouble(days, 50)), service(new GoalsDouble(days, 50), second?.db), service(new GoalsDouble(days, 50))];
    const outcomes = await Promise.all(callers.map((s) => s.settleGoalDays(ctx)));
    assert.equal(outcomes.reduce((n, o) => n + o.entries, 0), 3, 'b1 on 12-07, a1 and a2 on 12-06, written by whichever came first');
  } finally {
    await second?.close();
  }
  const rows = (await goalEntries()).filter((r) => r.source!.startsWith('goal_day:3:'));
  assert.deepEqual(rows.map((r) => [r.day, r.staff_id]), [['2026-12-06', staff.a1], ['2026-12-06', staff.a2], ['2026-12-07', staff.b1]]);
});

test('a disabled rule settles nothing; a changed rule applies to the days that end after the change', async () => {
  const rules = (await ok(owner.get('/api/v1/incentive-rules'))).items.map((r: { kind: string; points: number; enabled: boolean }) => ({ kind: r.kind, points: r.points, enabled: r.enabled }));
  const set = (goalDay: { points: number; enabled: boolean }) =>
    ok(owner.send('PUT', '/api/v1/incentive-rules', { rules: rules.map((r: { kind: string }) => (r.kind === 'goal_day_met' ? { ...r, ...goalDay } : r)) }));
  const goals = new GoalsDouble(new Map([
    ['2026-12-05', [met('2026-12-05', teams.two, { goalId: 4 })]],
    ['2026-12-10', [met('2026-12-10', teams.two, { goalId: 4 })]],
  ]));
  await set({ points: 5, enabled: false });
  assert.deepEqual(await service(goals).settleGoalDays(ctx), { goalDays: 0, entries: 0 });
  assert.deepEqual(goals.asked, [], 'the goals are not even asked');

  // Enabled again (at 12:00 on 12-10) with +10: 12-05 ended before the change and stays without points; 12-10 ends after it.
  await set({ points: 10, enabled: true });
  assert.deepEqual(await service(goals).settleGoalDays(ctx), { goalDays: 0, entries: 0 });
  server.services.clock.set('2026-12-10T16:05:00Z'); // 00:05 on 12-11 in Shanghai
  try {
    assert.deepEqual(await service(goals).settleGoalDays(ctx), { goalDays: 1, entries: 1 });
  } finally {
    server.services.clock.set('2026-12-10T04:00:00Z');
  }
  const rows = (await goalEntries()).filter((r) => r.source!.startsWith('goal_day:4:'));
  assert.deepEqual(rows.map((r) => [r.day, r.staff_id, r.points]), [['2026-12-10', staff.b1, 10]]);
  await set({ points: 5, enabled: true });
});

test('the scheduled job settles through the service and says what it did; the registered job runs in a pass', async () => {
  const goals = new GoalsDouble(new Map([['2026-12-11', [met('2026-12-11', teams.two, { goalId: 5 })]]]));
  const services = { ...server.services, incentives: service(goals) } as Services;
  const workspace = { id: W.id, key: W.key, timezone: 'Asia/Shanghai' };
  const context = { period: '2026-12-12T00:15', now: new Date('2026-12-11T16:15:00Z'), localDate: '2026-12-12' };
  assert.equal(await settlePointsJob.run(services, workspace, context), '1 team goal days met, 1 points entries added');
  assert.equal(await settlePointsJob.run(services, workspace, context), '1 team goal days met, 0 points entries added');

  assert.ok(JOBS.includes(settlePointsJob));
  const outcomes = await runDueJobs(server.services, JOBS, new Date('2026-12-11T16:20:00Z'), { only: ['incentives.settle'], workspaceId: W.id });
  assert.deepEqual(outcomes.map((o) => [o.job, o.period, o.status]), [['incentives.settle', '2026-12-12T00:15', 'done']]);
});
