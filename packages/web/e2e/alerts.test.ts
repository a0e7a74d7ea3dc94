// 预警 in a real browser: alerts raised by the evaluation from the data (a group QR about to expire, a live code
// with no group left) appear in the header bell and the inbox; staff acknowledge one (it moves to "in progress")
// and resolve it (it shows who did); an operator changes a rule's threshold and switches a rule off in the editor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkImage } from '../../server/src/groups/qr-image.js';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn, TINY_PNG as PNG } from './browser.js';

const skip = chromiumMissing();
let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
const ids = { lead: 0, qrAlert: 0, group: 0 };

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  ids.lead = (await server.services.staff.create(ws.ctx, { username: 'lead', displayName: '王运营', password: PASSWORD, role: 'operator' })).id;
  const group = await server.services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡1群', ownerStaffId: ids.lead });
  ids.group = group.id;
  const { qrExpiresAt } = await server.services.groups.setQr(ws.ctx, group.id, PNG, checkImage(PNG));
  // The channel's pool holds a group without a QR: no visitor can be routed.
  const noQr = await server.services.groups.create(ws.ctx, { platform: 'wechat', name: 'X1 打卡2群' });
  const channel = await server.services.channels.create(ws.ctx, { name: '朋友圈海报', ownerStaffId: ids.lead });
  await server.services.channels.setPool(ws.ctx, channel.id, [noQr.id]);
  // Two hours before the first group's QR expires.
  const summary = await server.services.alerts.evaluate(ws.ctx, server.services, new Date(Date.parse(qrExpiresAt!) - 2 * 3_600_000));
  assert.deepEqual([summary.raised, summary.failed], [2, []]);
  const { items } = await server.services.alerts.list(ws.ctx, { status: 'all', limit: 10 });
  ids.qrAlert = items.find((a) => a.kind === 'group_qr_expiring')!.id;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function lead(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  return signIn(page, server.url, ws.key, 'lead');
}

const alertOf = async (id: number) => (await server.services.alerts.list(ws.ctx, { status: 'all', limit: 50 })).items.find((a) => a.id === id)!;

test('an alert in the bell and the inbox: acknowledge, then resolve; the resolved tab shows who resolved it', { skip }, async () => {
  const page = await lead();
  await page.getByTestId('alerts-count').filter({ hasText: '2' }).waitFor();
  await page.getByTestId('alerts-bell').click();
  await page.getByTestId('alert-item').filter({ hasText: 'X1 打卡1群' }).waitFor();
  await page.getByTestId('alerts-inbox-link').click();
  await page.waitForURL(/\/ops\/alerts$/);

  const row = page.getByTestId(`alert-row-${ids.qrAlert}`);
  await row.waitFor();
  assert.match(await row.innerText(), /群二维码到期[\s\S]*群「X1 打卡1群」的群二维码将于 .+ 过期（还剩 2\.0 小时）[\s\S]*王运营/);
  assert.equal(await row.getByTestId('alert-target').getAttribute('href'), `/groups/${ids.group}`);
  await page.getByTestId('alerts-count-open').filter({ hasText: '2' }).waitFor();

  await page.getByTestId(`alert-acknowledge-${ids.qrAlert}`).click();
  await row.waitFor({ state: 'detached' });
  assert.equal((await alertOf(ids.qrAlert)).acknowledgedBy?.id, ids.lead);
  // The bell, told by the inbox (not its one-minute poll), counts what is still open: the live code's alert.
  await page.getByTestId('alerts-count').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
  await page.getByTestId('alerts-count-acknowledged').filter({ hasText: '1' }).waitFor();
  await page.getByTestId('alerts-tab-acknowledged').click();
  await row.waitFor();
  assert.match(await row.innerText(), /王运营 于 .+ 确认/);

  await page.getByTestId(`alert-resolve-${ids.qrAlert}`).click();
  await row.waitFor({ state: 'detached' });
  const resolved = await alertOf(ids.qrAlert);
  assert.deepEqual([resolved.resolution, resolved.resolvedBy?.id], ['staff', ids.lead]);
  await page.getByTestId('alerts-tab-resolved').click();
  await row.waitFor();
  assert.match(await row.innerText(), /王运营 于 .+ 解决/);
  assert.equal(await row.getByTestId(`alert-resolve-${ids.qrAlert}`).count(), 0, 'nothing left to do on a resolved alert');

  await page.close();
});

test('the rule editor: change a threshold, switch a rule off', { skip }, async () => {
  const page = await lead();
  await page.goto(`${server.url}/ops/alerts/rules`);
  const warning = page.getByTestId('rule-group_leave_rate_7d-warning');
  await warning.getByTestId('rule-condition').filter({ hasText: '高于 15%' }).waitFor();
  await warning.getByTestId('rule-edit').click();
  const input = page.getByTestId('rule-threshold-input');
  await input.fill('20');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await warning.getByTestId('rule-condition').filter({ hasText: '高于 20%' }).waitFor();
  const rules = () => server.services.alerts.rules(ws.ctx).then((r) => r.items);
  assert.equal((await rules()).find((r) => r.kind === 'group_leave_rate_7d' && r.level === 'warning')!.threshold, 20);

  const qrCritical = page.getByTestId('rule-group_qr_expiring-critical');
  await qrCritical.getByTestId('rule-enabled').click();
  await qrCritical.locator('.ant-switch:not(.ant-switch-checked)').waitFor();
  assert.equal((await rules()).find((r) => r.kind === 'group_qr_expiring' && r.level === 'critical')!.enabled, false);
  await page.close();
});
