// Goals over HTTP on a real database: seed 003's numbers from real signups, the daily split (even, weekday, by hand)
// as stored and returned, the re-plan with its floor at 0, typed-in values, re-splitting (audited), archiving, the
// scope check across workspaces, and the contract other features read (dayAttainment, standings).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
const f = { t1: 0, t2: 0, campaignId: 0 };

/** Local (Asia/Shanghai) wall time → the instant. */
const local = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
const at = (day: string, time = '10:00') => server.services.clock.set(local(day, time));

/** Members as rows (numbers from 900001, clear of the counter's): the 1,500 of seed 003 in one statement per 500. */
async function newMembers(count: number): Promise<number[]> {
  const db = server.services.database.db;
  const base = 900_000;
  const ids: number[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i += 500) {
    const rows = await db.insertInto('members').values(Array.from({ length: Math.min(500, count - i) }, (_, k) => ({
      workspace_id: W.id, member_no: base + i + k + 1, nickname: `报名${i + k}`, attributes: '{}', created_at: now, updated_at: now,
    }))).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Signups made at given instants: written as rows, so a day can hold 1,500 of them (signup is tested elsewhere). */
async function signups(campaignId: number, rows: Array<{ memberId: number; at: string; status?: 'active' | 'cancelled' }>) {
  const db = server.services.database.db;
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('enrollments').values(rows.slice(i, i + 500).map((r) => ({
      workspace_id: W.id, campaign_id: campaignId, member_id: r.memberId, channel_id: null, group_id: null, source: 'staff',
      status: r.status ?? 'active', amount_due_cents: 0, cancelled_at: r.status === 'cancelled' ? r.at : null, created_at: r.at, updated_at: r.at,
    }))).execute();
  }
}

const line = (progress: any, kind: string, teamId: number | null = null) => progress.lines.find((l: any) => l.kind === kind && l.teamId === teamId);
const column = (l: any, field: string) => l.cells.map((c: any) => c[field]);

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  f.t1 = (await ok(owner.post('/api/v1/teams', { name: '运营一组' }), 201)).id;
  f.t2 = (await ok(owner.post('/api/v1/teams', { name: '运营二组' }), 201)).id;
  const series = await ok(owner.post('/api/v1/series', { key: 'X', name: '21天单词打卡' }), 201);
  f.campaignId = (await ok(owner.post('/api/v1/campaigns', { seriesId: series.id, name: '第1期', startsOn: '2030-03-11', endsOn: '2030-03-31' }), 201)).id;
});

after(async () => {
  server.services.clock.set(null);
  await server?.close();
});

test('seed 003: 10,000 signups in 5 days → 2,000 a day; 1,500 on day 1 → 2,125 a day for the remaining four', async () => {
  at('2030-03-01');
  const goal = await ok(owner.post('/api/v1/goals', {
    name: 'X1 招募 1 万人', metric: 'signups', scopeKind: 'campaign', scopeId: f.campaignId,
    startsOn: '2030-03-02', endsOn: '2030-03-06', target: 10_000, teams: [],
  }), 201);
  assert.equal(goal.state, 'upcoming');
  assert.equal(goal.scope.name, 'X1 第1期');
  assert.deepEqual(goal.teams, [{ teamId: null, teamName: null, target: 10_000 }]);
  let progress = await ok(owner.get(`/api/v1/goals/${goal.id}/progress`));
  assert.equal(progress.lines.length, 1, 'not split among teams: one whole line');
  assert.deepEqual(column(line(progress, 'total'), 'planned'), [2000, 2000, 2000, 2000, 2000]);
  assert.deepEqual(column(line(progress, 'total'), 'replanned'), [2000, 2000, 2000, 2000, 2000]);
  assert.deepEqual(column(line(progress, 'total'), 'actual'), [null, null, null, null, null], 'no day has begun');

  // Day 1 (local): 1,499 signups at 10:00 and one at midnight sharp; one a millisecond before midnight belongs to
  // the day before, a cancelled one does not count, one on day 2 is not part of day 1.
  const members = await newMembers(1503);
  await signups(f.campaignId, [
    ...members.slice(0, 1499).map((memberId) => ({ memberId, at: local('2030-03-02').toISOString() })),
    { memberId: members[1499]!, at: '2030-03-01T16:00:00.000Z' },
    { memberId: members[1500]!, at: '2030-03-01T15:59:59.999Z' },
    { memberId: members[1501]!, at: local('2030-03-02', '12:00').toISOString(), status: 'cancelled' },
    { memberId: members[1502]!, at: local('2030-03-03', '08:00').toISOString() },
  ]);
  at('2030-03-03', '09:00');
  progress = await ok(owner.get(`/api/v1/goals/${goal.id}/progress`));
  const total = line(progress, 'total');
  assert.deepEqual(column(total, 'planned'), [2000, 2000, 2000, 2000, 2000], 'the original plan stays');
  assert.deepEqual(column(total, 'replanned'), [2000, 2125, 2125, 2125, 2125]);
  assert.deepEqual(column(total, 'actual'), [1500, 1, null, null, null], 'today so far; days not begun are empty');
  assert.deepEqual(total.cells[0].completion, { numerator: 1500, denominator: 2000, value: 0.75 });
  assert.deepEqual(total.cells[1].cumulativeCompletion, { numerator: 1501, denominator: 10_000, value: 0.1501 });
  assert.deepEqual(progress.days.map((d: any) => d.ended), [true, false, false, false, false]);
  assert.deepEqual(progress.days[0].timeElapsed, { numerator: 1, denominator: 5, value: 0.2 });
  assert.equal(progress.today, '2030-03-03');
  for (const key of ['metric', 'planned', 'replanned', 'actual', 'cumulative', 'completion', 'cumulativeCompletion', 'timeElapsed']) {
    assert.ok(progress.definitions[key]['zh-CN'].numerator && progress.definitions[key].en.numerator, `definition of ${key}`);
  }
  const listed = (await ok(owner.get('/api/v1/goals'))).items.find((g: any) => g.id === goal.id);
  assert.equal(listed.state, 'running');
  assert.deepEqual(listed.standing.completion, { numerator: 1501, denominator: 10_000, value: 0.1501 });
  assert.deepEqual(listed.standing.timeElapsed, { numerator: 1, denominator: 5, value: 0.2 });
  assert.equal(listed.standing.gapPoints, 5);

  // The contract other features read: the day's re-planned target and what was done.
  const day1 = (await server.services.goals.dayAttainment(W.ctx, '2030-03-02')).filter((a) => a.goalId === goal.id);
  assert.deepEqual(day1, [{ goalId: goal.id, goalName: 'X1 招募 1 万人', metric: 'signups', teamId: null, teamName: null, day: '2030-03-02', planned: 2000, target: 2000, actual: 1500, met: false }]);
  const day2 = (await server.services.goals.dayAttainment(W.ctx, '2030-03-03')).find((a) => a.goalId === goal.id);
  assert.equal(day2?.target, 2125);
  // A standing asked for the end of day 1 counts nothing after it.
  const standing = (await server.services.goals.standings(W.ctx, local('2030-03-02', '23:59'))).find((s) => s.goalId === goal.id);
  assert.deepEqual(standing, { goalId: goal.id, goalName: 'X1 招募 1 万人', metric: 'signups', teamId: null, teamName: null, target: 10_000, achieved: 1500, completion: 0.15, timeElapsed: 0, gapPoints: -15 });
  assert.equal((await server.services.goals.standings(W.ctx, local('2030-03-08'))).find((s) => s.goalId === goal.id), undefined, 'an ended goal has no standing');
});

test('weekday weights and an even split among teams, as stored and returned', async () => {
  at('2030-03-01');
  const goal = await ok(owner.post('/api/v1/goals', {
    name: '一周入群', metric: 'group_joins', scopeKind: 'workspace', startsOn: '2030-03-04', endsOn: '2030-03-10', target: 100,
    split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 2, 3],
  }), 201);
  assert.deepEqual(goal.teams.map((t: any) => [t.teamName, t.target]), [['运营一组', 50], ['运营二组', 50]], 'every team, evenly, by default');
  assert.deepEqual(goal.weekdayWeights, [1, 1, 1, 1, 1, 2, 3]);
  const progress = await ok(owner.get(`/api/v1/goals/${goal.id}/progress`));
  assert.deepEqual(column(line(progress, 'team', f.t1), 'planned'), [5, 5, 5, 5, 5, 10, 15]);
  assert.deepEqual(column(line(progress, 'total'), 'planned'), [10, 10, 10, 10, 10, 20, 30]);
  assert.deepEqual(progress.days.map((d: any) => d.weekday), [1, 2, 3, 4, 5, 6, 7]);
  const stored = await server.services.database.db.selectFrom('goal_day_targets').innerJoin('goal_teams', 'goal_teams.id', 'goal_day_targets.goal_team_id')
    .select(['goal_day_targets.day', 'goal_day_targets.planned']).where('goal_teams.goal_id', '=', goal.id).where('goal_teams.team_id', '=', f.t2)
    .orderBy('goal_day_targets.day').execute();
  assert.deepEqual(stored.map((r) => Number(r.planned)), [5, 5, 5, 5, 5, 10, 15], 'the original split is stored');
  assertError(await owner.post('/api/v1/goals', { name: 'x', metric: 'signups', scopeKind: 'workspace', startsOn: '2030-03-09', endsOn: '2030-03-10', target: 5, split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 0, 0] }), 400, 'validation.failed', 'weekdayWeights');
  assertError(await owner.post('/api/v1/goals', { name: 'x', metric: 'signups', scopeKind: 'workspace', startsOn: '2030-03-09', endsOn: '2030-03-10', target: 5, split: 'weekday', weekdayWeights: [1, 1, 1, -1, 1, 0, 0] }), 400, 'validation.failed', 'weekdayWeights.3');
});

test('a split by hand: the grid must add up per team; teams with hand-set targets must add up to the goal', async () => {
  at('2030-03-01');
  const body = {
    name: '手工拆分', metric: 'signups', scopeKind: 'workspace', startsOn: '2030-03-04', endsOn: '2030-03-05', target: 10, split: 'manual',
    teams: [{ teamId: f.t1, target: 6 }, { teamId: f.t2, target: 4 }],
    manualTargets: [{ teamId: f.t1, day: '2030-03-04', target: 2 }, { teamId: f.t1, day: '2030-03-05', target: 4 }, { teamId: f.t2, day: '2030-03-04', target: 4 }],
  };
  const goal = await ok(owner.post('/api/v1/goals', body), 201);
  const progress = await ok(owner.get(`/api/v1/goals/${goal.id}/progress`));
  assert.deepEqual(column(line(progress, 'team', f.t1), 'planned'), [2, 4]);
  assert.deepEqual(column(line(progress, 'team', f.t2), 'planned'), [4, 0]);
  assert.deepEqual(column(line(progress, 'total'), 'planned'), [6, 4]);
  assertError(await owner.post('/api/v1/goals', { ...body, manualTargets: body.manualTargets.slice(0, 2) }), 400, 'validation.failed', 'manualTargets');
  assertError(await owner.post('/api/v1/goals', { ...body, teams: [{ teamId: f.t1, target: 6 }, { teamId: f.t2, target: 3 }] }), 400, 'validation.failed', 'teams');
  assertError(await owner.post('/api/v1/goals', { ...body, manualTargets: [{ teamId: f.t1, day: '2030-03-06', target: 6 }] }), 400, 'validation.failed', 'manualTargets.0.day');
  assertError(await owner.post('/api/v1/goals', { ...body, split: 'manual', manualTargets: undefined }), 400, 'validation.failed', 'manualTargets');
});

test('a manual goal: values typed in per team and day, re-planned, never below 0; only days begun, only its teams', async () => {
  at('2030-03-01');
  const goal = await ok(owner.post('/api/v1/goals', {
    name: '朋友圈转发', metric: 'manual', scopeKind: 'workspace', startsOn: '2030-03-02', endsOn: '2030-03-05', target: 20,
    teams: [{ teamId: f.t1, target: 10 }, { teamId: f.t2, target: 10 }],
  }), 201);
  at('2030-03-03', '20:00');
  let progress = await ok(owner.send('PUT', `/api/v1/goals/${goal.id}/actuals`, { teamId: f.t1, day: '2030-03-02', value: 12 }));
  const t1 = line(progress, 'team', f.t1);
  assert.deepEqual(column(t1, 'planned'), [3, 3, 2, 2]);
  assert.deepEqual(column(t1, 'replanned'), [3, 0, 0, 0], 'over its target after day 1: nothing owed, never negative');
  assert.deepEqual(t1.cells[0].cumulativeCompletion, { numerator: 12, denominator: 10, value: 1.2 });
  assert.equal(t1.editable, true);
  assert.equal(line(progress, 'unassigned'), undefined, 'typed-in values always belong to a team');
  progress = await ok(owner.send('PUT', `/api/v1/goals/${goal.id}/actuals`, { teamId: f.t2, day: '2030-03-02', value: 1.5 }));
  assert.deepEqual(column(line(progress, 'team', f.t2), 'replanned'), [3, 3.64, 2.43, 2.43], 'cents when the actual has them: 8.5 over 3 + 2 + 2');
  assert.deepEqual(column(line(progress, 'total'), 'actual'), [13.5, 0, null, null]);
  assert.deepEqual(column(line(progress, 'total'), 'replanned'), [6, 2.78, 1.86, 1.86], '6.5 left, shaped 6 / 4 / 4');
  progress = await ok(owner.send('PUT', `/api/v1/goals/${goal.id}/actuals`, { teamId: f.t2, day: '2030-03-02', value: null }));
  assert.deepEqual(column(line(progress, 'team', f.t2), 'actual'), [0, 0, null, null], 'value null removes it');
  const put = (b: unknown) => owner.send('PUT', `/api/v1/goals/${goal.id}/actuals`, b);
  assertError(await put({ teamId: f.t1, day: '2030-03-04', value: 1 }), 400, 'validation.failed', 'day');
  assertError(await put({ teamId: f.t1, day: '2030-03-06', value: 1 }), 400, 'validation.failed', 'day');
  assertError(await put({ teamId: null, day: '2030-03-02', value: 1 }), 400, 'validation.failed', 'teamId');
  assertError(await put({ teamId: f.t1, day: '2030-03-02', value: -1 }), 400, 'validation.failed', 'value');
  const signupGoal = (await ok(owner.get('/api/v1/goals'))).items.find((g: any) => g.metric === 'signups');
  assertError(await owner.send('PUT', `/api/v1/goals/${signupGoal.id}/actuals`, { teamId: null, day: '2030-03-02', value: 1 }), 400, 'goal.not_manual', 'value');
});

test('changing the target re-splits the original plan (audited); a rename does not; archived goals are read-only', async () => {
  at('2030-03-01');
  const goal = await ok(owner.post('/api/v1/goals', { name: '调整前', metric: 'paid', scopeKind: 'workspace', startsOn: '2030-03-02', endsOn: '2030-03-04', target: 30, teams: [{ teamId: f.t1, target: 20 }, { teamId: f.t2, target: 10 }] }), 201);
  let changed = await ok(owner.patch(`/api/v1/goals/${goal.id}`, { target: 60 }));
  assert.deepEqual(changed.teams.map((t: any) => t.target), [30, 30], 'the hand-set shares no longer add up: even among the same teams');
  changed = await ok(owner.patch(`/api/v1/goals/${goal.id}`, { teams: [{ teamId: f.t1, target: 45 }, { teamId: f.t2, target: 15 }], endsOn: '2030-03-06' }));
  assert.equal(changed.days, 5);
  changed = await ok(owner.patch(`/api/v1/goals/${goal.id}`, { split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 1, 0] }));
  assert.deepEqual(changed.teams.map((t: any) => t.target), [45, 15], 'shares that still add up are kept');
  const progress = await ok(owner.get(`/api/v1/goals/${goal.id}/progress`));
  assert.deepEqual(column(line(progress, 'team', f.t1), 'planned'), [12, 0, 11, 11, 11], '2030-03-03 is a Sunday (weight 0): 45 / 4 = 11.25 on the others');
  const renamed = await ok(owner.patch(`/api/v1/goals/${goal.id}`, { name: '调整后', description: '复盘后调整' }));
  assert.equal(renamed.name, '调整后');
  const audit = (await ok(owner.get(`/api/v1/audit?entity=goal&entityId=${goal.id}`))).items;
  assert.deepEqual(audit.map((e: any) => e.action), ['goal.update', 'goal.replan', 'goal.replan', 'goal.replan', 'goal.create']);
  assert.equal(audit[3].before.target, 30);
  assert.equal(audit[3].after.target, 60);
  assert.deepEqual(audit[3].after.teams.map((t: any) => t.planned), [[10, 10, 10], [10, 10, 10]]);
  assertError(await owner.patch(`/api/v1/goals/${goal.id}`, { startsOn: '2030-03-07' }), 400, 'validation.failed', 'endsOn');
  assertError(await owner.patch(`/api/v1/goals/${goal.id}`, { metric: 'signups' }), 400, 'validation.failed', 'metric');

  const archived = await ok(owner.post(`/api/v1/goals/${goal.id}/archive`, {}));
  assert.equal(archived.state, 'archived');
  assert.equal((await ok(owner.post(`/api/v1/goals/${goal.id}/archive`, {}))).archivedAt, archived.archivedAt, 'archiving again changes nothing');
  assert.ok(!(await ok(owner.get('/api/v1/goals'))).items.some((g: any) => g.id === goal.id));
  assert.ok((await ok(owner.get('/api/v1/goals?status=archived'))).items.some((g: any) => g.id === goal.id));
  assertError(await owner.patch(`/api/v1/goals/${goal.id}`, { name: 'x' }), 409, 'goal.archived');
  assert.ok(!(await server.services.goals.dayAttainment(W.ctx, '2030-03-02')).some((a) => a.goalId === goal.id), 'archived goals are not attained');
});

test("a scope must exist in the workspace (another workspace's row → 404 naming scopeId) and suit the metric", async () => {
  const other = await createWorkspace(server);
  const otherOwner = await other.as('owner');
  const series = await ok(otherOwner.post('/api/v1/series', { key: 'Q', name: '别家' }), 201);
  const theirs = await ok(otherOwner.post('/api/v1/campaigns', { seriesId: series.id, name: '别家营期', startsOn: '2030-03-11', endsOn: '2030-03-31' }), 201);
  const theirTeam = await ok(otherOwner.post('/api/v1/teams', { name: '别家小组' }), 201);
  const body = { name: 'x', metric: 'signups', startsOn: '2030-03-02', endsOn: '2030-03-04', target: 10 };
  assertError(await owner.post('/api/v1/goals', { ...body, scopeKind: 'campaign', scopeId: theirs.id }), 404, 'campaign.not_found', 'scopeId');
  assertError(await owner.post('/api/v1/goals', { ...body, scopeKind: 'team', scopeId: theirTeam.id }), 404, 'team.not_found', 'scopeId');
  assertError(await owner.post('/api/v1/goals', { ...body, scopeKind: 'workspace', teams: [{ teamId: theirTeam.id }] }), 404, 'team.not_found', 'teams.0.teamId');
  assertError(await owner.post('/api/v1/goals', { ...body, scopeKind: 'campaign' }), 400, 'validation.failed', 'scopeId');
  assertError(await owner.post('/api/v1/goals', { ...body, scopeKind: 'workspace', scopeId: f.campaignId }), 400, 'validation.failed', 'scopeId');
  assertError(await owner.post('/api/v1/goals', { ...body, metric: 'group_joins', scopeKind: 'channel', scopeId: 1 }), 400, 'validation.failed', 'scopeKind');
  const mine = await ok(owner.post('/api/v1/goals', { ...body, scopeKind: 'team', scopeId: f.t2 }), 201);
  assert.deepEqual(mine.teams.map((t: any) => t.teamId), [f.t2], "a team's goal is split to that team");
  // B sees none of W's goals, and W's goal ids answer 404 to B.
  assert.deepEqual((await ok(otherOwner.get('/api/v1/goals'))).items, []);
  assertError(await otherOwner.get(`/api/v1/goals/${mine.id}/progress`), 404, 'goal.not_found');
});
