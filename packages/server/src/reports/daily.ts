// Day by day: new members and daily / weekly / monthly active members, read from the activity_daily rollup.
import { z } from 'zod';
import { addDays, dayStartUtc, daysFrom } from '../analytics/days.js';
import { checkRange, day } from './params.js';
import { countAll, n } from './participants.js';
import type { Report } from './types.js';

const params = z.strictObject({ from: day, to: day });
const MAX_DAYS = 366;

export const dailyReport: Report<typeof params> = {
  name: 'daily',
  summary: 'New members and DAU / WAU / MAU per day',
  params,
  async run(scope, p) {
    checkRange(p.from, p.to, MAX_DAYS);
    const ws = scope.workspaceId;
    const rows = await scope.db.selectFrom('activity_daily').select(['day', 'dau', 'wau', 'mau'])
      .where('workspace_id', '=', ws).where('day', '>=', p.from).where('day', '<=', p.to).execute();
    const active = new Map(rows.map((r) => [r.day, r]));
    const days = daysFrom(p.from, p.to);
    // One indexed count per local day: a local day is a UTC range that SQL cannot derive for every zone.
    const bounds = [...days, addDays(p.to, 1)].map((d) => dayStartUtc(d, scope.timezone));
    const newMembers: number[] = [];
    for (let i = 0; i < days.length; i++) {
      const row = await scope.db.selectFrom('members').select(countAll.as('n'))
        .where('workspace_id', '=', ws).where('created_at', '>=', bounds[i]!).where('created_at', '<', bounds[i + 1]!).executeTakeFirst();
      newMembers.push(n(row?.n));
    }
    const settings = await scope.db.selectFrom('analytics_state').select('activity_events').where('workspace_id', '=', ws).executeTakeFirst();
    const counted = settings?.activity_events ? JSON.parse(settings.activity_events) as string[] : null;
    const activeMeans = counted ? `a check-in or one of the events ${counted.join(', ') || '(none)'}` : 'a check-in or any event';
    return {
      from: p.from,
      to: p.to,
      activity_events: counted,
      days: days.map((date, i) => ({ date, new_members: newMembers[i]!, dau: active.get(date)?.dau ?? 0, wau: active.get(date)?.wau ?? 0, mau: active.get(date)?.mau ?? 0 })),
      definitions: {
        new_members: { numerator: 'members created that day (merged members included)', denominator: null, period: 'the day, workspace time zone' },
        dau: { numerator: `members with ${activeMeans} that day`, denominator: null, period: 'the day' },
        wau: { numerator: `members with ${activeMeans} on any of the 7 days ending that day`, denominator: null, period: '7 days ending the day' },
        mau: { numerator: `members with ${activeMeans} on any of the 30 days ending that day`, denominator: null, period: '30 days ending the day' },
      },
    };
  },
};
