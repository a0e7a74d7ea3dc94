// Running a campaign from the console in a real browser: a flagged check-in is rejected with a reason in the review
// tab, settlement shows the ledger, approves the eligible refunds, marks one refunded and downloads the refund list,
// and the absentees tab lists who to remind. Setup goes through the services, with the clock moved over the days.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkPhoto } from '../../server/src/checkins/photos.js';
import { createWorkspace, PASSWORD, startServer, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, signIn as signInAs, TINY_PNG } from './browser.js';

const skip = chromiumMissing();
const STARTS = '2030-03-01';
const ENDS = '2030-03-05';
/** 10:00 in Shanghai on a campaign day (inside the 08:00–22:00 window). */
const onDay = (day: number, hhmm = '10:00') => `2030-03-0${day}T${hhmm}:00+08:00`;

let server: TestServer;
let ws: TestWorkspace;
let browser: Browser;
let campaignId = 0;
let flaggedId = 0;
const members: Record<'ming' | 'lele' | 'hong', { memberNo: number; enrollmentId: number }> = {} as never;

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  const s = server.services;
  await s.staff.create(ws.ctx, { username: 'lead', displayName: '王运营', password: PASSWORD, role: 'admin' });
  await s.staff.create(ws.ctx, { username: 'look', displayName: '只看', password: PASSWORD, role: 'viewer' });
  s.clock.set(onDay(1, '09:00'));
  const series = await s.campaigns.createSeries(ws.ctx, { key: 'Z', name: '早起打卡', theme: '早起' });
  const campaign = await s.campaigns.createCampaign(ws.ctx, {
    seriesId: series.id, name: '5天早起打卡', depositCents: 9900, startsOn: STARTS, endsOn: ENDS, timezone: 'Asia/Shanghai',
    rules: { daysTotal: 5, daysRequiredForCompletion: 3, daysRequiredForRefund: 3, graceDays: 0, borderlineDays: 1, dayWindow: { start: '08:00', end: '22:00' } },
  });
  campaignId = campaign.id;
  const group = await s.groups.create(ws.ctx, { platform: 'wechat', name: 'Z1 早起1群', campaignId });

  // 明妈 checks in on days 1–4 (eligible); 乐乐爸爸 on days 1–3, day 3 late with a photo (flagged, to be rejected:
  // borderline); 小红 on day 1 only (not eligible). All three paid the deposit and are in the group.
  const people = { ming: '明妈', lele: '乐乐爸爸', hong: '小红' } as const;
  const days = { ming: [1, 2, 3, 4], lele: [1, 2], hong: [1] } as const;
  for (const [key, nickname] of Object.entries(people) as Array<[keyof typeof people, string]>) {
    const member = await s.members.create(ws.ctx, { nickname });
    await s.groups.memberships.join(ws.ctx, group.id, { memberNo: member.memberNo });
    const { enrollment } = await s.enrollments.enroll(ws.ctx, campaignId, { memberNo: member.memberNo });
    await s.payments.record(ws.ctx, enrollment.id, { amountCents: 9900, reference: `WX-${key}` });
    members[key] = { memberNo: member.memberNo, enrollmentId: enrollment.id };
    const { sessionId } = await s.memberSessions.create(s.database.db, ws.id, member.id, 'dev');
    const me = { workspaceId: ws.id, memberId: member.id, memberNo: member.memberNo, nickname, sessionId };
    for (const day of days[key]) {
      s.clock.set(onDay(day));
      await s.checkins.checkIn(me, campaign.key, { text: `第${day}天 早起` }, []);
    }
    if (key === 'lele') {
      s.clock.set(onDay(3, '23:00'));
      const late = await s.checkins.checkIn(me, campaign.key, { text: '今天晚了' }, [checkPhoto(TINY_PNG, 'late.png')]);
      flaggedId = late.checkin.id;
    }
  }
  // The day after the end: settlement is open.
  s.clock.set('2030-03-06T10:00:00+08:00');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(username = 'lead'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  return signInAs(page, server.url, ws.key, username);
}

test('review: the flagged check-in shows its flag and photo, and is rejected with a reason', { skip }, async () => {
  const page = await signIn();
  await page.goto(`${server.url}/campaigns/${campaignId}`);
  await page.getByTestId('tab-review').click();
  const row = page.getByTestId('review-table').locator(`tr[data-row-key="${flaggedId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /乐乐爸爸[\s\S]*第 3 天[\s\S]*超时[\s\S]*今天晚了/);
  const photo = row.getByTestId('checkin-photos').locator('img');
  await photo.waitFor();
  await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle());

  await row.getByTestId('reject-checkin').click();
  await page.getByRole('dialog').getByRole('button', { name: /驳\s*回/ }).click();
  await page.getByText('请填写原因').waitFor();
  await page.getByTestId('reject-reason').fill('超过截止时间');
  await page.getByRole('dialog').getByRole('button', { name: /驳\s*回/ }).click();
  await row.waitFor({ state: 'detached' });

  const checkin = (await server.services.checkins.reviewQueue(ws.ctx, { campaignId, status: 'rejected', limit: 10 })).items[0];
  assert.equal(checkin.id, flaggedId);
  assert.equal(checkin.reviewReason, '超过截止时间');

  // The workspace-wide queue finds the decided one under "rejected".
  await page.getByTestId('side-menu').getByText('打卡审核').click();
  await page.waitForURL('**/checkins/review');
  await page.getByTestId('review-status').getByText('已驳回').click();
  await page.getByTestId('review-table').locator(`tr[data-row-key="${flaggedId}"]`).waitFor();
  await page.close();
});

test('settlement: ledger, refunds approved for the eligible, one marked refunded, the XLSX downloaded', { skip }, async () => {
  const page = await signIn();
  await page.goto(`${server.url}/campaigns/${campaignId}?tab=settlement`);
  await page.getByTestId('settlement-banner').waitFor();
  assert.match(await page.getByTestId('ledger-collected').innerText(), /¥297\.00/);
  assert.match(await page.getByTestId('ledger-refunded').innerText(), /¥0\.00/);
  const table = page.getByTestId('settlement-table');
  const rowOf = (key: keyof typeof members) => table.locator(`tr[data-row-key="${members[key].enrollmentId}"]`);
  assert.match(await rowOf('ming').innerText(), /可退[\s\S]*4\/3/);
  assert.match(await rowOf('lele').innerText(), /临界[\s\S]*2\/3/, 'the rejected day no longer counts');
  assert.match(await rowOf('hong').innerText(), /不可退[\s\S]*1\/3/);

  await page.getByTestId('approve-eligible').click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
  await rowOf('ming').getByText('退还').waitFor();
  assert.match(await rowOf('lele').getByTestId('settlement-decision').innerText(), /未决定/);

  await rowOf('ming').getByTestId('mark-refunded').click();
  const dialog = page.getByRole('dialog');
  assert.equal(await dialog.getByTestId('refund-amount').inputValue(), '99.00');
  await dialog.getByTestId('refund-reference').fill('RF-0001');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await rowOf('ming').getByTestId('refunded').waitFor();
  await page.getByTestId('ledger-refunded').getByText('¥99.00').waitFor();
  assert.match(await page.getByTestId('ledger-net').innerText(), /¥198\.00/);

  const download = page.waitForEvent('download');
  await page.getByTestId('refunds-xlsx').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.xlsx$/);
  const bytes = fs.readFileSync(await file.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');
  await page.close();
});

test('absentees: the day picker shows who has not checked in, with the reminder to paste', { skip }, async () => {
  const page = await signIn();
  await page.goto(`${server.url}/campaigns/${campaignId}?tab=absentees`);
  const picker = page.getByTestId('absentees-date');
  await picker.click();
  await picker.fill('2030-03-04');
  await picker.press('Enter');
  const table = page.getByTestId('absentees-table');
  await table.getByText('乐乐爸爸').waitFor();
  const text = await table.innerText();
  assert.match(text, /小红/);
  assert.doesNotMatch(text, /明妈/, 'checked in on day 4');
  assert.match(await page.getByTestId('absentees-absent').innerText(), /\b2\b/);
  const reminder = await page.getByTestId('reminder-preview').innerText();
  assert.match(reminder, /@乐乐爸爸 今日打卡还未完成,还差1天,胜利在望!/);
  assert.match(reminder, /@小红 今日打卡还未完成,加油!距离目标还差2天/);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.getByTestId('copy-mentions').click();
  await page.getByText('已复制 2 人的 @ 名单').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.deepEqual(copied.split(' ').filter(Boolean).sort(), ['@乐乐爸爸', '@小红']);
  assert.ok(copied.endsWith(' '), 'each name is followed by a space, as group tools expect');
  await page.close();
});

test('a viewer reads the run tabs without the buttons that change anything', { skip }, async () => {
  const page = await signIn('look');
  await page.goto(`${server.url}/campaigns/${campaignId}?tab=settlement`);
  await page.getByTestId('settlement-table').waitFor();
  assert.equal(await page.getByTestId('approve-eligible').count(), 0);
  assert.equal(await page.getByTestId('mark-refunded').count(), 0);
  await page.getByTestId('tab-enrollments').click();
  await page.getByTestId('enrollment-table').getByText('明妈').waitFor();
  assert.equal(await page.getByTestId('enroll-member').count(), 0);
  assert.equal(await page.getByTestId('record-payment').count(), 0);
  await page.close();
});

test('the campaign form sets "photo required"; a channel created with the campaign shows it', { skip }, async () => {
  const page = await signIn();
  await page.goto(`${server.url}/campaigns/${campaignId}`);
  await page.getByTestId('edit-campaign').click();
  await page.getByTestId('field-requirePhoto').click();
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  // The clock is past the campaign's end, so its rule is locked: the change goes through only with a reason.
  await page.getByTestId('override-reason').fill('教研要求补充照片，已在群内通知');
  await page.getByRole('dialog').filter({ has: page.getByTestId('override-reason') }).getByRole('button', { name: /确认修改/ }).click();
  await page.getByTestId('rule-summary').getByText(/打卡须带照片/).waitFor();
  assert.equal((await server.services.campaigns.getCampaign(ws.ctx, campaignId)).rules.requirePhoto, true);

  // The channel form offers only campaigns that can still take people: back before the start, it is one of them.
  server.services.clock.set(onDay(1, '08:00'));
  await page.goto(`${server.url}/channels`);
  await page.getByTestId('create-channel').click();
  await page.getByTestId('channel-name-input').fill('公众号推文');
  await page.getByTestId('channel-campaign-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '5天早起打卡' }).click();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  const channel = (await server.services.channels.list(ws.ctx, false)).find((c) => c.name === '公众号推文');
  assert.equal(channel?.campaignId, campaignId);
  await page.goto(`${server.url}/channels/${channel!.id}`);
  await page.getByTestId('channel-campaign').getByText('Z1 5天早起打卡').waitFor();
  await page.close();
});
