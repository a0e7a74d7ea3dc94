// Group membership periods of the file (second pass), source 'import'. Into an existing workspace, a period it
// already has (same group, member and joined_at) is skipped.
import type { Database } from '../db/connection.js';
import type { Executor } from '../db/scoped.js';
import { openBulkInsert, type BulkInsert, type Value } from './bulk.js';
import type { Catalog } from './catalog.js';
import { ImportError } from './errors.js';
import type { MemberImport } from './members.js';
import { openLookups, pairKey, type Lookups } from './queries.js';
import type { MembershipRecord } from './records.js';
import type { Counts } from './summary.js';
import type { ImportTarget } from './workspace.js';

export class MembershipImport {
  private pending: Value[][] = [];

  private constructor(
    private readonly ws: ImportTarget, private readonly catalog: Catalog, private readonly members: MemberImport,
    private readonly created: Counts, private readonly skipped: Counts, private readonly insert: BulkInsert, private readonly batch: number,
    private readonly lookups: Lookups,
  ) {}

  static async open(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, ws: ImportTarget, catalog: Catalog, members: MemberImport, created: Counts, skipped: Counts, batch: number) {
    const insert = await openBulkInsert(tx, database, {
      table: 'group_memberships',
      columns: { workspace_id: 'int', group_id: 'int', member_id: 'int', joined_at: 'text', left_at: 'text', source: 'text', group_nickname: 'text' },
    });
    return new MembershipImport(ws, catalog, members, created, skipped, insert, batch, openLookups(tx, database, ws.id));
  }

  /** Returns a promise only when the batch is full and being written. */
  add(line: number, record: MembershipRecord): Promise<void> | undefined {
    const memberId = this.members.idOf(record.member);
    if (memberId === undefined) throw new ImportError(line, `membership: unknown member "${record.member}"`);
    const groupId = this.catalog.group(record.group);
    if (groupId === undefined) throw new ImportError(line, `membership: unknown group "${record.group}"`);
    this.pending.push([this.ws.id, groupId, memberId, record.joinedAt, record.leftAt, 'import', null]);
    return this.pending.length >= this.batch ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    let rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return;
    if (!this.ws.created) {
      const known = await this.lookups.memberships(rows.map((r) => r[2] as number));
      const fresh = rows.filter((r) => !known.has(`${pairKey(r[1] as number, r[2] as number)}:${r[3] as string}`));
      this.skipped.membership += rows.length - fresh.length;
      rows = fresh;
    }
    await this.insert.insert(rows);
    this.created.membership += rows.length;
  }
}
