// A channel and its live code in a real browser: staff create a channel and put a group in its pool; a visitor on
// a phone opens the short link and sees that group's QR; the channel's figures count the visit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkImage } from '../../server/src/groups/qr-image.js';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn, TINY_PNG as PNG } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;


before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  await server.services.staff.create(ws.ctx, { username: 'lead', displayName: '王运营', password: PASSWORD, role: 'admin' });
  // The first group of the pool has reached its capacity (one seat, taken), so visitors go to the second.
  const full = await server.services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡1群', capacity: 1 });
  const open = await server.services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡2群' });
  for (const group of [full, open]) await server.services.groups.setQr(ws.ctx, group.id, PNG, checkImage(PNG));
  const member = await server.services.members.create(ws.ctx, { nickname: '小明妈妈' });
  await server.services.groups.memberships.join(ws.ctx, full.id, { memberNo: member.memberNo });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('create a channel, pool two groups, visit the short link on a phone, see the visit counted', { skip }, async () => {
  const page = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'lead');

  await page.goto(`${server.url}/channels`);
  await page.getByTestId('create-channel').click();
  await page.getByTestId('channel-name-input').fill('朋友圈海报');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  const [channel] = await server.services.channels.list(ws.ctx, false);
  assert.equal(channel?.name, '朋友圈海报');

  await page.goto(`${server.url}/channels/${channel.id}`);
  for (const name of ['X1 打卡1群', 'X1 打卡2群']) {
    await page.getByTestId('pool-add-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
  }
  await page.getByTestId('pool-save').click();
  await page.getByTestId('pool-available').filter({ hasText: '1' }).waitFor();
  assert.deepEqual((await server.services.channels.list(ws.ctx, false))[0]!.pool.map((g) => g.name), ['X1 打卡1群', 'X1 打卡2群']);

  const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await phone.goto(`${server.url}/c/${channel.code}`);
  assert.match(await phone.locator('body').innerText(), /X1 打卡2群/, 'the group at capacity is passed over');
  // The page's content policy allows no scripts to fetch, so the image is fetched from here.
  const src = await phone.locator('img').first().getAttribute('src');
  assert.equal((await fetch(new URL(src!, server.url))).headers.get('content-type'), 'image/png');
  assert.ok(await phone.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the browser drew the QR');
  await phone.close();

  const stats = await server.services.channels.stats(ws.ctx, channel.id, {});
  assert.equal(stats.visits, 1);
  assert.equal(stats.byGroup.find((g) => g.name === 'X1 打卡2群')?.routed, 1);
  await page.reload();
  const row = page.getByTestId('stats-by-group').locator('tr', { hasText: 'X1 打卡2群' });
  await row.waitFor();
  assert.match(await row.innerText(), /X1 打卡2群\s+1\b/, 'the console shows the routed visit');
  await page.close();
});
