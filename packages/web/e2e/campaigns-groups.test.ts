// Campaigns, groups and the matrix in a real browser: the rule reads as a sentence, the matrix shows a campaign's
// group with its members, and a group QR uploaded through the page is stored and served as an image.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../server/src/campaigns/rules.js';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn as signInAs, TINY_PNG as PNG } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
let campaignId: number;
let groupId: number;


before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  await server.services.staff.create(ws.ctx, { username: 'lead', displayName: '王运营', password: PASSWORD, role: 'admin' });
  const series = await server.services.campaigns.createSeries(ws.ctx, { key: 'X', name: '21天单词打卡', theme: '英语' });
  const start = new Date(Date.now() + 3 * 86_400_000);
  const campaign = await server.services.campaigns.createCampaign(ws.ctx, {
    seriesId: series.id, name: '21天单词打卡 第1期', depositCents: 9900,
    startsOn: localDate(start, 'Asia/Shanghai'), endsOn: localDate(new Date(start.getTime() + 20 * 86_400_000), 'Asia/Shanghai'),
    rules: { daysTotal: 21, daysRequiredForCompletion: 15, daysRequiredForRefund: 15 },
  });
  campaignId = campaign.id;
  groupId = (await server.services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡1群', campaignId })).id;
  for (const nickname of ['小明妈妈', '乐乐爸爸']) {
    const member = await server.services.members.create(ws.ctx, { nickname });
    await server.services.groups.memberships.join(ws.ctx, groupId, { memberNo: member.memberNo });
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(): Promise<Page> {
  return signInAs(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'lead');
}

test('the campaign rule reads as a sentence; the matrix shows the group with its members', { skip }, async () => {
  const page = await signIn();
  await page.goto(`${server.url}/campaigns/${campaignId}`);
  assert.match(await page.getByTestId('rule-summary').innerText(), /21 天中打卡满 15 天可退押金 ¥99\.00/);

  await page.goto(`${server.url}/matrix`);
  const card = page.getByTestId('matrix-group').filter({ hasText: 'X1 打卡1群' });
  await card.waitFor();
  assert.match(await card.innerText(), /\b2\b/, 'two members in the group');
  await card.click();
  await page.waitForURL(`**/groups/${groupId}`);
  await page.close();
});

test('a group QR uploaded through the page is stored and served as an image', { skip }, async () => {
  const page = await signIn();
  await page.goto(`${server.url}/groups/${groupId}`);
  await page.getByTestId('qr-section').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('qr-upload').click();
  await (await chooser).setFiles({ name: 'qr.png', mimeType: 'image/png', buffer: PNG });
  const image = page.getByTestId('qr-section').locator('img');
  await image.waitFor();
  const served = await page.evaluate(async (src) => {
    const res = await fetch(src!);
    return { type: res.headers.get('content-type'), nosniff: res.headers.get('x-content-type-options') };
  }, await image.getAttribute('src'));
  assert.deepEqual(served, { type: 'image/png', nosniff: 'nosniff' });
  const group = await server.services.groups.get(ws.ctx, groupId);
  assert.equal(group.qrStatus, 'valid');
  await page.close();
});
