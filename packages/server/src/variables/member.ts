// The values of the script variables for one member, optionally in one campaign, and why each value that is not
// there is missing. Numbers come from the members, campaigns and check-ins services, as the member's own page shows them.
import { campaignDay } from '../campaigns/rules.js';
import type { CampaignService } from '../campaigns/service.js';
import type { CheckinService } from '../checkins/service.js';
import type { MemberHome } from '../checkins/schema.js';
import type { Clock } from '../clock.js';
import { scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { AppError } from '../http/errors.js';
import type { MemberService } from '../members/service.js';
import { fillVariables, VARIABLES, type VariableName, type VariableValues } from './fill.js';

export type UnfilledReason = 'no_member' | 'no_campaign' | 'not_enrolled' | 'before_start' | 'after_end' | 'no_days_yet' | 'no_group' | 'unknown';

export interface MemberVariableSources {
  members: MemberService;
  campaigns: CampaignService;
  checkins: CheckinService;
  clock: Clock;
}

export interface MemberVariables {
  member: { id: number; memberNo: number; nickname: string } | null;
  campaign: { id: number; key: string; name: string } | null;
  /** Whether the member has an enrollment in the campaign (null unless both are given). */
  enrolled: boolean | null;
  values: VariableValues;
  /** For every known variable without a value: why. */
  reasons: Partial<Record<VariableName, UnfilledReason>>;
}

const MEMBER_VARIABLES: VariableName[] = ['昵称', '学号'];
const CAMPAIGN_VARIABLES: VariableName[] = ['营期', '第几天', '总天数', '剩余天数', '要求天数'];
const PROGRESS_VARIABLES: VariableName[] = ['打卡天数', '还差天数', '打卡率', '群名'];

/**
 * Resolves the member (a merged-away number leads to the survivor) and the campaign, each a 404 naming its field
 * when it is not in this workspace. Campaign values need only the campaign; progress values need the enrollment.
 */
export async function memberVariables(src: MemberVariableSources, ctx: AccessContext, input: { memberNo?: number; campaignId?: number }): Promise<MemberVariables> {
  const values: VariableValues = {};
  const reasons: MemberVariables['reasons'] = {};
  const lack = (names: VariableName[], reason: UnfilledReason) => {
    for (const name of names) if (values[name] === undefined) reasons[name] ??= reason;
  };

  let member: MemberVariables['member'] = null;
  if (input.memberNo !== undefined) {
    const { row } = await src.members.resolve(scoped(src.members.db, ctx.workspaceId), input.memberNo).catch(naming('member.not_found', 'memberNo', 'no such member'));
    member = { id: row.id, memberNo: row.member_no, nickname: row.nickname };
    values.昵称 = row.nickname;
    values.学号 = row.member_no;
  }

  let campaign: MemberVariables['campaign'] = null;
  let enrolled: boolean | null = null;
  if (input.campaignId !== undefined) {
    const now = src.clock.now();
    const c = await src.campaigns.getCampaign(ctx, input.campaignId, now);
    campaign = { id: c.id, key: c.key, name: c.name };
    const { daysTotal } = c.rules;
    const day = campaignDay(c, now).dayIndex;
    const forRefund = c.depositCents > 0;
    values.营期 = `${c.key} ${c.name}`;
    values.总天数 = daysTotal;
    values.剩余天数 = Math.min(daysTotal, Math.max(0, daysTotal - Math.max(day, 0)));
    values.要求天数 = forRefund ? c.rules.daysRequiredForRefund : c.rules.daysRequiredForCompletion;
    if (day >= 1 && day <= daysTotal) values.第几天 = day;
    else reasons.第几天 = day < 1 ? 'before_start' : 'after_end';

    if (member) {
      const home = await enrollmentOf(src, ctx, member, c.key);
      enrolled = home !== null;
      if (home) {
        // The same figures as the member's own progress card: toward the refund when there is a deposit, else completion.
        const p = home.progress;
        values.打卡天数 = forRefund ? p.countedForRefund : p.counted;
        values.还差天数 = forRefund ? p.remaining : Math.max(0, p.requiredForCompletion - p.counted);
        // Days so far: the days before today, and today once it has a check-in (a day still open is not yet missed).
        const daysSoFar = day > daysTotal ? daysTotal : Math.max(0, day - 1) + (home.today.checkin ? 1 : 0);
        if (daysSoFar > 0) values.打卡率 = `${Math.round((p.counted / daysSoFar) * 100)}%`;
        else reasons.打卡率 = day < 1 ? 'before_start' : 'no_days_yet';
        if (home.group) values.群名 = home.group.name;
        else reasons.群名 = 'no_group';
      } else {
        lack(PROGRESS_VARIABLES, 'not_enrolled');
      }
    }
  }
  lack(MEMBER_VARIABLES, 'no_member');
  lack(CAMPAIGN_VARIABLES, 'no_campaign');
  lack(PROGRESS_VARIABLES, member ? 'no_campaign' : 'no_member');
  return { member, campaign, enrolled, values, reasons };
}

/** Fills a text and says, for every variable left as written, why (an unknown name: `unknown`). */
export function fillForMember(text: string, vars: Pick<MemberVariables, 'values' | 'reasons'>) {
  const filled = fillVariables(text, vars.values);
  const used: Record<string, string> = {};
  for (const name of VARIABLES) {
    const value = vars.values[name];
    if (value !== undefined && text.includes(`{${name}}`)) used[name] = String(value);
  }
  const missing = filled.missing.map((variable) => ({ variable, reason: vars.reasons[variable as VariableName] ?? 'unknown' as UnfilledReason }));
  return { text: filled.text, values: used, missing };
}

/** The member's home of the campaign, read through the check-in service as the member's page reads it; null if not enrolled. */
async function enrollmentOf(src: MemberVariableSources, ctx: AccessContext, member: { id: number; memberNo: number; nickname: string }, key: string): Promise<MemberHome | null> {
  try {
    // Staff read on the member's behalf: the context names the member, no session of theirs is involved.
    return await src.checkins.home({ workspaceId: ctx.workspaceId, memberId: member.id, memberNo: member.memberNo, nickname: member.nickname, sessionId: 'staff' }, key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'enrollment.not_found') return null;
    throw error;
  }
}

/** Rethrows a 404 of another feature with the field of this request that named the missing row. */
function naming(code: string, field: string, reason: string) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === code) throw new AppError(404, code, error.message, { [field]: reason });
    throw error;
  };
}
