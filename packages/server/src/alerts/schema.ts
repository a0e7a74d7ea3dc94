// API contract for alerts and alert rules (docs/api-alerts.md).
import { z } from 'zod';
import { pageQuery } from '../http/schemas.js';
import { ALERT_KINDS, ALERT_LEVELS } from './rules.js';

export const ALERT_STATUSES = ['open', 'acknowledged', 'unresolved', 'resolved', 'all'] as const;

const bool = z.enum(['true', 'false']);
const staffRef = z.object({ id: z.number(), displayName: z.string() });

export const alertsQuery = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional(),
  /** Older clients: true = status unresolved, false = status resolved. */
  open: bool.optional(),
  level: z.enum(ALERT_LEVELS).optional(),
  kind: z.string().regex(/^[a-z0-9_.]{1,60}$/, 'must be an alert kind such as group_qr_expiring').optional(),
  mine: bool.optional(),
  ...pageQuery,
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

export const alertOut = z.object({
  id: z.number(),
  kind: z.string(),
  level: z.string(),
  subject: z.string(),
  /** The page the subject names, read from it. */
  target: z.object({ type: z.enum(['group', 'campaign', 'goal', 'channel']), id: z.number() }).nullable(),
  message: z.string(),
  /** Who it is addressed to. */
  staff: staffRef.nullable(),
  ruleId: z.number().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: staffRef.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: staffRef.nullable(),
  /** staff: someone resolved it; cleared: an evaluation found its condition over (no longer true, or superseded). */
  resolution: z.enum(['staff', 'cleared']).nullable(),
});
export type AlertOut = z.infer<typeof alertOut>;

const levelCounts = z.object({ total: z.number(), info: z.number(), warning: z.number(), critical: z.number() });
export type LevelCounts = z.infer<typeof levelCounts>;

export const alertsPage = z.object({
  items: z.array(alertOut),
  nextCursor: z.string().nullable(),
  /** Unresolved alerts under the same kind / mine filters, whatever the status and level asked. */
  counts: z.object({ open: levelCounts, acknowledged: levelCounts }),
});
export type AlertsPage = z.infer<typeof alertsPage>;

export const ruleOut = z.object({
  id: z.number(),
  kind: z.enum(ALERT_KINDS),
  level: z.enum(ALERT_LEVELS),
  threshold: z.number(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleOut = z.infer<typeof ruleOut>;

export const kindOut = z.object({
  kind: z.enum(ALERT_KINDS),
  unit: z.enum(['percent', 'points', 'hours', 'groups']),
  comparison: z.enum(['above', 'below', 'at_most']),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  defaults: z.array(z.object({ level: z.enum(ALERT_LEVELS), threshold: z.number() })),
  definition: z.string(),
});

export const rulesOut = z.object({ items: z.array(ruleOut), kinds: z.array(kindOut) });

// The range depends on the kind (rules.ts KINDS); the service checks it and names the field.
const threshold = z.number();

export const createRuleBody = z.strictObject({
  kind: z.enum(ALERT_KINDS),
  level: z.enum(ALERT_LEVELS),
  threshold,
  enabled: z.boolean().optional(),
});
export type CreateRuleInput = z.infer<typeof createRuleBody>;

export const updateRuleBody = z.strictObject({
  level: z.enum(ALERT_LEVELS).optional(),
  threshold: threshold.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateRuleInput = z.infer<typeof updateRuleBody>;

export const evaluationOut = z.object({
  evaluated: z.array(z.enum(ALERT_KINDS)),
  raised: z.number(),
  escalated: z.number(),
  cleared: z.number(),
  failed: z.array(z.object({ kind: z.enum(ALERT_KINDS), error: z.string() })),
});
