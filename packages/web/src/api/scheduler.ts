// The scheduler's jobs and their latest runs (GET /scheduler/runs).
import { api } from './client';

export interface JobRun {
  job: string;
  period: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  detail: string | null;
}

export interface SchedulerRuns {
  jobs: Array<{ name: string; schedule: string }>;
  runs: JobRun[];
}

export const schedulerApi = {
  runs: (limit = 200) => api.get<SchedulerRuns>('/scheduler/runs', { limit }),
};
