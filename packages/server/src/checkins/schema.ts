// API contract of daily check-ins (docs/api-campaign-run.md): what a member sends and sees on the member pages, and
// what staff list, review, rank and remind. One input schema serves the JSON and the multipart variant.
import { z } from 'zod';
import { checkinRules, isIsoDate } from '../campaigns/rules.js';
import { CAMPAIGN_STATUSES } from '../campaigns/schema.js';
import { AppError, invalid } from '../http/errors.js';
import { pageQuery } from '../http/schemas.js';

export const CHECKIN_FLAGS = ['missing_media', 'duplicate_photo', 'late', 'edited', 'makeup'] as const;
export const REVIEW_STATUSES = ['none', 'pending', 'approved', 'rejected'] as const;
export const CALENDAR_STATES = ['done', 'makeup', 'pending', 'rejected', 'missed', 'today', 'future'] as const;
export const LEADERBOARD_PERIODS = ['today', 'week', 'total'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

export const MAX_TEXT = 2000;
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_BULK_REVIEW = 500;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().refine(isIsoDate, 'must be a date like 2026-03-01');

/** The check-in a member sends: `day` only to make up a past day (补卡). Photos travel as multipart files. */
export const checkinInput = z.strictObject({
  text: z.string().trim().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters').default(''),
  day: z.number().int('must be a whole day number').min(1, 'must be at least 1').max(366, 'must be at most 366').optional(),
});
export type CheckinInput = z.infer<typeof checkinInput>;

/** Validates a JSON body or the text fields of a form with `checkinInput`, naming the fields at fault. */
export function parseCheckinInput(raw: unknown): CheckinInput {
  const parsed = checkinInput.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[key] = 'unknown field';
    else fields[issue.path.map(String).join('.') || '(body)'] ??= issue.message;
  }
  throw invalid('validation.failed', `Invalid body: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, fields);
}

export const enrollmentNotFound = () => new AppError(404, 'enrollment.not_found', 'You are not enrolled in this campaign');

export const keyParam = z.strictObject({ key: z.string().regex(/^[A-Z][A-Z0-9]{0,15}$/, 'must be a campaign key like X3') });
export const photoParam = z.strictObject({ id });
export const checkinPhotoParam = z.strictObject({ id, photoId: id });

const flags = z.array(z.enum(CHECKIN_FLAGS));

export const memberCheckinOut = z.object({
  id: z.number(),
  dayIndex: z.number(),
  date: z.string(),
  text: z.string(),
  photos: z.array(z.object({ id: z.number(), url: z.string() })),
  makeup: z.boolean(),
  flags,
  reviewStatus: z.enum(REVIEW_STATUSES),
  /** Why a reviewer rejected (or approved) it, when one did. */
  reviewReason: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  editCount: z.number(),
});
export type MemberCheckin = z.infer<typeof memberCheckinOut>;

export const progressOut = z.object({
  counted: z.number(),
  countedForRefund: z.number(),
  requiredForRefund: z.number(),
  requiredForCompletion: z.number(),
  remaining: z.number(),
  completed: z.boolean(),
  streak: z.number(),
  longestStreak: z.number(),
  makeupsUsed: z.number(),
  makeupsLeft: z.number(),
  daysTotal: z.number(),
});

export const memberHomeOut = z.object({
  campaign: z.object({
    key: z.string(), name: z.string(), theme: z.string(), startsOn: z.string(), endsOn: z.string(), timezone: z.string(),
    priceCents: z.number(), depositCents: z.number(), status: z.enum(CAMPAIGN_STATUSES), rules: checkinRules,
  }),
  member: z.object({ memberNo: z.number(), nickname: z.string() }),
  enrollment: z.object({
    id: z.number(), status: z.enum(['active', 'cancelled']), amountDueCents: z.number(), paidCents: z.number(),
    paymentStatus: z.enum(['free', 'unpaid', 'partial', 'paid']), createdAt: z.string(),
  }),
  group: z.object({ name: z.string(), qrUrl: z.string(), qrExpiresAt: z.string().nullable() }).nullable(),
  /** Shown instead of the group when no group could take the member (the channel's fallback message). */
  groupMessage: z.string().nullable(),
  today: z.object({
    dayIndex: z.number(), date: z.string(), inWindow: z.boolean(), checkin: memberCheckinOut.nullable(), canCheckIn: z.boolean(),
    reason: z.enum(['not_started', 'ended', 'cancelled']).nullable(),
  }),
  progress: progressOut,
  calendar: z.array(z.object({ dayIndex: z.number(), date: z.string(), state: z.enum(CALENDAR_STATES), makeupPossible: z.boolean() })),
  settlement: z.object({
    class: z.enum(['eligible', 'borderline', 'not_eligible']).nullable(),
    decision: z.enum(['refund', 'forfeit']).nullable(),
    refundCents: z.number().nullable(),
    refundedAt: z.string().nullable(),
    open: z.boolean(),
  }),
});
export type MemberHome = z.infer<typeof memberHomeOut>;

export const leaderboardQuery = z.strictObject({ period: z.enum(LEADERBOARD_PERIODS).default('total') });

const leaderItem = { rank: z.number(), memberNo: z.number(), nickname: z.string(), count: z.number(), streak: z.number(), at: z.string().nullable() };
export const memberLeaderboardOut = z.object({
  period: z.enum(LEADERBOARD_PERIODS),
  items: z.array(z.object(leaderItem)),
  me: z.object({ rank: z.number(), count: z.number() }).nullable(),
});
export const staffLeaderboardOut = z.object({
  period: z.enum(LEADERBOARD_PERIODS),
  items: z.array(z.object({ ...leaderItem, memberId: z.number(), enrollmentId: z.number() })),
  me: z.null(),
});

const memberRef = z.object({ id: z.number(), memberNo: z.number(), nickname: z.string() });

export const staffCheckinOut = z.object({
  id: z.number(),
  campaignId: z.number(),
  campaignKey: z.string(),
  campaignName: z.string(),
  enrollmentId: z.number(),
  member: memberRef,
  dayIndex: z.number(),
  date: z.string(),
  text: z.string(),
  photos: z.array(z.object({ id: z.number(), url: z.string(), mime: z.string(), bytes: z.number() })),
  makeup: z.boolean(),
  flags,
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewReason: z.string().nullable(),
  /** The staff member who approved or rejected it. */
  reviewedBy: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  editCount: z.number(),
  /** Whether the day counts now (checkins/progress.ts counts()). */
  counts: z.boolean(),
});
export type StaffCheckin = z.infer<typeof staffCheckinOut>;

export const campaignCheckinsQuery = z.strictObject({
  day: z.coerce.number().int().min(1).max(366).optional(),
  memberNo: z.coerce.number().int().min(1).max(999_999_999_999).optional(),
  ...pageQuery,
});

export const reviewQueueQuery = z.strictObject({
  campaignId: id.optional(),
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  ...pageQuery,
});

const decision = z.enum(['approve', 'reject']);
const reason = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional();

export const reviewBody = z.strictObject({ decision, reason });
export type ReviewInput = z.infer<typeof reviewBody>;

export const bulkReviewBody = z.strictObject({
  ids: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1, 'at least one id').max(MAX_BULK_REVIEW, `at most ${MAX_BULK_REVIEW} ids`),
  decision,
  reason,
});

export const bulkReviewOut = z.object({ reviewed: z.number(), ids: z.array(z.number()) });

export const absenteesQuery = z.strictObject({ date: isoDate.optional() });

export const absenteesOut = z.object({
  date: z.string(),
  dayIndex: z.number(),
  reminderTime: z.string(),
  /** False when no group membership of this campaign's groups is known at all: then nobody can be told apart by group. */
  groupKnown: z.boolean(),
  /** Why the list is what it is, when that needs saying (memberships unknown; not a day of the campaign). */
  note: z.string().nullable(),
  counts: z.object({ enrolled: z.number(), inGroup: z.number(), checkedIn: z.number(), absent: z.number() }),
  items: z.array(z.object({
    enrollmentId: z.number(),
    member: memberRef,
    inGroup: z.boolean(),
    group: z.object({ id: z.number(), name: z.string() }).nullable(),
    /** Days counting toward the refund, the refund threshold, and what is still missing. */
    counted: z.number(),
    required: z.number(),
    remaining: z.number(),
    streak: z.number(),
    lastCheckin: z.object({ dayIndex: z.number(), date: z.string(), at: z.string() }).nullable(),
  })),
});
export type AbsenteesOut = z.infer<typeof absenteesOut>;
