// Who to remind at 20:00 (未打卡 ∧ 未达标 ∧ 已进群): active enrollments of a campaign that have no check-in on the
// day, have not yet met the refund requirement, and are in one of the campaign's groups — when memberships are known.
import { campaignDay, daysBetween, type CampaignClock, type CheckinRules } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import { invalid } from '../http/errors.js';
import { factsOf } from './out.js';
import { progressOf, type CheckinFacts } from './progress.js';
import * as q from './queries.js';
import type { AbsenteesOut } from './schema.js';

export interface AbsenteeCampaign extends CampaignClock {
  id: number;
  rules: CheckinRules;
}

/**
 * The absentees of `date` (default: the campaign day now). A member is "in a group" with an open membership in a
 * group assigned to the campaign or assigned to one of its enrollments. When no membership of those groups is
 * known at all (no connector, no imported member list), nobody can be told apart: every absentee is listed, and
 * the answer says so (`groupKnown: false`, `note`).
 */
export async function absentees(s: Scoped, campaign: AbsenteeCampaign, date: string | undefined, now: Date): Promise<AbsenteesOut> {
  const { rules } = campaign;
  let day: { dayIndex: number; date: string };
  if (date === undefined) {
    day = campaignDay(campaign, now);
  } else {
    day = { dayIndex: daysBetween(campaign.startsOn, date) + 1, date };
    if (day.dayIndex < 1 || day.dayIndex > rules.daysTotal) {
      throw invalid('checkin.date_outside', `${date} is not a day of the campaign (${campaign.startsOn} – day ${rules.daysTotal})`, { date: 'not a day of the campaign' });
    }
  }
  const [enrollments, rows, groups] = await Promise.all([
    q.activeEnrollments(s, campaign.id), q.campaignFacts(s, campaign.id), q.campaignGroups(s, campaign.id),
  ]);
  const memberships = await q.membershipsIn(s, groups.map((g) => g.id));
  const groupKnown = memberships.length > 0;
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const openGroups = groupBy(memberships.filter((m) => m.left_at === null), (m) => m.member_id);
  const byEnrollment = groupBy(rows, (r) => r.enrollment_id);

  const inCampaign = day.dayIndex >= 1 && day.dayIndex <= rules.daysTotal;
  const items: AbsenteesOut['items'] = [];
  let inGroup = 0;
  let checkedIn = 0;
  for (const e of enrollments) {
    const own = (openGroups.get(e.member_id) ?? []).map((m) => m.group_id);
    const groupId = own.includes(e.group_id ?? 0) ? e.group_id! : own[0];
    if (groupId !== undefined) inGroup++;
    const mine = byEnrollment.get(e.id) ?? [];
    if (mine.some((c) => c.day_index === day.dayIndex)) {
      checkedIn++;
      continue;
    }
    const facts: CheckinFacts[] = mine.map(factsOf);
    const progress = progressOf(facts, rules, day.dayIndex);
    if (!inCampaign || progress.remaining === 0 || (groupKnown && groupId === undefined)) continue;
    const last = mine.reduce<(typeof mine)[number] | null>((a, b) => (a === null || b.day_index > a.day_index ? b : a), null);
    items.push({
      enrollmentId: e.id,
      member: { id: e.member_id, memberNo: e.member_no, nickname: e.nickname },
      inGroup: groupId !== undefined,
      group: groupId !== undefined ? { id: groupId, name: groupName.get(groupId) ?? '' } : null,
      counted: progress.countedForRefund,
      required: progress.requiredForRefund,
      remaining: progress.remaining,
      streak: progress.streak,
      lastCheckin: last ? { dayIndex: last.day_index, date: last.day_date, at: last.submitted_at } : null,
    });
  }
  items.sort((a, b) => (a.group?.id ?? Infinity) - (b.group?.id ?? Infinity) || a.member.memberNo - b.member.memberNo);
  let note: string | null = null;
  if (!inCampaign) note = `Day ${day.dayIndex} (${day.date}) is not a day of the campaign: nobody is due`;
  else if (!groupKnown) note = "No membership of this campaign's groups is known (no member list imported, no connector): every absentee is listed, in a group or not";
  return {
    date: day.date,
    dayIndex: day.dayIndex,
    reminderTime: rules.reminderTime,
    groupKnown,
    note,
    counts: { enrolled: enrollments.length, inGroup, checkedIn, absent: items.length },
    items,
  };
}

function groupBy<T>(list: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}
