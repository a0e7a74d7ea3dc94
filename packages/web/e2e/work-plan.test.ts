// The work plan in a real browser: a team lead sets the team's key focus of the week, adds work of the three
// categories in reverse priority order, and sees it listed 规划 → 日常 → 事务 under the focus; a status change inline
// reaches the server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
let teamId = 0;

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  teamId = (await server.services.staff.createTeam(ws.ctx, { name: '运营一组' })).id;
  const lead = await server.services.staff.create(ws.ctx, { username: 'lead', displayName: '李老师', password: PASSWORD, role: 'operator', teamId });
  await server.services.staff.updateTeam(ws.ctx, teamId, { leadStaffId: lead.id });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Picks an option of an antd Select by its label (only the open dropdown's options are visible). */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: label, visible: true }).click();
}

test('a lead sets the focus, adds 事务 → 日常 → 规划, and sees 规划 → 日常 → 事务 under the focus', { skip }, async () => {
  const page = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'lead');
  await page.goto(`${server.url}/ops/work`);
  await page.getByTestId('quick-add-title').waitFor();

  await page.getByTestId(`focus-set-${teamId}`).click();
  await page.getByTestId('focus-title-input').fill('X4 招募：两组共 400 报名');
  await page.getByTestId('focus-description-input').fill('每天朋友圈两条');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  const banner = page.getByTestId('focus-banner');
  await banner.filter({ hasText: 'X4 招募：两组共 400 报名' }).waitFor();
  assert.match(await banner.innerText(), /运营一组/);
  const week = (await server.services.workPlan.weekFocus(ws.ctx)).items;
  assert.deepEqual(week.map((f) => [f.teamId, f.title, f.description]), [[teamId, 'X4 招募：两组共 400 报名', '每天朋友圈两条']]);

  for (const [label, title] of [['事务', '提交周报给行政'], ['日常', '晚 8 点打卡提醒'], ['规划', '设计老带新激励']] as const) {
    await choose(page, 'quick-add-category', label);
    await page.getByTestId('quick-add-title').fill(title);
    await page.getByTestId('quick-add-title').press('Enter');
    await page.getByTestId('work-item-title').filter({ hasText: title }).waitFor();
  }
  const titles = page.getByTestId('work-item-title');
  assert.deepEqual(await titles.allInnerTexts(), ['设计老带新激励', '晚 8 点打卡提醒', '提交周报给行政']);
  assert.deepEqual(await titles.evaluateAll((els) => els.map((el) => el.getAttribute('data-category'))), ['planning', 'routine', 'transactional']);
  const bannerBox = await banner.boundingBox();
  const firstItemBox = await titles.first().boundingBox();
  assert.ok(bannerBox && firstItemBox && bannerBox.y + bannerBox.height <= firstItemBox.y, 'the focus is shown above the list');

  // Inline status: the planning item is done, and the section's count says so.
  const planning = (await server.services.workPlan.list(ws.ctx, { owner: 'all', sort: 'category', limit: 10, category: ['planning'] })).items[0]!;
  await choose(page, `work-status-${planning.id}`, '已完成');
  await page.getByTestId('work-count-planning').filter({ hasText: '完成 1/1' }).waitFor();
  assert.equal((await server.services.workPlan.get(ws.ctx, planning.id)).status, 'done');
  await page.close();
});
