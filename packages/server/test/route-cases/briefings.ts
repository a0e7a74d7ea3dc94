// Route cases of the briefings (see types.ts): B cannot read A's staff member's daily report, A's team's morning board,
// nor read or write A's campaign retrospective (nor name A's staff as an action's owner); every route refuses bad input
// naming the field.
import assert from 'node:assert/strict';
import { assertError, ok } from '../api-checks.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

const retro = (campaignId: number) => `/api/v1/campaigns/${campaignId}/retrospective`;

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  const f = { bCampaign: 0 };
  return {
    async setup(e) {
      env = e;
      await ok(env.a.send('PUT', retro(env.aCampaign), {
        goalNote: `${env.fragment}目标`, analysis: `${env.fragment}分析`, insight: `${env.fragment}经验`,
        actions: [{ what: `${env.fragment}改进`, ownerId: env.aOwnerId, due: '2026-02-01' }],
      }));
      const series = await ok(env.b.post('/api/v1/series', { key: 'BR', name: 'B 复盘系列' }), 201);
      f.bCampaign = (await ok(env.b.post('/api/v1/campaigns', { seriesId: series.id, name: 'B 营期', startsOn: '2026-01-01', endsOn: '2026-01-21' }), 201)).id;
    },
    cases: {
      'GET /api/v1/briefings/daily': async () => {
        const mine = await ok(env.a.get('/api/v1/briefings/daily?date=2026-01-05'));
        assert.ok(mine.groups.some((g: { id: number }) => g.id === env.aGroup), "control: A's owner sees the group they own");
        for (const client of [env.b, env.bt]) {
          assertError(await client.get(`/api/v1/briefings/daily?staffId=${env.aOwnerId}&date=2026-01-05`), 404, 'staff.not_found', 'staffId');
        }
        const own = await ok(env.b.get('/api/v1/briefings/daily?date=2026-01-05'));
        assert.ok(!own.groups.some((g: { id: number }) => g.id === env.aGroup), "B's own report holds none of A's groups");
        assertError(await env.bt.get('/api/v1/briefings/daily'), 400, 'validation.failed', 'staffId');
      },
      'GET /api/v1/briefings/morning': async () => {
        const keys = (board: { campaigns: Array<{ id: number }> }) => board.campaigns.map((c) => c.id);
        const mine = await ok(env.a.get('/api/v1/briefings/morning?date=2026-01-06'));
        assert.ok(mine.redFlags !== undefined && mine.teams.some((t: { id: number }) => t.id === env.aTeam), "control: A's board lists A's team");
        for (const client of [env.b, env.bt]) {
          assertError(await client.get(`/api/v1/briefings/morning?teamId=${env.aTeam}`), 404, 'team.not_found', 'teamId');
          const board = await ok(client.get('/api/v1/briefings/morning?date=2026-01-06'));
          assert.ok(!keys(board).includes(env.aCampaign), "B's board holds none of A's campaigns");
          assert.ok(!board.teams.some((t: { id: number }) => t.id === env.aTeam), "B's board lists none of A's teams");
        }
      },
      'GET /api/v1/retrospectives': async () => {
        const ids = (list: { items: Array<{ campaign: { id: number } }> }) => list.items.map((i) => i.campaign.id);
        assert.ok(ids(await ok(env.a.get('/api/v1/retrospectives?written=true'))).includes(env.aCampaign), "control: A lists A's retrospective");
        for (const client of [env.b, env.bt]) {
          for (const query of ['', '?written=true', '?written=false']) {
            assert.ok(!ids(await ok(client.get(`/api/v1/retrospectives${query}`))).includes(env.aCampaign), `B does not list A's campaign (${query})`);
          }
        }
      },
      'GET /api/v1/campaigns/{id}/retrospective': async () => {
        assert.equal((await ok(env.a.get(retro(env.aCampaign)))).retrospective.analysis, `${env.fragment}分析`, "control: A reads A's retrospective");
        for (const client of [env.b, env.bt]) assertError(await client.get(retro(env.aCampaign)), 404, 'campaign.not_found');
      },
      'PUT /api/v1/campaigns/{id}/retrospective': async () => {
        assertError(await env.b.send('PUT', retro(env.aCampaign), { analysis: 'B 改写' }), 404, 'campaign.not_found');
        assertError(await env.bt.send('PUT', retro(env.aCampaign), { analysis: 'B 改写' }), 403, 'auth.forbidden');
        assertError(await env.b.send('PUT', retro(f.bCampaign), { actions: [{ what: 'B 的行动', ownerId: env.aOwnerId }] }), 404, 'staff.not_found', 'actions.0.ownerId');
        assert.equal((await ok(env.a.get(retro(env.aCampaign)))).retrospective.analysis, `${env.fragment}分析`, "control: A's retrospective is unchanged");
      },
    },
    snapshot: async () => ({
      retrospective: (await ok(env.a.get(retro(env.aCampaign)))).retrospective,
      list: (await ok(env.a.get('/api/v1/retrospectives'))).items,
    }),
  };
}

export function badInput(): BadInputModule {
  const f = { campaignId: 0, staffId: 0, teamId: 0 };
  const noSuch = 987654;
  const body = () => ({ analysis: '报名节奏偏慢', actions: [{ what: '提前预热', ownerId: f.staffId, due: '2030-04-01' }] });
  const action = (patch: Record<string, unknown>) => ({ actions: [{ what: '提前预热', ...patch }] });
  return {
    async setup(env) {
      Object.assign(f, { campaignId: env.fixtures.campaignId, staffId: env.fixtures.staffId, teamId: env.fixtures.teamId });
    },
    specs: {
      'GET /api/v1/briefings/daily': {
        perm: 'operations.read',
        url: () => `/api/v1/briefings/daily?staffId=${f.staffId}&date=2030-03-02`,
        bad: [
          { what: 'staffId not a number', url: '/api/v1/briefings/daily?staffId=me', field: 'staffId' },
          { what: 'staffId zero', url: '/api/v1/briefings/daily?staffId=0', field: 'staffId' },
          { what: 'date not a date', url: '/api/v1/briefings/daily?date=yesterday', field: 'date' },
          { what: 'date not in the calendar', url: '/api/v1/briefings/daily?date=2030-02-30', field: 'date' },
          { what: 'unknown parameter', url: '/api/v1/briefings/daily?teamId=1', field: 'teamId' },
        ],
        missing: [{ url: () => `/api/v1/briefings/daily?staffId=${noSuch}`, code: 'staff.not_found', field: 'staffId' }],
      },
      'GET /api/v1/briefings/morning': {
        perm: 'operations.read',
        url: () => `/api/v1/briefings/morning?teamId=${f.teamId}&date=2030-03-02`,
        bad: [
          { what: 'teamId not a number', url: '/api/v1/briefings/morning?teamId=mine', field: 'teamId' },
          { what: 'teamId negative', url: '/api/v1/briefings/morning?teamId=-1', field: 'teamId' },
          { what: 'date not a date', url: '/api/v1/briefings/morning?date=2030-3-2', field: 'date' },
          { what: 'unknown parameter', url: '/api/v1/briefings/morning?staffId=1', field: 'staffId' },
        ],
        missing: [{ url: () => `/api/v1/briefings/morning?teamId=${noSuch}`, code: 'team.not_found', field: 'teamId' }],
      },
      'GET /api/v1/retrospectives': {
        perm: 'operations.read',
        url: () => '/api/v1/retrospectives',
        bad: [
          { what: 'written not a boolean', url: '/api/v1/retrospectives?written=yes', field: 'written' },
          { what: 'unknown parameter', url: '/api/v1/retrospectives?status=ended', field: 'status' },
        ],
      },
      'GET /api/v1/campaigns/{id}/retrospective': {
        perm: 'operations.read',
        url: () => retro(f.campaignId),
        bad: [
          { what: 'id not a number', url: '/api/v1/campaigns/x1/retrospective', field: 'id' },
          { what: 'id zero', url: '/api/v1/campaigns/0/retrospective', field: 'id' },
        ],
        missing: [{ url: () => retro(noSuch), code: 'campaign.not_found' }],
      },
      'PUT /api/v1/campaigns/{id}/retrospective': {
        perm: 'retros.write',
        wrongRole: 'sales',
        url: () => retro(f.campaignId),
        body,
        bad: [
          { what: 'id not a number', url: '/api/v1/campaigns/abc/retrospective', field: 'id' },
          { what: 'number for analysis', body: { analysis: 5 }, field: 'analysis' },
          { what: 'analysis over 10000', body: { analysis: '析'.repeat(10_001) }, field: 'analysis' },
          { what: 'goalNote over 2000', body: { goalNote: 'x'.repeat(2001) }, field: 'goalNote' },
          { what: 'insight an array', body: { insight: ['a'] }, field: 'insight' },
          { what: 'actions an object', body: { actions: { what: 'x' } }, field: 'actions' },
          { what: 'more than 30 actions', body: { actions: Array.from({ length: 31 }, () => ({ what: 'x' })) }, field: 'actions' },
          { what: 'action without what', body: { actions: [{ ownerId: 1 }] }, field: 'actions.0.what' },
          { what: 'action what blank', body: action({ what: '  ' }), field: 'actions.0.what' },
          { what: 'action what over 200', body: action({ what: 'x'.repeat(201) }), field: 'actions.0.what' },
          { what: 'ownerId a string', body: action({ ownerId: '7' }), field: 'actions.0.ownerId' },
          { what: 'due not a date', body: action({ due: 'next week' }), field: 'actions.0.due' },
          { what: 'unknown action field', body: action({ done: true }), field: 'actions.0.done' },
          { what: 'unknown field', body: { analysis: 'x', score: 5 }, field: 'score' },
          { what: 'array for the body', body: [], field: '(body)' },
        ],
        missing: [
          { url: () => retro(noSuch), code: 'campaign.not_found' },
          { url: () => retro(f.campaignId), body: action({ ownerId: noSuch }), code: 'staff.not_found', field: 'actions.0.ownerId' },
        ],
      },
    },
  };
}
