// Work planning (工作计划): work items in three categories and each team's key focus of the week. Wire types mirror
// docs/api-work-plan.md.
import { api, request } from './client';
import type { Ratio, StaffRef } from './types';

export type { Ratio };

/** In priority order: the console groups and orders by it. */
export const WORK_CATEGORIES = ['planning', 'routine', 'transactional'] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];
export const WORK_STATUSES = ['todo', 'doing', 'done', 'dropped'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export interface WorkItem {
  id: number;
  title: string;
  description: string;
  category: WorkCategory;
  dueOn: string | null;
  owner: (StaffRef & { teamId: number | null }) | null;
  status: WorkStatus;
  doneAt: string | null;
  overdue: boolean;
  createdBy: StaffRef | null;
  createdAt: string;
  updatedAt: string;
  mayEdit: boolean;
  mayDelete: boolean;
}

export interface Week {
  start: string;
  end: string;
}

export interface WorkItemList {
  items: WorkItem[];
  nextCursor: string | null;
  today: string;
  week: Week | null;
}

export interface WorkItemQuery {
  /** 'me' (default), 'all', or a staff id. */
  owner?: 'me' | 'all' | number;
  team?: number;
  status?: string;
  category?: string;
  week?: string;
  carryOver?: boolean;
  overdue?: boolean;
  sort?: 'category' | 'due';
  limit?: number;
  cursor?: string;
}

export interface NewWorkItem {
  title: string;
  category: WorkCategory;
  description?: string;
  dueOn?: string | null;
  ownerStaffId?: number;
}

export type WorkItemChange = Partial<{
  title: string;
  description: string;
  category: WorkCategory;
  dueOn: string | null;
  ownerStaffId: number;
  status: WorkStatus;
}>;

export interface CategoryCount {
  category: WorkCategory;
  total: number;
  todo: number;
  doing: number;
  done: number;
  dropped: number;
  overdue: number;
  completion: Ratio;
}

export interface WorkCounts {
  week: Week;
  categories: CategoryCount[];
  definitions: { total: string; overdue: string; completion: string };
}

export interface WeeklyFocus {
  teamId: number;
  teamName: string;
  weekStart: string;
  title: string;
  description: string;
  setBy: StaffRef | null;
  updatedAt: string;
}

export const workItemsApi = {
  list: (query: WorkItemQuery) => api.get<WorkItemList>('/work-items', { ...query }),
  counts: (query: { owner?: 'me' | 'all' | number; team?: number; week?: string }) => api.get<WorkCounts>('/work-items/counts', { ...query }),
  create: (item: NewWorkItem) => api.post<WorkItem>('/work-items', item),
  update: (id: number, change: WorkItemChange) => api.patch<WorkItem>(`/work-items/${id}`, change),
  delete: (id: number) => api.delete(`/work-items/${id}`),
};

export const weeklyFocusApi = {
  ofWeek: (week?: string) => api.get<{ week: Week; items: WeeklyFocus[] }>('/weekly-focus', { week }),
  mine: () => api.get<{ week: Week; teamId: number | null; focus: WeeklyFocus | null }>('/weekly-focus/mine'),
  set: (teamId: number, weekStart: string, focus: { title: string; description?: string }) =>
    request<WeeklyFocus>('PUT', `/teams/${teamId}/focus/${weekStart}`, { body: focus }),
  clear: (teamId: number, weekStart: string) => api.delete(`/teams/${teamId}/focus/${weekStart}`),
};
