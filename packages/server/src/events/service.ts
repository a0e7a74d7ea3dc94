// The silent recorder's intake: batches of events from the console, a mini-program or an H5 page, checked one by
// one, tied to members, and stored once per sender's id; and a member's timeline of them.
import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Kysely } from 'kysely';
import type { DialectName } from '../db/connection.js';
import { nowIso, scoped, type Scoped } from '../db/scoped.js';
import type { DB, EventsTable } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, invalid } from '../http/errors.js';
import { MAX_MERGE_HOPS, type MemberService } from '../members/service.js';
import type { ActivityDay, ActivityRecorder } from '../analytics/activity.js';
import * as q from './queries.js';
import type { EventOut, RejectedEvent } from './schema.js';
import { checkEvents, type Checked, type ValidEvent } from './validate.js';

/** Rows one group commit may take: bounds how long a batch waits behind the others. */
const MAX_GROUP_ROWS = 10_000;

interface PendingWrite {
  rows: Insertable<EventsTable>[];
  /** The activity days these events make (analytics), recorded in the same transaction. */
  days: ActivityDay[];
  done(inserted: number): void;
  failed(error: unknown): void;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

export class EventService {
  private pending: PendingWrite[] = [];
  private flushing = false;

  private readonly sqliteWriter: q.SqliteEventWriter | null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: DialectName,
    private readonly members: MemberService,
    private readonly activity: ActivityRecorder,
    sqlite?: SqliteDatabase.Database,
  ) {
    this.sqliteWriter = sqlite ? new q.SqliteEventWriter(sqlite) : null;
  }

  // No audit entries: events are ingestion at machine rates, not a staff member changing data; each row carries
  // its source (the token or staff member that sent it), which is the trail.
  async ingest(ctx: AccessContext, events: readonly unknown[]): Promise<IngestResult> {
    return this.ingestChecked(ctx, checkEvents(events));
  }

  /**
   * A member page's batch (source `member:<id>`): every event is about the signed-in member, so events do not name
   * a member; one that does is refused (field `member`), as a page may not record events for someone else.
   */
  async ingestFromMember(ctx: AccessContext, memberNo: number, events: readonly unknown[]): Promise<IngestResult> {
    const naming = new Set<number>();
    const checked = checkEvents(events.map((event, index) => {
      if (event === null || typeof event !== 'object' || Array.isArray(event)) return event;
      if ('member' in event) {
        naming.add(index);
        return event;
      }
      return { ...event, member: memberNo };
    }));
    for (const event of checked.valid.filter((e) => naming.has(e.index))) {
      checked.rejected.push({ index: event.index, id: event.eventId, reason: 'unknown field', field: 'member' });
    }
    return this.ingestChecked(ctx, { ...checked, valid: checked.valid.filter((e) => !naming.has(e.index)) });
  }

  private async ingestChecked(ctx: AccessContext, { valid, rejected, repeated }: Checked): Promise<IngestResult> {
    const memberIds = await this.resolveMembers(scoped(this.db, ctx.workspaceId), valid);
    const receivedAt = nowIso();
    const source = sourceOf(ctx);
    const rows: Insertable<EventsTable>[] = [];
    for (const event of valid) {
      const memberId = memberIds[event.index];
      if (typeof memberId === 'string') {
        rejected.push({ index: event.index, id: event.eventId, reason: memberId, field: 'member' });
        continue;
      }
      rows.push({ workspace_id: ctx.workspaceId, event_id: event.eventId, member_id: memberId!, name: event.name, at: event.at, props: event.props, received_at: receivedAt, source });
    }
    rejected.sort((a, b) => a.index - b.index);
    // Repeats of known events make the same days again: recording a day is idempotent, so no need to tell them apart.
    const days = await this.activity.daysOf(this.db, ctx.workspaceId, rows.map((r) => ({ memberId: r.member_id, at: r.at, event: r.name })));
    const accepted = rows.length === 0 ? 0 : await this.store(rows, days);
    return { accepted, duplicates: repeated + rows.length - accepted, rejected };
  }

  /**
   * Group commit: batches that arrive while a transaction is being written wait and go together into the next
   * one. The commit, not the insert, is what a batch costs on SQLite (every index page it touched is written
   * out), so concurrent senders share it. Each batch keeps its own statements, hence its own count of new rows.
   */
  private store(rows: Insertable<EventsTable>[], days: ActivityDay[]): Promise<number> {
    return new Promise((done, failed) => {
      this.pending.push({ rows, days, done, failed });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      let size = 0;
      let take = 0;
      while (take < this.pending.length && (take === 0 || size + this.pending[take]!.rows.length <= MAX_GROUP_ROWS)) size += this.pending[take++]!.rows.length;
      const group = this.pending.splice(0, take);
      try {
        const writer = this.sqliteWriter;
        const counts = writer
          // Holding Kysely's connection: no Kysely transaction can be open on the handle meanwhile.
          ? await this.db.connection().execute(async () => writer.insertBatches(group.map((write) => write.rows), () => {
            for (const write of group) this.activity.recordSqlite(write.days);
          }))
          : await this.db.transaction().execute(async (tx) => {
            const out: number[] = [];
            for (const write of group) {
              out.push(await q.insertEvents(tx, this.dialect, write.rows));
              await this.activity.record(tx, write.days);
            }
            return out;
          });
        group.forEach((write, i) => write.done(counts[i]!));
      } catch (error) {
        for (const write of group) write.failed(error);
      }
    }
    this.flushing = false;
  }

  /**
   * The member id of each valid event (by its batch index), or the reason it has none. One query for the numbers,
   * one per identity kind, and one per merge hop for numbers merged away (they resolve to the survivor).
   */
  private async resolveMembers(s: Scoped, valid: ValidEvent[]): Promise<Record<number, number | string>> {
    const numbers = new Set<number>();
    const byKind = new Map<string, Set<string>>();
    for (const { member } of valid) {
      if ('no' in member) numbers.add(member.no);
      else {
        let values = byKind.get(member.kind);
        if (!values) byKind.set(member.kind, (values = new Set()));
        values.add(member.value);
      }
    }
    const known = new Map<number, q.MemberLink>();
    const byNo = new Map<number, q.MemberLink>();
    for (const row of numbers.size ? await q.membersByNo(s, [...numbers]) : []) { byNo.set(row.member_no, row); known.set(row.id, row); }
    const byIdentity = new Map<string, q.MemberLink>();
    for (const [kind, values] of byKind) {
      for (const row of await q.holdersOf(s, kind, [...values])) { byIdentity.set(`${kind}:${row.value}`, row); known.set(row.id, row); }
    }
    for (let hop = 0; ; hop++) {
      const missing = [...new Set([...known.values()].map((m) => m.merged_into_id).filter((id): id is number => id !== null && !known.has(id)))];
      if (missing.length === 0) break;
      if (hop >= MAX_MERGE_HOPS) throw new AppError(409, 'member.merge_loop', 'Merge chain too long');
      for (const row of await q.membersById(s, missing)) known.set(row.id, row);
    }
    const survivor = (link: q.MemberLink | undefined): number | string => {
      for (let hop = 0; link && link.merged_into_id !== null && hop < MAX_MERGE_HOPS; hop++) link = known.get(link.merged_into_id);
      if (!link || link.merged_into_id !== null) return 'unknown member';
      return link.erased_at ? 'member erased' : link.id;
    };
    const out: Record<number, number | string> = {};
    for (const { index, member } of valid) {
      out[index] = survivor('no' in member ? byNo.get(member.no) : byIdentity.get(`${member.kind}:${member.value}`));
    }
    return out;
  }

  /** A member's events, newest first (a merged-away number shows its survivor's, which include its own). */
  async list(ctx: AccessContext, memberNo: number, input: { limit: number; cursor?: string }): Promise<{ items: EventOut[]; nextCursor: string | null }> {
    const s = scoped(this.db, ctx.workspaceId);
    const { row } = await this.members.resolve(s, memberNo);
    const ids = [row.id];
    for (let frontier = [row.id], hop = 0; frontier.length > 0 && hop < MAX_MERGE_HOPS; hop++) {
      frontier = (await q.mergedInto(s, frontier)).map((m) => m.id).filter((id) => !ids.includes(id));
      ids.push(...frontier);
    }
    const rows = await q.timeline(s, ids, input.limit, input.cursor ? decodeCursor(input.cursor) : undefined);
    const items = rows.slice(0, input.limit).map((r) => ({
      id: r.event_id, name: r.name, at: r.at, props: JSON.parse(r.props) as Record<string, unknown>, receivedAt: r.received_at, source: r.source,
    }));
    const last = rows[input.limit - 1];
    return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.at, last.id) : null };
  }
}

function sourceOf(ctx: AccessContext): string {
  if (ctx.actor.kind === 'token') return `token:${ctx.actor.id}`;
  if (ctx.actor.kind === 'staff') return `staff:${ctx.staffId}`;
  if (ctx.actor.kind === 'member') return `member:${ctx.actor.id}`;
  return `${ctx.actor.kind}:${ctx.actor.name}`;
}

/** The cursor carries (at, row id) of the last event of the page. */
function encodeCursor(at: string, id: number): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string): { at: string; id: number } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) || !id || !/^\d{1,15}$/.test(id)) {
    throw invalid('validation.failed', 'Invalid cursor', { cursor: 'must be a cursor returned by the previous page' });
  }
  return { at, id: Number(id) };
}
