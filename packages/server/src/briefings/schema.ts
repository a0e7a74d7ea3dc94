// API contract of the briefings (docs/api-briefings.md): the daily report per staff member (日报), the team lead's
// morning board (早会看板) and the campaign retrospective (复盘, GRAI), each with the definitions of its numbers.
import { z } from 'zod';
import { ratioOut } from '../http/schemas.js';
import { isIsoDate } from '../campaigns/rules.js';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const day = z.string().refine(isIsoDate, 'must be a date like 2026-01-31');

export const dailyQuery = z.strictObject({ staffId: id.optional(), date: day.optional() });
export const morningQuery = z.strictObject({ teamId: id.optional(), date: day.optional() });
export const retrospectivesQuery = z.strictObject({ written: z.enum(['true', 'false']).optional() });

const note = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const MAX_ACTIONS = 30;

export const actionBody = z.strictObject({
  what: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  ownerId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  due: day.nullable().default(null),
});

/** PUT replaces every typed part; a part left out is emptied. */
export const retrospectiveBody = z.strictObject({
  goalNote: note(2000).default(''),
  resultNote: note(2000).default(''),
  analysis: note(10_000).default(''),
  insight: note(10_000).default(''),
  actions: z.array(actionBody).max(MAX_ACTIONS, `at most ${MAX_ACTIONS} actions`).default([]),
});
export type RetrospectiveBody = z.infer<typeof retrospectiveBody>;

// ---- shared pieces ---------------------------------------------------------------------------------------------


const definition = z.object({ numerator: z.string(), denominator: z.string().nullable(), period: z.string() });
export type Definition = z.infer<typeof definition>;
/** What a number means, in both console languages. */
export const definitions = z.record(z.string(), z.object({ 'zh-CN': definition, en: definition }));
export type Definitions = z.infer<typeof definitions>;

const ref = z.object({ id: z.number(), name: z.string() });
export type Ref = z.infer<typeof ref>;
const campaignRef = z.object({ id: z.number(), key: z.string(), name: z.string() });

export const sopCounts = z.object({
  due: z.number(), done: z.number(), onTime: z.number(), late: z.number(), missed: z.number(), skipped: z.number(), open: z.number(),
  completionRate: ratioOut, punctualityRate: ratioOut,
});
export type SopCounts = z.infer<typeof sopCounts>;

const member = z.object({ memberNo: z.number(), nickname: z.string() });

/** Where a member of a running campaign stands at the end of a day (see definitions `met`, `onTrack`, …). */
export const STANDINGS = ['met', 'on_track', 'borderline', 'out_of_reach'] as const;
export type Standing = (typeof STANDINGS)[number];

// ---- 日报 ------------------------------------------------------------------------------------------------------

export const dailyOut = z.object({
  date: z.string(),
  tomorrow: z.string(),
  timezone: z.string(),
  generatedAt: z.string(),
  staff: z.object({ id: z.number(), displayName: z.string(), role: z.string(), team: ref.nullable() }),
  groups: z.array(z.object({ id: z.number(), name: z.string(), status: z.string(), campaign: campaignRef.nullable() })),
  campaigns: z.array(campaignRef.extend({ dayIndex: z.number(), daysTotal: z.number() })),
  growth: z.object({
    joins: z.number(), leaves: z.number(), net: z.number(),
    byGroup: z.array(z.object({ groupId: z.number(), name: z.string(), joins: z.number(), leaves: z.number(), net: z.number() })),
    signups: z.number(),
    byChannel: z.array(z.object({ channelId: z.number(), name: z.string(), signups: z.number() })),
  }),
  service: z.object({
    checkinRate: ratioOut,
    byGroup: z.array(z.object({ groupId: z.number(), name: z.string(), campaignKey: z.string(), dayIndex: z.number(), rate: ratioOut })),
    absentees: z.array(member.extend({ group: ref, campaignKey: z.string(), counted: z.number(), required: z.number(), remaining: z.number() })),
    short: z.array(member.extend({ group: ref, campaignKey: z.string(), counted: z.number(), short: z.number(), standing: z.enum(STANDINGS) })),
  }),
  sop: sopCounts,
  conversion: z.object({ paid: z.number(), revenueCents: z.number(), refunds: z.number(), refundCents: z.number() }),
  problems: z.object({ recorded: z.number(), answersUsed: z.number() }),
  points: z.object({ total: z.number(), entries: z.array(z.object({ points: z.number(), reason: z.string(), ruleKind: z.string().nullable() })) }),
  plan: z.object({
    sopTasks: z.array(z.object({ id: z.number(), title: z.string(), group: ref.nullable(), windowStartAt: z.string(), windowEndAt: z.string() })),
    workItems: z.array(z.object({ id: z.number(), title: z.string(), category: z.string(), dueOn: z.string(), status: z.string(), overdue: z.boolean() })),
  }),
  definitions,
});
export type DailyOut = z.infer<typeof dailyOut>;

// ---- 早会看板 ---------------------------------------------------------------------------------------------------

const sopRow = sopCounts.extend({ key: z.union([z.number(), z.string()]).nullable(), label: z.string() });

export const morningOut = z.object({
  date: z.string(),
  yesterday: z.string(),
  timezone: z.string(),
  generatedAt: z.string(),
  team: ref.nullable(),
  teams: z.array(ref),
  goals: z.object({
    attainment: z.array(z.object({
      goalId: z.number(), goalName: z.string(), metric: z.string(), team: ref.nullable(),
      planned: z.number(), target: z.number(), actual: z.number(), met: z.boolean(), achievement: ratioOut,
    })),
    standings: z.array(z.object({
      goalId: z.number(), goalName: z.string(), metric: z.string(), team: ref.nullable(),
      target: z.number(), achieved: z.number(), completion: z.number(), timeElapsed: z.number(), gapPoints: z.number(),
    })),
  }),
  sop: z.object({
    total: sopCounts,
    byStaff: z.array(sopRow),
    byGroup: z.array(sopRow),
    overdue: z.array(z.object({
      id: z.number(), title: z.string(), dueDate: z.string(), status: z.string(), windowEndAt: z.string(), group: ref.nullable(), assignee: ref.nullable(),
    })),
  }),
  redFlags: z.object({
    alerts: z.array(z.object({
      id: z.number(), kind: z.string(), level: z.string(), subject: z.string(), message: z.string(), staffId: z.number().nullable(),
      createdAt: z.string(), acknowledgedAt: z.string().nullable(),
    })),
    missedTwice: z.array(member.extend({ campaignKey: z.string(), group: ref.nullable(), owner: ref.nullable(), lastCheckinDay: z.number().nullable() })),
    leaveThreshold: z.number(),
    leaveRates: z.array(z.object({ group: ref, owner: ref.nullable(), rate: ratioOut })),
  }),
  channels: z.array(z.object({
    channelId: z.number(), name: z.string(), owner: ref.nullable(), visits: z.number(), uniqueVisitors: z.number(), signups: z.number(),
    joins: z.number(), paid: z.number(), costCents: z.number(), cacCents: z.number().nullable(),
  })),
  campaigns: z.array(campaignRef.extend({
    dayIndex: z.number(), daysTotal: z.number(), depositCents: z.number(), participants: z.number(), checkinRate: ratioOut,
    met: z.number(), onTrack: z.number(), borderline: z.number(), outOfReach: z.number(),
    expectedRefunds: z.object({ count: z.number(), cents: z.number() }).nullable(),
    curve: z.array(z.object({ dayIndex: z.number(), rate: ratioOut })),
  })),
  definitions,
});
export type MorningOut = z.infer<typeof morningOut>;

// ---- 复盘 -------------------------------------------------------------------------------------------------------

export const RETRO_METRICS = [
  'signups', 'paid', 'joined_group', 'returning', 'new_members', 'day1_checkin_rate', 'checkin_rate', 'met_requirement', 'completion_rate',
  'revenue_cents', 'refunds', 'refund_cents', 'net_cents', 'reenrolled', 'reenrolment_rate', 'sop_completion', 'sop_punctuality',
] as const;
export type RetroMetric = (typeof RETRO_METRICS)[number];
export const RESULTS = ['exceeded', 'met', 'missed'] as const;

const retroText = z.object({
  goalNote: z.string(), resultNote: z.string(), analysis: z.string(), insight: z.string(),
  actions: z.array(z.object({ what: z.string(), owner: ref.nullable(), due: z.string().nullable() })),
  updatedAt: z.string(), updatedBy: ref.nullable(),
});

export const retrospectiveOut = z.object({
  campaign: campaignRef.extend({
    edition: z.number(), series: z.object({ id: z.number(), key: z.string(), name: z.string() }), startsOn: z.string(), endsOn: z.string(),
    status: z.string(), daysTotal: z.number(), depositCents: z.number(), priceCents: z.number(),
  }),
  previous: campaignRef.nullable(),
  asOf: z.string(),
  metrics: z.array(z.object({
    key: z.enum(RETRO_METRICS),
    unit: z.enum(['people', 'rate', 'cents']),
    value: z.number().nullable(),
    ratio: ratioOut.nullable(),
    target: z.object({ value: z.number(), goalId: z.number(), goalName: z.string() }).nullable(),
    previous: z.number().nullable(),
    diff: z.number().nullable(),
    result: z.enum(RESULTS).nullable(),
  })),
  curve: z.array(z.object({ dayIndex: z.number(), rate: ratioOut, previous: ratioOut.nullable() })),
  retrospective: retroText.nullable(),
  definitions,
});
export type RetrospectiveOut = z.infer<typeof retrospectiveOut>;

export const retrospectiveListOut = z.object({
  items: z.array(z.object({
    campaign: campaignRef.extend({ edition: z.number(), seriesKey: z.string(), startsOn: z.string(), endsOn: z.string(), status: z.string() }),
    retrospective: z.object({ updatedAt: z.string(), updatedBy: ref.nullable(), actions: z.number() }).nullable(),
  })),
});
export type RetrospectiveListOut = z.infer<typeof retrospectiveListOut>;
