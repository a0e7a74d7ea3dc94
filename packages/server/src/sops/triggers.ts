// When a step falls due: the four trigger kinds, how their values are written and checked, the campaign-day
// numbering (D-1 is the day before D1, there is no D0), and the UTC instant of a local wall-clock time.
import { addDays, daysBetween, isIsoDate, localTime } from '../campaigns/rules.js';

/** Campaign-day offsets reach this far before and after a campaign (D-60 … D400). */
const MAX_DAY_OFFSET = 400;
const MIN_DAY_OFFSET = -60;
const MAX_GROUP_AGE = 3650;

const INTEGER = /^-?\d{1,4}$/;
const RANGE = /^(-?\d{1,4})\.\.(-?\d{1,4})$/;

/** What is wrong with a trigger value for its kind, or null when it is fine. */
export function triggerProblem(kind: string, value: string): string | null {
  switch (kind) {
    case 'campaign_day': {
      const range = RANGE.exec(value);
      const ends = range ? [Number(range[1]), Number(range[2])] : INTEGER.test(value) ? [Number(value)] : null;
      if (!ends) return 'must be a campaign day such as 1, -1 or a range such as 1..21';
      if (ends.some((d) => d === 0)) return 'there is no day 0: D1 is the first day of the campaign, D-1 the day before';
      if (ends.some((d) => d < MIN_DAY_OFFSET || d > MAX_DAY_OFFSET)) return `must be between ${MIN_DAY_OFFSET} and ${MAX_DAY_OFFSET}`;
      if (ends.length === 2 && ends[0]! >= ends[1]!) return 'a range must go from a smaller to a larger day';
      if (ends.length === 2 && ends[0]! < 0 && ends[1]! > 0) return 'a range must not cross from D-1 to D1: use two steps';
      return null;
    }
    case 'weekday': {
      const days = value.split(',');
      if (!days.every((d) => /^[1-7]$/.test(d))) return 'must be ISO weekdays 1 (Monday) … 7 (Sunday), one or several such as 1,3,5';
      if (new Set(days).size !== days.length) return 'names a weekday twice';
      return null;
    }
    case 'date':
      return isIsoDate(value) ? null : 'must be a date like 2026-03-01';
    case 'group_age':
      return /^\d{1,4}$/.test(value) && Number(value) <= MAX_GROUP_AGE ? null : `must be a number of days from 0 to ${MAX_GROUP_AGE}`;
    default:
      return 'unknown trigger kind';
  }
}

/** The campaign-day offsets of a campaign_day trigger value ('5' → [5]; '1..3' → [1, 2, 3]). */
export function campaignDays(value: string): number[] {
  const range = RANGE.exec(value);
  if (!range) return [Number(value)];
  const out: number[] = [];
  for (let d = Number(range[1]); d <= Number(range[2]); d++) out.push(d);
  return out;
}

/** The local date of campaign day `day` (1 → startsOn, −1 → the day before). */
export function dateOfCampaignDay(startsOn: string, day: number): string {
  return addDays(startsOn, day > 0 ? day - 1 : day);
}

/** The campaign day of a date: 1 on startsOn, −1 the day before (never 0). */
export function campaignDayOf(startsOn: string, date: string): number {
  const n = daysBetween(startsOn, date);
  return n >= 0 ? n + 1 : n;
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export function weekdaysOf(value: string): Set<number> {
  return new Set(value.split(',').map(Number));
}

/**
 * The UTC instant (ISO) at which the wall clock of `timeZone` shows `time` ('HH:MM') on `date`. Starts from the
 * instant that reads so in UTC and corrects by the zone's offset there; a time skipped by a daylight-saving jump
 * resolves to the instant just after the jump.
 */
export function localInstant(date: string, time: string, timeZone: string): string {
  const target = Date.parse(`${date}T${time}:00Z`);
  const shownAt = (instant: number) => {
    const local = localTime(new Date(instant), timeZone);
    return Date.parse(`${local.date}T00:00:00Z`) + local.minute * 60_000;
  };
  let guess = target;
  for (let i = 0; i < 4; i++) {
    const diff = shownAt(guess) - target;
    if (diff === 0) return new Date(guess).toISOString();
    guess -= diff;
  }
  // The time does not exist that day (the clocks jumped over it): move forward by the gap.
  const shown = shownAt(guess);
  if (shown < target) guess += target - shown;
  return new Date(guess).toISOString();
}
