// Series, campaigns, channels and groups of the file: collected in the first pass (a few hundred at most), then
// resolved against each other and the workspace and written before anything refers to them. Into an existing
// workspace, series and campaigns are matched by key, channels by name under the same parent, groups by name.
import { parseStoredRules, type CampaignClock } from '../campaigns/rules.js';
import { DEFAULT_THRESHOLD } from '../channels/schema.js';
import { generateCode } from '../channels/service.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import { atLine, ImportError } from './errors.js';
import type { RawRecord } from './fields.js';
import { readCampaign, readChannel, readGroup, readSeries, type CampaignRecord, type ChannelRecord, type GroupRecord, type SeriesRecord } from './records.js';
import type { Counts } from './summary.js';
import type { ImportTarget } from './workspace.js';

export interface CampaignInfo {
  id: number;
  key: string;
  seriesId: number;
  amountDueCents: number;
  daysTotal: number;
  clock: CampaignClock;
}

interface Entry<R> {
  line: number;
  record: R;
}


export class Catalog {
  private readonly series = new Map<string, Entry<SeriesRecord>>();
  private readonly campaigns = new Map<string, Entry<CampaignRecord>>();
  private readonly channels = new Map<string, Entry<ChannelRecord>>();
  private readonly groups = new Map<string, Entry<GroupRecord>>();

  private readonly seriesIds = new Map<string, number>();
  private readonly campaignInfo = new Map<string, CampaignInfo>();
  private readonly channelIds = new Map<string, number>();
  private readonly groupIds = new Map<string, number>();

  add(line: number, type: 'series' | 'campaign' | 'channel' | 'group', raw: RawRecord): void {
    if (type === 'series') put(type, this.series, line, atLine(line, () => readSeries(raw)));
    else if (type === 'campaign') put(type, this.campaigns, line, atLine(line, () => readCampaign(raw)));
    else if (type === 'channel') put(type, this.channels, line, atLine(line, () => readChannel(raw)));
    else put(type, this.groups, line, atLine(line, () => readGroup(raw)));
  }

  /** A campaign of the file or, by its key, of the workspace. */
  campaign(key: string): CampaignInfo | undefined {
    return this.campaignInfo.get(key);
  }

  channel(key: string): number | undefined {
    return this.channelIds.get(key);
  }

  group(key: string): number | undefined {
    return this.groupIds.get(key);
  }

  async write(tx: Executor, ws: ImportTarget, created: Counts, skipped: Counts): Promise<void> {
    const now = nowIso();
    await this.writeSeries(tx, ws, now, created, skipped);
    await this.writeCampaigns(tx, ws, now, created, skipped);
    await this.writeChannels(tx, ws, now, created, skipped);
    await this.writeGroups(tx, ws, now, created, skipped);
  }

  private async writeSeries(tx: Executor, ws: ImportTarget, now: string, created: Counts, skipped: Counts): Promise<void> {
    for (const row of await scoped(tx, ws.id).selectFrom('series').select(['id', 'key']).execute()) this.seriesIds.set(row.key, row.id);
    for (const { record } of this.series.values()) {
      if (this.seriesIds.has(record.key)) {
        skipped.series++;
        continue;
      }
      const row = await tx.insertInto('series').values({ workspace_id: ws.id, key: record.key, name: record.name, created_at: now, updated_at: now })
        .returning('id').executeTakeFirstOrThrow();
      this.seriesIds.set(record.key, row.id);
      created.series++;
    }
  }

  private async writeCampaigns(tx: Executor, ws: ImportTarget, now: string, created: Counts, skipped: Counts): Promise<void> {
    const existing = await scoped(tx, ws.id).selectFrom('campaigns')
      .select(['id', 'key', 'series_id', 'edition', 'starts_on', 'ends_on', 'timezone', 'rules', 'price_cents', 'deposit_cents']).execute();
    // Editions per series: the workspace's, then those the file's keys name, so the rest can take the next free one.
    const editions = new Map<number, Map<number, string>>();
    const taken = (seriesId: number) => editions.get(seriesId) ?? editions.set(seriesId, new Map()).get(seriesId)!;
    for (const row of existing) {
      const rules = parseStoredRules(row.rules);
      this.campaignInfo.set(row.key, {
        id: row.id, key: row.key, seriesId: row.series_id, amountDueCents: row.price_cents + row.deposit_cents, daysTotal: rules.daysTotal,
        clock: { startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone, rules },
      });
      taken(row.series_id).set(row.edition, row.key);
    }
    const fresh = [...this.campaigns.values()].filter(({ record }) => !this.campaignInfo.has(record.key));
    skipped.campaign += this.campaigns.size - fresh.length;
    const seriesOf = (entry: Entry<CampaignRecord>) => {
      const id = this.seriesIds.get(entry.record.series);
      if (id === undefined) throw new ImportError(entry.line, `campaign: unknown series "${entry.record.series}"`);
      return id;
    };
    for (const entry of fresh) {
      if (entry.record.edition === null) continue;
      const holder = taken(seriesOf(entry)).get(entry.record.edition);
      if (holder !== undefined) throw new ImportError(entry.line, `campaign: key: edition ${entry.record.edition} of series ${entry.record.series} is already ${holder}`);
      taken(seriesOf(entry)).set(entry.record.edition, entry.record.key);
    }
    for (const entry of fresh) {
      const { record } = entry;
      const seriesId = seriesOf(entry);
      let edition = record.edition;
      if (edition === null) {
        edition = Math.max(0, ...taken(seriesId).keys()) + 1;
        taken(seriesId).set(edition, record.key);
      }
      const timezone = record.timezone ?? ws.timezone;
      const row = await tx.insertInto('campaigns').values({
        workspace_id: ws.id, series_id: seriesId, key: record.key, edition, name: record.name, signup_opens_at: null, signup_closes_at: null,
        starts_on: record.startsOn, ends_on: record.endsOn, timezone, price_cents: record.priceCents, deposit_cents: record.depositCents,
        capacity: null, rules: JSON.stringify(record.rules), archived_at: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      this.campaignInfo.set(record.key, {
        id: row.id, key: record.key, seriesId, amountDueCents: record.priceCents + record.depositCents, daysTotal: record.rules.daysTotal,
        clock: { startsOn: record.startsOn, endsOn: record.endsOn, timezone, rules: record.rules },
      });
      created.campaign++;
    }
  }

  private async writeChannels(tx: Executor, ws: ImportTarget, now: string, created: Counts, skipped: Counts): Promise<void> {
    const existing = new Map<string, number>();
    for (const row of await scoped(tx, ws.id).selectFrom('channels').select(['id', 'parent_id', 'name']).execute()) {
      existing.set(channelName(row.parent_id, row.name), row.id);
    }
    const entries = [...this.channels.values()];
    const names = new Map<string, number>();
    for (const { line, record } of entries) {
      if (record.parent !== null) {
        const parent = this.channels.get(record.parent);
        if (!parent) throw new ImportError(line, `channel: unknown parent "${record.parent}"`);
        if (parent.record.parent !== null) throw new ImportError(line, `channel: parent: "${record.parent}" is itself a second-level channel`);
      }
      const same = names.get(`${record.parent ?? ''}\u0000${record.name}`);
      if (same !== undefined) throw new ImportError(line, `channel: name "${record.name}" is also on line ${same} (under the same parent)`);
      names.set(`${record.parent ?? ''}\u0000${record.name}`, line);
    }
    // First-level channels first: their ids are the second-level ones' parent_id.
    for (const { record } of [...entries.filter((e) => e.record.parent === null), ...entries.filter((e) => e.record.parent !== null)]) {
      const parentId = record.parent === null ? null : this.channelIds.get(record.parent)!;
      const match = existing.get(channelName(parentId, record.name));
      if (match !== undefined) {
        this.channelIds.set(record.key, match);
        skipped.channel++;
        continue;
      }
      const row = await tx.insertInto('channels').values({
        workspace_id: ws.id, parent_id: parentId, name: record.name, code: await freeCode(tx), owner_staff_id: null, cost_cents: record.costCents,
        threshold: DEFAULT_THRESHOLD, fallback_message: '', campaign_id: null, archived_at: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      this.channelIds.set(record.key, row.id);
      created.channel++;
    }
  }

  private async writeGroups(tx: Executor, ws: ImportTarget, now: string, created: Counts, skipped: Counts): Promise<void> {
    const existing = new Map<string, number>();
    for (const row of await scoped(tx, ws.id).selectFrom('chat_groups').select(['id', 'name']).orderBy('id').execute()) {
      if (!existing.has(row.name)) existing.set(row.name, row.id);
    }
    for (const { line, record } of this.groups.values()) {
      const campaign = record.campaign === null ? null : this.campaignInfo.get(record.campaign);
      if (campaign === undefined) throw new ImportError(line, `group: unknown campaign "${record.campaign}"`);
      const match = existing.get(record.name);
      if (match !== undefined) {
        this.groupIds.set(record.key, match);
        skipped.group++;
        continue;
      }
      const row = await tx.insertInto('chat_groups').values({
        workspace_id: ws.id, platform: record.platform, name: record.name, owner_staff_id: null, capacity: record.capacity,
        campaign_id: campaign?.id ?? null, series_id: campaign?.seriesId ?? null, status: 'open', external_id: null,
        qr_file: null, qr_mime: null, qr_uploaded_at: null, qr_expires_at: null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      this.groupIds.set(record.key, row.id);
      created.group++;
    }
  }
}

function put<R extends { key: string }>(type: string, map: Map<string, Entry<R>>, line: number, record: R): void {
  const first = map.get(record.key);
  if (first) throw new ImportError(line, `${type}: key "${record.key}" is also on line ${first.line}`);
  map.set(record.key, { line, record });
}

function channelName(parentId: number | null, name: string): string {
  return `${parentId ?? ''}\u0000${name}`;
}

/** A short-link code no channel of any workspace has (the link carries no workspace). */
async function freeCode(tx: Executor): Promise<string> {
  for (;;) {
    const code = generateCode();
    // Codes are unique across workspaces, so this one lookup is deliberately not fenced to one workspace.
    if (!(await tx.selectFrom('channels').select('id').where('code', '=', code).executeTakeFirst())) return code;
  }
}
