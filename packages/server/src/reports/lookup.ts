// Resolving a report's parameters (campaign and series keys, group and channel ids) within the workspace, and the
// workspace's campaigns in report order (starts_on, then key).
import { parseStoredRules, type CheckinRules } from '../campaigns/rules.js';
import { scoped } from '../db/scoped.js';
import { notFound } from '../http/errors.js';
import type { ReportScope } from './types.js';

export interface OrderedCampaign {
  id: number;
  key: string;
  seriesId: number;
  startsOn: string;
  endsOn: string;
  /** Position in report order across the workspace (0 = earliest). */
  rank: number;
}

/** All of the workspace's campaigns in report order. */
export async function orderedCampaigns(scope: ReportScope): Promise<OrderedCampaign[]> {
  const rows = await scoped(scope.db, scope.workspaceId).selectFrom('campaigns')
    .select(['id', 'key', 'series_id', 'starts_on', 'ends_on']).execute();
  rows.sort((a, b) => (a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((r, rank) => ({ id: r.id, key: r.key, seriesId: r.series_id, startsOn: r.starts_on, endsOn: r.ends_on, rank }));
}

export interface ReportCampaign extends OrderedCampaign {
  rules: CheckinRules;
  depositCents: number;
}

export async function campaignByKey(scope: ReportScope, key: string, ordered?: OrderedCampaign[]): Promise<ReportCampaign> {
  const row = await scoped(scope.db, scope.workspaceId).selectFrom('campaigns').select(['id', 'rules', 'deposit_cents']).where('key', '=', key).executeTakeFirst();
  if (!row) throw notFound('campaign');
  const all = ordered ?? await orderedCampaigns(scope);
  const campaign = all.find((c) => c.id === row.id)!;
  return { ...campaign, rules: parseStoredRules(row.rules), depositCents: row.deposit_cents };
}

export async function seriesByKey(scope: ReportScope, key: string): Promise<{ id: number; key: string; name: string }> {
  const row = await scoped(scope.db, scope.workspaceId).selectFrom('series').select(['id', 'key', 'name']).where('key', '=', key).executeTakeFirst();
  if (!row) throw notFound('series');
  return row;
}

export async function groupById(scope: ReportScope, id: number): Promise<{ id: number; name: string; campaignId: number | null }> {
  const row = await scoped(scope.db, scope.workspaceId).selectFrom('chat_groups').select(['id', 'name', 'campaign_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('group');
  return { id: row.id, name: row.name, campaignId: row.campaign_id };
}

export async function channelById(scope: ReportScope, id: number): Promise<{ id: number; name: string }> {
  const row = await scoped(scope.db, scope.workspaceId).selectFrom('channels').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('channel');
  return row;
}
