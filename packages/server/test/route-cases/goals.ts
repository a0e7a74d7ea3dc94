// Route cases of goals (see types.ts): B cannot read, change, archive or type into A's goals, nor aim a goal at A's
// campaign, group, channel or team; every route refuses bad input naming the field. Goals lie in the past, so their
// progress does not change while the tests run.
import assert from 'node:assert/strict';
import { assertError, ok } from '../api-checks.js';
import type { Client } from '../harness.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

const DAYS = { startsOn: '2026-01-01', endsOn: '2026-01-10' };
const ids = (items: Array<{ id: number }>) => items.map((x) => x.id);

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  const f = { aGoal: 0, aManual: 0, aChannel: 0, bManual: 0 };
  const put = (client: Client, id: number, body: unknown) => client.send('PUT', `/api/v1/goals/${id}/actuals`, body);
  return {
    async setup(e) {
      env = e;
      f.aGoal = (await ok(env.a.post('/api/v1/goals', {
        name: `${env.fragment}报名目标`, description: `${env.fragment}说明`, metric: 'signups', scopeKind: 'campaign', scopeId: env.aCampaign, ...DAYS, target: 100,
        teams: [{ teamId: env.aTeam }],
      }), 201)).id;
      f.aManual = (await ok(env.a.post('/api/v1/goals', { name: `${env.fragment}手工目标`, metric: 'manual', scopeKind: 'team', scopeId: env.aTeam, ...DAYS, target: 10 }), 201)).id;
      await ok(put(env.a, f.aManual, { teamId: env.aTeam, day: DAYS.startsOn, value: 3 }));
      f.aChannel = (await ok(env.a.post('/api/v1/channels', { name: `${env.fragment}目标渠道` }), 201)).id;
      f.bManual = (await ok(env.b.post('/api/v1/goals', { name: 'B 的手工目标', metric: 'manual', scopeKind: 'workspace', ...DAYS, target: 10, teams: [{ teamId: env.bTeam }] }), 201)).id;
    },
    cases: {
      'GET /api/v1/goal-metrics': async () => {
        const mine = await ok(env.a.get('/api/v1/goal-metrics'));
        assert.ok(mine.items.length >= 9, 'control: A sees the catalogue');
        for (const client of [env.b, env.bt]) assert.deepEqual(await ok(client.get('/api/v1/goal-metrics')), mine, 'the catalogue is the same everywhere and holds no workspace data');
      },
      'GET /api/v1/goals': async () => {
        assert.ok(ids((await ok(env.a.get('/api/v1/goals'))).items).includes(f.aGoal), "control: A sees A's goal");
        for (const client of [env.b, env.bt]) {
          for (const query of ['', '?status=active', '?status=archived']) {
            const items = ids((await ok(client.get(`/api/v1/goals${query}`))).items);
            assert.ok(!items.includes(f.aGoal) && !items.includes(f.aManual), `B does not see A's goals (${query})`);
          }
        }
        assert.ok(ids((await ok(env.b.get('/api/v1/goals'))).items).includes(f.bManual), 'B sees its own goal');
      },
      'POST /api/v1/goals': async () => {
        const base = { name: 'B 借用', metric: 'signups', ...DAYS, target: 10 };
        assertError(await env.b.post('/api/v1/goals', { ...base, scopeKind: 'campaign', scopeId: env.aCampaign }), 404, 'campaign.not_found', 'scopeId');
        assertError(await env.b.post('/api/v1/goals', { ...base, scopeKind: 'group', scopeId: env.aGroup }), 404, 'group.not_found', 'scopeId');
        assertError(await env.b.post('/api/v1/goals', { ...base, scopeKind: 'channel', scopeId: f.aChannel }), 404, 'channel.not_found', 'scopeId');
        assertError(await env.b.post('/api/v1/goals', { ...base, scopeKind: 'team', scopeId: env.aTeam }), 404, 'team.not_found', 'scopeId');
        assertError(await env.b.post('/api/v1/goals', { ...base, scopeKind: 'workspace', teams: [{ teamId: env.aTeam }] }), 404, 'team.not_found', 'teams.0.teamId');
        assertError(await env.bt.post('/api/v1/goals', { ...base, scopeKind: 'workspace' }), 403, 'auth.forbidden');
        const created = await ok(env.b.post('/api/v1/goals', { ...base, scopeKind: 'workspace' }), 201);
        const teams = created.teams.map((t: { teamId: number }) => t.teamId);
        assert.ok(teams.includes(env.bTeam) && !teams.includes(env.aTeam), "'all' teams are B's own");
      },
      'GET /api/v1/goals/{id}': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/goals/${f.aGoal}`))).id, f.aGoal, "control: A reads A's goal");
        for (const client of [env.b, env.bt]) assertError(await client.get(`/api/v1/goals/${f.aGoal}`), 404, 'goal.not_found');
      },
      'PATCH /api/v1/goals/{id}': async () => {
        assertError(await env.b.patch(`/api/v1/goals/${f.aGoal}`, { name: 'B 改名', target: 5 }), 404, 'goal.not_found');
        assertError(await env.bt.patch(`/api/v1/goals/${f.aGoal}`, { name: 'B 改名' }), 403, 'auth.forbidden');
        assertError(await env.b.patch(`/api/v1/goals/${f.bManual}`, { teams: [{ teamId: env.aTeam }] }), 404, 'team.not_found', 'teams.0.teamId');
      },
      'POST /api/v1/goals/{id}/archive': async () => {
        assertError(await env.b.post(`/api/v1/goals/${f.aGoal}/archive`, {}), 404, 'goal.not_found');
        assertError(await env.bt.post(`/api/v1/goals/${f.aGoal}/archive`, {}), 403, 'auth.forbidden');
        assert.equal((await ok(env.a.get(`/api/v1/goals/${f.aGoal}`))).archivedAt, null, "control: A's goal is not archived");
      },
      'GET /api/v1/goals/{id}/progress': async () => {
        assert.equal((await ok(env.a.get(`/api/v1/goals/${f.aManual}/progress`))).lines[0].cells[0].actual, 3, "control: A reads A's progress");
        for (const client of [env.b, env.bt]) assertError(await client.get(`/api/v1/goals/${f.aManual}/progress`), 404, 'goal.not_found');
      },
      'PUT /api/v1/goals/{id}/actuals': async () => {
        assertError(await put(env.b, f.aManual, { teamId: env.aTeam, day: DAYS.startsOn, value: 99 }), 404, 'goal.not_found');
        assertError(await put(env.bt, f.aManual, { teamId: env.aTeam, day: DAYS.startsOn, value: 99 }), 403, 'auth.forbidden');
        assertError(await put(env.b, f.bManual, { teamId: env.aTeam, day: DAYS.startsOn, value: 99 }), 400, 'validation.failed', 'teamId');
      },
    },
    snapshot: async () => {
      const goals = (await ok(env.a.get('/api/v1/goals'))).items;
      return { goals, progress: await Promise.all([f.aGoal, f.aManual].map((id) => ok(env.a.get(`/api/v1/goals/${id}/progress`)).then((p) => ({ ...p, asOf: null })))) };
    },
  };
}

export function badInput(): BadInputModule {
  const f = { goal: 0, manual: 0, teamId: 0 };
  const noSuch = 987654;
  const create = () => ({ name: '报名目标', metric: 'signups', scopeKind: 'workspace', ...DAYS, target: 100 });
  return {
    async setup(env) {
      f.teamId = env.fixtures.teamId;
      f.goal = (await ok(env.owner.post('/api/v1/goals', { ...create(), scopeKind: 'campaign', scopeId: env.fixtures.campaignId }), 201)).id;
      f.manual = (await ok(env.owner.post('/api/v1/goals', { ...create(), name: '手工目标', metric: 'manual', teams: [] }), 201)).id;
    },
    specs: {
      'GET /api/v1/goal-metrics': {
        perm: 'operations.read',
        url: () => '/api/v1/goal-metrics',
        bad: [{ what: 'unknown parameter', url: '/api/v1/goal-metrics?metric=signups', field: 'metric' }],
      },
      'GET /api/v1/goals': {
        perm: 'operations.read',
        url: () => '/api/v1/goals',
        bad: [
          { what: 'unknown status', url: '/api/v1/goals?status=all', field: 'status' },
          { what: 'unknown parameter', url: '/api/v1/goals?metric=signups', field: 'metric' },
        ],
      },
      'POST /api/v1/goals': {
        perm: 'goals.manage',
        wrongRole: 'operator',
        url: () => '/api/v1/goals',
        body: create,
        bad: [
          { what: 'name missing', body: { ...create(), name: undefined }, field: 'name' },
          { what: 'name too long', body: { ...create(), name: 'x'.repeat(81) }, field: 'name' },
          { what: 'unknown metric', body: { ...create(), metric: 'likes' }, field: 'metric' },
          { what: 'unknown scope kind', body: { ...create(), scopeKind: 'city' }, field: 'scopeKind' },
          { what: 'scope id missing', body: { ...create(), scopeKind: 'campaign' }, field: 'scopeId' },
          { what: 'scope id for the workspace', body: { ...create(), scopeId: 1 }, field: 'scopeId' },
          { what: 'a metric that cannot be cut by the scope', body: { ...create(), metric: 'group_joins', scopeKind: 'channel', scopeId: 1 }, field: 'scopeKind' },
          { what: 'target 0', body: { ...create(), target: 0 }, field: 'target' },
          { what: 'target negative', body: { ...create(), target: -5 }, field: 'target' },
          { what: 'target not a number', body: { ...create(), target: '100' }, field: 'target' },
          { what: 'a fraction of a person', body: { ...create(), target: 10.5 }, field: 'target' },
          { what: 'a rate above 100%', body: { ...create(), metric: 'checkin_rate', target: 1.5 }, field: 'target' },
          { what: 'not a calendar date', body: { ...create(), startsOn: '2026-02-30' }, field: 'startsOn' },
          { what: 'ends before it starts', body: { ...create(), endsOn: '2025-12-31' }, field: 'endsOn' },
          { what: 'more than 366 days', body: { ...create(), endsOn: '2027-01-02' }, field: 'endsOn' },
          { what: 'teams neither "all" nor a list', body: { ...create(), teams: 'some' }, field: 'teams' },
          // Read when the test runs: the team is made in setup, after this table is built.
          { what: "teams' targets do not add up", get body() { return { ...create(), teams: [{ teamId: f.teamId, target: 50 }] }; }, field: 'teams' },
          { what: 'unknown split', body: { ...create(), split: 'random' }, field: 'split' },
          { what: 'six weekday weights', body: { ...create(), split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 1] }, field: 'weekdayWeights' },
          { what: 'a negative weight', body: { ...create(), split: 'weekday', weekdayWeights: [1, -1, 1, 1, 1, 1, 1] }, field: 'weekdayWeights.1' },
          { what: 'weights adding up to 0', body: { ...create(), split: 'weekday', weekdayWeights: [0, 0, 0, 0, 0, 0, 0] }, field: 'weekdayWeights' },
          { what: 'a weekday split without weights', body: { ...create(), split: 'weekday' }, field: 'weekdayWeights' },
          { what: 'a hand split without days', body: { ...create(), split: 'manual', teams: [] }, field: 'manualTargets' },
          { what: 'a hand split that does not add up', body: { ...create(), split: 'manual', teams: [], manualTargets: [{ teamId: null, day: DAYS.startsOn, target: 99 }] }, field: 'manualTargets' },
          { what: 'a hand split outside the dates', body: { ...create(), split: 'manual', teams: [], manualTargets: [{ teamId: null, day: '2026-02-01', target: 100 }] }, field: 'manualTargets.0.day' },
          { what: 'a rate split by weekday', body: { ...create(), metric: 'checkin_rate', target: 0.6, split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 1, 1] }, field: 'split' },
          { what: 'unknown field', body: { ...create(), owner: 1 }, field: 'owner' },
        ],
        missing: [
          { url: () => '/api/v1/goals', body: { ...create(), scopeKind: 'campaign', scopeId: noSuch }, code: 'campaign.not_found', field: 'scopeId' },
          { url: () => '/api/v1/goals', body: { ...create(), scopeKind: 'group', scopeId: noSuch }, code: 'group.not_found', field: 'scopeId' },
          { url: () => '/api/v1/goals', body: { ...create(), scopeKind: 'channel', scopeId: noSuch }, code: 'channel.not_found', field: 'scopeId' },
          { url: () => '/api/v1/goals', body: { ...create(), scopeKind: 'team', scopeId: noSuch }, code: 'team.not_found', field: 'scopeId' },
          { url: () => '/api/v1/goals', body: { ...create(), teams: [{ teamId: noSuch }] }, code: 'team.not_found', field: 'teams.0.teamId' },
        ],
      },
      'GET /api/v1/goals/{id}': {
        perm: 'operations.read',
        url: () => `/api/v1/goals/${f.goal}`,
        bad: [{ what: 'id not a number', url: '/api/v1/goals/abc', field: 'id' }],
        missing: [{ url: () => `/api/v1/goals/${noSuch}`, code: 'goal.not_found' }],
      },
      'PATCH /api/v1/goals/{id}': {
        perm: 'goals.manage',
        wrongRole: 'operator',
        url: () => `/api/v1/goals/${f.goal}`,
        body: () => ({ name: '改名' }),
        bad: [
          { what: 'id not a number', url: '/api/v1/goals/abc', field: 'id' },
          { what: 'empty name', body: { name: ' ' }, field: 'name' },
          { what: 'target 0', body: { target: 0 }, field: 'target' },
          { what: 'ends before it starts', body: { startsOn: '2026-01-11' }, field: 'endsOn' },
          { what: 'the metric cannot change', body: { metric: 'paid' }, field: 'metric' },
          { what: 'unknown split', body: { split: 'random' }, field: 'split' },
        ],
        missing: [
          { url: () => `/api/v1/goals/${noSuch}`, code: 'goal.not_found' },
          { url: () => `/api/v1/goals/${f.goal}`, body: { teams: [{ teamId: noSuch }] }, code: 'team.not_found', field: 'teams.0.teamId' },
        ],
      },
      'POST /api/v1/goals/{id}/archive': {
        perm: 'goals.manage',
        wrongRole: 'operator',
        url: () => `/api/v1/goals/${f.goal}/archive`,
        body: () => ({}),
        bad: [
          { what: 'id not a number', url: '/api/v1/goals/abc/archive', field: 'id' },
          { what: 'unknown field', body: { reason: 'done' }, field: 'reason' },
        ],
        missing: [{ url: () => `/api/v1/goals/${noSuch}/archive`, code: 'goal.not_found' }],
      },
      'GET /api/v1/goals/{id}/progress': {
        perm: 'operations.read',
        url: () => `/api/v1/goals/${f.goal}/progress`,
        bad: [{ what: 'id not a number', url: '/api/v1/goals/abc/progress', field: 'id' }],
        missing: [{ url: () => `/api/v1/goals/${noSuch}/progress`, code: 'goal.not_found' }],
      },
      'PUT /api/v1/goals/{id}/actuals': {
        perm: 'goals.manage',
        wrongRole: 'operator',
        url: () => `/api/v1/goals/${f.manual}/actuals`,
        body: () => ({ teamId: null, day: DAYS.startsOn, value: 1 }),
        bad: [
          { what: 'id not a number', url: '/api/v1/goals/abc/actuals', field: 'id' },
          { what: 'day not a date', body: { teamId: null, day: '2026-1-2', value: 1 }, field: 'day' },
          { what: 'a day outside the goal', body: { teamId: null, day: '2026-01-11', value: 1 }, field: 'day' },
          { what: 'value negative', body: { teamId: null, day: DAYS.startsOn, value: -1 }, field: 'value' },
          { what: 'value missing', body: { teamId: null, day: DAYS.startsOn }, field: 'value' },
          { what: 'a team not in the goal', body: { teamId: 1, day: DAYS.startsOn, value: 1 }, field: 'teamId' },
          { what: 'a goal measured from the data', get url() { return `/api/v1/goals/${f.goal}/actuals`; }, field: 'value', code: 'goal.not_manual' },
          { what: 'unknown field', body: { teamId: null, day: DAYS.startsOn, value: 1, note: 'x' }, field: 'note' },
        ],
        missing: [{ url: () => `/api/v1/goals/${noSuch}/actuals`, code: 'goal.not_found' }],
      },
    },
  };
}
