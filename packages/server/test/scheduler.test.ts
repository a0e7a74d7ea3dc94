// The scheduler: each job runs once per period and workspace, in the workspace's own time zone, whether the pass
// is repeated or two processes run it at the same moment; a failed run is retried, a dead one taken over.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { duePeriod, runDueJobs } from '../src/scheduler/runner.js';
import { countingJob, COUNTER, failing, flakyJob } from './fixtures/scheduler-jobs.js';
import { createWorkspace, startServer, TEST_DB, type TestServer } from './harness.js';

const execFileAsync = promisify(execFile);
let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

async function count(workspaceId: number): Promise<number> {
  const row = await server.services.database.db.selectFrom('counters').select('value')
    .where('workspace_id', '=', workspaceId).where('name', '=', COUNTER).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

async function runs(workspaceId: number) {
  return server.services.database.db.selectFrom('job_runs').selectAll().where('workspace_id', '=', workspaceId).orderBy('period').execute();
}

test('due periods: every N minutes aligned to the local clock; daily from the local time on', () => {
  assert.equal(duePeriod({ everyMinutes: 15 }, { date: '2026-12-01', minute: 9 * 60 + 44 }), '2026-12-01T09:30');
  assert.equal(duePeriod({ everyMinutes: 60 }, { date: '2026-12-01', minute: 59 }), '2026-12-01T00:00');
  assert.equal(duePeriod({ dailyAt: '00:05' }, { date: '2026-12-01', minute: 4 }), null);
  assert.equal(duePeriod({ dailyAt: '00:05' }, { date: '2026-12-01', minute: 5 }), '2026-12-01');
  assert.equal(duePeriod({ dailyAt: '00:05' }, { date: '2026-12-01', minute: 23 * 60 + 59 }), '2026-12-01');
});

test('a pass repeated in the same period changes nothing; the next period runs again', async () => {
  const ws = await createWorkspace(server);
  const at = new Date('2026-12-01T02:10:00Z');
  const first = await runDueJobs(server.services, [countingJob], at, { workspaceId: ws.id });
  assert.deepEqual(first.map((o) => [o.job, o.period, o.status, o.detail]), [['test.count', '2026-12-01T10:00', 'done', 'counted']], 'Asia/Shanghai 10:10 → the 10:00 period');
  assert.deepEqual(await runDueJobs(server.services, [countingJob], new Date('2026-12-01T02:50:00Z'), { workspaceId: ws.id }), [], 'same local hour: already run');
  assert.equal(await count(ws.id), 1);
  await runDueJobs(server.services, [countingJob], new Date('2026-12-01T03:00:00Z'), { workspaceId: ws.id });
  assert.equal(await count(ws.id), 2, 'the next hour is a new period');
  assert.deepEqual((await runs(ws.id)).map((r) => [r.period, r.status]), [['2026-12-01T10:00', 'done'], ['2026-12-01T11:00', 'done']]);
});

test('a daily job is due by each workspace’s own clock', async () => {
  const shanghai = await createWorkspace(server);
  const newYork = await createWorkspace(server);
  await server.services.database.db.updateTable('workspaces').set({ timezone: 'America/New_York' }).where('id', '=', newYork.id).execute();
  failing.on = false;
  // 2026-12-01 00:30 UTC: 08:30 on Dec 1 in Shanghai, 19:30 on Nov 30 in New York.
  const at = new Date('2026-12-01T00:30:00Z');
  assert.deepEqual((await runDueJobs(server.services, [flakyJob], at, { workspaceId: shanghai.id })).map((o) => o.period), ['2026-12-01']);
  assert.deepEqual((await runDueJobs(server.services, [flakyJob], at, { workspaceId: newYork.id })).map((o) => o.period), ['2026-11-30'],
    "New York's Nov 30 run (08:00 local has passed there)");
  assert.deepEqual(await runDueJobs(server.services, [flakyJob], new Date('2026-12-01T12:00:00Z'), { workspaceId: newYork.id }), [],
    'New York at 07:00 on Dec 1: not yet due');
});

test('a failed run is retried on the next pass; a run left running by a dead process is taken over after 30 minutes', async () => {
  const ws = await createWorkspace(server);
  failing.on = true;
  const at = new Date('2026-12-02T01:00:00Z'); // 09:00 Shanghai
  const failed = await runDueJobs(server.services, [flakyJob], at, { workspaceId: ws.id });
  assert.deepEqual(failed.map((o) => [o.status, o.detail]), [['failed', 'Error: upstream unavailable']]);
  failing.on = false;
  const retried = await runDueJobs(server.services, [flakyJob], new Date('2026-12-02T01:01:00Z'), { workspaceId: ws.id });
  assert.deepEqual(retried.map((o) => [o.period, o.status]), [['2026-12-02', 'done']]);
  assert.deepEqual(await runDueJobs(server.services, [flakyJob], new Date('2026-12-02T01:02:00Z'), { workspaceId: ws.id }), [], 'done: not run again');

  // A claim whose process died: still 'running' 10 minutes later is left alone; after 30 minutes it is taken over.
  const db = server.services.database.db;
  await db.insertInto('job_runs').values({ workspace_id: ws.id, job: 'test.count', period: '2026-12-02T09:00', status: 'running', started_at: '2026-12-02T01:00:00.000Z' }).execute();
  assert.deepEqual(await runDueJobs(server.services, [countingJob], new Date('2026-12-02T01:10:00Z'), { workspaceId: ws.id }), []);
  assert.equal(await count(ws.id), 0);
  await db.updateTable('job_runs').set({ started_at: '2026-12-02T00:20:00.000Z' }).where('workspace_id', '=', ws.id).where('job', '=', 'test.count').execute();
  const taken = await runDueJobs(server.services, [countingJob], new Date('2026-12-02T01:10:00Z'), { workspaceId: ws.id });
  assert.deepEqual(taken.map((o) => [o.period, o.status]), [['2026-12-02T09:00', 'done']]);
  assert.equal(await count(ws.id), 1);
});

test('two passes at once in this process, and two processes at once, run the job once', async () => {
  const ws = await createWorkspace(server);
  const at = new Date('2026-12-03T04:00:00Z');
  const [one, two] = await Promise.all([
    runDueJobs(server.services, [countingJob], at, { workspaceId: ws.id }),
    runDueJobs(server.services, [countingJob], at, { workspaceId: ws.id }),
  ]);
  assert.equal(one.length + two.length, 1, 'one pass ran it, the other found it claimed');
  assert.equal(await count(ws.id), 1);

  // Two more processes, like two server instances ticking at the same minute (every workspace: the other test
  // workspaces have their own counters, so only this one's is looked at).
  const next = '2026-12-03T05:00:00Z';
  const args = [next, server.services.dataDir, ...(TEST_DB === 'postgres' ? [server.services.database.pgSchema!] : [])];
  const run = () => execFileAsync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/scheduler-once.ts'), ...args]);
  const outputs = await Promise.all([run(), run()]);
  const ranHere = outputs.map((o) => (JSON.parse(o.stdout) as Array<{ workspaceId: number }>).filter((x) => x.workspaceId === ws.id).length);
  assert.deepEqual(ranHere.sort(), [0, 1], 'exactly one process ran the job for this workspace');
  assert.equal(await count(ws.id), 2);
  assert.equal((await runs(ws.id)).length, 2);
});
