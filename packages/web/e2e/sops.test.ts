// SOPs in a real browser: a manager applies a template to a campaign in the console; two group owners complete
// their day-1 task from their today list, one within the window and one after it (the server's clock moved between
// them); the statistics page shows the punctuality, and the points ledger shows +1 and −1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
const ids = { li: 0, chen: 0, campaign: 0, template: 0 };

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  const { services } = server;
  // Shanghai, the night before the camp's first day.
  services.clock.set('2026-03-09T15:00:00Z');
  await services.staff.create(ws.ctx, { username: 'lead', displayName: '王运营', password: PASSWORD, role: 'admin' });
  ids.li = (await services.staff.create(ws.ctx, { username: 'li', displayName: '李老师', password: PASSWORD, role: 'operator' })).id;
  ids.chen = (await services.staff.create(ws.ctx, { username: 'chen', displayName: '陈老师', password: PASSWORD, role: 'operator' })).id;
  const series = await services.campaigns.createSeries(ws.ctx, { key: 'X', name: '单词打卡' });
  ids.campaign = (await services.campaigns.createCampaign(ws.ctx, {
    seriesId: series.id, name: '3天单词营', startsOn: '2026-03-10', endsOn: '2026-03-12',
    rules: { daysTotal: 3, daysRequiredForCompletion: 2, daysRequiredForRefund: 2 },
  })).id;
  await services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡1群', ownerStaffId: ids.li, campaignId: ids.campaign });
  await services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡2群', ownerStaffId: ids.chen, campaignId: ids.campaign });
  ids.template = (await services.sops.templates.create(ws.ctx, {
    name: '开营日 SOP', description: '',
    steps: [{ title: '开营早安', triggerKind: 'campaign_day', triggerValue: '1', windowStart: '08:30', windowEnd: '09:00', action: 'message', role: 'group_owner', content: '早安！欢迎来到{群名}，今天是{营期}第{第几天}天，{昵称}加油', attachments: [] }],
  })).id;
  browser = await launchChromium();
});

after(async () => {
  server?.services.clock.set(null);
  await browser?.close();
  await server?.close();
});

/**
 * Picks an option of an antd Select. On a busy machine the dropdown may still be opening when the option is clicked
 * and the click is lost: the choice is checked on the select itself and made again if it did not take.
 */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
    if ((await select.innerText()).includes(option)) return;
    await page.keyboard.press('Escape');
  }
  assert.fail(`could not choose "${option}" in ${testId}`);
}

/** OK on the open dialog, and the dialog closes; when it does not, the failure says what the dialog shows. */
async function submitModal(page: Page): Promise<void> {
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  try {
    await page.locator('.ant-modal').waitFor({ state: 'hidden', timeout: 20_000 });
  } catch {
    assert.fail(`the dialog stayed open: ${await page.locator('.ant-modal').innerText()}`);
  }
}

/** A staff member marks their one task of today done from /ops/today, with a note. */
async function completeFromToday(username: string, note: string): Promise<{ overdueBefore: boolean; page: Page }> {
  const page = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, username);
  await page.goto(`${server.url}/ops/today`);
  const card = page.getByTestId('today-task').filter({ hasText: '开营早安' });
  await card.waitFor();
  assert.match(await card.getByTestId('task-content').innerText(), /早安！欢迎来到X1 打卡\d群，今天是X1 3天单词营第1天，\{昵称\}加油/, 'the group values are filled, the member ones left');
  const overdueBefore = (await card.getByTestId('task-overdue').count()) > 0;
  await card.getByTestId('task-complete').click();
  await page.getByTestId('complete-proof-text').fill(note);
  await submitModal(page);
  await card.getByTestId('task-proof').waitFor();
  return { overdueBefore, page };
}

test('apply a template to a campaign → one owner on time, one late → punctuality and the points ledger', { skip }, async () => {
  const lead = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'lead');
  await lead.goto(`${server.url}/ops/sops`);
  const row = lead.getByTestId('sop-template-row').filter({ hasText: '开营日 SOP' });
  await row.getByTestId('sop-apply').click();
  await choose(lead, 'apply-campaign', 'X1 3天单词营');
  await submitModal(lead);
  const [application] = await server.services.sops.applications.list(ws.ctx, {});
  assert.equal(application?.campaign?.id, ids.campaign);
  assert.equal(application.tasks.total, 2, 'one task per group');
  await lead.goto(`${server.url}/ops/sops?tab=applications`);
  assert.match(await lead.getByTestId('application-task-counts').innerText(), /2/);

  // 08:40 in Shanghai: inside the 08:30–09:00 window.
  server.services.clock.set('2026-03-10T00:40:00Z');
  const li = await completeFromToday('li', '已在群里发早安');
  assert.equal(li.overdueBefore, false);
  assert.equal(await li.page.getByTestId('today-task').getByTestId('task-status').getAttribute('data-status'), 'done');
  await li.page.close();

  // 09:30: the window is over; the task is shown overdue and counts late.
  server.services.clock.set('2026-03-10T01:30:00Z');
  const chen = await completeFromToday('chen', '补发了早安');
  assert.equal(chen.overdueBefore, true, 'the task was marked overdue before it was done');
  assert.equal(await chen.page.getByTestId('today-task').getByTestId('task-status').getAttribute('data-status'), 'late');
  await chen.page.close();

  // Statistics of the last 7 days (the server's default period) by person.
  await lead.goto(`${server.url}/ops/sops?tab=stats`);
  const stats = lead.getByTestId('sop-stats-table');
  const person = (id: number) => stats.locator(`[data-testid="stats-row"][data-key="${id}"]`);
  await person(ids.li).waitFor();
  assert.equal(await person(ids.li).getByTestId('stats-punctuality').innerText(), '100% (1/1)');
  assert.equal(await person(ids.chen).getByTestId('stats-punctuality').innerText(), '0% (0/1)');
  assert.equal(await person(ids.chen).getByTestId('stats-completion').innerText(), '100% (1/1)', 'late still counts as completed');
  assert.equal(await lead.getByTestId('stats-total-punctuality').innerText(), '50% (1/2)');

  // The points ledger: on time +1, late −1 (the default rules).
  for (const [staffId, balance] of [[ids.li, '1'], [ids.chen, '-1']] as const) {
    await lead.goto(`${server.url}/ops/points?tab=ledger&staff=${staffId}`);
    await lead.getByTestId('points-balance').waitFor();
    assert.equal(await lead.getByTestId('points-balance').innerText(), balance);
    const rows = lead.getByTestId('points-ledger').getByTestId('ledger-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, 'one entry for the one task');
    assert.match(await rows.first().innerText(), new RegExp(balance === '1' ? '\\+1' : '-1'));
  }
  await lead.close();
});
