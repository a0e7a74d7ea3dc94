// Goals in a real browser: a lead creates a signups goal for a campaign in the console and sees its daily split per
// team; day 1's signups arrive through the staff API (the server's clock moved to that day), and on day 2 the page
// shows the re-planned targets beside the original plan, per team.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { ok } from '../../server/test/api-checks.js';
import { createWorkspace, PASSWORD, startServer, type Client, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
let lead: Client;
const f = { campaignId: 0, t1: 0, t2: 0, c1: 0, c2: 0, memberNos: [] as number[] };

const at = (day: string, time: string) => server.services.clock.set(`${day}T${time}:00+08:00`);

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  const s = server.services;
  at('2030-03-01', '10:00');
  lead = await ws.as('admin', 'lead');
  f.t1 = (await s.staff.createTeam(ws.ctx, { name: '运营一组' })).id;
  f.t2 = (await s.staff.createTeam(ws.ctx, { name: '运营二组' })).id;
  const li = await s.staff.create(ws.ctx, { username: 'li', displayName: '李老师', password: PASSWORD, role: 'operator', teamId: f.t1 });
  const chen = await s.staff.create(ws.ctx, { username: 'chen', displayName: '陈老师', password: PASSWORD, role: 'operator', teamId: f.t2 });
  const series = await s.campaigns.createSeries(ws.ctx, { key: 'X', name: '21天单词打卡' });
  f.campaignId = (await s.campaigns.createCampaign(ws.ctx, { seriesId: series.id, name: '春季营', startsOn: '2030-03-11', endsOn: '2030-03-31' })).id;
  // Each teacher's poster is a channel: a signup through it is credited to the teacher's team.
  f.c1 = (await s.channels.create(ws.ctx, { name: '李老师海报', ownerStaffId: li.id })).id;
  f.c2 = (await s.channels.create(ws.ctx, { name: '陈老师海报', ownerStaffId: chen.id })).id;
  for (let i = 1; i <= 8; i++) f.memberNos.push((await s.members.create(ws.ctx, { nickname: `家长${i}` })).memberNo);
  browser = await launchChromium();
});

after(async () => {
  server?.services.clock.set(null);
  await browser?.close();
  await server?.close();
});

/** Picks an option of an antd Select by its text. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function pickDate(page: Page, testId: string, day: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

const visibleTable = (page: Page): Locator => page.locator('[data-testid="goal-day-table"]:visible');
const column = (page: Page, cell: string) => visibleTable(page).locator(`[data-testid="${cell}"]`).allInnerTexts();

test('create a goal → see the daily split → day 1 signups arrive → the re-planned targets show', { skip }, async () => {
  const page = await signIn(await browser.newPage({ viewport: { width: 1440, height: 1000 } }), server.url, ws.key, 'lead');
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}/ops/goals`);
  await page.getByTestId('create-goal').click();
  await page.getByTestId('goal-name').fill('春季营招募 100 人');
  await page.getByTestId('goal-metric-definition').waitFor();
  await choose(page, 'goal-scope-kind', '营期');
  await choose(page, 'goal-scope-id', 'X1 · 春季营');
  await pickDate(page, 'goal-starts-on', '2030-03-02');
  await pickDate(page, 'goal-ends-on', '2030-03-06');
  await page.getByTestId('goal-target').fill('100');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.getByTestId('goal-title').filter({ hasText: '春季营招募 100 人' }).waitFor();
  const [goal] = await server.services.goals.list(ws.ctx, 'active');
  assert.equal(goal?.target, 100);
  assert.deepEqual(goal?.teams.map((t) => [t.teamName, t.target]), [['运营一组', 50], ['运营二组', 50]], 'every team, evenly');
  assert.equal(goal?.scope.id, f.campaignId);

  // The daily split: 20 a day for the goal, 10 a day for each team.
  await visibleTable(page).waitFor();
  assert.deepEqual(await column(page, 'cell-planned'), ['20', '20', '20', '20', '20']);
  assert.deepEqual(await column(page, 'cell-replanned'), ['20', '20', '20', '20', '20']);
  await page.getByTestId(`goal-line-team-${f.t1}`).click();
  assert.deepEqual(await column(page, 'cell-planned'), ['10', '10', '10', '10', '10']);
  await page.locator('[data-testid="goal-chart"]:visible canvas').first().waitFor();

  // Day 1: six signups through 李老师's poster, two through 陈老师's, made with the staff API.
  at('2030-03-02', '11:00');
  for (const [i, memberNo] of f.memberNos.entries()) {
    await ok(lead.post(`/api/v1/campaigns/${f.campaignId}/enrollments`, { memberNo, channelId: i < 6 ? f.c1 : f.c2 }), 201);
  }
  // The next morning the page shows what is left spread over the four days left.
  at('2030-03-03', '09:00');
  await page.reload();
  await visibleTable(page).waitFor();
  assert.deepEqual(await column(page, 'cell-actual'), ['8', '0', '—', '—', '—']);
  assert.deepEqual(await column(page, 'cell-planned'), ['20', '20', '20', '20', '20'], 'the original plan stays');
  assert.deepEqual(await column(page, 'cell-replanned'), ['20', '23', '23', '23', '23'], '(100 − 8) / 4');
  await page.getByTestId(`goal-line-team-${f.t1}`).click();
  assert.deepEqual(await column(page, 'cell-replanned'), ['10', '11', '11', '11', '11'], '运营一组: (50 − 6) / 4');
  await page.getByTestId(`goal-line-team-${f.t2}`).click();
  assert.deepEqual(await column(page, 'cell-replanned'), ['10', '12', '12', '12', '12'], '运营二组: (50 − 2) / 4');
  assert.match(await page.getByTestId('goal-time-elapsed').innerText(), /20\.0%/);
  assert.match(await page.getByTestId('goal-achieved').innerText(), /8\s*\/\s*100/);

  // The definition of a re-planned target is one hover away.
  await visibleTable(page).locator('[data-testid="def-replanned"]').first().hover();
  assert.match(await page.getByTestId('definition-popover').innerText(), /小组目标 − 该日之前的累计完成/);

  // The list shows where the goal stands.
  await page.goto(`${server.url}/ops/goals`);
  assert.match(await page.getByTestId(`goal-standing-${goal!.id}`).innerText(), /8\.0%/);
  await page.close();
});
