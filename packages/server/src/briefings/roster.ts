// A campaign's members as the briefings see them: which of its groups each one is in at a given instant, whether a
// day's check-in counts, and where each stands against the requirement — counted by checkins/progress.ts and judged
// by its settlementClass, the same functions the member pages and settlement use.
import { dayStartUtc } from '../analytics/days.js';
import { addDays, daysBetween, type CheckinRules } from '../campaigns/rules.js';
import { factsOf } from '../checkins/out.js';
import { counts, progressOf, settlementClass, type CheckinFacts } from '../checkins/progress.js';
import type { Scoped } from '../db/scoped.js';
import { ratioWithParts as ratio } from '../reports/types.js';
import { refundDue, type SettlementCampaign } from '../settlement/view.js';
import * as q from './campaign-queries.js';
import type { Ratio } from '../http/schemas.js';
import type { Standing } from './schema.js';

/** A roster reads the same campaign fields the settlement does (refunds due are the settlement's rule). */
export type RosterCampaign = SettlementCampaign;

export interface RosterGroup { id: number; name: string; ownerId: number | null; ownerName: string | null }

export interface MemberStanding {
  /** Days counted toward the refund by the end of the day. */
  counted: number;
  /** Days still missing for the refund (0 when met). */
  remaining: number;
  standing: Standing;
  /** For borderline and out of reach: days short even with every day left checked in (grace days included). */
  short: number;
}

/** The campaign day of a local date when it is one of the campaign's days (1..daysTotal), else null. */
export function campaignDayOf(c: { startsOn: string; rules: Pick<CheckinRules, 'daysTotal'> }, date: string): number | null {
  const index = daysBetween(c.startsOn, date) + 1;
  return index >= 1 && index <= c.rules.daysTotal ? index : null;
}

export { ratio };

export class Roster {
  private readonly facts = new Map<number, Array<CheckinFacts & { at: string }>>();
  private readonly memberships = new Map<number, q.MembershipRow[]>();
  readonly groups: Map<number, RosterGroup>;

  private constructor(readonly campaign: RosterCampaign, readonly enrollments: q.EnrollmentRow[], facts: q.FactRow[], groups: RosterGroup[], memberships: q.MembershipRow[]) {
    for (const f of facts) {
      const list = this.facts.get(f.enrollment_id) ?? [];
      list.push({ ...factsOf(f), at: f.submitted_at });
      this.facts.set(f.enrollment_id, list);
    }
    for (const m of memberships) {
      const list = this.memberships.get(m.member_id) ?? [];
      list.push(m);
      this.memberships.set(m.member_id, list);
    }
    this.groups = new Map(groups.map((g) => [g.id, g]));
  }

  static async load(s: Scoped, campaign: RosterCampaign): Promise<Roster> {
    const [enrollments, facts, groups] = await Promise.all([q.activeEnrollments(s, campaign.id), q.checkinFacts(s, campaign.id), q.campaignGroups(s, campaign.id)]);
    const memberships = await q.membershipsIn(s, groups.map((g) => g.id));
    return new Roster(campaign, enrollments, facts, groups.map((g) => ({ id: g.id, name: g.name, ownerId: g.owner_staff_id, ownerName: g.owner_name })), memberships);
  }

  /** The campaign day of a local date (1 on startsOn). */
  dayIndexOf(date: string): number {
    return daysBetween(this.campaign.startsOn, date) + 1;
  }

  /** The instant campaign day `dayIndex` ends, in the campaign's zone. */
  dayEnd(dayIndex: number): string {
    return dayStartUtc(addDays(this.campaign.startsOn, dayIndex), this.campaign.timezone);
  }

  /**
   * The campaign group the member was in at `at`: by the known memberships of the campaign's groups (the one the live
   * code chose first when they are in several); when none of the member's memberships there is known, the group the
   * live code sent them to. Null: not in any of the campaign's groups then.
   */
  groupAt(e: q.EnrollmentRow, at: string): number | null {
    const known = this.memberships.get(e.member_id);
    if (!known) return e.group_id !== null && this.groups.has(e.group_id) ? e.group_id : null;
    const open = known.filter((m) => m.joined_at < at && (m.left_at === null || m.left_at >= at)).map((m) => m.group_id);
    return open.includes(e.group_id ?? 0) ? e.group_id! : open[0] ?? null;
  }

  /** Whether the member was ever in one of the campaign's groups (by known memberships, else the routed group). */
  everInGroup(e: q.EnrollmentRow): boolean {
    return this.memberships.has(e.member_id) || (e.group_id !== null && this.groups.has(e.group_id));
  }

  /** A check-in that counts exists for the day (whenever it came: a make-up counts once it counts). */
  checkedIn(e: q.EnrollmentRow, dayIndex: number): boolean {
    return (this.facts.get(e.id) ?? []).some((f) => f.dayIndex === dayIndex && counts(f, this.campaign.rules));
  }

  /** Counted check-in days as the member pages show them, from the check-ins made before `before` (all when omitted). */
  progress(e: q.EnrollmentRow, dayIndex: number, before?: string) {
    const facts = (this.facts.get(e.id) ?? []).filter((f) => before === undefined || f.at < before);
    return progressOf(facts, this.campaign.rules, dayIndex);
  }

  /** Where the member stands at the end of campaign day `dayIndex`. */
  standing(e: q.EnrollmentRow, dayIndex: number): MemberStanding {
    const { rules } = this.campaign;
    const progress = this.progress(e, dayIndex, this.dayEnd(dayIndex));
    if (progress.remaining === 0) return { counted: progress.countedForRefund, remaining: 0, standing: 'met', short: 0 };
    const daysLeft = Math.max(0, rules.daysTotal - dayIndex);
    const best = settlementClass(progress.countedForRefund + daysLeft, rules);
    const standing: Standing = best.class === 'eligible' ? 'on_track' : best.class === 'borderline' ? 'borderline' : 'out_of_reach';
    return { counted: progress.countedForRefund, remaining: progress.remaining, standing, short: best.short };
  }

  /** The refund the enrollment would get (settlement/view.ts refundDue). */
  refundDue(e: q.EnrollmentRow): number {
    return refundDue(e.paid_cents, this.campaign.depositCents);
  }

  /** Check-in rate of a day: of the enrollments made by its end (and passing `include`), those with a counted check-in for it. */
  dayRate(dayIndex: number, include: (e: q.EnrollmentRow) => boolean = () => true): Ratio {
    const end = this.dayEnd(dayIndex);
    let due = 0;
    let checked = 0;
    for (const e of this.enrollments) {
      if (e.created_at >= end || !include(e)) continue;
      due++;
      if (this.checkedIn(e, dayIndex)) checked++;
    }
    return ratio(checked, due);
  }
}
