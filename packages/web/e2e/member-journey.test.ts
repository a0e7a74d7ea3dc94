// The member's journey on a phone (375×740), in a real browser against a real server: the channel's short link
// lands on the campaign page, the member signs up, sees the member number and the group QR, checks in on 15 of the
// 21 days (the server clock is moved day by day; photos are resized in the browser), staff record the payment and,
// after the end, decide and mark the refund, and the member page shows 已退款 with the amount.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { checkImage } from '../../server/src/groups/qr-image.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from '../../server/test/harness.js';
import { chromiumMissing, launchChromium, TINY_PNG } from './browser.js';

const skip = chromiumMissing();
const ZONE = 'Asia/Shanghai';
let server: TestServer;
let ws: TestWorkspace;
let staff: Client;
let browser: Browser;

/** A PNG of the given size (a gradient, so it is a real picture to scale), built by hand: no image library needed. */
function makePng(width: number, height: number): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    row[0] = 0;
    for (let x = 0; x < width; x++) {
      row[1 + x * 3] = (x * 255) / width;
      row[2 + x * 3] = (y * 255) / height;
      row[3 + x * 3] = 128;
    }
    rows.push(Buffer.from(row));
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height of a JPEG, read from its start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.readUInt16BE(0), 0xffd8, 'a JPEG');
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes.readUInt16BE(at);
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xffc0 && marker <= 0xffcf && marker !== 0xffc4 && marker !== 0xffc8 && marker !== 0xffcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('no start-of-frame marker');
}

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const noon = (date: string) => `${date}T12:00:00+08:00`;
const todayInZone = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());

async function noHorizontalOverflow(page: Page, where: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `${where}: the page is ${width}px wide at a 375px viewport`);
}

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  return context.newPage();
}

interface Setup {
  campaign: { id: number; key: string };
  code: string;
  startsOn: string;
  endsOn: string;
}

/** A 21-day campaign requiring 15 days (deposit 99 元), a group with a QR for it, and a channel leading to it. */
async function setUpCampaign(series: string, options: { capacity?: number } = {}): Promise<Setup> {
  const startsOn = plusDays(todayInZone(), 3);
  const endsOn = plusDays(startsOn, 20);
  server.services.clock.set(noon(plusDays(startsOn, -2)));
  const s = await server.services.campaigns.createSeries(ws.ctx, { key: series, name: '21天早起打卡营', theme: '早起' });
  const campaign = await server.services.campaigns.createCampaign(ws.ctx, {
    seriesId: s.id, name: '21天早起打卡营', theme: '早起', startsOn, endsOn, timezone: ZONE,
    signupOpensAt: new Date(Date.now() - 86_400_000).toISOString(), depositCents: 9900, capacity: options.capacity ?? 200,
    rules: { daysTotal: 21, daysRequiredForCompletion: 15, daysRequiredForRefund: 15, makeup: { allowed: true } },
  });
  const group = await server.services.groups.create(ws.ctx, { platform: 'wechat', name: `${campaign.key} 早起 1 群`, campaignId: campaign.id });
  await server.services.groups.setQr(ws.ctx, group.id, TINY_PNG, checkImage(TINY_PNG));
  const channel = await server.services.channels.create(ws.ctx, { name: `公众号推文 ${series}`, campaignId: campaign.id });
  return { campaign, code: channel.code, startsOn, endsOn };
}

before(async () => {
  if (skip) return;
  server = await startServer();
  ws = await createWorkspace(server);
  staff = await ws.as('admin');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('sign up from the channel link, check in on 15 of 21 days, get the deposit back', { skip }, async () => {
  const { campaign, code, startsOn, endsOn } = await setUpCampaign('MJ');
  const page = await phonePage();

  // The short link of a channel with a campaign leads to the landing page.
  await page.goto(`${server.url}/c/${code}`);
  await page.waitForURL(`**/m/c/${code}`);
  const summary = page.getByTestId('landing-campaign');
  await summary.waitFor();
  const text = await summary.innerText();
  assert.match(text, /21天早起打卡营/);
  assert.match(text, /早起/);
  assert.match(text, /99 元/);
  assert.match(await page.getByTestId('landing-rule').innerText(), /打卡 21 天，完成 15 天退押金 99 元/);
  assert.match(await page.getByTestId('landing-places').innerText(), /200/);
  await noHorizontalOverflow(page, 'landing');

  // A wrong phone number is refused on the field, before anything is sent.
  await page.getByTestId('signup-phone').fill('12345');
  await page.getByTestId('signup-submit').click();
  await page.getByText('请输入 11 位手机号').waitFor();
  await page.getByTestId('signup-phone').fill('13800138000');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL(`**/m/campaigns/${campaign.key}`);

  // The member home: the member number, big, and the group QR to long-press.
  const memberNo = Number(await page.getByTestId('member-no').innerText());
  const member = await server.services.members.get(ws.ctx, memberNo);
  assert.equal(member.memberNo, memberNo, 'the number shown is the member created at signup');
  const qr = page.getByTestId('group-qr');
  await qr.waitFor();
  assert.ok(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the browser drew the group QR');
  await page.getByText('长按识别二维码加入群聊').waitFor();
  assert.match(await page.getByTestId('group-name').innerText(), new RegExp(`${campaign.key} 早起 1 群`));
  assert.match(await page.getByTestId('checkin-closed').innerText(), /开始/, 'no check-in before the first day');
  await noHorizontalOverflow(page, 'member home before the start');

  // Signed in and enrolled: the landing page goes straight to the member home.
  await page.goto(`${server.url}/m/c/${code}`);
  await page.waitForURL(`**/m/campaigns/${campaign.key}`);

  const bigPng = makePng(2400, 1800);
  const missed = new Set([4, 9, 14, 17, 19, 21]);
  let counted = 0;
  for (let day = 1; day <= 21; day++) {
    if (missed.has(day)) continue;
    server.services.clock.set(noon(plusDays(startsOn, day - 1)));
    await page.reload();
    const card = page.getByTestId('checkin-card');
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`第 ${day} 天`));
    await page.getByTestId('checkin-text').fill(`第${day}天：6:30 起床，读书 20 分钟`);
    if (day === 1 || day === 10) {
      await page.getByTestId('checkin-photos-input').setInputFiles({ name: 'morning.png', mimeType: 'image/png', buffer: day === 1 ? bigPng : TINY_PNG });
      await page.getByTestId('checkin-photo-thumb').first().waitFor();
    }
    await page.getByTestId('checkin-submit').click();
    counted++;
    await page.getByTestId('checkin-done').waitFor();
    await page.getByTestId('progress-sentence').filter({ hasText: `已打卡 ${counted}/15` }).waitFor();
    assert.match(await page.getByTestId('checkin-done').innerText(), /已打卡，可修改/);

    if (day === 1) {
      // The 2400×1800 picture was shrunk in the browser to 1600 px on its longest side, as JPEG.
      const saved = page.getByTestId('checkin-saved-photos').locator('img');
      await saved.first().waitFor();
      assert.deepEqual(await saved.first().evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }), [1600, 1200]);
      const stored = await storedPhotos(memberNo);
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.mime, 'image/jpeg');
      assert.deepEqual(jpegSize(stored[0]!.bytes), { width: 1600, height: 1200 }, 'the stored photo is the resized one');
      await noHorizontalOverflow(page, 'member home with a photo');
    }
    if (day === 2) {
      // The day's check-in can be edited: the second submit updates it.
      await page.getByTestId('checkin-edit').click();
      await page.getByTestId('checkin-text').fill('第2天：改一下，6:20 起床');
      await page.getByTestId('checkin-submit').click();
      await page.getByText('已保存修改').waitFor();
      await page.getByTestId('checkin-saved-text').filter({ hasText: '改一下' }).waitFor();
      await page.getByTestId('progress-sentence').filter({ hasText: `已打卡 ${counted}/15` }).waitFor();
    }
    if (day === 10) {
      const stored = await storedPhotos(memberNo);
      assert.equal(stored.length, 2);
      assert.equal(stored[1]!.mime, 'image/png', 'a small photo is sent as it is');
    }
    if (day === 5) {
      // Day 4 was missed: the calendar says so and offers a make-up (补卡), which waits for approval.
      const day4 = page.getByTestId('calendar-day-4');
      assert.equal(await day4.getAttribute('data-state'), 'missed');
      await day4.click();
      const modal = page.locator('.ant-modal');
      await modal.getByTestId('checkin-text').fill('补卡：第4天也早起了');
      await noHorizontalOverflow(page, 'make-up form');
      await modal.getByTestId('checkin-submit').click();
      await modal.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="calendar-day-4"][data-state="pending"]').waitFor();
      await page.getByTestId('progress-sentence').filter({ hasText: `已打卡 ${counted}/15` }).waitFor();
    }
  }
  assert.equal(counted, 15);
  assert.match(await page.getByTestId('progress-sentence').innerText(), /已打卡 15\/15/);
  // The page was last loaded on day 20: day 19 was missed, day 21 has not come.
  assert.equal(await page.getByTestId('calendar-day-20').getAttribute('data-state'), 'done');
  assert.equal(await page.getByTestId('calendar-day-21').getAttribute('data-state'), 'future');
  assert.equal(await page.getByTestId('calendar-day-19').getAttribute('data-state'), 'missed');
  await page.getByTestId('leaderboard-period').getByText('总榜').click();
  await page.getByTestId('leaderboard-me').filter({ hasText: '15 天' }).waitFor();
  await noHorizontalOverflow(page, 'member home on the last day');

  // Staff record the deposit.
  const enrollments = await staff.get(`/api/v1/campaigns/${campaign.id}/enrollments`);
  assert.equal(enrollments.status, 200, JSON.stringify(enrollments.body));
  const enrollment = enrollments.body.items.find((e: { member: { memberNo: number } }) => e.member.memberNo === memberNo);
  assert.ok(enrollment, 'the staff list has the enrollment');
  const paid = await staff.post(`/api/v1/enrollments/${enrollment.id}/payments`, { amountCents: 9900, reference: 'WX-PAY-0001' });
  assert.ok(paid.status === 200 || paid.status === 201, JSON.stringify(paid.body));
  await page.reload();
  await page.getByTestId('member-payment').filter({ hasText: '已缴费 99 元' }).waitFor();

  // After the end: check-ins are closed, the settlement is under review, then refunded.
  server.services.clock.set(noon(plusDays(endsOn, 1)));
  await page.reload();
  await page.getByTestId('refund-status').filter({ hasText: '结算审核中' }).waitFor();
  assert.equal(await page.getByTestId('checkin-card').count(), 0, 'no check-in form once the campaign has ended');

  const decided = await staff.post(`/api/v1/campaigns/${campaign.id}/settlement/decisions`, { class: 'eligible', decision: 'refund' });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  await page.reload();
  await page.getByTestId('refund-status').filter({ hasText: '已同意退款' }).waitFor();
  assert.match(await page.getByTestId('refund-card').innerText(), /已达标/, 'the class the decision was taken on');

  const refunded = await staff.post(`/api/v1/enrollments/${enrollment.id}/refund`, { amountCents: 9900, reference: 'WX-REFUND-0001' });
  assert.equal(refunded.status, 200, JSON.stringify(refunded.body));
  await page.reload();
  await page.getByTestId('refund-status').filter({ hasText: '已退款 99 元' }).waitFor();
  assert.match(await page.getByTestId('refund-amount').innerText(), /99 元/);
  await noHorizontalOverflow(page, 'member home after the refund');

  // English is complete and the choice survives a reload.
  await page.getByTestId('member-lang').click();
  await page.getByTestId('refund-status').filter({ hasText: 'Refunded ¥99' }).waitFor();
  await page.reload();
  await page.getByTestId('progress-sentence').filter({ hasText: 'Checked in 15/15' }).waitFor();
  await page.getByTestId('member-lang').click();
  await page.getByTestId('progress-sentence').filter({ hasText: '已打卡 15/15' }).waitFor();

  // My campaigns, then signing out: the member pages ask to open the campaign link again.
  await page.getByTestId('member-my-campaigns').click();
  await page.getByTestId('me-campaigns').filter({ hasText: '21天早起打卡营' }).waitFor();
  assert.match(await page.getByTestId('me-member-no').innerText(), new RegExp(String(memberNo)));
  await noHorizontalOverflow(page, 'my campaigns');
  await page.getByTestId('member-sign-out').click();
  await page.getByTestId('member-signed-out').waitFor();
  await page.goto(`${server.url}/m/campaigns/${campaign.key}`);
  await page.getByTestId('member-signin-required').filter({ hasText: '请重新打开活动链接' }).waitFor();

  // Signup has closed, but the member signs back in through the link with the same phone and finds the refund.
  await page.goto(`${server.url}/c/${code}`);
  await page.getByTestId('signup-unavailable').filter({ hasText: '报名已截止' }).waitFor();
  await page.getByTestId('signup-phone').fill('138 0013 8000');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL(`**/m/campaigns/${campaign.key}`);
  await page.getByTestId('refund-status').filter({ hasText: '已退款 99 元' }).waitFor();
  assert.equal(await page.getByTestId('member-no').innerText(), String(memberNo), 'the same member, not a new one');

  // Every page the member saw was recorded with its dwell time.
  const events = await server.services.events.list(ws.ctx, memberNo, { limit: 200 });
  const views = events.items.filter((e) => e.name === 'page_view');
  const paths = new Set(views.map((e) => e.props.path));
  assert.ok(paths.has(`/m/c/${code}`), `the landing view is recorded (${[...paths].join(', ')})`);
  assert.ok(paths.has(`/m/campaigns/${campaign.key}`), 'the member home views are recorded');
  assert.ok(paths.has('/m/me'), 'my campaigns is recorded before signing out');
  assert.ok(views.every((e) => typeof e.props.dwellMs === 'number' && e.props.dwellMs >= 0), 'each view has its dwell time');
  await page.context().close();
});

test('a signup refused by the server is explained on the landing page', { skip }, async () => {
  const { code } = await setUpCampaign('MF', { capacity: 1 });
  const page = await phonePage();
  await page.goto(`${server.url}/m/c/${code}`);
  await page.getByTestId('landing-places').filter({ hasText: '1' }).waitFor();

  // Someone else takes the last place while this page is open.
  const other = await fetch(`${server.url}/api/m/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-qunyun-member': '1' },
    body: JSON.stringify({ code, provider: 'dev', nickname: '抢先一步' }),
  });
  assert.equal(other.status, 201, await other.text());

  await page.getByTestId('signup-mode').getByText('仅昵称').click();
  await page.getByTestId('signup-nickname').fill('晚到的明妈');
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('signup-error').filter({ hasText: '名额已满' }).waitFor();
  assert.match(page.url(), new RegExp(`/m/c/${code}$`), 'the member stays on the landing page');
  await page.reload();
  await page.getByTestId('signup-unavailable').filter({ hasText: '名额已满' }).waitFor();
  await noHorizontalOverflow(page, 'landing when full');
  await page.context().close();
});

/** The photos the server stored for a member's check-ins, in order, with their bytes. */
async function storedPhotos(memberNo: number): Promise<{ mime: string; bytes: Buffer }[]> {
  const rows = await server.services.database.db.selectFrom('checkin_photos')
    .innerJoin('checkins', 'checkins.id', 'checkin_photos.checkin_id')
    .innerJoin('members', 'members.id', 'checkins.member_id')
    .select(['checkin_photos.mime', 'checkin_photos.file'])
    .where('members.member_no', '=', memberNo)
    .orderBy('checkin_photos.id')
    .execute();
  return rows.map((r) => ({ mime: r.mime, bytes: fs.readFileSync(path.join(server.services.dataDir, 'checkin-photos', r.file)) }));
}
