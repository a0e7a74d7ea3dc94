// API contract for channels (渠道), their live-code pool of groups, visit statistics (docs/api-channels.md).
import { z } from 'zod';
import { text } from '../http/schemas.js';
import { QR_STATUSES } from '../groups/schema.js';

export const DEFAULT_THRESHOLD = 190;
export const MAX_POOL = 50;
export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;
export const UNAVAILABLE_REASONS = ['closed', 'at_threshold', 'at_capacity', 'qr_missing', 'qr_expired'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const bool = z.enum(['true', 'false']);

const editable = {
  name: text(60),
  ownerStaffId: id.nullable().optional(),
  costCents: z.number().int().min(0, 'must not be negative').max(1_000_000_000, 'must be at most 1000000000').optional(),
  threshold: z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').optional(),
  fallbackMessage: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  /** A campaign of this workspace: /c/<code> then leads to its landing page (signup) instead of a group QR. */
  campaignId: id.nullable().optional(),
};

export const createChannelBody = z.strictObject({
  ...editable,
  parentId: id.nullable().optional(),
  code: z.string().regex(CODE_PATTERN, 'must be 3–32 letters, digits, "_" or "-"').optional(),
});
export type CreateChannelInput = z.infer<typeof createChannelBody>;

export const updateChannelBody = z.strictObject({ ...editable, name: editable.name.optional(), archived: z.boolean().optional() });
export type UpdateChannelInput = z.infer<typeof updateChannelBody>;

export const poolBody = z.strictObject({ groupIds: z.array(id).max(MAX_POOL, `at most ${MAX_POOL} groups`) });

export const listChannelsQuery = z.strictObject({ archived: bool.default('false') });
export const statsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const qrPngQuery = z.strictObject({ size: z.coerce.number().int().min(256, 'must be at least 256').max(1024, 'must be at most 1024').default(512) });

export const poolGroupOut = z.object({
  groupId: z.number(),
  name: z.string(),
  position: z.number(),
  status: z.string(),
  memberCount: z.number(),
  scanCount: z.number(),
  capacity: z.number(),
  qrStatus: z.enum(QR_STATUSES),
  qrExpiresAt: z.string().nullable(),
  available: z.boolean(),
  unavailableReason: z.enum(UNAVAILABLE_REASONS).nullable(),
});
export type PoolGroupOut = z.infer<typeof poolGroupOut>;

export const channelOut = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  level: z.union([z.literal(1), z.literal(2)]),
  name: z.string(),
  code: z.string(),
  path: z.string(),
  owner: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  costCents: z.number(),
  threshold: z.number(),
  fallbackMessage: z.string(),
  campaignId: z.number().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  pool: z.array(poolGroupOut),
  stats: z.object({ visits: z.number(), uniqueVisitors: z.number(), routed: z.number(), exhausted: z.number() }),
});
export type ChannelOut = z.infer<typeof channelOut>;

export const statsOut = z.object({
  from: z.string(),
  to: z.string(),
  visits: z.number(),
  uniqueVisitors: z.number(),
  exhaustedVisits: z.number(),
  byDay: z.array(z.object({ date: z.string(), visits: z.number(), uniqueVisitors: z.number() })),
  byGroup: z.array(z.object({ groupId: z.number(), name: z.string(), routed: z.number(), joins: z.number() })),
  definitions: z.object({ visits: z.string(), uniqueVisitors: z.string(), routed: z.string(), joins: z.string(), exhaustedVisits: z.string() }),
});
export type StatsOut = z.infer<typeof statsOut>;
