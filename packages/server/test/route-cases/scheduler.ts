// Route cases of the scheduler's runs list (see types.ts).
import assert from 'node:assert/strict';
import { JOBS } from '../../src/scheduler/registry.js';
import { runDueJobs } from '../../src/scheduler/runner.js';
import { ok } from '../api-checks.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  return {
    async setup(e) {
      env = e;
      // Only A's workspace runs the pruning job, so A has a run and B has none.
      await runDueJobs(env.server.services, JOBS, new Date('2026-01-10T12:00:00Z'), { only: ['scheduler.prune'], workspaceId: env.A.id });
    },
    cases: {
      'GET /api/v1/scheduler/runs': async () => {
        assert.equal((await ok(env.a.get('/api/v1/scheduler/runs'))).runs.length, 1, 'control: A sees its run');
        for (const client of [env.b, env.bt]) {
          const { runs } = await ok(client.get('/api/v1/scheduler/runs'));
          assert.ok(!runs.some((r: { job: string; period: string }) => r.job === 'scheduler.prune' && r.period === '2026-01-10'), "B does not see A's run");
        }
      },
    },
    snapshot: async () => (await ok(env.a.get('/api/v1/scheduler/runs'))).runs,
  };
}

export function badInput(): BadInputModule {
  return {
    async setup() {},
    specs: {
      'GET /api/v1/scheduler/runs': {
        perm: 'operations.read',
        url: () => '/api/v1/scheduler/runs',
        bad: [
          { what: 'limit not a number', url: '/api/v1/scheduler/runs?limit=many', field: 'limit' },
          { what: 'limit too large', url: '/api/v1/scheduler/runs?limit=501', field: 'limit' },
          { what: 'unknown parameter', url: '/api/v1/scheduler/runs?job=x', field: 'job' },
        ],
      },
    },
  };
}
