// Checks shared by the report tests.
import assert from 'node:assert/strict';
import { ok } from './api-checks.js';
import type { Client, TestServer, TestWorkspace } from './harness.js';

/** The reports read from incrementally kept rollups must equal the same reports after rebuilding them from scratch. */
export async function checkRebuildAgrees(server: TestServer, ws: TestWorkspace, admin: Client, paths: string[]): Promise<void> {
  const strip = ({ generated_at: _, ...rest }: Record<string, unknown>) => rest;
  const read = () => Promise.all(paths.map(async (p) => strip(await ok(admin.get(`/api/v1/reports/${p}`)))));
  const incremental = await read();
  await server.services.reports.rebuild(ws.ctx);
  assert.deepEqual(incremental, await read());
}
