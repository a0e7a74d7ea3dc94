// Staff incentives over HTTP on a real database: the rules (defaults, replacing them all at once, audit), manual
// awards and penalties, reversals (once, never of a reversal), the ledger's pages and totals, leaderboards (ranks
// with ties, team filter, breakdown, week and month boundaries in Asia/Shanghai) and balances.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allPages, assertError, ok } from './api-checks.js';
import { createWorkspace, PASSWORD, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let operator: Client;
let ownerId = 0;
const teams = { one: 0, two: 0 };
const staff = { a: 0, b: 0, c: 0, d: 0, gone: 0 };

const put = (client: Client, p: string, body: unknown) => client.send('PUT', p, body);
const DEFAULTS = [
  { kind: 'sop_on_time', points: 1, enabled: true },
  { kind: 'sop_late', points: -1, enabled: true },
  { kind: 'sop_missed', points: -2, enabled: true },
  { kind: 'sop_skipped', points: 0, enabled: true },
  { kind: 'goal_day_met', points: 5, enabled: true },
];

async function newStaff(username: string, displayName: string, teamId: number | null) {
  return (await ok(owner.post('/api/v1/staff', { username, displayName, password: PASSWORD, role: 'operator', teamId }), 201)).id as number;
}

const award = (staffId: number, points: number, day?: string, reason = '优秀作业点评') =>
  owner.post('/api/v1/points', { staffId, points, reason, ...(day ? { day } : {}) });

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  operator = await W.as('operator');
  ownerId = (await ok(owner.get('/api/v1/auth/me'))).staff.id;
  teams.one = (await ok(owner.post('/api/v1/teams', { name: '运营一组' }), 201)).id;
  teams.two = (await ok(owner.post('/api/v1/teams', { name: '运营二组' }), 201)).id;
  staff.a = await newStaff('staff_a', '甲', teams.one);
  staff.b = await newStaff('staff_b', '乙', teams.one);
  staff.c = await newStaff('staff_c', '丙', teams.two);
  staff.d = await newStaff('staff_d', '丁', teams.two);
  staff.gone = await newStaff('gone', '已离职', teams.two);
  server.services.clock.set('2026-12-02T04:00:00Z'); // Wednesday 12:00 in Shanghai
});

after(async () => {
  server?.services.clock.set(null);
  await server?.close();
});

test('rules: the defaults until changed; replaced all at once; audited; only incentives.manage may change them', async () => {
  const rules = await ok(owner.get('/api/v1/incentive-rules'));
  assert.deepEqual(rules.items.map((r: { kind: string; points: number; enabled: boolean }) => ({ kind: r.kind, points: r.points, enabled: r.enabled })), DEFAULTS);
  assert.ok(rules.items.every((r: { updatedAt: string | null }) => r.updatedAt === null));
  assert.deepEqual(rules.items[4].default, { points: 5, enabled: true });
  assert.equal((await operator.get('/api/v1/incentive-rules')).status, 200, 'everyone reads the rules');
  assertError(await put(operator, '/api/v1/incentive-rules', { rules: DEFAULTS }), 403, 'auth.forbidden');

  const changed = DEFAULTS.map((r) => (r.kind === 'goal_day_met' ? { ...r, points: 8 } : r.kind === 'sop_skipped' ? { ...r, enabled: false } : r));
  const after = await ok(put(owner, '/api/v1/incentive-rules', { rules: changed }));
  const byKind = Object.fromEntries(after.items.map((r: { kind: string }) => [r.kind, r]));
  assert.equal(byKind.goal_day_met.points, 8);
  assert.equal(byKind.sop_skipped.enabled, false);
  assert.ok(byKind.goal_day_met.updatedAt);
  assert.equal(byKind.sop_on_time.updatedAt, null, 'an unchanged rule keeps being the default');
  const audit = await ok(owner.get('/api/v1/audit?entity=incentive_rules'));
  assert.equal(audit.items.length, 1);
  assert.equal(audit.items[0].action, 'incentive_rules.update');
  await ok(put(owner, '/api/v1/incentive-rules', { rules: changed }));
  assert.equal((await ok(owner.get('/api/v1/audit?entity=incentive_rules'))).items.length, 1, 'saving the same rules changes nothing');
  await ok(put(owner, '/api/v1/incentive-rules', { rules: DEFAULTS }));
  assert.deepEqual((await ok(owner.get('/api/v1/incentive-rules'))).items.map((r: { points: number }) => r.points), [1, -1, -2, 0, 5]);

  assertError(await put(owner, '/api/v1/incentive-rules', { rules: DEFAULTS.slice(1) }), 400, 'validation.failed', 'rules');
  assertError(await put(owner, '/api/v1/incentive-rules', { rules: [...DEFAULTS.slice(1), DEFAULTS[1]] }), 400, 'validation.failed', 'rules');
  assertError(await put(owner, '/api/v1/incentive-rules', { rules: DEFAULTS.map((r, i) => (i === 0 ? { ...r, points: 101 } : r)) }), 400, 'validation.failed', 'rules.0.points');
  assertError(await put(owner, '/api/v1/incentive-rules', { rules: DEFAULTS.map((r, i) => (i === 2 ? { ...r, points: 1.5 } : r)) }), 400, 'validation.failed', 'rules.2.points');
});

test('manual awards and penalties: validated, written with their author and today (workspace zone), audited', async () => {
  const entry = await ok(award(staff.a, 10, undefined, '优秀作业点评：三篇范文被全营转发'), 201);
  assert.deepEqual(
    { staff: entry.staff, points: entry.points, kind: entry.kind, ruleKind: entry.ruleKind, source: entry.source, day: entry.day, by: entry.createdBy?.id, reverses: entry.reverses, reversedBy: entry.reversedBy },
    { staff: { id: staff.a, displayName: '甲' }, points: 10, kind: 'manual', ruleKind: null, source: null, day: '2026-12-02', by: ownerId, reverses: null, reversedBy: null },
  );
  const penalty = await ok(award(staff.b, -3, '2026-11-30', '客诉：家长反映作业点评未回复'), 201);
  assert.equal(penalty.day, '2026-11-30');
  const audit = await ok(owner.get(`/api/v1/audit?entity=points_entry&entityId=${penalty.id}`));
  assert.equal(audit.items[0].action, 'points.penalize');

  assertError(await award(staff.a, 0), 400, 'validation.failed', 'points');
  assertError(await award(staff.a, 1001), 400, 'validation.failed', 'points');
  assertError(await award(staff.a, -1001), 400, 'validation.failed', 'points');
  assertError(await owner.post('/api/v1/points', { staffId: staff.a, points: 1, reason: '  ' }), 400, 'validation.failed', 'reason');
  assertError(await award(staff.a, 1, '2026-12-03'), 400, 'points.future_day', 'day');
  assertError(await award(staff.a, 1, '2026-02-30'), 400, 'validation.failed', 'day');
  assertError(await award(999_999, 1), 404, 'staff.not_found', 'staffId');
  const other = await createWorkspace(server);
  const outsider = await other.as('operator');
  const outsiderId = (await ok(outsider.get('/api/v1/auth/me'))).staff.id;
  assertError(await award(outsiderId, 1), 404, 'staff.not_found', 'staffId');
  assertError(await operator.post('/api/v1/points', { staffId: staff.a, points: 1, reason: 'x' }), 403, 'auth.forbidden');

  await ok(award(staff.gone, 2, '2026-11-20', '早期贡献'), 201);
  await ok(owner.patch(`/api/v1/staff/${staff.gone}`, { disabled: true }));
  assertError(await award(staff.gone, 1), 409, 'points.staff_disabled', 'staffId');
});

test('a reversal is a new opposite entry on the same day, once; a reversal itself cannot be reversed', async () => {
  const original = await ok(award(staff.c, 7, '2026-11-25', '好评：家长在群里公开表扬'), 201);
  const reversal = await ok(owner.post(`/api/v1/points/${original.id}/reverse`, { reason: '记错人了，应为丁' }), 201);
  assert.deepEqual({ staff: reversal.staff.id, points: reversal.points, day: reversal.day, reverses: reversal.reverses, reason: reversal.reason, kind: reversal.kind },
    { staff: staff.c, points: -7, day: '2026-11-25', reverses: original.id, reason: '记错人了，应为丁', kind: 'manual' });
  const ledger = await ok(owner.get(`/api/v1/points/ledger?staffId=${staff.c}`));
  assert.equal(ledger.items.find((e: { id: number }) => e.id === original.id).reversedBy, reversal.id);
  assert.equal(ledger.total.points, 0, 'the pair nets out');

  assertError(await owner.post(`/api/v1/points/${original.id}/reverse`, { reason: '再来一次' }), 409, 'points.already_reversed');
  assertError(await owner.post(`/api/v1/points/${reversal.id}/reverse`, { reason: '撤销撤销' }), 409, 'points.is_reversal');
  assertError(await owner.post('/api/v1/points/999999/reverse', { reason: 'x' }), 404, 'points_entry.not_found');
  assertError(await owner.post(`/api/v1/points/${original.id}/reverse`, {}), 400, 'validation.failed', 'reason');
  assertError(await operator.post(`/api/v1/points/${original.id}/reverse`, { reason: 'x' }), 403, 'auth.forbidden');

  // Managers reversing the same entry at once (straight through the service, so the calls truly overlap): one reversal.
  const twice = await ok(award(staff.c, 4, '2026-11-25', '社群活跃度第一'), 201);
  const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(() => server.services.incentives.reverse(W.ctx, twice.id, '重复发放')));
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as { code?: string }).code === 'points.already_reversed'));
  const rows = await server.services.database.db.selectFrom('points_ledger').select('id').where('source', '=', `reversal:${twice.id}`).execute();
  assert.equal(rows.length, 1);
  assert.equal((await ok(owner.get(`/api/v1/audit?entity=points_entry&entityId=${twice.id}`))).items.filter((e: { action: string }) => e.action === 'points.reverse').length, 1);
});

test('the ledger: newest first, cursor pages, filters by staff and days, and a total over the whole filter', async () => {
  for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) await ok(award(staff.d, 1, day, `作业点评 ${day}`), 201);
  const first = await ok(owner.get(`/api/v1/points/ledger?staffId=${staff.d}&limit=2`));
  assert.equal(first.items.length, 2);
  assert.ok(first.items[0].id > first.items[1].id);
  assert.ok(first.nextCursor);
  assert.deepEqual(first.total, { points: 5, entries: 5 });
  const all = await allPages<{ id: number; day: string }>(owner, `/api/v1/points/ledger?staffId=${staff.d}`, 2);
  assert.deepEqual(all.map((e) => e.day), ['2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02', '2026-11-01']);
  const some = await ok(owner.get(`/api/v1/points/ledger?staffId=${staff.d}&from=2026-11-02&to=2026-11-04`));
  assert.deepEqual(some.items.map((e: { day: string }) => e.day), ['2026-11-04', '2026-11-03', '2026-11-02']);
  assert.deepEqual(some.total, { points: 3, entries: 3 });
  const everyone = await ok(owner.get('/api/v1/points/ledger?from=2026-11-01&to=2026-11-05'));
  assert.ok(everyone.items.every((e: { day: string }) => e.day >= '2026-11-01' && e.day <= '2026-11-05'));
  assertError(await owner.get('/api/v1/points/ledger?from=2026-11-05&to=2026-11-01'), 400, 'points.invalid_period', 'from');
  assertError(await owner.get('/api/v1/points/ledger?staffId=999999'), 404, 'staff.not_found', 'staffId');
  const viewer = await W.as('viewer');
  assert.equal((await viewer.get(`/api/v1/points/ledger?staffId=${staff.d}`)).status, 200, "every role reads everyone's points");
});

test('leaderboard: ranks by points with ties sharing a rank, everyone active listed, team filter, breakdown', async () => {
  const w = await createWorkspace(server);
  const o = await w.as('owner');
  const team = (await ok(o.post('/api/v1/teams', { name: '销售组' }), 201)).id;
  const mk = async (name: string, teamId: number | null) =>
    (await ok(o.post('/api/v1/staff', { username: `u${name.codePointAt(0)}`, displayName: name, password: PASSWORD, role: 'sales', teamId }), 201)).id as number;
  const [p, q, r, s] = [await mk('子', team), await mk('丑', team), await mk('寅', team), await mk('卯', null)];
  const give = (staffId: number, points: number, day = '2026-12-01') => ok(o.post('/api/v1/points', { staffId, points, reason: '测试', day }), 201);
  await give(p, 5);
  await give(q, 3);
  await give(q, 2);
  await give(r, 3);
  await give(s, -1);
  await give(r, 50, '2026-11-30');
  await give(p, 100, '2026-11-29'); // Sunday: the week before
  const ownerIdW = (await ok(o.get('/api/v1/auth/me'))).staff.id;

  const board = await ok(o.get('/api/v1/points/leaderboard?period=week&date=2026-12-06'));
  assert.deepEqual([board.from, board.to], ['2026-11-30', '2026-12-06']);
  const rows = board.items.map((x: { rank: number; staff: { id: number }; points: number; entries: number }) => [x.rank, x.staff.id, x.points, x.entries]);
  // equal points: by name in Chinese collation order (丑 chǒu before 子 zǐ)
  assert.deepEqual(rows.slice(0, 3), [[1, r, 53, 2], [2, q, 5, 2], [2, p, 5, 1]]);
  assert.deepEqual(rows.find((x: number[]) => x[1] === ownerIdW), [4, ownerIdW, 0, 0], 'an active account without points is on the board, ranked after the tie');
  assert.deepEqual(rows.at(-1), [5, s, -1, 1]);
  assert.deepEqual(board.total, { points: 62, entries: 6, breakdown: { sop_on_time: 0, sop_late: 0, sop_missed: 0, sop_skipped: 0, goal_day_met: 0, manual: 62 } });
  assert.deepEqual(board.items[0].team, { id: team, name: '销售组' });
  assert.ok(board.definitions.points.includes('from'));

  const onlyTeam = await ok(o.get(`/api/v1/points/leaderboard?period=week&date=2026-12-01&teamId=${team}`));
  assert.deepEqual(onlyTeam.items.map((x: { staff: { id: number } }) => x.staff.id), [r, q, p]);
  assert.equal(onlyTeam.teamId, team);
  assertError(await o.get('/api/v1/points/leaderboard?teamId=999999'), 404, 'team.not_found', 'teamId');

  const month = await ok(o.get('/api/v1/points/leaderboard?period=month&date=2026-11-15'));
  assert.deepEqual([month.from, month.to], ['2026-11-01', '2026-11-30']);
  assert.deepEqual(month.items.slice(0, 2).map((x: { staff: { id: number }; points: number }) => [x.staff.id, x.points]), [[p, 100], [r, 50]]);
  const feb = await ok(o.get('/api/v1/points/leaderboard?period=month&date=2028-02-10'));
  assert.deepEqual([feb.from, feb.to], ['2028-02-01', '2028-02-29']);

  // A disabled account stays on the boards of the periods where it has points, and only there.
  await ok(o.patch(`/api/v1/staff/${s}`, { disabled: true }));
  const withGone = await ok(o.get('/api/v1/points/leaderboard?period=week&date=2026-12-01'));
  assert.equal(withGone.items.find((x: { staff: { id: number } }) => x.staff.id === s).staff.disabled, true);
  const later = await ok(o.get('/api/v1/points/leaderboard?period=week&date=2026-12-08'));
  assert.ok(!later.items.some((x: { staff: { id: number } }) => x.staff.id === s));
});

test('today, the week and the month follow the workspace time zone (Asia/Shanghai), not UTC', async () => {
  const w = await createWorkspace(server);
  const o = await w.as('owner');
  const me = (await ok(o.get('/api/v1/auth/me'))).staff.id;
  const give = async () => ok(o.post('/api/v1/points', { staffId: me, points: 1, reason: '边界' }), 201);
  try {
    server.services.clock.set('2026-11-29T15:59:00Z'); // Sunday 23:59 in Shanghai
    assert.equal((await give()).day, '2026-11-29');
    server.services.clock.set('2026-11-29T16:00:00Z'); // Monday 00:00 in Shanghai, still Sunday in UTC
    assert.equal((await give()).day, '2026-11-30');
    const week = await ok(o.get('/api/v1/points/leaderboard?period=week'));
    assert.deepEqual([week.from, week.to, week.items[0].points], ['2026-11-30', '2026-12-06', 1]);
    const balances = await ok(o.get('/api/v1/points/balances'));
    assert.equal(balances.today, '2026-11-30');
    assert.deepEqual(balances.week, { from: '2026-11-30', to: '2026-12-06' });
    assert.deepEqual(balances.month, { from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(balances.items.map((x: { week: number; month: number; allTime: number }) => [x.week, x.month, x.allTime]), [[1, 2, 2]]);

    server.services.clock.set('2026-11-30T16:00:00Z'); // Tuesday 1 December 00:00 in Shanghai
    await give();
    const month = await ok(o.get('/api/v1/points/leaderboard?period=month'));
    assert.deepEqual([month.from, month.to, month.items[0].points], ['2026-12-01', '2026-12-31', 1]);
    const after = await ok(o.get('/api/v1/points/balances'));
    assert.deepEqual(after.items.map((x: { week: number; month: number; allTime: number }) => [x.week, x.month, x.allTime]), [[2, 1, 3]]);
  } finally {
    server.services.clock.set('2026-12-02T04:00:00Z');
  }
});

test('balances: this week, this month and all time per staff member; disabled accounts only with points', async () => {
  const b = await ok(owner.get('/api/v1/points/balances'));
  assert.deepEqual([b.week, b.month], [{ from: '2026-11-30', to: '2026-12-06' }, { from: '2026-12-01', to: '2026-12-31' }]);
  const of = (id: number) => b.items.find((x: { staff: { id: number } }) => x.staff.id === id);
  assert.deepEqual([of(staff.a).week, of(staff.a).month, of(staff.a).allTime], [10, 10, 10]);
  assert.deepEqual([of(staff.b).week, of(staff.b).month, of(staff.b).allTime], [-3, 0, -3], '11-30 is this week but last month');
  assert.deepEqual([of(staff.d).week, of(staff.d).allTime], [0, 5]);
  assert.equal(of(staff.gone).staff.disabled, true, 'the disabled account has points, so it is listed');
  assert.deepEqual(of(staff.a).team, { id: teams.one, name: '运营一组' });
  assert.ok(b.definitions.week.includes('Monday'));
});
