// Report parameters shared by several reports; snake_case as in the URL (?as_of=) and the CLI (--as-of).
import { z } from 'zod';
import { isIsoDate } from '../campaigns/rules.js';
import { invalid } from '../http/errors.js';
import { daysBetween } from '../analytics/days.js';

export const day = z.string().refine(isIsoDate, 'must be a date like 2026-01-31');
export const campaignKey = z.string().min(1).max(40);
export const seriesKey = z.string().min(1).max(20);
export const numericId = z.coerce.number().int().positive();

/** Refuses a range that is reversed or longer than `maxDays` (both ends included), naming `to`. */
export function checkRange(from: string, to: string, maxDays: number): void {
  const length = daysBetween(from, to) + 1;
  if (length < 1) throw invalid('validation.failed', 'to is before from', { to: 'must be on or after from' });
  if (length > maxDays) throw invalid('report.range_too_long', `at most ${maxDays} days`, { to: `at most ${maxDays} days after from` });
}
