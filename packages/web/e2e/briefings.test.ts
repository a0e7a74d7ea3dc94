// The campaign retrospective in a real browser: open X2's retrospective from the list, read its numbers against
// the goal and X1, type the analysis, insight and an action, save, open the print view and find the numbers and the
// text there — with the console's menu and header hidden when the page is printed. Then the daily report and the
// morning board open with their figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { Fixture } from '../../server/test/reports-fixture.js';
import { chromiumMissing, launchChromium, signIn } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
const id = { x2: 0, owner: 0 };

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  server.services.clock.set('2026-04-01T02:00:00.000Z');
  id.owner = (await server.services.staff.create(ws.ctx, { username: 'lead', displayName: '王组长', password: PASSWORD, role: 'admin' })).id;
  const db = server.services.database.db;
  const f = new Fixture(server, ws.id);
  const series = await f.series('X');
  const rules = { daysTotal: 5, daysRequiredForCompletion: 4, daysRequiredForRefund: 4 };
  const x1 = await f.campaign(series, 'X1', 1, '2026-01-05', '2026-01-09', rules);
  id.x2 = await f.campaign(series, 'X2', 2, '2026-03-02', '2026-03-06', rules);
  const group = await f.group('X2 共读群', id.x2);
  await db.updateTable('chat_groups').set({ owner_staff_id: id.owner }).where('id', '=', group).execute();
  // X1: two signups, both checked in on day 1. X2: three signups (all in the group), two checked in on day 1.
  for (const [campaign, days] of [[x1, [[1, 2, 3, 4], [1]]], [id.x2, [[1, 2, 3, 4, 5], [1, 2], []]]] as const) {
    for (const checkins of days) {
      const member = await f.member('家长');
      const enrollment = await f.enroll(campaign, member, { paidCents: 9900, createdAt: '2025-12-20T00:00:00.000Z' });
      if (campaign === id.x2) await f.membership(group, member, '2026-03-01T00:00:00.000Z');
      for (const day of checkins) await f.checkin(enrollment, day, { at: '2026-01-05T04:00:00.000Z' });
    }
  }
  await db.insertInto('goals').values({
    workspace_id: ws.id, name: 'X2 招生 10 人', metric: 'signups', scope_kind: 'campaign', scope_id: id.x2, starts_on: '2026-02-20', ends_on: '2026-03-01',
    target: 10, split: 'even', weekday_weights: null, description: '', created_by: null, created_at: '2026-02-01T00:00:00Z', updated_at: '2026-02-01T00:00:00Z', archived_at: null,
  }).execute();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('write a retrospective and print it without the console around it', { skip }, async () => {
  const page = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'lead');
  page.setDefaultTimeout(60_000);

  await page.goto(`${server.url}/ops/retros`);
  await page.getByTestId('retros-table').getByText('Campaign X2').click();
  await page.waitForURL(`**/ops/retros/${id.x2}`);
  const signups = page.getByTestId('retro-metric-signups');
  await signups.waitFor();
  // 3 signups against a target of 10 (未达成), 2 in X1 before: +1.
  assert.match(await signups.innerText(), /报名人数\s+3\s+10\s+未达成\s+2\s+\+1/);
  assert.match(await page.getByTestId('retro-metric-day1_checkin_rate').innerText(), /66\.7%（2 \/ 3）/);

  const analysis = '第 2 天起有一位家长断卡，私聊晚了一天。';
  const insight = '开营前一天逐个私聊确认第一次打卡。';
  await page.getByTestId('retro-analysis').fill(analysis);
  await page.getByTestId('retro-insight').fill(insight);
  await page.getByTestId('retro-action-add').click();
  await page.getByTestId('retro-action-what').fill('D-1 私聊确认写进 SOP');
  await page.getByTestId('retro-save').click();
  await page.getByText('王组长 修改于').waitFor();
  const stored = await server.services.briefings.retrospective(ws.ctx, id.x2);
  assert.deepEqual([stored.retrospective?.analysis, stored.retrospective?.insight, stored.retrospective?.actions.map((a) => a.what)], [analysis, insight, ['D-1 私聊确认写进 SOP']]);

  await page.getByTestId('retro-print-link').click();
  await page.waitForURL(`**/ops/retros/${id.x2}/print`);
  await page.getByTestId('print-analysis').waitFor();
  assert.equal(await page.getByTestId('print-analysis').innerText(), analysis);
  assert.equal(await page.getByTestId('print-insight').innerText(), insight);
  assert.match(await page.getByTestId('print-actions').innerText(), /D-1 私聊确认写进 SOP/);
  assert.match(await page.getByTestId('retro-print').getByTestId('retro-metric-signups').innerText(), /报名人数\s+3\s+10\s+未达成\s+2\s+\+1/);
  assert.ok(await page.locator('.ant-layout-sider').isVisible(), 'on screen the console menu is still there');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.ant-layout-sider').isVisible(), false, 'the menu is not printed');
  assert.equal(await page.locator('.ant-layout-header').isVisible(), false, 'the header is not printed');
  assert.equal(await page.getByTestId('retro-print-button').isVisible(), false, 'the print button is not printed');
  assert.ok(await page.getByTestId('print-analysis').isVisible(), 'the analysis is printed');
  assert.ok(await page.getByTestId('retro-print').getByTestId('retro-metric-signups').isVisible(), 'the numbers are printed');
  await page.emulateMedia({ media: 'screen' });
  await page.close();
});

test('the daily report and the morning board open with their figures', { skip }, async () => {
  const page = await signIn(await browser.newPage({ viewport: { width: 1366, height: 900 } }), server.url, ws.key, 'lead');
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}/ops/daily?date=2026-03-02`);
  await page.getByTestId('daily-report').waitFor();
  assert.equal(await page.getByTestId('daily-staff-name').innerText(), '王组长');
  // Day 1 of X2 in the group the lead owns: 2 of 3 checked in.
  assert.match(await page.getByTestId('daily-fig-checkinRate').innerText(), /66\.7%[\s\S]*2 \/ 3/);
  assert.match(await page.getByTestId('daily-absentees').innerText(), /家长/);

  await page.goto(`${server.url}/ops/morning?team=all&date=2026-03-04`);
  await page.getByTestId('morning-board').waitFor();
  const campaigns = await page.getByTestId('morning-campaigns').innerText();
  assert.match(campaigns, /X2/);
  assert.match(campaigns, /第 2\/5 天/);
  await page.getByTestId('morning-curve').locator('canvas').waitFor();
  await page.close();
});
