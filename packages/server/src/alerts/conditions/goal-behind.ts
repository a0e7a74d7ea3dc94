// goal_behind (domain_ops.md §5.3 达成率 vs 时间进度): a team on an active goal whose achievement trails the share of
// the goal's time elapsed (goals service standings). One instance per goal, team and day:
// `goal:<id>:team:<teamId|all>:<date>`; a new day's instance supersedes the day before's.
import { type Condition, type Finding } from './types.js';
import { teamLeads } from './queries.js';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const amount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export const goalBehind: Condition = async ({ ctx, s, now, today, goals }) => {
  const standings = await goals.standings(ctx, now);
  const leads = standings.some((g) => g.teamId !== null) ? await teamLeads(s) : new Map<number, number | null>();
  const findings: Finding[] = standings.map((g) => ({
    subject: `goal:${g.goalId}:team:${g.teamId ?? 'all'}:${today}`,
    measure: { value: g.gapPoints },
    staffIds: [g.teamId !== null ? (leads.get(g.teamId) ?? null) : null],
    message: ({ threshold }) => `目标「${g.goalName}」${g.teamName ? `·${g.teamName}` : ''}：完成 ${pct(g.completion)}（${amount(g.achieved)} / ${amount(g.target)}），`
      + `时间进度 ${pct(g.timeElapsed)}，落后 ${g.gapPoints.toFixed(1)} 个百分点（阈值 ${threshold}）`,
  }));
  const current = new Set(findings.map((f) => f.subject));
  return { findings, superseded: (subject) => !current.has(subject) };
};
