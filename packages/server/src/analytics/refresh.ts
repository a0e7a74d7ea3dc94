// Brings a workspace's report aggregates up to date: members marked dirty by the triggers are recomputed, then the
// activity days logged since the last refresh are applied as (after − before) contributions per member. Runs in
// one transaction that starts by writing the workspace's analytics_state row: that write takes the row lock on
// PostgreSQL and the write lock on SQLite, so two refreshes (two processes) never apply the same log twice.
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { ActivityRecorder } from './activity.js';
import { campaignOrder, recomputeCampaignRollups } from './campaign-rollups.js';
import { addDailyContribution, addRetentionContribution, dayNumber, dayOfNumber, MAU_DAYS, parseCellKey, type CellDeltas, type DailyDelta } from './contributions.js';
import { rawActivityDays } from './member-days.js';

const LOG_CHUNK = 20_000;
const DIRTY_CHUNK = 2_000;
const IN_CHUNK = 500;
const WRITE_CHUNK = 400;

/** True when something is waiting to be applied (two indexed probes; the common answer is no). */
export async function needsRefresh(db: Executor, workspaceId: number): Promise<boolean> {
  const log = await db.selectFrom('activity_log').select(sql<number>`1`.as('x')).where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
  if (log) return true;
  const dirty = await db.selectFrom('analytics_dirty').select(sql<number>`1`.as('x')).where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
  return dirty !== undefined;
}

export async function refreshAnalytics(db: Kysely<DB>, workspaceId: number, recorder: ActivityRecorder): Promise<void> {
  if (!await needsRefresh(db, workspaceId)) return;
  await db.transaction().execute(async (tx) => {
    await lockState(tx, workspaceId);
    await refreshDirtyMembers(tx, workspaceId);
    await refreshDirtyActivity(tx, workspaceId, recorder);
    await applyActivityLog(tx, workspaceId);
  });
}

/** Creates the workspace's state row if needed and writes it: the lock every refresh and rebuild takes first. */
export async function lockState(tx: Executor, workspaceId: number): Promise<void> {
  const now = new Date().toISOString();
  await tx.insertInto('analytics_state').values({ workspace_id: workspaceId, activity_events: null, refreshed_at: now })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ refreshed_at: now })).execute();
}

async function takeDirty(tx: Executor, workspaceId: number, kind: 'member' | 'activity'): Promise<number[]> {
  const rows = await tx.selectFrom('analytics_dirty').select('member_id').where('workspace_id', '=', workspaceId).where('kind', '=', kind)
    .orderBy('member_id').limit(DIRTY_CHUNK).execute();
  const ids = rows.map((r) => r.member_id);
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    await tx.deleteFrom('analytics_dirty').where('workspace_id', '=', workspaceId).where('kind', '=', kind).where('member_id', 'in', ids.slice(i, i + IN_CHUNK)).execute();
  }
  return ids;
}

async function refreshDirtyMembers(tx: Executor, workspaceId: number): Promise<void> {
  let order: Awaited<ReturnType<typeof campaignOrder>> | undefined;
  for (let ids = await takeDirty(tx, workspaceId, 'member'); ids.length > 0; ids = await takeDirty(tx, workspaceId, 'member')) {
    order ??= await campaignOrder(tx, workspaceId);
    // A member deleted since it was marked has no row to keep.
    const existing = await existingMembers(tx, workspaceId, ids);
    await recomputeCampaignRollups(tx, workspaceId, existing, order);
  }
}

async function existingMembers(tx: Executor, workspaceId: number, ids: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await tx.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + IN_CHUNK)).execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

/** Members whose check-ins or events moved: their stored days are made to match the raw rows, changes logged. */
async function refreshDirtyActivity(tx: Executor, workspaceId: number, recorder: ActivityRecorder): Promise<void> {
  for (let ids = await takeDirty(tx, workspaceId, 'activity'); ids.length > 0; ids = await takeDirty(tx, workspaceId, 'activity')) {
    const settings = await recorder.settingsOf(tx, workspaceId);
    const raw = await rawActivityDays(tx, workspaceId, ids, settings);
    const stored = await storedDays(tx, workspaceId, ids);
    const added: Array<{ member_id: number; day: string }> = [];
    const removed: Array<{ member_id: number; day: string }> = [];
    for (const id of ids) {
      const want = raw.get(id) ?? new Set<string>();
      const have = new Set((stored.get(id) ?? []).map(dayOfNumber));
      for (const day of want) if (!have.has(day)) added.push({ member_id: id, day });
      for (const day of have) if (!want.has(day)) removed.push({ member_id: id, day });
    }
    for (let i = 0; i < added.length; i += WRITE_CHUNK) {
      await tx.insertInto('member_activity_days').values(added.slice(i, i + WRITE_CHUNK).map((a) => ({ workspace_id: workspaceId, ...a }))).execute();
    }
    for (const r of removed) {
      await tx.deleteFrom('member_activity_days').where('workspace_id', '=', workspaceId).where('member_id', '=', r.member_id).where('day', '=', r.day).execute();
    }
    const log = [...added.map((a) => ({ ...a, op: 1 })), ...removed.map((r) => ({ ...r, op: -1 }))];
    for (let i = 0; i < log.length; i += WRITE_CHUNK) {
      await tx.insertInto('activity_log').values(log.slice(i, i + WRITE_CHUNK).map((l) => ({ workspace_id: workspaceId, ...l }))).execute();
    }
  }
}

/** Member id → its stored activity days as sorted day numbers. */
async function storedDays(tx: Executor, workspaceId: number, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await tx.selectFrom('member_activity_days').select(['member_id', 'day'])
      .where('workspace_id', '=', workspaceId).where('member_id', 'in', ids.slice(i, i + IN_CHUNK)).execute();
    for (const r of rows) {
      let days = out.get(r.member_id);
      if (!days) out.set(r.member_id, (days = []));
      days.push(dayNumber(r.day));
    }
  }
  for (const days of out.values()) days.sort((a, b) => a - b);
  return out;
}

async function applyActivityLog(tx: Executor, workspaceId: number): Promise<void> {
  for (;;) {
    const log = await tx.selectFrom('activity_log').select(['id', 'member_id', 'day', 'op'])
      .where('workspace_id', '=', workspaceId).orderBy('id').limit(LOG_CHUNK).execute();
    if (log.length === 0) return;
    // Net change per member and day: a day added and removed again since the last refresh changed nothing.
    const net = new Map<number, Map<number, number>>();
    for (const row of log) {
      let days = net.get(row.member_id);
      if (!days) net.set(row.member_id, (days = new Map()));
      const d = dayNumber(row.day);
      days.set(d, (days.get(d) ?? 0) + row.op);
    }
    const members = [...net.keys()];
    const stored = await storedDays(tx, workspaceId, members);
    const daily = new Map<number, DailyDelta>();
    const cells: CellDeltas = new Map();
    const firstDays: Array<{ member_id: number; first_active_day: string | null }> = [];
    for (const [memberId, changes] of net) {
      const after = stored.get(memberId) ?? [];
      const changed = [...changes].filter(([, op]) => op !== 0);
      if (changed.length === 0) continue;
      const afterSet = new Set(after);
      const beforeSet = new Set(after);
      for (const [d, op] of changed) {
        if (op > 0) beforeSet.delete(d);
        else if (!afterSet.has(d)) beforeSet.add(d);
      }
      const before = [...beforeSet].sort((a, b) => a - b);
      const from = Math.min(...changed.map(([d]) => d));
      const to = Math.max(...changed.map(([d]) => d)) + MAU_DAYS - 1;
      addDailyContribution(daily, after, from, to, 1);
      addDailyContribution(daily, before, from, to, -1);
      addRetentionContribution(cells, after, 1);
      addRetentionContribution(cells, before, -1);
      if (after[0] !== before[0]) firstDays.push({ member_id: memberId, first_active_day: after.length ? dayOfNumber(after[0]!) : null });
    }
    await applyDaily(tx, workspaceId, daily);
    await applyCells(tx, workspaceId, cells);
    await setFirstActiveDays(tx, workspaceId, firstDays);
    // Exactly the rows read: on PostgreSQL a writer may commit a lower id meanwhile, which the next pass must see.
    const ids = log.map((row) => row.id);
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      await tx.deleteFrom('activity_log').where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(i, i + IN_CHUNK)).execute();
    }
  }
}

/** Adds per-day deltas (or, with `replace`, writes totals) to activity_daily. */
export async function applyDaily(tx: Executor, workspaceId: number, daily: Map<number, DailyDelta>, replace = false): Promise<void> {
  const rows = [...daily].filter(([, v]) => replace || v.dau !== 0 || v.wau !== 0 || v.mau !== 0)
    .map(([d, v]) => ({ workspace_id: workspaceId, day: dayOfNumber(d), ...v }));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const insert = tx.insertInto('activity_daily').values(rows.slice(i, i + WRITE_CHUNK));
    if (replace) await insert.execute();
    else {
      await insert.onConflict((oc) => oc.columns(['workspace_id', 'day']).doUpdateSet((eb) => ({
        dau: eb('activity_daily.dau', '+', eb.ref('excluded.dau')),
        wau: eb('activity_daily.wau', '+', eb.ref('excluded.wau')),
        mau: eb('activity_daily.mau', '+', eb.ref('excluded.mau')),
      }))).execute();
    }
  }
}

export async function applyCells(tx: Executor, workspaceId: number, cells: CellDeltas, replace = false): Promise<void> {
  const rows = [...cells].map(([key, members]) => ({ workspace_id: workspaceId, ...parseCellKey(key), members }));
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const insert = tx.insertInto('retention_cells').values(rows.slice(i, i + WRITE_CHUNK));
    if (replace) await insert.execute();
    else {
      await insert.onConflict((oc) => oc.columns(['workspace_id', 'period', 'cohort', 'offset']).doUpdateSet((eb) => ({
        members: eb('retention_cells.members', '+', eb.ref('excluded.members')),
      }))).execute();
    }
  }
}

export async function setFirstActiveDays(tx: Executor, workspaceId: number, rows: Array<{ member_id: number; first_active_day: string | null }>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await tx.insertInto('member_rollups')
      .values(rows.slice(i, i + WRITE_CHUNK).map((r) => ({ ...r, workspace_id: workspaceId, first_campaign_id: null, last_campaign_id: null })))
      .onConflict((oc) => oc.column('member_id').doUpdateSet((eb) => ({ first_active_day: eb.ref('excluded.first_active_day') })))
      .execute();
  }
}
