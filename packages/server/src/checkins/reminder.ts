// The 20:00 absentee reminder: once a running campaign's reminderTime has passed on a campaign day (its own zone),
// one alert per campaign and day tells the owners of its groups how many members still have to check in.
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import { addDays, campaignDay, localTime, parseStoredRules } from '../campaigns/rules.js';
import { raiseAlert } from '../alerts/raise.js';
import type { Clock } from '../clock.js';
import { scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import { absentees } from './absentees.js';
import * as q from './queries.js';

export const ABSENTEES_ALERT = 'checkin.absentees';

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * One pass of the reminder at `now`. A campaign is due when today (campaign zone) is one of its days and the
 * reminder time has passed; its alert subject names the day (`campaign:<id>:<date>`), so each day raises at most
 * one (per group owner: an alert has one recipient; nobody named when its groups have no owner). A day on which
 * nobody is absent raises nothing. Returns the campaigns alerted.
 */
export async function remindAbsentees(db: Kysely<DB>, now: Date): Promise<number[]> {
  const utcToday = now.toISOString().slice(0, 10);
  const alerted: number[] = [];
  for (const c of await q.campaignsAround(db, addDays(utcToday, -1), addDays(utcToday, 1))) {
    const rules = parseStoredRules(c.rules);
    const campaign = { id: c.id, startsOn: c.starts_on, endsOn: c.ends_on, timezone: c.timezone, rules };
    const day = campaignDay(campaign, now);
    const local = localTime(now, c.timezone);
    if (day.dayIndex < 1 || day.dayIndex > rules.daysTotal || local.date !== day.date || local.minute < minuteOf(rules.reminderTime)) continue;
    const subject = `campaign:${c.id}:${day.date}`;
    const s = scoped(db, c.workspace_id);
    if (await q.alertRaised(s, ABSENTEES_ALERT, subject)) continue;
    const list = await absentees(s, campaign, day.date, now);
    if (list.counts.absent === 0) continue;
    const raised = await db.transaction().execute(async (tx) => {
      const ts = scoped(tx, c.workspace_id);
      await q.lockCampaign(ts, c.id);
      if (await q.alertRaised(ts, ABSENTEES_ALERT, subject)) return false;
      const owners = [...new Set((await q.campaignGroups(ts, c.id)).map((g) => g.owner_staff_id).filter((id) => id !== null))];
      const who = list.groupKnown ? '已进群、' : '';
      const unknown = list.groupKnown ? '' : '（群成员未知，按全部报名计）';
      const message = `「${c.key} ${c.name}」第 ${day.dayIndex} 天（${day.date}）${rules.reminderTime}：${list.counts.absent} 人${who}今天还没打卡、未达到退款要求${unknown}；`
        + `报名 ${list.counts.enrolled} 人，已打卡 ${list.counts.checkedIn} 人`;
      for (const staffId of owners.length > 0 ? owners : [null]) {
        await raiseAlert(ts, { kind: ABSENTEES_ALERT, level: 'warning', subject, message, staffId });
      }
      return true;
    });
    if (raised) alerted.push(c.id);
  }
  return alerted;
}

/** Runs the reminder every minute (`qunyun serve`); a pass still running when the next is due is skipped. */
export function startAbsenteeReminder(db: Kysely<DB>, clock: Clock, onError: (error: unknown) => void): Cron {
  return new Cron('* * * * *', { protect: true, catch: onError }, async () => {
    await remindAbsentees(db, clock.now());
  });
}
