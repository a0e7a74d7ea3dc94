// The campaign reports (composition, series, reenrolment, funnel) on hand-made datasets whose numbers are worked
// out by hand here, seed 004's case among them; and how the rollups follow enrollments that change afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { checkRebuildAgrees } from './report-checks.js';
import { Fixture, utc } from './reports-fixture.js';

let server: TestServer;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

async function setup(): Promise<{ ws: TestWorkspace; f: Fixture; admin: Client }> {
  const ws = await createWorkspace(server);
  return { ws, f: new Fixture(server, ws.id), admin: await ws.as('admin') };
}

const report = (client: Client, path: string) => ok(client.get(`/api/v1/reports/${path}`));

describe("seed 004's case: 177 paid members of the first campaign", () => {
  test('60 re-enrolled in the second, 87 stayed in group A, 30 left both; composition and series agree', async () => {
    const { f, admin } = await setup();
    const x = await f.series('X');
    const x1 = await f.campaign(x, 'X1', 1, '2026-01-05', '2026-01-25');
    const x2 = await f.campaign(x, 'X2', 2, '2026-02-23', '2026-03-15');
    const groupA = await f.group('社群A', x1);
    const groupB = await f.group('社群B', x2);
    for (let i = 0; i < 177; i++) {
      const m = await f.member('一期');
      await f.enroll(x1, m, { paidCents: 9900, createdAt: utc('2026-01-02T10:00:00+08:00') });
      if (i < 60) {
        // Re-enrolled: signed up for X2 and moved to group B.
        await f.membership(groupA, m, utc('2026-01-03T10:00:00+08:00'), utc('2026-02-20T10:00:00+08:00'));
        await f.enroll(x2, m, { paidCents: 9900, createdAt: utc('2026-02-18T10:00:00+08:00') });
        await f.membership(groupB, m, utc('2026-02-20T10:00:00+08:00'));
      } else if (i < 147) {
        await f.membership(groupA, m, utc('2026-01-03T10:00:00+08:00'));
      } else {
        await f.membership(groupA, m, utc('2026-01-03T10:00:00+08:00'), utc('2026-02-01T10:00:00+08:00'));
      }
    }
    for (let i = 0; i < 40; i++) await f.enroll(x2, await f.member('二期'), { createdAt: utc('2026-02-19T10:00:00+08:00') });

    const r = await report(admin, 'reenrolment?campaign=X1&as_of=2026-03-01');
    assert.deepEqual(
      { participants: r.participants, reenrolled: r.reenrolled, stayed: r.stayed, churned: r.churned, reenrolment_rate: r.reenrolment_rate, churn_rate: r.churn_rate, next: r.next_in_series },
      { participants: 177, reenrolled: 60, stayed: 87, churned: 30, reenrolment_rate: 0.339, churn_rate: 0.1695, next: { campaign: 'X2', members: 60 } },
    );
    assert.equal(r.as_of, '2026-03-01');
    for (const field of ['reenrolment_rate', 'churn_rate', 'stayed']) assert.ok(r.definitions[field]?.numerator, field);
    assert.equal(r.definitions.reenrolment_rate.denominator, 'participants');

    // Before anyone enrolled in X2 (as of 2026-02-10), nobody had re-enrolled; those still in group A stayed.
    const early = await report(admin, 'reenrolment?campaign=X1&as_of=2026-02-10');
    assert.deepEqual([early.reenrolled, early.stayed, early.churned, early.next_in_series], [0, 147, 30, { campaign: 'X2', members: 0 }]);

    const c = await report(admin, 'composition?campaign=X2');
    assert.equal(c.participants, 100);
    assert.deepEqual(c.first_in_series, [{ campaign: 'X1', members: 60 }, { campaign: 'X2', members: 40 }]);
    assert.deepEqual(c.first_in_workspace, c.first_in_series);
    assert.deepEqual(c.last_after, [{ campaign: 'X2', members: 100 }]);

    const s = await report(admin, 'series?series=X');
    assert.deepEqual(s.campaigns, [
      { campaign: 'X1', participants: 177, by_first_in_series: [{ campaign: 'X1', members: 177 }] },
      { campaign: 'X2', participants: 100, by_first_in_series: [{ campaign: 'X1', members: 60 }, { campaign: 'X2', members: 40 }] },
    ]);
  });
});

describe('three editions of a series with members crossing to another series', () => {
  test('first in series, first anywhere and latest (now and as of a date) count each participant once', async () => {
    const { f, admin } = await setup();
    const x = await f.series('X');
    const y = await f.series('Y');
    const x1 = await f.campaign(x, 'X1', 1, '2026-01-05', '2026-01-25');
    const y1 = await f.campaign(y, 'Y1', 1, '2026-02-01', '2026-02-21');
    const x2 = await f.campaign(x, 'X2', 2, '2026-03-01', '2026-03-21');
    const x3 = await f.campaign(x, 'X3', 3, '2026-04-01', '2026-04-21');
    const y2 = await f.campaign(y, 'Y2', 2, '2026-05-01', '2026-05-21');
    const at = (d: string) => utc(`${d}T12:00:00+08:00`);
    // a: X1 → X2 → X3 → Y2 (enrolled in Y2 on 04-20); b: Y1 → X3; c: X1 → Y1 → X3;
    // d: X3 only; e: X2 → X3 → Y2 (enrolled in Y2 on 04-28); f: X3, with a cancelled Y2 enrollment.
    const [a, b, c, d, e, g] = [await f.member(), await f.member(), await f.member(), await f.member(), await f.member(), await f.member()];
    for (const [m, campaigns] of [
      [a, [[x1, '2026-01-01'], [x2, '2026-02-25'], [x3, '2026-03-25'], [y2, '2026-04-20']]],
      [b, [[y1, '2026-01-20'], [x3, '2026-03-26']]],
      [c, [[x1, '2026-01-02'], [y1, '2026-01-21'], [x3, '2026-03-27']]],
      [d, [[x3, '2026-03-28']]],
      [e, [[x2, '2026-02-26'], [x3, '2026-03-29'], [y2, '2026-04-28']]],
      [g, [[x3, '2026-03-30']]],
    ] as Array<[number, Array<[number, string]>]>) {
      for (const [campaign, day] of campaigns) await f.enroll(campaign, m, { createdAt: at(day) });
    }
    await f.enroll(y2, g, { status: 'cancelled', createdAt: at('2026-04-02') });

    const now = await report(admin, 'composition?campaign=X3');
    assert.equal(now.participants, 6);
    assert.deepEqual(now.first_in_series, [{ campaign: 'X1', members: 2 }, { campaign: 'X2', members: 1 }, { campaign: 'X3', members: 3 }]);
    assert.deepEqual(now.first_in_workspace, [{ campaign: 'X1', members: 2 }, { campaign: 'Y1', members: 1 }, { campaign: 'X2', members: 1 }, { campaign: 'X3', members: 2 }]);
    assert.deepEqual(now.last_after, [{ campaign: 'X3', members: 4 }, { campaign: 'Y2', members: 2 }]);
    const asOf = await report(admin, 'composition?campaign=X3&as_of=2026-04-25');
    assert.deepEqual(asOf.last_after, [{ campaign: 'X3', members: 5 }, { campaign: 'Y2', members: 1 }]);
    for (const list of ['first_in_series', 'first_in_workspace', 'last_after'] as const) {
      assert.equal(now[list].reduce((sum: number, row: { members: number }) => sum + row.members, 0), 6, list);
    }

    const s = await report(admin, 'series?series=X');
    assert.deepEqual(s.campaigns.map((row: { campaign: string; participants: number; by_first_in_series: unknown }) => [row.campaign, row.participants, row.by_first_in_series]), [
      ['X1', 2, [{ campaign: 'X1', members: 2 }]],
      ['X2', 2, [{ campaign: 'X1', members: 1 }, { campaign: 'X2', members: 1 }]],
      ['X3', 6, [{ campaign: 'X1', members: 2 }, { campaign: 'X2', members: 1 }, { campaign: 'X3', members: 3 }]],
    ]);

    // X2's participants (a, e): both re-enrolled in X3 by 03-31, nobody is in a group.
    const r = await report(admin, 'reenrolment?campaign=X2&as_of=2026-03-31');
    assert.deepEqual([r.participants, r.reenrolled, r.stayed, r.churned, r.next_in_series], [2, 2, 0, 0, { campaign: 'X3', members: 2 }]);
    const last = await report(admin, 'reenrolment?campaign=X3&as_of=2026-06-01');
    assert.deepEqual([last.participants, last.reenrolled, last.churned, last.next_in_series], [6, 2, 4, null]);
    // As of today the rollups answer (each member's latest campaign); for a past day the enrollments are read.
    const today = await report(admin, 'reenrolment?campaign=X3');
    assert.deepEqual([today.participants, today.reenrolled, today.stayed, today.churned], [6, 2, 0, 4]);
    const x2Today = await report(admin, 'reenrolment?campaign=X2');
    assert.deepEqual([x2Today.reenrolled, x2Today.next_in_series], [2, { campaign: 'X3', members: 2 }]);
  });

  test('an enrollment cancelled, deleted or moved afterwards, and a campaign moved in time, change the reports exactly', async () => {
    const { ws, f, admin } = await setup();
    const x = await f.series('X');
    const x1 = await f.campaign(x, 'X1', 1, '2026-01-05', '2026-01-25');
    const x2 = await f.campaign(x, 'X2', 2, '2026-03-01', '2026-03-21');
    const m = [await f.member(), await f.member(), await f.member()];
    const e0 = await f.enroll(x1, m[0]!);
    await f.enroll(x2, m[0]!);
    await f.enroll(x1, m[1]!);
    const e12 = await f.enroll(x2, m[1]!);
    await f.enroll(x2, m[2]!);
    assert.deepEqual((await report(admin, 'composition?campaign=X2')).first_in_series, [{ campaign: 'X1', members: 2 }, { campaign: 'X2', members: 1 }]);

    const db = server.services.database.db;
    await db.updateTable('enrollments').set({ status: 'cancelled' }).where('id', '=', e0).execute();
    assert.deepEqual((await report(admin, 'composition?campaign=X2')).first_in_series, [{ campaign: 'X1', members: 1 }, { campaign: 'X2', members: 2 }]);
    await db.deleteFrom('enrollments').where('id', '=', e12).execute();
    const after = await report(admin, 'composition?campaign=X2');
    assert.equal(after.participants, 2);
    assert.deepEqual(after.first_in_series, [{ campaign: 'X2', members: 2 }]);

    // m2 joins X1 too (its first is X1); then X2 is moved before X1, and X2 becomes m2's first.
    await f.enroll(x1, m[2]!);
    assert.deepEqual((await report(admin, 'composition?campaign=X1')).first_in_series, [{ campaign: 'X1', members: 2 }]);
    await db.updateTable('campaigns').set({ starts_on: '2025-12-01', ends_on: '2025-12-21' }).where('id', '=', x2).where('workspace_id', '=', ws.id).execute();
    assert.deepEqual((await report(admin, 'composition?campaign=X1')).first_in_series, [{ campaign: 'X2', members: 1 }, { campaign: 'X1', members: 1 }]);
    assert.deepEqual((await report(admin, 'series?series=X')).campaigns.map((c: { campaign: string }) => c.campaign), ['X2', 'X1']);
    await checkRebuildAgrees(server, ws, admin, ['composition?campaign=X1', 'composition?campaign=X2', 'series?series=X', 'reenrolment?campaign=X2&as_of=2026-06-01']);
  });
});

describe('funnel', () => {
  test('visits → signed up → paid → joined a group → first check-in → met the requirement → refunded → re-enrolled, nested', async () => {
    const { f, admin } = await setup();
    const x = await f.series('X');
    const x1 = await f.campaign(x, 'X1', 1, '2026-01-05', '2026-01-07', { daysTotal: 3, daysRequiredForCompletion: 2, daysRequiredForRefund: 2 });
    await server.services.database.db.updateTable('campaigns').set({ deposit_cents: 9900 }).where('id', '=', x1).execute();
    const x2 = await f.campaign(x, 'X2', 2, '2026-02-01', '2026-02-21');
    const channel = await f.channel('推文');
    await server.services.database.db.updateTable('channels').set({ campaign_id: x1 }).where('id', '=', channel).execute();
    for (let i = 0; i < 20; i++) await f.visit(channel, `v${i % 15}`);
    const group = await f.group('X1 群', x1);
    // m0: paid, in group, 2 days (met), refunded, re-enrolled. m1: same but not re-enrolled. m2: paid, in group,
    // 1 day. m3: paid, in group, its only check-in rejected. m4: paid, never in the group but checks in 2 days.
    // m5: not paid, in group, 2 days, re-enrolled (fails at "paid"). m6: cancelled.
    const members = await Promise.all(Array.from({ length: 7 }, () => f.member()));
    const e = [] as number[];
    for (const [i, m] of members.entries()) e.push(await f.enroll(x1, m, { paidCents: i === 5 ? 0 : 9900, status: i === 6 ? 'cancelled' : 'active', refundedAt: i < 2 ? utc('2026-01-10T10:00:00+08:00') : undefined }));
    for (const i of [0, 1, 2, 3, 5]) await f.membership(group, members[i]!, utc('2026-01-04T10:00:00+08:00'));
    for (const i of [0, 1, 4, 5]) { await f.checkin(e[i]!, 1); await f.checkin(e[i]!, 2); }
    await f.checkin(e[2]!, 1);
    await f.checkin(e[3]!, 1, { review: 'rejected' });
    await f.enroll(x2, members[0]!);
    await f.enroll(x2, members[5]!);

    const r = await report(admin, 'funnel?campaign=X1');
    assert.deepEqual(r.steps.map((s: { step: string; count: number }) => [s.step, s.count]), [
      ['visits', 20], ['signed_up', 6], ['paid', 5], ['joined_group', 4], ['first_checkin', 3], ['met_requirement', 2], ['refunded', 2], ['reenrolled', 1],
    ]);
    assert.deepEqual(r.steps[1], { step: 'signed_up', count: 6, ratio_to_previous: 0.3, ratio_to_first: 0.3 });
    assert.equal(r.steps[0].ratio_to_previous, null);
    assert.equal(r.steps[7].ratio_to_previous, 0.5);
    assert.equal(r.definitions.met_requirement.numerator.includes('2 counted'), true);

    // A campaign without a deposit has no refund step.
    const plain = await report(admin, 'funnel?campaign=X2');
    assert.deepEqual(plain.steps.map((s: { step: string }) => s.step), ['visits', 'signed_up', 'paid', 'joined_group', 'first_checkin', 'met_requirement', 'reenrolled']);
    assert.equal(plain.steps[1].ratio_to_previous, null, 'no visits: nothing to divide by');
  });
});

describe('report requests', () => {
  test('bad parameters name the field; unknown keys are 404; every role may read; another workspace is invisible', async () => {
    const { ws, f, admin } = await setup();
    await f.campaign(await f.series('X'), 'X1', 1, '2026-01-05', '2026-01-25');
    for (const [path, field] of [
      ['composition', 'campaign'], ['composition?campaign=X1&as_of=2026-02-30', 'as_of'], ['composition?campaign=X1&colour=red', 'colour'],
      ['daily?from=2026-01-01', 'to'], ['retention?period=month&periods=3&from=2026-01-01&to=2026-01-31', 'period'],
      ['retention?period=day&periods=0&from=2026-01-01&to=2026-01-31', 'periods'], ['daily?from=2026-02-01&to=2026-01-01', 'to'],
    ] as const) {
      const res = await admin.get(`/api/v1/reports/${path}`);
      assert.equal(res.status, 400, path);
      assert.ok(res.body.error.fields?.[field], `${path}: ${JSON.stringify(res.body)}`);
    }
    const long = await admin.get('/api/v1/reports/daily?from=2025-01-01&to=2026-06-01');
    assert.deepEqual([long.status, long.body.error.code], [400, 'report.range_too_long']);
    assert.equal((await admin.get('/api/v1/reports/composition?campaign=X9')).body.error.code, 'campaign.not_found');
    assert.equal((await admin.get('/api/v1/reports/series?series=Q')).body.error.code, 'series.not_found');
    const viewer = await ws.as('viewer');
    assert.equal((await viewer.get('/api/v1/reports/composition?campaign=X1')).status, 200);
    assert.equal((await viewer.get('/api/v1/reports/settings')).status, 200);
    const other = await createWorkspace(server);
    assert.equal((await (await other.as('admin')).get('/api/v1/reports/composition?campaign=X1')).status, 404);
    const body = await report(admin, 'composition?campaign=X1');
    assert.equal(body.timezone, 'Asia/Shanghai');
    assert.ok(!Number.isNaN(Date.parse(body.generated_at)));
  });
});
