// Rebuilds a workspace's report rollups from the raw rows: after a bulk import, after the set of counted events
// changes, or on request (`qunyun reports rebuild`). Runs in the caller's transaction when given one.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { campaignOrder, recomputeCampaignRollups } from './campaign-rollups.js';
import { addRetentionContribution, DailyAccumulator, dayNumber, type CellDeltas } from './contributions.js';
import { daySettings, rawActivityDays } from './member-days.js';
import { applyCells, applyDaily, lockState, setFirstActiveDays } from './refresh.js';

const MEMBER_CHUNK = 2_000;
const WRITE_CHUNK = 400;
const ROLLUP_TABLES = ['member_activity_days', 'activity_log', 'activity_daily', 'retention_cells', 'member_rollups', 'member_series_rollups', 'campaign_series_firsts', 'analytics_dirty'] as const;

export interface RebuildOptions {
  onProgress?(phase: string, done: number, total: number): void;
}

export async function rebuildAnalytics(db: Kysely<DB> | Transaction<DB>, workspaceId: number, options: RebuildOptions = {}): Promise<void> {
  // Inside the importer's transaction the rollups commit (or vanish) with the rows they were computed from.
  if (db.isTransaction) return rebuildIn(db as Transaction<DB>, workspaceId, options);
  return db.transaction().execute((tx) => rebuildIn(tx, workspaceId, options));
}

async function rebuildIn(tx: Transaction<DB>, workspaceId: number, { onProgress }: RebuildOptions): Promise<void> {
  await lockState(tx, workspaceId);
  for (const table of ROLLUP_TABLES) await tx.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  const settings = await daySettings(tx, workspaceId);

  const members = (await tx.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).orderBy('id').execute()).map((m) => m.id);
  const order = await campaignOrder(tx, workspaceId);
  const daily = new DailyAccumulator();
  const cells: CellDeltas = new Map();
  for (let i = 0; i < members.length; i += MEMBER_CHUNK) {
    const part = members.slice(i, i + MEMBER_CHUNK);
    await recomputeCampaignRollups(tx, workspaceId, part, order);
    const days = await rawActivityDays(tx, workspaceId, part, settings);
    const rows: Array<{ workspace_id: number; member_id: number; day: string }> = [];
    const firsts: Array<{ member_id: number; first_active_day: string | null }> = [];
    for (const [memberId, set] of days) {
      const sorted = [...set].sort();
      for (const day of sorted) rows.push({ workspace_id: workspaceId, member_id: memberId, day });
      const numbers = sorted.map(dayNumber);
      daily.add(numbers);
      addRetentionContribution(cells, numbers, 1);
      firsts.push({ member_id: memberId, first_active_day: sorted[0]! });
    }
    for (let j = 0; j < rows.length; j += WRITE_CHUNK) await tx.insertInto('member_activity_days').values(rows.slice(j, j + WRITE_CHUNK)).execute();
    await setFirstActiveDays(tx, workspaceId, firsts);
    onProgress?.('analytics', Math.min(i + MEMBER_CHUNK, members.length), members.length);
  }
  await applyDaily(tx, workspaceId, daily.finish(), true);
  await applyCells(tx, workspaceId, cells, true);
}
