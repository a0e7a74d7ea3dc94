// API contract of the problem bank (问题库 / 话术库): the category tree, problems with where they were met, scripted
// answers with variables, filling an answer for a member, and reuse statistics (docs/api-problems.md).
import { z } from 'zod';
import { text } from '../http/schemas.js';

export const PROBLEM_STATUSES = ['open', 'answered', 'archived'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const STATUS_FILTERS = [...PROBLEM_STATUSES, 'all'] as const;
export const PROBLEM_SORTS = ['newest', 'reuse'] as const;
/** Levels of the category tree, the root level included (业务阶段 → 问题类型 → … is three in practice). */
export const MAX_CATEGORY_DEPTH = 5;
export const MAX_TAGS = 20;
export const UNFILLED_REASONS = ['no_member', 'no_campaign', 'not_enrolled', 'before_start', 'after_end', 'no_days_yet', 'no_group', 'unknown'] as const;
export type UnfilledReason = (typeof UNFILLED_REASONS)[number];

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const queryId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const memberNo = z.number().int().min(1).max(999_999_999_999);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,120}$/, 'must be a cursor returned by the previous page');
const tag = text(30);
const tags = z.array(tag).max(MAX_TAGS, `at most ${MAX_TAGS} tags`);

// ---- categories ----

export const createCategoryBody = z.strictObject({
  name: text(40),
  parentId: id.nullable().optional(),
  /** Place among its siblings, 0 = first; default last. */
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateCategoryInput = z.infer<typeof createCategoryBody>;

export const updateCategoryBody = z.strictObject({
  name: text(40).optional(),
  /** A move: another category of this workspace (not the category itself or one below it), or null for the top level. */
  parentId: id.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateCategoryInput = z.infer<typeof updateCategoryBody>;

export const categoryOut = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  position: z.number(),
  /** Problems filed directly under this category that are not archived. */
  problemCount: z.number(),
  createdAt: z.string(),
});
export type CategoryOut = z.infer<typeof categoryOut>;

export const categoriesOut = z.object({
  items: z.array(categoryOut),
  /** Problems in no category that are not archived. */
  uncategorizedCount: z.number(),
});

// ---- problems ----

const where = {
  campaignId: id.nullable().optional(),
  groupId: id.nullable().optional(),
  memberNo: memberNo.nullable().optional(),
};

export const createProblemBody = z.strictObject({
  title: text(200),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').optional(),
  categoryId: id.nullable().optional(),
  tags: tags.optional(),
  ...where,
  /** Answers written together with the problem. */
  answers: z.array(text(5000)).max(10, 'at most 10 answers').optional(),
});
export type CreateProblemInput = z.infer<typeof createProblemBody>;

export const updateProblemBody = z.strictObject({
  title: text(200).optional(),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').optional(),
  categoryId: id.nullable().optional(),
  tags: tags.optional(),
  ...where,
  /** true: archived (hidden from the default list); false: back to open or answered, by whether it has answers. */
  archived: z.boolean().optional(),
});
export type UpdateProblemInput = z.infer<typeof updateProblemBody>;

export const listProblemsQuery = z.strictObject({
  q: z.string().trim().max(64, 'must be at most 64 characters').optional(),
  categoryId: queryId.optional(),
  uncategorized: z.enum(['true', 'false']).optional(),
  tag: tag.optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  campaignId: queryId.optional(),
  groupId: queryId.optional(),
  sort: z.enum(PROBLEM_SORTS).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursor.optional(),
});
export type ListProblemsQuery = z.infer<typeof listProblemsQuery>;

const ref = { campaign: z.object({ id: z.number(), key: z.string(), name: z.string() }).nullable() };
const staffRef = z.object({ id: z.number(), displayName: z.string() }).nullable();

export const answerOut = z.object({
  id: z.number(),
  problemId: z.number(),
  content: z.string(),
  /** The variables the content uses, in order of first use. */
  variables: z.array(z.string()),
  useCount: z.number(),
  lastUsedAt: z.string().nullable(),
  createdBy: staffRef,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnswerOut = z.infer<typeof answerOut>;

export const problemSummaryOut = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  status: z.enum(PROBLEM_STATUSES),
  category: z.object({ id: z.number(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  ...ref,
  group: z.object({ id: z.number(), name: z.string() }).nullable(),
  member: z.object({ memberNo: z.number(), nickname: z.string() }).nullable(),
  answerCount: z.number(),
  /** Times any of its answers was used (copied for a member). */
  useCount: z.number(),
  createdBy: staffRef,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProblemSummary = z.infer<typeof problemSummaryOut>;

export const problemOut = problemSummaryOut.extend({ answers: z.array(answerOut) });
export type ProblemOut = z.infer<typeof problemOut>;

export const problemTagsOut = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number() })) });

// ---- answers ----

export const answerBody = z.strictObject({ content: text(5000) });

export const fillQuery = z.strictObject({
  memberNo: z.coerce.number().int().min(1).max(999_999_999_999).optional(),
  campaignId: queryId.optional(),
});
export const useBody = z.strictObject({ memberNo: memberNo.optional(), campaignId: id.optional() });
export type FillInput = { memberNo?: number; campaignId?: number };

export const filledOut = z.object({
  answerId: z.number(),
  problemId: z.number(),
  /** The content with every variable that has a value filled in; the others stay as written ({昵称}). */
  text: z.string(),
  /** The values put in, by variable. */
  values: z.record(z.string(), z.string()),
  /** Variables left as written, each with why. */
  missing: z.array(z.object({ variable: z.string(), reason: z.enum(UNFILLED_REASONS) })),
  member: z.object({ memberNo: z.number(), nickname: z.string() }).nullable(),
  ...ref,
  /** Whether the member is enrolled in the campaign (null unless both were given). */
  enrolled: z.boolean().nullable(),
  /** The answer's uses so far (after this one, for a use). */
  useCount: z.number(),
});
export type FilledOut = z.infer<typeof filledOut>;

// ---- statistics ----

export const statsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const statsOut = z.object({
  from: z.string(),
  to: z.string(),
  /** Uses of any answer in the period. */
  uses: z.number(),
  /** Answers used at least once in the period, most used first. */
  top: z.array(z.object({
    answerId: z.number(),
    problemId: z.number(),
    problemTitle: z.string(),
    content: z.string(),
    uses: z.number(),
    useCount: z.number(),
    lastUsedAt: z.string().nullable(),
  })),
  /** Answers that were never used, as candidates to prune. */
  neverUsed: z.number(),
  answers: z.number(),
  definitions: z.object({ uses: z.string(), useCount: z.string(), neverUsed: z.string() }),
});
export type StatsOut = z.infer<typeof statsOut>;
