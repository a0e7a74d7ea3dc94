// Series and campaigns rows: reads through the workspace fence, inserts carrying workspace_id.
import type { Insertable, Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { CampaignsTable, SeriesTable } from '../db/schema.js';

const seriesColumns = ['series.id', 'series.key', 'series.name', 'series.theme', 'series.created_at', 'series.updated_at'] as const;

export function listSeriesWithCounts(s: Scoped) {
  return s.selectFrom('series')
    .select(seriesColumns)
    .select((eb) => eb.selectFrom('campaigns')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('campaigns.series_id', '=', 'series.id')
      .as('campaign_count'))
    .orderBy('series.key').execute();
}

export function findSeries(s: Scoped, id: number) {
  return s.selectFrom('series').select(seriesColumns).where('series.id', '=', id).executeTakeFirst();
}

export async function countCampaigns(s: Scoped, seriesId: number): Promise<number> {
  const row = await s.selectFrom('campaigns').select((e) => e.fn.countAll<number>().as('n')).where('series_id', '=', seriesId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSeries(db: Executor, row: Insertable<SeriesTable>) {
  return (await db.insertInto('series').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export type CampaignRow = Awaited<ReturnType<typeof findCampaign>> & {};

function campaignsWithSeries(s: Scoped) {
  return s.selectFrom('campaigns')
    .innerJoin('series', 'series.id', 'campaigns.series_id')
    .selectAll('campaigns')
    .select(['series.key as series_key', 'series.name as series_name']);
}

export function findCampaign(s: Scoped, id: number) {
  return campaignsWithSeries(s).where('campaigns.id', '=', id).executeTakeFirst();
}

export function listCampaigns(s: Scoped, filter: { seriesId?: number }) {
  let q = campaignsWithSeries(s);
  if (filter.seriesId !== undefined) q = q.where('campaigns.series_id', '=', filter.seriesId);
  return q.orderBy('campaigns.starts_on', 'desc').orderBy('campaigns.key').execute();
}

export async function lastEdition(s: Scoped, seriesId: number): Promise<number> {
  const row = await s.selectFrom('campaigns').select((e) => e.fn.max('edition').as('n')).where('series_id', '=', seriesId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertCampaign(db: Executor, row: Insertable<CampaignsTable>) {
  return (await db.insertInto('campaigns').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateCampaign(s: Scoped, id: number, set: Updateable<CampaignsTable>) {
  return s.updateTable('campaigns').set(set).where('id', '=', id).execute();
}
