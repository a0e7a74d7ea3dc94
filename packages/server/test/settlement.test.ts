// Deposit settlement over HTTP on a real database: classes from check-ins (grace, borderline, rejected and
// unapproved make-ups), the opening at the campaign's end in its zone, decisions by class and by id with their
// refusals and audit, refund marks, the ledger to the cent, the refund list as XLSX/CSV, roles and workspaces.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { checkIn, checkInDays, download, enroll, pay, type EnrollmentRef } from './fixtures/settlement.js';

const STARTS = '2026-12-01';
const ENDS = '2026-12-21';
/** 23:59:59.999 on the last day in Shanghai, and the next instant (00:00 on 12-22). */
const LAST_MOMENT = '2026-12-21T15:59:59.999Z';
const OPENS = '2026-12-21T16:00:00.000Z';
const DEPOSIT = 9900;

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let ownerName = '';
let campaignId = 0;
let token = '';
/** Enrollments by the name of the case they stand for. */
const e = {} as Record<'d15' | 'd14' | 'd13' | 'd12' | 'd5' | 'rejected' | 'pendingMakeup' | 'approvedMakeup' | 'unpaid' | 'cancelled', EnrollmentRef & { memberNo: number }>;
let pendingMakeupCheckin = 0;

const url = (p = '') => `/api/v1/campaigns/${campaignId}/settlement${p}`;
const decide = (body: unknown, client = owner) => client.post(url('/decisions'), body);
const refund = (id: number, body: unknown, client = owner) => client.post(`/api/v1/enrollments/${id}/refund`, body);
const row = (s: { items: Array<{ enrollmentId: number }>; cancelled: Array<{ enrollmentId: number }> }, ref: EnrollmentRef): any =>
  [...s.items, ...s.cancelled].find((r) => r.enrollmentId === ref.id);

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  ownerName = (await ok(owner.get('/api/v1/auth/me'))).staff.displayName;
  const series = await ok(owner.post('/api/v1/series', { key: 'X', name: '早起' }), 201);
  const campaign = await ok(owner.post('/api/v1/campaigns', {
    seriesId: series.id, edition: 3, name: '21天早起打卡营', startsOn: STARTS, endsOn: ENDS, timezone: 'Asia/Shanghai', depositCents: DEPOSIT,
    rules: { daysTotal: 21, daysRequiredForRefund: 15, graceDays: 1, borderlineDays: 2, makeup: { allowed: true, needsApproval: true, countsForRefund: true } },
  }), 201);
  campaignId = campaign.id;
  assert.equal(campaign.key, 'X3');
  token = (await ok(owner.post('/api/v1/api-tokens', { name: 'finance', scopes: ['campaigns.read'] }), 201)).token;

  const db = server.services.database.db;
  let phone = 13800138000;
  const member = async (key: keyof typeof e, nickname: string, status?: 'cancelled') => {
    const m = await ok(owner.post('/api/v1/members', { nickname, phone: String(++phone) }), 201);
    e[key] = { ...(await enroll(db, { workspaceId: W.id, campaignId, memberId: m.id, amountDueCents: DEPOSIT, status })), memberNo: m.memberNo };
    return e[key];
  };
  await checkInDays(db, await member('d15', '十五天'), STARTS, 15);
  await checkInDays(db, await member('d14', '十四天'), STARTS, 14);
  await checkInDays(db, await member('d13', '=十三天'), STARTS, 13);
  await checkInDays(db, await member('d12', '十二天'), STARTS, 12);
  await checkInDays(db, await member('d5', '五天'), STARTS, 5);
  // 14 check-ins, one of them rejected by a reviewer: 13 count.
  const rejected = await member('rejected', '被驳回');
  for (let day = 1; day <= 14; day++) await checkIn(db, rejected, STARTS, day, day === 3 ? { flags: ['duplicate_photo'], reviewStatus: 'rejected' } : {});
  // 13 days and a make-up awaiting approval: 13 count (the policy needs approval).
  const pending = await member('pendingMakeup', '补卡待审');
  await checkInDays(db, pending, STARTS, 13);
  pendingMakeupCheckin = await checkIn(db, pending, STARTS, 14, { makeup: true });
  // 13 days (one flagged late, not reviewed: it counts) and an approved make-up: 14 count, eligible with grace.
  const approved = await member('approvedMakeup', '补卡已批');
  for (let day = 1; day <= 13; day++) await checkIn(db, approved, STARTS, day, day === 7 ? { flags: ['late'] } : {});
  await checkIn(db, approved, STARTS, 14, { makeup: true, reviewStatus: 'approved' });
  await checkInDays(db, await member('unpaid', '未付款'), STARTS, 15);
  await checkInDays(db, await member('cancelled', '已取消', 'cancelled'), STARTS, 3);

  for (const key of ['d15', 'd14', 'd13', 'd12', 'rejected', 'pendingMakeup', 'approvedMakeup', 'cancelled'] as const) await pay(db, e[key], DEPOSIT, `pay-${key}`);
  await pay(db, e.d5, 5000, 'pay-d5');
});

after(async () => {
  await server?.close();
});

test('before the end the classes are a preview and decisions are refused; the next local midnight opens settlement', async () => {
  server.services.clock.set(LAST_MOMENT);
  const s = await ok(owner.get(url()));
  assert.equal(s.open, false);
  assert.equal(s.opensOn, '2026-12-22');
  assert.deepEqual(s.rules, { daysRequiredForRefund: 15, graceDays: 1, borderlineDays: 2 });
  const classes = Object.fromEntries(Object.entries(e).map(([k, ref]) => [k, [row(s, ref).countedForRefund, row(s, ref).days, row(s, ref).short, row(s, ref).class]]));
  assert.deepEqual(classes, {
    d15: [15, 16, 0, 'eligible'],
    d14: [14, 15, 0, 'eligible'],
    d13: [13, 14, 1, 'borderline'],
    d12: [12, 13, 2, 'borderline'],
    d5: [5, 6, 9, 'not_eligible'],
    rejected: [13, 14, 1, 'borderline'],
    pendingMakeup: [13, 14, 1, 'borderline'],
    approvedMakeup: [14, 15, 0, 'eligible'],
    unpaid: [15, 16, 0, 'eligible'],
    cancelled: [3, 4, 11, 'not_eligible'],
  });
  assert.deepEqual(s.items.map((r: { member: { memberNo: number } }) => r.member.memberNo), Object.values(e).filter((x) => x !== e.cancelled).map((x) => x.memberNo), 'active ones, by member number');
  assert.deepEqual(s.cancelled.map((r: { enrollmentId: number; status: string }) => [r.enrollmentId, r.status]), [[e.cancelled.id, 'cancelled']]);
  assert.deepEqual(s.summary, { enrollments: 9, eligible: 4, borderline: 4, notEligible: 1, decidedRefund: 0, decidedForfeit: 0, undecided: 9, stale: 0, refunded: 0, cancelled: 1 });
  assert.deepEqual(row(s, e.d14).member, { memberNo: e.d14.memberNo, nickname: '十四天', phone: '13800138002' });
  assert.deepEqual([row(s, e.d5).paidCents, row(s, e.d5).refundDueCents, row(s, e.unpaid).paidCents], [5000, 5000, 0]);
  for (const key of ['ledger', 'summary'] as const) for (const k of Object.keys(s[key])) assert.ok(s.definitions[k], `definition of ${key}.${k}`);

  assertError(await decide({ class: 'eligible', decision: 'refund' }), 409, 'settlement.not_open', 'campaignId');
  assertError(await decide({ enrollmentIds: [e.d15.id], decision: 'refund' }), 409, 'settlement.not_open', 'campaignId');
  server.services.clock.set(OPENS);
  assert.equal((await ok(owner.get(url()))).open, true);
});

test('decisions: bulk refund of the eligible class, reasons, refusals per row, re-decisions, audit', async () => {
  server.services.clock.set(OPENS);
  const bulk = await ok(decide({ class: 'eligible', decision: 'refund' }));
  assert.deepEqual([bulk.changed, bulk.unchanged], [3, 0]);
  assert.deepEqual(bulk.skipped.map((x: { enrollmentId: number; code: string }) => [x.enrollmentId, x.code]), [[e.unpaid.id, 'settlement.unpaid']]);
  assert.deepEqual(bulk.items.map((r: { enrollmentId: number }) => r.enrollmentId).sort(), [e.d15.id, e.d14.id, e.approvedMakeup.id].sort());
  const d14 = bulk.items.find((r: { enrollmentId: number }) => r.enrollmentId === e.d14.id);
  assert.deepEqual([d14.decision, d14.decisionClass, d14.decisionDays, d14.decidedAt, d14.decidedBy.name, d14.stale], ['refund', 'eligible', 15, OPENS, ownerName, false]);
  const again = await ok(decide({ class: 'eligible', decision: 'refund' }));
  assert.deepEqual([again.changed, again.unchanged], [0, 3], 'the same decision again changes nothing');

  // Forfeiting an eligible one needs a reason; in a list, nothing is written when one lacks it.
  assertError(await decide({ enrollmentIds: [e.d15.id], decision: 'forfeit' }), 400, 'settlement.reason_required', 'reason');
  assertError(await decide({ enrollmentIds: [e.d13.id, e.d15.id], decision: 'forfeit' }), 400, 'settlement.reason_required', 'reason');
  assertError(await decide({ class: 'eligible', decision: 'forfeit' }), 400, 'settlement.reason_required', 'reason');
  let s = await ok(owner.get(url()));
  assert.deepEqual([row(s, e.d13).decision, row(s, e.d15).decision], [null, 'refund'], 'nothing was written');
  const forfeit = await ok(decide({ enrollmentIds: [e.d15.id], decision: 'forfeit', reason: '同一张照片打卡多日' }));
  assert.deepEqual([forfeit.changed, forfeit.items[0].decision, forfeit.items[0].decisionReason], [1, 'forfeit', '同一张照片打卡多日']);
  const trail = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${e.d15.id}`))).items;
  assert.deepEqual(trail.map((x: { action: string }) => x.action), ['settlement.decide', 'settlement.decide']);
  assert.deepEqual(trail[0].before, { decision: 'refund', class: 'eligible', days: 16, reason: null });
  assert.deepEqual([trail[0].after.decision, trail[0].after.reason, trail[0].after.class, trail[0].after.days], ['forfeit', '同一张照片打卡多日', 'eligible', 16]);
  assert.equal(trail[0].actor.name, ownerName);
  assert.ok(trail[0].memberId > 0, 'the entry is on the member trail');

  // Refund of an unpaid enrollment is refused for that row; the list is refused as a whole.
  assertError(await decide({ enrollmentIds: [e.unpaid.id], decision: 'refund' }), 409, 'settlement.unpaid', 'enrollmentIds.0');
  assertError(await decide({ enrollmentIds: [e.d13.id, e.unpaid.id], decision: 'refund' }), 409, 'settlement.unpaid', 'enrollmentIds.1');
  s = await ok(owner.get(url()));
  assert.equal(row(s, e.d13).decision, null);
  // Forfeit of the unpaid one is fine (nothing to keep, but decided); borderline d13 refunded on appeal, no reason needed.
  assert.equal((await ok(decide({ enrollmentIds: [e.unpaid.id], decision: 'forfeit', reason: '未付押金' }))).changed, 1);
  assert.equal((await ok(decide({ enrollmentIds: [e.d13.id], decision: 'refund' }))).changed, 1);
  // The rest of the borderline class forfeited in bulk; d13 (decided refund) is left alone.
  const border = await ok(decide({ class: 'borderline', decision: 'forfeit' }));
  assert.equal(border.changed, 3);
  assert.deepEqual(border.skipped.map((x: { enrollmentId: number; code: string }) => [x.enrollmentId, x.code]), [[e.d13.id, 'settlement.already_decided']]);
  // A bulk by class touches active enrollments only: the cancelled one (not eligible too) is decided by id.
  const notEligible = await ok(decide({ class: 'not_eligible', decision: 'forfeit' }));
  assert.deepEqual(notEligible.items.map((r: { enrollmentId: number }) => r.enrollmentId), [e.d5.id]);
  const cancelled = await ok(decide({ enrollmentIds: [e.cancelled.id], decision: 'refund', reason: '开营前退出，押金退回' }));
  assert.deepEqual([cancelled.changed, cancelled.items[0].status, cancelled.items[0].decision], [1, 'cancelled', 'refund']);

  // Ids of no enrollment of this campaign: 404 naming each.
  assertError(await decide({ enrollmentIds: [e.d12.id, 987654], decision: 'refund' }), 404, 'enrollment.not_found', 'enrollmentIds.1');
  // Exactly one of enrollmentIds and class.
  assertError(await decide({ enrollmentIds: [e.d12.id], class: 'eligible', decision: 'refund' }), 400, 'validation.failed', 'class');
  assertError(await decide({ decision: 'refund' }), 400, 'validation.failed', 'enrollmentIds');
  assertError(await decide({ enrollmentIds: [e.d12.id, e.d12.id], decision: 'refund' }), 400, 'validation.failed', 'enrollmentIds.1');
});

test('refund marks: only decided refund, amount within what was paid, once; a refunded enrollment keeps its decision', async () => {
  server.services.clock.set('2026-12-23T02:30:00.000Z');
  assertError(await refund(e.d14.id, { amountCents: 0, reference: 'WX1' }), 400, 'validation.failed', 'amountCents');
  assertError(await refund(e.d14.id, { amountCents: DEPOSIT + 1, reference: 'WX1' }), 400, 'settlement.refund_too_high', 'amountCents');
  assertError(await refund(e.d14.id, { amountCents: DEPOSIT, reference: '' }), 400, 'validation.failed', 'reference');
  assertError(await refund(e.d14.id, { amountCents: DEPOSIT, reference: 'WX1', refundedAt: '2026-12-24T00:00:00+08:00' }), 400, 'settlement.refund_in_future', 'refundedAt');
  assertError(await refund(e.d15.id, { amountCents: DEPOSIT, reference: 'WX1' }), 409, 'settlement.not_refund', 'enrollmentId');
  assertError(await refund(e.d5.id, { amountCents: 5000, reference: 'WX1' }), 409, 'settlement.not_refund', 'enrollmentId');
  assertError(await refund(987654, { amountCents: 1, reference: 'WX1' }), 404, 'enrollment.not_found', 'enrollmentId');

  const marked = await ok(refund(e.d14.id, { amountCents: DEPOSIT, reference: 'WX4200001' }));
  assert.deepEqual([marked.refundCents, marked.refundedAt, marked.refundReference, marked.refundedBy.name], [DEPOSIT, '2026-12-23T02:30:00.000Z', 'WX4200001', ownerName]);
  assertError(await refund(e.d14.id, { amountCents: DEPOSIT, reference: 'WX4200001' }), 409, 'settlement.already_refunded', 'enrollmentId');
  // A partial refund (a fee kept back), at a given earlier instant.
  const partial = await ok(refund(e.approvedMakeup.id, { amountCents: 9000, reference: 'WX4200002', refundedAt: '2026-12-23T09:00:00+08:00' }));
  assert.equal(partial.refundedAt, '2026-12-23T01:00:00.000Z');
  const trail = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${e.d14.id}`))).items;
  assert.equal(trail[0].action, 'settlement.refund');
  assert.deepEqual([trail[0].before.refundCents, trail[0].after.refundCents, trail[0].after.reference], [null, DEPOSIT, 'WX4200001']);

  // No decision on a refunded enrollment; a bulk by class reports it.
  assertError(await decide({ enrollmentIds: [e.d14.id], decision: 'forfeit', reason: '改主意' }), 409, 'settlement.already_refunded', 'enrollmentIds.0');
  assertError(await decide({ enrollmentIds: [e.d14.id], decision: 'refund' }), 409, 'settlement.already_refunded', 'enrollmentIds.0');
  const bulk = await ok(decide({ class: 'eligible', decision: 'refund' }));
  assert.equal(bulk.changed, 0);
  const skipped = new Map(bulk.skipped.map((x: { enrollmentId: number; code: string }) => [x.enrollmentId, x.code]));
  assert.deepEqual(skipped, new Map([
    [e.d15.id, 'settlement.already_decided'],
    [e.d14.id, 'settlement.already_refunded'],
    [e.approvedMakeup.id, 'settlement.already_refunded'],
    [e.unpaid.id, 'settlement.unpaid'],
  ]));
});

test('the ledger adds up to the cent, and a decision whose class changed since is stale', async () => {
  server.services.clock.set('2026-12-23T02:30:00.000Z');
  // A reviewer approves the pending make-up after the forfeit: 14 days count now, eligible.
  await server.services.database.db.updateTable('checkins').set({ review_status: 'approved' }).where('id', '=', pendingMakeupCheckin).execute();
  const s = await ok(owner.get(url()));
  const m = row(s, e.pendingMakeup);
  assert.deepEqual([m.class, m.decision, m.decisionClass, m.decisionDays, m.stale], ['eligible', 'forfeit', 'borderline', 14, true]);
  assert.deepEqual(s.summary, { enrollments: 9, eligible: 5, borderline: 3, notEligible: 1, decidedRefund: 3, decidedForfeit: 6, undecided: 0, stale: 1, refunded: 2, cancelled: 1 });
  // Paid: 8 × 9900 (the cancelled one included) + 5000. Refunded: 9900 + 9000. Forfeited: d15, d12, rejected,
  // pendingMakeup (9900 each), d5 (5000) and unpaid (0).
  const collected = 8 * DEPOSIT + 5000;
  const refunded = DEPOSIT + 9000;
  const forfeited = 4 * DEPOSIT + 5000;
  assert.deepEqual(s.ledger, {
    collectedCents: collected, refundedCents: refunded, forfeitedCents: forfeited,
    pendingCents: collected - refunded - forfeited, netCents: collected - refunded, awaitingRefundCents: 2 * DEPOSIT,
  });
  // pending = d13 and the cancelled one (refund decided, not paid out) + the 900 kept back from a partial refund.
  assert.equal(s.ledger.pendingCents, 2 * DEPOSIT + 900);
  // Re-deciding on the new class clears the staleness.
  await ok(decide({ enrollmentIds: [e.pendingMakeup.id], decision: 'refund' }));
  const after = row(await ok(owner.get(url())), e.pendingMakeup);
  assert.deepEqual([after.decision, after.decisionClass, after.decisionDays, after.stale, after.decisionReason], ['refund', 'eligible', 15, false, null]);
  await ok(decide({ enrollmentIds: [e.pendingMakeup.id], decision: 'forfeit', reason: '恢复原决定' }));
});

test('the refund list parses back: the decided-refund rows, amounts in yuan as numbers, a Chinese file name', async () => {
  server.services.clock.set('2026-12-23T02:30:00.000Z');
  const res = await download(server.url, token, url('/refunds.xlsx'));
  assert.equal(res.status, 200, res.bytes.toString());
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const disposition = res.headers.get('content-disposition')!;
  assert.ok(disposition.includes('filename="X3-refunds-2026-12-23.xlsx"'), disposition);
  assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent('X3-退款名单-2026-12-23.xlsx')}`), disposition);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.data);
  const sheet = book.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  assert.deepEqual(values(1), ['学号', '昵称', '手机', '营期', '实付(元)', '应退(元)', '打卡天数', '要求天数', '决定人', '决定时间', '退款状态', '退款流水号']);
  assert.equal(sheet.rowCount, 5, 'd14, d13, the approved make-up and the cancelled one decided refund');
  assert.deepEqual(values(2), [e.d14.memberNo, '十四天', '13800138002', 'X3', 99, 99, 15, 15, ownerName, '2026-12-22 00:00', '已退款', 'WX4200001']);
  assert.deepEqual(values(3), [e.d13.memberNo, '=十三天', '13800138003', 'X3', 99, 99, 14, 15, ownerName, '2026-12-22 00:00', '待退款', '']);
  assert.deepEqual(values(4).slice(0, 6), [e.approvedMakeup.memberNo, '补卡已批', '13800138008', 'X3', 99, 99]);
  assert.deepEqual(values(4).slice(10), ['已退款', 'WX4200002']);
  assert.deepEqual(values(5), [e.cancelled.memberNo, '已取消', '13800138010', 'X3', 99, 99, 4, 15, ownerName, '2026-12-22 00:00', '待退款', '']);
  assert.equal(sheet.getCell('E2').numFmt, '0.00');
  assert.equal(typeof sheet.getCell('F3').value, 'number');
  assert.ok((sheet.getColumn(2).width ?? 0) >= 12 && (sheet.getColumn(12).width ?? 0) >= 20, 'columns are wide enough to read');

  const csv = await download(server.url, token, url('/refunds.xlsx?format=csv'));
  assert.equal(csv.status, 200);
  assert.ok(csv.headers.get('content-disposition')!.includes(`filename*=UTF-8''${encodeURIComponent('X3-退款名单-2026-12-23.csv')}`));
  const text = csv.bytes.toString('utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a byte-order mark for Excel');
  const lines = text.slice(1).trim().split('\r\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[0], '学号,昵称,手机,营期,实付(元),应退(元),打卡天数,要求天数,决定人,决定时间,退款状态,退款流水号');
  assert.equal(lines[1], `${e.d14.memberNo},十四天,13800138002,X3,99.00,99.00,15,15,${ownerName},2026-12-22 00:00,已退款,WX4200001`);
  assert.equal(lines[2], `${e.d13.memberNo},'=十三天,13800138003,X3,99.00,99.00,14,15,${ownerName},2026-12-22 00:00,待退款,`, 'a formula-like nickname is written as text');
  const exports = (await ok(owner.get(`/api/v1/audit?entity=campaign&entityId=${campaignId}`))).items.filter((x: { action: string }) => x.action === 'settlement.export');
  assert.equal(exports.length, 2, 'each download is audited');
});

test('roles: a viewer reads but cannot decide or mark; an operator cannot decide', async () => {
  server.services.clock.set('2026-12-23T02:30:00.000Z');
  const viewer = await W.as('viewer');
  assert.equal((await ok(viewer.get(url()))).summary.enrollments, 9);
  assertError(await decide({ enrollmentIds: [e.d13.id], decision: 'forfeit', reason: '看错了' }, viewer), 403, 'auth.forbidden');
  assertError(await refund(e.d13.id, { amountCents: DEPOSIT, reference: 'X' }, viewer), 403, 'auth.forbidden');
  assertError(await decide({ class: 'not_eligible', decision: 'forfeit' }, await W.as('operator')), 403, 'auth.forbidden');
  const s = await ok(owner.get(url()));
  assert.deepEqual([row(s, e.d13).decision, row(s, e.d13).refundedAt, row(s, e.d12).decision], ['refund', null, 'forfeit'], 'nothing the refused callers tried took effect');
});

test("another workspace's staff get 404s naming the id, and change nothing", async () => {
  server.services.clock.set('2026-12-23T02:30:00.000Z');
  const other = await createWorkspace(server);
  const admin = await other.as('admin');
  const before = await ok(owner.get(url()));
  assertError(await admin.get(url()), 404, 'campaign.not_found', 'campaignId');
  assertError(await decide({ class: 'not_eligible', decision: 'forfeit' }, admin), 404, 'campaign.not_found', 'campaignId');
  assertError(await admin.get(url('/refunds.xlsx')), 404, 'campaign.not_found', 'campaignId');
  assertError(await refund(e.d13.id, { amountCents: DEPOSIT, reference: 'X' }, admin), 404, 'enrollment.not_found', 'enrollmentId');
  // Their own ended campaign, our enrollment's id.
  const series = await ok(admin.post('/api/v1/series', { key: 'X', name: '别家' }), 201);
  const theirs = await ok(admin.post('/api/v1/campaigns', { seriesId: series.id, edition: 3, name: '别家营期', startsOn: STARTS, endsOn: ENDS }), 201);
  assertError(await admin.post(`/api/v1/campaigns/${theirs.id}/settlement/decisions`, { enrollmentIds: [e.d5.id], decision: 'forfeit' }), 404, 'enrollment.not_found', 'enrollmentIds.0');
  const empty = await ok(admin.get(`/api/v1/campaigns/${theirs.id}/settlement`));
  assert.deepEqual([empty.items, empty.ledger.collectedCents], [[], 0]);
  assert.deepEqual(await ok(owner.get(url())), before);
});
