// A member's activity days recomputed from the raw rows (check-ins and counted events), for a rebuild and for
// members whose rows moved (a merge or its undo). A merged-away member has none: their days belong to the survivor.
import { sql } from 'kysely';
import type { Executor } from '../db/scoped.js';
import { MAX_MERGE_HOPS } from '../members/service.js';
import { localDayOf } from './days.js';

const CHUNK = 500;

export interface DaySettings {
  timezone: string;
  counted: ReadonlySet<string> | null;
}

/** The workspace's zone and counted event names (analytics_state). */
export async function daySettings(db: Executor, workspaceId: number): Promise<DaySettings> {
  const row = await db.selectFrom('workspaces').leftJoin('analytics_state', 'analytics_state.workspace_id', 'workspaces.id')
    .select(['workspaces.timezone', 'analytics_state.activity_events']).where('workspaces.id', '=', workspaceId).executeTakeFirstOrThrow();
  const names = row.activity_events ? JSON.parse(row.activity_events) as string[] : null;
  return { timezone: row.timezone, counted: names ? new Set(names) : null };
}

/** Member id → the set of its activity days (members with none are absent). */
export async function rawActivityDays(db: Executor, workspaceId: number, memberIds: readonly number[], settings: DaySettings): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (let i = 0; i < memberIds.length; i += CHUNK) {
    const part = memberIds.slice(i, i + CHUNK);
    const members = await db.selectFrom('members').select(['id', 'merged_into_id']).where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
    // Source member → the requested survivor it counts for (itself, or members merged into it, at any depth).
    const owner = new Map<number, number>();
    for (const m of members) if (m.merged_into_id === null) owner.set(m.id, m.id);
    let frontier = [...owner.keys()];
    for (let hop = 0; frontier.length > 0 && hop < MAX_MERGE_HOPS; hop++) {
      const merged = await db.selectFrom('members').select(['id', 'merged_into_id']).where('workspace_id', '=', workspaceId).where('merged_into_id', 'in', frontier).execute();
      frontier = [];
      for (const m of merged) {
        if (owner.has(m.id)) continue;
        owner.set(m.id, owner.get(m.merged_into_id!)!);
        frontier.push(m.id);
      }
    }
    const sources = [...owner.keys()];
    const add = (source: number, at: string) => {
      const member = owner.get(source)!;
      let days = out.get(member);
      if (!days) out.set(member, (days = new Set()));
      days.add(localDayOf(at, settings.timezone));
    };
    for (let j = 0; j < sources.length; j += CHUNK) {
      const ids = sources.slice(j, j + CHUNK);
      const checkins = await db.selectFrom('checkins').select(['member_id', 'submitted_at']).where('workspace_id', '=', workspaceId).where('member_id', 'in', ids).execute();
      for (const c of checkins) add(c.member_id, c.submitted_at);
      let events = db.selectFrom('events').select(['member_id', 'at']).where('workspace_id', '=', workspaceId).where('member_id', 'in', ids);
      // `name || ''`: compared as is, SQLite (no statistics) would pick events_name_at and read every event of those
      // names in the workspace instead of these members' events.
      if (settings.counted) events = events.where(sql<string>`events.name || ''`, 'in', settings.counted.size > 0 ? [...settings.counted] : ['']);
      for (const e of await events.execute()) add(e.member_id, e.at);
    }
  }
  return out;
}
