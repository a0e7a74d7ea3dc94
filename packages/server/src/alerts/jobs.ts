// The scheduled evaluation of the alert rules: every 15 minutes in each workspace (scheduler/registry.ts).
import { PERMISSIONS } from '../auth/permissions.js';
import { systemContext } from '../http/access.js';
import type { ScheduledJob } from '../scheduler/job.js';

export const evaluateAlertsJob: ScheduledJob = {
  name: 'alerts.evaluate',
  schedule: { everyMinutes: 15 },
  async run(services, workspace, { now }) {
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'scheduler');
    const summary = await services.alerts.evaluate(ctx, services, now);
    const account = `${summary.raised} raised, ${summary.escalated} escalated, ${summary.cleared} cleared (${summary.evaluated.join(', ') || 'no enabled rule'})`;
    // A failed kind fails the run, so the runner retries it; the kinds that ran are idempotent.
    if (summary.failed.length > 0) throw new Error(`${account}; failed: ${summary.failed.map((f) => `${f.kind}: ${f.error}`).join('; ')}`);
    return account;
  },
};
