// What a scheduled job is: a name, when it is due in a workspace's own time zone, and the work for one workspace
// and one period. The runner (runner.ts) claims each (workspace, job, period) once, so a job body may assume it runs
// at most once per period; it must still be idempotent, because a failed run is retried.
import type { Services } from '../services.js';

export type Schedule =
  /** Every N minutes, aligned to the local clock (N divides 60 or is a multiple of 60). */
  | { everyMinutes: number }
  /** Once a local day, at or after this local time ('HH:MM'); a day missed while stopped runs when it starts. */
  | { dailyAt: string };

export interface JobWorkspace {
  id: number;
  key: string;
  timezone: string;
}

export interface ScheduledJob {
  name: string;
  schedule: Schedule;
  /** Returns a short account of what it did (kept in job_runs.detail), or nothing. */
  run(services: Services, workspace: JobWorkspace, context: { period: string; now: Date; localDate: string }): Promise<string | void>;
}
