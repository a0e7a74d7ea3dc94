// Demo goals, through the goals service: signups for the upcoming camp X4 split between 运营一组 and 运营二组 over its
// signup window, group joins for the running camp X3 weighted to the weekend, and a goal whose values are typed in.
import { addDays, localDate } from '../campaigns/rules.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const ZONE = 'Asia/Shanghai';

export async function seedGoals(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const teams = await services.staff.listTeams(ctx);
  const team = (name: string) => teams.find((t) => t.name === name)!.id;
  const ops = [team('运营一组'), team('运营二组')];
  const campaigns = await services.campaigns.listCampaigns(ctx, {}, now);
  const campaign = (key: string) => campaigns.find((c) => c.key === key)!;
  const today = localDate(now, ZONE);
  let goals = 0;
  let values = 0;

  // X4 takes signups from two weeks before it starts: 30 signups, split by hand between the two operations teams.
  const x4 = campaign('X4');
  const opens = x4.signupOpensAt ? localDate(new Date(x4.signupOpensAt), ZONE) : addDays(x4.startsOn, -14);
  await services.goals.create(ctx, {
    name: `${x4.key} 招募 30 人`, description: '报名期内按小组拆到每天；每天晚会复盘，未完成部分自动摊到剩余天数。',
    metric: 'signups', scopeKind: 'campaign', scopeId: x4.id, startsOn: opens, endsOn: addDays(x4.startsOn, -1), target: 30,
    teams: [{ teamId: ops[0]!, target: 12 }, { teamId: ops[1]!, target: 18 }], split: 'even',
  });
  goals++;

  // X3 is running: new joins of its groups, more expected at weekends when parents have time.
  const x3 = campaign('X3');
  await services.goals.create(ctx, {
    name: `${x3.key} 新增入群 10 人`, description: '老学员转介绍进群，周末加权。',
    metric: 'group_joins', scopeKind: 'campaign', scopeId: x3.id, startsOn: x3.startsOn, endsOn: x3.endsOn, target: 10,
    teams: ops.map((teamId) => ({ teamId })), split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 2, 2],
  });
  goals++;

  // This week's Moments shares, counted by hand: the days so far are typed in.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  const manual = await services.goals.create(ctx, {
    name: '本周朋友圈转发 140 次', description: '班主任每天汇报本组学员转发海报的次数。',
    metric: 'manual', scopeKind: 'workspace', startsOn: monday, endsOn: addDays(monday, 6), target: 140,
    teams: [{ teamId: ops[0]! }, { teamId: ops[1]! }], split: 'even',
  });
  goals++;
  for (let d = monday; d <= today; d = addDays(d, 1)) {
    for (const teamId of ops) {
      await services.goals.setActual(ctx, manual.id, { teamId, day: d, value: 6 + rng.int(8) });
      values++;
    }
  }
  return { goals, goalValues: values };
}
