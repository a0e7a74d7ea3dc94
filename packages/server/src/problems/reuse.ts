// Reusing an answer: its text filled for a member (and campaign), shown before copying and counted when copied, and
// the reuse statistics — uses per answer, last use, the most used answers of a period, the answers never used.
import type { Kysely } from 'kysely';
import { addDays, dayStartUtc, localDayOf } from '../analytics/days.js';
import type { CampaignService } from '../campaigns/service.js';
import { isIsoDate } from '../campaigns/rules.js';
import type { CheckinService } from '../checkins/service.js';
import type { Clock } from '../clock.js';
import { scoped, type Scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { invalid } from '../http/errors.js';
import type { MemberService } from '../members/service.js';
import { fillForMember, memberVariables, type MemberVariables } from '../variables/member.js';
import * as q from './queries.js';
import type { FillInput, FilledOut, StatsOut } from './schema.js';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

const DEFINITIONS: StatsOut['definitions'] = {
  uses: 'Count of times an answer was copied for a member (POST /problem-answers/{id}/use) between 00:00 of `from` and 24:00 of `to` in the workspace time zone; previews are not counted.',
  useCount: "An answer's uses since it was written, all time.",
  neverUsed: 'Answers in the bank now whose use count is 0 (candidates to rewrite or prune), out of all answers now.',
};

function toFilled(answer: q.AnswerRow, vars: MemberVariables, useCount: number): FilledOut {
  const filled = fillForMember(answer.content, vars);
  return {
    answerId: answer.id, problemId: answer.problem_id, ...filled,
    member: vars.member ? { memberNo: vars.member.memberNo, nickname: vars.member.nickname } : null,
    campaign: vars.campaign, enrolled: vars.enrolled, useCount,
  };
}

export class ProblemReuse {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly deps: { members: MemberService; campaigns: CampaignService; checkins: CheckinService },
    private readonly requireAnswer: (s: Scoped, id: number) => Promise<q.AnswerRow>,
  ) {}

  private variables(ctx: AccessContext, input: FillInput): Promise<MemberVariables> {
    return memberVariables({ ...this.deps, clock: this.clock }, ctx, input);
  }

  /** The filled text without counting a use: what the console shows before copying. */
  async preview(ctx: AccessContext, answerId: number, input: FillInput): Promise<FilledOut> {
    const answer = await this.requireAnswer(scoped(this.db, ctx.workspaceId), answerId);
    const vars = await this.variables(ctx, input);
    return toFilled(answer, vars, Number(answer.use_count));
  }

  /** The filled text, and one use counted: the counter and the use log change together or not at all. */
  async use(ctx: AccessContext, answerId: number, input: FillInput): Promise<FilledOut> {
    await this.requireAnswer(scoped(this.db, ctx.workspaceId), answerId);
    const vars = await this.variables(ctx, input);
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      // Read again inside: the answer may have been edited or deleted since the values were looked up.
      const answer = await this.requireAnswer(s, answerId);
      const useCount = await q.recordUse(s, answerId, { member_id: vars.member?.id ?? null, staff_id: ctx.staffId, at: this.clock.now().toISOString() });
      return toFilled(answer, vars, useCount);
    });
  }

  async stats(ctx: AccessContext, period: { from?: string; to?: string; limit: number }): Promise<StatsOut> {
    const s = scoped(this.db, ctx.workspaceId);
    const timezone = await q.workspaceTimezone(this.db, ctx.workspaceId);
    for (const field of ['from', 'to'] as const) {
      const value = period[field];
      if (value !== undefined && !isIsoDate(value)) throw invalid('validation.failed', `${field} is not a date`, { [field]: 'must be a real date YYYY-MM-DD' });
    }
    const to = period.to ?? (period.from !== undefined ? addDays(period.from, DEFAULT_DAYS - 1) : localDayOf(this.clock.now(), timezone));
    const from = period.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw invalid('problem.invalid_period', '`from` must not be after `to`', { from: 'after to' });
    if (addDays(from, MAX_DAYS - 1) < to) throw invalid('problem.period_too_long', `A period is at most ${MAX_DAYS} days`, { to: `at most ${MAX_DAYS} days after from` });
    const start = dayStartUtc(from, timezone);
    const end = dayStartUtc(addDays(to, 1), timezone);
    const [rows, uses, totals] = await Promise.all([q.usesBetween(s, start, end, period.limit), q.usesTotal(s, start, end), q.answerTotals(s)]);
    return {
      from, to, uses,
      top: rows.map((r) => ({
        answerId: r.answer_id, problemId: r.problem_id, problemTitle: r.title, content: r.content, uses: Number(r.uses),
        useCount: Number(r.use_count), lastUsedAt: r.last_used_at,
      })),
      ...totals,
      definitions: DEFINITIONS,
    };
  }
}
