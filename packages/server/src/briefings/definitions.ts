// What every number of the briefings means — numerator, denominator, period — in Chinese and English. The one place
// these texts live; each briefing returns the ones it shows, so the console never words a definition itself.
import type { Definitions } from './schema.js';

type Parts = [numerator: string, denominator: string | null, period: string];

function def(zh: Parts, en: Parts): Definitions[string] {
  return {
    'zh-CN': { numerator: zh[0], denominator: zh[1], period: zh[2] },
    en: { numerator: en[0], denominator: en[1], period: en[2] },
  };
}

const DAY_ZH = '报告日（工作区时区的自然日）';
const DAY_EN = 'the report day (calendar day in the workspace time zone)';
const YDAY_ZH = '昨天（工作区时区的自然日）';
const YDAY_EN = 'yesterday (calendar day in the workspace time zone)';
const MY_GROUPS_ZH = '此人目前担任群主的群';
const MY_GROUPS_EN = 'the groups this person owns now';
const GROUP_OF_ZH = '学员所在群：当时已知的入群记录所在的本营期群；该学员在本营期群没有任何入群记录时，取活码分配给他的群';
const GROUP_OF_EN = "a member's group: the campaign group their known membership places them in at that instant; when no membership of theirs in the campaign's groups is known, the group the live code sent them to";
const COUNTED_ZH = '计入的打卡（第 1 天至总天数内、未被驳回、需审批的补卡已通过，与学员端一致）';
const COUNTED_EN = 'a counted check-in (days 1..daysTotal, not rejected, a make-up needing approval only once approved — as on the member pages)';
const SOP_RATE = {
  completion: def(
    ['已完成（准时 + 迟到）的任务数', '应做任务数 − 已跳过数', 'SOP 模块的统计（到期日在期间内的任务）'],
    ['tasks done (on time + late)', 'tasks due − tasks skipped', 'the SOP statistics (tasks due in the period)'],
  ),
  punctuality: def(
    ['在时间窗口内完成的任务数', '已完成（准时 + 迟到）的任务数', 'SOP 模块的统计（到期日在期间内的任务）'],
    ['tasks done within their window', 'tasks done (on time + late)', 'the SOP statistics (tasks due in the period)'],
  ),
};

export const DAILY_DEFINITIONS: Definitions = {
  groups: def([`${MY_GROUPS_ZH}（不含已归档、已解散且当天不在营期内的群）`, null, '此刻'], [`${MY_GROUPS_EN} (leaving out archived or dissolved ones whose campaign did not run that day)`, null, 'now']),
  campaigns: def(['此人的群所属、且报告日处于营期第 1 天至总天数之间的营期', null, DAY_ZH], ["campaigns of this person's groups for which the report day is one of days 1..daysTotal", null, DAY_EN]),
  joins: def([`${MY_GROUPS_ZH}当天开始的入群记录的去重人数（按群计）`, null, DAY_ZH], [`distinct members whose membership of ${MY_GROUPS_EN} began that day (per group)`, null, DAY_EN]),
  leaves: def([`${MY_GROUPS_ZH}当天结束的入群记录的去重人数（按群计）`, null, DAY_ZH], [`distinct members whose membership of ${MY_GROUPS_EN} ended that day (per group)`, null, DAY_EN]),
  net: def(['入群 − 退群', null, DAY_ZH], ['joins − leaves', null, DAY_EN]),
  signups: def(['当天通过此人负责的渠道创建、且目前未取消的报名数', null, DAY_ZH], ["enrollments made that day through the channels this person owns, not cancelled now", null, DAY_EN]),
  checkin_rate: def(
    [`当天有${COUNTED_ZH}的报名数`, `当天结束前已报名、目前未取消，且当天结束时在该群的报名数。${GROUP_OF_ZH}`, `${DAY_ZH}，即该营期的第几天`],
    [`enrollments with ${COUNTED_EN} for that day`, `enrollments made by the end of the day, not cancelled now, whose member was in the group at the end of the day. ${GROUP_OF_EN}`, `${DAY_EN}, as that campaign's day`],
  ),
  absentees: def(
    ['打卡模块的未打卡名单（当天没有打卡、尚未达到退款要求、已进群），只列所在群为此人的群的学员', null, DAY_ZH],
    ["the check-in module's absentee list (no check-in that day, refund requirement not met yet, in a group), only members whose group is one of this person's", null, DAY_EN],
  ),
  short: def(
    ['此人群里即使剩余每天都打卡（加上宽限天数）也达不到退款要求的学员：差 1 至临界天数为"临界"，更多为"已无法达标"', null, `截至${DAY_ZH}结束`],
    ["members of this person's groups who would miss the refund requirement even checking in every day left (grace days added): short by 1 to the borderline days is borderline, more is out of reach", null, `as of the end of ${DAY_EN}`],
  ),
  sop: def(['分配给此人、到期日为当天的 SOP 任务：应做、已完成（准时 / 迟到）、未完成、已跳过、待办', null, DAY_ZH], ['SOP tasks assigned to this person due that day: due, done (on time / late), missed, skipped, open', null, DAY_EN]),
  sop_completion: SOP_RATE.completion,
  sop_punctuality: SOP_RATE.punctuality,
  paid: def(['当天付清应付金额的报名数（按报名的付清时间），报名被分到此人的群或来自此人的渠道', null, DAY_ZH], ["enrollments paid in full that day (the enrollment's paid_at) whose routed group is this person's or whose channel is", null, DAY_EN]),
  revenue: def(['当天收到的付款金额之和（同上的报名，按付款时间，不扣退款）', null, DAY_ZH], ['payments received that day on those enrollments (by payment time, refunds not deducted)', null, DAY_EN]),
  refunds: def(['当天标记退款的报名数与退款金额（同上的报名）', null, DAY_ZH], ['enrollments marked refunded that day, and the amounts (same enrollments)', null, DAY_EN]),
  problems_recorded: def(['此人当天录入问题库的问题数', null, DAY_ZH], ['problems this person recorded in the problem bank that day', null, DAY_EN]),
  answers_used: def(['此人当天复用话术（复制答案）的次数', null, DAY_ZH], ['times this person reused an answer (copied it) that day', null, DAY_EN]),
  points: def(['积分流水中记在当天、属于此人的积分之和', null, '积分流水的记分日'], ["the points of this person's ledger entries counted for that day", null, "the ledger entries' day"]),
  plan_tasks: def(['分配给此人、到期日为次日的 SOP 任务', null, '报告日的次日'], ['SOP tasks assigned to this person due the next day', null, 'the day after the report day']),
  plan_work: def(['此人负责、状态为待办或进行中、截止日不晚于次日的工作事项（早于次日的为已逾期）', null, '截至报告日的次日'], ['work items this person owns, to do or in progress, due by the next day (earlier: overdue)', null, 'up to the day after the report day']),
};

export function morningDefinitions(leaveThreshold: number): Definitions {
  const pct = `${Math.round(leaveThreshold * 100)}%`;
  return {
    goal_planned: def(['目标拆解时定下的当天目标（目标模块）', null, YDAY_ZH], ["the day's target fixed when the goal was split (goals module)", null, YDAY_EN]),
    goal_target: def(['按此前完成情况重新分摊后的当天目标（目标模块）', null, `${YDAY_ZH}开始时`], ["the day's target re-planned from what was achieved before it (goals module)", null, `${YDAY_EN}, as of its start`]),
    goal_actual: def(['当天的实际值（定义见目标的指标）', null, YDAY_ZH], ["the day's actual value (see the goal's metric)", null, YDAY_EN]),
    goal_achievement: def(['当天实际值', '当天调整后目标', YDAY_ZH], ["the day's actual value", "the day's re-planned target", YDAY_EN]),
    goal_completion: def(['目标开始至昨天的累计完成', '小组（或整个目标）的目标值', '目标开始至昨天结束'], ['achieved from the start of the goal', "the team's (or the whole goal's) target", 'from the start of the goal to the end of yesterday']),
    goal_time_elapsed: def(['已结束的天数', '目标的总天数；差距 =（时间进度 − 完成率）× 100 个百分点', '截至昨天结束'], ['days of the goal that have ended', 'days of the goal; gap = (time elapsed − completion) × 100 points', 'as of the end of yesterday']),
    sop_completion: SOP_RATE.completion,
    sop_punctuality: SOP_RATE.punctuality,
    overdue: def(['到期日在最近 7 天内（至昨天）、仍为待办或已标记未完成的 SOP 任务（最多 200 条）', null, '昨天及之前 6 天'], ['SOP tasks due in the last 7 days up to yesterday that are still to do or marked missed (at most 200)', null, 'yesterday and the 6 days before']),
    alerts: def(['预警模块中尚未解决的预警；选了小组时只列通知该组成员的', null, '此刻'], ["alerts not yet resolved (alerts module); with a team chosen, only those addressed to its members", null, 'now']),
    missed_twice: def(
      ['在营期中连续两天（昨天与前天）都出现在打卡模块未打卡名单上的学员（尚未达标、已进群）', null, '昨天与前天'],
      ["members of a running campaign on the check-in module's absentee list both yesterday and the day before (requirement not met, in a group)", null, 'yesterday and the day before'],
    ),
    leave_rate_7d: def(
      ['最近 7 天内退群的去重人数', `最近 7 天内任一时刻在群的去重人数；超过 ${pct} 列入`, '昨天及之前 6 天'],
      ['distinct members who left in the last 7 days', `distinct members in the group at any time in those 7 days; listed above ${pct}`, 'yesterday and the 6 days before'],
    ),
    channel_visits: def(['渠道短链当天的访问次数（含重复访问）', null, YDAY_ZH], ["visits to the channel's short link that day (repeats included)", null, YDAY_EN]),
    channel_unique_visitors: def(['当天访问的去重访客数（按访客 Cookie）', null, YDAY_ZH], ['distinct visitors that day (by visitor cookie)', null, YDAY_EN]),
    channel_signups: def(['当天通过该渠道创建、目前未取消的报名数', null, YDAY_ZH], ['enrollments made through the channel that day, not cancelled now', null, YDAY_EN]),
    channel_joins: def(['当天开始的入群记录的去重人数，群为该渠道活码池中的群（不论从哪个渠道来）', null, YDAY_ZH], ["distinct members whose membership of a group in the channel's pool began that day (whatever channel brought them)", null, YDAY_EN]),
    channel_paid: def(['通过该渠道报名、当天付清的报名数', null, YDAY_ZH], ['enrollments through the channel paid in full that day', null, YDAY_EN]),
    channel_cost: def(['渠道登记的投入（整个渠道，不分天）', null, '全部时间'], ["the channel's recorded cost (the whole channel, not per day)", null, 'all time']),
    channel_cac: def(['渠道投入', '通过该渠道报名并有付款的报名数（运营指数 · 渠道归因）', '全部时间'], ['channel cost', 'signups through the channel with any payment (operations index · channels report)', 'all time']),
    campaign_day: def(['昨天是营期的第几天 / 总天数', null, YDAY_ZH], ["yesterday's campaign day / days in the campaign", null, YDAY_EN]),
    participants: def(['营期目前未取消的报名数；选了小组时只计所在群的群主属于该组的', null, '此刻'], ["enrollments of the campaign not cancelled now; with a team chosen, only those whose group's owner is on the team", null, 'now']),
    checkin_rate: def(
      [`昨天有${COUNTED_ZH}的报名数`, '昨天结束前已报名、目前未取消的报名数（选了小组时同上）', `${YDAY_ZH}，即营期的第几天`],
      [`enrollments with ${COUNTED_EN} for yesterday`, 'enrollments made by the end of yesterday, not cancelled now (with a team: as above)', `${YDAY_EN}, as the campaign's day`],
    ),
    met: def(['计入退款的打卡天数已达到退款要求天数的报名数', null, '截至昨天结束'], ['enrollments whose days counted toward the refund reach the refund requirement', null, 'as of the end of yesterday']),
    on_track: def(['尚未达标，但剩余每天都打卡（加宽限天数）即可达标的报名数', null, '截至昨天结束'], ['not met yet, but would meet it by checking in every day left (grace days added)', null, 'as of the end of yesterday']),
    borderline: def(['剩余每天都打卡也会差 1 至临界天数的报名数（结算时为"临界"）', null, '截至昨天结束'], ['would still be short by 1 to the borderline days checking in every day left ("borderline" at settlement)', null, 'as of the end of yesterday']),
    out_of_reach: def(['剩余每天都打卡也会差超过临界天数的报名数', null, '截至昨天结束'], ['would be short by more than the borderline days even checking in every day left', null, 'as of the end of yesterday']),
    expected_refunds: def(
      ['押金营：已达标 + 可达标、且已付款的报名数，金额为各自应退金额（押金部分）之和；假设可达标者都坚持打卡，是上限', null, '截至昨天结束'],
      ['deposit campaigns: enrollments met or on track that paid, and the sum of their refunds due (the deposit part); assumes those on track keep checking in, so an upper bound', null, 'as of the end of yesterday'],
    ),
    curve: def([`每天有${COUNTED_ZH}的报名数`, '该天结束前已报名、目前未取消的报名数', '营期第 1 天至昨天'], [`enrollments with ${COUNTED_EN} for each day`, 'enrollments made by the end of that day, not cancelled now', 'campaign day 1 to yesterday']),
  };
}

export function retroDefinitions(asOf: string): Definitions {
  const now = [`截至 ${asOf}`, `as of ${asOf}`] as const;
  const count = (zh: string, en: string) => def([zh, null, now[0]], [en, null, now[1]]);
  return {
    signups: count('营期目前未取消的报名数', 'enrollments of the campaign not cancelled now'),
    paid: count('其中有付款记录的报名数（已付金额 > 0）', 'of those, enrollments with any payment (paid > 0)'),
    joined_group: def(['报名中曾进入本营期群的人数（有入群记录，或没有记录时活码已分配到群）', '报名数', now[0]], ["signups who were ever in one of the campaign's groups (a known membership, or the group the live code chose when none is known)", 'signups', now[1]]),
    returning: count('报名时已有其他营期未取消报名的报名数（老学员复购）', 'signups by members who already had an active enrollment in another campaign, made earlier (returning)'),
    new_members: count('报名数 − 老学员复购', 'signups − returning'),
    day1_checkin_rate: def([`第 1 天有${COUNTED_ZH}的报名数`, '第 1 天结束前已报名、目前未取消的报名数', '营期第 1 天'], [`enrollments with ${COUNTED_EN} for day 1`, 'enrollments made by the end of day 1, not cancelled now', 'campaign day 1']),
    checkin_rate: def(['各天有计入打卡的报名数之和', '各天结束前已报名、目前未取消的报名数之和', `营期第 1 天至结束（或至今）`], ['sum over the days of enrollments with a counted check-in', 'sum over the days of enrollments made by the end of the day, not cancelled now', 'campaign day 1 to its end (or to today)']),
    met_requirement: count('计入的打卡天数达到完成要求天数的报名数', "enrollments whose counted days reach the campaign's daysRequiredForCompletion"),
    completion_rate: def(['达到完成要求的报名数', '报名数', now[0]], ['enrollments meeting the completion requirement', 'signups', now[1]]),
    revenue_cents: count('报名的已付金额之和（不扣退款）', "the signups' payments (refunds not deducted)"),
    refunds: count('已标记退款的报名数', 'enrollments marked refunded'),
    refund_cents: count('已标记的退款金额之和', 'the refunds marked'),
    net_cents: count('收款 − 退款', 'payments − refunds'),
    reenrolled: def(['报名学员中，在本期之后开始的营期有未取消报名的人数', null, '截至营期开始后同样天数（上期按同样天数截取，可比）'], ['signups with an active enrollment in a campaign starting after this one', null, 'as of the same number of days after the start (the previous edition is cut at the same day, so they compare)']),
    reenrolment_rate: def(['续报人数（同上）', '报名数', '截至营期开始后同样天数'], ['re-enrolled (as above)', 'signups', 'as of the same number of days after the start']),
    sop_completion: def(['本营期群的 SOP 任务中已完成（准时 + 迟到）的数', '应做任务数 − 已跳过数', '营期开始前 7 天至结束后 3 天（不晚于昨天）'], ["tasks of the campaign's groups done (on time + late)", 'tasks due − tasks skipped', '7 days before the start to 3 days after the end (not after yesterday)']),
    sop_punctuality: def(['在时间窗口内完成的任务数', '已完成（准时 + 迟到）的任务数', '同上'], ['tasks done within their window', 'tasks done (on time + late)', 'as above']),
    target: def(
      ['范围为本营期、指标对应的目标的目标值（有多个时取最新的）：报名人数、付费人数、入群人数、复购报名、打卡率、达标人数、收款金额、新增成员。入群人数目标按入群记录计（再次入群再计一次），本期值按人计', null, '目标的日期范围'],
      ['the target of the newest goal scoped to this campaign with the matching metric: signups, paid, group joins, re-enrolments, check-in rate, members meeting the requirement, revenue, new members. A group-joins goal counts memberships (a member joining again counts again); the value here counts people', null, "the goal's dates"],
    ),
    previous: def(['同系列上一期（期数 − 1）按同样口径计算的值；差值 = 本期 − 上期', null, '截至此刻'], ['the same number for the edition before in the series (edition − 1); difference = this − previous', null, 'as of now']),
    result: def(['超出：实际 > 目标；达成：实际 = 目标；未达成：实际 < 目标', null, now[0]], ['exceeded: actual > target; met: actual = target; missed: actual < target', null, now[1]]),
    curve: def([`每天有${COUNTED_ZH}的报名数`, '该天结束前已报名、目前未取消的报名数', '营期第 1 天至结束（或至昨天）；上期按同一天对齐'], [`enrollments with ${COUNTED_EN} for each day`, 'enrollments made by the end of that day, not cancelled now', 'campaign day 1 to its end (or yesterday); the previous edition aligned by day'],),
  };
}
