// Demo campaigns being run: the members of each camp's groups enrolled (at signup time), deposits paid, daily
// check-ins through the real check-in service on the days they happened (the clock is moved for each), a few
// edited ones waiting for review, and the ended camps settled: refunds decided and, for the oldest, paid out.
import { addDays } from '../campaigns/rules.js';
import type { AccessContext } from '../http/access.js';
import type { MemberContext } from '../member-session/service.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const CHECKIN_TEXTS = [
  '今天背了 {n} 个新单词，复习了昨天的，默写全对！',
  '打卡 Day{d}：听力 15 分钟，跟读一篇短文。',
  '和孩子一起读完了今天的绘本，孩子自己讲了一遍故事。',
  'Day{d} 完成～今天有点累，但还是坚持下来了。',
  '早起 6:30 打卡，单词 {n} 个，例句抄写 5 句。',
  '今天复习为主，把错词本过了一遍。',
];
const REJECT_REASON = '打卡内容与当日任务无关，请按要求重新提交';

/** How diligent a member is: most keep going, some drop off (the usual 21-day camp curve). */
function diligence(rng: SeededRandom): number {
  const roll = rng.next();
  if (roll < 0.45) return 0.95;
  if (roll < 0.7) return 0.8;
  if (roll < 0.85) return 0.6;
  return 0.25;
}

/** An instant on a campaign's local date at hh:mm (the demo campaigns run in Asia/Shanghai). */
const at = (date: string, minute: number) => new Date(`${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`);

export async function seedCampaignRun(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date) {
  const totals = { enrollments: 0, payments: 0, checkins: 0, refunds: 0 };
  try {
    for (const campaign of await services.campaigns.listCampaigns(ctx, {}, now)) {
      if (campaign.series.key === 'Z') continue; // the trial class has not opened its signup yet
      const groups = (await services.groups.list(ctx, { campaignId: campaign.id, limit: 50 })).items;
      const memberNos = new Set<number>();
      for (const group of groups) {
        const page = await services.groups.memberships.list(ctx, group.id, { period: 'all', limit: 500 });
        for (const m of page.items) memberNos.add(m.memberNo);
      }
      // Enrolled while signup was open: two days before the start (or now, for a camp still taking signups).
      const signupAt = new Date(Math.min(now.getTime(), at(addDays(campaign.startsOn, -2), 20 * 60).getTime()));
      services.clock.set(signupAt);
      const enrolled: Array<{ id: number; member: MemberContext; diligence: number }> = [];
      for (const memberNo of memberNos) {
        const member = await services.members.get(ctx, memberNo);
        if (member.blocked || member.erasedAt || member.memberNo !== memberNo) continue; // blocklisted, erased or merged away
        const { enrollment } = await services.enrollments.enroll(ctx, campaign.id, { memberNo });
        totals.enrollments++;
        enrolled.push({ id: enrollment.id, diligence: diligence(rng), member: { workspaceId: ctx.workspaceId, memberId: member.id, memberNo, nickname: member.nickname, sessionId: 'demo' } });
        if (enrollment.amountDueCents > 0 && rng.chance(0.93)) {
          await services.payments.record(ctx, enrollment.id, {
            amountCents: enrollment.amountDueCents, paidAt: new Date(signupAt.getTime() - rng.int(3 * 86_400_000)).toISOString(), reference: `4200${campaign.key}${String(memberNo).padStart(8, '0')}`,
          });
          totals.payments++;
        }
      }
      totals.checkins += await checkInDays(services, campaign, enrolled, rng, now);
    }
    services.clock.set(null);
    totals.refunds += await reviewAndSettle(services, ctx, rng, now);
    totals.enrollments += await signupsForNextCamp(services, ctx, rng);
  } finally {
    services.clock.set(null);
  }
  return totals;
}

/**
 * The next camp takes signups from the December article: its channel leads to the signup page, and a few people
 * have signed up through it already (with the development identity provider: their phone).
 */
async function signupsForNextCamp(services: Services, ctx: AccessContext, rng: SeededRandom): Promise<number> {
  const next = (await services.campaigns.listCampaigns(ctx, {})).find((c) => c.signupOpen && c.series.key === 'X');
  const channel = (await services.channels.list(ctx, false)).find((c) => c.name === '12月推文·第4期预告');
  if (!next || !channel) return 0;
  await services.channels.update(ctx, channel.id, { campaignId: next.id });
  const withPhone = (await services.members.list(ctx, { tagIds: [], limit: 200 })).items.filter((m) => m.phone && !m.blocked);
  let count = 0;
  for (const member of withPhone.filter(() => rng.chance(0.08))) {
    await services.signup.signup({ code: channel.code, provider: 'dev', phone: member.phone! }, null, 'demo-seed');
    count++;
  }
  return count;
}

type Campaign = Awaited<ReturnType<Services['campaigns']['listCampaigns']>>[number];

/** Every day of the campaign up to now: each member checks in with their own diligence, at a time of their day. */
async function checkInDays(services: Services, campaign: Campaign, enrolled: Array<{ member: MemberContext; diligence: number }>, rng: SeededRandom, now: Date): Promise<number> {
  let count = 0;
  for (let day = 1; day <= campaign.rules.daysTotal; day++) {
    const date = addDays(campaign.startsOn, day - 1);
    for (const { member, diligence: p } of enrolled) {
      // Diligence fades a little through the camp.
      if (!rng.chance(p * (1 - (day / campaign.rules.daysTotal) * 0.1))) continue;
      const instant = at(date, 6 * 60 + rng.int(17 * 60));
      if (instant.getTime() > now.getTime()) continue;
      services.clock.set(instant);
      const text = rng.pick(CHECKIN_TEXTS).replace('{n}', String(20 + rng.int(31))).replace('{d}', String(day));
      await services.checkins.checkIn(member, campaign.key, { text }, []);
      count++;
      // Now and then someone edits their check-in: it goes to the review queue as edited.
      if (rng.chance(0.02)) {
        services.clock.set(new Date(instant.getTime() + 20 * 60_000));
        if (services.clock.now().getTime() <= now.getTime()) await services.checkins.checkIn(member, campaign.key, { text: `${text}（补充：晚上又复习了一遍）` }, []);
      }
    }
  }
  return count;
}

/** Ended camps: flagged check-ins reviewed, settlement decided; the oldest camp's refunds paid out. */
async function reviewAndSettle(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<number> {
  let refunds = 0;
  const ended = (await services.campaigns.listCampaigns(ctx, {}, now)).filter((c) => c.status === 'ended' && c.depositCents > 0);
  for (const campaign of ended) {
    const pending = await services.checkins.reviewQueue(ctx, { campaignId: campaign.id, status: 'pending', limit: 500 });
    for (const item of pending.items) {
      const approve = rng.chance(0.8);
      await services.checkins.review(ctx, item.id, approve ? { decision: 'approve' } : { decision: 'reject', reason: REJECT_REASON });
    }
    await services.settlement.decide(ctx, campaign.id, { class: 'eligible', decision: 'refund' });
    await services.settlement.decide(ctx, campaign.id, { class: 'not_eligible', decision: 'forfeit' });
    const oldest = campaign.edition === 1;
    const view = await services.settlement.settlement(ctx, campaign.id);
    // Borderline (临界) ones are decided one by one in the oldest camp: an appeal granted, the rest kept.
    const borderline = view.items.filter((r) => r.class === 'borderline' && r.decision === null && r.paidCents > 0);
    if (oldest && borderline.length > 0) {
      const [granted, ...kept] = borderline;
      await services.settlement.decide(ctx, campaign.id, { enrollmentIds: [granted!.enrollmentId], decision: 'refund', reason: '申诉通过：第 9、10 天住院，有病历照片' });
      if (kept.length) await services.settlement.decide(ctx, campaign.id, { enrollmentIds: kept.map((r) => r.enrollmentId), decision: 'forfeit', reason: '临界，未申诉，按规则不退' });
    }
    const decided = (await services.settlement.settlement(ctx, campaign.id)).items.filter((r) => r.decision === 'refund' && r.refundedAt === null);
    // The oldest camp's refunds were all paid out; the newer one's finance run is half done.
    for (const row of decided.filter(() => oldest || rng.chance(0.5))) {
      await services.settlement.refund(ctx, row.enrollmentId, { amountCents: row.refundDueCents, reference: `5030${campaign.key}${String(row.member.memberNo).padStart(8, '0')}` });
      refunds++;
    }
  }
  return refunds;
}
