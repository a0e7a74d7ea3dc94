// Each member's first and last campaign (workspace-wide, and first per series), recomputed from their active
// enrollments: the composition, series and re-enrolment reports read these instead of every enrollment.
import type { Executor } from '../db/scoped.js';

export interface CampaignOrder {
  /** Campaign id → position in report order (starts_on, then key) and series. */
  byId: Map<number, { rank: number; seriesId: number }>;
}

export async function campaignOrder(db: Executor, workspaceId: number): Promise<CampaignOrder> {
  const rows = await db.selectFrom('campaigns').select(['id', 'key', 'series_id', 'starts_on']).where('workspace_id', '=', workspaceId).execute();
  rows.sort((a, b) => (a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { byId: new Map(rows.map((r, rank) => [r.id, { rank, seriesId: r.series_id }])) };
}

const CHUNK = 500;

/** Rewrites member_rollups' campaign columns and member_series_rollups for these members. */
export async function recomputeCampaignRollups(db: Executor, workspaceId: number, memberIds: readonly number[], order: CampaignOrder): Promise<void> {
  for (let i = 0; i < memberIds.length; i += CHUNK) {
    const part = memberIds.slice(i, i + CHUNK);
    const enrollments = await db.selectFrom('enrollments').select(['member_id', 'campaign_id'])
      .where('workspace_id', '=', workspaceId).where('status', '=', 'active').where('member_id', 'in', part).execute();
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    const seriesFirst = new Map<string, { memberId: number; seriesId: number; campaignId: number }>();
    const rank = (id: number) => order.byId.get(id)!.rank;
    for (const e of enrollments) {
      const info = order.byId.get(e.campaign_id);
      if (!info) continue;
      const f = first.get(e.member_id);
      if (f === undefined || info.rank < rank(f)) first.set(e.member_id, e.campaign_id);
      const l = last.get(e.member_id);
      if (l === undefined || info.rank > rank(l)) last.set(e.member_id, e.campaign_id);
      const key = `${e.member_id}|${info.seriesId}`;
      const s = seriesFirst.get(key);
      if (!s || info.rank < rank(s.campaignId)) seriesFirst.set(key, { memberId: e.member_id, seriesId: info.seriesId, campaignId: e.campaign_id });
    }
    await db.insertInto('member_rollups')
      .values(part.map((id) => ({ member_id: id, workspace_id: workspaceId, first_campaign_id: first.get(id) ?? null, last_campaign_id: last.get(id) ?? null, first_active_day: null })))
      .onConflict((oc) => oc.column('member_id').doUpdateSet((eb) => ({
        first_campaign_id: eb.ref('excluded.first_campaign_id'),
        last_campaign_id: eb.ref('excluded.last_campaign_id'),
      })))
      .execute();
    await db.deleteFrom('member_series_rollups').where('workspace_id', '=', workspaceId).where('member_id', 'in', part).execute();
    const rows = [...seriesFirst.values()].map((s) => ({ workspace_id: workspaceId, series_id: s.seriesId, member_id: s.memberId, first_campaign_id: s.campaignId }));
    for (let j = 0; j < rows.length; j += CHUNK) await db.insertInto('member_series_rollups').values(rows.slice(j, j + CHUNK)).execute();
  }
}
