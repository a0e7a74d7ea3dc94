// A campaign's check-in rule (打卡规则) and the one function that says which campaign day an instant belongs to.
// Every feature that asks "which day is this check-in for?" calls campaignDay(); nothing else does date maths.
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 20:00');

/**
 * The part of each local day that counts for that day. Both ends are minutes in the campaign's zone, and the end
 * minute is included: 00:00–23:59 is the whole calendar day (until 23:59:59.999).
 * When end < start the window crosses midnight: 06:00–01:00 means the day D runs from D 06:00 to D+1 01:00:59.999,
 * so a check-in at 00:30 on D+1 counts for day D. Instants outside every window (01:01–05:59 here) are attributed to
 * the calendar date they fall on, with inWindow = false.
 */
export const dayWindow = z.strictObject({ start: hhmm, end: hhmm })
  .refine((w) => w.start !== w.end, { message: 'start and end must differ', path: ['end'] });

const count = (max: number) => z.number().int().min(0).max(max);

export const makeupPolicy = z.strictObject({
  allowed: z.boolean(),
  /** How many make-ups one member may use in one campaign. */
  maxPerCampaign: count(366),
  /** A missed day may be made up within this many days after it. */
  windowDays: count(366),
  countsForRefund: z.boolean(),
  countsForStreak: z.boolean(),
  needsApproval: z.boolean(),
});

export const DEFAULT_MAKEUP: MakeupPolicy = {
  allowed: false, maxPerCampaign: 2, windowDays: 3, countsForRefund: true, countsForStreak: false, needsApproval: true,
};

export const DEFAULT_DAY_WINDOW = { start: '00:00', end: '23:59' } as const;

export const checkinRulesShape = {
  daysTotal: z.number().int().min(1).max(366),
  daysRequiredForCompletion: count(366),
  daysRequiredForRefund: count(366),
  dayWindow,
  /** Extra days added to a member's count at settlement (e.g. 1 for a sync delay or one forgiven miss). */
  graceDays: count(30),
  makeup: makeupPolicy,
  reminderTime: hhmm,
  /** A check-in without a photo goes to the review queue (flag missing_media). */
  requirePhoto: z.boolean(),
  /** At settlement, members short of the refund threshold by at most this many days are "borderline" (临界). */
  borderlineDays: count(30),
};

export const checkinRules = z.strictObject(checkinRulesShape);
export type CheckinRules = z.infer<typeof checkinRules>;
export type MakeupPolicy = z.infer<typeof makeupPolicy>;

export const DEFAULT_RULES: CheckinRules = {
  daysTotal: 21,
  daysRequiredForCompletion: 15,
  daysRequiredForRefund: 15,
  dayWindow: { ...DEFAULT_DAY_WINDOW },
  graceDays: 1,
  makeup: { ...DEFAULT_MAKEUP },
  reminderTime: '20:00',
  requirePhoto: false,
  borderlineDays: 2,
};

/** What a client may send: any part of the rule; the rest comes from the defaults (create) or the current rule (edit). */
export const checkinRulesInput = z.strictObject({
  ...checkinRulesShape,
  makeup: makeupPolicy.partial(),
}).partial();
export type CheckinRulesInput = z.infer<typeof checkinRulesInput>;

export function mergeRules(base: CheckinRules, input: CheckinRulesInput = {}): CheckinRules {
  return { ...base, ...input, dayWindow: input.dayWindow ?? base.dayWindow, makeup: { ...base.makeup, ...input.makeup } };
}

/** Rules that contradict themselves, as error fields under `rules.` (empty when the rule is consistent). */
export function ruleProblems(rules: CheckinRules): Record<string, string> {
  const problems: Record<string, string> = {};
  if (rules.daysRequiredForCompletion > rules.daysTotal) problems['rules.daysRequiredForCompletion'] = 'must not exceed daysTotal';
  if (rules.daysRequiredForRefund > rules.daysTotal) problems['rules.daysRequiredForRefund'] = 'must not exceed daysTotal';
  if (rules.makeup.maxPerCampaign > rules.daysTotal) problems['rules.makeup.maxPerCampaign'] = 'must not exceed daysTotal';
  if (rules.borderlineDays > rules.daysRequiredForRefund) problems['rules.borderlineDays'] = 'must not exceed daysRequiredForRefund';
  return problems;
}

/** The saved rule read back: whatever older rows lack is filled from the defaults. */
export function parseStoredRules(json: string): CheckinRules {
  const stored = JSON.parse(json) as Partial<CheckinRules>;
  return mergeRules(DEFAULT_RULES, stored as CheckinRulesInput);
}

// ---- dates and time zones -------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical name of an IANA time zone, or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The last answer per zone: check-ins arrive many a minute, and formatToParts is the costly part of campaignDay. */
const lastLocal = new Map<string, { minuteStart: number; local: { date: string; minute: number } }>();

/** The calendar date and wall-clock minute of an instant in a zone. */
export function localTime(instant: Date, timeZone: string): { date: string; minute: number } {
  // Every zone's offset is a whole number of minutes, so one UTC minute is one local minute.
  const minuteStart = Math.floor(instant.getTime() / 60_000);
  const last = lastLocal.get(timeZone);
  if (last && last.minuteStart === minuteStart) return last.local;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const local = { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
  lastLocal.set(timeZone, { minuteStart, local });
  return local;
}

/** Today's date in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localTime(instant, timeZone).date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Whole days from date a to date b (both YYYY-MM-DD): 2026-03-01 → 2026-03-03 is 2. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export interface CampaignClock {
  startsOn: string;
  endsOn: string;
  timezone: string;
  rules: Pick<CheckinRules, 'dayWindow'>;
}

export interface CampaignDay {
  /** 1 on startsOn; below 1 before the campaign, above daysTotal after it. */
  dayIndex: number;
  /** The local date (campaign zone) of the day the instant counts for. */
  date: string;
  /** Whether the instant falls inside that day's check-in window. */
  inWindow: boolean;
}

/**
 * Which campaign day an instant belongs to. The instant is absolute (a member's device zone plays no part): it is
 * read in the campaign's zone, then the day window decides the day (see `dayWindow` for a window crossing midnight).
 */
export function campaignDay(campaign: CampaignClock, instant: Date): CampaignDay {
  const { date, minute } = localTime(instant, campaign.timezone);
  const start = minutes(campaign.rules.dayWindow.start);
  const end = minutes(campaign.rules.dayWindow.end);
  let day = date;
  let inWindow: boolean;
  if (start <= end) {
    inWindow = minute >= start && minute <= end;
  } else if (minute >= start) {
    inWindow = true;
  } else if (minute <= end) {
    // The small hours still belong to yesterday's window.
    day = addDays(date, -1);
    inWindow = true;
  } else {
    inWindow = false;
  }
  return { dayIndex: daysBetween(campaign.startsOn, day) + 1, date: day, inWindow };
}
