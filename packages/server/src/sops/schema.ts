// API contract for SOPs (docs/api-sops.md): templates and their steps, applications to a campaign or a group, the
// task instances staff complete, and the completion / punctuality statistics.
import { z } from 'zod';
import { isIsoDate } from '../campaigns/rules.js';
import { pageQuery, ratioOut, text } from '../http/schemas.js';
import { triggerProblem } from './triggers.js';

export const TRIGGER_KINDS = ['campaign_day', 'weekday', 'date', 'group_age'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];
export const ACTIONS = ['message', 'private_followup', 'post_material', 'review_checkins', 'other'] as const;
export const ROLES = ['group_owner', 'assistant', 'team_lead'] as const;
export type StepRole = (typeof ROLES)[number];
export const TASK_STATUSES = ['todo', 'done', 'late', 'missed', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const ATTACHMENT_KINDS = ['link', 'image', 'file'] as const;
export const STATS_GROUPS = ['staff', 'group', 'team', 'day'] as const;

export const MAX_STEPS = 60;
export const MAX_ATTACHMENTS = 9;
/** Screenshots of proof: JPEG or PNG up to 2 MB. */
export const MAX_PROOF_BYTES = 2 * 1024 * 1024;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const queryId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().refine(isIsoDate, 'must be a date like 2026-03-01');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');
const httpUrl = z.string().trim().max(500, 'must be at most 500 characters')
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'must be an http(s) URL');
const bool = z.enum(['true', 'false']);

export const attachmentIn = z.strictObject({ kind: z.enum(ATTACHMENT_KINDS), name: text(100), url: httpUrl });

export const stepIn = z.strictObject({
  /** An existing step of the template being edited (kept, with its tasks); absent for a new step. */
  id: id.optional(),
  title: text(100),
  triggerKind: z.enum(TRIGGER_KINDS),
  triggerValue: z.string().trim().min(1, 'must not be empty').max(20, 'must be at most 20 characters'),
  windowStart: hhmm,
  windowEnd: hhmm,
  action: z.enum(ACTIONS),
  content: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
  attachments: z.array(attachmentIn).max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`).default([]),
  role: z.enum(ROLES),
}).superRefine((step, ctx) => {
  const problem = triggerProblem(step.triggerKind, step.triggerValue);
  if (problem) ctx.addIssue({ code: 'custom', path: ['triggerValue'], message: problem });
  if (step.windowEnd <= step.windowStart) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'must be after windowStart (a window stays within one day)' });
});
export type StepInput = z.infer<typeof stepIn>;

const steps = z.array(stepIn).min(1, 'a template needs at least one step').max(MAX_STEPS, `at most ${MAX_STEPS} steps`)
  .superRefine((list, ctx) => {
    const seen = new Set<number>();
    list.forEach((s, i) => {
      if (s.id === undefined) return;
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'the same step twice' });
      seen.add(s.id);
    });
  });

export const createTemplateBody = z.strictObject({
  name: text(60),
  description: z.string().trim().max(500, 'must be at most 500 characters').default(''),
  steps,
});
export type CreateTemplateInput = z.infer<typeof createTemplateBody>;

export const updateTemplateBody = z.strictObject({
  name: text(60).optional(),
  description: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  steps: steps.optional(),
  archived: z.boolean().optional(),
});
export type UpdateTemplateInput = z.infer<typeof updateTemplateBody>;

export const listTemplatesQuery = z.strictObject({ archived: bool.default('false') });

export const stepOut = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  triggerKind: z.enum(TRIGGER_KINDS),
  triggerValue: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  action: z.enum(ACTIONS),
  content: z.string(),
  attachments: z.array(z.object({ kind: z.enum(ATTACHMENT_KINDS), name: z.string(), url: z.string() })),
  role: z.enum(ROLES),
});
export type StepOut = z.infer<typeof stepOut>;

export const templateOut = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  steps: z.array(stepOut),
  /** Applications not stopped. */
  activeApplications: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type TemplateOut = z.infer<typeof templateOut>;

/** The 21-day camp template as a draft the console opens in the editor (nothing is saved). */
export const starterOut = z.object({ name: z.string(), description: z.string(), steps: z.array(stepOut.omit({ id: true, position: true })) });

// ---- applications ----

export const applyBody = z.strictObject({
  templateId: id,
  campaignId: id.optional(),
  groupId: id.optional(),
  /** Who does the steps of role 'assistant' (the group owner when absent). */
  assistantStaffId: id.nullable().optional(),
  /** First day with tasks (default today); never earlier than today. */
  startsOn: isoDate.optional(),
  /** Last day with tasks (default: none; a campaign's tasks end with its campaign days). */
  endsOn: isoDate.nullable().optional(),
}).superRefine((body, ctx) => {
  if ((body.campaignId === undefined) === (body.groupId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['campaignId'], message: 'give exactly one of campaignId, groupId' });
  }
  if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
});
export type ApplyInput = z.infer<typeof applyBody>;

export const listApplicationsQuery = z.strictObject({
  templateId: queryId.optional(),
  campaignId: queryId.optional(),
  groupId: queryId.optional(),
  active: bool.optional(),
});

const ref = z.object({ id: z.number(), name: z.string() });
const staffRef = z.object({ id: z.number(), displayName: z.string() });
const campaignRef = z.object({ id: z.number(), key: z.string(), name: z.string() });
const counts = z.object({ total: z.number(), todo: z.number(), done: z.number(), late: z.number(), missed: z.number(), skipped: z.number() });

export const applicationOut = z.object({
  id: z.number(),
  template: ref,
  campaign: campaignRef.nullable(),
  group: ref.nullable(),
  assistant: staffRef.nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
  stoppedAt: z.string().nullable(),
  tasks: counts,
});
export type ApplicationOut = z.infer<typeof applicationOut>;

// ---- tasks ----


export const taskOut = z.object({
  id: z.number(),
  applicationId: z.number(),
  template: ref,
  step: z.object({ id: z.number(), title: z.string(), action: z.enum(ACTIONS), role: z.enum(ROLES), triggerKind: z.enum(TRIGGER_KINDS), triggerValue: z.string() }),
  group: ref,
  campaign: campaignRef.nullable(),
  /** The local date the task is for, and its campaign day (1 = the first day; −1 the day before) when it has a campaign. */
  dueDate: z.string(),
  campaignDay: z.number().nullable(),
  windowStartAt: z.string(),
  windowEndAt: z.string(),
  /** The window as written in the step, and the zone it is read in. */
  window: z.object({ start: z.string(), end: z.string(), timezone: z.string() }),
  assignee: staffRef.nullable(),
  status: z.enum(TASK_STATUSES),
  onTime: z.boolean().nullable(),
  /** Not done and its window has ended. */
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: staffRef.nullable(),
  proof: z.object({ text: z.string().nullable(), link: z.string().nullable(), screenshot: z.boolean() }),
  skipReason: z.string().nullable(),
  /** The step's content with the group's variables of the day filled; member variables stay as {昵称}. */
  content: z.string(),
  unfilled: z.array(z.string()),
  /** The group's check-in rate of the day before (the {打卡率} variable), when known. */
  groupCheckinRate: ratioOut.extend({ date: z.string() }).nullable(),
  attachments: z.array(z.object({ kind: z.enum(ATTACHMENT_KINDS), name: z.string(), url: z.string() })),
  /** What the caller may do with the task now. */
  may: z.object({ complete: z.boolean(), undo: z.boolean(), skip: z.boolean(), reassign: z.boolean() }),
});
export type TaskOut = z.infer<typeof taskOut>;

export const boardQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  groupId: queryId.optional(),
  campaignId: queryId.optional(),
  staffId: queryId.optional(),
  teamId: queryId.optional(),
  applicationId: queryId.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  limit: pageQuery.limit,
  cursor: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d{1,15}$/, 'must be a cursor returned by the previous page').optional(),
});

export const todayQuery = z.strictObject({ staffId: queryId.optional() });

export const todayOut = z.object({
  staff: staffRef,
  date: z.string(),
  timezone: z.string(),
  items: z.array(taskOut),
  counts: z.object({ total: z.number(), open: z.number(), overdue: z.number(), done: z.number() }),
  definitions: z.record(z.string(), z.string()),
});

export const completeBody = z.strictObject({
  proofText: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  proofLink: httpUrl.optional(),
});
export type CompleteInput = z.infer<typeof completeBody>;
/** The text fields that may come with a screenshot (multipart). */
export const screenshotFields = z.strictObject({
  proofText: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  proofLink: httpUrl.optional(),
});

export const skipBody = z.strictObject({ reason: text(200) });
export const reassignBody = z.strictObject({ staffId: id });

// ---- stats ----

export const statsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  groupBy: z.enum(STATS_GROUPS).default('staff'),
  staffId: queryId.optional(),
  teamId: queryId.optional(),
});

export const statsRowOut = z.object({
  key: z.union([z.number(), z.string()]).nullable(),
  label: z.string(),
  due: z.number(),
  done: z.number(),
  onTime: z.number(),
  late: z.number(),
  missed: z.number(),
  skipped: z.number(),
  open: z.number(),
  completionRate: ratioOut,
  punctualityRate: ratioOut,
});

const definition = z.object({ numerator: z.string(), denominator: z.string().nullable(), period: z.string() });

export const statsOut = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATS_GROUPS),
  rows: z.array(statsRowOut),
  total: statsRowOut,
  definitions: z.record(z.string(), definition),
});
