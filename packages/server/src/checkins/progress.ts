// What a member's check-ins add up to: the days that count (for completion, for the refund, for the streak), the
// progress sentence 已打卡 12/15，还差 3 天, and the settlement class. Pure: the member pages, the console, the
// absentee list and settlement all call these, so they can never disagree.
import type { CheckinRules } from '../campaigns/rules.js';
import type { CheckinFlag, ReviewStatus, SettlementClass } from '../db/schema.js';

export interface CheckinFacts {
  dayIndex: number;
  makeup: boolean;
  reviewStatus: ReviewStatus;
  flags: readonly CheckinFlag[];
}

/**
 * Whether a check-in counts at all. Review is by exception: a flagged check-in (late, edited, no photo, a photo
 * seen before) counts until a reviewer rejects it. A make-up whose policy needs approval counts only once approved.
 */
export function counts(c: CheckinFacts, rules: Pick<CheckinRules, 'daysTotal' | 'makeup'>): boolean {
  if (c.dayIndex < 1 || c.dayIndex > rules.daysTotal) return false;
  if (c.reviewStatus === 'rejected') return false;
  if (c.makeup && rules.makeup.needsApproval && c.reviewStatus !== 'approved') return false;
  return true;
}

export interface Progress {
  /** Days checked in that count (make-ups included). */
  counted: number;
  /** Days that count toward the refund (make-ups only when the policy says so). */
  countedForRefund: number;
  requiredForRefund: number;
  requiredForCompletion: number;
  /** Days still missing for the refund (0 when met). */
  remaining: number;
  completed: boolean;
  /** Consecutive counting days ending today (or yesterday, while today is still open). */
  streak: number;
  longestStreak: number;
  makeupsUsed: number;
  makeupsLeft: number;
  daysTotal: number;
}

/** `today` is the campaign day index now (campaignDay().dayIndex); it may lie before or after the campaign. */
export function progressOf(checkins: readonly CheckinFacts[], rules: CheckinRules, today: number): Progress {
  const counting = checkins.filter((c) => counts(c, rules));
  const forRefund = counting.filter((c) => !c.makeup || rules.makeup.countsForRefund).length;
  const streakDays = new Set(counting.filter((c) => !c.makeup || rules.makeup.countsForStreak).map((c) => c.dayIndex));
  let longest = 0;
  let run = 0;
  for (let d = 1; d <= rules.daysTotal; d++) {
    run = streakDays.has(d) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const last = Math.min(today, rules.daysTotal);
  let streak = 0;
  // Today still open: the streak runs up to yesterday until today's check-in arrives.
  for (let d = streakDays.has(last) ? last : last - 1; d >= 1 && streakDays.has(d); d--) streak++;
  // Make-ups used include pending and rejected ones: the quota is spent when the member asks.
  const makeupsUsed = checkins.filter((c) => c.makeup).length;
  return {
    counted: counting.length,
    countedForRefund: forRefund,
    requiredForRefund: rules.daysRequiredForRefund,
    requiredForCompletion: rules.daysRequiredForCompletion,
    remaining: Math.max(0, rules.daysRequiredForRefund - forRefund),
    completed: counting.length >= rules.daysRequiredForCompletion,
    streak,
    longestStreak: longest,
    makeupsUsed,
    makeupsLeft: rules.makeup.allowed ? Math.max(0, rules.makeup.maxPerCampaign - makeupsUsed) : 0,
    daysTotal: rules.daysTotal,
  };
}

/**
 * The settlement class of an enrollment: grace days (宽限) are added to the refund count; short by at most
 * `borderlineDays` is borderline (临界, not refunded by default: a person decides).
 */
export function settlementClass(countedForRefund: number, rules: Pick<CheckinRules, 'daysRequiredForRefund' | 'graceDays' | 'borderlineDays'>): { class: SettlementClass; days: number; short: number } {
  const days = countedForRefund + rules.graceDays;
  const short = Math.max(0, rules.daysRequiredForRefund - days);
  const cls: SettlementClass = short === 0 ? 'eligible' : short <= rules.borderlineDays ? 'borderline' : 'not_eligible';
  return { class: cls, days, short };
}
