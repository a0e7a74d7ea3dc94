// Check-in photos over HTTP: multipart check-ins, who may see a photo and how it is served, replacing photos on an
// edit, the missing-media and duplicate-photo flags, bad uploads refused with nothing stored, all-or-nothing writes,
// and erasing a member's check-in content.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertError, ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer } from './harness.js';
import { campaignWithMembers, type CampaignSetup } from './fixtures/enrollment.js';
import { MemberClient } from './member-client.js';
import { fetchRaw, PNG_1PX, type TestFile } from './multipart.js';

let server: TestServer;

before(async () => {
  server = await startServer();
  server.services.clock.set('2026-12-05T09:00:00+08:00');
});

after(async () => {
  await server?.close();
});

const PNG_SIG = PNG_1PX.subarray(0, 8);
/** A distinct "PNG" per seed (the type is told by the first bytes). */
const png = (seed: string): TestFile => ({ name: `${seed}.png`, type: 'image/png', bytes: Buffer.concat([PNG_SIG, Buffer.from(`png-${seed}`)]) });
const jpeg = (seed: string): TestFile => ({ name: `${seed}.jpg`, type: 'image/jpeg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jpeg-${seed}`)]) });
const photos = (...files: TestFile[]) => files.map((file) => ({ field: 'photos', file }));

/** Every stored check-in photo file of the server, as paths relative to the photo folder. */
function storedFiles(): string[] {
  const root = path.join(server.services.dataDir, 'checkin-photos');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

async function setup(rules?: Record<string, unknown>, members = 2) {
  const w = await createWorkspace(server);
  const owner = await w.as('owner');
  const campaign = await campaignWithMembers(server, w.id, owner, { startsOn: '2026-12-01', endsOn: '2026-12-21', rules, members });
  return { w, owner, campaign };
}

const form = (c: CampaignSetup, i: number, fields: Record<string, string>, files: Array<{ field: string; file: TestFile }> = []) =>
  c.members[i]!.client.form(`/api/m/campaigns/${c.key}/checkins`, fields, files);
const rows = async (owner: Client, c: CampaignSetup) => (await ok(owner.get(`/api/v1/campaigns/${c.id}/checkins?limit=200`))).items;

function assertImageHeaders(res: globalThis.Response, mime: string) {
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), mime);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-security-policy'), "default-src 'none'");
  assert.equal(res.headers.get('content-disposition'), 'inline');
}

test('a multipart check-in with photos; each photo is served to its owner and to staff of the workspace only, as an image', async () => {
  const { w, owner, campaign } = await setup();
  const before = storedFiles().length;
  const a = png('a');
  const b = jpeg('b');
  const res = await form(campaign, 0, { text: '早餐打卡' }, photos(a, b));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.text, '早餐打卡');
  assert.equal(res.body.photos.length, 2);
  assert.deepEqual(res.body.photos.map((p: { url: string; id: number }) => p.url), res.body.photos.map((p: { id: number }) => `/api/m/photos/${p.id}`));
  const files = storedFiles();
  assert.equal(files.length, before + 2);
  assert.ok(files.every((f) => f.startsWith(`${w.id}${path.sep}`) && /[0-9a-f]{32}\.(png|jpg)$/.test(f)), `random names in the workspace folder: ${files}`);

  const me = campaign.members[0]!.client;
  const first = await me.raw(res.body.photos[0].url);
  assertImageHeaders(first, 'image/png');
  assert.deepEqual(Buffer.from(await first.arrayBuffer()), a.bytes);
  assertImageHeaders(await me.raw(res.body.photos[1].url), 'image/jpeg');
  // Another member of the same campaign, a signed-out visitor: no.
  const other = await campaign.members[1]!.client.get(res.body.photos[0].url);
  assertError(other, 404, 'photo.not_found');
  assertError(await new MemberClient(server.url).get(res.body.photos[0].url), 401, 'member.signin_required');
  const elsewhere = await setup(undefined, 1);
  assertError(await elsewhere.campaign.members[0]!.client.get(res.body.photos[0].url), 404, 'photo.not_found');
  // Staff of the workspace (read permission) see it; staff of another workspace do not.
  const staffRow = (await rows(owner, campaign))[0];
  assert.deepEqual(staffRow.photos.map((p: { mime: string; bytes: number }) => [p.mime, p.bytes]), [['image/png', a.bytes.length], ['image/jpeg', b.bytes.length]]);
  const viewer = await w.as('viewer');
  const viaStaff = await fetchRaw(viewer, staffRow.photos[0].url);
  assertImageHeaders(viaStaff, 'image/png');
  assert.deepEqual(Buffer.from(await viaStaff.arrayBuffer()), a.bytes);
  const stranger = await (await createWorkspace(server)).as('owner');
  assertError(await stranger.get(staffRow.photos[0].url), 404, 'photo.not_found');
  assertError(await owner.get(`/api/v1/checkins/${staffRow.id + 1000}/photos/${staffRow.photos[0].id}`), 404, 'photo.not_found');
});

test('an edit with photos replaces them (old files removed); an edit without photos keeps them', async () => {
  const { owner, campaign } = await setup();
  const first = await ok(form(campaign, 0, { text: '第一版' }, photos(png('old1'), png('old2'))), 201);
  const oldFiles = storedFiles();
  const second = await ok(form(campaign, 0, { text: '第二版' }, photos(jpeg('new1'))));
  assert.deepEqual([second.id, second.editCount, second.photos.length], [first.id, 1, 1]);
  const me = campaign.members[0]!.client;
  assertError(await me.get(first.photos[0].url), 404, 'photo.not_found');
  assert.equal((await me.raw(second.photos[0].url)).status, 200);
  const now = storedFiles();
  assert.equal(now.length, oldFiles.length - 1, 'two old files gone, one new');
  const third = await ok(me.post(`/api/m/campaigns/${campaign.key}/checkins`, { text: '只改文字' }));
  assert.deepEqual(third.photos, second.photos, 'photos stay when none are sent');
  assert.equal((await rows(owner, campaign))[0].photos.length, 1);
  assert.deepEqual(storedFiles(), now);
});

test('flags: missing_media when the rule wants a photo; duplicate_photo for bytes already seen in the campaign (not your own)', async () => {
  const { owner, campaign } = await setup({ requirePhoto: true });
  const noPhoto = await ok(form(campaign, 0, { text: '忘了拍照' }), 201);
  assert.deepEqual([noPhoto.flags, noPhoto.reviewStatus], [['missing_media'], 'pending']);
  const shared = png('shared');
  const original = await ok(form(campaign, 1, { text: '原图' }, photos(shared)), 201);
  assert.deepEqual([original.flags, original.reviewStatus], [[], 'none']);
  const copied = await ok(form(campaign, 0, { text: '补上照片' }, photos(shared)));
  assert.deepEqual(copied.flags, ['duplicate_photo', 'edited'], 'the photo now counts; the copy is flagged');
  const again = await ok(form(campaign, 1, { text: '原图再发一次' }, photos(shared)));
  assert.deepEqual(again.flags, ['duplicate_photo', 'edited'], "member 0 holds the same bytes now, so it is a duplicate for member 1 too");
  const fresh = await ok(form(campaign, 1, { text: '换一张' }, photos(png('fresh'))));
  assert.deepEqual(fresh.flags, ['edited'], 'a new photo clears the duplicate flag');
  const queue = (await ok(owner.get(`/api/v1/checkins/review?campaignId=${campaign.id}`))).items;
  assert.equal(queue.length, 2);
});

test('bad uploads are refused with 400 naming the field, and nothing is stored', async () => {
  const { owner, campaign } = await setup();
  const before = storedFiles();
  const html: TestFile = { name: 'cute.png', type: 'image/png', bytes: '<!doctype html><script>alert(document.cookie)</script>' };
  const cases: Array<[string, Record<string, string>, Array<{ field: string; file: TestFile }>, string, string]> = [
    ['HTML named .png', { text: 'x' }, photos(html), 'photos', 'upload.not_an_image'],
    ['a text file', { text: 'x' }, photos({ name: 'a.txt', type: 'text/plain', bytes: 'hello' }), 'photos', 'upload.not_an_image'],
    ['an SVG (script-capable)', { text: 'x' }, photos({ name: 'a.svg', type: 'image/svg+xml', bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>' }), 'photos', 'upload.not_an_image'],
    ['a good photo then HTML', { text: 'x' }, photos(png('good'), html), 'photos', 'upload.not_an_image'],
    ['an empty file', { text: 'x' }, photos({ name: 'e.png', type: 'image/png', bytes: Buffer.alloc(0) }), 'photos', 'upload.empty'],
    ['a photo over 5 MB', { text: 'x' }, photos({ name: 'big.png', type: 'image/png', bytes: Buffer.concat([PNG_SIG, Buffer.alloc(5 * 1024 * 1024)]) }), 'photos', 'upload.too_large'],
    ['ten photos', { text: 'x' }, photos(...Array.from({ length: 10 }, (_, i) => png(`ten${i}`))), 'photos', 'upload.too_many_files'],
    ['a file in another field', { text: 'x' }, [{ field: 'file', file: png('f') }], 'file', 'upload.unexpected_file'],
    ['text over 2000', { text: '字'.repeat(2001) }, photos(png('t')), 'text', 'validation.failed'],
    ['day not a number', { text: 'x', day: 'abc' }, photos(png('d')), 'day', 'validation.failed'],
    ['an unknown field', { text: 'x', mood: 'ok' }, [], 'mood', 'validation.failed'],
    ['neither text nor photo', { text: '  ' }, [], 'text', 'checkin.empty'],
  ];
  for (const [what, fields, files, field, code] of cases) {
    const res = await form(campaign, 0, fields, files);
    assertError(res, 400, code, field);
    assert.deepEqual(storedFiles(), before, `${what}: no file stored`);
  }
  assert.deepEqual(await rows(owner, campaign), [], 'no check-in was written');
  // Nine photos are fine.
  const nine = await ok(form(campaign, 0, { text: '九宫格' }, photos(...Array.from({ length: 9 }, (_, i) => png(`nine${i}`)))), 201);
  assert.equal(nine.photos.length, 9);
});

test('all or nothing: a check-in refused inside its transaction leaves no photo file behind', async () => {
  const { owner, campaign } = await setup({ makeup: { allowed: true, windowDays: 5 } });
  server.services.clock.set('2026-12-03T09:00:00+08:00');
  await ok(form(campaign, 0, { text: '第三天' }, photos(png('d3'))), 201);
  server.services.clock.set('2026-12-05T09:00:00+08:00');
  const before = storedFiles();
  const res = await form(campaign, 0, { text: '重复补卡', day: '3' }, photos(png('m1'), jpeg('m2')));
  assertError(res, 409, 'checkin.makeup_exists', 'day');
  assert.deepEqual(storedFiles(), before, 'the written files were removed');
  const made = await ok(form(campaign, 0, { text: '补第四天', day: '4' }, photos(png('m3'))), 201);
  assert.deepEqual([made.dayIndex, made.makeup, made.photos.length], [4, true, 1]);
  assert.equal((await rows(owner, campaign)).length, 2);
});

test("erasing a member empties their check-in texts and deletes their photos; the days stay", async () => {
  const { owner, campaign } = await setup(undefined, 2);
  server.services.clock.set('2026-12-04T09:00:00+08:00');
  await ok(form(campaign, 0, { text: '我的隐私日记' }, photos(png('e1'), png('e2'))), 201);
  server.services.clock.set('2026-12-05T09:00:00+08:00');
  const mine = await ok(form(campaign, 0, { text: '第二天日记' }, photos(jpeg('e3'))), 201);
  const other = await ok(form(campaign, 1, { text: '别人的' }, photos(png('keep'))), 201);
  const before = storedFiles();
  const staffPhoto = (await rows(owner, campaign)).find((r: { id: number }) => r.id === mine.id).photos[0].url;

  const no = campaign.members[0]!.memberNo;
  await ok(owner.post(`/api/v1/members/${no}/erase`, { confirmMemberNo: no }));
  const after = await rows(owner, campaign);
  const erased = after.filter((r: { member: { memberNo: number } }) => r.member.memberNo === no);
  assert.deepEqual(erased.map((r: { dayIndex: number; text: string; photos: unknown[] }) => [r.dayIndex, r.text, r.photos.length]).sort(), [[4, '', 0], [5, '', 0]]);
  assert.equal(storedFiles().length, before.length - 3, 'the three photo files are gone');
  assertError(await owner.get(staffPhoto), 404, 'photo.not_found');
  const kept = after.find((r: { id: number }) => r.id === other.id);
  assert.deepEqual([kept.text, kept.photos.length], ['别人的', 1], "another member's check-in is untouched");
  assert.equal((await campaign.members[1]!.client.raw(other.photos[0].url)).status, 200);
});
