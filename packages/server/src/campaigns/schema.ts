// API contract for series (X) and their campaigns/editions (X1, X2…).
import { z } from 'zod';
import { text } from '../http/schemas.js';
import { checkinRules, checkinRulesInput, isIsoDate } from './rules.js';

export const CAMPAIGN_STATUSES = ['draft', 'signup', 'running', 'ended', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const seriesKey = z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, 'must be 1–8 capital letters or digits, starting with a letter');
const isoDate = z.string().refine(isIsoDate, 'must be a date like 2026-03-01');
const instant = z.iso.datetime({ offset: true, message: 'must be a date-time like 2026-03-01T09:00:00+08:00' });
const cents = z.number().int('must be whole cents').min(0).max(100_000_000);
const theme = z.string().trim().max(60, 'must be at most 60 characters');

export const seriesOut = z.object({
  id: z.number(),
  key: z.string(),
  name: z.string(),
  theme: z.string(),
  campaignCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SeriesOut = z.infer<typeof seriesOut>;

export const seriesBody = z.strictObject({ key: seriesKey, name: text(60), theme: theme.optional() });
export const updateSeriesBody = seriesBody.partial();

export const campaignOut = z.object({
  id: z.number(),
  seriesId: z.number(),
  series: z.object({ id: z.number(), key: z.string(), name: z.string() }),
  key: z.string(),
  edition: z.number(),
  name: z.string(),
  theme: z.string(),
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  timezone: z.string(),
  priceCents: z.number(),
  depositCents: z.number(),
  capacity: z.number().nullable(),
  rules: checkinRules,
  /** Derived from the dates, the archive mark and now, in the campaign's zone (see service.deriveStatus). */
  status: z.enum(CAMPAIGN_STATUSES),
  /** Whether the signup window is open now. */
  signupOpen: z.boolean(),
  /** Today (campaign zone) is on or after startsOn: rules, dates and zone change only with an override reason. */
  locked: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignOut = z.infer<typeof campaignOut>;

const campaignFields = {
  name: text(60),
  theme: theme.optional(),
  signupOpensAt: instant.nullable().optional(),
  signupClosesAt: instant.nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate,
  timezone: z.string().min(1).max(64).optional(),
  priceCents: cents.optional(),
  depositCents: cents.optional(),
  capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  rules: checkinRulesInput.optional(),
};

export const campaignBody = z.strictObject({
  seriesId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** Omit for the series' next edition. */
  edition: z.number().int().min(1).max(9999).optional(),
  ...campaignFields,
});
export type CampaignBody = z.infer<typeof campaignBody>;

export const updateCampaignBody = z.strictObject({
  ...campaignFields,
  name: campaignFields.name.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  /** Required to change rules, dates or time zone once the campaign has started; recorded in the audit log. */
  overrideReason: text(500).optional(),
});
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>;

export const campaignListQuery = z.strictObject({
  seriesId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});
