// The catalogue of what a goal can measure: each metric's kind (a daily flow, a daily rate, a level), its unit, the
// scopes it can be cut by and its definition in Chinese and English. The one place that says what a goal's number means.

export const METRIC_KEYS = [
  'signups', 'paid', 'group_joins', 'reenrolments', 'revenue', 'new_members', 'manual', 'checkin_rate', 'members_meeting_requirement',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const SCOPE_KINDS = ['workspace', 'team', 'campaign', 'group', 'channel'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * flow: a count or sum per day, summable over days and teams (re-planned from actuals);
 * rate: a ratio per day, every day's target is the rate; level: a count as of each day, compared with the target.
 */
export type MetricKind = 'flow' | 'rate' | 'level';
export type MetricUnit = 'people' | 'yuan' | 'rate' | 'value';

export interface Definition {
  numerator: string;
  denominator: string | null;
  period: string;
}

/** A text in both console languages. */
export interface Bilingual<T> {
  'zh-CN': T;
  en: T;
}

export interface Metric {
  key: MetricKey;
  kind: MetricKind;
  unit: MetricUnit;
  /** Whole numbers only (counts of people or rows); otherwise up to two decimals (yuan, typed-in values, rates). */
  whole: boolean;
  scopes: readonly ScopeKind[];
  name: Bilingual<string>;
  definition: Bilingual<Definition>;
}

const ALL_SCOPES = SCOPE_KINDS;
const DAY_ZH = '目标的每一天（工作区时区的自然日）';
const DAY_EN = 'each day of the goal (calendar day in the workspace time zone)';
const TEAM_ZH = '小组：报名所在群的群主所在小组；报名没有群或群无群主时，取其渠道负责人的小组';
const TEAM_EN = "team: the team of the owner of the enrollment's group; when it has no group or the group no owner, the team of its channel's owner";

const flow = (key: MetricKey, unit: MetricUnit, whole: boolean, scopes: readonly ScopeKind[], name: Bilingual<string>, zh: string, en: string): Metric => ({
  key, kind: 'flow', unit, whole, scopes, name,
  definition: { 'zh-CN': { numerator: zh, denominator: null, period: DAY_ZH }, en: { numerator: en, denominator: null, period: DAY_EN } },
});

export const METRICS: readonly Metric[] = [
  flow('signups', 'people', true, ALL_SCOPES, { 'zh-CN': '报名人数', en: 'Signups' },
    `当天创建、且目前未取消的报名数。${TEAM_ZH}`,
    `enrollments created that day and not cancelled now. ${TEAM_EN}`),
  flow('paid', 'people', true, ALL_SCOPES, { 'zh-CN': '付费人数', en: 'Paid' },
    `当天付清应付金额的报名数（按报名的付清时间）。${TEAM_ZH}`,
    `enrollments whose amount due was paid in full that day (the enrollment's paid_at). ${TEAM_EN}`),
  flow('group_joins', 'people', true, ['workspace', 'team', 'campaign', 'group'], { 'zh-CN': '入群人数', en: 'Group joins' },
    '当天新增的入群记录数（同一人再次入群再计一次）。小组：群主所在小组',
    "group memberships that began that day (a member joining again counts again). team: the team of the group's owner"),
  flow('reenrolments', 'people', true, ALL_SCOPES, { 'zh-CN': '复购报名', en: 'Re-enrolments' },
    `当天创建、目前未取消，且该成员此前已有其他营期有效报名的报名数。${TEAM_ZH}`,
    `enrollments created that day, not cancelled now, by members who already had an active enrollment in another campaign made earlier. ${TEAM_EN}`),
  flow('revenue', 'yuan', false, ALL_SCOPES, { 'zh-CN': '收款金额（元）', en: 'Revenue (yuan)' },
    `当天收到的付款金额之和（元，按付款时间，不扣除退款）。${TEAM_ZH}`,
    `sum of the payments received that day, in yuan (by payment time; refunds not deducted). ${TEAM_EN}`),
  flow('new_members', 'people', true, ALL_SCOPES, { 'zh-CN': '新增成员', en: 'New members' },
    '当天创建、且未被合并到其他成员的成员数；按营期、群、渠道筛选时看其首次报名。小组：首次报名渠道负责人所在小组',
    "members created that day and not merged into another; campaign, group and channel scopes look at the member's first enrollment. team: the team of the owner of that first enrollment's channel"),
  flow('manual', 'value', false, ALL_SCOPES, { 'zh-CN': '手工录入', en: 'Entered by hand' },
    '各小组每天手工录入的数值之和',
    'the values typed in per team per day'),
  {
    key: 'checkin_rate', kind: 'rate', unit: 'rate', whole: false, scopes: ALL_SCOPES, name: { 'zh-CN': '打卡率', en: 'Check-in rate' },
    definition: {
      'zh-CN': {
        numerator: '当天打卡且计入的报名数（第 1 天至营期总天数内、未被驳回、需审批的补卡已通过，与学员端进度一致）',
        denominator: `当天处于营期内的范围内营期中，当天结束前已报名且目前未取消的报名数。${TEAM_ZH}`,
        period: '目标的每一天（营期自己的日历日）；多天合计 = 分子之和 / 分母之和',
      },
      en: {
        numerator: 'enrollments with a counted check-in for that day (days 1..daysTotal, not rejected, a make-up needing approval only once approved — as on the member pages)',
        denominator: `enrollments made by the end of that day and not cancelled now, in the scoped campaigns running that day. ${TEAM_EN}`,
        period: "each day of the goal (the campaign's calendar day); over several days: sum of numerators / sum of denominators",
      },
    },
  },
  {
    key: 'members_meeting_requirement', kind: 'level', unit: 'people', whole: true, scopes: ALL_SCOPES, name: { 'zh-CN': '达标人数', en: 'Members meeting the requirement' },
    definition: {
      'zh-CN': {
        numerator: `截至当天（按打卡所属营期日），计入的打卡天数达到营期完成要求天数的报名数（目前未取消），范围为与目标日期有交集的营期。${TEAM_ZH}`,
        denominator: null,
        period: '截至目标的每一天',
      },
      en: {
        numerator: `enrollments (not cancelled now) whose counted check-in days up to that day (by the check-in's campaign day) reach the campaign's daysRequiredForCompletion, in the scoped campaigns overlapping the goal's dates. ${TEAM_EN}`,
        denominator: null,
        period: 'as of each day of the goal',
      },
    },
  },
];

const byKey = new Map(METRICS.map((m) => [m.key, m]));

export function metricOf(key: string): Metric {
  const metric = byKey.get(key as MetricKey);
  if (!metric) throw new Error(`unknown goal metric ${key}`);
  return metric;
}

/** What every number of a goal's progress means, whatever the metric. */
export const PROGRESS_DEFINITIONS: Record<string, Bilingual<Definition>> = {
  planned: {
    'zh-CN': { numerator: '创建（或修改目标量、拆分方式）时定下的当天目标：按平均、按星期权重或手工拆分，整数按最大余数分配，合计等于小组目标', denominator: null, period: '当天' },
    en: { numerator: "the day's target fixed when the goal was created or re-split: even, by weekday weights or by hand, rounded by largest remainder so the days add up to the team's target", denominator: null, period: 'the day' },
  },
  replanned: {
    'zh-CN': {
      numerator: '（小组目标 − 该日之前的累计完成）× 当天原计划 / 该日及以后各天原计划之和，不低于 0；今天及以后的日子按截至昨天的完成重新分摊到今天起的各天。比率类指标每天的目标就是目标比率，存量类指标为目标值',
      denominator: null, period: '当天（以当天开始时的完成情况计算）',
    },
    en: {
      numerator: "(team target − achieved before the day) × the day's planned target / the planned targets of that day and every later day, never below 0; today and later days spread what is left after yesterday over the days from today. A rate goal's target is the rate every day; a level goal's is the target level",
      denominator: null, period: 'the day (as of its start)',
    },
  },
  actual: {
    'zh-CN': { numerator: '当天的实际值（定义见指标）；未到的日子为空', denominator: null, period: '当天；今天为截至此刻' },
    en: { numerator: "the day's actual value (see the metric); empty for days not yet begun", denominator: null, period: 'the day; today: so far' },
  },
  cumulative: {
    'zh-CN': { numerator: '从目标第一天到当天的实际值之和（比率：分子之和 / 分母之和；存量：当天的值）', denominator: null, period: '目标开始至当天' },
    en: { numerator: 'the actual values from the first day of the goal to that day (a rate: sum of numerators / sum of denominators; a level: that day\'s level)', denominator: null, period: 'from the start of the goal to the day' },
  },
  completion: {
    'zh-CN': { numerator: '当天实际值', denominator: '当天调整后目标（为 0 时不计算）', period: '当天' },
    en: { numerator: "the day's actual value", denominator: "the day's re-planned target (none when 0)", period: 'the day' },
  },
  cumulativeCompletion: {
    'zh-CN': { numerator: '累计实际值', denominator: '小组（或整个目标）的目标值', period: '目标开始至当天' },
    en: { numerator: 'the cumulative actual value', denominator: "the team's (or the whole goal's) target", period: 'from the start of the goal to the day' },
  },
  timeElapsed: {
    'zh-CN': { numerator: '已结束的天数', denominator: '目标的总天数', period: '目标的日期范围（含首尾两天）' },
    en: { numerator: 'days of the goal that have ended', denominator: 'days of the goal', period: 'the goal\'s dates, both ends included' },
  },
  gapPoints: {
    'zh-CN': { numerator: '（时间进度 − 完成率）× 100：落后时间进度的百分点，为负表示超前', denominator: null, period: '截至此刻' },
    en: { numerator: '(time elapsed − completion) × 100: points behind time; negative when ahead', denominator: null, period: 'as of now' },
  },
  unassigned: {
    'zh-CN': { numerator: '范围内没有小组归属（或归属的小组不在本目标中）的实际值：计入目标合计，不计入任何小组', denominator: null, period: '当天' },
    en: { numerator: "actual values in scope attributed to no team (or to a team not in this goal): they count for the goal's total, for no team", denominator: null, period: 'the day' },
  },
};
