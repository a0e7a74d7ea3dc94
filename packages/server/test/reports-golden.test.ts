// Every report on one imported workspace, compared with a golden file: SQLite and PostgreSQL must give the same
// JSON, byte for byte (generated_at aside). Regenerate the golden file with QUNYUN_UPDATE_GOLDEN=1 after a change
// that is meant to alter a report, and read the diff.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { systemContext } from '../src/http/access.js';
import { importWorkspace } from '../src/portability/import.js';
import { ok } from './api-checks.js';
import { login, startServer, PASSWORD, type TestServer } from './harness.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/portability/rich.jsonl');
const GOLDEN = path.join(import.meta.dirname, 'fixtures/reports/rich.golden.json');
const NOW = '2026-02-10T04:00:00.000Z';

const GOLDEN_PATHS = [
  'composition?campaign=X2', 'composition?campaign=X1&as_of=2026-01-20', 'series?series=X', 'series?series=R',
  'reenrolment?campaign=X1', 'reenrolment?campaign=X1&as_of=2026-01-15', 'funnel?campaign=X1', 'funnel?campaign=R1',
  'daily?from=2026-01-01&to=2026-02-10', 'retention?period=day&periods=10&from=2026-01-01&to=2026-01-31',
  'retention?period=week&periods=4&from=2026-01-01&to=2026-02-10', 'channels', 'channels?campaign=X1',
  'activity?campaign=X1&from=2026-01-01&to=2026-01-31', 'activity?group=1&from=2026-01-01&to=2026-01-31',
  'groups?campaign=X1&from=2026-01-01&to=2026-01-10',
];

let server: TestServer;
before(async () => { server = await startServer(); });
after(async () => { server.services.clock.set(null); await server.close(); });

test('every report of an imported workspace equals the golden file, on either database', async () => {
  const { workspace } = await importWorkspace(server.services, FIXTURE, { workspaceKey: 'golden' });
  await server.services.staff.create(systemContext(workspace.id, new Set(PERMISSIONS), 'test'), { username: 'boss', displayName: 'Boss', password: PASSWORD, role: 'owner' });
  const client = await login(server.url, 'golden', 'boss', PASSWORD);
  server.services.clock.set(NOW);
  // Group ids differ between runs only if the fixture changes: the golden paths name the first group of the file.
  const bodies: Record<string, unknown> = {};
  for (const p of GOLDEN_PATHS) {
    const { generated_at: _, ...body } = await ok(client.get(`/api/v1/reports/${p.replace('group=1', `group=${await firstGroup(workspace.id)}`)}`));
    bodies[p] = body;
  }
  const json = `${JSON.stringify(bodies, null, 2)}\n`;
  if (process.env.QUNYUN_UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, json);
  assert.equal(json, fs.readFileSync(GOLDEN, 'utf8'));
});

async function firstGroup(workspaceId: number): Promise<number> {
  const row = await server.services.database.db.selectFrom('chat_groups').select('id').where('workspace_id', '=', workspaceId).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return row.id;
}
