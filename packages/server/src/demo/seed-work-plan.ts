// The demo's work planning: this week's key focus of each demo team (set by its lead) and a dozen work items of the
// demo staff across the three categories — some done, one overdue — through the real service.
import { addDays, weekStart } from '../analytics/days.js';
import { ROLE_PERMISSIONS, type Role } from '../auth/permissions.js';
import { localDate } from '../campaigns/rules.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { Category, Status } from '../work-plan/schema.js';
import type { SeededRandom } from './random.js';

const FOCUS: Record<string, { title: string; description: string }> = {
  运营一组: { title: 'X4 招募：两组共 400 报名', description: 'X4 九天后开营：每天朋友圈两条、老学员群转发一次；每晚对一次报名数，差额第二天补上。' },
  运营二组: { title: 'X3 后半程：打卡率拉回 70% 以上', description: '第二、三周是流失高峰：当天未打卡的私聊提醒，差 1–2 天的临界学员一对一跟进。' },
  销售组: { title: 'Y2 结营转化：正价课 20 单', description: '结营前两天做完意向分层，高意向当天电话回访。' },
};

/** [owner, created by, category, title, due in days from today (null: undated; kept within this week), status]. */
const ITEMS: Array<[string, string, Category, string, number | null, Status]> = [
  ['banzhuren1', 'banzhuren1', 'planning', '设计 X4 老带新激励：邀请 2 人返 20 元', 2, 'doing'],
  ['banzhuren1', 'banzhuren1', 'routine', 'X3 打卡1群 晚 8 点打卡提醒', 0, 'done'],
  ['banzhuren1', 'banzhuren1', 'transactional', '提交上月运营数据给财务', -2, 'todo'],
  ['zhujiao1', 'banzhuren1', 'routine', '整理 X4 报名表，标注来源渠道', 1, 'todo'],
  ['zhujiao1', 'banzhuren1', 'planning', '梳理 X 系列入群 SOP 第 2 版', 4, 'todo'],
  ['zhujiao1', 'zhujiao1', 'transactional', '更新群公告模板', null, 'done'],
  ['banzhuren2', 'banzhuren2', 'planning', 'X3 临界学员挽回方案（差 1–2 天）', 1, 'doing'],
  ['banzhuren2', 'banzhuren2', 'routine', 'X3 打卡2群 未打卡名单私聊', 0, 'todo'],
  ['banzhuren2', 'banzhuren2', 'transactional', '配合市场部提供 Y 系列案例截图', 3, 'todo'],
  ['sales1', 'sales1', 'planning', 'Y2 意向分层话术更新', 1, 'todo'],
  ['sales1', 'sales1', 'routine', 'Y2 高意向学员回访 15 人', 0, 'doing'],
  ['sales1', 'sales1', 'transactional', '核对上周退款名单', -1, 'done'],
  ['admin', 'admin', 'planning', '下季度渠道预算：集中到产出最高的 4–5 个渠道', 5, 'todo'],
];

export async function seedWorkPlan(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const { timezone } = await services.workspaces.get(ctx.workspaceId);
  const today = localDate(now, timezone);
  const staff = await services.staff.list(ctx);
  const as = new Map<string, AccessContext>(staff.map((s) => [s.username, {
    ...ctx, actor: { kind: 'staff', id: s.id, name: s.displayName }, staffId: s.id, role: s.role as Role, permissions: ROLE_PERMISSIONS[s.role as Role],
  }]));
  const byUsername = (username: string) => {
    const found = as.get(username);
    if (!found) throw new Error(`demo staff ${username} is missing`);
    return found;
  };

  let weeklyFocus = 0;
  for (const team of await services.staff.listTeams(ctx)) {
    const focus = FOCUS[team.name];
    const lead = staff.find((s) => s.id === team.leadStaffId);
    if (!focus || !lead) continue;
    await services.workPlan.setFocus(byUsername(lead.username), team.id, weekStart(today), focus);
    weeklyFocus++;
  }

  const sunday = addDays(weekStart(today), 6);
  const dueOn = (days: number) => {
    const day = addDays(today, days);
    // Work planned ahead stays in this week, so the demo's week view shows it whatever weekday it is seeded on.
    return days > 0 && day > sunday ? sunday : day;
  };
  // Created in a shuffled order, so the list's category ordering is visibly the service's work, not insertion order.
  const order = ITEMS.map((item) => ({ item, key: rng.next() })).sort((x, y) => x.key - y.key).map((x) => x.item);
  for (const [owner, creator, category, title, due, status] of order) {
    await services.workPlan.create(byUsername(creator), {
      title, category, status, dueOn: due === null ? null : dueOn(due), ownerStaffId: byUsername(owner).staffId!,
    });
  }
  return { workItems: order.length, weeklyFocus };
}
