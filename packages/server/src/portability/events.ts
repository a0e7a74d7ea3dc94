// Events of the file (second pass), checked by the event API's own rules (events/validate.ts) a batch at a time
// and stored with source 'import'. An id the workspace already has is skipped; one the file repeats is an error.
import type { Database } from '../db/connection.js';
import type { Executor } from '../db/scoped.js';
import { checkEvents } from '../events/validate.js';
import { openBulkInsert, type BulkInsert } from './bulk.js';
import { ImportError } from './errors.js';
import type { RawRecord } from './fields.js';
import type { MemberImport } from './members.js';
import { classify, maxId, openLookups, type Lookups } from './queries.js';
import type { Counts } from './summary.js';
import type { ImportTarget } from './workspace.js';

const SOURCE = 'import';

interface Pending {
  line: number;
  memberKey: string;
  memberId: number;
  event: RawRecord;
}

export class EventImport {
  private pending: Pending[] = [];

  private constructor(
    private readonly ws: ImportTarget, private readonly members: MemberImport, private readonly receivedAt: string,
    private readonly created: Counts, private readonly skipped: Counts, private readonly insert: BulkInsert, private readonly before: number,
    private readonly batch: number, private readonly lookups: Lookups,
  ) {}

  static async open(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, ws: ImportTarget, members: MemberImport, receivedAt: string, created: Counts, skipped: Counts, batch: number) {
    const insert = await openBulkInsert(tx, database, {
      table: 'events',
      columns: { workspace_id: 'int', event_id: 'text', member_id: 'int', name: 'text', at: 'text', props: 'text', received_at: 'text', source: 'text' },
      conflict: ['workspace_id', 'event_id'],
    });
    return new EventImport(ws, members, receivedAt, created, skipped, insert, await maxId(tx, 'events'), batch, openLookups(tx, database, ws.id));
  }

  /** Returns a promise only when the batch is full and being written. */
  add(line: number, memberKey: string, event: RawRecord): Promise<void> | undefined {
    const memberId = this.members.idOf(memberKey);
    if (memberId === undefined) throw new ImportError(line, `event: unknown member "${memberKey}"`);
    this.pending.push({ line, memberKey, memberId, event });
    return this.pending.length >= this.batch ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // checkEvents counts a repeated id as a harmless resend; in a file it is two records claiming one id.
    const lines = new Map<unknown, number>();
    for (const { line, event } of batch) {
      const first = lines.get(event.id);
      if (first !== undefined && typeof event.id === 'string') throw new ImportError(line, `event: id "${event.id}" is also on line ${first}`);
      lines.set(event.id, line);
    }
    const { valid, rejected } = checkEvents(batch.map((p) => p.event));
    if (rejected.length > 0) {
      const first = rejected.reduce((a, b) => (b.index < a.index ? b : a));
      throw new ImportError(batch[first.index]!.line, first.field === '(event)' ? `event: ${first.reason}` : `event: ${first.field}: ${first.reason}`);
    }
    const rows = valid.map((e) => [this.ws.id, e.eventId, batch[e.index]!.memberId, e.name, e.at, e.props, this.receivedAt, SOURCE]);
    const inserted = await this.insert.insert(rows);
    if (inserted.count === rows.length) {
      this.created.event += rows.length;
      return;
    }
    const holders = await this.lookups.events(valid.map((e) => e.eventId));
    const result = classify(valid.length, inserted, this.before, (i) => holders.get(valid[i]!.eventId));
    if (result.repeat !== null) {
      const e = valid[result.repeat]!;
      throw new ImportError(batch[e.index]!.line, `event: id "${e.eventId}" is also on an earlier line`);
    }
    for (const isNew of result.created) {
      if (isNew) this.created.event++;
      else this.skipped.event++;
    }
  }
}
