// Group health day by day: members at the end of each day, who joined and left, who spoke (message events naming
// the group) and the share that stayed silent — for a campaign's groups or one group.
import { z } from 'zod';
import { addDays, dayStartUtc, daysFrom, localDayOf } from '../analytics/days.js';
import { checkScopeAndRange, eventNamed, memberSetOf, parseProps, perFilter } from './activity-queries.js';
import { campaignByKey, groupById } from './lookup.js';
import { campaignKey, day, numericId } from './params.js';
import { ratio, type Definitions, type Report } from './types.js';

const params = z.strictObject({ campaign: campaignKey.optional(), group: numericId.optional(), from: day, to: day });

/** The group a message event names in props.group (its id, as a number or a numeric string), or null. */
function groupOf(props: Record<string, unknown>): number | null {
  const value = props.group;
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}

const definitions = (groups: string): Definitions => ({
  members: {
    numerator: `distinct members of the group at the end of the day: joined before the next day began and not left by then (merged members counted once, under their survivor); ${groups}`,
    denominator: null, period: 'the end of each day from `from` to `to`, workspace time zone',
  },
  joins: { numerator: 'distinct members whose membership of the group began that day', denominator: null, period: 'the day' },
  leaves: { numerator: 'distinct members whose membership of the group ended that day', denominator: null, period: 'the day' },
  net: { numerator: 'joins − leaves', denominator: null, period: 'the day' },
  spoke: {
    numerator: "distinct members who sent at least one message event whose props.group is the group's id (a number or a numeric string) that day; senders are looked for among the members of the report's groups at any time in the range",
    denominator: null, period: 'the day',
  },
  silent_share: { numerator: 'members − spoke (0 when more spoke than are members)', denominator: 'members (null when 0)', period: 'the day' },
});

export const groupsReport: Report<typeof params> = {
  name: 'groups',
  summary: "Members, joins, leaves and who spoke per day in a campaign's groups or one group",
  params,
  async run(scope, p) {
    const { lo, hi } = checkScopeAndRange(scope, p);
    const ws = scope.workspaceId;
    let groups: Array<{ id: number; name: string }>;
    let which: string;
    if (p.campaign !== undefined) {
      const c = await campaignByKey(scope, p.campaign);
      groups = await scope.db.selectFrom('chat_groups').select(['id', 'name'])
        .where('workspace_id', '=', ws).where('campaign_id', '=', c.id).orderBy('id').execute();
      which = `one row per group of campaign ${c.key}`;
    } else {
      groups = [await groupById(scope, p.group!)];
      which = 'the one group asked for';
    }
    const days = daysFrom(p.from, p.to);
    const bounds = [...days, addDays(p.to, 1)].map((d) => dayStartUtc(d, scope.timezone));
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    const ids = groups.map((g) => g.id);
    const memberships = ids.length === 0 ? [] : await scope.db.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at', 'left_at'])
      .where('workspace_id', '=', ws).where('group_id', 'in', ids)
      .where('joined_at', '<', hi).where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', lo)])).execute();
    const members = await memberSetOf(scope, memberships.map((m) => m.member_id));

    type Day = { members: Set<number>; joins: Set<number>; leaves: Set<number>; spoke: Set<number> };
    const cells = new Map(ids.map((id) => [id, days.map((): Day => ({ members: new Set(), joins: new Set(), leaves: new Set(), spoke: new Set() }))]));
    for (const m of memberships) {
      const row = cells.get(m.group_id)!;
      const who = members.survivorOf(m.member_id);
      for (let i = 0; i < days.length; i++) {
        const start = bounds[i]!;
        const end = bounds[i + 1]!;
        if (m.joined_at < end && (m.left_at === null || m.left_at >= end)) row[i]!.members.add(who);
        if (m.joined_at >= start && m.joined_at < end) row[i]!.joins.add(who);
        if (m.left_at !== null && m.left_at >= start && m.left_at < end) row[i]!.leaves.add(who);
      }
    }
    const messages = await perFilter(members, (filter) => scope.db.selectFrom('events').select(['member_id', 'at', 'props'])
      .where('workspace_id', '=', ws).where('member_id', 'in', filter).where(eventNamed('message'))
      .where('at', '>=', lo).where('at', '<', hi).execute());
    for (const e of messages) {
      const row = cells.get(groupOf(parseProps(e.props)) ?? -1);
      const i = dayIndex.get(localDayOf(e.at, scope.timezone));
      if (row && i !== undefined) row[i]!.spoke.add(members.survivorOf(e.member_id));
    }

    return {
      from: p.from,
      to: p.to,
      groups: groups.map((g) => ({
        group_id: g.id,
        group: g.name,
        days: cells.get(g.id)!.map((cell, i) => {
          const count = cell.members.size;
          return {
            date: days[i]!, members: count, joins: cell.joins.size, leaves: cell.leaves.size, net: cell.joins.size - cell.leaves.size,
            spoke: cell.spoke.size, silent_share: ratio(Math.max(0, count - cell.spoke.size), count),
          };
        }),
      })),
      definitions: definitions(which),
    };
  },
};
