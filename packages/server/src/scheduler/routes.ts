// HTTP for the scheduler: the recent runs of a workspace's jobs, so staff can see that the daily work happened.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scoped } from '../db/scoped.js';
import { access } from '../http/access.js';
import { commonErrors } from '../http/schemas.js';
import type { Services } from '../services.js';
import { JOBS } from './registry.js';

const runOut = z.object({
  job: z.string(),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  detail: z.string().nullable(),
});

export function schedulerRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/scheduler/runs', {
    schema: {
      tags: ['scheduler'],
      summary: 'The latest runs of the scheduled jobs, newest first, and the jobs with their schedules',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        200: z.object({
          jobs: z.array(z.object({ name: z.string(), schedule: z.string() })),
          runs: z.array(runOut),
        }),
        ...commonErrors,
      },
    },
  }, async (req) => {
    const ctx = access(req, 'operations.read');
    const rows = await scoped(services.database.db, ctx.workspaceId).selectFrom('job_runs')
      .select(['job', 'period', 'status', 'started_at', 'finished_at', 'detail'])
      .orderBy('started_at', 'desc').orderBy('job').limit(req.query.limit).execute();
    return {
      jobs: JOBS.map((j) => ({ name: j.name, schedule: 'dailyAt' in j.schedule ? `daily ${j.schedule.dailyAt}` : `every ${j.schedule.everyMinutes} min` })),
      runs: rows.map((row) => ({
        job: row.job, period: row.period, status: row.status as 'running' | 'done' | 'failed',
        startedAt: row.started_at, finishedAt: row.finished_at, detail: row.detail,
      })),
    };
  });
}
