// Exporting a workspace as JSON Lines (`qunyun export`), in the format the importer reads and in dependency order,
// from one snapshot, streamed in pages. Members are keyed by number; channels and groups by their position (c1,
// g1…), so an export of an imported export is the same file. Merged-away members are not exported: their events
// and group memberships go with the member they were merged into; erased members are left out with theirs.
import { once } from 'node:events';
import { campaignDay, parseStoredRules, type CampaignClock } from '../campaigns/rules.js';
import { scoped, type Scoped } from '../db/scoped.js';
import { MAX_MERGE_HOPS } from '../members/service.js';
import type { Services } from '../services.js';
import { rulesFields } from './campaign-rules.js';
import { defaultPaidAt } from './enrollments.js';
import * as q from './export-queries.js';
import { emptyCounts, type Counts } from './summary.js';

export interface ExportOptions {
  /** Rows read per query (default 5000). */
  pageSize?: number;
  /** `rows`: records of this phase's type so far; `lines`: lines written so far. */
  onProgress?(progress: { phase: string; rows: number; lines: number }): void;
}

export interface ExportSummary {
  lines: number;
  exported: Counts;
}

export async function exportWorkspace(services: Services, workspaceKey: string, output: NodeJS.WritableStream, options: ExportOptions = {}): Promise<ExportSummary> {
  const workspace = await services.workspaces.getByKey(workspaceKey);
  const { db, dialect } = services.database;
  // One snapshot for every table, so a row added meanwhile cannot refer to one the export has passed.
  const begin = dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  return begin.execute((tx) => new Exporter(scoped(tx, workspace.id), output, options).run());
}

class Exporter {
  private readonly exported = emptyCounts();
  private lines = 0;
  private buffer: string[] = [];
  private readonly pageSize: number;
  private readonly seriesKeys = new Map<number, string>();
  private readonly campaigns = new Map<number, { key: string; amountDueCents: number; clock: CampaignClock }>();
  private readonly channelKeys = new Map<number, string>();
  private readonly groupKeys = new Map<number, string>();
  /** Live member id → number; merged-away ones resolve to their survivor's. */
  private readonly numbers = new Map<number, number>();
  private merged = new Map<number, number>();

  constructor(private readonly s: Scoped, private readonly output: NodeJS.WritableStream, private readonly options: ExportOptions) {
    this.pageSize = options.pageSize ?? 5000;
  }

  async run(): Promise<{ lines: number; exported: Counts }> {
    const ws = await q.workspaceRow(this.s);
    this.line({ type: 'workspace', name: ws.name, timezone: ws.timezone });
    await this.catalog();
    await this.members();
    this.merged = await q.mergedMembers(this.s);
    await this.pages('enrollment', q.enrollmentsPage, (e) => {
      // An enrollment left with a merged-away member is one its survivor also has: the survivor's is exported.
      const member = this.numbers.get(e.member_id);
      if (member === undefined) return null;
      const campaign = this.campaigns.get(e.campaign_id)!;
      return {
        type: 'enrollment', member: String(member), campaign: campaign.key,
        channel: e.channel_id === null ? null : this.channelKeys.get(e.channel_id) ?? null, at: e.created_at,
        // The amount due is the campaign's, unless its price or deposit changed after this enrollment.
        ...(e.amount_due_cents !== campaign.amountDueCents ? { amount_due_cents: e.amount_due_cents } : {}),
        paid_cents: e.paid_cents,
        ...(e.paid_at !== defaultPaidAt(e.created_at, e.paid_cents, e.amount_due_cents) ? { paid_at: e.paid_at } : {}),
        ...(e.refund_cents !== null ? { refunded_cents: e.refund_cents, refunded_at: e.refunded_at } : {}),
        ...(e.status === 'cancelled' ? { cancelled_at: e.cancelled_at ?? e.updated_at, ...(e.cancel_reason ? { cancel_reason: e.cancel_reason } : {}) } : {}),
      };
    });
    await this.pages('membership', q.membershipsPage, (m) => {
      const member = this.survivorNumber(m.member_id);
      return member === undefined ? null : { type: 'membership', member: String(member), group: this.groupKeys.get(m.group_id)!, joined_at: m.joined_at, left_at: m.left_at };
    });
    await this.pages('checkin', q.checkinsPage, (c) => {
      const member = this.numbers.get(c.member_id);
      if (member === undefined) return null;
      const campaign = this.campaigns.get(c.campaign_id)!;
      const ofDay = campaignDay(campaign.clock, new Date(c.submitted_at)).dayIndex;
      return {
        type: 'checkin', member: String(member), campaign: campaign.key, at: c.submitted_at,
        ...(c.makeup || ofDay !== c.day_index ? { day: c.day_index } : {}), ...(c.text ? { text: c.text } : {}),
      };
    });
    await this.pages('event', q.eventsPage, (e) => {
      const member = this.survivorNumber(e.member_id);
      if (member === undefined) return null;
      // props is stored as compact JSON text: spliced in rather than parsed and written again (10^8 events).
      const props = /[\r\n]/.test(e.props) ? JSON.stringify(JSON.parse(e.props)) : e.props;
      return `{"type":"event","id":${JSON.stringify(e.event_id)},"member":"${member}","name":${JSON.stringify(e.name)},"at":"${e.at}","props":${props}}`;
    });
    await this.drain();
    return { lines: this.lines, exported: this.exported };
  }

  private async catalog(): Promise<void> {
    for (const row of await q.allSeries(this.s)) {
      this.seriesKeys.set(row.id, row.key);
      this.line({ type: 'series', key: row.key, name: row.name }, 'series');
    }
    for (const row of await q.allCampaigns(this.s)) {
      const rules = parseStoredRules(row.rules);
      this.campaigns.set(row.id, { key: row.key, amountDueCents: row.price_cents + row.deposit_cents, clock: { startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone, rules } });
      this.line({
        type: 'campaign', key: row.key, series: this.seriesKeys.get(row.series_id)!, name: row.name, starts_on: row.starts_on, ends_on: row.ends_on,
        timezone: row.timezone, ...rulesFields(rules), price_cents: row.price_cents, deposit_cents: row.deposit_cents,
      }, 'campaign');
    }
    const channels = await q.allChannels(this.s);
    channels.forEach((row, i) => this.channelKeys.set(row.id, `c${i + 1}`));
    for (const row of channels) {
      const parent = row.parent_id === null ? null : this.channelKeys.get(row.parent_id) ?? null;
      this.line({ type: 'channel', key: this.channelKeys.get(row.id)!, name: row.name, parent, cost_cents: row.cost_cents }, 'channel');
    }
    const groups = await q.allGroups(this.s);
    groups.forEach((row, i) => this.groupKeys.set(row.id, `g${i + 1}`));
    for (const row of groups) {
      const campaign = row.campaign_id === null ? null : this.campaigns.get(row.campaign_id)?.key ?? null;
      this.line({ type: 'group', key: this.groupKeys.get(row.id)!, name: row.name, platform: row.platform, campaign, capacity: row.capacity }, 'group');
    }
    await this.drain();
  }

  private async members(): Promise<void> {
    for (let after = 0; ;) {
      const page = await q.membersPage(this.s, after, this.pageSize);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      const identities = new Map<number, Array<{ kind: string; value: string }>>();
      for (const row of await q.identitiesOf(this.s, page.map((m) => m.id))) {
        const list = identities.get(row.member_id) ?? identities.set(row.member_id, []).get(row.member_id)!;
        list.push({ kind: row.kind, value: row.value });
      }
      for (const m of page) {
        this.numbers.set(m.id, m.member_no);
        // The phone goes in its own field; the rest sorted here, not by the database's collation, so every export agrees.
        const others = (identities.get(m.id) ?? []).filter((i) => !(i.kind === 'phone' && i.value === m.phone))
          .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
        this.line({
          type: 'member', key: String(m.member_no), number: m.member_no, nickname: m.nickname, ...(m.phone ? { phone: m.phone } : {}),
          identities: others, ...(m.attributes !== '{}' ? { attributes: JSON.parse(m.attributes) as unknown } : {}), created_at: m.created_at,
        }, 'member');
      }
      await this.drain();
      this.options.onProgress?.({ phase: 'member', rows: this.exported.member, lines: this.lines });
    }
  }

  private survivorNumber(memberId: number): number | undefined {
    let id = memberId;
    for (let hop = 0; hop < MAX_MERGE_HOPS && this.merged.has(id); hop++) id = this.merged.get(id)!;
    return this.numbers.get(id);
  }

  private async pages<R extends { id: number }>(type: keyof Counts, page: (s: Scoped, after: number, limit: number) => Promise<R[]>,
    format: (row: R) => object | string | null): Promise<void> {
    for (let after = 0; ;) {
      const rows = await page(this.s, after, this.pageSize);
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]!.id);
      for (const row of rows) {
        const record = format(row);
        if (record !== null) this.line(record, type);
      }
      await this.drain();
      this.options.onProgress?.({ phase: type, rows: this.exported[type], lines: this.lines });
    }
  }

  private line(record: object | string, type?: keyof Counts): void {
    this.buffer.push(typeof record === 'string' ? record : JSON.stringify(record));
    this.lines++;
    if (type) this.exported[type]++;
  }

  /** Writes the buffered lines, waiting when the output is behind (a slow pipe must not fill the memory). */
  private async drain(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.output.write(text)) await once(this.output, 'drain');
  }
}
