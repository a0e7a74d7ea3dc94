// The SOP jobs: every night the running applications get their tasks up to the horizon (and a campaign's groups
// added since), and every 15 minutes the todo tasks whose local due day has ended become missed.
import { PERMISSIONS } from '../auth/permissions.js';
import { systemContext } from '../http/access.js';
import type { ScheduledJob } from '../scheduler/job.js';

export const generateSopTasksJob: ScheduledJob = {
  name: 'sops.generate',
  schedule: { dailyAt: '00:05' },
  async run(services, workspace, { now }) {
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'scheduler');
    const { applications, created } = await services.sops.applications.generateAll(ctx, now);
    return `${created} tasks created for ${applications} running applications`;
  },
};

export const closeSopTasksJob: ScheduledJob = {
  name: 'sops.close',
  schedule: { everyMinutes: 15 },
  async run(services, workspace, { now }) {
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'scheduler');
    const missed = await services.sops.tasks.close(ctx, now);
    return `${missed} tasks missed`;
  },
};
