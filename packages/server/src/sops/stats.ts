// SOP completion and punctuality per person, group, team or day over a period of due dates, with the definitions the
// numbers are computed by (the same ones the morning board shows).
import type { Executor } from '../db/scoped.js';
import { scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import * as q from './queries.js';
import type { Ratio } from '../http/schemas.js';
import type { SopStatsRow } from './service.js';
import * as tq from './task-queries.js';

export type StatsGroupBy = 'staff' | 'group' | 'team' | 'day';
export interface StatsQuery { from: string; to: string; groupBy: StatsGroupBy; staffId?: number; teamId?: number }

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

export const STATS_DEFINITIONS = {
  due: { numerator: 'tasks whose local due date falls in the period, whatever their status', denominator: null, period: 'due dates from `from` to `to`, both included' },
  done: { numerator: 'tasks done within their window (status done, on time)', denominator: null, period: 'due dates in the period' },
  late: { numerator: 'tasks done after their window ended (status late), including missed tasks done later', denominator: null, period: 'due dates in the period' },
  missed: { numerator: 'tasks not done by the end of their local due day (status missed)', denominator: null, period: 'due dates in the period' },
  skipped: { numerator: 'tasks a team lead or SOP manager skipped, with a reason', denominator: null, period: 'due dates in the period' },
  open: { numerator: 'tasks still todo', denominator: null, period: 'due dates in the period' },
  completionRate: { numerator: 'done + late', denominator: 'due − skipped (null when 0)', period: 'due dates in the period' },
  punctualityRate: { numerator: 'done on time', denominator: 'done + late (null when 0)', period: 'due dates in the period' },
};

function row(key: number | string | null, label: string, byStatus: Map<string, number>): SopStatsRow {
  const n = (status: string) => byStatus.get(status) ?? 0;
  const due = [...byStatus.values()].reduce((a, b) => a + b, 0);
  const done = n('done');
  const late = n('late');
  const skipped = n('skipped');
  return {
    key, label, due, done, onTime: done, late, missed: n('missed'), skipped, open: n('todo'),
    completionRate: ratio(done + late, due - skipped),
    punctualityRate: ratio(done, done + late),
  };
}

/** Rows per key (people, groups, teams or days with at least one task due) and the total over all of them. */
export async function sopStats(db: Executor, ctx: AccessContext, query: StatsQuery): Promise<{ rows: SopStatsRow[]; total: SopStatsRow }> {
  const s = scoped(db, ctx.workspaceId);
  const counts = await tq.statusCounts(s, { from: query.from, to: query.to, by: query.groupBy, staffId: query.staffId, teamId: query.teamId });
  const byKey = new Map<string, { key: number | string | null; statuses: Map<string, number> }>();
  const all = new Map<string, number>();
  for (const c of counts) {
    const key = c.key === null ? null : query.groupBy === 'day' ? String(c.key) : Number(c.key);
    const id = String(key);
    if (!byKey.has(id)) byKey.set(id, { key, statuses: new Map() });
    const statuses = byKey.get(id)!.statuses;
    statuses.set(c.status, (statuses.get(c.status) ?? 0) + Number(c.n));
    all.set(c.status, (all.get(c.status) ?? 0) + Number(c.n));
  }
  const labels = await labelsFor(s, query.groupBy, [...byKey.values()].map((v) => v.key));
  const rows = [...byKey.values()].map((v) => row(v.key, labels(v.key), v.statuses));
  if (query.groupBy === 'day') rows.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  else rows.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || a.label.localeCompare(b.label, 'zh-CN') || Number(a.key) - Number(b.key));
  return { rows, total: row(null, 'total', all) };
}

async function labelsFor(s: ReturnType<typeof scoped>, by: StatsGroupBy, keys: Array<number | string | null>): Promise<(key: number | string | null) => string> {
  const none = { staff: 'unassigned', group: '—', team: 'no team', day: '—' }[by];
  let names = new Map<number | string, string>();
  if (by === 'staff') names = new Map((await q.staffDirectory(s)).map((d) => [d.id, d.display_name]));
  if (by === 'team') names = new Map((await tq.teamNames(s)).map((t) => [t.id, t.name]));
  if (by === 'group') names = new Map((await tq.groupNames(s, keys.filter((k): k is number => typeof k === 'number'))).map((g) => [g.id, g.name]));
  return (key) => (key === null ? none : by === 'day' ? String(key) : names.get(key) ?? String(key));
}
