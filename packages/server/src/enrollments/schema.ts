// API contract for enrollments (报名) and their payments, staff side and member side (docs/api-campaign-run.md).
import { z } from 'zod';
import type { CheckinRules } from '../campaigns/rules.js';
import { CAMPAIGN_STATUSES } from '../campaigns/schema.js';
import { pageQuery, text } from '../http/schemas.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const memberNo = z.number().int().min(1).max(999_999_999_999);
const instant = z.iso.datetime({ offset: true, message: 'must be a date-time like 2026-03-01T09:00:00+08:00' });
/** A payment's reference at the provider or bank (流水号): unique per workspace, so a notice or file row is applied once. */
const reference = z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters');

export const PAYMENT_STATUSES = ['free', 'unpaid', 'partial', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const ENROLLMENT_STATUSES = ['active', 'cancelled'] as const;
/** A campaign key as members see it in their links (X3). */
export const CAMPAIGN_KEY = /^[A-Z][A-Z0-9]{0,15}$/;
export const campaignKeyParam = z.strictObject({ key: z.string().regex(CAMPAIGN_KEY, 'must be a campaign key like X3') });

export function paymentStatusOf(amountDueCents: number, paidCents: number): PaymentStatus {
  if (amountDueCents === 0) return 'free';
  if (paidCents === 0) return 'unpaid';
  return paidCents < amountDueCents ? 'partial' : 'paid';
}

// ---- member side ------------------------------------------------------------------------------------------------

/** The parts of the check-in rule a member sees before and after signing up. */
export const memberRulesOut = z.object({
  daysTotal: z.number(),
  daysRequiredForRefund: z.number(),
  dayWindow: z.object({ start: z.string(), end: z.string() }),
  reminderTime: z.string(),
  makeupAllowed: z.boolean(),
  requirePhoto: z.boolean(),
});

export function memberRules(rules: CheckinRules): z.infer<typeof memberRulesOut> {
  return {
    daysTotal: rules.daysTotal, daysRequiredForRefund: rules.daysRequiredForRefund, dayWindow: rules.dayWindow,
    reminderTime: rules.reminderTime, makeupAllowed: rules.makeup.allowed, requirePhoto: rules.requirePhoto,
  };
}

export const memberEnrollmentOut = z.object({
  id: z.number(),
  campaignKey: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  amountDueCents: z.number(),
  paidCents: z.number(),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  createdAt: z.string(),
});
export type MemberEnrollment = z.infer<typeof memberEnrollmentOut>;

export const memberOut = z.object({ memberNo: z.number(), nickname: z.string() });

export const meOut = z.object({
  member: memberOut,
  enrollments: z.array(z.object({
    campaign: z.object({
      key: z.string(), name: z.string(), theme: z.string(), startsOn: z.string(), endsOn: z.string(), timezone: z.string(),
      status: z.enum(CAMPAIGN_STATUSES),
    }),
    enrollment: memberEnrollmentOut,
  })),
});
export type MeOut = z.infer<typeof meOut>;

export const MAX_MEMBER_EVENTS = 50;
export const memberEventsBody = z.strictObject({
  events: z.array(z.unknown()).min(1, 'must hold at least one event').max(MAX_MEMBER_EVENTS, `at most ${MAX_MEMBER_EVENTS} events per call`),
});

// ---- staff side -------------------------------------------------------------------------------------------------

export const enrollmentOut = z.object({
  id: z.number(),
  campaignId: z.number(),
  member: z.object({ id: z.number(), memberNo: z.number(), nickname: z.string(), phone: z.string().nullable() }),
  channel: z.object({ id: z.number(), name: z.string() }).nullable(),
  group: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** 'signup' (member pages), 'staff' (console/API). */
  source: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  amountDueCents: z.number(),
  paidCents: z.number(),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  /** When the amount due was fully paid (null while unpaid or partial). */
  paidAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  progress: z.object({ counted: z.number(), countedForRefund: z.number(), requiredForRefund: z.number(), completed: z.boolean(), streak: z.number() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnrollmentOut = z.infer<typeof enrollmentOut>;

export const listEnrollmentsQuery = z.strictObject({
  q: z.string().trim().max(64, 'must be at most 64 characters').optional(),
  payment: z.enum(PAYMENT_STATUSES).optional(),
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  ...pageQuery,
});
export type ListEnrollmentsQuery = z.infer<typeof listEnrollmentsQuery>;

export const createEnrollmentBody = z.strictObject({ memberNo, channelId: id.nullable().optional() });
export const cancelBody = z.strictObject({ reason: text(500) });

export const paymentOut = z.object({
  id: z.number(),
  enrollmentId: z.number(),
  amountCents: z.number(),
  paidAt: z.string(),
  reference: z.string().nullable(),
  /** 'manual', 'csv' or 'webhook'. */
  source: z.string(),
  createdAt: z.string(),
});
export type PaymentOut = z.infer<typeof paymentOut>;

export const paymentBody = z.strictObject({
  amountCents: z.number().int('must be whole cents').min(1, 'must be more than 0').max(100_000_000, 'must be at most 100000000'),
  paidAt: instant.optional(),
  reference: reference.optional(),
});
export type PaymentInput = z.infer<typeof paymentBody>;

export const paymentResultOut = z.object({
  /** 'duplicate': a payment with this reference was recorded before; nothing changed. */
  status: z.enum(['applied', 'duplicate']),
  payment: paymentOut,
  enrollment: enrollmentOut,
});

export const importResultOut = z.object({
  applied: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ row: z.number(), field: z.string(), reason: z.string() })),
});
export type ImportResult = z.infer<typeof importResultOut>;

export const webhookSecretOut = z.object({
  /** Shown once: the provider (or its relay) signs each notice's raw body with it. */
  secret: z.string(),
  url: z.string(),
  header: z.string(),
});

/** The payment notice a provider (or a relay in front of it) posts, signed (webhook.ts). */
export const paymentNotice = z.strictObject({
  reference,
  campaignKey: z.string().regex(CAMPAIGN_KEY, 'must be a campaign key like X3'),
  memberNo: memberNo.optional(),
  phone: z.string().trim().min(1, 'must not be empty').max(32, 'must be at most 32 characters').optional(),
  amountCents: paymentBody.shape.amountCents,
  paidAt: instant.optional(),
});
export type PaymentNotice = z.infer<typeof paymentNotice>;

export const noticeResultOut = z.object({ status: z.enum(['applied', 'duplicate']) });
