// Demo campaigns and the community matrix: three series (word check-in camps, parent-child reading, a math trial
// class) with editions past, running and upcoming, their groups, and members joining and leaving over time.
import QRCode from 'qrcode';
import { localDate } from '../campaigns/rules.js';
import { checkImage } from '../groups/qr-image.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

interface DemoMember {
  memberNo: number;
  nickname: string;
  createdAt: string;
}

interface Edition {
  series: string;
  name: string;
  /** Start relative to today, in days. */
  startsIn: number;
  days: number;
  required: number;
  depositCents: number;
  priceCents: number;
  groups: number;
  /** Share of the members who had joined by then that take part. */
  uptake: number;
}

const SERIES = [
  { key: 'X', name: '21天单词打卡', theme: '英语' },
  { key: 'Y', name: '亲子共读营', theme: '阅读' },
  { key: 'Z', name: '数学思维体验课', theme: '数学' },
];

const EDITIONS: Edition[] = [
  { series: 'X', name: '21天单词打卡 第1期', startsIn: -95, days: 21, required: 15, depositCents: 9900, priceCents: 0, groups: 1, uptake: 0.6 },
  { series: 'X', name: '21天单词打卡 第2期', startsIn: -60, days: 21, required: 15, depositCents: 9900, priceCents: 0, groups: 1, uptake: 0.45 },
  { series: 'X', name: '21天单词打卡 第3期', startsIn: -12, days: 21, required: 15, depositCents: 9900, priceCents: 0, groups: 2, uptake: 0.5 },
  { series: 'X', name: '21天单词打卡 第4期', startsIn: 9, days: 21, required: 15, depositCents: 9900, priceCents: 0, groups: 1, uptake: 0.1 },
  { series: 'Y', name: '5天亲子共读 第1期', startsIn: -40, days: 5, required: 4, depositCents: 0, priceCents: 990, groups: 1, uptake: 0.3 },
  { series: 'Y', name: '5天亲子共读 第2期', startsIn: -2, days: 5, required: 4, depositCents: 0, priceCents: 990, groups: 1, uptake: 0.25 },
  { series: 'Z', name: '数学思维体验课 第1期', startsIn: 5, days: 3, required: 3, depositCents: 0, priceCents: 0, groups: 1, uptake: 0.08 },
];

export async function seedCampaignsAndGroups(services: Services, ctx: AccessContext, owners: number[], members: DemoMember[], rng: SeededRandom, now: Date) {
  const seriesIds = new Map<string, number>();
  for (const s of SERIES) seriesIds.set(s.key, (await services.campaigns.createSeries(ctx, s)).id);

  let joins = 0;
  for (const edition of EDITIONS) {
    const start = new Date(now.getTime() + edition.startsIn * DAY);
    const startsOn = localDate(start, ZONE);
    const endsOn = localDate(new Date(start.getTime() + (edition.days - 1) * DAY), ZONE);
    const campaign = await services.campaigns.createCampaign(ctx, {
      seriesId: seriesIds.get(edition.series)!,
      name: edition.name,
      startsOn,
      endsOn,
      signupOpensAt: new Date(start.getTime() - 14 * DAY).toISOString(),
      signupClosesAt: new Date(start.getTime() - DAY / 2).toISOString(),
      depositCents: edition.depositCents,
      priceCents: edition.priceCents,
      capacity: 200 * edition.groups,
      rules: { daysTotal: edition.days, daysRequiredForCompletion: edition.required, daysRequiredForRefund: edition.required, graceDays: 1 },
    });
    const groups = [];
    for (let g = 1; g <= edition.groups; g++) {
      groups.push(await services.groups.create(ctx, {
        platform: edition.series === 'Z' ? 'wecom' : 'wechat',
        name: `${campaign.key} ${edition.series === 'X' ? '打卡' : edition.series === 'Y' ? '共读' : '体验'}${g}群`,
        ownerStaffId: rng.pick(owners),
        campaignId: campaign.id,
        theme: SERIES.find((s) => s.key === edition.series)!.theme,
      }));
    }
    // Groups of camps still to come or running carry a group QR. A demo cannot hold real WeChat codes, so the
    // image says plainly that it is a demo code for that group.
    if (edition.startsIn > -edition.days) {
      for (const group of groups) {
        const png = await QRCode.toBuffer(`群运演示：${group.name} 的群二维码（示例，非真实微信群）`, { width: 360, margin: 2 });
        await services.groups.setQr(ctx, group.id, png, checkImage(png));
      }
    }
    // People join a campaign's group from a week before it starts; those who signed up earlier than that.
    const joinFrom = start.getTime() - 7 * DAY;
    const eligible = members.filter((m) => Date.parse(m.createdAt) < Math.min(joinFrom + 6 * DAY, now.getTime()));
    const taking = eligible.filter(() => rng.chance(edition.uptake)).slice(0, 190 * edition.groups);
    for (const [index, member] of taking.entries()) {
      const group = groups[index % groups.length]!;
      const joinedAt = new Date(Math.max(joinFrom, Date.parse(member.createdAt)) + rng.int(6 * DAY));
      if (joinedAt.getTime() > now.getTime()) continue;
      const renamed = rng.chance(0.7);
      await services.groups.memberships.join(ctx, group.id, {
        memberNo: member.memberNo,
        joinedAt: joinedAt.toISOString(),
        ...(renamed ? { groupNickname: `${member.memberNo}-${member.nickname}` } : {}),
      });
      joins++;
      // Some leave during or after the camp.
      const leftAt = joinedAt.getTime() + (3 + rng.int(edition.days + 20)) * DAY;
      if (rng.chance(0.18) && leftAt < now.getTime()) {
        await services.groups.memberships.leave(ctx, group.id, member.memberNo, new Date(leftAt).toISOString());
      }
    }
  }

  // The oldest camp's group was wound down after it ended: its people moved on to the series group.
  const [oldest] = (await services.groups.list(ctx, { q: 'X1 ', limit: 1 })).items;
  if (oldest) await services.groups.update(ctx, oldest.id, { status: 'archived' });

  // Groups that outlive their campaigns: the matrix's long-lived communities per series.
  for (const [series, name, theme] of [['X', 'X 系列老学员群', '英语'], ['Y', '亲子阅读交流群', '阅读']] as const) {
    const group = await services.groups.create(ctx, { platform: 'wechat', name, ownerStaffId: rng.pick(owners), seriesId: seriesIds.get(series)!, theme });
    for (const member of members.filter(() => rng.chance(0.12)).slice(0, 150)) {
      await services.groups.memberships.join(ctx, group.id, { memberNo: member.memberNo, joinedAt: new Date(Math.max(Date.parse(member.createdAt), now.getTime() - 30 * DAY)).toISOString() });
      joins++;
    }
  }
  return { series: SERIES.length, campaigns: EDITIONS.length, joins };
}
