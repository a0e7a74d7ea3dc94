// Today's first check-ins that arrive together are written in one transaction (group commit). At 20:00, when a
// camp's members all check in, the commits are the cost, not the inserts: on SQLite each commit writes its pages
// to the WAL with a system call per page. Each row keeps its own ON CONFLICT outcome (a day already checked in
// answers undefined, and the caller edits that check-in instead).
import type { Insertable, Kysely } from 'kysely';
import type { CheckinsTable, DB } from '../db/schema.js';
import type { ActivityRecorder } from '../analytics/activity.js';
import * as q from './queries.js';

/** Rows one commit may take: bounds how long a check-in waits behind the others. */
const MAX_GROUP = 200;

interface Pending {
  row: Insertable<CheckinsTable>;
  resolve(id: number | undefined): void;
  reject(error: unknown): void;
}

export class CheckinInsertQueue {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<DB>, private readonly activity: ActivityRecorder) {}

  /** The new check-in's id, or undefined when the enrollment has a check-in that day already. */
  insert(row: Insertable<CheckinsTable>): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      // The first one goes at once; those arriving while it commits wait and go together in the next transaction.
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, MAX_GROUP);
      try {
        const ids = await this.db.transaction().execute(async (tx) => {
          const out: Array<number | undefined> = [];
          for (const p of group) {
            const id = await q.insertCheckin(tx, p.row);
            if (id !== undefined) await this.activity.recordInputs(tx, p.row.workspace_id, [{ memberId: p.row.member_id, at: p.row.submitted_at }]);
            out.push(id);
          }
          return out;
        });
        group.forEach((p, i) => p.resolve(ids[i]));
      } catch {
        // One row's failure must not fail the others': each is tried again on its own and answers for itself.
        for (const p of group) {
          await this.db.transaction().execute(async (tx) => {
            const id = await q.insertCheckin(tx, p.row);
            if (id !== undefined) await this.activity.recordInputs(tx, p.row.workspace_id, [{ memberId: p.row.member_id, at: p.row.submitted_at }]);
            return id;
          }).then(p.resolve, p.reject);
        }
      }
    }
    this.flushing = false;
  }
}
