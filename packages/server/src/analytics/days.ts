// Calendar days in a workspace's time zone, for the rollups and reports: the local day of an instant, where a
// local day starts in UTC, and week starts (Monday). Dates are YYYY-MM-DD strings.
import { addDays, daysBetween, localDate } from '../campaigns/rules.js';

export { addDays, daysBetween };

const QUARTER_HOUR = 15 * 60_000;
const slots = new Map<string, Map<number, string>>();

/**
 * The local day of an instant (ISO string or Date). Every zone's offset is a multiple of 15 minutes, so all
 * instants in one UTC quarter hour share a local day: the answer is cached per quarter hour, which makes bulk
 * conversion (imports, event batches) cheap.
 */
export function localDayOf(at: string | Date, timeZone: string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const slot = Math.floor(ms / QUARTER_HOUR);
  let zone = slots.get(timeZone);
  if (!zone) slots.set(timeZone, (zone = new Map()));
  let day = zone.get(slot);
  if (day === undefined) {
    if (zone.size > 200_000) zone.clear();
    day = localDate(new Date(slot * QUARTER_HOUR), timeZone);
    zone.set(slot, day);
  }
  return day;
}

/** The UTC instant (ISO) at which a local day begins in a zone. */
export function dayStartUtc(day: string, timeZone: string): string {
  // Start from UTC midnight and step by the zone's offset until the instant reads as local midnight of `day`.
  let guess = Date.parse(`${day}T00:00:00Z`);
  for (let i = 0; i < 3; i++) {
    const local = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(guess));
    const p: Record<string, string> = {};
    for (const part of local) p[part.type] = part.value;
    const asUtc = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`);
    const diff = asUtc - Date.parse(`${day}T00:00:00Z`);
    if (diff === 0) break;
    guess -= diff;
  }
  // A zone that skips midnight (a DST change at 00:00) starts the day at the first instant that reads as `day`.
  while (localDayOf(new Date(guess - 60_000), timeZone) === day) guess -= 60_000;
  while (localDayOf(new Date(guess), timeZone) < day) guess += 60_000;
  return new Date(guess).toISOString();
}

/** The Monday on or before a day. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
