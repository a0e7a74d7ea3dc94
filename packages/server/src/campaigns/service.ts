// Series (X) and their campaigns/editions (X1, X2…): the rules of creating, editing, locking and archiving them.
// Other features (chat groups, check-ins) resolve ids through requireCampaign/requireSeries, never the tables.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { Clock } from '../clock.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid, isUniqueViolation } from '../http/errors.js';
import { WorkspaceService } from '../workspaces/service.js';
import * as q from './queries.js';
import { canonicalTimeZone, daysBetween, DEFAULT_RULES, localDate, mergeRules, parseStoredRules, ruleProblems, type CheckinRules } from './rules.js';
import type { CampaignBody, CampaignOut, CampaignStatus, SeriesOut, UpdateCampaignBody } from './schema.js';

export interface CampaignRef { id: number; key: string; seriesId: number; name: string; startsOn: string; endsOn: string; timezone: string }
export interface SeriesRef { id: number; key: string; name: string }

/** What may change only with an override reason once the campaign has started. */
const LOCKED_FIELDS = ['rules', 'startsOn', 'endsOn', 'timezone'] as const;

interface Dates {
  startsOn: string;
  endsOn: string;
  timezone: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  archivedAt: string | null;
}

/**
 * The status is never stored: it follows from the dates, read in the campaign's zone.
 * archived — archived by staff (whatever the dates); ended — today is after endsOn; running — today is between
 * startsOn and endsOn; signup — before startsOn and the signup window has opened (it may have closed again);
 * draft — before startsOn with no signup window, or one that has not opened yet.
 */
export function deriveStatus(c: Dates, now: Date): { status: CampaignStatus; signupOpen: boolean; locked: boolean } {
  const today = localDate(now, c.timezone);
  const t = now.getTime();
  const opens = c.signupOpensAt === null ? null : Date.parse(c.signupOpensAt);
  const closes = c.signupClosesAt === null ? null : Date.parse(c.signupClosesAt);
  const windowStarted = opens !== null ? t >= opens : closes !== null;
  const signupOpen = windowStarted && (closes === null || t < closes) && today <= c.endsOn;
  const locked = today >= c.startsOn;
  let status: CampaignStatus;
  if (c.archivedAt !== null) status = 'archived';
  else if (today > c.endsOn) status = 'ended';
  else if (locked) status = 'running';
  else status = windowStarted ? 'signup' : 'draft';
  return { status, signupOpen, locked };
}

function toCampaign(row: NonNullable<q.CampaignRow>, now: Date): CampaignOut {
  const dates: Dates = {
    startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone,
    signupOpensAt: row.signup_opens_at, signupClosesAt: row.signup_closes_at, archivedAt: row.archived_at,
  };
  return {
    id: row.id,
    seriesId: row.series_id,
    series: { id: row.series_id, key: row.series_key, name: row.series_name },
    key: row.key,
    edition: row.edition,
    name: row.name,
    theme: row.theme,
    ...dates,
    priceCents: row.price_cents,
    depositCents: row.deposit_cents,
    capacity: row.capacity,
    rules: parseStoredRules(row.rules),
    ...deriveStatus(dates, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSeries(row: { id: number; key: string; name: string; theme: string; created_at: string; updated_at: string }, campaignCount: number): SeriesOut {
  return { id: row.id, key: row.key, name: row.name, theme: row.theme, campaignCount, createdAt: row.created_at, updatedAt: row.updated_at };
}

const utc = (instant: string | null | undefined) => (instant == null ? null : new Date(instant).toISOString());

interface CampaignFields {
  name: string;
  theme: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  startsOn: string;
  endsOn: string;
  timezone: string;
  priceCents: number;
  depositCents: number;
  capacity: number | null;
  rules: CheckinRules;
}

/** Cross-field checks zod cannot make alone; every problem names its field. */
function checkCampaign(c: CampaignFields, givenTimezone: string | undefined): void {
  const problems: Record<string, string> = {};
  if (givenTimezone !== undefined && canonicalTimeZone(givenTimezone) === null) problems.timezone = 'not a known IANA time zone (e.g. Asia/Shanghai)';
  if (c.signupOpensAt && c.signupClosesAt && c.signupOpensAt >= c.signupClosesAt) problems.signupClosesAt = 'must be after signupOpensAt';
  if (c.endsOn < c.startsOn) problems.endsOn = 'must not be before startsOn';
  else if (c.rules.daysTotal > daysBetween(c.startsOn, c.endsOn) + 1) {
    problems['rules.daysTotal'] = `must fit between startsOn and endsOn (${daysBetween(c.startsOn, c.endsOn) + 1} days)`;
  }
  Object.assign(problems, ruleProblems(c.rules));
  if (Object.keys(problems).length) throw invalid('campaign.invalid', `Invalid campaign: ${Object.entries(problems).map(([k, v]) => `${k} ${v}`).join('; ')}`, problems);
}

function columns(c: CampaignFields) {
  return {
    name: c.name, theme: c.theme, signup_opens_at: c.signupOpensAt, signup_closes_at: c.signupClosesAt,
    starts_on: c.startsOn, ends_on: c.endsOn, timezone: c.timezone, price_cents: c.priceCents, deposit_cents: c.depositCents,
    capacity: c.capacity, rules: JSON.stringify(c.rules),
  };
}

const campaignNotFound = () => new AppError(404, 'campaign.not_found', 'Campaign not found', { campaignId: 'no such campaign' });
const seriesNotFound = () => new AppError(404, 'series.not_found', 'Series not found', { seriesId: 'no such series' });

export class CampaignService {
  constructor(private readonly db: Kysely<DB>, readonly clock: Clock = new Clock()) {}

  /** The same service inside a transaction. */
  private within(tx: Executor): CampaignService {
    return new CampaignService(tx as Kysely<DB>, this.clock);
  }

  // ---- for other features --------------------------------------------------------------------------------------

  /** A campaign of this workspace, or a 404 naming `campaignId`. */
  async requireCampaign(ctx: AccessContext, id: number): Promise<CampaignRef> {
    const row = await q.findCampaign(scoped(this.db, ctx.workspaceId), id);
    if (!row) throw campaignNotFound();
    return { id: row.id, key: row.key, seriesId: row.series_id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on, timezone: row.timezone };
  }

  /** A series of this workspace, or a 404 naming `seriesId`. */
  async requireSeries(ctx: AccessContext, id: number): Promise<SeriesRef> {
    const row = await q.findSeries(scoped(this.db, ctx.workspaceId), id);
    if (!row) throw seriesNotFound();
    return { id: row.id, key: row.key, name: row.name };
  }

  // ---- series ----------------------------------------------------------------------------------------------------

  async listSeries(ctx: AccessContext): Promise<SeriesOut[]> {
    const rows = await q.listSeriesWithCounts(scoped(this.db, ctx.workspaceId));
    return rows.map((r) => toSeries(r, Number(r.campaign_count ?? 0)));
  }

  async getSeries(ctx: AccessContext, id: number): Promise<SeriesOut> {
    const s = scoped(this.db, ctx.workspaceId);
    const row = await q.findSeries(s, id);
    if (!row) throw seriesNotFound();
    return toSeries(row, await q.countCampaigns(s, id));
  }

  async createSeries(ctx: AccessContext, input: { key: string; name: string; theme?: string }): Promise<SeriesOut> {
    return this.db.transaction().execute(async (tx) => {
      const now = nowIso();
      const id = await q.insertSeries(tx, { workspace_id: ctx.workspaceId, key: input.key, name: input.name, theme: input.theme ?? '', created_at: now, updated_at: now })
        .catch(keyTaken);
      const out = await this.within(tx).getSeries(ctx, id);
      await recordAudit(tx, ctx, { action: 'series.create', entity: 'series', entityId: id, after: out });
      return out;
    });
  }

  async updateSeries(ctx: AccessContext, id: number, input: { key?: string; name?: string; theme?: string }): Promise<SeriesOut> {
    return this.db.transaction().execute(async (tx) => {
      const inner = this.within(tx);
      const before = await inner.getSeries(ctx, id);
      // Campaign keys (X1, X2…) are written into group names and member messages: they do not follow a renamed key.
      if (input.key !== undefined && input.key !== before.key && before.campaignCount > 0) {
        throw conflict('series.key_in_use', 'The key of a series with campaigns cannot change', { key: 'the series already has campaigns' });
      }
      await scoped(tx, ctx.workspaceId).updateTable('series').set({ ...input, updated_at: nowIso() }).where('id', '=', id).execute().catch(keyTaken);
      const after = await inner.getSeries(ctx, id);
      await recordAudit(tx, ctx, { action: 'series.update', entity: 'series', entityId: id, before, after });
      return after;
    });
  }

  async deleteSeries(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const before = await this.within(tx).getSeries(ctx, id);
      if (before.campaignCount > 0) {
        throw conflict('series.not_empty', 'A series with campaigns cannot be deleted (archive its campaigns instead)', { seriesId: `has ${before.campaignCount} campaigns` });
      }
      await scoped(tx, ctx.workspaceId).deleteFrom('series').where('id', '=', id).execute();
      await recordAudit(tx, ctx, { action: 'series.delete', entity: 'series', entityId: id, before });
    });
  }

  // ---- campaigns -------------------------------------------------------------------------------------------------

  async listCampaigns(ctx: AccessContext, filter: { seriesId?: number; status?: CampaignStatus }, now = this.clock.now()): Promise<CampaignOut[]> {
    const s = scoped(this.db, ctx.workspaceId);
    if (filter.seriesId !== undefined && !(await q.findSeries(s, filter.seriesId))) throw seriesNotFound();
    const rows = await q.listCampaigns(s, filter);
    const items = rows.map((r) => toCampaign(r, now));
    return filter.status ? items.filter((c) => c.status === filter.status) : items;
  }

  async getCampaign(ctx: AccessContext, id: number, now = this.clock.now()): Promise<CampaignOut> {
    const row = await q.findCampaign(scoped(this.db, ctx.workspaceId), id);
    if (!row) throw campaignNotFound();
    return toCampaign(row, now);
  }

  async createCampaign(ctx: AccessContext, input: CampaignBody): Promise<CampaignOut> {
    return this.db.transaction().execute(async (tx) => {
      const inner = this.within(tx);
      const series = await inner.requireSeries(ctx, input.seriesId);
      const workspace = await new WorkspaceService(tx).get(ctx.workspaceId);
      const fields: CampaignFields = {
        name: input.name,
        theme: input.theme ?? '',
        signupOpensAt: utc(input.signupOpensAt),
        signupClosesAt: utc(input.signupClosesAt),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        timezone: input.timezone === undefined ? workspace.timezone : canonicalTimeZone(input.timezone) ?? input.timezone,
        priceCents: input.priceCents ?? 0,
        depositCents: input.depositCents ?? 0,
        capacity: input.capacity ?? null,
        rules: mergeRules(DEFAULT_RULES, input.rules),
      };
      checkCampaign(fields, input.timezone);
      const edition = input.edition ?? (await q.lastEdition(scoped(tx, ctx.workspaceId), series.id)) + 1;
      const now = nowIso();
      const id = await q.insertCampaign(tx, {
        workspace_id: ctx.workspaceId, series_id: series.id, key: `${series.key}${edition}`, edition, ...columns(fields), created_at: now, updated_at: now,
      }).catch((e) => {
        if (isUniqueViolation(e)) throw conflict('campaign.edition_taken', `${series.key}${edition} already exists`, { edition: 'already taken' });
        throw e;
      });
      const out = await inner.getCampaign(ctx, id);
      await recordAudit(tx, ctx, { action: 'campaign.create', entity: 'campaign', entityId: id, after: out });
      return out;
    });
  }

  async updateCampaign(ctx: AccessContext, id: number, input: UpdateCampaignBody): Promise<CampaignOut> {
    return this.db.transaction().execute(async (tx) => {
      const inner = this.within(tx);
      const before = await inner.getCampaign(ctx, id);
      const next: CampaignFields = {
        name: input.name ?? before.name,
        theme: input.theme ?? before.theme,
        signupOpensAt: input.signupOpensAt === undefined ? before.signupOpensAt : utc(input.signupOpensAt),
        signupClosesAt: input.signupClosesAt === undefined ? before.signupClosesAt : utc(input.signupClosesAt),
        startsOn: input.startsOn ?? before.startsOn,
        endsOn: input.endsOn ?? before.endsOn,
        timezone: input.timezone === undefined ? before.timezone : canonicalTimeZone(input.timezone) ?? input.timezone,
        priceCents: input.priceCents ?? before.priceCents,
        depositCents: input.depositCents ?? before.depositCents,
        capacity: input.capacity === undefined ? before.capacity : input.capacity,
        rules: mergeRules(before.rules, input.rules),
      };
      checkCampaign(next, input.timezone);
      const changedLocked = LOCKED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(next[f]));
      const override = before.locked && changedLocked.length > 0;
      if (override && !input.overrideReason) {
        throw conflict('campaign.rules_locked', `The campaign has started: ${changedLocked.join(', ')} change only with an overrideReason`,
          Object.fromEntries(changedLocked.map((f) => [f, 'locked since the campaign started; give overrideReason to change it'])));
      }
      await q.updateCampaign(scoped(tx, ctx.workspaceId), id, { ...columns(next), updated_at: nowIso() });
      const after = await inner.getCampaign(ctx, id);
      await recordAudit(tx, ctx, override
        ? { action: 'campaign.rules_override', entity: 'campaign', entityId: id, before, after: { ...after, overrideReason: input.overrideReason, overriddenFields: changedLocked } }
        : { action: 'campaign.update', entity: 'campaign', entityId: id, before, after });
      return after;
    });
  }

  async setArchived(ctx: AccessContext, id: number, archived: boolean): Promise<CampaignOut> {
    return this.db.transaction().execute(async (tx) => {
      const inner = this.within(tx);
      const before = await inner.getCampaign(ctx, id);
      if ((before.archivedAt !== null) === archived) return before;
      const now = nowIso();
      await q.updateCampaign(scoped(tx, ctx.workspaceId), id, { archived_at: archived ? now : null, updated_at: now });
      const after = await inner.getCampaign(ctx, id);
      await recordAudit(tx, ctx, { action: archived ? 'campaign.archive' : 'campaign.unarchive', entity: 'campaign', entityId: id, before: { status: before.status, archivedAt: before.archivedAt }, after: { status: after.status, archivedAt: after.archivedAt } });
      return after;
    });
  }
}

function keyTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict('series.key_taken', 'This key is already used by another series', { key: 'already taken' });
  throw error;
}
