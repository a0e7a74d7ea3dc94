// API contract of deposit settlement (押金结算): the settlement view of a campaign, decisions, refund marks, the
// refund list for finance.
import { z } from 'zod';
import { text } from '../http/schemas.js';

export const SETTLEMENT_CLASSES = ['eligible', 'borderline', 'not_eligible'] as const;
export const SETTLEMENT_DECISIONS = ['refund', 'forfeit'] as const;
/** At most this many enrollments in one decision request (a campaign holds up to ~1,000 people). */
export const MAX_DECISION_IDS = 1000;

const settlementClass = z.enum(SETTLEMENT_CLASSES);
const decision = z.enum(SETTLEMENT_DECISIONS);
const staffRef = z.object({ id: z.number(), name: z.string() }).nullable();
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const settlementRow = z.object({
  enrollmentId: z.number(),
  status: z.enum(['active', 'cancelled']),
  cancelledAt: z.string().nullable(),
  member: z.object({ memberNo: z.number(), nickname: z.string(), phone: z.string().nullable() }),
  paidCents: z.number(),
  /** What a refund decision gives back: the deposit part of what was paid (see definitions.refundDueCents). */
  refundDueCents: z.number(),
  /** Days that count toward the refund (checkins/progress.ts), without grace. */
  countedForRefund: z.number(),
  /** countedForRefund + graceDays: what the class is judged on. */
  days: z.number(),
  /** Days missing to daysRequiredForRefund (0 when met). */
  short: z.number(),
  class: settlementClass,
  decision: decision.nullable(),
  /** The class and days the decision was taken on. */
  decisionClass: settlementClass.nullable(),
  decisionDays: z.number().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: staffRef,
  /** A decision exists and the class has changed since it was taken (say a make-up approved later): look again. */
  stale: z.boolean(),
  refundCents: z.number().nullable(),
  refundedAt: z.string().nullable(),
  refundReference: z.string().nullable(),
  refundedBy: staffRef,
});
export type SettlementRow = z.infer<typeof settlementRow>;

export const settlementSummary = z.object({
  enrollments: z.number(),
  eligible: z.number(),
  borderline: z.number(),
  notEligible: z.number(),
  decidedRefund: z.number(),
  decidedForfeit: z.number(),
  undecided: z.number(),
  stale: z.number(),
  refunded: z.number(),
  cancelled: z.number(),
});

export const settlementLedger = z.object({
  collectedCents: z.number(),
  refundedCents: z.number(),
  forfeitedCents: z.number(),
  pendingCents: z.number(),
  netCents: z.number(),
  awaitingRefundCents: z.number(),
});

export const settlementOut = z.object({
  campaign: z.object({
    id: z.number(), key: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string(), timezone: z.string(), depositCents: z.number(),
  }),
  /** Today (campaign zone) is after endsOn: decisions are accepted. Before that the classes are a preview. */
  open: z.boolean(),
  /** The first date (campaign zone) decisions are accepted: the day after endsOn. */
  opensOn: z.string(),
  rules: z.object({ daysRequiredForRefund: z.number(), graceDays: z.number(), borderlineDays: z.number() }),
  summary: settlementSummary,
  ledger: settlementLedger,
  /** What each number of summary, ledger and the rows means; shown by the console beside the numbers. */
  definitions: z.record(z.string(), z.string()),
  /** Active enrollments, by member number. */
  items: z.array(settlementRow),
  /** Cancelled enrollments, apart: no class counts, but money they paid is in the ledger and may be decided by id. */
  cancelled: z.array(settlementRow),
});
export type SettlementOut = z.infer<typeof settlementOut>;

export const decisionBody = z.strictObject({
  enrollmentIds: z.array(id).min(1).max(MAX_DECISION_IDS, `at most ${MAX_DECISION_IDS} per request`).optional(),
  class: settlementClass.optional(),
  decision,
  /** Required to forfeit an enrollment whose class is eligible. */
  reason: text(500).optional(),
}).superRefine((body, ctx) => {
  if ((body.enrollmentIds === undefined) === (body.class === undefined)) {
    const message = 'give exactly one of enrollmentIds and class';
    ctx.addIssue({ code: 'custom', path: ['enrollmentIds'], message });
    ctx.addIssue({ code: 'custom', path: ['class'], message });
  }
  const seen = new Set<number>();
  body.enrollmentIds?.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: ['enrollmentIds', index], message: 'listed twice' });
    seen.add(value);
  });
});
export type DecisionBody = z.infer<typeof decisionBody>;

export const decisionOut = z.object({
  changed: z.number(),
  unchanged: z.number(),
  /** A decision by class leaves some rows alone and says why (code settlement.unpaid, .already_refunded, .already_decided). */
  skipped: z.array(z.object({ enrollmentId: z.number(), memberNo: z.number(), code: z.string(), message: z.string() })),
  /** The enrollments decided (changed or unchanged), as they are now. */
  items: z.array(settlementRow),
});
export type DecisionOut = z.infer<typeof decisionOut>;

export const refundBody = z.strictObject({
  amountCents: z.number().int('must be whole cents').min(1).max(100_000_000),
  /** When the money left (default: now). */
  refundedAt: z.iso.datetime({ offset: true, message: 'must be a date-time like 2026-12-23T10:00:00+08:00' }).optional(),
  /** The payment provider's or bank's transaction number (退款流水号). */
  reference: text(100),
});
export type RefundBody = z.infer<typeof refundBody>;

export const exportQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
