// Records activity days as check-ins and events are written: each (member, local day) once in
// member_activity_days, and each new one in activity_log for the refresh to add to the aggregates. Runs in the
// writer's transaction, so a rolled-back check-in leaves no activity behind.
import type SqliteDatabase from 'better-sqlite3';
import type { Executor } from '../db/scoped.js';
import { localDayOf } from './days.js';
import { daySettings, type DaySettings } from './member-days.js';

/** A member's activity day in a workspace, ready to record. */
export interface ActivityDay {
  workspaceId: number;
  memberId: number;
  day: string;
}

export interface ActivityInput {
  memberId: number;
  /** ISO instant. */
  at: string;
  /** The event's name; absent for a check-in (check-ins always count). */
  event?: string;
}

interface CachedSettings extends DaySettings {
  loadedAt: number;
}

/** Settings are re-read after this long, so a change made by another process (the CLI) is picked up. */
const SETTINGS_TTL_MS = 30_000;
const INSERT_CHUNK = 300;

export class ActivityRecorder {
  private readonly settings = new Map<number, CachedSettings>();
  private sqliteStatements?: { day: SqliteDatabase.Statement; log: SqliteDatabase.Statement };

  constructor(private readonly sqlite?: SqliteDatabase.Database) {}

  /** Forgets a workspace's cached settings (after they change in this process). */
  forget(workspaceId: number): void {
    this.settings.delete(workspaceId);
  }

  async settingsOf(db: Executor, workspaceId: number): Promise<DaySettings> {
    const cached = this.settings.get(workspaceId);
    if (cached && Date.now() - cached.loadedAt < SETTINGS_TTL_MS) return cached;
    const fresh = { ...await daySettings(db, workspaceId), loadedAt: Date.now() };
    this.settings.set(workspaceId, fresh);
    return fresh;
  }

  /** The distinct (member, day) pairs of these inputs that count as activity. */
  async daysOf(db: Executor, workspaceId: number, inputs: readonly ActivityInput[]): Promise<ActivityDay[]> {
    const { timezone, counted } = await this.settingsOf(db, workspaceId);
    const seen = new Set<string>();
    const out: ActivityDay[] = [];
    for (const input of inputs) {
      if (input.event !== undefined && counted && !counted.has(input.event)) continue;
      const day = localDayOf(input.at, timezone);
      const key = `${input.memberId}|${day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ workspaceId, memberId: input.memberId, day });
    }
    return out;
  }

  /** Records activity days (from `daysOf`) inside the caller's transaction. */
  async record(tx: Executor, days: readonly ActivityDay[]): Promise<void> {
    for (let i = 0; i < days.length; i += INSERT_CHUNK) {
      const part = days.slice(i, i + INSERT_CHUNK).map((d) => ({ workspace_id: d.workspaceId, member_id: d.memberId, day: d.day }));
      const fresh = await tx.insertInto('member_activity_days').values(part)
        .onConflict((oc) => oc.columns(['workspace_id', 'member_id', 'day']).doNothing())
        .returning(['workspace_id', 'member_id', 'day']).execute();
      if (fresh.length > 0) await tx.insertInto('activity_log').values(fresh.map((f) => ({ ...f, op: 1 }))).execute();
    }
  }

  /** `daysOf` then `record`, for a writer that has the inputs at hand in its transaction (check-ins). */
  async recordInputs(tx: Executor, workspaceId: number, inputs: readonly ActivityInput[]): Promise<void> {
    await this.record(tx, await this.daysOf(tx, workspaceId, inputs));
  }

  /**
   * SQLite: the same through prepared statements on the raw handle, for the event writer that already holds the
   * connection and its transaction (see events/queries.ts SqliteEventWriter).
   */
  recordSqlite(days: readonly ActivityDay[]): void {
    if (!this.sqlite) throw new Error('recordSqlite needs the SQLite handle');
    this.sqliteStatements ??= {
      day: this.sqlite.prepare('insert into member_activity_days (workspace_id, member_id, day) values (?, ?, ?) on conflict do nothing'),
      log: this.sqlite.prepare('insert into activity_log (workspace_id, member_id, day, op) values (?, ?, ?, 1)'),
    };
    const { day: insertDay, log } = this.sqliteStatements;
    for (const d of days) {
      if (insertDay.run(d.workspaceId, d.memberId, d.day).changes > 0) log.run(d.workspaceId, d.memberId, d.day);
    }
  }
}
