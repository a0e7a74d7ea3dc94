// Each member's first and last campaign (workspace-wide, and first per series), recomputed from their active
// enrollments; and, per campaign, how many participants first appeared in the series in each campaign
// (campaign_series_firsts), kept by subtracting the member's old contribution and adding the new one.
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

interface MemberCampaigns {
  campaignIds: number[];
  /** Series id → the member's first campaign in it. */
  seriesFirst: Map<number, number>;
  first?: number;
  last?: number;
}

/** A member's bar segments: each campaign they are in, paired with their first campaign of its series. */
type Segment = [campaignId: number, firstCampaignId: number];

function segmentsOf(m: MemberCampaigns, order: CampaignOrder): Segment[] {
  return m.campaignIds.map((c) => [c, m.seriesFirst.get(order.byId.get(c)!.seriesId)!] as Segment).sort((a, b) => a[0] - b[0]);
}

function addSegments(out: Map<string, number>, segments: readonly Segment[], sign: 1 | -1): void {
  for (const [c, first] of segments) out.set(`${c}|${first}`, (out.get(`${c}|${first}`) ?? 0) + sign);
}

/** Rewrites member_rollups' campaign columns and member_series_rollups for these members, and the segment counts. */
export async function recomputeCampaignRollups(db: Executor, workspaceId: number, memberIds: readonly number[], order: CampaignOrder): Promise<void> {
  for (let i = 0; i < memberIds.length; i += CHUNK) {
    const part = memberIds.slice(i, i + CHUNK);
    // What was counted before, exactly: recomputing it from today's campaign order would miss a campaign that moved.
    const before = await storedSegments(db, workspaceId, part);
    const enrollments = await db.selectFrom('enrollments').select(['member_id', 'campaign_id'])
      .where('workspace_id', '=', workspaceId).where('status', '=', 'active').where('member_id', 'in', part).execute();
    const after = new Map<number, MemberCampaigns>(part.map((id) => [id, { campaignIds: [], seriesFirst: new Map() }]));
    const rank = (id: number) => order.byId.get(id)!.rank;
    for (const e of enrollments) {
      const info = order.byId.get(e.campaign_id);
      if (!info) continue;
      const m = after.get(e.member_id)!;
      m.campaignIds.push(e.campaign_id);
      if (m.first === undefined || info.rank < rank(m.first)) m.first = e.campaign_id;
      if (m.last === undefined || info.rank > rank(m.last)) m.last = e.campaign_id;
      const s = m.seriesFirst.get(info.seriesId);
      if (s === undefined || info.rank < rank(s)) m.seriesFirst.set(info.seriesId, e.campaign_id);
    }
    const delta = new Map<string, number>();
    const segments = new Map(part.map((id) => [id, segmentsOf(after.get(id)!, order)]));
    for (const id of part) {
      addSegments(delta, before.get(id) ?? [], -1);
      addSegments(delta, segments.get(id)!, 1);
    }

    await db.insertInto('member_rollups')
      .values(part.map((id) => {
        const m = after.get(id)!;
        return { member_id: id, workspace_id: workspaceId, first_campaign_id: m.first ?? null, last_campaign_id: m.last ?? null, first_active_day: null, series_segments: JSON.stringify(segments.get(id)) };
      }))
      .onConflict((oc) => oc.column('member_id').doUpdateSet((eb) => ({
        first_campaign_id: eb.ref('excluded.first_campaign_id'),
        last_campaign_id: eb.ref('excluded.last_campaign_id'),
        series_segments: eb.ref('excluded.series_segments'),
      })))
      .execute();
    await db.deleteFrom('member_series_rollups').where('workspace_id', '=', workspaceId).where('member_id', 'in', part).execute();
    const rows = part.flatMap((id) => [...after.get(id)!.seriesFirst].map(([seriesId, campaignId]) => ({ workspace_id: workspaceId, series_id: seriesId, member_id: id, first_campaign_id: campaignId })));
    for (let j = 0; j < rows.length; j += CHUNK) await db.insertInto('member_series_rollups').values(rows.slice(j, j + CHUNK)).execute();
    await applySegmentDelta(db, workspaceId, delta);
  }
}

async function storedSegments(db: Executor, workspaceId: number, part: readonly number[]): Promise<Map<number, Segment[]>> {
  const rows = await db.selectFrom('member_rollups').select(['member_id', 'series_segments']).where('workspace_id', '=', workspaceId).where('member_id', 'in', part).execute();
  return new Map(rows.map((r) => [r.member_id, JSON.parse(r.series_segments) as Segment[]]));
}

async function applySegmentDelta(db: Executor, workspaceId: number, delta: Map<string, number>): Promise<void> {
  const rows = [...delta].filter(([, n]) => n !== 0).map(([key, members]) => {
    const [campaignId, firstId] = key.split('|').map(Number);
    return { workspace_id: workspaceId, campaign_id: campaignId!, first_campaign_id: firstId!, members };
  });
  for (let j = 0; j < rows.length; j += CHUNK) {
    await db.insertInto('campaign_series_firsts').values(rows.slice(j, j + CHUNK))
      .onConflict((oc) => oc.columns(['campaign_id', 'first_campaign_id']).doUpdateSet((eb) => ({ members: eb('campaign_series_firsts.members', '+', eb.ref('excluded.members')) })))
      .execute();
  }
  const touched = [...new Set(rows.map((r) => r.campaign_id))];
  for (let j = 0; j < touched.length; j += CHUNK) {
    await db.deleteFrom('campaign_series_firsts').where('workspace_id', '=', workspaceId).where('campaign_id', 'in', touched.slice(j, j + CHUNK)).where('members', '=', 0).execute();
  }
}
