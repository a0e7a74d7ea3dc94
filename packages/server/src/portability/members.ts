// Members of the file, written during the first pass a batch at a time, as the registry writes one member
// (members/service.ts createIn): the row with its search text, its identities, its first nickname (context
// 'import') and, on SQLite, its n-gram row. Keeps file key → member id for the second pass. Into an existing
// workspace a member is matched by number, else by an identity, and then not written again.
import { CompiledQuery } from 'kysely';
import type { Database } from '../db/connection.js';
import { scoped, type Executor, type Scoped } from '../db/scoped.js';
import { isUniqueViolation } from '../http/errors.js';
import { insertNgramRows } from '../members/bulk.js';
import { allocateNumbers, reserveUpTo } from '../members/queries.js';
import { buildSearchText, ngramDocument } from '../members/search-text.js';
import { MAX_MERGE_HOPS } from '../members/service.js';
import { openBulkInsert, type BulkInsert } from './bulk.js';
import { ImportError } from './errors.js';
import type { MemberRecord } from './records.js';
import type { Counts } from './summary.js';
import type { ImportTarget } from './workspace.js';

const LOOKUP_CHUNK = 500;
const NICKNAME_CONTEXT = 'import';
// Identities wait here and go into member_identities in one INSERT sorted by kind and value: in file order each
// would land on its own page of the unique index. Their lines name both members when a value repeats.
const STAGE = 'portability_identities';

interface Pending {
  line: number;
  position: number;
  record: MemberRecord;
}

export class MemberImport {
  /** File key → position; the member's id and line are at that position. */
  private readonly positions = new Map<string, number>();
  private readonly ids: number[] = [];
  private readonly lines: number[] = [];
  private readonly numberLines = new Map<number, number>();
  private pending: Pending[] = [];
  private maxExplicit = 0;
  /** Members without a number so far: each holds placeholder -k until every number of the file is known. */
  private placeholders = 0;
  private readonly s: Scoped;

  private constructor(
    private readonly tx: Executor, private readonly database: Pick<Database, 'dialect' | 'sqlite'>, private readonly ws: ImportTarget,
    private readonly now: string, private readonly created: Counts, private readonly skipped: Counts,
    private readonly lookUp: boolean, private readonly batch: number, private readonly members: BulkInsert, private readonly nicknames: BulkInsert, private readonly stage: BulkInsert,
  ) {
    this.s = scoped(tx, ws.id);
  }

  static async open(tx: Executor, database: Pick<Database, 'dialect' | 'sqlite'>, ws: ImportTarget, now: string, created: Counts, skipped: Counts, batch: number): Promise<MemberImport> {
    const s = scoped(tx, ws.id);
    // Taking no number locks the counter row (PostgreSQL) for the whole import: nobody else takes a number this
    // file will claim.
    await allocateNumbers(s, 0);
    const lookUp = !ws.created && (await s.selectFrom('members').select('id').limit(1).executeTakeFirst()) !== undefined;
    const idType = database.dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
    await tx.executeQuery(CompiledQuery.raw(`CREATE TEMP TABLE ${STAGE} (line ${idType} NOT NULL, member_id ${idType} NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, created_at TEXT NOT NULL)${database.dialect === 'postgres' ? ' ON COMMIT DROP' : ''}`));
    return new MemberImport(tx, database, ws, now, created, skipped, lookUp, batch,
      await openBulkInsert(tx, database, {
        table: 'members', returning: ['id', 'member_no'],
        columns: { workspace_id: 'int', member_no: 'int', nickname: 'text', phone: 'text', attributes: 'text', search_text: 'text', created_at: 'text', updated_at: 'text' },
      }),
      await openBulkInsert(tx, database, { table: 'nickname_history', columns: { workspace_id: 'int', member_id: 'int', nickname: 'text', context: 'text', at: 'text' } }),
      await openBulkInsert(tx, database, { table: STAGE, columns: { line: 'int', member_id: 'int', kind: 'text', value: 'text', created_at: 'text' } }));
  }

  /** Returns a promise only when the batch is full and being written. */
  add(line: number, record: MemberRecord): Promise<void> | undefined {
    const first = this.positions.get(record.key);
    if (first !== undefined) throw new ImportError(line, `member: key "${record.key}" is also on line ${this.lines[first]}`);
    if (record.number !== null) {
      const other = this.numberLines.get(record.number);
      if (other !== undefined) throw new ImportError(line, `member: number ${record.number} is also on line ${other}`);
      this.numberLines.set(record.number, line);
      this.maxExplicit = Math.max(this.maxExplicit, record.number);
    }
    const position = this.ids.length;
    this.positions.set(record.key, position);
    this.ids.push(0);
    this.lines.push(line);
    this.pending.push({ line, position, record });
    return this.pending.length >= this.batch ? this.flush() : undefined;
  }

  /** The member id of a file key, once the member's batch is written (all are after `finish`). */
  idOf(key: string): number | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : this.ids[position];
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const matched = this.lookUp ? await this.matchExisting(batch) : new Map<number, number>();
    const fresh: Pending[] = [];
    for (const item of batch) {
      const id = matched.get(item.position);
      if (id === undefined) fresh.push(item);
      else this.ids[item.position] = id;
    }
    this.skipped.member += batch.length - fresh.length;
    if (fresh.length === 0) return;

    const ws = this.ws.id;
    const numbers = fresh.map(({ record }) => record.number ?? -++this.placeholders);
    const rows = fresh.map(({ record }, i) => {
      const phones = record.identities.filter((identity) => identity.kind === 'phone').map((identity) => identity.value);
      const at = record.createdAt ?? this.now;
      return [ws, numbers[i]!, record.nickname, phones[0] ?? null, JSON.stringify(record.attributes), buildSearchText([record.nickname, ...phones]), at, at];
    });
    const inserted = await this.members.insertReturning<{ id: number; member_no: number }>(rows);
    const idByNumber = new Map(inserted.map((row) => [Number(row.member_no), Number(row.id)]));
    const nicknameRows = [];
    const identityRows = [];
    const ngramRows: Array<[number, string, string, string]> = [];
    for (let i = 0; i < fresh.length; i++) {
      const { line, position, record } = fresh[i]!;
      const id = idByNumber.get(numbers[i]!)!;
      const at = record.createdAt ?? this.now;
      this.ids[position] = id;
      nicknameRows.push([ws, id, record.nickname, NICKNAME_CONTEXT, at]);
      for (const identity of record.identities) identityRows.push([line, id, identity.kind, identity.value, at]);
      const searchText = rows[i]![5] as string;
      if (this.database.dialect === 'sqlite' && searchText) {
        const doc = ngramDocument(searchText);
        ngramRows.push([id, `w${ws}`, doc.uni, doc.bi]);
      }
    }
    await this.nicknames.insert(nicknameRows);
    await this.stage.insert(identityRows);
    if (ngramRows.length) await insertNgramRows(this.tx, ngramRows);
    this.created.member += fresh.length;
  }

  /** Writes the staged identities, gives number-less members their numbers, moves the counter past every number. */
  async finish(): Promise<void> {
    await this.flush();
    await this.moveIdentities();
    if (this.maxExplicit > 0) await reserveUpTo(this.s, this.maxExplicit);
    if (this.placeholders > 0) {
      const first = await allocateNumbers(this.s, this.placeholders);
      // Placeholder -k (the k-th member without a number) becomes first + k - 1: numbers follow the file's order.
      await this.s.updateTable('members').set((eb) => ({ member_no: eb(eb.val(first - 1), '-', eb.ref('member_no')) }))
        .where('member_no', '<', 0).execute();
    }
  }

  private async moveIdentities(): Promise<void> {
    const parameter = this.database.dialect === 'sqlite' ? '?' : '$1';
    const run = (text: string, parameters: unknown[] = []) => this.tx.executeQuery(CompiledQuery.raw(text, parameters));
    // A savepoint, so that after a unique violation (PostgreSQL aborts the transaction) the stage can still be read.
    await run(`SAVEPOINT ${STAGE}`);
    try {
      await run(`INSERT INTO member_identities (workspace_id, member_id, kind, value, created_at)
        SELECT ${parameter}, member_id, kind, value, created_at FROM ${STAGE} ORDER BY kind, value`, [this.ws.id]);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await run(`ROLLBACK TO SAVEPOINT ${STAGE}`);
      const repeated = (await run(`SELECT kind, value FROM ${STAGE} GROUP BY kind, value HAVING count(*) > 1 LIMIT 1`)).rows[0] as { kind: string; value: string } | undefined;
      if (!repeated) throw error;
      const lines = (await run(`SELECT line FROM ${STAGE} WHERE kind = ${parameter} AND value = ${this.database.dialect === 'sqlite' ? '?' : '$2'} ORDER BY line LIMIT 2`,
        [repeated.kind, repeated.value])).rows as Array<{ line: number }>;
      throw new ImportError(Number(lines[1]!.line), `member: identities: ${repeated.kind} "${repeated.value}" is also on line ${Number(lines[0]!.line)}`);
    }
    await run(`RELEASE SAVEPOINT ${STAGE}`);
    await run(`DROP TABLE ${STAGE}`);
  }

  /** Members of the batch the workspace already has: by number (a merged-away number means its survivor), else by identity. */
  private async matchExisting(batch: Pending[]): Promise<Map<number, number>> {
    const numbers = batch.flatMap(({ record }) => (record.number === null ? [] : [record.number]));
    // By kind and value: the whole unique key, so the index answers (a value alone scans the workspace's identities).
    const byKind = new Map<string, Set<string>>();
    for (const { record } of batch) {
      for (const identity of record.identities) (byKind.get(identity.kind) ?? byKind.set(identity.kind, new Set()).get(identity.kind)!).add(identity.value);
    }
    const byNumber = new Map<number, { id: number; merged_into_id: number | null }>();
    for (let i = 0; i < numbers.length; i += LOOKUP_CHUNK) {
      const rows = await this.s.selectFrom('members').select(['id', 'member_no', 'merged_into_id']).where('member_no', 'in', numbers.slice(i, i + LOOKUP_CHUNK)).execute();
      for (const row of rows) byNumber.set(Number(row.member_no), { id: row.id, merged_into_id: row.merged_into_id });
    }
    const byIdentity = new Map<string, number>();
    for (const [kind, set] of byKind) {
      const values = [...set];
      for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
        const rows = await this.s.selectFrom('member_identities').select(['value', 'member_id'])
          .where('kind', '=', kind).where('value', 'in', values.slice(i, i + LOOKUP_CHUNK)).execute();
        for (const row of rows) byIdentity.set(`${kind}\u0000${row.value}`, row.member_id);
      }
    }
    const survivors = await this.survivors([...byNumber.values()]);
    const out = new Map<number, number>();
    for (const { position, record } of batch) {
      const byNo = record.number === null ? undefined : byNumber.get(record.number);
      const id = byNo ? survivors.get(byNo.id) : record.identities.map((identity) => byIdentity.get(`${identity.kind}\u0000${identity.value}`)).find((m) => m !== undefined);
      if (id !== undefined) out.set(position, id);
    }
    return out;
  }

  /** Member id → the id it resolves to (itself, or the member it was merged into, however many merges away). */
  private async survivors(found: Array<{ id: number; merged_into_id: number | null }>): Promise<Map<number, number>> {
    const next = new Map(found.map((m) => [m.id, m.merged_into_id]));
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const missing = [...new Set([...next.values()].filter((id): id is number => id !== null && !next.has(id)))];
      if (missing.length === 0) break;
      const rows = await this.s.selectFrom('members').select(['id', 'merged_into_id']).where('id', 'in', missing).execute();
      for (const row of rows) next.set(row.id, row.merged_into_id);
    }
    const out = new Map<number, number>();
    for (const { id } of found) {
      let at = id;
      for (let hop = 0; hop < MAX_MERGE_HOPS && next.get(at) != null; hop++) at = next.get(at)!;
      out.set(id, at);
    }
    return out;
  }
}
