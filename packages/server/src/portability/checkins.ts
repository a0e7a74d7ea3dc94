// Check-ins of the file (second pass): the day from campaignDay() in the campaign's zone and window (or, for a
// make-up, the `day` the file names), tied to the member's enrollment in the campaign. A check-in read before its
// enrollment waits in a spool file and is written after the pass; one whose enrollment never came is an error.
import { addDays, campaignDay } from '../campaigns/rules.js';
import type { Database } from '../db/connection.js';
import type { Executor } from '../db/scoped.js';
import { openBulkInsert, type BulkInsert } from './bulk.js';
import type { Catalog, CampaignInfo } from './catalog.js';
import type { EnrollmentImport } from './enrollments.js';
import { ImportError } from './errors.js';
import type { MemberImport } from './members.js';
import { classify, maxId, openLookups, pairKey, type Lookups } from './queries.js';
import type { CheckinRecord } from './records.js';
import type { Counts } from './summary.js';
import type { ImportTarget } from './workspace.js';

/** Enrollment ids remembered between batches: a member's check-ins usually come together. */
const CACHE_LIMIT = 100_000;

interface Pending {
  line: number;
  /** The line as read, for the spool when its enrollment has not come yet. */
  text: string;
  record: CheckinRecord;
  campaign: CampaignInfo;
  memberId: number;
  dayIndex: number;
  dayDate: string;
}

/** Where a check-in goes when its enrollment has not been read yet; null once the file is read (then it is an error). */
export type Defer = ((line: number, text: string) => Promise<void>) | null;

export class CheckinImport {
  private pending: Pending[] = [];
  private readonly enrollmentIds = new Map<string, number>();
  private readonly dayDates = new Map<string, string>();
  defer: Defer = null;

  private constructor(
    private readonly ws: ImportTarget, private readonly catalog: Catalog, private readonly members: MemberImport,
    private readonly enrollments: EnrollmentImport, private readonly created: Counts, private readonly skipped: Counts,
    private readonly insert: BulkInsert, private readonly before: number, private readonly batch: number, private readonly lookups: Lookups,
  ) {}

  static async open(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, ws: ImportTarget, catalog: Catalog, members: MemberImport,
    enrollments: EnrollmentImport, created: Counts, skipped: Counts, batch: number) {
    const insert = await openBulkInsert(tx, database, {
      table: 'checkins',
      columns: {
        workspace_id: 'int', campaign_id: 'int', enrollment_id: 'int', member_id: 'int', day_index: 'int', day_date: 'text', text: 'text',
        submitted_at: 'text', updated_at: 'text', makeup: 'int',
      },
      conflict: ['enrollment_id', 'day_index'],
    });
    return new CheckinImport(ws, catalog, members, enrollments, created, skipped, insert, await maxId(tx, 'checkins'), batch, openLookups(tx, database, ws.id));
  }

  /** Returns a promise only when the batch is full and being written. */
  add(line: number, text: string, record: CheckinRecord): Promise<void> | undefined {
    const memberId = this.members.idOf(record.member);
    if (memberId === undefined) throw new ImportError(line, `checkin: unknown member "${record.member}"`);
    const campaign = this.catalog.campaign(record.campaign);
    if (!campaign) throw new ImportError(line, `checkin: unknown campaign "${record.campaign}"`);
    const dayIndex = record.day ?? campaignDay(campaign.clock, new Date(record.at)).dayIndex;
    if (dayIndex < 1 || dayIndex > campaign.daysTotal) {
      throw new ImportError(line, `checkin: ${record.day === null ? 'at' : 'day'}: day ${dayIndex} is outside ${campaign.key} (days 1–${campaign.daysTotal})`);
    }
    this.pending.push({ line, text, record, campaign, memberId, dayIndex, dayDate: this.dateOf(campaign, dayIndex) });
    return this.pending.length >= this.batch ? this.flush() : undefined;
  }

  /** The calendar date of a campaign day (a few hundred per campaign, asked millions of times). */
  private dateOf(campaign: CampaignInfo, dayIndex: number): string {
    const key = pairKey(campaign.id, dayIndex);
    let date = this.dayDates.get(key);
    if (date === undefined) {
      date = addDays(campaign.clock.startsOn, dayIndex - 1);
      this.dayDates.set(key, date);
    }
    return date;
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // An enrollment read just before its check-ins may still be waiting in the enrollments' batch.
    await this.enrollments.flush();
    const ready = await this.withEnrollments(batch);
    if (ready.length === 0) return;
    const rows = ready.map(({ p, enrollmentId }) => [this.ws.id, p.campaign.id, enrollmentId, p.memberId, p.dayIndex, p.dayDate, p.record.text,
      p.record.at, p.record.at, p.record.day === null ? 0 : 1]);
    const inserted = await this.insert.insert(rows);
    let created = ready.map(() => true);
    if (inserted.count < ready.length) {
      const holders = await this.lookups.checkins(ready.map((r) => [r.enrollmentId, r.p.dayIndex] as const));
      const result = classify(ready.length, inserted, this.before, (i) => holders.get(pairKey(ready[i]!.enrollmentId, ready[i]!.p.dayIndex)));
      if (result.repeat !== null) {
        const { p } = ready[result.repeat]!;
        throw new ImportError(p.line, `checkin: ${p.record.member} already checked in for day ${p.dayIndex} of ${p.record.campaign} on an earlier line`);
      }
      created = result.created;
    }
    for (const isNew of created) {
      if (isNew) this.created.checkin++;
      else this.skipped.checkin++;
    }
  }

  /** The batch's check-ins with their enrollment ids; those without one are spooled (or, at the end, an error). */
  private async withEnrollments(batch: Pending[]): Promise<Array<{ p: Pending; enrollmentId: number }>> {
    if (this.enrollmentIds.size > CACHE_LIMIT) this.enrollmentIds.clear();
    const unknown = batch.filter((p) => !this.enrollmentIds.has(pairKey(p.campaign.id, p.memberId)));
    if (unknown.length > 0) {
      for (const [key, id] of await this.lookups.enrollments(unknown.map((p) => [p.campaign.id, p.memberId] as const))) this.enrollmentIds.set(key, id);
    }
    const ready: Array<{ p: Pending; enrollmentId: number }> = [];
    for (const p of batch) {
      const enrollmentId = this.enrollmentIds.get(pairKey(p.campaign.id, p.memberId));
      if (enrollmentId !== undefined) ready.push({ p, enrollmentId });
      else if (this.defer) await this.defer(p.line, p.text);
      else throw new ImportError(p.line, `checkin: no enrollment of ${p.record.member} in ${p.record.campaign}`);
    }
    return ready;
  }
}
