// The leaderboard (排行榜) of a campaign: today — who checked in today, earliest first; week — counting days in the
// last 7 campaign days; total — counting days, then streak. Counting is checkins/progress.ts, as everywhere.
import { campaignDay, type CampaignClock, type CheckinRules } from '../campaigns/rules.js';
import type { Scoped } from '../db/scoped.js';
import { factsOf } from './out.js';
import { counts, progressOf, type CheckinFacts } from './progress.js';
import * as q from './queries.js';
import type { LeaderboardPeriod } from './schema.js';

export const LEADERBOARD_SIZE = 50;

export interface LeaderboardCampaign extends CampaignClock {
  id: number;
  rules: CheckinRules;
}

export interface LeaderEntry {
  rank: number;
  memberId: number;
  enrollmentId: number;
  memberNo: number;
  nickname: string;
  count: number;
  streak: number;
  /** today: when today's check-in came; week and total: the latest counting check-in. */
  at: string | null;
}

/** The whole ranking (`all`, for "my rank") and its first 50 rows (`items`). Only members with a counting day appear. */
export async function leaderboard(s: Scoped, campaign: LeaderboardCampaign, period: LeaderboardPeriod, now: Date): Promise<{ items: LeaderEntry[]; all: LeaderEntry[] }> {
  const { rules } = campaign;
  const today = campaignDay(campaign, now).dayIndex;
  const [enrollments, rows] = await Promise.all([q.activeEnrollments(s, campaign.id), q.campaignFacts(s, campaign.id)]);
  const byEnrollment = new Map<number, Array<{ facts: CheckinFacts; at: string }>>();
  for (const row of rows) {
    const facts = factsOf(row);
    if (!counts(facts, rules)) continue;
    const list = byEnrollment.get(row.enrollment_id) ?? [];
    list.push({ facts, at: row.submitted_at });
    byEnrollment.set(row.enrollment_id, list);
  }
  const last = Math.min(today, rules.daysTotal);
  const entries: Array<Omit<LeaderEntry, 'rank'>> = [];
  for (const e of enrollments) {
    const mine = byEnrollment.get(e.id) ?? [];
    const inPeriod = period === 'today' ? mine.filter((c) => c.facts.dayIndex === today)
      : period === 'week' ? mine.filter((c) => c.facts.dayIndex > last - 7 && c.facts.dayIndex <= last)
        : mine;
    if (inPeriod.length === 0) continue;
    const latest = inPeriod.reduce((a, b) => (b.at > a ? b.at : a), inPeriod[0]!.at);
    entries.push({
      memberId: e.member_id, enrollmentId: e.id, memberNo: e.member_no, nickname: e.nickname,
      count: inPeriod.length, streak: progressOf(mine.map((c) => c.facts), rules, today).streak, at: latest,
    });
  }
  let ranked: LeaderEntry[];
  if (period === 'today') {
    entries.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : a.memberNo - b.memberNo));
    ranked = entries.map((e, i) => ({ ...e, rank: i + 1 }));
  } else {
    // Ties (same count and streak) share a rank; the earlier latest check-in is listed first.
    entries.sort((a, b) => b.count - a.count || b.streak - a.streak || (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0) || a.memberNo - b.memberNo);
    ranked = [];
    for (const [i, e] of entries.entries()) {
      const prev = ranked[i - 1];
      ranked.push({ ...e, rank: prev && prev.count === e.count && prev.streak === e.streak ? prev.rank : i + 1 });
    }
  }
  return { items: ranked.slice(0, LEADERBOARD_SIZE), all: ranked };
}
