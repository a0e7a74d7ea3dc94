// Demo retrospective (复盘) of the ended X2: the numbers come from the briefings service itself, so the goal, result,
// analysis and insight typed below — written as the camp's 班主任 would — quote exactly what the page shows.
import { addDays, localDate } from '../campaigns/rules.js';
import type { RetrospectiveOut } from '../briefings/schema.js';
import { ROLE_PERMISSIONS } from '../auth/permissions.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pct = (value: number | null | undefined) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);
const yuan = (cents: number | null | undefined) => (cents == null ? '—' : `¥${Math.round(cents / 100).toLocaleString('en-US')}`);

/** Compared with the previous edition, in words: 高于 / 低于 / 持平. */
function against(m: RetrospectiveOut['metrics'][number], higherIsBetter = true): string {
  if (m.previous === null || m.diff === null) return '';
  const shown = m.unit === 'rate' ? `${(Math.abs(m.diff) * 100).toFixed(1)} 个百分点` : m.unit === 'cents' ? yuan(Math.abs(m.diff)) : `${Math.abs(m.diff)} 人`;
  if (m.diff === 0) return '，与上期持平';
  const better = (m.diff > 0) === higherIsBetter;
  return `，比上期${m.diff > 0 ? '高' : '低'} ${shown}${better ? '' : '（退步）'}`;
}

/** The day the check-in curve fell most from the day before (the "断卡日" the team talks about). */
function steepestDrop(curve: RetrospectiveOut['curve']): { day: number; from: number; to: number } | null {
  let best: { day: number; from: number; to: number } | null = null;
  for (let i = 1; i < curve.length; i++) {
    const from = curve[i - 1]!.rate.value;
    const to = curve[i]!.rate.value;
    if (from === null || to === null) continue;
    if (best === null || from - to > best.from - best.to) best = { day: curve[i]!.dayIndex, from, to };
  }
  return best;
}

export async function seedBriefings(services: Services, ctx: AccessContext, _rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const x2 = (await services.campaigns.listCampaigns(ctx, {}, now)).find((c) => c.key === 'X2');
  if (!x2) return { retrospectives: 0 };
  const staff = await services.staff.list(ctx);
  const owner = (username: string) => staff.find((s) => s.username === username)?.id ?? null;
  // The camp's 班主任 writes it, so the page shows who did.
  const author = staff.find((s) => s.username === 'banzhuren1');
  const writer: AccessContext = author
    ? { ...ctx, actor: { kind: 'staff', id: author.id, name: author.displayName }, staffId: author.id, role: author.role, permissions: ROLE_PERMISSIONS[author.role] }
    : ctx;
  services.clock.set(now);
  try {
    const retro = await services.briefings.retrospective(ctx, x2.id);
    const m = (key: RetrospectiveOut['metrics'][number]['key']) => retro.metrics.find((x) => x.key === key)!;
    const drop = steepestDrop(retro.curve);
    const last = retro.curve[retro.curve.length - 1];
    const sop = m('sop_completion');
    const today = localDate(now, 'Asia/Shanghai');

    const goalNote = [
      `本期（${x2.key}，${x2.startsOn} – ${x2.endsOn}）定的目标：招满 1 个群；首日打卡率不低于上期；`,
      `结营完成率（${x2.rules.daysTotal} 天里打满 ${x2.rules.daysRequiredForCompletion} 天）不低于上期；结营后至少三成学员续报下一期。`,
    ].join('');
    const resultNote = [
      `报名 ${m('signups').value} 人${against(m('signups'))}；首日打卡率 ${pct(m('day1_checkin_rate').value)}${against(m('day1_checkin_rate'))}；`,
      `整期平均打卡率 ${pct(m('checkin_rate').value)}，完成率 ${pct(m('completion_rate').value)}${against(m('completion_rate'))}；`,
      `退押金 ${m('refunds').value} 人 ${yuan(m('refund_cents').value)}，净收入 ${yuan(m('net_cents').value)}；续报 ${m('reenrolled').value} 人（${pct(m('reenrolment_rate').value)}）。`,
    ].join('');
    const analysis = [
      `1. 招生：本期只在老学员群和公众号推文里发了招募，新渠道没有投放，报名 ${m('signups').value} 人，其中老学员复购 ${m('returning').value} 人、新学员 ${m('new_members').value} 人。`
        + '新学员基本来自推文，海报转发带来的很少——海报上没有写清楚"押金打满返还"，家长以为要付 99 元学费。',
      `2. 开营：首日打卡率 ${pct(m('day1_checkin_rate').value)}。D-1 晚上只在群里发了开营公告，没有逐个私聊确认"明早第一次打卡"，`
        + '有一部分家长第二天才看到群消息；入群率没问题，问题在开营提醒只靠群公告。',
      drop
        ? `3. 中段断卡：打卡曲线在第 ${drop.day} 天（${WEEKDAYS[new Date(`${addDays(x2.startsOn, drop.day - 1)}T00:00:00Z`).getUTCDay()]}）掉得最多（${pct(drop.from)} → ${pct(drop.to)}）。`
          + `前一晚的打卡提醒只发在群里，未打卡名单第二天上午才私聊，晚了半天，断了两天的学员大多没再回来。最后一天打卡率 ${pct(last?.rate.value)}。`
        : '3. 中段断卡：本期打卡曲线还不完整，暂不分析。',
      sop.value === null
        ? '4. SOP 执行：本期的 SOP 任务没有在系统里派发，执行情况只能靠群聊记录回看，下期全部走 SOP 任务。'
        : `4. SOP 执行：本期群里的 SOP 任务完成率 ${pct(sop.value)}，准时率 ${pct(m('sop_punctuality').value)}；没做的集中在晚上 20:00 的未打卡私聊——助教白天还要处理退款咨询，晚上顾不过来。`,
      '5. 临界学员：差 1–2 天达标的学员在结营前没有被单独提醒补卡，结算时只能按规则不退，事后解释的沟通成本很高。',
    ].join('\n');
    const insight = [
      '按优先级：',
      '① 开营前一天 20:00 前，班主任逐个私聊确认"明早打卡"，首日 20:00 拉未打卡名单再私聊一次——首日打卡决定整期的曲线。',
      `② 第 ${drop?.day ?? 7} 天前安排一次 15 分钟直播答疑，把前一晚 20:00 的打卡提醒和 21:30 的未打卡私聊设成必做 SOP，不能跳过。`,
      '③ 结营前 3 天，把"还差 1–2 天"的学员单独拉出来私聊，告诉他们还能补到哪一天，少一半申诉。',
      '④ 海报和推文写清楚"押金 99 元，打满返还"，下期在两个家长社群试投新渠道，看单个报名成本。',
    ].join('\n');

    await services.briefings.saveRetrospective(writer, x2.id, {
      goalNote, resultNote, analysis, insight,
      actions: [
        { what: '开营 SOP 增加 D-1 逐个私聊确认、D1 20:00 未打卡私聊两步', ownerId: owner('banzhuren1'), due: addDays(today, 3) },
        { what: '断卡高峰前的直播答疑排进下期日程，晚间提醒与私聊设为必做 SOP', ownerId: owner('zhujiao1'), due: addDays(today, 7) },
        { what: '结营前 3 天拉"差 1–2 天"名单并私聊补卡', ownerId: owner('banzhuren2'), due: addDays(today, 14) },
        { what: '招募海报改版：写清押金返还规则，申请两个家长社群的投放预算', ownerId: owner('admin'), due: addDays(today, 5) },
      ],
    });
  } finally {
    services.clock.set(null);
  }
  return { retrospectives: 1 };
}
