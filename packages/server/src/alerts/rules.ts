// What an alert rule may say: the five kinds of condition, their units, threshold ranges and comparison, the three
// levels, and the defaults a workspace starts with (domain_ops.md §1.2, §3.1, §5.3). Pure: no database.

export const ALERT_LEVELS = ['info', 'warning', 'critical'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const ALERT_KINDS = ['group_leave_rate_7d', 'checkin_rate_day', 'goal_behind', 'group_qr_expiring', 'live_code_exhausted'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The most severe level wins when several rules of a kind match. */
export function levelRank(level: string): number {
  return ALERT_LEVELS.indexOf(level as AlertLevel);
}

/** What a condition measured for one instance: a value in the kind's unit, and the ratio behind it when it is one. */
export interface Measure {
  value: number;
  ratio?: { numerator: number; denominator: number };
}

export interface KindDefinition {
  kind: AlertKind;
  unit: 'percent' | 'points' | 'hours' | 'groups';
  /** How the measure is compared with the threshold. */
  comparison: 'above' | 'below' | 'at_most';
  min: number;
  max: number;
  integer: boolean;
  /**
   * After an alert of this kind was resolved, may the same subject fire again at the same level? Subjects of the
   * other kinds name one instance (a group's first week, a day, a QR upload), so only a worse level fires again;
   * a channel's pool can run out again and again, and each time is worth an alert.
   */
  refire: 'always' | 'only_worse';
  defaults: Array<{ level: AlertLevel; threshold: number }>;
  definition: string;
}

export const KINDS: Record<AlertKind, KindDefinition> = {
  group_leave_rate_7d: {
    kind: 'group_leave_rate_7d', unit: 'percent', comparison: 'above', min: 0, max: 100, integer: false, refire: 'only_worse',
    defaults: [{ level: 'warning', threshold: 15 }, { level: 'critical', threshold: 30 }],
    definition: 'Groups started 7–30 days ago (start: created, or the first known join if earlier): members who joined in the group\'s first 7 days and left within 7 days of joining / members who joined in those 7 days (at least 10).',
  },
  checkin_rate_day: {
    kind: 'checkin_rate_day', unit: 'percent', comparison: 'below', min: 0, max: 100, integer: false, refire: 'only_worse',
    defaults: [{ level: 'warning', threshold: 60 }, { level: 'critical', threshold: 40 }],
    definition: "A running campaign's last finished day (campaign time zone): enrolments with a check-in for that day / active enrolments (the absentee list's counts).",
  },
  goal_behind: {
    kind: 'goal_behind', unit: 'points', comparison: 'above', min: 0, max: 100, integer: false, refire: 'only_worse',
    defaults: [{ level: 'warning', threshold: 10 }],
    definition: "Each team on an active goal: share of the goal's time elapsed − achieved / target, in percentage points (one instance per team and day).",
  },
  group_qr_expiring: {
    kind: 'group_qr_expiring', unit: 'hours', comparison: 'at_most', min: 0, max: 168, integer: true, refire: 'only_worse',
    defaults: [{ level: 'warning', threshold: 24 }, { level: 'critical', threshold: 0 }],
    definition: "Open groups with an uploaded QR: hours until the QR expires (0 or less: expired). A WeChat group QR lasts 7 days.",
  },
  live_code_exhausted: {
    kind: 'live_code_exhausted', unit: 'groups', comparison: 'at_most', min: 0, max: 10, integer: true, refire: 'always',
    defaults: [{ level: 'critical', threshold: 0 }],
    definition: "Live channels with a pool: groups of the pool that can take the next visitor (open, below the channel's threshold and capacity, QR valid). 0: visitors see only the fallback message.",
  },
};

/** Whether a measure meets a rule's threshold. Ratios compare exactly (15% of 20 is 3, and 3 is not above it). */
export function matches(kind: AlertKind, measure: Measure, threshold: number): boolean {
  const { comparison } = KINDS[kind];
  const left = measure.ratio ? measure.ratio.numerator * 100 : measure.value;
  const right = measure.ratio ? threshold * measure.ratio.denominator : threshold;
  if (comparison === 'above') return left > right;
  if (comparison === 'below') return left < right;
  return left <= right;
}

/** Why a threshold is refused for a kind, or null. */
export function thresholdProblem(kind: AlertKind, threshold: number): string | null {
  const def = KINDS[kind];
  if (threshold < def.min || threshold > def.max) return `must be between ${def.min} and ${def.max} (${def.unit}) for ${kind}`;
  if (def.integer && !Number.isInteger(threshold)) return `must be a whole number of ${def.unit} for ${kind}`;
  return null;
}

export interface RuleLike {
  id: number | null;
  kind: string;
  level: string;
  threshold: number;
  enabled: boolean;
}

/** The most severe enabled rule of the kind that the measure meets, or null. */
export function strongestMatch<R extends RuleLike>(rules: readonly R[], kind: AlertKind, measure: Measure): R | null {
  let best: R | null = null;
  for (const rule of rules) {
    if (rule.kind !== kind || !rule.enabled || !matches(kind, measure, rule.threshold)) continue;
    if (best === null || levelRank(rule.level) > levelRank(best.level)) best = rule;
  }
  return best;
}

/** The default rules of a workspace that has none yet. */
export function defaultRules(): Array<{ kind: AlertKind; level: AlertLevel; threshold: number }> {
  return ALERT_KINDS.flatMap((kind) => KINDS[kind].defaults.map((d) => ({ kind, ...d })));
}

export const isAlertKind = (kind: string): kind is AlertKind => (ALERT_KINDS as readonly string[]).includes(kind);

/** The page an alert is about, read from its subject: 'group:7', 'campaign:3:2026-05-02', 'goal:4:team:2:…', 'channel:9'. */
export function targetOf(subject: string): { type: 'group' | 'campaign' | 'goal' | 'channel'; id: number } | null {
  const [type, id] = subject.split(':');
  if (!id || !/^\d{1,15}$/.test(id)) return null;
  if (type === 'group' || type === 'campaign' || type === 'goal' || type === 'channel') return { type, id: Number(id) };
  return null;
}
