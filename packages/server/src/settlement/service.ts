// Deposit settlement (押金结算) of a campaign: classes from check-ins, decisions taken by a person (refund or
// forfeit, by id or by class), refund marks, and the refund list for finance. "Now" is the service clock.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { CampaignService } from '../campaigns/service.js';
import type { Clock } from '../clock.js';
import type { DialectName } from '../db/connection.js';
import { scoped, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid } from '../http/errors.js';
import { refundListFile, type RefundListFile } from './export.js';
import * as q from './queries.js';
import type { DecisionBody, DecisionOut, RefundBody, SettlementOut, SettlementRow } from './schema.js';
import { settlementOf, settlementWindow, toRows, type SettlementCampaign } from './view.js';

const enrollmentNotFound = (field: string, message = 'no such enrollment') =>
  new AppError(404, 'enrollment.not_found', 'Enrollment not found', { [field]: message });

interface Refusal { code: string; message: string }

/** A row with the member's id, which the audit entry carries (so the member's profile shows its trail). */
type Target = SettlementRow & { memberId: number };

/** Why a row cannot take this decision, or null. Rows with another decision are left alone by a decision by class. */
function refusal(row: Target, body: DecisionBody): Refusal | null {
  if (row.refundedAt !== null) return { code: 'settlement.already_refunded', message: `${row.member.memberNo} was refunded on ${row.refundedAt}` };
  if (body.decision === 'refund' && row.paidCents === 0) return { code: 'settlement.unpaid', message: `${row.member.memberNo} paid nothing to refund` };
  if (body.class !== undefined && row.decision !== null && row.decision !== body.decision) {
    return { code: 'settlement.already_decided', message: `${row.member.memberNo} is already decided ${row.decision} (change it by enrollmentIds)` };
  }
  return null;
}

export class SettlementService {
  constructor(private readonly db: Kysely<DB>, private readonly dialect: DialectName, private readonly clock: Clock) {}

  async settlement(ctx: AccessContext, campaignId: number): Promise<SettlementOut> {
    // One snapshot for rows, check-ins and payments, so the ledger adds up (PostgreSQL needs repeatable read).
    const begin = this.dialect === 'postgres' ? this.db.transaction().setIsolationLevel('repeatable read') : this.db.transaction();
    return begin.execute(async (tx) => {
      const now = this.clock.now();
      const campaign = await campaignOf(tx, ctx, campaignId, now);
      const s = scoped(tx, ctx.workspaceId);
      const rows = await rowsOf(s, campaign, now);
      return settlementOf(campaign, rows.map(withoutMemberId), await q.collectedCents(s, campaign.id), now);
    });
  }

  async decide(ctx: AccessContext, campaignId: number, body: DecisionBody): Promise<DecisionOut> {
    return this.db.transaction().execute(async (tx) => {
      const now = this.clock.now();
      const campaign = await campaignOf(tx, ctx, campaignId, now);
      const { open, opensOn } = settlementWindow(campaign, now);
      if (!open) {
        throw conflict('settlement.not_open', `Settlement of ${campaign.key} opens on ${opensOn}, the day after the campaign ends`, { campaignId: `settlement opens on ${opensOn}` });
      }
      const s = scoped(tx, ctx.workspaceId);
      const targets = await this.targets(s, campaign, body, now);

      const eligible = targets.filter((r) => r.class === 'eligible');
      if (body.decision === 'forfeit' && body.reason === undefined && (body.class === 'eligible' || eligible.length > 0)) {
        const who = eligible.map((r) => r.member.memberNo).join(', ');
        throw invalid('settlement.reason_required', `Forfeiting an eligible enrollment needs a reason${who ? ` (eligible: ${who})` : ''}`, { reason: 'required to forfeit an eligible enrollment' });
      }

      const skipped: DecisionOut['skipped'] = [];
      const refused: Record<string, string> = {};
      let firstCode: string | null = null;
      const accepted: Target[] = [];
      targets.forEach((row, index) => {
        const why = refusal(row, body);
        if (!why) accepted.push(row);
        else if (body.class !== undefined) skipped.push({ enrollmentId: row.enrollmentId, memberNo: row.member.memberNo, ...why });
        else {
          refused[`enrollmentIds.${index}`] = why.message;
          firstCode ??= why.code;
        }
      });
      if (firstCode !== null) throw conflict(firstCode, `No decision taken: ${Object.values(refused).join('; ')}`, refused);

      // Same decision, same basis, same reason: nothing to write. A new reason or a changed class is a change.
      const changes = accepted.map((row) => {
        const reason = body.reason ?? (row.decision === body.decision ? row.decisionReason : null);
        const same = row.decision === body.decision && row.decisionClass === row.class && row.decisionDays === row.days && row.decisionReason === reason;
        return { row, reason, same };
      });
      const changed = changes.filter((c) => !c.same);
      const at = now.toISOString();
      // Rows sharing class, days and reason are written by one UPDATE.
      const groups = new Map<string, typeof changed>();
      for (const c of changed) {
        const key = JSON.stringify([c.row.class, c.row.days, c.reason]);
        const group = groups.get(key);
        if (group) group.push(c);
        else groups.set(key, [c]);
      }
      for (const group of groups.values()) {
        const { row, reason } = group[0]!;
        const written = await q.writeDecision(s, group.map((c) => c.row.enrollmentId), {
          settlement_decision: body.decision, settlement_class: row.class, settlement_days: row.days, settlement_reason: reason,
          settled_by: ctx.staffId, settled_at: at, updated_at: at,
        });
        if (written !== group.length) throw conflict('settlement.already_refunded', 'An enrollment was marked refunded meanwhile: nothing decided, reload and try again');
      }
      for (const { row, reason } of changed) {
        await recordAudit(tx, ctx, {
          action: 'settlement.decide', entity: 'enrollment', entityId: row.enrollmentId, memberId: row.memberId,
          before: { decision: row.decision, class: row.decisionClass, days: row.decisionDays, reason: row.decisionReason },
          after: { decision: body.decision, class: row.class, days: row.days, reason, campaignId: campaign.id, byClass: body.class ?? null },
        });
      }
      const items = accepted.length === 0 ? [] : (await rowsOf(s, campaign, now, accepted.map((r) => r.enrollmentId))).map(withoutMemberId);
      return { changed: changed.length, unchanged: accepted.length - changed.length, skipped, items };
    });
  }

  /** The rows a decision is about: the listed enrollments (any of the campaign's, in the order given), or the active ones of a class. */
  private async targets(s: Scoped, campaign: SettlementCampaign, body: DecisionBody, now: Date): Promise<Target[]> {
    if (body.enrollmentIds === undefined) {
      return (await rowsOf(s, campaign, now)).filter((r) => r.status === 'active' && r.class === body.class);
    }
    const byId = new Map((await rowsOf(s, campaign, now, body.enrollmentIds)).map((r) => [r.enrollmentId, r]));
    const missing: Record<string, string> = {};
    body.enrollmentIds.forEach((id, index) => {
      if (!byId.has(id)) missing[`enrollmentIds.${index}`] = `no enrollment ${id} in campaign ${campaign.key}`;
    });
    if (Object.keys(missing).length) throw new AppError(404, 'enrollment.not_found', `Not enrollments of ${campaign.key}: ${Object.values(missing).join('; ')}`, missing);
    return body.enrollmentIds.map((id) => byId.get(id)!);
  }

  async refund(ctx: AccessContext, enrollmentId: number, body: RefundBody): Promise<SettlementRow> {
    return this.db.transaction().execute(async (tx) => {
      const now = this.clock.now();
      const s = scoped(tx, ctx.workspaceId);
      const e = await q.findEnrollment(s, enrollmentId);
      if (!e) throw enrollmentNotFound('enrollmentId');
      if (e.refunded_at !== null) {
        throw conflict('settlement.already_refunded', `Enrollment ${e.id} was already marked refunded on ${e.refunded_at}`, { enrollmentId: `already refunded on ${e.refunded_at}` });
      }
      if (e.settlement_decision !== 'refund') {
        const state = e.settlement_decision === null ? 'not decided yet' : `decided ${e.settlement_decision}`;
        throw conflict('settlement.not_refund', `Only an enrollment decided refund can be marked refunded (this one is ${state})`, { enrollmentId: `${state}; decide refund first` });
      }
      if (body.amountCents > e.paid_cents) {
        throw invalid('settlement.refund_too_high', `The refund must not exceed the ${e.paid_cents} cents paid`, { amountCents: `must be at most ${e.paid_cents} (paid)` });
      }
      const refundedAt = body.refundedAt === undefined ? now : new Date(body.refundedAt);
      if (refundedAt > now) throw invalid('settlement.refund_in_future', 'refundedAt must not be in the future', { refundedAt: 'must not be in the future' });
      const written = await q.writeRefund(s, e.id, {
        refund_cents: body.amountCents, refunded_at: refundedAt.toISOString(), refund_ref: body.reference, refunded_by: ctx.staffId, updated_at: now.toISOString(),
      });
      if (!written) throw conflict('settlement.changed', 'The decision changed meanwhile: reload and try again', { enrollmentId: 'changed meanwhile' });
      await recordAudit(tx, ctx, {
        action: 'settlement.refund', entity: 'enrollment', entityId: e.id, memberId: e.member_id,
        before: { refundCents: null, refundedAt: null, reference: null },
        after: { refundCents: body.amountCents, refundedAt: refundedAt.toISOString(), reference: body.reference, paidCents: e.paid_cents, campaignId: e.campaign_id },
      });
      const campaign = await campaignOf(tx, ctx, e.campaign_id, now);
      return withoutMemberId((await rowsOf(s, campaign, now, [e.id]))[0]!);
    });
  }

  /** The enrollments decided refund, as a file for finance; the export is audited (it carries phone numbers). */
  async refundList(ctx: AccessContext, campaignId: number, format: 'xlsx' | 'csv'): Promise<RefundListFile> {
    const out = await this.settlement(ctx, campaignId);
    const rows = [...out.items, ...out.cancelled].filter((r) => r.decision === 'refund').sort((a, b) => a.member.memberNo - b.member.memberNo);
    const now = this.clock.now();
    const file = await refundListFile(out, rows, settlementWindow(out.campaign, now).today, format);
    await recordAudit(this.db, ctx, { action: 'settlement.export', entity: 'campaign', entityId: campaignId, after: { file: file.filename, format, rows: rows.length } });
    return file;
  }
}

async function campaignOf(tx: Kysely<DB>, ctx: AccessContext, campaignId: number, now: Date): Promise<SettlementCampaign> {
  const c = await new CampaignService(tx).getCampaign(ctx, campaignId, now);
  return { id: c.id, key: c.key, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, timezone: c.timezone, depositCents: c.depositCents, rules: c.rules };
}

async function rowsOf(s: Scoped, campaign: SettlementCampaign, now: Date, ids?: readonly number[]): Promise<Target[]> {
  const rows = await q.enrollmentRows(s, campaign.id, ids);
  const facts = await q.checkinFacts(s, campaign.id, ids);
  return toRows(campaign, rows, facts, now).map((row, i) => ({ ...row, memberId: rows[i]!.member_id }));
}

function withoutMemberId({ memberId: _, ...row }: Target): SettlementRow {
  return row;
}
