// SOPs: templates and their steps, applications to a campaign or group, the tasks staff complete (today list, board)
// and the completion / punctuality statistics. Wire types mirror docs/api-sops.md.
import { request } from './client';
import type { Items, Ratio, StaffRef } from './types';

export type { Ratio };

export type TriggerKind = 'campaign_day' | 'weekday' | 'date' | 'group_age';
export const TRIGGER_KINDS: TriggerKind[] = ['campaign_day', 'weekday', 'date', 'group_age'];
export type StepAction = 'message' | 'private_followup' | 'post_material' | 'review_checkins' | 'other';
export const STEP_ACTIONS: StepAction[] = ['message', 'private_followup', 'post_material', 'review_checkins', 'other'];
export type StepRole = 'group_owner' | 'assistant' | 'team_lead';
export const STEP_ROLES: StepRole[] = ['group_owner', 'assistant', 'team_lead'];
export type TaskStatus = 'todo' | 'done' | 'late' | 'missed' | 'skipped';
export const TASK_STATUSES: TaskStatus[] = ['todo', 'done', 'late', 'missed', 'skipped'];
export type AttachmentKind = 'link' | 'image' | 'file';
export const ATTACHMENT_KINDS: AttachmentKind[] = ['link', 'image', 'file'];
export type StatsGroupBy = 'staff' | 'group' | 'team' | 'day';
export const STATS_GROUPS: StatsGroupBy[] = ['staff', 'group', 'team', 'day'];

/** The script variables the server knows (server src/variables/fill.ts); group ones are filled on tasks. */
export const VARIABLES = ['昵称', '学号', '营期', '群名', '第几天', '总天数', '剩余天数', '打卡天数', '要求天数', '还差天数', '打卡率'] as const;
export const GROUP_VARIABLES: ReadonlyArray<string> = ['营期', '群名', '第几天', '总天数', '剩余天数', '打卡率'];
export const MAX_ATTACHMENTS = 9;
export const MAX_PROOF_BYTES = 2 * 1024 * 1024;
export const PROOF_TYPES = ['image/png', 'image/jpeg'];

export interface Attachment { kind: AttachmentKind; name: string; url: string }

export interface StepDraft {
  id?: number;
  title: string;
  triggerKind: TriggerKind;
  triggerValue: string;
  windowStart: string;
  windowEnd: string;
  action: StepAction;
  content: string;
  attachments: Attachment[];
  role: StepRole;
}

export interface Step extends StepDraft {
  id: number;
  position: number;
}

export interface Template {
  id: number;
  name: string;
  description: string;
  steps: Step[];
  activeApplications: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface TemplateDraft { name: string; description: string; steps: StepDraft[] }

export interface TaskCounts { total: number; todo: number; done: number; late: number; missed: number; skipped: number }

export interface Application {
  id: number;
  template: { id: number; name: string };
  campaign: { id: number; key: string; name: string } | null;
  group: { id: number; name: string } | null;
  assistant: StaffRef | null;
  startsOn: string;
  endsOn: string | null;
  createdAt: string;
  stoppedAt: string | null;
  tasks: TaskCounts;
}

export interface ApplyInput {
  templateId: number;
  campaignId?: number;
  groupId?: number;
  assistantStaffId?: number | null;
  startsOn?: string;
  endsOn?: string | null;
}


export interface Task {
  id: number;
  applicationId: number;
  template: { id: number; name: string };
  step: { id: number; title: string; action: StepAction; role: StepRole; triggerKind: TriggerKind; triggerValue: string };
  group: { id: number; name: string };
  campaign: { id: number; key: string; name: string } | null;
  dueDate: string;
  campaignDay: number | null;
  windowStartAt: string;
  windowEndAt: string;
  window: { start: string; end: string; timezone: string };
  assignee: StaffRef | null;
  status: TaskStatus;
  onTime: boolean | null;
  overdue: boolean;
  doneAt: string | null;
  doneBy: StaffRef | null;
  proof: { text: string | null; link: string | null; screenshot: boolean };
  skipReason: string | null;
  content: string;
  unfilled: string[];
  groupCheckinRate: (Ratio & { date: string }) | null;
  attachments: Attachment[];
  may: { complete: boolean; undo: boolean; skip: boolean; reassign: boolean };
}

export interface TodayList {
  staff: StaffRef;
  date: string;
  timezone: string;
  items: Task[];
  counts: { total: number; open: number; overdue: number; done: number };
  definitions: Record<string, string>;
}

export interface BoardFilter {
  from?: string;
  to?: string;
  groupId?: number;
  campaignId?: number;
  staffId?: number;
  teamId?: number;
  status?: TaskStatus;
}

export interface StatsRow {
  key: number | string | null;
  label: string;
  due: number;
  done: number;
  onTime: number;
  late: number;
  missed: number;
  skipped: number;
  open: number;
  completionRate: Ratio;
  punctualityRate: Ratio;
}

export interface Stats {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
  rows: StatsRow[];
  total: StatsRow;
  definitions: Record<string, { numerator: string; denominator: string | null; period: string }>;
}

export interface Proof { proofText?: string; proofLink?: string }

export const sopsApi = {
  templates: (archived = false) => request<Items<Template>>('GET', '/sops/templates', { query: { archived } }),
  template: (id: number) => request<Template>('GET', `/sops/templates/${id}`),
  starter: () => request<TemplateDraft>('GET', '/sops/starter-template'),
  createTemplate: (draft: TemplateDraft) => request<Template>('POST', '/sops/templates', { body: draft }),
  updateTemplate: (id: number, change: Partial<TemplateDraft> & { archived?: boolean }) => request<Template>('PATCH', `/sops/templates/${id}`, { body: change }),
  deleteTemplate: (id: number) => request<void>('DELETE', `/sops/templates/${id}`),
  duplicateTemplate: (id: number) => request<Template>('POST', `/sops/templates/${id}/duplicate`, { body: {} }),
  applications: (filter: { templateId?: number; active?: boolean } = {}) => request<Items<Application>>('GET', '/sops/applications', { query: filter }),
  apply: (input: ApplyInput) => request<Application>('POST', '/sops/applications', { body: input }),
  stop: (id: number) => request<Application>('POST', `/sops/applications/${id}/stop`, { body: {} }),
  board: (filter: BoardFilter, cursor: string | null) =>
    request<{ from: string; to: string; items: Task[]; nextCursor: string | null }>('GET', '/sops/tasks', { query: { ...filter, cursor, limit: 200 } }),
  today: (staffId?: number) => request<TodayList>('GET', '/sops/tasks/today', { query: { staffId } }),
  complete: (id: number, proof: Proof) => request<Task>('POST', `/sops/tasks/${id}/complete`, { body: proof }),
  completeWithScreenshot: (id: number, file: File, proof: Proof) => {
    const form = new FormData();
    if (proof.proofText) form.append('proofText', proof.proofText);
    if (proof.proofLink) form.append('proofLink', proof.proofLink);
    form.append('file', file, file.name);
    return request<Task>('POST', `/sops/tasks/${id}/complete-with-screenshot`, { form });
  },
  screenshotUrl: (task: Task) => `/api/v1/sops/tasks/${task.id}/screenshot?v=${encodeURIComponent(task.doneAt ?? '')}`,
  undo: (id: number) => request<Task>('POST', `/sops/tasks/${id}/undo`, { body: {} }),
  skip: (id: number, reason: string) => request<Task>('POST', `/sops/tasks/${id}/skip`, { body: { reason } }),
  reassign: (id: number, staffId: number) => request<Task>('POST', `/sops/tasks/${id}/reassign`, { body: { staffId } }),
  stats: (query: { from?: string; to?: string; groupBy: StatsGroupBy; staffId?: number; teamId?: number }) => request<Stats>('GET', '/sops/stats', { query }),
};
