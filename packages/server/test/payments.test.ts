// Payments over HTTP on a real database: recorded one by one (amount rules, duplicate references, two at once), from
// a CSV or XLSX file (bad rows reported, good ones applied, a second import changes nothing), and by a signed notice.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { assertError, ok } from './api-checks.js';
import { openCampaign, signUp } from './campaign-run.js';
import { createWorkspace, startServer, type Client, type Response, type TestServer, type TestWorkspace } from './harness.js';
import { csvFile, upload } from './multipart.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let counter = 0;

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
});

after(async () => {
  await server?.close();
});

const newMember = async (extra: Record<string, unknown> = {}) => ok(owner.post('/api/v1/members', { nickname: `付款人${++counter}`, ...extra }), 201);
const enrollmentOf = async (campaignId: number, memberNo: number) => (await ok(owner.get(`/api/v1/campaigns/${campaignId}/enrollments?q=${memberNo}`))).items[0];
const enrolled = async (campaignId: number, extra: Record<string, unknown> = {}) => {
  const m = await newMember(extra);
  const e = (await ok(owner.post(`/api/v1/campaigns/${campaignId}/enrollments`, { memberNo: m.memberNo }), 201)).enrollment;
  return { member: m, enrollment: e };
};
const pay = (enrollmentId: number, body: Record<string, unknown>) => owner.post(`/api/v1/enrollments/${enrollmentId}/payments`, body);

test('payments one by one: the total grows to the amount due and not past it; a known reference changes nothing', async () => {
  const c = await openCampaign(owner, { depositCents: 9900 });
  const { enrollment } = await enrolled(c.campaignId);
  for (const [amountCents, field] of [[0, 'amountCents'], [1.5, 'amountCents'], [-100, 'amountCents'], ['99', 'amountCents']] as const) {
    assertError(await pay(enrollment.id, { amountCents }), 400, 'validation.failed', field);
  }
  assertError(await pay(enrollment.id, { amountCents: 100, paidAt: 'yesterday' }), 400, 'validation.failed', 'paidAt');

  const first = await pay(enrollment.id, { amountCents: 3000, reference: 'BANK-001' });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.deepEqual([first.body.status, first.body.payment.amountCents, first.body.payment.source, first.body.enrollment.paidCents, first.body.enrollment.paymentStatus, first.body.enrollment.paidAt],
    ['applied', 3000, 'manual', 3000, 'partial', null]);
  const duplicate = await pay(enrollment.id, { amountCents: 6900, reference: 'BANK-001' });
  assert.deepEqual([duplicate.status, duplicate.body.status, duplicate.body.payment.id, duplicate.body.enrollment.paidCents], [200, 'duplicate', first.body.payment.id, 3000]);

  assertError(await pay(enrollment.id, { amountCents: 7000 }), 400, 'payment.exceeds_due', 'amountCents');
  const last = await ok(pay(enrollment.id, { amountCents: 6900, paidAt: '2026-03-01T09:30:00+08:00' }), 201);
  assert.deepEqual([last.enrollment.paidCents, last.enrollment.paymentStatus, last.enrollment.paidAt, last.payment.reference], [9900, 'paid', '2026-03-01T01:30:00.000Z', null]);
  assertError(await pay(enrollment.id, { amountCents: 1 }), 400, 'payment.exceeds_due', 'amountCents');

  const audit = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${enrollment.id}`))).items.map((a: { action: string }) => a.action);
  assert.deepEqual(audit.filter((a: string) => a === 'payment.record').length, 2);
  assertError(await pay(987654, { amountCents: 100 }), 404, 'enrollment.not_found');

  const free = await openCampaign(owner, { depositCents: 0 });
  const freeOne = await enrolled(free.campaignId);
  assert.equal(freeOne.enrollment.paymentStatus, 'free');
  assertError(await pay(freeOne.enrollment.id, { amountCents: 100 }), 400, 'payment.exceeds_due', 'amountCents');
});

test('two payments at once cannot pass the amount due together; the same reference twice at once is applied once', async () => {
  const c = await openCampaign(owner, { depositCents: 9900 });
  const { enrollment } = await enrolled(c.campaignId);
  const both = await Promise.all([pay(enrollment.id, { amountCents: 6000 }), pay(enrollment.id, { amountCents: 6000 })]);
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 400]);
  assert.equal((await enrollmentOf(c.campaignId, enrollment.member.memberNo)).paidCents, 6000);

  const other = await enrolled(c.campaignId);
  const same = await Promise.all(Array.from({ length: 5 }, () => pay(other.enrollment.id, { amountCents: 1000, reference: 'SAME-REF' })));
  assert.deepEqual(same.map((r) => r.body.status).sort(), ['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
  assert.equal((await enrollmentOf(c.campaignId, other.member.memberNo)).paidCents, 1000);
});

test('only payments.manage records payments: an operator may enroll but not record money', async () => {
  const c = await openCampaign(owner);
  const { enrollment } = await enrolled(c.campaignId);
  const operator = await W.as('operator');
  assertError(await operator.post(`/api/v1/enrollments/${enrollment.id}/payments`, { amountCents: 100 }), 403, 'auth.forbidden');
  assertError(await operator.post('/api/v1/payments/webhook-secret', {}), 403, 'auth.forbidden');
  assert.equal((await upload(operator, `/api/v1/campaigns/${c.campaignId}/payments/import`, csvFile(['学号,金额,流水号']))).status, 403);
});

test('a CSV of payments: bad rows reported by row, field and reason; good rows applied; importing it again changes nothing', async () => {
  const c = await openCampaign(owner, { depositCents: 9900 });
  const a = await enrolled(c.campaignId);
  const b = await enrolled(c.campaignId, { phone: '13600000001' });
  const notEnrolled = await newMember();
  const lines = [
    '学号,手机,金额,支付时间,流水号',
    `${a.member.memberNo},,99.00,2026-03-01 09:30,CSV-1`,
    ',136 0000 0001,¥50,,CSV-2',
    '99999,,10,,CSV-3',
    `${notEnrolled.memberNo},,10,,CSV-4`,
    `${a.member.memberNo},,abc,,CSV-5`,
    `${a.member.memberNo},,10,昨天,CSV-6`,
    `${a.member.memberNo},,10,,`,
    ',13600000001,60.00,,CSV-7',
    ',13600000001,49.00,,CSV-1',
    ',,10,,CSV-8',
  ];
  const res = await upload(owner, `/api/v1/campaigns/${c.campaignId}/payments/import`, csvFile(lines, 'payments.csv'));
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual([res.body.applied, res.body.duplicates], [2, 1]);
  assert.deepEqual(res.body.rejected.map((r: { row: number; field: string }) => [r.row, r.field]), [
    [4, 'memberNo'], [5, 'memberNo'], [6, 'amount'], [7, 'paidAt'], [8, 'reference'], [9, 'amount'], [11, 'memberNo'],
  ]);
  assert.match(res.body.rejected[1].reason, new RegExp(`not enrolled in ${c.key}`));
  const paidA = await enrollmentOf(c.campaignId, a.member.memberNo);
  assert.deepEqual([paidA.paidCents, paidA.paymentStatus, paidA.paidAt], [9900, 'paid', '2026-03-01T01:30:00.000Z']);
  assert.equal((await enrollmentOf(c.campaignId, b.member.memberNo)).paidCents, 5000);
  const rows = await server.services.database.db.selectFrom('payments').select(['reference', 'source']).where('workspace_id', '=', W.id).where('reference', 'like', 'CSV-%').orderBy('reference').execute();
  assert.deepEqual(rows.map((r) => [r.reference, r.source]), [['CSV-1', 'csv'], ['CSV-2', 'csv']]);
  const audit = (await ok(owner.get(`/api/v1/audit?entity=campaign&entityId=${c.campaignId}`))).items;
  assert.equal(audit[0].action, 'payment.import');

  const again = await upload(owner, `/api/v1/campaigns/${c.campaignId}/payments/import`, csvFile(lines, 'payments.csv'));
  assert.deepEqual([again.body.applied, again.body.duplicates], [0, 3]);
  assert.equal((await enrollmentOf(c.campaignId, b.member.memberNo)).paidCents, 5000);
});

test('an XLSX of payments is read like a CSV; files without the needed columns or unreadable are refused naming file', async () => {
  const c = await openCampaign(owner, { depositCents: 9900 });
  const a = await enrolled(c.campaignId);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('收款');
  sheet.addRow(['Member number', 'Amount', 'Paid at', 'Reference']);
  sheet.addRow([a.member.memberNo, 12.5, '2026-03-02 08:00', 'XLSX-1']);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const res = await upload(owner, `/api/v1/campaigns/${c.campaignId}/payments/import`, { name: 'pay.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual([res.body.applied, res.body.rejected], [1, []]);
  assert.equal((await enrollmentOf(c.campaignId, a.member.memberNo)).paidCents, 1250);

  const refused = async (file: Parameters<typeof upload>[2], code: string) => {
    const r = await upload(owner, `/api/v1/campaigns/${c.campaignId}/payments/import`, file);
    assertError(r, 400, code, 'file');
  };
  await refused(csvFile(['学号,流水号', `${a.member.memberNo},X`]), 'payment_import.columns');
  await refused({ name: 'x.csv', type: 'text/csv', bytes: '' }, 'upload.empty');
  await refused({ name: 'x.xlsx', type: 'application/zip', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) }, 'payment_import.unreadable');
  await refused(null, 'upload.missing');
  assertError(await owner.post(`/api/v1/campaigns/${c.campaignId}/payments/import`, { file: 'x.csv' }), 400, 'upload.not_multipart', 'file');
  assertError(await upload(owner, '/api/v1/campaigns/987654/payments/import', csvFile(['学号,金额,流水号'])), 404, 'campaign.not_found');
});

function signed(secret: string, body: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function notice(workspaceKey: string, body: unknown, signature: string | null | ((raw: string) => string), contentType = 'application/json'): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': contentType };
  const sig = typeof signature === 'function' ? signature(raw) : signature;
  if (sig !== null) headers['x-qunyun-signature'] = sig;
  const res = await fetch(`${server.url}/api/hooks/payments/${workspaceKey}`, { method: 'POST', headers, body: raw });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed, headers: res.headers };
}

test('payment notices: applied when signed with the workspace secret, duplicate on retry, refused when unsigned or wrong', async () => {
  const c = await openCampaign(owner, { depositCents: 9900 });
  const a = await enrolled(c.campaignId, { phone: '13600000099' });
  const body = { reference: 'wx4200001', campaignKey: c.key, memberNo: a.member.memberNo, amountCents: 9900, paidAt: '2026-03-01T10:00:00+08:00' };
  assertError(await notice(W.key, body, 'sha256=' + '0'.repeat(64)), 401, 'payment.signature');

  const rotated = await ok(owner.post('/api/v1/payments/webhook-secret', {}));
  assert.deepEqual([rotated.url, rotated.header], [`/api/hooks/payments/${W.key}`, 'x-qunyun-signature']);
  const secret: string = rotated.secret;
  assert.ok(secret.length >= 40);
  const sign = (raw: string) => signed(secret, raw);

  for (const bad of [null, 'sha256=abc', signed('wrong-secret', JSON.stringify(body)), `sha1=${'0'.repeat(40)}`]) {
    assertError(await notice(W.key, body, bad), 401, 'payment.signature');
  }
  // The signature covers the raw bytes: the same JSON spelled differently is another body.
  assertError(await notice(W.key, JSON.stringify(body, null, 2), signed(secret, JSON.stringify(body))), 401, 'payment.signature');
  assertError(await notice('no-such-workspace', body, sign), 401, 'payment.signature');
  assert.equal((await enrollmentOf(c.campaignId, a.member.memberNo)).paidCents, 0, 'nothing was applied by refused notices');

  const applied = await notice(W.key, body, sign);
  assert.deepEqual([applied.status, applied.body], [200, { status: 'applied' }]);
  const paid = await enrollmentOf(c.campaignId, a.member.memberNo);
  assert.deepEqual([paid.paidCents, paid.paidAt], [9900, '2026-03-01T02:00:00.000Z']);
  assert.deepEqual((await notice(W.key, body, sign)).body, { status: 'duplicate' });
  const audit = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${paid.id}`))).items.find((x: { action: string }) => x.action === 'payment.notice');
  assert.equal(audit.actor.kind, 'system');

  const b = await enrolled(c.campaignId, { phone: '13600000098' });
  assert.deepEqual((await notice(W.key, { reference: 'wx4200002', campaignKey: c.key, phone: '+8613600000098', amountCents: 100 }, sign)).body, { status: 'applied' });
  assert.equal((await enrollmentOf(c.campaignId, b.member.memberNo)).paidCents, 100);

  const faults: Array<[unknown, number, string, string]> = [
    [{ ...body, reference: 'f1', memberNo: 99999 }, 404, 'member.not_found', 'memberNo'],
    [{ ...body, reference: 'f2', campaignKey: 'ZZ9' }, 404, 'campaign.not_found', 'campaignKey'],
    [{ ...body, reference: 'f3', memberNo: (await newMember()).memberNo }, 404, 'enrollment.not_found', 'memberNo'],
    [{ ...body, reference: 'f4', memberNo: b.member.memberNo, amountCents: 9900 }, 400, 'payment.exceeds_due', 'amountCents'],
    [{ ...body, reference: 'f5', amountCents: '99' }, 400, 'validation.failed', 'amountCents'],
    [{ ...body, reference: 'f6', phone: '13600000098' }, 400, 'validation.failed', 'memberNo'],
    [{ ...body, reference: 'f7', extra: 1 }, 400, 'validation.failed', 'extra'],
    [{ reference: 'f8', campaignKey: c.key, amountCents: 1 }, 400, 'validation.failed', 'memberNo'],
    ['not json', 400, 'validation.failed', '(body)'],
  ];
  for (const [bad, status, code, field] of faults) assertError(await notice(W.key, bad, sign), status, code, field);
  const wrongType = await notice(W.key, body, sign, 'text/plain');
  assert.equal(wrongType.status, 415);

  // Rotating the secret retires the old one at once.
  const next = await ok(owner.post('/api/v1/payments/webhook-secret', {}));
  assert.notEqual(next.secret, secret);
  assertError(await notice(W.key, { ...body, reference: 'wx4200003' }, sign), 401, 'payment.signature');
  assert.deepEqual((await notice(W.key, { ...body, reference: 'wx4200003', memberNo: b.member.memberNo, amountCents: 50 }, (raw) => signed(next.secret, raw))).body, { status: 'applied' });
  const rotations = (await ok(owner.get('/api/v1/audit?entity=workspace'))).items.filter((x: { action: string }) => x.action === 'payment.webhook_secret_rotate');
  assert.equal(rotations.length, 2);
  assert.ok(!JSON.stringify(rotations).includes(secret), 'the secret is not in the audit log');
});

test('payments of a member who signed up: the member sees them on their enrollment', async () => {
  const c = await openCampaign(owner, { depositCents: 9900 });
  const { member, res } = await signUp(server, c.code, { phone: '13600000077' });
  await ok(pay(res.body.enrollment.id, { amountCents: 9900, reference: 'SIGNUP-PAID' }), 201);
  const mine = (await ok(member.get('/api/m/me'))).enrollments[0].enrollment;
  assert.deepEqual([mine.paidCents, mine.paymentStatus], [9900, 'paid']);
});
