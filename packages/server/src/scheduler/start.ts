// The in-process scheduler of `qunyun serve`: a tick every minute runs what is due. A tick still running when the
// next is due is skipped (croner's protect); another instance ticking too is harmless (runner.ts claims each run).
import { Cron } from 'croner';
import type { Services } from '../services.js';
import { JOBS } from './registry.js';
import { runDueJobs } from './runner.js';

export function startScheduler(services: Services, onError: (error: unknown) => void): Cron {
  return new Cron('* * * * *', { protect: true, catch: onError }, async () => {
    const outcomes = await runDueJobs(services, JOBS, services.clock.now());
    for (const o of outcomes) if (o.status === 'failed') onError(new Error(`job ${o.job} (workspace ${o.workspaceId}, ${o.period}) failed: ${o.detail}`));
  });
}
