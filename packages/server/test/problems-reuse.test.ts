// Reusing answers over HTTP on a real database: an answer filled for a member enrolled in a campaign with real
// check-ins (made on their days, one made up, one rejected) gives the numbers the member's own page shows; what stays
// unfilled is reported with why; previews count nothing; concurrent uses all count; the statistics of a period.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';
import { enroll, signIn } from './fixtures/enrollment.js';
import type { MemberClient } from './member-client.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  server.services.clock.set(null);
  await server?.close();
});

/** An instant of December 2026 in Shanghai (UTC+8), the campaigns' zone. */
const cst = (day: number, time = '10:00:00') => `2026-12-${String(day).padStart(2, '0')}T${time}+08:00`;
const setClock = (instant: string) => server.services.clock.set(instant);

const SCRIPT = '{昵称}（学号{学号}）你好！今天是{营期}第{第几天}天（共{总天数}天，还剩{剩余天数}天）。你已打卡{打卡天数}天，要求{要求天数}天，还差{还差天数}天，打卡率{打卡率}，所在群：{群名}。';

interface Setup {
  owner: Client;
  campaignId: number;
  key: string;
  groupId: number;
  answerId: number;
  members: Array<{ id: number; memberNo: number; client: MemberClient }>;
}

/** A campaign 2026-12-01…21 with two members enrolled (the first in a group), and a problem with the script as its answer. */
async function setup(campaign: { depositCents: number }): Promise<Setup> {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const series = await ok(owner.post('/api/v1/series', { key: 'X', name: '21天单词打卡' }), 201);
  const c = await ok(owner.post('/api/v1/campaigns', {
    seriesId: series.id, name: '21天单词打卡 第1期', startsOn: '2026-12-01', endsOn: '2026-12-21', depositCents: campaign.depositCents,
    rules: { daysRequiredForRefund: 15, daysRequiredForCompletion: 12, makeup: { allowed: true, needsApproval: false, countsForRefund: false, windowDays: 3 } },
  }), 201);
  const groupId = (await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: 'X1 打卡1群', campaignId: c.id }), 201)).id;
  const members = [];
  for (const [i, nickname] of ['乐乐妈妈', '天天爸爸'].entries()) {
    const m = await ok(owner.post('/api/v1/members', { nickname }), 201);
    await enroll(server, { workspaceId: w.id, campaignId: c.id, memberId: m.id, groupId: i === 0 ? groupId : null });
    members.push({ id: m.id, memberNo: m.memberNo, client: await signIn(server, w.id, m.id) });
  }
  const problem = await ok(owner.post('/api/v1/problems', { title: '我现在打卡进度怎么样？', answers: [SCRIPT] }), 201);
  return { owner, campaignId: c.id, key: c.key, groupId, answerId: problem.answers[0].id, members };
}

async function checkIn(s: Setup, member: number, day: number, makeupDay?: number) {
  setClock(cst(day, '08:00:00'));
  const body = makeupDay === undefined ? { text: `Day${day} 打卡` } : { text: `补卡 Day${makeupDay}`, day: makeupDay };
  return ok(s.members[member]!.client.post(`/api/m/campaigns/${s.key}/checkins`, body), 201);
}

const preview = (s: Setup, query: string) => ok(s.owner.get(`/api/v1/problem-answers/${s.answerId}/preview?${query}`));

test("filled for an enrolled member with check-ins: the numbers of the member's own page (deposit: toward the refund)", async () => {
  const s = await setup({ depositCents: 9900 });
  // Member 1: days 1, 2, 4, 5 and day 3 made up on day 5 (counts, but not for the refund).
  for (const day of [1, 2, 4, 5]) await checkIn(s, 0, day);
  await checkIn(s, 0, 5, 3);
  // Member 2: days 1–5; day 2 rejected by a reviewer.
  const rejected: number[] = [];
  for (const day of [1, 2, 3, 4, 5]) {
    const checkin = await checkIn(s, 1, day);
    if (day === 2) rejected.push(checkin.id);
  }
  await ok(s.owner.post(`/api/v1/checkins/${rejected[0]}/review`, { decision: 'reject', reason: '内容与任务无关' }));

  setClock(cst(6));
  const [m1, m2] = s.members;
  const one = await preview(s, `memberNo=${m1!.memberNo}&campaignId=${s.campaignId}`);
  assert.equal(one.text, `乐乐妈妈（学号${m1!.memberNo}）你好！今天是X1 21天单词打卡 第1期第6天（共21天，还剩15天）。你已打卡4天，要求15天，还差11天，打卡率100%，所在群：X1 打卡1群。`);
  assert.deepEqual(one.missing, []);
  assert.deepEqual([one.enrolled, one.member, one.campaign], [true, { memberNo: m1!.memberNo, nickname: '乐乐妈妈' }, { id: s.campaignId, key: 'X1', name: '21天单词打卡 第1期' }]);
  assert.equal(one.values.打卡率, '100%', '5 counted days (the make-up too) of the 5 days before today');
  const home = await ok(m1!.client.get(`/api/m/campaigns/${s.key}`));
  assert.deepEqual([home.progress.countedForRefund, home.progress.requiredForRefund, home.progress.remaining], [4, 15, 11], "the member's page says the same");

  const two = await preview(s, `memberNo=${m2!.memberNo}&campaignId=${s.campaignId}`);
  assert.deepEqual([two.values.打卡天数, two.values.还差天数, two.values.打卡率], ['4', '11', '80%'], 'the rejected day does not count');
  assert.deepEqual(two.missing, [{ variable: '群名', reason: 'no_group' }]);
  assert.match(two.text, /所在群：\{群名\}。$/, 'an unfilled variable stays as written');

  // Today's check-in makes today a day so far: 5 of 6.
  await checkIn(s, 1, 6);
  setClock(cst(6, '12:00:00'));
  assert.equal((await preview(s, `memberNo=${m2!.memberNo}&campaignId=${s.campaignId}`)).values.打卡率, '83%');
});

test('without a deposit the numbers are toward completion; before the start and after the end the day is reported', async () => {
  const s = await setup({ depositCents: 0 });
  for (const day of [1, 2, 3]) await checkIn(s, 0, day);
  setClock(cst(4, '09:00:00'));
  const m1 = s.members[0]!;
  const filled = await preview(s, `memberNo=${m1.memberNo}&campaignId=${s.campaignId}`);
  assert.deepEqual([filled.values.打卡天数, filled.values.要求天数, filled.values.还差天数, filled.values.第几天, filled.values.剩余天数], ['3', '12', '9', '4', '17']);

  setClock('2026-11-28T10:00:00+08:00');
  const early = await preview(s, `memberNo=${m1.memberNo}&campaignId=${s.campaignId}`);
  assert.deepEqual(early.missing, [{ variable: '第几天', reason: 'before_start' }, { variable: '打卡率', reason: 'before_start' }]);
  assert.equal(early.values.剩余天数, '21');

  setClock('2026-12-30T10:00:00+08:00');
  const late = await preview(s, `memberNo=${m1.memberNo}&campaignId=${s.campaignId}`);
  assert.deepEqual(late.missing, [{ variable: '第几天', reason: 'after_end' }]);
  assert.deepEqual([late.values.剩余天数, late.values.打卡率], ['0', '14%'], '3 of all 21 days');
});

test('unfilled variables are reported with why: no member, no campaign, not enrolled', async () => {
  const s = await setup({ depositCents: 9900 });
  setClock(cst(3));
  const none = await preview(s, '');
  assert.equal(none.text, SCRIPT);
  assert.deepEqual(none.missing.map((m: { reason: string }) => m.reason), ['no_member', 'no_member', 'no_campaign', 'no_campaign', 'no_campaign', 'no_campaign', 'no_member', 'no_campaign', 'no_member', 'no_member', 'no_member']);
  assert.deepEqual([none.member, none.campaign, none.enrolled], [null, null, null]);

  const memberOnly = await preview(s, `memberNo=${s.members[0]!.memberNo}`);
  assert.deepEqual(Object.keys(memberOnly.values), ['昵称', '学号']);
  assert.ok(memberOnly.missing.every((m: { reason: string }) => m.reason === 'no_campaign'));

  const campaignOnly = await preview(s, `campaignId=${s.campaignId}`);
  assert.deepEqual(Object.keys(campaignOnly.values).sort(), ['剩余天数', '营期', '总天数', '第几天', '要求天数'].sort());
  assert.deepEqual(campaignOnly.missing.map((m: { variable: string; reason: string }) => `${m.variable}:${m.reason}`), ['昵称:no_member', '学号:no_member', '打卡天数:no_member', '还差天数:no_member', '打卡率:no_member', '群名:no_member']);

  const stranger = await ok(s.owner.post('/api/v1/members', { nickname: '路人' }), 201);
  const notEnrolled = await preview(s, `memberNo=${stranger.memberNo}&campaignId=${s.campaignId}`);
  assert.equal(notEnrolled.enrolled, false);
  assert.deepEqual(notEnrolled.missing.map((m: { variable: string; reason: string }) => `${m.variable}:${m.reason}`), ['打卡天数:not_enrolled', '还差天数:not_enrolled', '打卡率:not_enrolled', '群名:not_enrolled']);
  assert.equal(notEnrolled.values.第几天, '3');

  // Another workspace's member number and campaign: 404 naming the field, and nothing counted.
  const other = await createWorkspace(server);
  const otherOwner = await other.as('owner');
  const series = await ok(otherOwner.post('/api/v1/series', { key: 'Y', name: '别处' }), 201);
  const theirs = (await ok(otherOwner.post('/api/v1/campaigns', { seriesId: series.id, name: '别处一期', startsOn: '2026-12-01', endsOn: '2026-12-21' }), 201)).id;
  assertError(await s.owner.get(`/api/v1/problem-answers/${s.answerId}/preview?campaignId=${theirs}`), 404, 'campaign.not_found', 'campaignId');
  assertError(await s.owner.get(`/api/v1/problem-answers/${s.answerId}/preview?memberNo=99999`), 404, 'member.not_found', 'memberNo');
  assertError(await s.owner.post(`/api/v1/problem-answers/${s.answerId}/use`, { campaignId: theirs }), 404, 'campaign.not_found', 'campaignId');
  assertError(await s.owner.post(`/api/v1/problem-answers/${s.answerId}/use`, { memberNo: 99999 }), 404, 'member.not_found', 'memberNo');
  assertError(await otherOwner.post(`/api/v1/problem-answers/${s.answerId}/use`, {}), 404, 'problem_answer.not_found');
  assert.equal((await ok(s.owner.get(`/api/v1/problem-answers/${s.answerId}/preview`))).useCount, 0, 'previews and refusals counted nothing');
});

test('uses are counted atomically: concurrent uses all count, each in the counter and the use log; previews count nothing', async () => {
  const s = await setup({ depositCents: 9900 });
  setClock(cst(2));
  const m1 = s.members[0]!;
  for (let i = 0; i < 3; i++) await preview(s, `memberNo=${m1.memberNo}`);
  const N = 20;
  const results = await Promise.all(Array.from({ length: N }, () => ok(s.owner.post(`/api/v1/problem-answers/${s.answerId}/use`, { memberNo: m1.memberNo, campaignId: s.campaignId }))));
  assert.deepEqual(results.map((r) => r.useCount).sort((a, b) => a - b), Array.from({ length: N }, (_, i) => i + 1), 'each use saw its own count');
  assert.ok(results.every((r) => r.text.startsWith('乐乐妈妈')));
  const problem = await ok(s.owner.get(`/api/v1/problems/${(await ok(s.owner.get('/api/v1/problems'))).items[0].id}`));
  assert.equal(problem.useCount, N);
  assert.equal(problem.answers[0].useCount, N);
  assert.equal(problem.answers[0].lastUsedAt, new Date(cst(2)).toISOString());
  const log = await server.services.database.db.selectFrom('answer_uses').select(['member_id', 'staff_id']).where('answer_id', '=', s.answerId).execute();
  assert.equal(log.length, N);
  assert.ok(log.every((u) => u.member_id === m1.id && u.staff_id !== null));
  // A use of a deleted answer is a 404 and leaves nothing behind.
  await ok(s.owner.delete(`/api/v1/problem-answers/${s.answerId}`), 204);
  assertError(await s.owner.post(`/api/v1/problem-answers/${s.answerId}/use`, {}), 404, 'problem_answer.not_found');
  assert.equal((await server.services.database.db.selectFrom('answer_uses').select('id').where('answer_id', '=', s.answerId).execute()).length, 0);
});

test('statistics: uses in a period of whole local days, the most used answers first, answers never used', async () => {
  const s = await setup({ depositCents: 9900 });
  const p = await ok(s.owner.post('/api/v1/problems', { title: '押金什么时候退？', answers: ['结营后 7 个工作日内退回', '请耐心等待', '从没用过的答案'] }), 201);
  const [refund, wait] = p.answers.map((a: { id: number }) => a.id);
  const use = async (answerId: number, instant: string) => {
    setClock(instant);
    await ok(s.owner.post(`/api/v1/problem-answers/${answerId}/use`, {}));
  };
  await use(refund, '2026-12-01T00:10:00+08:00'); // Dec 1 local, Nov 30 in UTC
  await use(refund, '2026-12-02T12:00:00+08:00');
  await use(refund, '2026-12-03T23:50:00+08:00'); // Dec 3 local, still Dec 3 in UTC
  await use(wait, '2026-12-02T09:00:00+08:00');
  await use(s.answerId, '2026-12-04T00:05:00+08:00'); // Dec 4 local, Dec 3 in UTC: outside Dec 1–3
  await use(s.answerId, '2026-11-30T23:59:00+08:00'); // Nov 30 local, outside

  const stats = await ok(s.owner.get('/api/v1/problem-stats?from=2026-12-01&to=2026-12-03'));
  assert.equal(stats.uses, 4);
  assert.deepEqual(stats.top.map((t: { answerId: number; uses: number; useCount: number }) => [t.answerId, t.uses, t.useCount]), [[refund, 3, 3], [wait, 1, 1]]);
  assert.equal(stats.top[0].problemTitle, '押金什么时候退？');
  assert.equal(stats.top[0].lastUsedAt, new Date('2026-12-03T23:50:00+08:00').toISOString());
  assert.deepEqual([stats.answers, stats.neverUsed], [4, 1]);
  assert.ok(stats.definitions.uses.includes('workspace time zone'));

  setClock('2026-12-04T20:00:00+08:00');
  const recent = await ok(s.owner.get('/api/v1/problem-stats?limit=1'));
  assert.deepEqual([recent.from, recent.to, recent.uses, recent.top.length], ['2026-11-05', '2026-12-04', 6, 1], 'default: the last 30 days to today');
  assertError(await s.owner.get('/api/v1/problem-stats?from=2026-12-05&to=2026-12-01'), 400, 'problem.invalid_period', 'from');
  assertError(await s.owner.get('/api/v1/problem-stats?from=2025-01-01&to=2026-12-01'), 400, 'problem.period_too_long', 'to');
  assertError(await s.owner.get('/api/v1/problem-stats?from=2026-02-30'), 400, 'validation.failed', 'from');
});
