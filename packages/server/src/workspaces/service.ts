// Workspaces: the tenant boundary. Created by the CLI (demo, import, staff add); every other row hangs off one.
import type { Kysely } from 'kysely';
import { nowIso } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';

export interface Workspace {
  id: number;
  key: string;
  name: string;
  timezone: string;
  createdAt: string;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export class WorkspaceService {
  constructor(private readonly db: Kysely<DB>) {}

  async get(id: number): Promise<Workspace> {
    const row = await this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('workspace');
    return toWorkspace(row);
  }

  async findByKey(key: string): Promise<Workspace | null> {
    const row = await this.db.selectFrom('workspaces').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toWorkspace(row) : null;
  }

  async getByKey(key: string): Promise<Workspace> {
    const ws = await this.findByKey(key);
    if (!ws) throw new AppError(404, 'workspace.not_found', `No workspace with key "${key}"`, { workspace: 'unknown key' });
    return ws;
  }

  async create(input: { key: string; name: string; timezone?: string }): Promise<Workspace> {
    if (!KEY_PATTERN.test(input.key)) {
      throw new AppError(400, 'workspace.invalid_key', 'A workspace key is 1–40 lowercase letters, digits, _ or -', { key: 'invalid' });
    }
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('workspaces')
        .values({ key: input.key, name: input.name, timezone: input.timezone ?? 'Asia/Shanghai', created_at: nowIso() })
        .returningAll().executeTakeFirstOrThrow();
      // Member numbers start at 10001 (five digits, as operators write them into group nicknames).
      await tx.insertInto('counters').values({ workspace_id: row.id, name: 'member_no', value: 10000 }).execute();
      return toWorkspace(row);
    });
  }

  async getOrCreate(input: { key: string; name: string; timezone?: string }): Promise<{ workspace: Workspace; created: boolean }> {
    const found = await this.findByKey(input.key);
    if (found) return { workspace: found, created: false };
    return { workspace: await this.create(input), created: true };
  }
}

function toWorkspace(row: { id: number; key: string; name: string; timezone: string; created_at: string }): Workspace {
  return { id: row.id, key: row.key, name: row.name, timezone: row.timezone, createdAt: row.created_at };
}
