// Daily check-ins over HTTP on a real database: the member's check-in and its edit, racing submissions, the campaign
// day at time-zone edges and in custom windows, make-ups, review, progress, streak, calendar and leaderboard. The
// clock is moved to play the campaign's days; each test works in a workspace of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';
import { campaignWithMembers, enroll, signIn, type CampaignSetup } from './fixtures/enrollment.js';
import { MemberClient } from './member-client.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant of December 2026 in Shanghai (UTC+8). */
const cst = (day: number, time = '10:00:00') => `2026-12-${pad(day)}T${time}+08:00`;
const setClock = (instant: string) => server.services.clock.set(instant);

async function setup(options: { members?: number; rules?: Record<string, unknown>; timezone?: string; startsOn?: string; endsOn?: string } = {}) {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const campaign = await campaignWithMembers(server, w.id, owner, {
    startsOn: options.startsOn ?? '2026-12-01', endsOn: options.endsOn ?? '2026-12-21', timezone: options.timezone, rules: options.rules, members: options.members ?? 1,
  });
  return { w, owner, campaign, m: campaign.members[0]! };
}

const post = (c: CampaignSetup, i: number, body: unknown) => c.members[i]!.client.post(`/api/m/campaigns/${c.key}/checkins`, body);
const home = async (c: CampaignSetup, i = 0) => ok(c.members[i]!.client.get(`/api/m/campaigns/${c.key}`));
const rowsOf = async (owner: Client, c: CampaignSetup, query = '') => (await ok(owner.get(`/api/v1/campaigns/${c.id}/checkins?limit=200${query}`))).items;

test('a JSON check-in is created (201), a second one the same day edits it (200): one row, edit_count, flag edited, counted once', async () => {
  const { owner, campaign } = await setup();
  setClock(cst(5, '07:30:00'));
  const first = await ok(post(campaign, 0, { text: '  今天6点起床  ' }), 201);
  assert.deepEqual({ ...first, id: 0, submittedAt: '', updatedAt: '' }, {
    id: 0, dayIndex: 5, date: '2026-12-05', text: '今天6点起床', photos: [], makeup: false, flags: [], reviewStatus: 'none', reviewReason: null,
    submittedAt: '', updatedAt: '', editCount: 0,
  });
  assert.equal(first.submittedAt, '2026-12-04T23:30:00.000Z', 'times come from the clock, in UTC');
  setClock(cst(5, '21:00:00'));
  const second = await ok(post(campaign, 0, { text: '补充：跑步3公里' }));
  assert.equal(second.id, first.id);
  assert.deepEqual([second.text, second.editCount, second.flags, second.reviewStatus, second.submittedAt], ['补充：跑步3公里', 1, ['edited'], 'pending', first.submittedAt]);
  assert.equal(second.updatedAt, '2026-12-05T13:00:00.000Z');
  const third = await ok(post(campaign, 0, { text: '第三次' }));
  assert.equal(third.editCount, 2);

  const rows = await rowsOf(owner, campaign);
  assert.equal(rows.length, 1, 'one row for the day');
  assert.deepEqual([rows[0].editCount, rows[0].flags, rows[0].counts], [2, ['edited'], true]);
  const h = await home(campaign);
  assert.equal(h.today.checkin.id, first.id);
  assert.equal(h.progress.counted, 1, 'an edited day counts once');
  assert.equal(h.calendar[4].state, 'done');
  // Staff see it in the review queue (edited), and a decision then stands over later edits.
  const queue = (await ok(owner.get(`/api/v1/checkins/review?campaignId=${campaign.id}`))).items;
  assert.deepEqual(queue.map((x: { id: number }) => x.id), [first.id]);
  await ok(owner.post(`/api/v1/checkins/${first.id}/review`, { decision: 'approve' }));
  const fourth = await ok(post(campaign, 0, { text: '第四次' }));
  assert.deepEqual([fourth.reviewStatus, fourth.editCount], ['approved', 3]);
});

test('check-ins sent at the same instant make one row: one 201, the rest 200, never a 5xx', async () => {
  const { owner, campaign } = await setup();
  setClock(cst(3, '08:00:00'));
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(campaign, 0, { text: `并发${i}` })));
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 201], JSON.stringify(results.map((r) => r.body)));
  const rows = await rowsOf(owner, campaign);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].editCount, 5, 'every later one counted as an edit');
});

test('the day follows the campaign zone: 23:59:59 and 00:00:00 in Shanghai are consecutive days; a New York campaign', async () => {
  const { campaign } = await setup();
  setClock('2026-12-01T15:59:59.000Z'); // 23:59:59 on Dec 1 in Shanghai
  const late = await ok(post(campaign, 0, { text: '第一天最后一秒' }), 201);
  assert.deepEqual([late.dayIndex, late.date, late.flags], [1, '2026-12-01', []]);
  setClock('2026-12-01T16:00:00.000Z'); // 00:00:00 on Dec 2
  const early = await ok(post(campaign, 0, { text: '第二天第一秒' }), 201);
  assert.deepEqual([early.dayIndex, early.date], [2, '2026-12-02']);
  assert.notEqual(early.id, late.id);

  const ny = await setup({ timezone: 'America/New_York' });
  setClock('2026-12-01T04:59:59.000Z'); // 23:59:59 on Nov 30 in New York: before the campaign
  assertError(await post(ny.campaign, 0, { text: '太早' }), 409, 'checkin.not_started');
  setClock('2026-12-01T05:00:00.000Z'); // 00:00 on Dec 1 in New York (13:00 in Shanghai)
  assert.equal((await ok(post(ny.campaign, 0, { text: '纽约第一天' }), 201)).dayIndex, 1);
  setClock('2026-12-02T04:30:00.000Z'); // still Dec 1 in New York, already Dec 2 in Shanghai
  assert.equal((await ok(post(ny.campaign, 0, { text: '纽约第一天深夜' }))).dayIndex, 1, 'the same day again: an edit');
  const h = await home(ny.campaign);
  assert.deepEqual([h.today.dayIndex, h.today.date, h.today.inWindow], [1, '2026-12-01', true]);
});

test('a custom window 06:00–01:00 crosses midnight; outside any window the check-in is flagged late', async () => {
  const { owner, campaign } = await setup({ members: 2, rules: { dayWindow: { start: '06:00', end: '01:00' } } });
  setClock(cst(3, '00:30:00')); // half past midnight: still day 2
  const night = await ok(post(campaign, 0, { text: '熬夜打卡' }), 201);
  assert.deepEqual([night.dayIndex, night.date, night.flags, night.reviewStatus], [2, '2026-12-02', [], 'none']);
  setClock(cst(3, '03:00:00')); // between the windows: counts for the calendar date, late
  const small = await ok(post(campaign, 1, { text: '凌晨三点' }), 201);
  assert.deepEqual([small.dayIndex, small.flags, small.reviewStatus], [3, ['late'], 'pending']);
  setClock(cst(3, '06:00:00'));
  const h = await home(campaign, 0);
  assert.deepEqual([h.today.dayIndex, h.today.inWindow, h.today.checkin], [3, true, null]);
  const late = (await rowsOf(owner, campaign, '&day=3'))[0];
  assert.equal(late.counts, true, 'a late check-in counts until a reviewer rejects it');

  const plain = await setup({ rules: { dayWindow: { start: '06:00', end: '22:00' } } });
  setClock(cst(4, '22:00:59'));
  assert.deepEqual((await ok(post(plain.campaign, 0, { text: '22点整' }), 201)).flags, [], 'the end minute is inside');
  setClock(cst(5, '22:01:00'));
  const after = await ok(post(plain.campaign, 0, { text: '22点01' }), 201);
  assert.deepEqual([after.dayIndex, after.flags], [5, ['late']]);
});

test('refusals: not started, ended, cancelled, not enrolled, signed out, no write header, empty or oversized text', async () => {
  const { w, owner, campaign, m } = await setup({ endsOn: '2026-12-05', rules: { daysTotal: 5, daysRequiredForRefund: 3, daysRequiredForCompletion: 3, borderlineDays: 1 } });
  setClock('2026-11-30T23:59:59+08:00');
  assertError(await post(campaign, 0, { text: 'x' }), 409, 'checkin.not_started');
  setClock(cst(6));
  assertError(await post(campaign, 0, { text: 'x' }), 409, 'checkin.ended');
  const h = await home(campaign);
  assert.deepEqual([h.today.dayIndex, h.today.canCheckIn, h.today.reason], [6, false, 'ended']);
  setClock(cst(2));
  assertError(await post(campaign, 0, { text: '' }), 400, 'checkin.empty', 'text');
  assertError(await post(campaign, 0, { text: 'x'.repeat(2001) }), 400, 'validation.failed', 'text');
  assertError(await post(campaign, 0, { text: 'x', mood: 'happy' }), 400, 'validation.failed', 'mood');
  assertError(await post(campaign, 0, { text: 'x', day: 'two' }), 400, 'validation.failed', 'day');
  assertError(await post(campaign, 0, ['x']), 400, 'validation.failed', '(body)');
  assertError(await m.client.withoutWriteHeader().post(`/api/m/campaigns/${campaign.key}/checkins`, { text: 'x' }), 403, 'member.write_header');
  assertError(await new MemberClient(server.url).post(`/api/m/campaigns/${campaign.key}/checkins`, { text: 'x' }), 401, 'member.signin_required');
  assertError(await m.client.post('/api/m/campaigns/Z9/checkins', { text: 'x' }), 404, 'enrollment.not_found');
  // Another member of the workspace, not enrolled; and the same key in another workspace.
  const stranger = await ok(owner.post('/api/v1/members', { nickname: '路人' }), 201);
  assertError(await (await signIn(server, w.id, stranger.id)).post(`/api/m/campaigns/${campaign.key}/checkins`, { text: 'x' }), 404, 'enrollment.not_found');
  const other = await setup();
  assert.equal(other.campaign.key, campaign.key, 'both workspaces have an X1');
  assert.equal((await ok(other.m.client.get(`/api/m/campaigns/${campaign.key}`))).enrollment.id, other.m.enrollmentId, "each member reaches their own workspace's X1");
  await server.services.database.db.updateTable('enrollments').set({ status: 'cancelled' }).where('id', '=', m.enrollmentId).execute();
  assertError(await post(campaign, 0, { text: 'x' }), 409, 'checkin.cancelled');
  assert.deepEqual((await home(campaign)).today.reason, 'cancelled');
  assert.equal((await rowsOf(owner, campaign)).length, 0, 'nothing was written');
});

test('make-ups: refused when the policy forbids them; within the window, within the quota, never over a day already done; approval', async () => {
  const closed = await setup();
  setClock(cst(5));
  assertError(await post(closed.campaign, 0, { text: '补卡', day: 3 }), 409, 'checkin.makeup_not_allowed', 'day');

  const { owner, campaign } = await setup({ rules: { makeup: { allowed: true, maxPerCampaign: 2, windowDays: 3, needsApproval: true, countsForRefund: true, countsForStreak: false } } });
  setClock(cst(4));
  await ok(post(campaign, 0, { text: '第四天' }), 201);
  setClock(cst(6));
  assertError(await post(campaign, 0, { text: '补未来', day: 7 }), 400, 'checkin.day_in_future', 'day');
  assertError(await post(campaign, 0, { text: '补太早', day: 2 }), 409, 'checkin.makeup_window', 'day');
  assertError(await post(campaign, 0, { text: '补已打', day: 4 }), 409, 'checkin.makeup_exists', 'day');
  const makeup = await ok(post(campaign, 0, { text: '补第三天', day: 3 }), 201);
  assert.deepEqual([makeup.dayIndex, makeup.date, makeup.makeup, makeup.flags, makeup.reviewStatus], [3, '2026-12-03', true, ['makeup'], 'pending']);
  assertError(await post(campaign, 0, { text: '再补一次', day: 3 }), 409, 'checkin.makeup_exists', 'day');
  let h = await home(campaign);
  assert.deepEqual(h.calendar.slice(0, 7).map((d: { state: string }) => d.state), ['missed', 'missed', 'pending', 'done', 'missed', 'today', 'future']);
  assert.deepEqual(h.calendar.slice(0, 7).map((d: { makeupPossible: boolean }) => d.makeupPossible), [false, false, false, false, true, false, false]);
  assert.deepEqual([h.progress.counted, h.progress.makeupsUsed, h.progress.makeupsLeft], [1, 1, 1], 'pending approval: not counted yet');
  await ok(owner.post(`/api/v1/checkins/${makeup.id}/review`, { decision: 'approve' }));
  h = await home(campaign);
  assert.equal(h.calendar[2].state, 'makeup');
  assert.equal(h.progress.counted, 2);
  const fifth = await ok(post(campaign, 0, { text: '补第五天', day: 5 }), 201);
  assertError(await post(campaign, 0, { text: '补第五天', day: 5 }), 409, 'checkin.makeup_exists', 'day');
  await ok(owner.post(`/api/v1/checkins/${fifth.id}/review`, { decision: 'approve' }));
  h = await home(campaign);
  assert.deepEqual([h.progress.counted, h.progress.streak], [3, 0], 'days 3–5 count, but make-ups do not make a streak under this policy');
  setClock(cst(7));
  assertError(await post(campaign, 0, { text: '第三次补卡', day: 6 }), 409, 'checkin.makeup_quota', 'day');
  h = await home(campaign);
  assert.deepEqual([h.progress.makeupsUsed, h.progress.makeupsLeft, h.calendar[5].makeupPossible], [2, 0, false]);

  // After the last day: no check-in for today, but a make-up within the window still goes in.
  const late = await setup({ endsOn: '2026-12-05', rules: { daysTotal: 5, daysRequiredForRefund: 3, daysRequiredForCompletion: 3, borderlineDays: 1, makeup: { allowed: true, windowDays: 2, needsApproval: false } } });
  setClock(cst(7));
  assertError(await post(late.campaign, 0, { text: '结束后' }), 409, 'checkin.ended');
  assertError(await post(late.campaign, 0, { text: '补第四天', day: 4 }), 409, 'checkin.makeup_window', 'day');
  const last = await ok(post(late.campaign, 0, { text: '补最后一天', day: 5 }), 201);
  assert.deepEqual([last.flags, last.reviewStatus], [[], 'none'], 'no approval needed: counts at once');
  assert.equal((await home(late.campaign)).progress.counted, 1);
});

test('review: approve, reject with a reason (required), bulk up to 500; audited; the permission is checkins.review', async () => {
  const { w, owner, campaign } = await setup({ members: 3, rules: { requirePhoto: true } });
  setClock(cst(2));
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) ids.push((await ok(post(campaign, i, { text: `没有照片${i}` }), 201)).id);
  const queue = await ok(owner.get('/api/v1/checkins/review'));
  assert.deepEqual(queue.items.map((x: { id: number }) => x.id), ids, 'oldest first');
  assert.deepEqual(queue.items[0].flags, ['missing_media']);
  assert.deepEqual(queue.items[0].member, { id: campaign.members[0]!.id, memberNo: campaign.members[0]!.memberNo, nickname: '打卡人1' });

  assertError(await owner.post(`/api/v1/checkins/${ids[0]}/review`, { decision: 'reject' }), 400, 'checkin.reason_required', 'reason');
  assertError(await owner.post(`/api/v1/checkins/${ids[0]}/review`, { decision: 'reject', reason: '   ' }), 400, 'validation.failed', 'reason');
  const viewer = await w.as('viewer');
  assertError(await viewer.post(`/api/v1/checkins/${ids[0]}/review`, { decision: 'approve' }), 403, 'auth.forbidden');
  assert.equal((await viewer.get('/api/v1/checkins/review')).status, 200, 'a viewer may read the queue');
  const rejected = await ok(owner.post(`/api/v1/checkins/${ids[0]}/review`, { decision: 'reject', reason: '照片是网图' }));
  assert.deepEqual([rejected.reviewStatus, rejected.reviewReason, rejected.counts], ['rejected', '照片是网图', false]);
  assert.ok(rejected.reviewedBy.id > 0 && rejected.reviewedBy.displayName.length > 0 && rejected.reviewedAt, 'the reviewer is named');
  const mine = await home(campaign, 0);
  assert.deepEqual([mine.calendar[1].state, mine.progress.counted, mine.today.checkin.reviewReason], ['rejected', 0, '照片是网图']);

  assertError(await owner.post('/api/v1/checkins/review', { ids: [ids[1], 987654], decision: 'approve' }), 404, 'checkin.not_found', 'ids.1');
  assert.equal((await rowsOf(owner, campaign)).filter((x: { reviewStatus: string }) => x.reviewStatus === 'approved').length, 0, 'all or nothing');
  assertError(await owner.post('/api/v1/checkins/review', { ids: Array.from({ length: 501 }, (_, i) => i + 1), decision: 'approve' }), 400, 'validation.failed', 'ids');
  assertError(await owner.post('/api/v1/checkins/review', { ids: [ids[1]], decision: 'reject' }), 400, 'checkin.reason_required', 'reason');
  const bulk = await ok(owner.post('/api/v1/checkins/review', { ids: [ids[1], ids[2], ids[1]], decision: 'approve' }));
  assert.deepEqual(bulk, { reviewed: 2, ids: [ids[1], ids[2]] });
  assert.deepEqual((await ok(owner.get('/api/v1/checkins/review'))).items, [], 'the queue is empty');
  assert.deepEqual((await ok(owner.get('/api/v1/checkins/review?status=approved'))).items.map((x: { id: number }) => x.id), [ids[1], ids[2]]);

  const trail = (await ok(owner.get('/api/v1/audit?entity=checkin&limit=200'))).items as Array<{ action: string; entityId: string; memberId: number; before: unknown; after: { reviewStatus: string } }>;
  assert.equal(trail.filter((e) => e.action === 'checkin.review').length, 3);
  const first = trail.find((e) => e.entityId === String(ids[0]))!;
  assert.deepEqual([first.before, first.after.reviewStatus, first.memberId], [{ reviewStatus: 'pending', reviewReason: null }, 'rejected', campaign.members[0]!.id]);
  // A member's own check-in leaves no audit row: the check-in is its own record.
  assert.ok(!trail.some((e) => e.action.startsWith('checkin.') && e.action !== 'checkin.review'));
});

test('progress, streak and calendar on a known pattern: 15 of 21 days', async () => {
  const { campaign } = await setup();
  const done = [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17];
  for (const d of done) {
    setClock(cst(d, '08:00:00'));
    await ok(post(campaign, 0, { text: `第${d}天` }), 201);
  }
  setClock(cst(18, '08:00:00'));
  let h = await home(campaign);
  assert.deepEqual(h.progress, {
    counted: 15, countedForRefund: 15, requiredForRefund: 15, requiredForCompletion: 15, remaining: 0, completed: true,
    streak: 4, longestStreak: 6, makeupsUsed: 0, makeupsLeft: 0, daysTotal: 21,
  });
  const states = h.calendar.map((d: { state: string }) => d.state);
  assert.equal(states.length, 21);
  assert.deepEqual(states, [...'ddddd m dddddd m dddd t fff'.replace(/ /g, '')].map((ch) => ({ d: 'done', m: 'missed', t: 'today', f: 'future' })[ch]));
  assert.deepEqual([h.calendar[0].date, h.calendar[20].date], ['2026-12-01', '2026-12-21']);
  setClock(cst(19, '08:00:00'));
  h = await home(campaign);
  assert.deepEqual([h.progress.streak, h.progress.longestStreak, h.calendar[17].state], [0, 6, 'missed'], 'day 18 missed breaks the streak');
  setClock(cst(22, '08:00:00'));
  h = await home(campaign);
  assert.deepEqual([h.today.reason, h.today.canCheckIn, h.settlement.open, h.calendar[20].state], ['ended', false, true, 'missed']);
  // Before any decision the member sees the class the rule gives: 15 counted + 1 grace day against 15 required.
  assert.deepEqual(h.settlement, { class: 'eligible', decision: null, refundCents: null, refundedAt: null, open: true });
});

test('leaderboard: today earliest first, week over the last 7 campaign days, total by days then streak; my rank; staff see ids', async () => {
  const { owner, campaign } = await setup({ members: 4, rules: { daysTotal: 10, daysRequiredForRefund: 5, daysRequiredForCompletion: 5, borderlineDays: 1 }, endsOn: '2026-12-10' });
  // member 0: days 1–9 (9); member 1: days 1–4 and 7–9 (7); member 2: days 6–9 (4); member 3: days 1–4 (4), nothing since.
  const pattern: number[][] = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 7, 8, 9], [6, 7, 8, 9], [1, 2, 3, 4]];
  for (let d = 1; d <= 9; d++) {
    for (const [i, days] of pattern.entries()) {
      if (!days.includes(d)) continue;
      setClock(cst(d, `0${7 + ((i + d) % 3)}:00:00`));
      await ok(post(campaign, i, { text: `D${d}` }), 201);
    }
  }
  setClock(cst(10, '09:00:00'));
  await ok(post(campaign, 2, { text: '今天最早' }), 201);
  setClock(cst(10, '09:30:00'));
  await ok(post(campaign, 0, { text: '今天第二' }), 201);
  const c0 = campaign.members[0]!.client;
  const board = (period: string) => ok(c0.get(`/api/m/campaigns/${campaign.key}/leaderboard?period=${period}`));

  const today = await board('today');
  assert.deepEqual(today.items.map((x: { memberNo: number; rank: number }) => [x.rank, x.memberNo]), [[1, campaign.members[2]!.memberNo], [2, campaign.members[0]!.memberNo]]);
  assert.deepEqual(today.me, { rank: 2, count: 1 });
  assert.equal(today.items[0].at, '2026-12-10T01:00:00.000Z');
  assert.ok(!('phone' in today.items[0]) && !('memberId' in today.items[0]), 'nicknames only');

  const total = await board('total');
  assert.deepEqual(total.items.map((x: { nickname: string; count: number; streak: number; rank: number }) => [x.rank, x.nickname, x.count, x.streak]), [
    [1, '打卡人1', 10, 10], [2, '打卡人2', 7, 3], [3, '打卡人3', 5, 5], [4, '打卡人4', 4, 0],
  ]);
  const week = await board('week'); // days 4–10
  assert.deepEqual(week.items.map((x: { rank: number; nickname: string; count: number }) => [x.rank, x.nickname, x.count]), [
    [1, '打卡人1', 7], [2, '打卡人3', 5], [3, '打卡人2', 4], [4, '打卡人4', 1],
  ]);
  const m3 = await ok(campaign.members[3]!.client.get(`/api/m/campaigns/${campaign.key}/leaderboard?period=today`));
  assert.equal(m3.me, null, 'not on today\'s board');
  assertError(await c0.get(`/api/m/campaigns/${campaign.key}/leaderboard?period=month`), 400, 'validation.failed', 'period');

  const staff = await ok(owner.get(`/api/v1/campaigns/${campaign.id}/leaderboard?period=total`));
  assert.deepEqual(staff.items[0], { ...total.items[0], memberId: campaign.members[0]!.id, enrollmentId: campaign.members[0]!.enrollmentId });
  assert.equal(staff.me, null);
});

test('the leaderboard shows at most 50 rows and still tells a member below them their rank', async () => {
  const { w, owner, campaign } = await setup({ members: 1 });
  const db = server.services.database.db;
  for (let i = 0; i < 55; i++) {
    const m = await ok(owner.post('/api/v1/members', { nickname: `榜${i}` }), 201);
    const enrollmentId = await enroll(server, { workspaceId: w.id, campaignId: campaign.id, memberId: m.id });
    await db.insertInto('checkins').values({
      workspace_id: w.id, campaign_id: campaign.id, enrollment_id: enrollmentId, member_id: m.id, day_index: 1, day_date: '2026-12-01',
      text: 'x', submitted_at: '2026-11-30T20:00:00.000Z', updated_at: '2026-11-30T20:00:00.000Z',
    }).execute();
  }
  setClock(cst(1, '23:00:00'));
  await ok(post(campaign, 0, { text: '最后一个' }), 201);
  const today = await ok(campaign.members[0]!.client.get(`/api/m/campaigns/${campaign.key}/leaderboard?period=today`));
  assert.equal(today.items.length, 50);
  assert.deepEqual(today.me, { rank: 56, count: 1 });
});
