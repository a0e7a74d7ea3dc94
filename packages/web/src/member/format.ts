// Money, campaign dates and instants as a member reads them. Campaign dates (YYYY-MM-DD) are calendar dates in the
// campaign's zone, so they are formatted as-is; instants are shown in the campaign's zone too.
import type { MemberLang, MemberT } from './i18n';

/** 9900 → "99", 9950 → "99.50". */
export function yuanAmount(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function money(t: MemberT, cents: number): string {
  return t('common.yuan', { amount: yuanAmount(cents) });
}

const locale = (lang: MemberLang) => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

/** "2026-12-05" → "12月5日" / "Dec 5"; with the weekday when asked. */
export function shortDate(lang: MemberLang, date: string, withWeekday = false): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'UTC', month: 'short', day: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "2026-12-05" → "12/5": the calendar cell. */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
}

export function dateTime(lang: MemberLang, instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(instant));
}

export function clockTime(lang: MemberLang, instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}
