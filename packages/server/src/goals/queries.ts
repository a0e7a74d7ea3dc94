// Kysely queries for goals, their teams' shares, the original daily plan and the values typed in by hand, plus the
// few reads of other tables a goal needs to name its scope and teams (read-only).
import type { Insertable, Updateable } from 'kysely';
import type { Executor, Scoped } from '../db/scoped.js';
import type { GoalsTable } from '../db/schema.js';
import type { ScopeKind } from './metrics.js';

const goalColumns = [
  'id', 'name', 'metric', 'scope_kind', 'scope_id', 'starts_on', 'ends_on', 'target', 'split', 'weekday_weights', 'description',
  'created_by', 'created_at', 'updated_at', 'archived_at',
] as const;

export function findGoal(s: Scoped, id: number) {
  return s.selectFrom('goals').select(goalColumns).where('id', '=', id).executeTakeFirst();
}

export type GoalRow = NonNullable<Awaited<ReturnType<typeof findGoal>>>;

export function listGoals(s: Scoped, archived: boolean) {
  return s.selectFrom('goals').select(goalColumns).where('archived_at', archived ? 'is not' : 'is', null)
    .orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** Goals not archived whose dates contain the day. */
export function goalsOn(s: Scoped, day: string) {
  return s.selectFrom('goals').select(goalColumns).where('archived_at', 'is', null)
    .where('ends_on', '>=', day).where('starts_on', '<=', day).orderBy('id').execute();
}

export async function insertGoal(db: Executor, row: Insertable<GoalsTable>) {
  return (await db.insertInto('goals').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function updateGoal(s: Scoped, id: number, patch: Updateable<GoalsTable>) {
  return s.updateTable('goals').set(patch).where('id', '=', id).execute();
}

/** The goals' team shares with the team names, teams in creation order (the unsplit share, team null, first). */
export function goalTeams(s: Scoped, goalIds: number[]) {
  if (goalIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('goal_teams').leftJoin('teams', 'teams.id', 'goal_teams.team_id')
    .select(['goal_teams.id', 'goal_teams.goal_id', 'goal_teams.team_id', 'goal_teams.target', 'teams.name as team_name'])
    .where('goal_teams.goal_id', 'in', goalIds).orderBy('goal_teams.goal_id').orderBy('goal_teams.team_id').execute();
}

export type GoalTeamRow = Awaited<ReturnType<typeof goalTeams>>[number];

export async function insertGoalTeam(db: Executor, row: { workspace_id: number; goal_id: number; team_id: number | null; target: number }) {
  return (await db.insertInto('goal_teams').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function setGoalTeamTarget(s: Scoped, id: number, target: number) {
  return s.updateTable('goal_teams').set({ target }).where('id', '=', id).execute();
}

export function deleteGoalTeams(s: Scoped, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return s.deleteFrom('goal_teams').where('id', 'in', ids).execute();
}

/** The original plan of these goal teams. */
export function dayTargets(s: Scoped, goalTeamIds: number[]) {
  if (goalTeamIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('goal_day_targets').select(['goal_team_id', 'day', 'planned'])
    .where('goal_team_id', 'in', goalTeamIds).orderBy('goal_team_id').orderBy('day').execute();
}

export async function replaceDayTargets(s: Scoped, goalTeamId: number, plan: Array<{ day: string; planned: number }>) {
  await s.deleteFrom('goal_day_targets').where('goal_team_id', '=', goalTeamId).execute();
  // Chunked: PostgreSQL and SQLite cap the parameters of one statement.
  for (let i = 0; i < plan.length; i += 200) {
    await s.db.insertInto('goal_day_targets')
      .values(plan.slice(i, i + 200).map((p) => ({ workspace_id: s.workspaceId, goal_team_id: goalTeamId, day: p.day, planned: p.planned })))
      .execute();
  }
}

/** Values typed in for these goal teams (manual metric). */
export function manualActuals(s: Scoped, goalTeamIds: number[]) {
  if (goalTeamIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('goal_actuals').select(['goal_team_id', 'day', 'value'])
    .where('goal_team_id', 'in', goalTeamIds).execute();
}

export function findActual(s: Scoped, goalTeamId: number, day: string) {
  return s.selectFrom('goal_actuals').select(['id', 'value']).where('goal_team_id', '=', goalTeamId).where('day', '=', day).executeTakeFirst();
}

export async function setActual(s: Scoped, row: { goalTeamId: number; day: string; value: number; by: number | null; at: string }) {
  const existing = await findActual(s, row.goalTeamId, row.day);
  if (existing) {
    await s.updateTable('goal_actuals').set({ value: row.value, entered_by: row.by, entered_at: row.at }).where('id', '=', existing.id).execute();
  } else {
    await s.db.insertInto('goal_actuals').values({
      workspace_id: s.workspaceId, goal_team_id: row.goalTeamId, day: row.day, value: row.value, entered_by: row.by, entered_at: row.at,
    }).execute();
  }
}

export function deleteActual(s: Scoped, goalTeamId: number, day: string) {
  return s.deleteFrom('goal_actuals').where('goal_team_id', '=', goalTeamId).where('day', '=', day).execute();
}

/** Typed-in values of a goal team outside a range (dropped when the goal's dates change). */
export function deleteActualsOutside(s: Scoped, goalTeamId: number, startsOn: string, endsOn: string) {
  return s.deleteFrom('goal_actuals').where('goal_team_id', '=', goalTeamId)
    .where((eb) => eb.or([eb('day', '<', startsOn), eb('day', '>', endsOn)])).execute();
}

// ---- other tables, read-only ----

export async function workspaceTimezone(db: Executor, workspaceId: number): Promise<string> {
  const row = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return row.timezone;
}

export function teams(s: Scoped) {
  return s.selectFrom('teams').select(['id', 'name']).orderBy('id').execute();
}

/** The display name of a goal's scope row, or undefined when no such row is in the workspace. */
export async function scopeName(s: Scoped, kind: Exclude<ScopeKind, 'workspace'>, id: number): Promise<string | undefined> {
  switch (kind) {
    case 'team':
      return (await s.selectFrom('teams').select('name').where('id', '=', id).executeTakeFirst())?.name;
    case 'campaign': {
      const row = await s.selectFrom('campaigns').select(['key', 'name']).where('id', '=', id).executeTakeFirst();
      return row && `${row.key} ${row.name}`;
    }
    case 'group':
      return (await s.selectFrom('chat_groups').select('name').where('id', '=', id).executeTakeFirst())?.name;
    case 'channel':
      return (await s.selectFrom('channels').select('name').where('id', '=', id).executeTakeFirst())?.name;
  }
}

/** Scope names of many goals at once, keyed `kind:id`. */
export async function scopeNames(s: Scoped, goals: ReadonlyArray<{ scope_kind: string; scope_id: number | null }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = (kind: string) => [...new Set(goals.filter((g) => g.scope_kind === kind && g.scope_id !== null).map((g) => g.scope_id!))];
  const add = (kind: string, rows: Array<{ id: number; name: string }>) => rows.forEach((r) => out.set(`${kind}:${r.id}`, r.name));
  const teamIds = ids('team');
  const campaignIds = ids('campaign');
  const groupIds = ids('group');
  const channelIds = ids('channel');
  if (teamIds.length) add('team', await s.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute());
  if (campaignIds.length) {
    const rows = await s.selectFrom('campaigns').select(['id', 'key', 'name']).where('id', 'in', campaignIds).execute();
    add('campaign', rows.map((r) => ({ id: r.id, name: `${r.key} ${r.name}` })));
  }
  if (groupIds.length) add('group', await s.selectFrom('chat_groups').select(['id', 'name']).where('id', 'in', groupIds).execute());
  if (channelIds.length) add('channel', await s.selectFrom('channels').select(['id', 'name']).where('id', 'in', channelIds).execute());
  return out;
}
