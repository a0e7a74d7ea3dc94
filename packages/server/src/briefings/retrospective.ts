// 复盘 (GRAI, domain_ops.md §5.5): a campaign's numbers — signups to re-enrolment, the daily check-in curve, SOP
// execution — each against its goal and the previous edition, with the typed goal, result, analysis, insight and actions.
import { addDays, dayStartUtc, daysBetween } from '../analytics/days.js';
import { recordAudit } from '../audit/service.js';
import { localDate } from '../campaigns/rules.js';
import type { CampaignOut } from '../campaigns/schema.js';
import { scoped, type Executor } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { orderedCampaigns } from '../reports/lookup.js';
import { reenrolledMembers } from '../reports/reenrolment.js';
import type { ReportScope } from '../reports/types.js';
import * as cq from './campaign-queries.js';
import { retroDefinitions } from './definitions.js';
import * as q from './queries.js';
import { ratio, Roster } from './roster.js';
import type { Ratio } from '../http/schemas.js';
import type { RetroMetric, RetrospectiveBody, RetrospectiveListOut, RetrospectiveOut } from './schema.js';
import { sumSop, type BriefingScope } from './scope.js';

type Unit = RetrospectiveOut['metrics'][number]['unit'];

const UNITS: Record<RetroMetric, Unit> = {
  signups: 'people', paid: 'people', joined_group: 'people', returning: 'people', new_members: 'people',
  day1_checkin_rate: 'rate', checkin_rate: 'rate', met_requirement: 'people', completion_rate: 'rate',
  revenue_cents: 'cents', refunds: 'people', refund_cents: 'cents', net_cents: 'cents',
  reenrolled: 'people', reenrolment_rate: 'rate', sop_completion: 'rate', sop_punctuality: 'rate',
};

/** Goal metrics (goals/metrics.ts) and the retrospective number each is a target for; revenue goals are in yuan. */
const GOAL_METRICS: Record<string, { key: RetroMetric; scale: number }> = {
  signups: { key: 'signups', scale: 1 },
  paid: { key: 'paid', scale: 1 },
  group_joins: { key: 'joined_group', scale: 1 },
  reenrolments: { key: 'returning', scale: 1 },
  new_members: { key: 'new_members', scale: 1 },
  checkin_rate: { key: 'checkin_rate', scale: 1 },
  members_meeting_requirement: { key: 'met_requirement', scale: 1 },
  revenue: { key: 'revenue_cents', scale: 100 },
};

interface Figure { value: number | null; ratio: Ratio | null }
interface Numbers { figures: Record<RetroMetric, Figure>; curve: Ratio[] }

const count = (value: number, of?: Ratio): Figure => ({ value, ratio: of ?? null });
const rate = (r: Ratio): Figure => ({ value: r.value, ratio: r });

/**
 * The numbers of a campaign as of now; re-enrolment is cut `dayCount` days after its start (so an earlier edition is
 * measured over the same time as this one has had).
 */
async function numbersOf(scope: BriefingScope, c: CampaignOut, dayCount: number): Promise<Numbers> {
  const roster = await Roster.load(scope.s, c);
  const list = roster.enrollments;
  const signups = list.length;
  const today = localDate(scope.now, c.timezone);
  const todayIndex = roster.dayIndexOf(today);
  const lastDay = Math.max(0, Math.min(c.rules.daysTotal, todayIndex - 1));
  const curve: Ratio[] = [];
  for (let d = 1; d <= lastDay; d++) curve.push(roster.dayRate(d));

  const earlier = new Map<number, string[]>();
  for (const o of await cq.otherEnrollments(scope.s, c.id)) earlier.set(o.member_id, [...(earlier.get(o.member_id) ?? []), o.created_at]);
  const returning = list.filter((e) => (earlier.get(e.member_id) ?? []).some((at) => at < e.created_at)).length;
  const joined = list.filter((e) => roster.everInGroup(e)).length;
  const met = list.filter((e) => roster.progress(e, todayIndex).completed).length;
  const revenue = list.reduce((a, e) => a + e.paid_cents, 0);
  const refunded = list.filter((e) => e.refunded_at !== null);
  const refundCents = refunded.reduce((a, e) => a + (e.refund_cents ?? 0), 0);

  const reportScope: ReportScope = { db: scope.db, workspaceId: scope.ctx.workspaceId, timezone: scope.timezone, now: scope.now };
  const ordered = await orderedCampaigns(reportScope);
  const cutAt = dayStartUtc(addDays(c.startsOn, dayCount), c.timezone);
  const end = cutAt < scope.now.toISOString() ? cutAt : scope.now.toISOString();
  const reenrolled = (await reenrolledMembers(reportScope, { ...ordered.find((o) => o.id === c.id)!, rules: c.rules, depositCents: c.depositCents }, end, ordered)).size;

  const from = addDays(c.startsOn, -7);
  // Tasks of today are still open: counting them as undone would lower the rate until tomorrow.
  const to = [addDays(c.endsOn, 3), addDays(localDate(scope.now, scope.timezone), -1)].sort()[0]!;
  const sopRows = from > to ? [] : (await scope.deps.sops.stats(scope.ctx, { from, to, groupBy: 'group' })).filter((r) => typeof r.key === 'number' && roster.groups.has(r.key));
  const sop = sumSop(sopRows);

  const sum = curve.reduce((a, r) => ({ n: a.n + r.numerator, d: a.d + r.denominator }), { n: 0, d: 0 });
  return {
    curve,
    figures: {
      signups: count(signups),
      paid: count(list.filter((e) => e.paid_cents > 0).length),
      joined_group: count(joined, ratio(joined, signups)),
      returning: count(returning),
      new_members: count(signups - returning),
      day1_checkin_rate: curve.length ? rate(curve[0]!) : { value: null, ratio: null },
      checkin_rate: rate(ratio(sum.n, sum.d)),
      met_requirement: count(met, ratio(met, signups)),
      completion_rate: rate(ratio(met, signups)),
      revenue_cents: count(revenue),
      refunds: count(refunded.length),
      refund_cents: count(refundCents),
      net_cents: count(revenue - refundCents),
      reenrolled: count(reenrolled, ratio(reenrolled, signups)),
      reenrolment_rate: rate(ratio(reenrolled, signups)),
      sop_completion: rate(sop.completionRate),
      sop_punctuality: rate(sop.punctualityRate),
    },
  };
}

/** 超出 / 达成 / 未达成; rates compare at the 4 decimals they are shown with. */
function resultOf(value: number | null, target: number, unit: Unit): RetrospectiveOut['metrics'][number]['result'] {
  if (value === null) return null;
  const round = (x: number) => (unit === 'rate' ? Math.round(x * 10_000) : Math.round(x));
  return round(value) > round(target) ? 'exceeded' : round(value) === round(target) ? 'met' : 'missed';
}

export async function campaignRetrospective(scope: BriefingScope, campaignId: number): Promise<RetrospectiveOut> {
  const { ctx, s } = scope;
  const c = await scope.deps.campaigns.getCampaign(ctx, campaignId, scope.now);
  const dayCount = daysBetween(c.startsOn, localDate(scope.now, c.timezone)) + 1;
  const mine = await numbersOf(scope, c, dayCount);
  const previousRow = await cq.previousEdition(s, c.seriesId, c.edition);
  const previous = previousRow ? await scope.deps.campaigns.getCampaign(ctx, previousRow.id, scope.now) : null;
  const theirs = previous ? await numbersOf(scope, previous, dayCount) : null;

  const targets = new Map<RetroMetric, { value: number; goalId: number; goalName: string }>();
  for (const g of await cq.campaignGoals(s, c.id)) {
    const m = GOAL_METRICS[g.metric];
    // Newest first: an older goal on the same metric does not replace it.
    if (m && !targets.has(m.key)) targets.set(m.key, { value: Number(g.target) * m.scale, goalId: g.id, goalName: g.name });
  }

  const metrics = (Object.keys(UNITS) as RetroMetric[]).map((key) => {
    const unit = UNITS[key];
    const { value, ratio: r } = mine.figures[key];
    const before = theirs?.figures[key].value ?? null;
    const target = targets.get(key) ?? null;
    return {
      key, unit, value, ratio: r, target,
      previous: before,
      diff: value === null || before === null ? null : unit === 'rate' ? Math.round((value - before) * 10_000) / 10_000 : value - before,
      result: target ? resultOf(value, target.value, unit) : null,
    };
  });

  return {
    campaign: {
      id: c.id, key: c.key, name: c.name, edition: c.edition, series: c.series, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status,
      daysTotal: c.rules.daysTotal, depositCents: c.depositCents, priceCents: c.priceCents,
    },
    previous: previous ? { id: previous.id, key: previous.key, name: previous.name } : null,
    asOf: localDate(scope.now, scope.timezone),
    metrics,
    curve: mine.curve.map((r, i) => ({ dayIndex: i + 1, rate: r, previous: theirs?.curve[i] ?? null })),
    retrospective: await typedParts(scope, c.id),
    definitions: retroDefinitions(localDate(scope.now, scope.timezone)),
  };
}

interface StoredAction { what: string; owner: number | null; due: string | null }

async function typedParts(scope: BriefingScope, campaignId: number): Promise<RetrospectiveOut['retrospective']> {
  const row = await q.retrospectiveOf(scope.s, campaignId);
  if (!row) return null;
  const actions = JSON.parse(row.actions) as StoredAction[];
  const names = new Map((await q.staffNames(scope.s, actions.map((a) => a.owner).filter((o): o is number => o !== null))).map((r) => [r.id, r.display_name]));
  return {
    goalNote: row.goal_note, resultNote: row.result_note, analysis: row.analysis, insight: row.insight,
    actions: actions.map((a) => ({ what: a.what, owner: a.owner === null ? null : { id: a.owner, name: names.get(a.owner) ?? '' }, due: a.due })),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by === null ? null : { id: row.updated_by, name: row.updater_name ?? '' },
  };
}

/** Writes the typed parts (insert or replace) in the caller's transaction, with the audit entry. */
export async function saveRetrospective(tx: Executor, ctx: AccessContext, campaignId: number, body: RetrospectiveBody, at: string): Promise<void> {
  const s = scoped(tx, ctx.workspaceId);
  const owners = [...new Set(body.actions.map((a) => a.ownerId).filter((o): o is number => o !== null))];
  const known = new Set((await q.staffNames(s, owners)).map((r) => r.id));
  const missing: Record<string, string> = {};
  body.actions.forEach((a, i) => {
    if (a.ownerId !== null && !known.has(a.ownerId)) missing[`actions.${i}.ownerId`] = 'no such staff member';
  });
  if (Object.keys(missing).length) throw new AppError(404, 'staff.not_found', 'Staff not found', missing);

  const before = await q.retrospectiveOf(s, campaignId);
  const actions: StoredAction[] = body.actions.map((a) => ({ what: a.what, owner: a.ownerId, due: a.due }));
  const values = {
    goal_note: body.goalNote, result_note: body.resultNote, analysis: body.analysis, insight: body.insight,
    actions: JSON.stringify(actions), updated_by: ctx.staffId, updated_at: at,
  };
  await tx.insertInto('retrospectives').values({ workspace_id: ctx.workspaceId, campaign_id: campaignId, ...values, created_at: at })
    .onConflict((oc) => oc.column('campaign_id').doUpdateSet(values)).execute();
  await recordAudit(tx, ctx, {
    action: before ? 'retrospective.update' : 'retrospective.create', entity: 'retrospective', entityId: campaignId,
    before: before ? { goalNote: before.goal_note, resultNote: before.result_note, analysis: before.analysis, insight: before.insight, actions: JSON.parse(before.actions) } : undefined,
    after: { goalNote: body.goalNote, resultNote: body.resultNote, analysis: body.analysis, insight: body.insight, actions },
  });
}

/** Every campaign with whether it has a retrospective (written=true: only those with one; false: only those without). */
export async function listRetrospectives(scope: BriefingScope, filter: { written?: boolean }): Promise<RetrospectiveListOut> {
  const campaigns = await scope.deps.campaigns.listCampaigns(scope.ctx, {}, scope.now);
  const rows = new Map((await q.allRetrospectives(scope.s)).map((r) => [r.campaign_id, r]));
  const items = campaigns
    .filter((c) => filter.written === undefined || rows.has(c.id) === filter.written)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id - a.id)
    .map((c) => {
      const r = rows.get(c.id);
      return {
        campaign: { id: c.id, key: c.key, name: c.name, edition: c.edition, seriesKey: c.series.key, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status },
        retrospective: r ? {
          updatedAt: r.updated_at,
          updatedBy: r.updated_by === null ? null : { id: r.updated_by, name: r.updater_name ?? '' },
          actions: (JSON.parse(r.actions) as unknown[]).length,
        } : null,
      };
    });
  return { items };
}
