// Every scheduled job, in the order a pass runs them: tasks are created and closed before points are settled and
// alerts evaluated, so one pass sees the others' results.
import { closeSopTasksJob, generateSopTasksJob } from '../sops/jobs.js';
import { settlePointsJob } from '../incentives/jobs.js';
import { evaluateAlertsJob } from '../alerts/jobs.js';
import type { ScheduledJob } from './job.js';

/** Job runs are kept this many days, then dropped. */
const KEEP_RUNS_DAYS = 30;

const pruneJobRunsJob: ScheduledJob = {
  name: 'scheduler.prune',
  schedule: { dailyAt: '03:30' },
  async run(services, workspace, { now }) {
    const before = new Date(now.getTime() - KEEP_RUNS_DAYS * 86_400_000).toISOString();
    const result = await services.database.db.deleteFrom('job_runs')
      .where('workspace_id', '=', workspace.id).where('started_at', '<', before).executeTakeFirst();
    return `${Number(result.numDeletedRows)} old runs dropped`;
  },
};

export const JOBS: readonly ScheduledJob[] = [
  generateSopTasksJob,
  closeSopTasksJob,
  settlePointsJob,
  evaluateAlertsJob,
  pruneJobRunsJob,
];
