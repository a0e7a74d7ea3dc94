// Demo SOPs: the 21-day camp template applied to the running camp X3 before it began, and its past days worked the
// way a team does — most tasks on time, some late, a few skipped by a lead or missed — so the today list, the board,
// the stats and the points ledger have a history.
//
// The past is simulated through the real services: each call takes the instant it happens at (the `now` the service
// otherwise reads from the clock), so every completion passes the same rules and point sync as a live one, and the
// shared clock is never moved.
import { addDays } from '../campaigns/rules.js';
import { dayStartUtc } from '../analytics/days.js';
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import { STARTER_TEMPLATE } from '../sops/starter.js';
import type { TaskOut } from '../sops/schema.js';
import type { SeededRandom } from './random.js';

const MINUTE = 60_000;
const PROOFS = ['已在群里发送', '已发，学员回复积极', '已私聊未打卡的同学', '已发群公告并置顶', '已完成，见截图'];
const SKIP_REASONS = ['当天直播课调整，改为明天统一发', '群主请假，由组长代为安排'];

export async function seedSops(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const template = await services.sops.templates.create(ctx, { ...STARTER_TEMPLATE, steps: STARTER_TEMPLATE.steps.map((s) => ({ ...s })) });
  const x3 = (await services.campaigns.listCampaigns(ctx, {})).find((c) => c.key === 'X3');
  if (!x3) return { sopTemplates: 1, sopTasks: 0 };
  const staff = await services.staff.list(ctx);
  const assistant = staff.find((s) => s.username === 'zhujiao1');
  // Applied two days before the camp began, as an operator would when its groups are opened.
  const appliedAt = new Date(dayStartUtc(addDays(x3.startsOn, -2), x3.timezone));
  await services.sops.applications.apply(ctx, { templateId: template.id, campaignId: x3.id, assistantStaffId: assistant?.id ?? null }, appliedAt);

  const as = new Map<number, AccessContext>(staff.map((s) => [s.id, {
    ...ctx, actor: { kind: 'staff', id: s.id, name: s.displayName }, staffId: s.id, role: s.role, permissions: services.permissionsOf(s.role),
  }]));
  const tasks: TaskOut[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.sops.tasks.board(ctx, { from: addDays(x3.startsOn, -1), to: x3.endsOn, campaignId: x3.id, limit: 200, cursor }, now);
    tasks.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const counts = { sopTemplates: 1, sopTasks: tasks.length, sopDone: 0, sopLate: 0, sopSkipped: 0, sopMissed: 0 };
  for (const task of tasks) {
    const start = Date.parse(task.windowStartAt);
    const end = Date.parse(task.windowEndAt);
    // Only tasks whose window is over have an outcome; today's later ones stay to do.
    if (end >= now.getTime() || task.assignee === null) continue;
    const who = as.get(task.assignee.id) ?? ctx;
    const roll = rng.next();
    if (roll < 0.72) {
      const at = new Date(start + rng.int(Math.max(1, end - start)));
      await services.sops.tasks.complete(who, task.id, { proofText: rng.pick(PROOFS) }, null, at);
      counts.sopDone++;
    } else if (roll < 0.86) {
      const at = new Date(Math.min(end + (10 + rng.int(170)) * MINUTE, now.getTime()));
      await services.sops.tasks.complete(who, task.id, { proofText: rng.pick(PROOFS) }, null, at);
      counts.sopLate++;
    } else if (roll < 0.91) {
      await services.sops.tasks.skip(ctx, task.id, rng.pick(SKIP_REASONS), new Date(end));
      counts.sopSkipped++;
    }
  }
  // The rest of the past days was never done: the close job's pass at `now` marks them missed.
  counts.sopMissed = await services.sops.tasks.close(ctx, now);
  return counts;
}
