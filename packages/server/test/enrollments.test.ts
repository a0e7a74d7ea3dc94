// Enrollments through the staff API on a real database: enrolling (places, routing, refusals), cancelling (the place
// given back), the campaign's list with its filters, pages and progress, and merges that move enrollments.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allPages, assertError, ok } from './api-checks.js';
import { enrolledCount, openCampaign, signUp } from './campaign-run.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let phoneCounter = 13700000000;

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
});

after(async () => {
  await server?.close();
});

const newMember = async (nickname: string, extra: Record<string, unknown> = {}) => ok(owner.post('/api/v1/members', { nickname, ...extra }), 201);
const enroll = (campaignId: number, body: Record<string, unknown>) => owner.post(`/api/v1/campaigns/${campaignId}/enrollments`, body);

test('staff enroll a member: a place is taken, the group routed, the amount due recorded; again answers 200 unchanged', async () => {
  const c = await openCampaign(owner, { priceCents: 500, depositCents: 9900, capacity: 2 });
  const m = await newMember('王小明');
  const res = await enroll(c.campaignId, { memberNo: m.memberNo, channelId: c.channelId });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const e = res.body.enrollment;
  assert.deepEqual([res.body.created, e.member.memberNo, e.channel.id, e.group.id, e.source, e.status, e.amountDueCents, e.paidCents, e.paymentStatus],
    [true, m.memberNo, c.channelId, c.groupIds[0], 'staff', 'active', 10400, 0, 'unpaid']);
  assert.deepEqual(e.progress, { counted: 0, countedForRefund: 0, requiredForRefund: 15, completed: false, streak: 0 });
  const again = await enroll(c.campaignId, { memberNo: m.memberNo });
  assert.deepEqual([again.status, again.body.created, again.body.enrollment.id], [200, false, e.id]);
  assert.equal(await enrolledCount(server, c.campaignId), 1);
  const audit = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${e.id}`))).items;
  assert.deepEqual(audit.map((a: { action: string; actor: { kind: string } }) => [a.action, a.actor.kind]), [['enrollment.create', 'staff']]);

  await ok(enroll(c.campaignId, { memberNo: (await newMember('二号')).memberNo }), 201);
  assertError(await enroll(c.campaignId, { memberNo: (await newMember('三号')).memberNo }), 409, 'enrollment.full');
  assert.equal(await enrolledCount(server, c.campaignId), 2);
});

test('staff enrollment refusals: unknown or blocklisted member, unknown channel, ended or archived campaign; a merged number enrolls the survivor', async () => {
  const c = await openCampaign(owner);
  assertError(await enroll(c.campaignId, { memberNo: 99999 }), 404, 'member.not_found', 'memberNo');
  const blocked = await newMember('广告号');
  await ok(owner.post(`/api/v1/members/${blocked.memberNo}/block`, { reason: '广告' }));
  assertError(await enroll(c.campaignId, { memberNo: blocked.memberNo }), 409, 'member.blocked', 'memberNo');
  const m = await newMember('有渠道');
  assertError(await enroll(c.campaignId, { memberNo: m.memberNo, channelId: 987654 }), 404, 'channel.not_found', 'channelId');
  assertError(await enroll(987654, { memberNo: m.memberNo }), 404, 'campaign.not_found', 'campaignId');

  const survivor = await newMember('留下');
  const merged = await newMember('并掉');
  await ok(owner.post(`/api/v1/members/${survivor.memberNo}/merge`, { fromMemberNo: merged.memberNo }));
  assert.equal((await ok(enroll(c.campaignId, { memberNo: merged.memberNo }), 201)).enrollment.member.memberNo, survivor.memberNo);

  // The signup window being closed does not stop staff; an archived (or ended) campaign does.
  const closed = await openCampaign(owner, { campaign: { signupOpensAt: new Date(Date.now() - 7_200_000).toISOString(), signupClosesAt: new Date(Date.now() - 3_600_000).toISOString() } });
  await ok(enroll(closed.campaignId, { memberNo: m.memberNo }), 201);
  await ok(owner.post(`/api/v1/campaigns/${closed.campaignId}/archive`));
  assertError(await enroll(closed.campaignId, { memberNo: survivor.memberNo }), 409, 'enrollment.closed');
  assert.equal(await enrolledCount(server, closed.campaignId), 1);
});

test('cancel gives the place back, keeps the reason, is audited, and cannot be done twice', async () => {
  const c = await openCampaign(owner, { capacity: 1 });
  const m = await newMember('要退出的');
  const e = (await ok(enroll(c.campaignId, { memberNo: m.memberNo }), 201)).enrollment;
  assertError(await owner.post(`/api/v1/enrollments/${e.id}/cancel`, {}), 400, 'validation.failed', 'reason');
  const cancelled = await ok(owner.post(`/api/v1/enrollments/${e.id}/cancel`, { reason: '时间冲突' }));
  assert.deepEqual([cancelled.status, cancelled.cancelReason, typeof cancelled.cancelledAt], ['cancelled', '时间冲突', 'string']);
  assert.equal(await enrolledCount(server, c.campaignId), 0);
  assertError(await owner.post(`/api/v1/enrollments/${e.id}/cancel`, { reason: '再退一次' }), 409, 'enrollment.already_cancelled');
  assert.equal(await enrolledCount(server, c.campaignId), 0);
  const audit = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${e.id}`))).items;
  assert.equal(audit[0].action, 'enrollment.cancel');
  assert.equal(audit[0].before.status, 'active');
  // The place is free again: someone else gets it; re-enrolling the cancelled member then finds it full.
  await ok(enroll(c.campaignId, { memberNo: (await newMember('补位的')).memberNo }), 201);
  assertError(await enroll(c.campaignId, { memberNo: m.memberNo }), 409, 'enrollment.full');
  assertError(await owner.post('/api/v1/enrollments/987654/cancel', { reason: 'x' }), 404, 'enrollment.not_found');
});

test('the list: newest first, paged, filtered by member, payment and status, with progress from check-ins', async () => {
  const c = await openCampaign(owner, { depositCents: 1000, capacity: null });
  const people = [];
  for (let i = 0; i < 7; i++) people.push(await newMember(`列表成员${i}`, { phone: String(++phoneCounter) }));
  const ids: number[] = [];
  for (const p of people) ids.push((await ok(enroll(c.campaignId, { memberNo: p.memberNo }), 201)).enrollment.id);
  await ok(owner.post(`/api/v1/enrollments/${ids[0]}/payments`, { amountCents: 1000 }), 201);
  await ok(owner.post(`/api/v1/enrollments/${ids[1]}/payments`, { amountCents: 300 }), 201);
  await ok(owner.post(`/api/v1/enrollments/${ids[2]}/cancel`, { reason: '不来了' }));

  const all = await allPages<{ id: number }>(owner, `/api/v1/campaigns/${c.campaignId}/enrollments`, 3);
  assert.deepEqual(all.map((e) => e.id), [...ids].reverse());
  const list = async (query: string) => (await ok(owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments?${query}`))).items.map((e: { id: number }) => e.id);
  assert.deepEqual(await list('payment=paid'), [ids[0]]);
  assert.deepEqual(await list('payment=partial'), [ids[1]]);
  assert.deepEqual(await list('payment=unpaid&status=active'), [ids[6], ids[5], ids[4], ids[3]]);
  assert.deepEqual(await list('status=cancelled'), [ids[2]]);
  assert.deepEqual(await list(`q=${people[4].memberNo}`), [ids[4]]);
  assert.deepEqual(await list(`q=${encodeURIComponent('列表成员5')}`), [ids[5]]);
  assert.deepEqual(await list(`q=${people[3].phone.slice(-6)}`), [ids[3]]);
  assert.deepEqual(await list('payment=free'), []);

  // Two check-ins, one of them rejected: one counts.
  const db = server.services.database.db;
  const at = new Date().toISOString();
  const e6 = (await db.selectFrom('enrollments').select(['member_id']).where('id', '=', ids[6]).executeTakeFirstOrThrow());
  for (const [day, review] of [[1, 'none'], [2, 'rejected']] as const) {
    await db.insertInto('checkins').values({ workspace_id: W.id, campaign_id: c.campaignId, enrollment_id: ids[6], member_id: e6.member_id, day_index: day, day_date: '2030-01-01', text: '打卡', submitted_at: at, updated_at: at, review_status: review }).execute();
  }
  const withProgress = (await ok(owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments?q=${people[6].memberNo}`))).items[0];
  assert.deepEqual([withProgress.progress.counted, withProgress.progress.countedForRefund, withProgress.progress.completed], [1, 1, false]);

  for (const bad of ['payment=some', 'status=gone', 'limit=0', 'cursor=x', 'sort=id']) {
    assertError(await owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments?${bad}`), 400, 'validation.failed', bad.split('=')[0]);
  }
});

test('merging members moves their enrollments (with payments and check-ins) and sessions, undo moves them back; both enrolled in one campaign is refused', async () => {
  const x = await openCampaign(owner);
  const y = await openCampaign(owner);
  const phone = String(++phoneCounter);
  const { member: device, res } = await signUp(server, x.code, { phone, nickname: '手机上的' });
  const fromNo = res.body.member.memberNo;
  const fromEnrollment = res.body.enrollment.id;
  await ok(owner.post(`/api/v1/enrollments/${fromEnrollment}/payments`, { amountCents: 9900, reference: `merge-${phone}` }), 201);
  const db = server.services.database.db;
  const fromId = (await ok(owner.get(`/api/v1/members/${fromNo}`))).id;
  const at = new Date().toISOString();
  await db.insertInto('checkins').values({ workspace_id: W.id, campaign_id: x.campaignId, enrollment_id: fromEnrollment, member_id: fromId, day_index: 1, day_date: '2030-01-01', text: '第一天', submitted_at: at, updated_at: at }).execute();
  const survivor = await newMember('控制台里的');
  const survivorEnrollment = (await ok(enroll(y.campaignId, { memberNo: survivor.memberNo }), 201)).enrollment.id;

  const merge = await ok(owner.post(`/api/v1/members/${survivor.memberNo}/merge`, { fromMemberNo: fromNo }));
  const inX = (await ok(owner.get(`/api/v1/campaigns/${x.campaignId}/enrollments`))).items[0];
  assert.deepEqual([inX.id, inX.member.memberNo, inX.paidCents], [fromEnrollment, survivor.memberNo, 9900]);
  const checkin = await db.selectFrom('checkins').select('member_id').where('enrollment_id', '=', fromEnrollment).executeTakeFirstOrThrow();
  assert.equal(checkin.member_id, survivor.id);
  const me = await ok(device.get('/api/m/me'));
  assert.equal(me.member.memberNo, survivor.memberNo, "the phone's session now signs in as the survivor");
  assert.deepEqual(me.enrollments.map((e: { enrollment: { id: number } }) => e.enrollment.id).sort(), [fromEnrollment, survivorEnrollment].sort());

  await ok(owner.post(`/api/v1/merges/${merge.merge.id}/undo`));
  assert.equal((await ok(owner.get(`/api/v1/campaigns/${x.campaignId}/enrollments`))).items[0].member.memberNo, fromNo);
  assert.equal((await db.selectFrom('checkins').select('member_id').where('enrollment_id', '=', fromEnrollment).executeTakeFirstOrThrow()).member_id, fromId);
  assert.equal((await ok(device.get('/api/m/me'))).member.memberNo, fromNo, 'the session went back with its member');
  assert.equal((await ok(owner.get(`/api/v1/campaigns/${y.campaignId}/enrollments`))).items[0].member.memberNo, survivor.memberNo);

  // Both enrolled in Y: refused, naming the campaign, and nothing moved.
  await ok(enroll(y.campaignId, { memberNo: fromNo }), 201);
  const refused = await owner.post(`/api/v1/members/${survivor.memberNo}/merge`, { fromMemberNo: fromNo });
  assertError(refused, 409, 'member.merge_enrollment_conflict', 'fromMemberNo');
  assert.match(refused.body.error.message, new RegExp(y.key));
  assert.deepEqual((await ok(owner.get(`/api/v1/members/${fromNo}`))).mergedNumbers, []);
  assert.equal((await ok(owner.get(`/api/v1/members/${fromNo}`))).resolvedFrom, null);

  // A cancelled enrollment of the merged member stays behind with its number; the merge goes through.
  const yOfFrom = (await ok(owner.get(`/api/v1/campaigns/${y.campaignId}/enrollments?q=${fromNo}`))).items[0];
  await ok(owner.post(`/api/v1/enrollments/${yOfFrom.id}/cancel`, { reason: '重复报名' }));
  await ok(owner.post(`/api/v1/members/${survivor.memberNo}/merge`, { fromMemberNo: fromNo }));
  const yRows = await db.selectFrom('enrollments').select(['id', 'member_id', 'status']).where('campaign_id', '=', y.campaignId).orderBy('id').execute();
  assert.deepEqual(yRows.map((r) => [r.id, r.member_id, r.status]), [[survivorEnrollment, survivor.id, 'active'], [yOfFrom.id, fromId, 'cancelled']]);
  assert.equal((await db.selectFrom('enrollments').select('member_id').where('id', '=', fromEnrollment).executeTakeFirstOrThrow()).member_id, survivor.id);
});

test('roles: viewers and sales read enrollments; sales may not enroll or cancel', async () => {
  const c = await openCampaign(owner);
  const viewer = await W.as('viewer');
  const sales = await W.as('sales');
  const operator = await W.as('operator');
  const m = await newMember('角色测试');
  assert.equal((await viewer.get(`/api/v1/campaigns/${c.campaignId}/enrollments`)).status, 200);
  assertError(await sales.post(`/api/v1/campaigns/${c.campaignId}/enrollments`, { memberNo: m.memberNo }), 403, 'auth.forbidden');
  const e = (await ok(operator.post(`/api/v1/campaigns/${c.campaignId}/enrollments`, { memberNo: m.memberNo }), 201)).enrollment;
  assertError(await sales.post(`/api/v1/enrollments/${e.id}/cancel`, { reason: 'x' }), 403, 'auth.forbidden');
  assert.equal((await ok(owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments`))).items[0].status, 'active');
});
