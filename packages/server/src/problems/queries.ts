// Kysely queries of the problem bank: categories, problems (with the names of where they were met), answers and
// their uses. Campaigns, groups, members and staff are only joined for their names (and a group's existence).
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { ProblemAnswersTable, ProblemCategoriesTable, ProblemsTable } from '../db/schema.js';
import { containsPattern, type ListCursor } from './search.js';

// ---- categories ----

export function listCategories(s: Scoped) {
  return s.selectFrom('problem_categories').select(['id', 'parent_id', 'name', 'position', 'created_at'])
    .orderBy('position').orderBy('id').execute();
}
export type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

/** Problems per category (null: none), archived ones left out. */
export function categoryCounts(s: Scoped) {
  return s.selectFrom('problems').select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '!=', 'archived').groupBy('category_id').execute();
}

export async function insertCategory(db: Executor, row: Insertable<ProblemCategoriesTable>) {
  return (await db.insertInto('problem_categories').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateCategory(s: Scoped, id: number, patch: Updateable<ProblemCategoriesTable>) {
  return s.updateTable('problem_categories').set(patch).where('id', '=', id).execute();
}

export function deleteCategory(s: Scoped, id: number) {
  return s.deleteFrom('problem_categories').where('id', '=', id).execute();
}

/** Hands a deleted category's children and problems to its parent (null: the top level / no category). */
export async function moveContentsUp(s: Scoped, id: number, parentId: number | null, at: string) {
  await s.updateTable('problem_categories').set({ parent_id: parentId }).where('parent_id', '=', id).execute();
  await s.updateTable('problems').set({ category_id: parentId, updated_at: at }).where('category_id', '=', id).execute();
}

// ---- problems ----

/** A problem's answers' uses, all time: the key of the "reuse" order. */
const usesOf = sql<number | string>`coalesce((select sum(problem_answers.use_count) from problem_answers where problem_answers.problem_id = problems.id), 0)`;
const answersOf = sql<number | string>`(select count(*) from problem_answers where problem_answers.problem_id = problems.id)`;

function problemsQuery(s: Scoped) {
  return s.selectFrom('problems')
    .leftJoin('problem_categories', 'problem_categories.id', 'problems.category_id')
    .leftJoin('campaigns', 'campaigns.id', 'problems.campaign_id')
    .leftJoin('chat_groups', 'chat_groups.id', 'problems.group_id')
    .leftJoin('members', 'members.id', 'problems.member_id')
    .leftJoin('staff', 'staff.id', 'problems.created_by')
    .select([
      'problems.id', 'problems.title', 'problems.description', 'problems.category_id', 'problems.tags', 'problems.campaign_id',
      'problems.group_id', 'problems.member_id', 'problems.status', 'problems.created_by', 'problems.created_at', 'problems.updated_at',
      'problem_categories.name as category_name', 'campaigns.key as campaign_key', 'campaigns.name as campaign_name',
      'chat_groups.name as group_name', 'members.member_no', 'members.nickname', 'staff.display_name as created_by_name',
    ])
    .select([usesOf.as('uses'), answersOf.as('answer_count')]);
}
export type ProblemRow = Awaited<ReturnType<ReturnType<typeof problemsQuery>['execute']>>[number];

export function findProblem(s: Scoped, id: number) {
  return problemsQuery(s).where('problems.id', '=', id).executeTakeFirst();
}

export interface ProblemFilter {
  terms: string[];
  /** A category and everything below it; [] with `uncategorized` for problems in none. */
  categoryIds?: number[];
  uncategorized?: boolean;
  tag?: string;
  statuses: string[];
  campaignId?: number;
  groupId?: number;
  sort: 'newest' | 'reuse';
  after?: ListCursor;
  limit: number;
}

export function listProblems(s: Scoped, f: ProblemFilter) {
  let query = problemsQuery(s).where('problems.status', 'in', f.statuses);
  for (const term of f.terms) query = query.where(sql<boolean>`problems.search_text like ${containsPattern(term)} escape '\\'`);
  if (f.categoryIds) query = query.where('problems.category_id', 'in', f.categoryIds);
  if (f.uncategorized) query = query.where('problems.category_id', 'is', null);
  // Tags are stored as a JSON array of strings: the quoted tag matches one whole element, never a part of one.
  if (f.tag !== undefined) query = query.where(sql<boolean>`problems.tags like ${containsPattern(JSON.stringify(f.tag))} escape '\\'`);
  if (f.campaignId !== undefined) query = query.where('problems.campaign_id', '=', f.campaignId);
  if (f.groupId !== undefined) query = query.where('problems.group_id', '=', f.groupId);
  const after = f.after;
  if (f.sort === 'reuse') {
    if (after) {
      const uses = after.uses ?? 0;
      query = query.where((eb) => eb.or([eb(usesOf, '<', uses), eb.and([eb(usesOf, '=', uses), eb('problems.id', '<', after.id)])]));
    }
    query = query.orderBy(usesOf, 'desc');
  } else if (after) {
    query = query.where('problems.id', '<', after.id);
  }
  return query.orderBy('problems.id', 'desc').limit(f.limit + 1).execute();
}

export async function insertProblem(db: Executor, row: Insertable<ProblemsTable>) {
  return (await db.insertInto('problems').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateProblem(s: Scoped, id: number, patch: Updateable<ProblemsTable>) {
  return s.updateTable('problems').set(patch).where('id', '=', id).execute();
}

export function deleteProblem(s: Scoped, id: number) {
  return s.deleteFrom('problems').where('id', '=', id).execute();
}

/** The tags of every problem that is not archived (JSON arrays), to count them. */
export function activeTags(s: Scoped) {
  return s.selectFrom('problems').select('tags').where('status', '!=', 'archived').where('tags', '!=', '[]').execute();
}

// ---- answers ----

const lastUsedAt = sql<string | null>`(select max(answer_uses.at) from answer_uses where answer_uses.answer_id = problem_answers.id)`;

function answersQuery(s: Scoped) {
  return s.selectFrom('problem_answers').leftJoin('staff', 'staff.id', 'problem_answers.created_by')
    .select([
      'problem_answers.id', 'problem_answers.problem_id', 'problem_answers.content', 'problem_answers.use_count', 'problem_answers.created_by',
      'problem_answers.created_at', 'problem_answers.updated_at', 'staff.display_name as created_by_name', lastUsedAt.as('last_used_at'),
    ]);
}
export type AnswerRow = Awaited<ReturnType<ReturnType<typeof answersQuery>['execute']>>[number];

export function answersOfProblems(s: Scoped, problemIds: number[]) {
  if (problemIds.length === 0) return Promise.resolve([]);
  return answersQuery(s).where('problem_answers.problem_id', 'in', problemIds).orderBy('problem_answers.id').execute();
}

export function findAnswer(s: Scoped, id: number) {
  return answersQuery(s).where('problem_answers.id', '=', id).executeTakeFirst();
}

export async function insertAnswer(db: Executor, row: Insertable<ProblemAnswersTable>) {
  return (await db.insertInto('problem_answers').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateAnswer(s: Scoped, id: number, patch: Updateable<ProblemAnswersTable>) {
  return s.updateTable('problem_answers').set(patch).where('id', '=', id).execute();
}

export function deleteAnswer(s: Scoped, id: number) {
  return s.deleteFrom('problem_answers').where('id', '=', id).execute();
}

/** Counts one use: the counter goes up in the row itself (atomic under concurrent uses) and the use is logged. */
export async function recordUse(s: Scoped, answerId: number, use: { member_id: number | null; staff_id: number | null; at: string }): Promise<number> {
  const row = await s.updateTable('problem_answers').set((eb) => ({ use_count: eb('use_count', '+', 1) }))
    .where('id', '=', answerId).returning('use_count').executeTakeFirstOrThrow();
  await s.db.insertInto('answer_uses').values({ workspace_id: s.workspaceId, answer_id: answerId, ...use }).execute();
  return Number(row.use_count);
}

/** Uses per answer in [from, to), most used first. */
export function usesBetween(s: Scoped, from: string, to: string, limit: number) {
  return s.selectFrom('answer_uses').innerJoin('problem_answers', 'problem_answers.id', 'answer_uses.answer_id')
    .innerJoin('problems', 'problems.id', 'problem_answers.problem_id')
    .select(['answer_uses.answer_id', 'problem_answers.problem_id', 'problems.title', 'problem_answers.content', 'problem_answers.use_count',
      (eb) => eb.fn.countAll<number | string>().as('uses'), (eb) => eb.fn.max('answer_uses.at').as('last_used_at')])
    .where('answer_uses.at', '>=', from).where('answer_uses.at', '<', to)
    .groupBy(['answer_uses.answer_id', 'problem_answers.problem_id', 'problems.title', 'problem_answers.content', 'problem_answers.use_count'])
    .orderBy('uses', 'desc').orderBy('answer_uses.answer_id').limit(limit).execute();
}

export async function usesTotal(s: Scoped, from: string, to: string): Promise<number> {
  const row = await s.selectFrom('answer_uses').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('at', '>=', from).where('at', '<', to).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function answerTotals(s: Scoped): Promise<{ answers: number; neverUsed: number }> {
  const row = await s.selectFrom('problem_answers')
    .select([(eb) => eb.fn.countAll<number | string>().as('n'), sql<number | string>`coalesce(sum(case when use_count = 0 then 1 else 0 end), 0)`.as('unused')])
    .executeTakeFirstOrThrow();
  return { answers: Number(row.n), neverUsed: Number(row.unused) };
}

// ---- references ----

export function findGroup(s: Scoped, id: number) {
  return s.selectFrom('chat_groups').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The workspace's time zone: statistics periods are whole local days. */
export async function workspaceTimezone(db: Executor, workspaceId: number): Promise<string> {
  return (await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow()).timezone;
}
