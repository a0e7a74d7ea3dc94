// The scheduled settlement of goal-day points: every 15 minutes, the days that ended in the last week whose team
// targets were met earn their staff the goal_day_met points (once per staff member and day; see settle.ts).
import { PERMISSIONS } from '../auth/permissions.js';
import { systemContext } from '../http/access.js';
import type { ScheduledJob } from '../scheduler/job.js';

export const settlePointsJob: ScheduledJob = {
  name: 'incentives.settle',
  schedule: { everyMinutes: 15 },
  async run(services, workspace, { localDate }) {
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'scheduler');
    const { goalDays, entries } = await services.incentives.settleGoalDays(ctx, localDate);
    return `${goalDays} team goal days met, ${entries} points entries added`;
  },
};
