// API contract of the landing page and signup (member API, docs/api-campaign-run.md).
import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../campaigns/schema.js';
import { CODE_PATTERN } from '../channels/schema.js';
import { memberEnrollmentOut, memberOut, memberRulesOut } from '../enrollments/schema.js';

const code = z.string().regex(CODE_PATTERN, 'must be a channel code (3–32 letters, digits, "_" or "-")');

export const landingParams = z.strictObject({ code });

export const landingOut = z.object({
  channel: z.object({ code: z.string(), name: z.string() }),
  campaign: z.object({
    key: z.string(), name: z.string(), theme: z.string(), startsOn: z.string(), endsOn: z.string(), timezone: z.string(),
    priceCents: z.number(), depositCents: z.number(), capacity: z.number().nullable(),
    /** null when the campaign has no capacity. */
    placesLeft: z.number().nullable(),
    signupOpen: z.boolean(),
    status: z.enum(CAMPAIGN_STATUSES),
    rules: memberRulesOut,
  }),
  /** The identity providers this server offers (`provider` in the signup body). */
  providers: z.array(z.string()),
  /** The member signed in on this device for this workspace, if any. */
  me: memberOut.nullable(),
  /** Whether `me` holds an active enrollment in this campaign. */
  enrolled: z.boolean(),
});
export type LandingOut = z.infer<typeof landingOut>;

export const signupBody = z.strictObject({
  code,
  /** Omitted: the member already signed in on this device enrolls. */
  provider: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a provider name such as "dev" or "wechat"').optional(),
  phone: z.string().trim().max(32, 'must be at most 32 characters').optional(),
  nickname: z.string().trim().max(64, 'must be at most 64 characters').optional(),
  authCode: z.string().trim().max(512, 'must be at most 512 characters').optional(),
});
export type SignupBody = z.infer<typeof signupBody>;

export const signupOut = z.object({
  member: memberOut,
  enrollment: memberEnrollmentOut,
  /** True when this call enrolled the member (took a place); false when they were enrolled already. */
  created: z.boolean(),
});
export type SignupOut = z.infer<typeof signupOut>;
