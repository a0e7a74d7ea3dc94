// Demo channels: where people come from (articles, posters, a live stream), two levels deep, each with its short
// link and a live-code pool in front of the groups of the camp it recruits for; visits go through the real routing.
import { createHash } from 'node:crypto';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

interface DemoChannel {
  name: string;
  costCents?: number;
  owner?: number;
  /** Names of the groups in the pool, in routing order. */
  pool: string[];
  children?: DemoChannel[];
  visits: number;
}

export async function seedChannels(services: Services, ctx: AccessContext, staffIds: number[], rng: SeededRandom) {
  const fullPool = ['X3 打卡1群', 'X3 打卡2群', 'X4 打卡1群'];
  const plan: DemoChannel[] = [
    { name: '公众号推文', pool: fullPool, visits: 12, children: [
      { name: '11月推文·单词打卡招募', pool: fullPool, visits: 25 },
      { name: '12月推文·第4期预告', pool: ['X4 打卡1群'], visits: 9 },
    ] },
    { name: '朋友圈海报', pool: fullPool, visits: 6, children: [
      { name: '李老师海报', owner: staffIds[0], pool: fullPool, visits: 14 },
      { name: '赵助教海报', owner: staffIds[1], pool: fullPool, visits: 8 },
    ] },
    { name: '视频号直播', costCents: 50_000, pool: ['Y2 共读1群'], visits: 10 },
    // A pool of groups without a valid QR: every visit ends on the fallback page and raises an alert.
    { name: '老学员转介绍', pool: ['X 系列老学员群'], visits: 3 },
  ];
  const groups = (await services.groups.list(ctx, { limit: 200 })).items;
  const idOf = (name: string) => groups.find((g) => g.name === name)!.id;
  let channels = 0;
  let visits = 0;

  const create = async (spec: DemoChannel, parentId: number | null) => {
    const channel = await services.channels.create(ctx, {
      name: spec.name,
      parentId,
      costCents: spec.costCents ?? 0,
      ownerStaffId: spec.owner ?? rng.pick(staffIds),
      fallbackMessage: '本期群已满，请添加班主任微信，我们会尽快拉你进群。',
    });
    await services.channels.setPool(ctx, channel.id, spec.pool.map(idOf));
    channels++;
    // Some people open the link twice: unique visitors stay below visits.
    const people = Array.from({ length: spec.visits }, () => createHash('sha256').update(`demo-visitor-${rng.int(1e9)}`).digest('hex'));
    for (let v = 0; v < spec.visits; v++) {
      await services.channels.visit(channel.code, rng.chance(0.2) && v > 0 ? people[v - 1]! : people[v]!);
      visits++;
    }
    for (const child of spec.children ?? []) await create(child, channel.id);
  };
  for (const spec of plan) await create(spec, null);
  return { channels, visits };
}
