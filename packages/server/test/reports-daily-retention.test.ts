// daily and retention against a brute-force count of the same activity, while events arrive out of order and late,
// members merge and unmerge, events are deleted and the set of counted events changes: the incrementally kept
// rollups must always equal counting from scratch. Plus the day edges of the workspace's time zone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, localDayOf, weekStart } from '../src/analytics/days.js';
import { ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { Fixture, utc } from './reports-fixture.js';
import { checkRebuildAgrees } from './report-checks.js';

let server: TestServer;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const report = (client: Client, path: string) => ok(client.get(`/api/v1/reports/${path}`));

/** A seeded PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Act { member: number; at: string; name: string; id: string }

/** Member id → its activity days, counting only `counted` names (null: all), merged members under their survivor. */
function daysOf(acts: Act[], zone: string, survivor: (m: number) => number, counted: Set<string> | null): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const a of acts) {
    if (counted && !counted.has(a.name)) continue;
    const m = survivor(a.member);
    if (!out.has(m)) out.set(m, new Set());
    out.get(m)!.add(localDayOf(a.at, zone));
  }
  return out;
}

function expectedDaily(days: Map<number, Set<string>>, from: string, to: string) {
  const rows = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const within = (span: number) => [...days.values()].filter((set) => [...set].some((x) => x <= d && x > addDays(d, -span))).length;
    rows.push({ date: d, dau: [...days.values()].filter((set) => set.has(d)).length, wau: within(7), mau: within(30) });
  }
  return rows;
}

function expectedRetention(days: Map<number, Set<string>>, period: 'day' | 'week', periods: number, from: string, to: string) {
  const len = period === 'day' ? 1 : 7;
  const start = (d: string) => (period === 'day' ? d : weekStart(d));
  const cohorts = [];
  for (let c = start(from); c <= start(to); c = addDays(c, len)) {
    const members = [...days.values()].filter((set) => start([...set].sort()[0]!) === c);
    const values = Array.from({ length: periods }, (_, k) => members.filter((set) => [...set].some((x) => start(x) === addDays(c, k * len))).length);
    cohorts.push({ start: c, size: values[0]!, values });
  }
  return cohorts;
}

async function memberNo(id: number): Promise<number> {
  return (await server.services.database.db.selectFrom('members').select('member_no').where('id', '=', id).executeTakeFirstOrThrow()).member_no;
}

async function ingest(ws: TestWorkspace, acts: Act[]): Promise<void> {
  const events = await Promise.all(acts.map(async (a) => ({ id: a.id, member: await memberNo(a.member), name: a.name, at: a.at })));
  const result = await server.services.events.ingest(ws.ctx, events);
  assert.equal(result.rejected.length, 0, JSON.stringify(result.rejected));
}

describe('daily and retention follow late, out-of-order and moved activity exactly', () => {
  test('random arrival order, merges and undo, deleted events, a change of counted events', async () => {
    const ws = await createWorkspace(server);
    const admin = await ws.as('admin');
    const f = new Fixture(server, ws.id);
    const next = random(20261127);
    const members = await Promise.all(Array.from({ length: 14 }, () => f.member()));
    const acts: Act[] = [];
    for (let i = 0; i < 260; i++) {
      const day = Math.floor(next() ** 2 * 75); // more activity early on: cohorts of different sizes
      const at = new Date(Date.parse('2026-01-01T00:00:00+08:00') + day * 86_400_000 + Math.floor(next() * 86_400_000)).toISOString();
      acts.push({ member: members[Math.floor(next() * members.length)]!, at, name: next() < 0.7 ? 'page_view' : 'answer', id: `r${i}` });
    }
    // Arrival order: shuffled, so most batches carry days older than what came before (late data).
    const arrival = [...acts].sort(() => next() - 0.5);
    const merged = new Map<number, number>();
    const survivor = (m: number) => merged.get(m) ?? m;
    const check = async (label: string, counted: Set<string> | null = null) => {
      const days = daysOf(acts.filter((a) => arrived.has(a.id)), 'Asia/Shanghai', survivor, counted);
      const daily = await report(admin, 'daily?from=2026-01-01&to=2026-04-30');
      assert.deepEqual(daily.days.map(({ new_members: _, ...rest }: Record<string, unknown>) => rest), expectedDaily(days, '2026-01-01', '2026-04-30'), `daily after ${label}`);
      const byDay = await report(admin, 'retention?period=day&periods=20&from=2026-01-01&to=2026-03-10');
      assert.deepEqual(byDay.cohorts, expectedRetention(days, 'day', 20, '2026-01-01', '2026-03-10'), `daily retention after ${label}`);
      const byWeek = await report(admin, 'retention?period=week&periods=8&from=2026-01-01&to=2026-03-15');
      assert.deepEqual(byWeek.cohorts, expectedRetention(days, 'week', 8, '2026-01-01', '2026-03-15'), `weekly retention after ${label}`);
    };
    const arrived = new Set<string>();
    for (let i = 0; i < arrival.length;) {
      const batch = arrival.slice(i, i + 1 + Math.floor(next() * 60));
      i += batch.length;
      await ingest(ws, batch);
      batch.forEach((a) => arrived.add(a.id));
      await check(`${arrived.size} events`);
    }

    // Merging moves the merged member's days to the survivor; undoing it moves them back.
    await f.merge(members[1]!, members[0]!);
    merged.set(members[1]!, members[0]!);
    await check('a merge');
    await server.services.database.db.updateTable('members').set({ merged_into_id: null }).where('id', '=', members[1]!).execute();
    merged.clear();
    await check('undoing the merge');

    // Deleting events takes their days away when nothing else was done those days.
    const gone = arrival.slice(0, 40);
    await server.services.database.db.deleteFrom('events').where('workspace_id', '=', ws.id).where('event_id', 'in', gone.map((a) => a.id)).execute();
    gone.forEach((a) => arrived.delete(a.id));
    await check('deleting 40 events');

    // Only page views count from now on: the rollups are rebuilt with the new set.
    const put = await admin.send('PUT', '/api/v1/reports/settings', { activityEvents: ['page_view'] });
    assert.deepEqual(put.body, { activityEvents: ['page_view'] });
    await check('counting page views only', new Set(['page_view']));
    const late = { member: members[3]!, at: utc('2026-01-20T08:00:00+08:00'), name: 'answer', id: 'late-answer' };
    acts.push(late);
    await ingest(ws, [late]);
    arrived.add(late.id);
    await check('an uncounted event', new Set(['page_view']));
    await checkRebuildAgrees(server, ws, admin, ['daily?from=2026-01-01&to=2026-04-30', 'retention?period=week&periods=8&from=2026-01-01&to=2026-03-15']);
  });
});

describe('days are the workspace time zone’s calendar days', () => {
  test('23:59:59 and 00:00:00 in Shanghai, and in New York; new members by day', async () => {
    const ws = await createWorkspace(server);
    const admin = await ws.as('admin');
    const f = new Fixture(server, ws.id);
    const [a, b] = [await f.member(), await f.member()];
    const db = server.services.database.db;
    await db.updateTable('members').set({ created_at: utc('2026-03-01T23:59:59+08:00') }).where('id', '=', a).execute();
    await db.updateTable('members').set({ created_at: utc('2026-03-02T00:00:00+08:00') }).where('id', '=', b).execute();
    await ingest(ws, [
      { member: a, at: utc('2026-03-01T23:59:59+08:00'), name: 'page_view', id: 'a1' },
      { member: b, at: utc('2026-03-02T00:00:00+08:00'), name: 'page_view', id: 'b1' },
    ]);
    const daily = await report(admin, 'daily?from=2026-03-01&to=2026-03-02');
    assert.deepEqual(daily.days, [
      { date: '2026-03-01', new_members: 1, dau: 1, wau: 1, mau: 1 },
      { date: '2026-03-02', new_members: 1, dau: 1, wau: 2, mau: 2 },
    ]);
    assert.equal(daily.definitions.dau.numerator, 'members with a check-in or any event that day');

    // The same instants in New York (UTC−5 in March before the DST change) fall on 03-01 both.
    await db.updateTable('workspaces').set({ timezone: 'America/New_York' }).where('id', '=', ws.id).execute();
    server.services.activity.forget(ws.id);
    await server.services.reports.rebuild(ws.ctx);
    const ny = await report(admin, 'daily?from=2026-03-01&to=2026-03-02');
    assert.equal(ny.timezone, 'America/New_York');
    assert.deepEqual(ny.days.map((d: { date: string; new_members: number; dau: number }) => [d.date, d.new_members, d.dau]), [['2026-03-01', 2, 2], ['2026-03-02', 0, 0]]);
  });

  test('a check-in made through the member pages counts as activity on its local day', async () => {
    const ws = await createWorkspace(server);
    const admin = await ws.as('admin');
    const f = new Fixture(server, ws.id);
    const x1 = await f.campaign(await f.series('X'), 'X1', 1, '2026-03-01', '2026-03-21');
    const m = await f.member();
    const enrollment = await f.enroll(x1, m);
    await f.checkin(enrollment, 1, { at: utc('2026-03-01T21:00:00+08:00') });
    // Written straight into the table, the check-in is not seen until the rollups are rebuilt …
    assert.equal((await report(admin, 'daily?from=2026-03-01&to=2026-03-01')).days[0].dau, 0);
    await server.services.reports.rebuild(ws.ctx);
    assert.equal((await report(admin, 'daily?from=2026-03-01&to=2026-03-01')).days[0].dau, 1);
    // … while the check-in service records it as it writes.
    const clock = server.services.clock;
    const member = { workspaceId: ws.id, memberId: m, memberNo: await memberNo(m), nickname: 'm', sessionId: 'test' };
    clock.set(new Date(utc('2026-03-02T20:00:00+08:00')));
    try {
      await server.services.checkins.checkIn(member, 'X1', { text: '第二天' }, []);
    } finally {
      clock.set(null);
    }
    const d = await report(admin, 'daily?from=2026-03-01&to=2026-03-02');
    assert.deepEqual(d.days.map((x: { dau: number }) => x.dau), [1, 1]);
  });
});
