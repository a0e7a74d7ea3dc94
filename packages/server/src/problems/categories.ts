// The category tree of the problem bank: create, rename, move (under another category or to the top, at a place
// among its siblings) and delete — a deleted category hands its sub-categories and problems to its parent.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { nowIso, scoped, type Executor, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid } from '../http/errors.js';
import * as q from './queries.js';
import { MAX_CATEGORY_DEPTH, type CategoryOut, type CreateCategoryInput, type UpdateCategoryInput } from './schema.js';

export const categoryNotFound = (field?: string) =>
  new AppError(404, 'problem_category.not_found', 'Problem category not found', field ? { [field]: 'no such category' } : undefined);

/** The workspace's categories as a tree: lookups by id, children in order, depth and what lies below. */
export class CategoryTree {
  readonly byId: Map<number, q.CategoryRow>;

  constructor(readonly rows: q.CategoryRow[]) {
    this.byId = new Map(rows.map((r) => [r.id, r]));
  }

  /** Children in display order (rows arrive ordered by position, id). */
  children(parentId: number | null): q.CategoryRow[] {
    return this.rows.filter((r) => r.parent_id === parentId);
  }

  /** The category and every category below it. */
  subtree(id: number): number[] {
    const out = [id];
    for (let i = 0; i < out.length; i++) for (const child of this.children(out[i]!)) out.push(child.id);
    return out;
  }

  /** 1 for a top-level category. */
  depth(id: number): number {
    let depth = 0;
    for (let at: number | null = id; at !== null && depth <= this.rows.length; depth++) at = this.byId.get(at)?.parent_id ?? null;
    return depth;
  }

  /** Levels from the category down to its deepest descendant, itself included. */
  height(id: number): number {
    const below = this.children(id).map((c) => this.height(c.id));
    return 1 + (below.length ? Math.max(...below) : 0);
  }
}

export async function loadTree(s: Scoped): Promise<CategoryTree> {
  return new CategoryTree(await q.listCategories(s));
}

function toOut(row: q.CategoryRow, counts: Map<number | null, number>): CategoryOut {
  return { id: row.id, parentId: row.parent_id, name: row.name, position: row.position, problemCount: counts.get(row.id) ?? 0, createdAt: row.created_at };
}

const sameName = (a: string, b: string) => a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase();

export class ProblemCategories {
  constructor(private readonly db: Kysely<DB>) {}

  async list(ctx: AccessContext): Promise<{ items: CategoryOut[]; uncategorizedCount: number }> {
    const s = scoped(this.db, ctx.workspaceId);
    const [tree, countRows] = await Promise.all([loadTree(s), q.categoryCounts(s)]);
    const counts = new Map(countRows.map((r) => [r.category_id, Number(r.n)]));
    // Depth first, so a client can draw the tree by reading the list once.
    const items: CategoryOut[] = [];
    const walk = (parentId: number | null) => {
      for (const row of tree.children(parentId)) {
        items.push(toOut(row, counts));
        walk(row.id);
      }
    };
    walk(null);
    return { items, uncategorizedCount: counts.get(null) ?? 0 };
  }

  /** A category of this workspace, or a 404 naming `field`. */
  async require(db: Executor, ctx: AccessContext, id: number, field?: string): Promise<q.CategoryRow> {
    const row = (await loadTree(scoped(db, ctx.workspaceId))).byId.get(id);
    if (!row) throw categoryNotFound(field);
    return row;
  }

  async create(ctx: AccessContext, input: CreateCategoryInput): Promise<CategoryOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const tree = await loadTree(s);
      const parentId = input.parentId ?? null;
      if (parentId !== null) {
        if (!tree.byId.has(parentId)) throw categoryNotFound('parentId');
        if (tree.depth(parentId) + 1 > MAX_CATEGORY_DEPTH) throw tooDeep();
      }
      this.assertFreeName(tree, parentId, input.name);
      const id = await q.insertCategory(tx, { workspace_id: ctx.workspaceId, parent_id: parentId, name: input.name, position: 0, created_at: nowIso() });
      const siblings = tree.children(parentId).map((r) => r.id);
      siblings.splice(Math.min(input.position ?? siblings.length, siblings.length), 0, id);
      await renumber(s, siblings);
      const out = await this.one(s, id);
      await recordAudit(tx, ctx, { action: 'problem_category.create', entity: 'problem_category', entityId: id, after: out });
      return out;
    });
  }

  async update(ctx: AccessContext, id: number, input: UpdateCategoryInput): Promise<CategoryOut> {
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const tree = await loadTree(s);
      const row = tree.byId.get(id);
      if (!row) throw categoryNotFound();
      const before = await this.one(s, id);
      const parentId = input.parentId === undefined ? row.parent_id : input.parentId;
      if (parentId !== null && parentId !== row.parent_id) {
        if (!tree.byId.has(parentId)) throw categoryNotFound('parentId');
        if (tree.subtree(id).includes(parentId)) throw invalid('problem_category.cycle', 'A category cannot move below itself', { parentId: 'is this category or one below it' });
        if (tree.depth(parentId) + tree.height(id) > MAX_CATEGORY_DEPTH) throw tooDeep();
      }
      const name = input.name ?? row.name;
      if (parentId !== row.parent_id || input.name !== undefined) this.assertFreeName(tree, parentId, name, id);
      await q.updateCategory(s, id, { name, parent_id: parentId });
      if (parentId !== row.parent_id) await renumber(s, tree.children(row.parent_id).filter((r) => r.id !== id).map((r) => r.id));
      if (parentId !== row.parent_id || input.position !== undefined) {
        const siblings = tree.children(parentId).filter((r) => r.id !== id).map((r) => r.id);
        const fallback = parentId === row.parent_id ? tree.children(parentId).findIndex((r) => r.id === id) : siblings.length;
        siblings.splice(Math.min(input.position ?? fallback, siblings.length), 0, id);
        await renumber(s, siblings);
      }
      const after = await this.one(s, id);
      await recordAudit(tx, ctx, { action: 'problem_category.update', entity: 'problem_category', entityId: id, before, after });
      return after;
    });
  }

  /** Deletes the category; its sub-categories take its place under its parent and its problems move to the parent. */
  async remove(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const tree = await loadTree(s);
      const row = tree.byId.get(id);
      if (!row) throw categoryNotFound();
      const before = await this.one(s, id);
      const children = tree.children(id);
      for (const child of children) {
        if (tree.children(row.parent_id).some((r) => r.id !== id && sameName(r.name, child.name))) {
          throw conflict('problem_category.name_taken', `"${child.name}" would move next to a category of the same name: rename one of them first`);
        }
      }
      await q.moveContentsUp(s, id, row.parent_id, nowIso());
      await q.deleteCategory(s, id);
      const siblings = tree.children(row.parent_id).map((r) => r.id);
      siblings.splice(siblings.indexOf(id), 1, ...children.map((c) => c.id));
      await renumber(s, siblings);
      await recordAudit(tx, ctx, { action: 'problem_category.delete', entity: 'problem_category', entityId: id, before: { ...before, childIds: children.map((c) => c.id) } });
    });
  }

  private assertFreeName(tree: CategoryTree, parentId: number | null, name: string, exceptId?: number) {
    if (tree.children(parentId).some((r) => r.id !== exceptId && sameName(r.name, name))) {
      throw conflict('problem_category.name_taken', 'A category of this name is already at this level', { name: 'already taken at this level' });
    }
  }

  private async one(s: Scoped, id: number): Promise<CategoryOut> {
    const [tree, countRows] = await Promise.all([loadTree(s), q.categoryCounts(s)]);
    return toOut(tree.byId.get(id)!, new Map(countRows.map((r) => [r.category_id, Number(r.n)])));
  }
}

const tooDeep = () => invalid('problem_category.too_deep', `Categories go at most ${MAX_CATEGORY_DEPTH} levels deep`, { parentId: `would make the tree deeper than ${MAX_CATEGORY_DEPTH} levels` });

/** Positions 0…n-1 in the given order, writing only the rows whose position changes. */
async function renumber(s: Scoped, ids: number[]): Promise<void> {
  const current = new Map((await q.listCategories(s)).map((r) => [r.id, r.position]));
  for (const [position, id] of ids.entries()) if (current.get(id) !== position) await q.updateCategory(s, id, { position });
}
