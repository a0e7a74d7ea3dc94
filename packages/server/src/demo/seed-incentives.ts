// Demo staff points: manual awards and penalties of the last four weeks with the reasons teams write (优秀作业点评,
// 客诉, 续报…), one mistaken award reversed and given to the right person. Rule points come from SOP tasks and the
// settle job. Written through the service, each on a past local day; call it while the clock reads real time.
import { addDays, localDate } from '../campaigns/rules.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

interface DemoAward {
  username: string;
  points: number;
  reason: string;
}

const AWARDS: DemoAward[] = [
  { username: 'banzhuren1', points: 5, reason: '优秀作业点评：X3 打卡1群的点评被多位家长转发' },
  { username: 'zhujiao1', points: 3, reason: '答疑及时：当晚 22 点前回复了全部私聊提问' },
  { username: 'banzhuren2', points: -3, reason: '客诉：家长反映退款进度未同步，三天无人回复' },
  { username: 'sales1', points: 10, reason: '续报转化：X3 五位学员续报 X4' },
  { username: 'zhujiao1', points: -5, reason: '违规：在学员群发布了未经审核的广告链接' },
  { username: 'banzhuren2', points: 5, reason: '好评：家长在群里公开表扬（截图已存档）' },
  { username: 'banzhuren1', points: 2, reason: '问题库贡献：新增 3 条退费与补卡话术' },
  { username: 'zhujiao1', points: 4, reason: '复盘质量：X2 复盘 GRAI 写得清楚，被选为范例' },
  { username: 'sales1', points: -2, reason: '客诉：试听课后未按约定时间回电' },
  { username: 'banzhuren1', points: 3, reason: '全勤打卡带动：X3 打卡1群连续 7 天打卡率超过 90%' },
];

export async function seedIncentives(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const workspace = await services.workspaces.get(ctx.workspaceId);
  const today = localDate(now, workspace.timezone);
  const staff = await services.staff.list(ctx);
  const idOf = (username: string) => staff.find((s) => s.username === username)!.id;
  let entries = 0;

  // Oldest first, one to three days apart, so the four weeks each have a few.
  let back = 27;
  for (const award of AWARDS) {
    await services.incentives.award(ctx, { staffId: idOf(award.username), points: award.points, reason: award.reason, day: addDays(today, -back) });
    entries++;
    back = Math.max(1, back - 1 - rng.int(3));
  }

  // An award booked to the wrong person, corrected the way the ledger allows: reversed, then given to the right one.
  const day = addDays(today, -6);
  const wrong = await services.incentives.award(ctx, { staffId: idOf('banzhuren2'), points: 5, reason: '优秀作业点评：X3 打卡2群的作业点评', day });
  await services.incentives.reverse(ctx, wrong.id, '记错人了：2群的点评是李老师做的');
  await services.incentives.award(ctx, { staffId: idOf('banzhuren1'), points: 5, reason: '优秀作业点评：X3 打卡2群的作业点评（更正）', day });
  entries += 3;

  return { pointsEntries: entries };
}
