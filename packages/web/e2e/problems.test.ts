// The problem bank in a real browser: an operator searches in Chinese, opens the problem, fills an answer for an
// enrolled member (whose check-ins were made on their days), copies it to the clipboard and sees the reuse counted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn } from './browser.js';

const skip = chromiumMissing();
/** 10:00 (or another time) in Shanghai on a day of March 2030, when the campaign runs. */
const onDay = (day: number, hhmm = '10:00') => `2030-03-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const ANSWER = '{昵称}您好，您目前已打卡{打卡天数}天，要求{要求天数}天，还差{还差天数}天。今天是第{第几天}天，还剩{剩余天数}天，加油！';

let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
let memberNo = 0;
let refundProblemId = 0;

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  const s = server.services;
  await s.staff.create(ws.ctx, { username: 'banzhuren', displayName: '李老师', password: PASSWORD, role: 'operator' });
  s.clock.set(onDay(1, '08:00'));
  const series = await s.campaigns.createSeries(ws.ctx, { key: 'X', name: '21天单词打卡' });
  const campaign = await s.campaigns.createCampaign(ws.ctx, {
    seriesId: series.id, name: '21天单词打卡 第1期', depositCents: 9900, startsOn: '2030-03-01', endsOn: '2030-03-21', timezone: 'Asia/Shanghai',
  });
  // 乐乐妈妈 checks in on days 1, 3, 4 and 5 (not day 2): 4 of the 15 days the refund needs.
  const member = await s.members.create(ws.ctx, { nickname: '乐乐妈妈' });
  memberNo = member.memberNo;
  await s.enrollments.enroll(ws.ctx, campaign.id, { memberNo });
  const { sessionId } = await s.memberSessions.create(s.database.db, ws.id, member.id, 'dev');
  const me = { workspaceId: ws.id, memberId: member.id, memberNo, nickname: '乐乐妈妈', sessionId };
  for (const day of [1, 3, 4, 5]) {
    s.clock.set(onDay(day));
    await s.checkins.checkIn(me, campaign.key, { text: `Day${day} 背了 20 个单词` }, []);
  }
  s.clock.set(onDay(6));

  const refund = await s.problems.categories.create(ws.ctx, { name: '押金退款' });
  const join = await s.problems.categories.create(ws.ctx, { name: '入群/进不了群' });
  refundProblemId = (await s.problems.create(ws.ctx, {
    title: '押金什么时候退款？', categoryId: refund.id, tags: ['押金'], campaignId: campaign.id, answers: ['结营后 7 个工作日内原路退回。', ANSWER],
  })).id;
  await s.problems.create(ws.ctx, { title: '扫码进不了群怎么办', categoryId: join.id, tags: ['二维码'], answers: ['请回到报名页重新扫码，二维码每 7 天更新。'] });
  await s.problems.create(ws.ctx, { title: '课程回放在哪里看', answers: ['在公众号「我的课程」里。'] });
  browser = await launchChromium();
});

after(async () => {
  server?.services.clock.set(null);
  await browser?.close();
  await server?.close();
});

/** The titles listed once they equal `expected` (the list reloads after each change), or fails after 10 s. */
async function listed(page: Page, expected: string[]): Promise<void> {
  let titles: string[] = [];
  for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(100)) {
    titles = await page.getByTestId('problems-table').getByTestId('problem-link').allInnerTexts();
    if (JSON.stringify(titles) === JSON.stringify(expected)) return;
  }
  assert.deepEqual(titles, expected);
}

async function search(page: Page, q: string, expected: string[]): Promise<void> {
  await page.getByTestId('problem-search').fill(q);
  await page.getByTestId('problem-search-submit').click();
  await page.waitForURL((url) => url.searchParams.get('q') === q);
  await listed(page, expected);
}

test('search in Chinese, open a problem, copy an answer filled for a member, and the reuse count goes up', { skip }, async () => {
  const page = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'banzhuren');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(`${server.url}/ops/problems`);
  await listed(page, ['课程回放在哪里看', '扫码进不了群怎么办', '押金什么时候退款？']);

  await search(page, '退款', ['押金什么时候退款？']);
  await search(page, '进不了', ['扫码进不了群怎么办']);
  await search(page, '原路退回', ['押金什么时候退款？']); // found by its answer

  // The category tree filters as well: 押金退款 holds one problem.
  await page.getByTestId('problem-search').fill('');
  await page.getByTestId('problem-search-submit').click();
  await listed(page, ['课程回放在哪里看', '扫码进不了群怎么办', '押金什么时候退款？']);
  await page.getByTestId('category-node').filter({ hasText: '押金退款' }).click();
  await page.waitForURL((url) => url.searchParams.has('category'));
  await listed(page, ['押金什么时候退款？']);

  await page.getByTestId('problem-link').filter({ hasText: '押金什么时候退款？' }).click();
  await page.waitForURL(`**/ops/problems/${refundProblemId}`);
  const card = page.getByTestId('answer-card').filter({ hasText: '{还差天数}' });
  await card.waitFor();
  assert.match(await card.getByTestId('answer-use-count').innerText(), /\b0\b/);

  await card.getByTestId('answer-copy-open').click();
  await page.getByTestId('copy-member-no').fill(String(memberNo));
  const expected = '乐乐妈妈您好，您目前已打卡4天，要求15天，还差11天。今天是第6天，还剩15天，加油！';
  const preview = page.getByTestId('copy-preview');
  await preview.filter({ hasText: expected }).waitFor();
  assert.equal(await page.getByTestId('copy-missing').count(), 0, 'every variable was filled');
  assert.equal((await server.services.problems.get(ws.ctx, refundProblemId)).useCount, 0, 'the preview counted nothing');

  await page.getByTestId('copy-submit').click();
  await page.locator('.ant-modal').filter({ hasText: expected }).waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  await card.getByTestId('answer-use-count').filter({ hasText: '1' }).waitFor();
  const stored = await server.services.problems.get(ws.ctx, refundProblemId);
  assert.deepEqual(stored.answers.map((a) => a.useCount), [0, 1]);

  // Back in the list, most used first: the problem leads with its one use.
  await page.goto(`${server.url}/ops/problems?sort=reuse`);
  const first = page.getByTestId('problems-table').locator('tbody tr').first();
  await first.filter({ hasText: '押金什么时候退款？' }).waitFor();
  assert.equal(await first.getByTestId('problem-use-count').innerText(), '1');
  await page.close();
});
