// Runs the scheduled jobs that are due, in every workspace, each in the workspace's time zone. A run is claimed by
// inserting its job_runs row (primary key workspace, job, period): the database lets exactly one process insert it,
// so two instances ticking at the same minute never run a job twice for one period.
import { localTime } from '../campaigns/rules.js';
import type { Services } from '../services.js';
import type { JobWorkspace, Schedule, ScheduledJob } from './job.js';

/** A run still 'running' after this long is taken for dead (its process stopped) and may be claimed again. */
const STALE_MS = 30 * 60_000;

export interface JobRunOutcome {
  workspaceId: number;
  job: string;
  period: string;
  status: 'done' | 'failed';
  detail: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period a job is due for at a local time, or null when it is not due yet today. */
export function duePeriod(schedule: Schedule, local: { date: string; minute: number }): string | null {
  if ('dailyAt' in schedule) {
    const at = Number(schedule.dailyAt.slice(0, 2)) * 60 + Number(schedule.dailyAt.slice(3, 5));
    return local.minute >= at ? local.date : null;
  }
  const slot = local.minute - (local.minute % schedule.everyMinutes);
  return `${local.date}T${pad(Math.floor(slot / 60))}:${pad(slot % 60)}`;
}

/** One pass at `now`: every due job in every workspace (or only `only` jobs / one workspace). */
export async function runDueJobs(
  services: Services,
  jobs: readonly ScheduledJob[],
  now: Date,
  options: { only?: readonly string[]; workspaceId?: number } = {},
): Promise<JobRunOutcome[]> {
  const db = services.database.db;
  let query = db.selectFrom('workspaces').select(['id', 'key', 'timezone']).orderBy('id');
  if (options.workspaceId !== undefined) query = query.where('id', '=', options.workspaceId);
  const workspaces: JobWorkspace[] = await query.execute();
  const outcomes: JobRunOutcome[] = [];
  for (const workspace of workspaces) {
    const local = localTime(now, workspace.timezone);
    for (const job of jobs) {
      if (options.only && !options.only.includes(job.name)) continue;
      const period = duePeriod(job.schedule, local);
      if (period === null) continue;
      if (!(await claim(services, workspace.id, job.name, period, now))) continue;
      outcomes.push(await execute(services, job, workspace, period, now, local.date));
    }
  }
  return outcomes;
}

/** Takes the run for this period: a new row, or a failed or dead one taken over. False when another has it. */
async function claim(services: Services, workspaceId: number, job: string, period: string, now: Date): Promise<boolean> {
  const db = services.database.db;
  const startedAt = now.toISOString();
  const inserted = await db.insertInto('job_runs')
    .values({ workspace_id: workspaceId, job, period, status: 'running', started_at: startedAt, finished_at: null, detail: null })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  // One conditional update: of two processes taking over the same row, only one sees it still failed or stale.
  const staleBefore = new Date(now.getTime() - STALE_MS).toISOString();
  const taken = await db.updateTable('job_runs')
    .set({ status: 'running', started_at: startedAt, finished_at: null, detail: null })
    .where('workspace_id', '=', workspaceId).where('job', '=', job).where('period', '=', period)
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'running'), eb('started_at', '<', staleBefore)])]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

async function execute(services: Services, job: ScheduledJob, workspace: JobWorkspace, period: string, now: Date, localDate: string): Promise<JobRunOutcome> {
  const db = services.database.db;
  let status: JobRunOutcome['status'] = 'done';
  let detail: string | null;
  try {
    detail = (await job.run(services, workspace, { period, now, localDate })) ?? null;
  } catch (error) {
    status = 'failed';
    detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  await db.updateTable('job_runs')
    .set({ status, finished_at: new Date().toISOString(), detail: detail === null ? null : detail.slice(0, 2000) })
    .where('workspace_id', '=', workspace.id).where('job', '=', job.name).where('period', '=', period)
    .execute();
  return { workspaceId: workspace.id, job: job.name, period, status, detail };
}
