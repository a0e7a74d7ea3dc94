// The problem bank (问题库 / 话术库): problems met in campaigns, groups or with members, their scripted answers with
// variables, search, and reuse — an answer filled for a member and counted (reuse.ts). Categories: categories.ts.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { CampaignService } from '../campaigns/service.js';
import type { CheckinService } from '../checkins/service.js';
import type { Clock } from '../clock.js';
import { scoped, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import type { MemberService } from '../members/service.js';
import { VARIABLES, variablesIn } from '../variables/fill.js';
import { categoryNotFound, loadTree, ProblemCategories } from './categories.js';
import * as q from './queries.js';
import { ProblemReuse } from './reuse.js';
import type { AnswerOut, CreateProblemInput, ListProblemsQuery, ProblemOut, ProblemStatus, ProblemSummary, UpdateProblemInput } from './schema.js';
import { buildSearchText, decodeCursor, encodeCursor, searchTerms } from './search.js';

export const problemNotFound = () => notFound('problem', 'Problem');
export const answerNotFound = () => notFound('problem_answer', 'Answer');

const KNOWN = new Set<string>(VARIABLES);

/** 400 naming the field when a text uses a variable that does not exist (a typo would reach members as written). */
export function assertKnownVariables(content: string, field: string): void {
  const unknown = variablesIn(content).filter((name) => !KNOWN.has(name));
  if (unknown.length) {
    const list = unknown.map((n) => `{${n}}`).join(', ');
    throw invalid('problem_answer.unknown_variable', `Unknown variable ${list}`, { [field]: `unknown variable ${list}; known: ${VARIABLES.map((v) => `{${v}}`).join(' ')}` });
  }
}

function toAnswer(row: q.AnswerRow): AnswerOut {
  return {
    id: row.id, problemId: row.problem_id, content: row.content, variables: variablesIn(row.content), useCount: Number(row.use_count),
    lastUsedAt: row.last_used_at, createdBy: row.created_by !== null ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function toSummary(row: q.ProblemRow): ProblemSummary {
  return {
    id: row.id, title: row.title, description: row.description, status: row.status as ProblemStatus,
    category: row.category_id !== null ? { id: row.category_id, name: row.category_name ?? '' } : null,
    tags: JSON.parse(row.tags) as string[],
    campaign: row.campaign_id !== null ? { id: row.campaign_id, key: row.campaign_key ?? '', name: row.campaign_name ?? '' } : null,
    group: row.group_id !== null ? { id: row.group_id, name: row.group_name ?? '' } : null,
    member: row.member_id !== null ? { memberNo: row.member_no ?? 0, nickname: row.nickname ?? '' } : null,
    answerCount: Number(row.answer_count), useCount: Number(row.uses),
    createdBy: row.created_by !== null ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Distinct tags, trimmed, in the order given. */
function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()))];
}

export class ProblemService {
  readonly categories: ProblemCategories;
  readonly reuse: ProblemReuse;

  constructor(readonly db: Kysely<DB>, readonly clock: Clock, readonly deps: { members: MemberService; campaigns: CampaignService; checkins: CheckinService }) {
    this.categories = new ProblemCategories(db);
    this.reuse = new ProblemReuse(db, clock, deps, (s, id) => this.requireAnswer(s, id));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  async requireAnswer(s: Scoped, id: number): Promise<q.AnswerRow> {
    const row = await q.findAnswer(s, id);
    if (!row) throw answerNotFound();
    return row;
  }

  private async load(s: Scoped, id: number): Promise<ProblemOut> {
    const row = await q.findProblem(s, id);
    if (!row) throw problemNotFound();
    const answers = await q.answersOfProblems(s, [id]);
    return { ...toSummary(row), answers: answers.map(toAnswer) };
  }

  get(ctx: AccessContext, id: number): Promise<ProblemOut> {
    return this.load(scoped(this.db, ctx.workspaceId), id);
  }

  async list(ctx: AccessContext, query: ListProblemsQuery): Promise<{ items: ProblemSummary[]; nextCursor: string | null }> {
    const s = scoped(this.db, ctx.workspaceId);
    const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
    let categoryIds: number[] | undefined;
    if (query.categoryId !== undefined) {
      const tree = await loadTree(s);
      if (!tree.byId.has(query.categoryId)) throw categoryNotFound('categoryId');
      categoryIds = tree.subtree(query.categoryId);
    }
    if (query.campaignId !== undefined) await this.deps.campaigns.requireCampaign(ctx, query.campaignId);
    if (query.groupId !== undefined && !(await q.findGroup(s, query.groupId))) throw groupNotFound();
    const status = query.status ?? 'active';
    const rows = await q.listProblems(s, {
      terms: searchTerms(query.q), categoryIds, uncategorized: query.uncategorized === 'true', tag: query.tag?.trim(),
      statuses: status === 'active' ? ['open', 'answered'] : status === 'all' ? ['open', 'answered', 'archived'] : [status],
      campaignId: query.campaignId, groupId: query.groupId, sort: query.sort, after, limit: query.limit,
    });
    const items = rows.slice(0, query.limit).map(toSummary);
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ uses: query.sort === 'reuse' ? last.useCount : null, id: last.id }) : null;
    return { items, nextCursor };
  }

  /** Tags of the problems that are not archived, most used first. */
  async tags(ctx: AccessContext): Promise<Array<{ tag: string; count: number }>> {
    const counts = new Map<string, number>();
    for (const row of await q.activeTags(scoped(this.db, ctx.workspaceId))) {
      for (const tag of JSON.parse(row.tags) as string[]) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'zh-CN'));
  }

  async create(ctx: AccessContext, input: CreateProblemInput): Promise<ProblemOut> {
    const answers = input.answers ?? [];
    answers.forEach((content, i) => assertKnownVariables(content, `answers.${i}`));
    const where = await this.where(ctx, input);
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      if (input.categoryId != null) await this.categories.require(tx, ctx, input.categoryId, 'categoryId');
      const now = this.now();
      const id = await q.insertProblem(tx, {
        workspace_id: ctx.workspaceId, title: input.title, description: input.description ?? '', category_id: input.categoryId ?? null,
        tags: JSON.stringify(cleanTags(input.tags ?? [])), campaign_id: where.campaign_id ?? null, group_id: where.group_id ?? null,
        member_id: where.member_id ?? null, status: 'open', search_text: '', created_by: ctx.staffId, created_at: now, updated_at: now,
      });
      for (const content of answers) {
        await q.insertAnswer(tx, { workspace_id: ctx.workspaceId, problem_id: id, content, use_count: 0, created_by: ctx.staffId, created_at: now, updated_at: now });
      }
      await this.refresh(s, id, now);
      const out = await this.load(s, id);
      await recordAudit(tx, ctx, { action: 'problem.create', entity: 'problem', entityId: id, after: out });
      return out;
    });
  }

  async update(ctx: AccessContext, id: number, input: UpdateProblemInput): Promise<ProblemOut> {
    const where = await this.where(ctx, input);
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.load(s, id);
      if (input.categoryId != null) await this.categories.require(tx, ctx, input.categoryId, 'categoryId');
      const now = this.now();
      await q.updateProblem(s, id, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
        ...(input.tags !== undefined ? { tags: JSON.stringify(cleanTags(input.tags)) } : {}),
        ...where,
        ...(input.archived === true ? { status: 'archived' } : {}),
        // Out of the archive: open or answered, by what it has (refresh decides).
        ...(input.archived === false && before.status === 'archived' ? { status: 'open' } : {}),
      });
      await this.refresh(s, id, now);
      const after = await this.load(s, id);
      await recordAudit(tx, ctx, { action: 'problem.update', entity: 'problem', entityId: id, before, after });
      return after;
    });
  }

  /** Deletes the problem with its answers and their use log. */
  async remove(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.load(s, id);
      await q.deleteProblem(s, id);
      await recordAudit(tx, ctx, { action: 'problem.delete', entity: 'problem', entityId: id, before });
    });
  }

  async addAnswer(ctx: AccessContext, problemId: number, content: string): Promise<AnswerOut> {
    assertKnownVariables(content, 'content');
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      if (!(await q.findProblem(s, problemId))) throw problemNotFound();
      const now = this.now();
      const id = await q.insertAnswer(tx, { workspace_id: ctx.workspaceId, problem_id: problemId, content, use_count: 0, created_by: ctx.staffId, created_at: now, updated_at: now });
      await this.refresh(s, problemId, now);
      const out = toAnswer(await this.requireAnswer(s, id));
      await recordAudit(tx, ctx, { action: 'problem_answer.create', entity: 'problem_answer', entityId: id, after: out });
      return out;
    });
  }

  async updateAnswer(ctx: AccessContext, id: number, content: string): Promise<AnswerOut> {
    assertKnownVariables(content, 'content');
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = toAnswer(await this.requireAnswer(s, id));
      const now = this.now();
      await q.updateAnswer(s, id, { content, updated_at: now });
      await this.refresh(s, before.problemId, now);
      const after = toAnswer(await this.requireAnswer(s, id));
      await recordAudit(tx, ctx, { action: 'problem_answer.update', entity: 'problem_answer', entityId: id, before, after });
      return after;
    });
  }

  /** Deletes an answer and its use log; a problem left without answers is open again (unless archived). */
  async removeAnswer(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = toAnswer(await this.requireAnswer(s, id));
      await q.deleteAnswer(s, id);
      await this.refresh(s, before.problemId, this.now());
      await recordAudit(tx, ctx, { action: 'problem_answer.delete', entity: 'problem_answer', entityId: id, before });
    });
  }

  /**
   * After any change to a problem or its answers, in the same transaction: the search text from what is stored
   * now, and the status — answered once it has an answer, open without one; archived stays archived.
   */
  private async refresh(s: Scoped, id: number, now: string): Promise<void> {
    const row = await q.findProblem(s, id);
    if (!row) throw problemNotFound();
    const answers = await q.answersOfProblems(s, [id]);
    const status = row.status === 'archived' ? 'archived' : answers.length > 0 ? 'answered' : 'open';
    const searchText = buildSearchText({ title: row.title, description: row.description, tags: JSON.parse(row.tags) as string[] }, answers.map((a) => a.content));
    await q.updateProblem(s, id, { search_text: searchText, status, updated_at: now });
  }

  /** Where a problem was met, each reference checked to be of this workspace (a 404 naming the field otherwise). */
  private async where(ctx: AccessContext, input: { campaignId?: number | null; groupId?: number | null; memberNo?: number | null }) {
    const s = scoped(this.db, ctx.workspaceId);
    const out: { campaign_id?: number | null; group_id?: number | null; member_id?: number | null } = {};
    if (input.campaignId !== undefined) out.campaign_id = input.campaignId === null ? null : (await this.deps.campaigns.requireCampaign(ctx, input.campaignId)).id;
    if (input.groupId !== undefined) {
      if (input.groupId !== null && !(await q.findGroup(s, input.groupId))) throw groupNotFound();
      out.group_id = input.groupId;
    }
    if (input.memberNo !== undefined) out.member_id = input.memberNo === null ? null : (await this.member(s, input.memberNo)).id;
    return out;
  }

  private async member(s: Scoped, memberNo: number) {
    try {
      return (await this.deps.members.resolve(s, memberNo)).row;
    } catch (error) {
      if (error instanceof AppError && error.code === 'member.not_found') throw new AppError(404, 'member.not_found', 'Member not found', { memberNo: 'no such member' });
      throw error;
    }
  }
}

const groupNotFound = () => new AppError(404, 'group.not_found', 'Group not found', { groupId: 'no such group' });

