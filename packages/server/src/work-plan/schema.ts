// API contract of work planning (工作计划): work items in three categories and each team's key focus of the week
// (docs/api-work-plan.md).
import { z } from 'zod';
import { isIsoDate } from '../campaigns/rules.js';
import { idParam, pageQuery, text } from '../http/schemas.js';

/** In priority order: planning work first, routine second, transactional last (seed 003). */
export const CATEGORIES = ['planning', 'routine', 'transactional'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['todo', 'doing', 'done', 'dropped'] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses of work still to do: these can be overdue and are carried over. */
export const OPEN_STATUSES: readonly Status[] = ['todo', 'doing'];

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().refine(isIsoDate, 'must be a date like 2026-03-02');
const bool = z.enum(['true', 'false']);

/** A comma-separated list of allowed words (`status=todo,doing`), checked as one field. */
function wordList<T extends string>(words: readonly T[]) {
  return z.string()
    .refine((s) => s.split(',').every((w) => (words as readonly string[]).includes(w)), `must be ${words.join(', ')} (comma-separated)`)
    .transform((s) => [...new Set(s.split(','))] as T[]);
}

const editable = {
  title: text(120),
  description: z.string().trim().max(2000, 'must be at most 2000 characters'),
  category: z.enum(CATEGORIES),
  /** Local date in the workspace time zone; null: no due date. */
  dueOn: isoDate.nullable(),
  ownerStaffId: id,
};

export const createItemBody = z.strictObject({
  title: editable.title,
  description: editable.description.optional(),
  category: editable.category,
  dueOn: editable.dueOn.optional(),
  /** Default: the signed-in staff member. */
  ownerStaffId: id.optional(),
  status: z.enum(STATUSES).optional(),
});
export type CreateItemInput = z.infer<typeof createItemBody>;

export const updateItemBody = z.strictObject({
  title: editable.title.optional(),
  description: editable.description.optional(),
  category: editable.category.optional(),
  dueOn: editable.dueOn.optional(),
  ownerStaffId: editable.ownerStaffId.optional(),
  status: z.enum(STATUSES).optional(),
});
export type UpdateItemInput = z.infer<typeof updateItemBody>;

/** `me` (default for staff), `all`, or a staff id. */
const ownerFilter = z.string().regex(/^(me|all|\d{1,15})$/, 'must be "me", "all" or a staff id')
  .transform((s) => (s === 'me' || s === 'all' ? s : Number(s)));

const whoQuery = {
  owner: ownerFilter.optional(),
  team: idParam.shape.id.optional(),
};

export const listItemsQuery = z.strictObject({
  ...whoQuery,
  status: wordList(STATUSES).optional(),
  category: wordList(CATEGORIES).optional(),
  /** Due strictly before / after this local date (items without a due date are left out). */
  dueBefore: isoDate.optional(),
  dueAfter: isoDate.optional(),
  /** Any day of the week: items due that week (Monday–Sunday), undated open items, undated items done that week. */
  week: isoDate.optional(),
  /** With `week`: also the open items due before that week. */
  carryOver: bool.optional(),
  overdue: bool.optional(),
  sort: z.enum(['category', 'due']).default('category'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: pageQuery.cursor,
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;

export const countsQuery = z.strictObject({ ...whoQuery, week: isoDate.optional() });
export type CountsQuery = z.infer<typeof countsQuery>;

const staffRef = z.object({ id: z.number(), displayName: z.string() });
const weekOut = z.object({ start: z.string(), end: z.string() });
const ratio = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });

export const itemOut = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  category: z.enum(CATEGORIES),
  dueOn: z.string().nullable(),
  owner: staffRef.extend({ teamId: z.number().nullable() }).nullable(),
  status: z.enum(STATUSES),
  doneAt: z.string().nullable(),
  /** Open and due before today (workspace time zone). */
  overdue: z.boolean(),
  createdBy: staffRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with it (the server enforces the same). */
  mayEdit: z.boolean(),
  mayDelete: z.boolean(),
});
export type ItemOut = z.infer<typeof itemOut>;

export const itemListOut = z.object({
  items: z.array(itemOut),
  nextCursor: z.string().nullable(),
  /** Today in the workspace time zone: the day `overdue` is measured against. */
  today: z.string(),
  /** The week asked for (its Monday and Sunday), or null. */
  week: weekOut.nullable(),
});

export const countsOut = z.object({
  week: weekOut,
  categories: z.array(z.object({
    category: z.enum(CATEGORIES),
    total: z.number(),
    todo: z.number(),
    doing: z.number(),
    done: z.number(),
    dropped: z.number(),
    overdue: z.number(),
    completion: ratio,
  })),
  definitions: z.object({ total: z.string(), overdue: z.string(), completion: z.string() }),
});
export type CountsOut = z.infer<typeof countsOut>;

export const focusParams = z.strictObject({
  id: idParam.shape.id,
  weekStart: isoDate,
});

export const focusBody = z.strictObject({
  title: text(120),
  description: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
});
export type FocusInput = z.infer<typeof focusBody>;

export const focusQuery = z.strictObject({ week: isoDate.optional() });

export const focusOut = z.object({
  teamId: z.number(),
  teamName: z.string(),
  weekStart: z.string(),
  title: z.string(),
  description: z.string(),
  setBy: staffRef.nullable(),
  updatedAt: z.string(),
});
export type FocusOut = z.infer<typeof focusOut>;

export const weekFocusOut = z.object({ week: weekOut, items: z.array(focusOut) });
export const myFocusOut = z.object({
  week: weekOut,
  /** The caller's team (their own, else the first team they lead); null for API tokens and staff without a team. */
  teamId: z.number().nullable(),
  focus: focusOut.nullable(),
});
