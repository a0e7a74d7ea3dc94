// Enrollments of the file (second pass), in batches: source 'import', the amount due from the campaign, payment,
// refund and cancellation as the file gives them. One per member and campaign: one the workspace already has is
// skipped, one the file repeats is an error. Campaign place counters take the new active ones at the end.
import type { Database } from '../db/connection.js';
import { scoped, type Executor, type Scoped } from '../db/scoped.js';
import { openBulkInsert, type BulkInsert, type Value } from './bulk.js';
import type { Catalog } from './catalog.js';
import { ImportError } from './errors.js';
import type { MemberImport } from './members.js';
import { classify, maxId, openLookups, pairKey, type Lookups } from './queries.js';
import type { EnrollmentRecord } from './records.js';
import type { Counts } from './summary.js';
import type { ImportTarget } from './workspace.js';

/** When the file gives no paid_at: the enrollment's time, if what was paid covers the amount due. */
export function defaultPaidAt(at: string, paidCents: number, amountDueCents: number): string | null {
  return paidCents > 0 && paidCents >= amountDueCents ? at : null;
}

interface Pending {
  line: number;
  record: EnrollmentRecord;
  campaignId: number;
  memberId: number;
}

export class EnrollmentImport {
  private pending: Pending[] = [];
  private rows: Value[][] = [];
  /** New active enrollments per campaign id. */
  private readonly places = new Map<number, number>();
  private readonly s: Scoped;

  private constructor(
    tx: Executor, private readonly ws: ImportTarget, private readonly catalog: Catalog, private readonly members: MemberImport,
    private readonly created: Counts, private readonly skipped: Counts, private readonly insert: BulkInsert, private readonly before: number,
    private readonly batch: number, private readonly lookups: Lookups,
  ) {
    this.s = scoped(tx, ws.id);
  }

  static async open(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, ws: ImportTarget, catalog: Catalog, members: MemberImport, created: Counts, skipped: Counts, batch: number) {
    const insert = await openBulkInsert(tx, database, {
      table: 'enrollments',
      columns: {
        workspace_id: 'int', campaign_id: 'int', member_id: 'int', channel_id: 'int', source: 'text', status: 'text', amount_due_cents: 'int',
        paid_cents: 'int', paid_at: 'text', cancelled_at: 'text', cancel_reason: 'text', settlement_decision: 'text', refund_cents: 'int',
        refunded_at: 'text', created_at: 'text', updated_at: 'text',
      },
      conflict: ['campaign_id', 'member_id'],
    });
    return new EnrollmentImport(tx, ws, catalog, members, created, skipped, insert, await maxId(tx, 'enrollments'), batch, openLookups(tx, database, ws.id));
  }

  /** Returns a promise only when the batch is full and being written. */
  add(line: number, record: EnrollmentRecord): Promise<void> | undefined {
    const memberId = this.members.idOf(record.member);
    if (memberId === undefined) throw new ImportError(line, `enrollment: unknown member "${record.member}"`);
    const campaign = this.catalog.campaign(record.campaign);
    if (!campaign) throw new ImportError(line, `enrollment: unknown campaign "${record.campaign}"`);
    const channelId = record.channel === null ? null : this.catalog.channel(record.channel);
    if (channelId === undefined) throw new ImportError(line, `enrollment: unknown channel "${record.channel}"`);
    const amountDue = record.amountDueCents ?? campaign.amountDueCents;
    // As payments do (enrollments/queries.ts): never more than due, and paid_at is when the amount was complete.
    if (record.paidCents > amountDue) throw new ImportError(line, `enrollment: paid_cents: more than the amount due (${amountDue})`);
    const paidAt = record.paidAt !== undefined ? record.paidAt : defaultPaidAt(record.at, record.paidCents, amountDue);
    this.pending.push({ line, record, campaignId: campaign.id, memberId });
    this.rows.push([this.ws.id, campaign.id, memberId, channelId, 'import', record.cancelledAt === null ? 'active' : 'cancelled',
      amountDue, record.paidCents, paidAt, record.cancelledAt, record.cancelReason, record.refundedCents === null ? null : 'refund',
      record.refundedCents, record.refundedAt, record.at, record.at]);
    return this.pending.length >= this.batch ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    const rows = this.rows;
    this.pending = [];
    this.rows = [];
    if (pending.length === 0) return;
    const inserted = await this.insert.insert(rows);
    let created = pending.map(() => true);
    if (inserted.count < pending.length) {
      const holders = await this.lookups.enrollments(pending.map((p) => [p.campaignId, p.memberId] as const));
      const result = classify(pending.length, inserted, this.before, (i) => holders.get(pairKey(pending[i]!.campaignId, pending[i]!.memberId)));
      if (result.repeat !== null) {
        const { line, record } = pending[result.repeat]!;
        throw new ImportError(line, `enrollment: ${record.member} is enrolled in ${record.campaign} on an earlier line too`);
      }
      created = result.created;
    }
    pending.forEach((p, i) => {
      if (!created[i]) {
        this.skipped.enrollment++;
        return;
      }
      this.created.enrollment++;
      if (p.record.cancelledAt === null) this.places.set(p.campaignId, (this.places.get(p.campaignId) ?? 0) + 1);
    });
  }

  /** Writes what is left and gives each campaign's place counter its new active enrollments. */
  async finish(): Promise<void> {
    await this.flush();
    for (const [campaignId, count] of this.places) {
      await this.s.updateTable('campaigns').set((eb) => ({ enrolled_count: eb('enrolled_count', '+', count) })).where('id', '=', campaignId).execute();
    }
  }
}
