// The problem bank (问题库 / 话术库): the category tree, problems with where they were met, scripted answers with
// variables, an answer filled for a member (preview, and a counted use) and reuse statistics. Mirrors docs/api-problems.md.
import { request } from './client';
import type { Items, Page, StaffRef } from './types';

/** The script variables an answer may use (server: src/variables/fill.ts). */
export const VARIABLES = ['昵称', '学号', '营期', '群名', '第几天', '总天数', '剩余天数', '打卡天数', '要求天数', '还差天数', '打卡率'] as const;
export type VariableName = (typeof VARIABLES)[number];

export type ProblemStatus = 'open' | 'answered' | 'archived';
export const PROBLEM_STATUSES: ProblemStatus[] = ['open', 'answered', 'archived'];
export type StatusFilter = ProblemStatus | 'all';
export type ProblemSort = 'newest' | 'reuse';
export type UnfilledReason = 'no_member' | 'no_campaign' | 'not_enrolled' | 'before_start' | 'after_end' | 'no_days_yet' | 'no_group' | 'unknown';
export const MAX_CATEGORY_DEPTH = 5;

export interface Category {
  id: number;
  parentId: number | null;
  name: string;
  /** 0-based among its siblings. */
  position: number;
  /** Problems filed directly here that are not archived. */
  problemCount: number;
  createdAt: string;
}

export interface Categories {
  /** Depth first, siblings in order. */
  items: Category[];
  uncategorizedCount: number;
}

export interface CampaignRef { id: number; key: string; name: string }

export interface Answer {
  id: number;
  problemId: number;
  content: string;
  variables: string[];
  useCount: number;
  lastUsedAt: string | null;
  createdBy: StaffRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProblemSummary {
  id: number;
  title: string;
  description: string;
  status: ProblemStatus;
  category: { id: number; name: string } | null;
  tags: string[];
  campaign: CampaignRef | null;
  group: { id: number; name: string } | null;
  member: { memberNo: number; nickname: string } | null;
  answerCount: number;
  useCount: number;
  createdBy: StaffRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface Problem extends ProblemSummary {
  answers: Answer[];
}

export interface ProblemFilter {
  q?: string;
  /** A category id, or 'none' for problems in no category. */
  category?: number | 'none';
  tag?: string;
  status?: StatusFilter;
  campaignId?: number;
  groupId?: number;
  sort: ProblemSort;
}

export interface ProblemDraft {
  title: string;
  description?: string;
  categoryId?: number | null;
  tags?: string[];
  campaignId?: number | null;
  groupId?: number | null;
  memberNo?: number | null;
  answers?: string[];
}

export type ProblemChange = Partial<Omit<ProblemDraft, 'answers'>> & { archived?: boolean };

export interface FillFor { memberNo?: number; campaignId?: number }

export interface Filled {
  answerId: number;
  problemId: number;
  text: string;
  values: Record<string, string>;
  missing: Array<{ variable: string; reason: UnfilledReason }>;
  member: { memberNo: number; nickname: string } | null;
  campaign: CampaignRef | null;
  enrolled: boolean | null;
  useCount: number;
}

export interface ReuseStats {
  from: string;
  to: string;
  uses: number;
  top: Array<{ answerId: number; problemId: number; problemTitle: string; content: string; uses: number; useCount: number; lastUsedAt: string | null }>;
  answers: number;
  neverUsed: number;
  definitions: { uses: string; useCount: string; neverUsed: string };
}

function listQuery(filter: ProblemFilter, cursor: string | null) {
  return {
    q: filter.q, tag: filter.tag, status: filter.status, campaignId: filter.campaignId, groupId: filter.groupId, sort: filter.sort,
    categoryId: typeof filter.category === 'number' ? filter.category : undefined,
    uncategorized: filter.category === 'none' ? 'true' : undefined,
    cursor, limit: 50,
  };
}

export const problemsApi = {
  categories: () => request<Categories>('GET', '/problem-categories'),
  createCategory: (input: { name: string; parentId?: number | null; position?: number }) => request<Category>('POST', '/problem-categories', { body: input }),
  updateCategory: (id: number, change: { name?: string; parentId?: number | null; position?: number }) => request<Category>('PATCH', `/problem-categories/${id}`, { body: change }),
  deleteCategory: (id: number) => request<void>('DELETE', `/problem-categories/${id}`),

  list: (filter: ProblemFilter, cursor: string | null) => request<Page<ProblemSummary>>('GET', '/problems', { query: listQuery(filter, cursor) }),
  get: (id: number) => request<Problem>('GET', `/problems/${id}`),
  create: (draft: ProblemDraft) => request<Problem>('POST', '/problems', { body: draft }),
  update: (id: number, change: ProblemChange) => request<Problem>('PATCH', `/problems/${id}`, { body: change }),
  remove: (id: number) => request<void>('DELETE', `/problems/${id}`),
  tags: () => request<Items<{ tag: string; count: number }>>('GET', '/problem-tags'),

  addAnswer: (problemId: number, content: string) => request<Answer>('POST', `/problems/${problemId}/answers`, { body: { content } }),
  updateAnswer: (id: number, content: string) => request<Answer>('PATCH', `/problem-answers/${id}`, { body: { content } }),
  removeAnswer: (id: number) => request<void>('DELETE', `/problem-answers/${id}`),
  preview: (id: number, fill: FillFor) => request<Filled>('GET', `/problem-answers/${id}/preview`, { query: { ...fill } }),
  use: (id: number, fill: FillFor) => request<Filled>('POST', `/problem-answers/${id}/use`, { body: fill }),
  stats: (period: { from?: string; to?: string; limit?: number }) => request<ReuseStats>('GET', '/problem-stats', { query: { ...period } }),
};
