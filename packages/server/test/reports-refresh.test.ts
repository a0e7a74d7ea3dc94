// Keeping the report rollups fresh: the background pass refreshes every workspace with something waiting, and two
// refreshes at once (two processes on one database) apply the waiting activity exactly once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { needsRefresh } from '../src/analytics/refresh.js';
import { refreshPendingWorkspaces } from '../src/analytics/scheduler.js';
import { ok } from './api-checks.js';
import { checkRebuildAgrees } from './report-checks.js';
import { createWorkspace, startServer, TEST_DB, type TestServer, type TestWorkspace } from './harness.js';

const execFileAsync = promisify(execFile);
import { Fixture } from './reports-fixture.js';

let server: TestServer;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Members with events on many days, ingested through the event service (which logs their new activity days). */
async function busyWorkspace(members = 30, days = 40): Promise<TestWorkspace> {
  const ws = await createWorkspace(server);
  const f = new Fixture(server, ws.id);
  const ids = await Promise.all(Array.from({ length: members }, () => f.member()));
  const numbers = await server.services.database.db.selectFrom('members').select('member_no').where('id', 'in', ids).execute();
  const events = [];
  for (const [i, { member_no }] of numbers.entries()) {
    for (let d = 0; d < days; d += 1 + (i % 3)) events.push({ id: `${ws.key}-${i}-${d}`, member: member_no, name: 'page_view', at: new Date(Date.parse('2026-02-01T12:00:00+08:00') + d * 86_400_000).toISOString() });
  }
  for (let i = 0; i < events.length; i += 500) await server.services.events.ingest(ws.ctx, events.slice(i, i + 500));
  return ws;
}

test('a background pass refreshes every workspace with waiting activity and forgets marks of deleted workspaces', async () => {
  const [one, two] = [await busyWorkspace(5, 10), await busyWorkspace(5, 10)];
  const db = server.services.database.db;
  assert.ok(await needsRefresh(db, one.id) && await needsRefresh(db, two.id));
  await db.insertInto('analytics_dirty').values({ workspace_id: 987_654, kind: 'member', member_id: 1 }).execute();
  await refreshPendingWorkspaces(db, server.services.activity);
  assert.ok(!await needsRefresh(db, one.id) && !await needsRefresh(db, two.id));
  assert.equal((await db.selectFrom('analytics_dirty').select('member_id').where('workspace_id', '=', 987_654).execute()).length, 0);
  for (const ws of [one, two]) {
    const daily = await ok((await ws.as('viewer')).get('/api/v1/reports/daily?from=2026-02-01&to=2026-02-10'));
    assert.equal(daily.days[0].dau, 5);
  }
});

test('two processes refreshing at once apply the waiting activity once', async () => {
  // Enough waiting activity that the two refreshes overlap (each takes longer than the processes' start-up jitter).
  const ws = await busyWorkspace(400, 60);
  const db = server.services.database.db;
  assert.ok(await needsRefresh(db, ws.id));
  const args = [String(ws.id), server.services.dataDir, ...(TEST_DB === 'postgres' ? [server.services.database.pgSchema!] : [])];
  const run = () => execFileAsync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/refresh-once.ts'), ...args]);
  await Promise.all([run(), run()]);
  assert.ok(!await needsRefresh(db, ws.id));
  await checkRebuildAgrees(server, ws, await ws.as('admin'), ['daily?from=2026-01-25&to=2026-03-31', 'retention?period=day&periods=30&from=2026-02-01&to=2026-03-01']);
});
