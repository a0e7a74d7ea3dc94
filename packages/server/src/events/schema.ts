// The event API's contract: the batch envelope (checked as a whole) and the per-event limits (checked one event
// at a time in validate.ts, so one bad event never rejects its batch).
import { z } from 'zod';

export const MAX_BATCH = 1000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_PROPS_BYTES = 4096;
export const MAX_PROPS_KEYS = 50;
/** Events may not claim to come from further in the future than this (clock skew of the sender's device). */
export const MAX_FUTURE_MS = 5 * 60 * 1000;
export const EARLIEST_AT = '2015-01-01T00:00:00.000Z';

export const eventBatchBody = z.strictObject({
  events: z.array(z.unknown()).min(1, 'must hold at least one event').max(MAX_BATCH, `at most ${MAX_BATCH} events per batch`),
});

export const rejectedEvent = z.object({
  index: z.number(),
  id: z.string().nullable(),
  reason: z.string(),
  field: z.string(),
});
export type RejectedEvent = z.infer<typeof rejectedEvent>;

export const ingestOut = z.object({
  /** Events newly stored by this call. */
  accepted: z.number(),
  /** Events already stored (an earlier call) or repeated within this batch. */
  duplicates: z.number(),
  rejected: z.array(rejectedEvent),
});

export const memberEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/, 'must be a cursor returned by the previous page').optional(),
});

export const eventOut = z.object({
  id: z.string(),
  name: z.string(),
  at: z.string(),
  props: z.record(z.string(), z.unknown()),
  receivedAt: z.string(),
  source: z.string(),
});
export type EventOut = z.infer<typeof eventOut>;
