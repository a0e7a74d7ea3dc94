// The 21-day deposit check-in camp template (research domain_ops.md §2.2 time grid, §2.3 day plan): what the console
// offers as "start from the 21-day camp template" and what the demo applies to its running camp.
import type { StepInput } from './schema.js';

type Step = Omit<StepInput, 'id'>;

const step = (s: Omit<Step, 'attachments'> & Partial<Pick<Step, 'attachments'>>): Step => ({ attachments: [], ...s });

export const STARTER_TEMPLATE: { name: string; description: string; steps: Step[] } = {
  name: '21天打卡训练营 SOP',
  description: '押金打卡营的标准节奏：开营前一天发群公告，每天早安+昨日打卡榜、20:00 提醒未打卡学员、晚间总结，第7/14天周小结，第20天结营提醒，第21天结营。',
  steps: [
    step({
      title: '发群公告（群规与押金规则）', triggerKind: 'campaign_day', triggerValue: '-1', windowStart: '10:00', windowEnd: '12:00', action: 'post_material', role: 'group_owner',
      content: '欢迎加入{营期}！\n打卡时间：每天 00:00–23:59；共{总天数}天。\n押金规则：按要求完成打卡即全额退还押金。\n群规：禁止广告、禁止私加群成员。',
    }),
    step({
      title: '提醒入群学员改群昵称（学号-昵称）', triggerKind: 'campaign_day', triggerValue: '-1', windowStart: '19:00', windowEnd: '21:00', action: 'message', role: 'assistant',
      content: '各位同学好！请把群昵称改成「学号-昵称」，例如 10001-小明妈妈，方便老师核对打卡。',
    }),
    step({
      title: '开营仪式（讲解规则与玩法）', triggerKind: 'campaign_day', triggerValue: '1', windowStart: '19:30', windowEnd: '20:30', action: 'message', role: 'group_owner',
      content: '{营期}今晚正式开营！今天是第{第几天}天，我们一起坚持{总天数}天。先给大家讲讲打卡规则和押金退还条件……',
    }),
    step({
      title: '首次打卡教学', triggerKind: 'campaign_day', triggerValue: '1', windowStart: '20:30', windowEnd: '21:30', action: 'post_material', role: 'assistant',
      content: '打卡路径：点击群公告里的打卡链接 → 选择今天 → 上传作业照片 → 提交。有问题随时@我。',
    }),
    step({
      title: '早安 + 昨日打卡榜', triggerKind: 'campaign_day', triggerValue: '2..21', windowStart: '08:30', windowEnd: '09:00', action: 'message', role: 'group_owner',
      content: '早安☀ {营期}第{第几天}天。昨日打卡率 {打卡率}，感谢坚持的同学！今天也别忘了打卡，还剩{剩余天数}天。',
    }),
    step({
      title: '午间干货分享', triggerKind: 'campaign_day', triggerValue: '2..20', windowStart: '12:00', windowEnd: '13:00', action: 'post_material', role: 'assistant',
      content: '今天的午间小知识来啦～',
    }),
    step({
      title: '20:00 打卡提醒（只私聊未打卡的学员）', triggerKind: 'campaign_day', triggerValue: '1..21', windowStart: '20:00', windowEnd: '20:30', action: 'private_followup', role: 'assistant',
      content: '{昵称}，今天的打卡还没完成哦～已打卡{打卡天数}天，距离退押金还差{还差天数}天，加油！',
    }),
    step({
      title: '晚间总结（今日打卡、优秀作业、明日预告）', triggerKind: 'campaign_day', triggerValue: '1..21', windowStart: '21:00', windowEnd: '22:00', action: 'message', role: 'group_owner',
      content: '今天是{营期}第{第几天}天，感谢大家的坚持！优秀作业：……明天见！',
    }),
    step({
      title: '私聊连续2天未打卡的学员', triggerKind: 'campaign_day', triggerValue: '3', windowStart: '15:00', windowEnd: '17:00', action: 'private_followup', role: 'assistant',
      content: '{昵称}，这两天没看到你打卡，是遇到什么困难了吗？需要帮忙随时找我。',
    }),
    step({
      title: '第一周小结 + 周榜', triggerKind: 'campaign_day', triggerValue: '7', windowStart: '21:00', windowEnd: '22:00', action: 'message', role: 'group_owner',
      content: '第一周结束啦！昨日打卡率 {打卡率}。本周全勤的同学：……',
    }),
    step({
      title: '核对本周掉队名单', triggerKind: 'campaign_day', triggerValue: '7', windowStart: '10:00', windowEnd: '18:00', action: 'review_checkins', role: 'team_lead',
      content: '核对{群名}本周打卡情况，找出连续未打卡的学员，安排私聊跟进。',
    }),
    step({
      title: '第二周小结，铺垫进阶课', triggerKind: 'campaign_day', triggerValue: '14', windowStart: '21:00', windowEnd: '22:00', action: 'message', role: 'group_owner',
      content: '第二周结束！还剩{剩余天数}天。给大家分享几位同学的学习心得……',
    }),
    step({
      title: '结营前提醒', triggerKind: 'campaign_day', triggerValue: '20', windowStart: '09:00', windowEnd: '10:00', action: 'message', role: 'group_owner',
      content: '训练营即将结束（剩余{剩余天数}天），还没达标的同学请抓紧打卡！',
    }),
    step({
      title: '结营仪式 + 结营证书', triggerKind: 'campaign_day', triggerValue: '21', windowStart: '20:00', windowEnd: '21:00', action: 'message', role: 'group_owner',
      content: '{营期}今天结营！恭喜坚持到最后的同学，结营证书稍后发到群里。',
    }),
    step({
      title: '核对退押金名单（人工审核）', triggerKind: 'campaign_day', triggerValue: '22', windowStart: '10:00', windowEnd: '18:00', action: 'review_checkins', role: 'team_lead',
      content: '核对{群名}的打卡天数与退款名单，临界（差1–2天）的学员单独处理。',
    }),
  ],
};
