// The demo problem bank: the camp categories practitioners use, about twenty problems met in the demo camps' groups
// (some with the member who asked) with scripted answers, written by the operators over the past weeks, and reused
// — copied for members of the running camp — on the days it happened (the clock is moved for each, then restored).
import { ROLE_PERMISSIONS } from '../auth/permissions.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const DAY = 86_400_000;

/** Top-level categories (research §2.6) and a few second-level ones. */
const CATEGORIES: Array<[string, string[]]> = [
  ['报名/支付', []],
  ['入群/进不了群', ['二维码过期', '群已满']],
  ['打卡操作', []],
  ['补卡/请假', []],
  ['押金退款', ['退款时间', '退款条件']],
  ['课程内容', []],
  ['转化/价格/优惠', []],
  ['投诉/退群', []],
];

interface DemoProblem {
  title: string;
  description?: string;
  category: string;
  tags: string[];
  /** Series of the camp it was met in (the latest started edition), or null. */
  series: 'X' | 'Y' | 'Z' | null;
  /** Also note the member who asked. */
  withMember?: boolean;
  answers: string[];
  /** Relative weight of reuse per answer (0: never reused). */
  reuse: number[];
  archived?: boolean;
}

const PROBLEMS: DemoProblem[] = [
  {
    title: '付了押金但没收到报名成功的通知', category: '报名/支付', tags: ['支付', '报名'], series: 'X', withMember: true,
    answers: ['{昵称}您好，押金支付成功后可以在公众号菜单「我的营期」里查看报名状态；如果显示未报名，请把支付截图发给班主任，我们 1 个工作日内帮您处理。'],
    reuse: [4],
  },
  {
    title: '可以用家人的微信帮孩子报名吗？', category: '报名/支付', tags: ['报名'], series: 'X',
    answers: ['可以代付，但报名时请填写孩子本人的信息；之后打卡也要用报名时的微信提交，押金才能原路退回哦。'],
    reuse: [2],
  },
  {
    title: '9.9 元的共读营能开发票吗？', category: '报名/支付', tags: ['发票'], series: 'Y',
    answers: ['可以开电子普通发票，请在营期结束后 30 天内把发票抬头和税号发给班主任。'],
    reuse: [1],
  },
  {
    title: '扫码进不了群怎么办', description: '家长反馈扫码后提示「二维码已过期」', category: '二维码过期', tags: ['二维码', '入群'], series: 'X', withMember: true,
    answers: [
      '{昵称}您好～群二维码每 7 天更新一次，请回到报名页面重新扫码，页面上的二维码始终是最新的。',
      '如果重新扫码还是进不了，请直接加班主任微信，备注「{学号}」，我们拉您进{营期}的学习群。',
    ],
    reuse: [9, 5],
  },
  {
    title: '扫码提示群已满 200 人', category: '群已满', tags: ['入群'], series: 'X',
    answers: ['抱歉让您久等了！我们已经开了新群，请回到报名页面刷新一下，扫最新的二维码就能进群。'],
    reuse: [3],
  },
  {
    title: '进群后找不到打卡入口', category: '打卡操作', tags: ['打卡入口'], series: 'X',
    answers: ['打卡入口在群公告第一条，也可以从公众号菜单「每日打卡」进入。记得用报名时的微信打开哦。'],
    reuse: [6],
  },
  {
    title: '打卡提交后显示「待审核」是什么意思', category: '打卡操作', tags: ['审核'], series: 'X', withMember: true,
    answers: ['打卡内容修改过或者没有上传图片时，会进入老师审核；审核期间照样计入打卡天数，不用担心～'],
    reuse: [3],
  },
  {
    title: '今天打卡忘了传图片，还能补传吗', category: '打卡操作', tags: ['打卡', '图片'], series: 'X',
    answers: ['当天 23:59 前可以重新提交一次，会覆盖之前的内容。{昵称}今天是第{第几天}天，截止前改好就算今天的。'],
    reuse: [4],
  },
  {
    title: '每天几点之前要打卡？', category: '打卡操作', tags: ['打卡时间'], series: 'X',
    answers: ['每天 00:00–23:59 都可以打卡，以提交时间为准；建议晚上 8 点前完成，8 点我们会在群里提醒还没打卡的同学。'],
    reuse: [5],
  },
  {
    title: '漏打了一天可以补卡吗', category: '补卡/请假', tags: ['补卡'], series: 'X', withMember: true,
    answers: ['可以补卡：漏打的那天 3 天内都能补，每期最多补 2 次，补卡需要老师审核。{昵称}目前已打卡{打卡天数}天，还差{还差天数}天就能退押金啦，加油！'],
    reuse: [8],
  },
  {
    title: '孩子生病住院了，可以请假吗', category: '补卡/请假', tags: ['请假'], series: 'X',
    answers: ['请私信班主任并提供就诊证明，我们为您登记请假，请假期间不算缺卡。祝宝贝早日康复！'],
    reuse: [1],
  },
  {
    title: '押金什么时候退款？', category: '退款时间', tags: ['押金', '退款'], series: 'X',
    answers: [
      '{营期}结营后 7 个工作日内原路退回，退款会回到支付时用的微信零钱或银行卡。',
      '{昵称}您好，您目前已打卡{打卡天数}天，要求{要求天数}天，还差{还差天数}天。坚持到结营就能全额退押金～',
    ],
    reuse: [10, 7],
  },
  {
    title: '差一两天没达标，还能退押金吗', category: '退款条件', tags: ['押金', '临界'], series: 'X',
    answers: ['退押金需要打卡满{要求天数}天。差 1–2 天的同学结营后我们会单独审核，请保留好打卡记录，班主任会主动联系您。'],
    reuse: [3],
  },
  {
    title: '退款到账金额和押金不一样', category: '退款时间', tags: ['退款'], series: 'X',
    answers: ['押金 99 元全额退回，不扣手续费；如果到账金额不对，请把退款通知截图发给班主任，我们马上核对。'],
    reuse: [0],
  },
  {
    title: '每天要背多少个单词？', category: '课程内容', tags: ['学习量'], series: 'X',
    answers: ['每天 15–20 个新词加复习，跟着群里每天早上 7 点发的学习卡片走就可以，{剩余天数}天后就能完成全部词表。'],
    reuse: [2],
  },
  {
    title: '共读的绘本在哪里看回放', category: '课程内容', tags: ['回放'], series: 'Y',
    answers: ['回放在公众号「我的课程」里，保留到{营期}结营后一个月。'],
    reuse: [2],
  },
  {
    title: '正价课多少钱？有优惠吗？', category: '转化/价格/优惠', tags: ['正价课', '优惠'], series: 'X', withMember: true,
    answers: ['{昵称}您好，正价课原价 1999 元；训练营学员结营后 7 天内报名享 8 折，押金还可以直接抵扣。'],
    reuse: [4],
  },
  {
    title: '老学员续报下一期有优惠吗', category: '转化/价格/优惠', tags: ['续报', '优惠'], series: 'X',
    answers: ['老学员续报下一期押金减半（49 元），报名页填写学号{学号}就会自动识别。'],
    reuse: [2],
  },
  {
    title: '群里广告太多了', category: '投诉/退群', tags: ['广告'], series: 'X',
    answers: ['已经把发广告的账号移出群聊并拉黑，谢谢提醒！以后看到广告可以直接 @班主任。'],
    reuse: [1],
  },
  {
    title: '不想参加了，怎么退群退押金', category: '投诉/退群', tags: ['退群', '押金'], series: 'X', withMember: true,
    answers: ['中途退出押金是不退的哦～如果是时间安排不过来，可以申请延期到下一期，押金保留。{昵称}已经坚持了{打卡天数}天，再坚持{还差天数}天就能全额退回，要不要再试试？'],
    reuse: [2],
  },
  {
    title: '数学体验课需要准备什么', category: '课程内容', tags: ['体验课'], series: 'Z',
    answers: ['准备纸笔和一副扑克牌就可以，开课前一天会在群里发详细清单。'],
    reuse: [0],
  },
  {
    title: '打卡页面一直转圈打不开', description: '安卓手机，微信版本较旧', category: '打卡操作', tags: ['故障'], series: 'X', withMember: true,
    answers: [], reuse: [],
  },
  {
    title: '旧版打卡链接打不开', category: '打卡操作', tags: ['故障'], series: 'X',
    answers: ['旧链接已停用，请从公众号菜单「每日打卡」进入新版。'], reuse: [1], archived: true,
  },
];

export async function seedProblems(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const { problems, clock } = services;
  // The operators and the salesperson write and reuse the answers, as they would in real use.
  const writers = (await services.staff.list(ctx)).filter((s) => !s.disabled && ROLE_PERMISSIONS[s.role].has('problems.write'))
    .map((s): AccessContext => ({ ...ctx, actor: { kind: 'staff', id: s.id, name: s.displayName }, staffId: s.id, role: s.role, permissions: ROLE_PERMISSIONS[s.role] }));
  const authors = writers.length ? writers : [ctx];

  const categoryIds = new Map<string, number>();
  for (const [name, children] of CATEGORIES) {
    const parent = await problems.categories.create(ctx, { name });
    categoryIds.set(name, parent.id);
    for (const child of children) categoryIds.set(child, (await problems.categories.create(ctx, { name: child, parentId: parent.id })).id);
  }

  // Each series' latest edition that has started (the future trial class for Z), its groups and their members.
  const campaigns = await services.campaigns.listCampaigns(ctx, {}, now);
  const camps = new Map<string, { id: number; startsOn: string; groups: Array<{ id: number; memberNos: number[] }> }>();
  for (const key of ['X', 'Y', 'Z'] as const) {
    const editions = campaigns.filter((c) => c.series.key === key).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const campaign = editions.filter((c) => c.status === 'running' || c.status === 'ended').pop() ?? editions[0];
    if (!campaign) continue;
    const groups = [];
    for (const group of (await services.groups.list(ctx, { campaignId: campaign.id, limit: 50 })).items) {
      const page = await services.groups.memberships.list(ctx, group.id, { period: 'current', limit: 200 });
      groups.push({ id: group.id, memberNos: page.items.map((m) => m.memberNo) });
    }
    camps.set(key, { id: campaign.id, startsOn: campaign.startsOn, groups });
  }

  const totals = { problems: 0, problemAnswers: 0, answerUses: 0 };
  const uses: Array<{ at: number; answerId: number; author: AccessContext; camp: string | null }> = [];
  try {
    for (const p of PROBLEMS) {
      const camp = p.series ? camps.get(p.series) : undefined;
      const group = camp?.groups.length ? rng.pick(camp.groups) : undefined;
      const member = p.withMember && group?.memberNos.length ? rng.pick(group.memberNos) : undefined;
      // Written after the camp began (or, for one not begun, during the last week), during working hours.
      const since = camp ? Math.max(Date.parse(`${camp.startsOn}T09:00:00+08:00`), now.getTime() - 20 * DAY) : now.getTime() - 20 * DAY;
      const writtenAt = Math.min(now.getTime() - DAY, since + rng.int(Math.max(1, Math.floor((now.getTime() - since) / DAY / 2))) * DAY + rng.int(8) * 3_600_000);
      const author = rng.pick(authors);
      clock.set(new Date(writtenAt));
      const created = await problems.create(author, {
        title: p.title, description: p.description, categoryId: categoryIds.get(p.category), tags: p.tags,
        campaignId: camp?.id, groupId: group?.id, memberNo: member, answers: p.answers,
      });
      totals.problems++;
      totals.problemAnswers += created.answers.length;
      if (p.archived) await problems.update(author, created.id, { archived: true });
      created.answers.forEach((answer, i) => {
        const count = Math.round((p.reuse[i] ?? 0) * (1.5 + rng.next() * 1.5));
        for (let k = 0; k < count; k++) {
          const at = writtenAt + DAY / 4 + rng.int(Math.max(1, now.getTime() - writtenAt - DAY / 4));
          uses.push({ at, answerId: answer.id, author: rng.pick(authors), camp: p.series });
        }
      });
    }
    // Copied for members of the camp the problem belongs to, in the order the days came.
    for (const use of uses.sort((a, b) => a.at - b.at)) {
      const camp = use.camp ? camps.get(use.camp) : undefined;
      const group = camp?.groups.length ? rng.pick(camp.groups) : undefined;
      const memberNo = group?.memberNos.length ? rng.pick(group.memberNos) : undefined;
      clock.set(new Date(use.at));
      await problems.reuse.use(use.author, use.answerId, { memberNo, campaignId: camp?.id });
      totals.answerUses++;
    }
  } finally {
    clock.set(null);
  }
  return totals;
}
