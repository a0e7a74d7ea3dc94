// The workspace an import writes into: found by key, or created inside the import's transaction, so a failed
// import of a new workspace leaves no workspace behind.
import { nowIso, type Executor } from '../db/scoped.js';
import { ImportError } from './errors.js';

export interface ImportTarget {
  id: number;
  key: string;
  name: string;
  timezone: string;
  /** Created by this import: nothing in it to match the file against. */
  created: boolean;
}

// As WorkspaceService.create, which runs its own transaction and so cannot take part in the import's.
const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const FIRST_MEMBER_NO = 10001;

export async function openWorkspace(tx: Executor, input: { key: string; name: string; timezone: string }): Promise<ImportTarget> {
  const found = await tx.selectFrom('workspaces').select(['id', 'key', 'name', 'timezone']).where('key', '=', input.key).executeTakeFirst();
  if (found) return { ...found, created: false };
  if (!KEY_PATTERN.test(input.key)) throw new ImportError(0, `workspace key "${input.key}": 1–40 lowercase letters, digits, _ or -`);
  const row = await tx.insertInto('workspaces').values({ key: input.key, name: input.name, timezone: input.timezone, created_at: nowIso() })
    .returning(['id', 'key', 'name', 'timezone']).executeTakeFirstOrThrow();
  await tx.insertInto('counters').values({ workspace_id: row.id, name: 'member_no', value: FIRST_MEMBER_NO - 1 }).execute();
  return { ...row, created: true };
}
