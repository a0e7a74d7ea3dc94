// 运营指数 in a real browser on the demo workspace: every report page opens from the menu group, a campaign (or
// series) is picked, a chart canvas is drawn, a number shown equals the same API request made here, and the
// definition popover explains it. Also: the empty state before a choice, a 400 shown with the field it names,
// English labels, the activity setting (owner only) round-tripping through PUT /reports/settings.
// QUNYUN_SCREENSHOTS=<dir> saves a full-page PNG of every report.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_LOGIN, seedDemo } from '../../server/src/demo/seed.js';
import { startServer, type TestServer } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium } from './browser.js';

const skip = chromiumMissing();
const SHOTS = process.env.QUNYUN_SCREENSHOTS;
let server: TestServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await startServer();
  await seedDemo(server.services, { key: DEMO_LOGIN.workspace });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(username: string = DEMO_LOGIN.username, lang?: 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const log: string[] = [];
  reportRequests.set(page, log);
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname.startsWith('/api/v1/reports/')) log.push(url.pathname + url.search);
  });
  // The charts and the console chunk are heavy for a busy test machine: give every step room.
  page.setDefaultTimeout(60_000);
  if (lang) await page.addInitScript((l) => window.localStorage.setItem('qunyun.lang', l), lang);
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-workspace').fill(DEMO_LOGIN.workspace);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_LOGIN.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('member-search').waitFor();
  return page;
}

/** The same request the page made (or would make), from the test, with the page's session. */
async function api<T = any>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${server.url}${path}`);
  assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every report request each page has sent (path and query), recorded from the page's creation on. */
const reportRequests = new WeakMap<Page, string[]>();

/**
 * The page's next report request of that name after this call, as path and query (to repeat it from the test).
 * Read from a log the page keeps from its creation, so a request sent before a listener could attach is not lost.
 */
async function nextReport(page: Page, name: string): Promise<string> {
  const log = reportRequests.get(page)!;
  const from = log.length;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = log.slice(from).find((p) => p.startsWith(`/api/v1/reports/${name}`));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no request for the ${name} report within 60 s (seen: ${log.slice(from).join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function openFromMenu(page: Page, label: string, path: string): Promise<void> {
  const menu = page.getByTestId('side-menu');
  const item = menu.getByRole('menuitem', { name: label, exact: true });
  if (!(await item.isVisible())) await menu.getByText('运营指数').click();
  await item.click();
  // On a busy machine the submenu's opening animation can swallow the click: then the menu item's link is followed
  // by address (the menu's own behaviour is checked by the first test).
  const arrived = await page.waitForURL((url) => url.pathname === path, { timeout: 10_000 }).then(() => true, () => false);
  if (!arrived) await page.goto(`${server.url}${path}`);
  await page.waitForURL((url) => url.pathname === path);
}

async function pickCampaign(page: Page, key: string): Promise<void> {
  await page.getByTestId('pick-campaign').click();
  await page.keyboard.type(key);
  await page.locator('.ant-select-item-option').filter({ hasText: `${key} ·` }).first().click();
}

async function chartDrawn(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 150, `${testId} is drawn at a readable size (${JSON.stringify(box)})`);
}

const figure = async (page: Page, field: string) => (await page.getByTestId(`figure-${field}`).locator('.ant-statistic-content-value').innerText()).replace(/,/g, '');

/**
 * Hovers a definition icon and returns the popover's text. A chart finishing its first layout can move the page
 * under the pointer just as it arrives, so a hover that opened nothing is tried again.
 */
async function definition(page: Page, testId: string, shotName?: string): Promise<string> {
  const popover = page.getByTestId('definition-popover').filter({ visible: true }).last();
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).first().hover();
    const shown = await popover.waitFor({ timeout: 5000 }).then(() => true, (e: unknown) => { if (attempt === 4) throw e; return false; });
    if (shown) break;
    await page.mouse.move(0, 0);
  }
  const text = await popover.innerText();
  if (shotName) await shot(page, shotName);
  await page.mouse.move(0, 0);
  await popover.waitFor({ state: 'hidden' });
  return text;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('composition: nothing until a campaign is picked, then three charts and the numbers of the same request', { skip }, async () => {
  const page = await signIn();
  await openFromMenu(page, '营期构成', '/reports/composition');
  await page.getByTestId('report-missing').getByText('请先选择一个营期').waitFor();

  const request = nextReport(page, 'composition');
  await pickCampaign(page, 'X3');
  const body = await api(page, await request);
  assert.equal(body.campaign, 'X3');
  for (const list of ['first_in_series', 'first_in_workspace', 'last_after']) await chartDrawn(page, `chart-${list}`);
  assert.equal(await figure(page, 'participants'), String(body.participants));
  const x1 = body.first_in_series.find((r: { campaign: string }) => r.campaign === 'X1');
  assert.ok(x1, 'X3 has participants who started in X1');
  assert.match(await page.getByTestId('composition-table').locator('tr', { hasText: 'X1 ·' }).innerText(), new RegExp(`\\b${x1.members}\\b`));

  const text = await definition(page, 'def-participants');
  assert.match(text, /分子[\s\S]*有效报名[\s\S]*分母[\s\S]*无（计数）[\s\S]*统计期/);
  assert.match(await definition(page, 'def-first_in_series'), /分母[\s\S]*参与人数/);
  await shot(page, 'composition');

  // An as-of day goes into the request and the titles.
  const again = nextReport(page, 'composition');
  await page.getByTestId('pick-as-of').click();
  await page.keyboard.type('2026-01-01');
  await page.keyboard.press('Enter');
  assert.match(await again, /as_of=2026-01-01/);
  await page.getByTestId('card-last_after').getByText('截至 2026-01-01').waitFor();

  // The campaign chosen here is where the next campaign report starts.
  await openFromMenu(page, '漏斗', '/reports/funnel');
  await page.waitForURL('**/reports/funnel?campaign=X3');
  await page.getByTestId('funnel-table').waitFor();
  await page.close();
});

test('series: the stacked bars of seed 004 and the participants per campaign', { skip }, async () => {
  const page = await signIn();
  await openFromMenu(page, '系列走势', '/reports/series');
  await page.getByTestId('report-missing').waitFor();
  const request = nextReport(page, 'series');
  await page.getByTestId('pick-series').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'X ·' }).first().click();
  const body = await api(page, await request);
  assert.deepEqual(body.campaigns.map((c: { campaign: string }) => c.campaign), ['X1', 'X2', 'X3', 'X4']);
  await chartDrawn(page, 'chart-series');
  for (const c of body.campaigns) {
    const row = page.getByTestId('series-table').locator('tr', { hasText: `${c.campaign} ·` });
    assert.match(await row.innerText(), new RegExp(`\\b${c.participants}\\b`), `${c.campaign} participants`);
  }
  assert.match(await definition(page, 'def-participants-by_first_in_series'), /首次参加/);
  await shot(page, 'series');
  await page.close();
});

test('re-enrolment: the split, the rates and the flow from the campaign', { skip }, async () => {
  const page = await signIn();
  await openFromMenu(page, '复购与流失', '/reports/reenrolment');
  const request = nextReport(page, 'reenrolment');
  await pickCampaign(page, 'X3');
  const body = await api(page, await request);
  assert.equal(body.reenrolled + body.stayed + body.churned, body.participants);
  await chartDrawn(page, 'chart-split');
  await chartDrawn(page, 'chart-flow');
  for (const f of ['participants', 'reenrolled', 'stayed', 'churned']) assert.equal(await figure(page, f), String(body[f]), f);
  assert.equal(await figure(page, 'reenrolment_rate'), body.reenrolment_rate === null ? '—' : `${(body.reenrolment_rate * 100).toFixed(1)}%`);
  if (body.next_in_series) assert.equal(await figure(page, 'next_in_series'), String(body.next_in_series.members));
  assert.match(await definition(page, 'def-reenrolment_rate', 'reenrolment-definition'), /分子[\s\S]*复购人数[\s\S]*分母[\s\S]*参与人数[\s\S]*统计期[\s\S]*截至/);
  assert.match(await page.getByTestId('card-flow').getByTestId('report-period').innerText(), new RegExp(`截至 ${body.as_of}`));
  await shot(page, 'reenrolment');
  await page.close();
});

test('funnel: the funnel chart and the count of every step', { skip }, async () => {
  const page = await signIn();
  await openFromMenu(page, '漏斗', '/reports/funnel');
  const request = nextReport(page, 'funnel');
  await pickCampaign(page, 'X3');
  const body = await api(page, await request);
  await chartDrawn(page, 'chart-funnel');
  const table = page.getByTestId('funnel-table');
  for (const step of body.steps) {
    await table.locator(`tr[data-row-key="${step.step}"]`).waitFor();
    const cells = await table.locator(`tr[data-row-key="${step.step}"] td`).allInnerTexts();
    assert.equal(cells[1], String(step.count), step.step);
  }
  assert.match(await definition(page, 'def-signed_up'), /有效报名数/);
  await shot(page, 'funnel');
  await page.close();
});

test('daily: the last 30 days by default, the last day figures equal the request', { skip }, async () => {
  const page = await signIn();
  const request = nextReport(page, 'daily');
  await openFromMenu(page, '每日活跃', '/reports/daily');
  const path = await request;
  const body = await api(page, path);
  assert.equal(body.days.length, 30);
  await chartDrawn(page, 'chart-daily');
  const last = body.days.at(-1);
  for (const f of ['dau', 'wau', 'mau', 'new_members']) assert.equal(await figure(page, f), String(last[f]), f);
  assert.match(await definition(page, 'def-wau'), /7 天/);
  await shot(page, 'daily');

  // A reversed range: the server's 400 is shown with the parameter it names.
  await page.goto(`${server.url}/reports/daily?from=2026-02-01&to=2026-01-01`);
  const error = page.getByTestId('report-error');
  await error.waitFor();
  assert.match(await error.innerText(), /validation\.failed[\s\S]*to/);
  await page.close();
});

test('retention: cohorts as coloured percentages with the count on hover, and the average curve', { skip }, async () => {
  const page = await signIn();
  const request = nextReport(page, 'retention');
  await openFromMenu(page, '留存', '/reports/retention');
  let body = await api(page, await request);
  await page.getByTestId('retention-table').waitFor();
  const weekly = nextReport(page, 'retention');
  await page.getByTestId('pick-period').getByText('按周').click();
  body = await api(page, await weekly);
  assert.equal(body.period, 'week');
  await chartDrawn(page, 'chart-retention');
  const cohort = body.cohorts.find((c: { size: number; values: Array<number | null> }) => c.size > 0 && c.values[1] !== null);
  assert.ok(cohort, 'the demo has a weekly cohort with a second week');
  const row = page.getByTestId('retention-table').locator(`tr[data-row-key="${cohort.start}"]`);
  assert.equal((await row.locator('td').nth(1).innerText()).trim(), String(cohort.size));
  const cell = page.getByTestId(`cell-${cohort.start}-1`);
  assert.equal(await cell.innerText(), `${Math.round((cohort.values[1] / cohort.size) * 100)}%`);
  assert.equal(await cell.getAttribute('title'), `${cohort.values[1]} / ${cohort.size} 人`);
  assert.match(await definition(page, 'def-size'), /首次活跃/);
  await shot(page, 'retention');
  await page.close();
});

test('channels: sortable table, ROI/CAC bars, an optional campaign filter', { skip }, async () => {
  const page = await signIn();
  const request = nextReport(page, 'channels');
  await openFromMenu(page, '渠道质量', '/reports/channels');
  const body = await api(page, await request);
  assert.ok(body.channels.length > 0);
  await chartDrawn(page, 'chart-channels');
  const table = page.getByTestId('channels-table');
  const top = body.channels.reduce((a: { visits: number }, b: { visits: number }) => (b.visits > a.visits ? b : a));
  await table.locator(`tr[data-row-key="${top.channel_id}"]`).waitFor();
  const cells = await table.locator(`tr[data-row-key="${top.channel_id}"] td`).allInnerTexts();
  assert.equal(cells[1], String(top.visits));
  // Sorting by visits (descending on the second click) puts the busiest channel first.
  await table.locator('th', { hasText: '访问次数' }).click();
  await table.locator('th', { hasText: '访问次数' }).click();
  assert.equal(await table.locator('tbody tr[data-row-key]').first().getAttribute('data-row-key'), String(top.channel_id));
  assert.match(await definition(page, 'def-roi'), /收入 − 成本[\s\S]*成本/);
  await shot(page, 'channels');
  await page.getByTestId('pick-metric').getByText('获客成本 CAC').click();

  const filtered = nextReport(page, 'channels');
  await pickCampaign(page, 'X4');
  assert.match(await filtered, /campaign=X4/);
  await page.getByText('只计 X4 的报名').first().waitFor();
  await page.close();
});

test('activity: weekday × hour heat map and dwell time for a campaign', { skip }, async () => {
  const page = await signIn();
  await openFromMenu(page, '活跃时段', '/reports/activity');
  await page.getByTestId('report-missing').waitFor();
  const request = nextReport(page, 'activity');
  await pickCampaign(page, 'X3');
  const body = await api(page, await request);
  assert.ok(body.heatmap.length > 0, 'X3 participants checked in');
  await chartDrawn(page, 'chart-heatmap');
  // Dwell time needs page_view events; without any the card says so instead of drawing zeros.
  if (body.dwell.some((d: { members: number }) => d.members > 0)) await chartDrawn(page, 'chart-dwell');
  else await page.getByTestId('dwell-empty').waitFor();
  const peak = Math.max(...body.heatmap.map((c: { actions: number }) => c.actions));
  assert.equal(await figure(page, 'heatmap'), String(peak));
  assert.match(await definition(page, 'def-heatmap'), /星期[\s\S]*小时/);
  await shot(page, 'activity');
  await page.close();
});

test('groups: members, net and silent share per group for a campaign', { skip }, async () => {
  const page = await signIn();
  await openFromMenu(page, '群健康', '/reports/groups');
  const request = nextReport(page, 'groups');
  await pickCampaign(page, 'X3');
  const body = await api(page, await request);
  assert.ok(body.groups.length >= 2, 'X3 has two groups');
  await chartDrawn(page, 'chart-group-size');
  await chartDrawn(page, 'chart-silent');
  for (const g of body.groups) {
    await page.getByTestId('groups-table').locator(`tr[data-row-key="${g.group_id}"]`).waitFor();
    const cells = await page.getByTestId('groups-table').locator(`tr[data-row-key="${g.group_id}"] td`).allInnerTexts();
    assert.equal(cells[1], String(g.days.at(-1).members), g.group);
  }
  assert.match(await definition(page, 'def-silent_share-spoke'), /群成员数 − 发言人数/);
  await shot(page, 'groups');

  // One group instead of a campaign's groups: picked by name from the server's search.
  const one = body.groups[0];
  await page.getByTestId('pick-scope').getByText('按社群').click();
  await page.getByTestId('report-missing').getByText('请先选择一个社群').waitFor();
  const single = nextReport(page, 'groups');
  await page.getByTestId('pick-group').click();
  await page.keyboard.type(one.group);
  await page.locator('.ant-select-item-option').filter({ hasText: one.group }).first().click();
  assert.match(await single, new RegExp(`group=${one.group_id}`));
  await page.getByTestId('groups-table').locator(`tr[data-row-key="${one.group_id}"]`).waitFor();
  assert.equal(await page.getByTestId('groups-table').locator('tbody tr[data-row-key]').count(), 1);
  await page.close();
});

test('English: menu, titles, figures and definitions in English', { skip }, async () => {
  const page = await signIn(DEMO_LOGIN.username, 'en');
  await page.goto(`${server.url}/reports/reenrolment?campaign=X3`);
  await page.getByTestId('side-menu').getByText('Re-enrolment', { exact: true }).waitFor();
  await page.getByText('Re-enrolment & churn').waitFor();
  await chartDrawn(page, 'chart-flow');
  assert.match(await page.getByTestId('figure-churn_rate').innerText(), /Churn rate/);
  assert.match(await definition(page, 'def-churn_rate', 'reenrolment-definition-en'), /Numerator[\s\S]*churned[\s\S]*Denominator[\s\S]*participants[\s\S]*Period/);
  await shot(page, 'reenrolment-en');
  await page.goto(`${server.url}/reports/daily`);
  await chartDrawn(page, 'chart-daily');
  assert.match(await page.getByTestId('figure-dau').innerText(), /DAU/);
  await shot(page, 'daily-en');
  await page.close();
});

/** The next PUT /reports/settings the page sends (the toast of an earlier save may still be showing). */
const savedSettings = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/api/v1/reports/settings') && r.request().method() === 'PUT');

test('activity setting: only with reports.manage; saved through PUT and shown on the daily report', { skip }, async () => {
  const viewer = await signIn('viewer');
  await viewer.getByTestId('side-menu').getByText('运营指数').click();
  await viewer.getByTestId('side-menu').getByText('营期构成').waitFor();
  assert.equal(await viewer.getByTestId('side-menu').getByText('活跃口径设置').count(), 0);
  await viewer.goto(`${server.url}/reports/settings`);
  await viewer.getByText('403').waitFor();
  await viewer.close();

  const page = await signIn();
  await openFromMenu(page, '活跃口径设置', '/reports/settings');
  await page.getByTestId('settings-mode').getByText('只计以下事件名').click();
  await page.getByTestId('settings-events').click();
  await page.keyboard.type('page_view');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  let saved = savedSettings(page);
  await page.getByTestId('settings-save').click();
  assert.equal((await saved).status(), 200);
  await page.getByText('已保存，活跃汇总已按新口径重建').waitFor();
  assert.deepEqual((await api(page, '/api/v1/reports/settings')).activityEvents, ['page_view']);
  await openFromMenu(page, '每日活跃', '/reports/daily');
  await page.getByTestId('daily-events').getByText('page_view').waitFor();

  await openFromMenu(page, '活跃口径设置', '/reports/settings');
  await page.getByTestId('settings-mode').getByText('全部行为事件').click();
  saved = savedSettings(page);
  await page.getByTestId('settings-save').click();
  assert.equal((await saved).status(), 200);
  assert.equal((await api(page, '/api/v1/reports/settings')).activityEvents, null);
  await page.close();
});

test('every definition the server sends has a console translation in both languages', { skip }, async () => {
  const page = await signIn();
  const paths = [
    '/api/v1/reports/composition?campaign=X3', '/api/v1/reports/series?series=X', '/api/v1/reports/reenrolment?campaign=X3',
    '/api/v1/reports/funnel?campaign=X3', '/api/v1/reports/daily?from=2026-01-01&to=2026-01-31',
    '/api/v1/reports/retention?period=week&periods=4&from=2026-01-05&to=2026-01-31', '/api/v1/reports/retention?period=day&periods=4&from=2026-01-05&to=2026-01-31',
    '/api/v1/reports/channels', '/api/v1/reports/channels?campaign=X3',
    '/api/v1/reports/activity?campaign=X3&from=2026-01-01&to=2026-01-31', '/api/v1/reports/activity?group=1&from=2026-01-01&to=2026-01-31',
    '/api/v1/reports/groups?campaign=X3&from=2026-01-01&to=2026-01-31',
  ];
  // The console's dictionaries, loaded at run time (they are bundler modules, outside the server's type check).
  const load = async (file: string, name: string) => ((await import(new URL(`../src/i18n/${file}`, import.meta.url).href)) as Record<string, Record<string, string>>)[name];
  const reportsZhCN = await load('reports.zh-CN.ts', 'reportsZhCN');
  const reportsEn = await load('reports.en.ts', 'reportsEn');
  const missing: string[] = [];
  for (const path of paths) {
    const report = path.split('/')[4].split('?')[0];
    const body = await api(page, path);
    for (const [field, server] of Object.entries(body.definitions as Record<string, { denominator: string | null }>)) {
      for (const [lang, dict] of [['zh-CN', reportsZhCN], ['en', reportsEn]] as const) {
        const own = (part: string) => dict[`reports.def.${report}.${field}.${part}`] ?? dict[`reports.def.${field}.${part}`];
        if (!own('numerator') || !own('period')) missing.push(`${lang} ${report}.${field}`);
        // A ratio keeps its denominator, a count has none, on both sides.
        if ((server.denominator === null) !== (own('denominator') === undefined)) missing.push(`${lang} ${report}.${field}: denominator`);
      }
    }
  }
  assert.deepEqual(missing, []);
  await page.close();
});
