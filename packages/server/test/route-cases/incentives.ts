// Route cases of staff incentives: rules, the points ledger, manual entries, reversals, leaderboards, balances
// (see types.ts).
import assert from 'node:assert/strict';
import { assertError, ok } from '../api-checks.js';
import type { Client } from '../harness.js';
import type { BadInputModule, IsolationEnv, IsolationModule } from './types.js';

const RULES = [
  { kind: 'sop_on_time', points: 1, enabled: true },
  { kind: 'sop_late', points: -1, enabled: true },
  { kind: 'sop_missed', points: -2, enabled: true },
  { kind: 'sop_skipped', points: 0, enabled: true },
  { kind: 'goal_day_met', points: 5, enabled: true },
];
const withRule = (kind: string, change: object) => RULES.map((r) => (r.kind === kind ? { ...r, ...change } : r));
const goalDayPoints = async (client: Client) =>
  (await ok(client.get('/api/v1/incentive-rules'))).items.find((r: { kind: string }) => r.kind === 'goal_day_met').points as number;

export function isolation(): IsolationModule {
  let env: IsolationEnv;
  const a = { entry: 0, day: '2026-01-05' };
  const mentions = (body: unknown, id: number) => JSON.stringify(body).includes(`"id":${id},`);
  return {
    async setup(e) {
      env = e;
      await ok(env.a.send('PUT', '/api/v1/incentive-rules', { rules: withRule('goal_day_met', { points: 9 }) }));
      a.entry = (await ok(env.a.post('/api/v1/points', { staffId: env.aOwnerId, points: 6, reason: `${env.fragment}优秀作业点评`, day: a.day }), 201)).id;
    },
    cases: {
      'GET /api/v1/incentive-rules': async () => {
        assert.equal(await goalDayPoints(env.a), 9, "control: A sees A's rule");
        for (const client of [env.b, env.bt]) assert.equal(await goalDayPoints(client), 5, "B sees its own (default) rules, not A's");
      },
      'PUT /api/v1/incentive-rules': async () => {
        await ok(env.b.send('PUT', '/api/v1/incentive-rules', { rules: withRule('goal_day_met', { points: 2 }) }));
        assertError(await env.bt.send('PUT', '/api/v1/incentive-rules', { rules: RULES }), 403, 'auth.forbidden');
        assert.equal(await goalDayPoints(env.b), 2);
        assert.equal(await goalDayPoints(env.a), 9, "B's change did not touch A's rules");
      },
      'GET /api/v1/points/ledger': async () => {
        assert.ok(mentions(await ok(env.a.get(`/api/v1/points/ledger?staffId=${env.aOwnerId}`)), a.entry), "control: A sees A's entry");
        for (const client of [env.b, env.bt]) {
          const all = await ok(client.get('/api/v1/points/ledger'));
          assert.ok(!all.items.some((x: { id: number }) => x.id === a.entry));
          assert.equal(all.total.entries, 0);
          assertError(await client.get(`/api/v1/points/ledger?staffId=${env.aOwnerId}`), 404, 'staff.not_found', 'staffId');
        }
      },
      'POST /api/v1/points': async () => {
        assertError(await env.b.post('/api/v1/points', { staffId: env.aOwnerId, points: 100, reason: '越权加分' }), 404, 'staff.not_found', 'staffId');
        assertError(await env.bt.post('/api/v1/points', { staffId: env.aOwnerId, points: 100, reason: '越权加分' }), 403, 'auth.forbidden');
      },
      'POST /api/v1/points/{id}/reverse': async () => {
        assertError(await env.b.post(`/api/v1/points/${a.entry}/reverse`, { reason: '越权撤销' }), 404, 'points_entry.not_found');
        assertError(await env.bt.post(`/api/v1/points/${a.entry}/reverse`, { reason: '越权撤销' }), 403, 'auth.forbidden');
        const mine = await ok(env.a.get(`/api/v1/points/ledger?staffId=${env.aOwnerId}`));
        assert.equal(mine.items.find((x: { id: number }) => x.id === a.entry).reversedBy, null, "A's entry is not reversed");
      },
      'GET /api/v1/points/leaderboard': async () => {
        const url = `/api/v1/points/leaderboard?period=month&date=${a.day}`;
        const board = await ok(env.a.get(url));
        // Other features (SOP tasks) may give A's owner points too: the control is A's own ledger of the same days.
        const ledger = await ok(env.a.get(`/api/v1/points/ledger?staffId=${env.aOwnerId}&from=${board.from}&to=${board.to}`));
        assert.ok(mentions(ledger, a.entry));
        assert.equal(board.items.find((x: { staff: { id: number } }) => x.staff.id === env.aOwnerId).points, ledger.total.points, 'control: A sees its points');
        for (const client of [env.b, env.bt]) {
          const theirs = await ok(client.get(url));
          assert.ok(!theirs.items.some((x: { staff: { id: number } }) => x.staff.id === env.aOwnerId));
          assert.equal(theirs.total.points, 0);
          assertError(await client.get(`${url}&teamId=${env.aTeam}`), 404, 'team.not_found', 'teamId');
        }
      },
      'GET /api/v1/points/balances': async () => {
        const mine = await ok(env.a.get('/api/v1/points/balances'));
        const ledger = await ok(env.a.get(`/api/v1/points/ledger?staffId=${env.aOwnerId}`));
        assert.equal(mine.items.find((x: { staff: { id: number } }) => x.staff.id === env.aOwnerId).allTime, ledger.total.points, 'control: A sees its balance');
        assert.notEqual(ledger.total.points, 0);
        for (const client of [env.b, env.bt]) {
          const theirs = await ok(client.get('/api/v1/points/balances'));
          assert.ok(!theirs.items.some((x: { staff: { id: number } }) => x.staff.id === env.aOwnerId));
        }
      },
    },
    snapshot: async () => ({
      rules: await ok(env.a.get('/api/v1/incentive-rules')),
      ledger: await ok(env.a.get('/api/v1/points/ledger?limit=200')),
    }),
  };
}

export function badInput(): BadInputModule {
  const w = { entry: 0, staffId: 0 };
  const long = (n: number) => 'x'.repeat(n);
  // The bad bodies are built before setup runs; a well-formed id is enough, since each is refused before it is looked up.
  const ANY_STAFF = 1;
  return {
    async setup(env) {
      w.staffId = env.fixtures.staffId;
      w.entry = (await ok(env.owner.post('/api/v1/points', { staffId: w.staffId, points: 3, reason: '优秀作业点评' }), 201)).id;
    },
    specs: {
      'GET /api/v1/incentive-rules': { perm: 'operations.read', url: () => '/api/v1/incentive-rules', bad: [] },
      'PUT /api/v1/incentive-rules': {
        perm: 'incentives.manage',
        wrongRole: 'operator',
        url: () => '/api/v1/incentive-rules',
        body: () => ({ rules: withRule('goal_day_met', { points: 42 }) }),
        bad: [
          { what: 'no rules', body: {}, field: 'rules' },
          { what: 'a kind missing', body: { rules: RULES.slice(1) }, field: 'rules' },
          { what: 'a kind twice', body: { rules: [...RULES.slice(1), RULES[1]] }, field: 'rules' },
          { what: 'unknown kind', body: { rules: [...RULES.slice(1), { kind: 'birthday', points: 1, enabled: true }] }, field: 'rules.4.kind' },
          { what: 'points over 100', body: { rules: withRule('sop_late', { points: -101 }) }, field: 'rules.1.points' },
          { what: 'points not whole', body: { rules: withRule('sop_on_time', { points: 0.5 }) }, field: 'rules.0.points' },
          { what: 'string for points', body: { rules: withRule('sop_on_time', { points: '1' }) }, field: 'rules.0.points' },
          { what: 'string for enabled', body: { rules: withRule('sop_missed', { enabled: 'yes' }) }, field: 'rules.2.enabled' },
          { what: 'unknown field in a rule', body: { rules: withRule('sop_on_time', { note: 'x' }) }, field: 'rules.0.note' },
          { what: 'unknown field', body: { rules: RULES, effectiveFrom: '2026-01-01' }, field: 'effectiveFrom' },
        ],
      },
      'GET /api/v1/points/ledger': {
        perm: 'operations.read',
        url: () => `/api/v1/points/ledger?staffId=${w.staffId}`,
        bad: [
          { what: 'staffId not a number', url: '/api/v1/points/ledger?staffId=me', field: 'staffId' },
          { what: 'from not a date', url: '/api/v1/points/ledger?from=yesterday', field: 'from' },
          { what: 'to not a calendar date', url: '/api/v1/points/ledger?to=2026-02-30', field: 'to' },
          { what: 'from after to', url: '/api/v1/points/ledger?from=2026-03-02&to=2026-03-01', field: 'from', code: 'points.invalid_period' },
          { what: 'limit over 200', url: '/api/v1/points/ledger?limit=201', field: 'limit' },
          { what: 'cursor not a cursor', url: '/api/v1/points/ledger?cursor=abc', field: 'cursor' },
          { what: 'unknown parameter', url: '/api/v1/points/ledger?team=1', field: 'team' },
        ],
        missing: [{ url: () => '/api/v1/points/ledger?staffId=999999999', code: 'staff.not_found', field: 'staffId' }],
      },
      'POST /api/v1/points': {
        perm: 'incentives.manage',
        wrongRole: 'operator',
        url: () => '/api/v1/points',
        body: () => ({ staffId: w.staffId, points: 5, reason: '不该写入' }),
        bad: [
          { what: 'points 0', body: { staffId: ANY_STAFF, points: 0, reason: 'x' }, field: 'points' },
          { what: 'points over 1000', body: { staffId: ANY_STAFF, points: 1001, reason: 'x' }, field: 'points' },
          { what: 'points not whole', body: { staffId: ANY_STAFF, points: 2.5, reason: 'x' }, field: 'points' },
          { what: 'string for points', body: { staffId: ANY_STAFF, points: '5', reason: 'x' }, field: 'points' },
          { what: 'no reason', body: { staffId: ANY_STAFF, points: 5 }, field: 'reason' },
          { what: 'blank reason', body: { staffId: ANY_STAFF, points: 5, reason: '   ' }, field: 'reason' },
          { what: 'reason over 200', body: { staffId: ANY_STAFF, points: 5, reason: long(201) }, field: 'reason' },
          { what: 'string for staffId', body: { staffId: 'me', points: 5, reason: 'x' }, field: 'staffId' },
          { what: 'day not a date', body: { staffId: ANY_STAFF, points: 5, reason: 'x', day: '1.12.2026' }, field: 'day' },
          { what: 'day in the future', body: { staffId: ANY_STAFF, points: 5, reason: 'x', day: '2999-01-01' }, field: 'day', code: 'points.future_day' },
          { what: 'unknown field', body: { staffId: ANY_STAFF, points: 5, reason: 'x', ruleKind: 'sop_on_time' }, field: 'ruleKind' },
        ],
        missing: [{ url: () => '/api/v1/points', body: { staffId: 999999999, points: 5, reason: 'x' }, code: 'staff.not_found', field: 'staffId' }],
      },
      'POST /api/v1/points/{id}/reverse': {
        perm: 'incentives.manage',
        wrongRole: 'operator',
        url: () => `/api/v1/points/${w.entry}/reverse`,
        body: () => ({ reason: '不该撤销' }),
        bad: [
          { what: 'id not a number', url: '/api/v1/points/abc/reverse', field: 'id' },
          { what: 'no reason', body: {}, field: 'reason' },
          { what: 'reason over 200', body: { reason: long(201) }, field: 'reason' },
          { what: 'unknown field', body: { reason: 'x', points: 1 }, field: 'points' },
        ],
        missing: [{ url: () => '/api/v1/points/999999999/reverse', body: { reason: 'x' }, code: 'points_entry.not_found' }],
      },
      'GET /api/v1/points/leaderboard': {
        perm: 'operations.read',
        url: () => '/api/v1/points/leaderboard?period=week',
        bad: [
          { what: 'unknown period', url: '/api/v1/points/leaderboard?period=year', field: 'period' },
          { what: 'date not a date', url: '/api/v1/points/leaderboard?date=today', field: 'date' },
          { what: 'date not a calendar date', url: '/api/v1/points/leaderboard?date=2026-13-01', field: 'date' },
          { what: 'teamId not a number', url: '/api/v1/points/leaderboard?teamId=one', field: 'teamId' },
          { what: 'unknown parameter', url: '/api/v1/points/leaderboard?staffId=1', field: 'staffId' },
        ],
        missing: [{ url: () => '/api/v1/points/leaderboard?teamId=999999999', code: 'team.not_found', field: 'teamId' }],
      },
      'GET /api/v1/points/balances': { perm: 'operations.read', url: () => '/api/v1/points/balances', bad: [] },
    },
  };
}
