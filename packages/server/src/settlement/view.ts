// The settlement of a campaign as numbers: each enrollment's class from its check-ins (through checkins/progress.ts,
// never counted here), the summary, the ledger, and what every number means. Pure: the service reads, this adds up.
import { addDays, campaignDay, localDate, type CheckinRules } from '../campaigns/rules.js';
import { progressOf, settlementClass, type CheckinFacts } from '../checkins/progress.js';
import type { CheckinFlag, ReviewStatus } from '../db/schema.js';
import type { EnrollmentRow } from './queries.js';
import type { SettlementOut, SettlementRow } from './schema.js';

export interface SettlementCampaign {
  id: number;
  key: string;
  name: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  depositCents: number;
  rules: CheckinRules;
}

export interface CheckinFactRow {
  enrollment_id: number;
  day_index: number;
  makeup: number;
  review_status: ReviewStatus;
  flags: string;
}

/** Settlement opens the day after endsOn in the campaign's zone; before that classes are a preview. */
export function settlementWindow(campaign: Pick<SettlementCampaign, 'endsOn' | 'timezone'>, now: Date) {
  const today = localDate(now, campaign.timezone);
  return { today, open: today > campaign.endsOn, opensOn: addDays(campaign.endsOn, 1) };
}

/**
 * What a refund gives back: the deposit part of what was paid (the price is not refunded by the check-in rule). A
 * campaign without a deposit refunds what was paid (全额返, a full refund for completing).
 */
export function refundDue(paidCents: number, depositCents: number): number {
  return depositCents > 0 ? Math.min(paidCents, depositCents) : paidCents;
}

const staffRef = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** One settlement row per enrollment, in the order given. */
export function toRows(campaign: SettlementCampaign, rows: readonly EnrollmentRow[], facts: readonly CheckinFactRow[], now: Date): SettlementRow[] {
  const byEnrollment = new Map<number, CheckinFacts[]>();
  for (const f of facts) {
    const list = byEnrollment.get(f.enrollment_id) ?? [];
    list.push({ dayIndex: f.day_index, makeup: Boolean(f.makeup), reviewStatus: f.review_status, flags: JSON.parse(f.flags) as CheckinFlag[] });
    byEnrollment.set(f.enrollment_id, list);
  }
  const today = campaignDay(campaign, now).dayIndex;
  return rows.map((r) => {
    const progress = progressOf(byEnrollment.get(r.id) ?? [], campaign.rules, today);
    const judged = settlementClass(progress.countedForRefund, campaign.rules);
    return {
      enrollmentId: r.id,
      status: r.status,
      cancelledAt: r.cancelled_at,
      member: { memberNo: r.member_no, nickname: r.nickname, phone: r.phone },
      paidCents: r.paid_cents,
      refundDueCents: refundDue(r.paid_cents, campaign.depositCents),
      countedForRefund: progress.countedForRefund,
      days: judged.days,
      short: judged.short,
      class: judged.class,
      decision: r.settlement_decision,
      decisionClass: r.settlement_class,
      decisionDays: r.settlement_days,
      decisionReason: r.settlement_reason,
      decidedAt: r.settled_at,
      decidedBy: staffRef(r.settled_by, r.decider_name),
      stale: r.settlement_decision !== null && r.settlement_class !== judged.class,
      refundCents: r.refund_cents,
      refundedAt: r.refunded_at,
      refundReference: r.refund_ref,
      refundedBy: staffRef(r.refunded_by, r.refunder_name),
    };
  });
}

/** What each number means. Returned with the numbers; the console shows it beside them. */
export const SETTLEMENT_DEFINITIONS: Record<string, string> = {
  countedForRefund: 'Per enrollment: campaign days 1..daysTotal with a check-in that counts (not rejected; a make-up that needs approval only once approved), make-ups only when the make-up rule counts them for the refund.',
  days: 'Per enrollment: countedForRefund + graceDays (宽限). The class is judged on this number.',
  short: 'Per enrollment: max(0, daysRequiredForRefund − days).',
  class: 'eligible when short = 0; borderline (临界) when 1 ≤ short ≤ borderlineDays, not refunded unless a person decides so; not_eligible otherwise. Before the campaign has ended the class is a preview on the days so far.',
  stale: 'Per enrollment: a decision exists and the class it was taken on differs from the class now (say a make-up was approved after the decision).',
  refundDueCents: 'Per enrollment: what a refund decision gives back: min(paidCents, depositCents), or paidCents when the campaign has no deposit (全额返). A refund mark may differ (1..paidCents).',
  enrollments: 'Active enrollments of the campaign (cancelled ones are listed apart and counted in `cancelled` only).',
  eligible: 'Active enrollments whose class is eligible now.',
  borderline: 'Active enrollments whose class is borderline now.',
  notEligible: 'Active enrollments whose class is not_eligible now.',
  decidedRefund: 'Active enrollments with the decision refund (refunded or not yet).',
  decidedForfeit: 'Active enrollments with the decision forfeit.',
  undecided: 'Active enrollments with no decision yet.',
  refunded: 'Active enrollments marked refunded.',
  cancelled: 'Cancelled enrollments of the campaign.',
  collectedCents: 'Σ of the payments recorded for the campaign\'s enrollments, active or cancelled.',
  refundedCents: 'Σ of the refunds marked (refundCents) on the campaign\'s enrollments, active or cancelled.',
  forfeitedCents: 'Σ of paidCents of the campaign\'s enrollments (active or cancelled) with the decision forfeit.',
  pendingCents: 'collectedCents − refundedCents − forfeitedCents: money neither refunded nor forfeited yet (undecided, decided refund but not yet refunded, and what a refund kept back, such as the price).',
  netCents: 'collectedCents − refundedCents: what the campaign keeps once the refunds marked so far are paid.',
  awaitingRefundCents: 'Σ of refundDueCents of the enrollments (active or cancelled) decided refund and not yet marked refunded: what finance still has to pay out.',
};

/** The whole settlement answer from the rows (active and cancelled) and the payments' total. */
export function settlementOf(campaign: SettlementCampaign, all: SettlementRow[], collectedCents: number, now: Date): SettlementOut {
  const items = all.filter((r) => r.status === 'active');
  const cancelled = all.filter((r) => r.status === 'cancelled');
  const count = (pred: (r: SettlementRow) => boolean) => items.filter(pred).length;
  const sum = (rows: SettlementRow[], value: (r: SettlementRow) => number) => rows.reduce((t, r) => t + value(r), 0);
  const refundedCents = sum(all, (r) => r.refundCents ?? 0);
  const forfeitedCents = sum(all.filter((r) => r.decision === 'forfeit'), (r) => r.paidCents);
  const { open, opensOn } = settlementWindow(campaign, now);
  const { daysRequiredForRefund, graceDays, borderlineDays } = campaign.rules;
  return {
    campaign: {
      id: campaign.id, key: campaign.key, name: campaign.name, startsOn: campaign.startsOn, endsOn: campaign.endsOn,
      timezone: campaign.timezone, depositCents: campaign.depositCents,
    },
    open,
    opensOn,
    rules: { daysRequiredForRefund, graceDays, borderlineDays },
    summary: {
      enrollments: items.length,
      eligible: count((r) => r.class === 'eligible'),
      borderline: count((r) => r.class === 'borderline'),
      notEligible: count((r) => r.class === 'not_eligible'),
      decidedRefund: count((r) => r.decision === 'refund'),
      decidedForfeit: count((r) => r.decision === 'forfeit'),
      undecided: count((r) => r.decision === null),
      stale: count((r) => r.stale),
      refunded: count((r) => r.refundedAt !== null),
      cancelled: cancelled.length,
    },
    ledger: {
      collectedCents,
      refundedCents,
      forfeitedCents,
      pendingCents: collectedCents - refundedCents - forfeitedCents,
      netCents: collectedCents - refundedCents,
      awaitingRefundCents: sum(all.filter((r) => r.decision === 'refund' && r.refundedAt === null), (r) => r.refundDueCents),
    },
    definitions: SETTLEMENT_DEFINITIONS,
    items,
    cancelled,
  };
}
