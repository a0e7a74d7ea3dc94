// API contract of staff incentives (奖惩): the rules, the points ledger, manual entries and their reversal,
// leaderboards and balances (docs/api-incentives.md).
import { z } from 'zod';
import { isIsoDate } from '../campaigns/rules.js';
import { pageQuery, text } from '../http/schemas.js';
import { BREAKDOWN_KEYS, MANUAL_POINTS_LIMIT, RULE_KINDS, RULE_POINTS_LIMIT } from './rules.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idQuery = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine(isIsoDate, 'not a calendar date');
const points = (limit: number) => z.number().int('must be a whole number').min(-limit, `must be at least -${limit}`).max(limit, `must be at most ${limit}`);

export const ruleKind = z.enum(RULE_KINDS);

export const rulesBody = z.strictObject({
  rules: z.array(z.strictObject({ kind: ruleKind, points: points(RULE_POINTS_LIMIT), enabled: z.boolean() }))
    .length(RULE_KINDS.length, `must list each of the ${RULE_KINDS.length} rule kinds once`)
    .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, 'must list each rule kind once'),
});
export type RulesInput = z.infer<typeof rulesBody>;

export const ruleOut = z.object({
  kind: ruleKind,
  points: z.number(),
  enabled: z.boolean(),
  updatedAt: z.string().nullable(),
  default: z.object({ points: z.number(), enabled: z.boolean() }),
});
export const rulesOut = z.object({ items: z.array(ruleOut) });

export const manualBody = z.strictObject({
  staffId: id,
  points: points(MANUAL_POINTS_LIMIT).refine((n) => n !== 0, 'must not be 0'),
  reason: text(200),
  /** The local day the points count for; today when not given. */
  day: isoDate.optional(),
});
export type ManualInput = z.infer<typeof manualBody>;

export const reverseBody = z.strictObject({ reason: text(200) });

const staffRef = z.object({ id: z.number(), displayName: z.string() });

export const entryOut = z.object({
  id: z.number(),
  staff: staffRef,
  points: z.number(),
  kind: z.enum(['rule', 'manual']),
  ruleKind: ruleKind.nullable(),
  source: z.string().nullable(),
  reason: z.string(),
  day: z.string(),
  createdBy: staffRef.nullable(),
  createdAt: z.string(),
  /** The entry this one corrects. */
  reverses: z.number().nullable(),
  /** The entry that corrected this one. */
  reversedBy: z.number().nullable(),
});
export type EntryOut = z.infer<typeof entryOut>;

export const ledgerQuery = z.strictObject({
  staffId: idQuery.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const ledgerOut = z.object({
  items: z.array(entryOut),
  nextCursor: z.string().nullable(),
  /** Over every page of the filter, not only this one. */
  total: z.object({ points: z.number(), entries: z.number() }),
});

export const leaderboardQuery = z.strictObject({
  period: z.enum(['week', 'month']).default('week'),
  date: isoDate.optional(),
  teamId: idQuery.optional(),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuery>;

const breakdown = z.object(Object.fromEntries(BREAKDOWN_KEYS.map((k) => [k, z.number()])) as Record<(typeof BREAKDOWN_KEYS)[number], z.ZodNumber>);
const teamRef = z.object({ id: z.number(), name: z.string() }).nullable();

export const leaderboardOut = z.object({
  period: z.enum(['week', 'month']),
  from: z.string(),
  to: z.string(),
  teamId: z.number().nullable(),
  items: z.array(z.object({
    rank: z.number(),
    staff: staffRef.extend({ disabled: z.boolean() }),
    team: teamRef,
    points: z.number(),
    entries: z.number(),
    breakdown,
  })),
  total: z.object({ points: z.number(), entries: z.number(), breakdown }),
  definitions: z.object({ points: z.string(), entries: z.string(), rank: z.string(), breakdown: z.string() }),
});
export type LeaderboardOut = z.infer<typeof leaderboardOut>;

export const balancesOut = z.object({
  today: z.string(),
  week: z.object({ from: z.string(), to: z.string() }),
  month: z.object({ from: z.string(), to: z.string() }),
  items: z.array(z.object({
    staff: staffRef.extend({ disabled: z.boolean() }),
    team: teamRef,
    week: z.number(),
    month: z.number(),
    allTime: z.number(),
  })),
  definitions: z.object({ week: z.string(), month: z.string(), allTime: z.string() }),
});
export type BalancesOut = z.infer<typeof balancesOut>;
