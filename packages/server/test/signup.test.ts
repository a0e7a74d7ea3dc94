// Signup through a channel link over HTTP on a real database: the journey (/c/<code> → landing → signup → me →
// group QR), member numbers reused for known people, refusals that write nothing, idempotent re-signup, the place
// counter under 200 racing signups, and the WeChat OAuth provider against a local imitation of WeChat's API.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { WechatOAuthProvider } from '../src/signup/providers.js';
import { assertError, ok } from './api-checks.js';
import { countRows, enrolledCount, openCampaign, scanCount, signUp } from './campaign-run.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';
import { MemberClient } from './member-client.js';
import { PNG_1PX } from './multipart.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
let phoneCounter = 13900000000;
const nextPhone = () => String(++phoneCounter);

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
});

after(async () => {
  await server?.close();
});

test('the journey: /c/<code> redirects to the landing page, signup enrolls and signs in, the group QR is the routed group', async () => {
  const c = await openCampaign(owner, { priceCents: 100, depositCents: 9900, capacity: 30 });
  const visit = await fetch(`${server.url}/c/${c.code}`, { redirect: 'manual' });
  assert.equal(visit.status, 302);
  assert.equal(visit.headers.get('location'), `/m/c/${c.code}`);
  const channel = await ok(owner.get(`/api/v1/channels/${c.channelId}`));
  assert.equal(channel.campaignId, c.campaignId);
  assert.deepEqual(channel.stats, { visits: 1, uniqueVisitors: 1, routed: 0, exhausted: 0 }, 'the visit counts; nobody is routed before signing up');

  const member = new MemberClient(server.url);
  const landing = await ok(member.get(`/api/m/landing/${c.code}`));
  assert.deepEqual(landing.channel, { code: c.code, name: channel.name });
  assert.equal(landing.campaign.key, c.key);
  assert.deepEqual([landing.campaign.priceCents, landing.campaign.depositCents, landing.campaign.capacity, landing.campaign.placesLeft], [100, 9900, 30, 30]);
  assert.deepEqual([landing.campaign.signupOpen, landing.campaign.status], [true, 'signup']);
  assert.deepEqual(landing.campaign.rules, { daysTotal: 21, daysRequiredForRefund: 15, dayWindow: { start: '00:00', end: '23:59' }, reminderTime: '20:00', makeupAllowed: false, requirePhoto: false });
  assert.deepEqual([landing.providers, landing.me, landing.enrolled], [['dev'], null, false]);

  const res = await member.post('/api/m/signup', { code: c.code, provider: 'dev', phone: '138 0000 0001', nickname: '明妈' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.created, true);
  assert.equal(res.body.member.nickname, '明妈');
  assert.deepEqual([res.body.enrollment.campaignKey, res.body.enrollment.status, res.body.enrollment.amountDueCents, res.body.enrollment.paidCents, res.body.enrollment.paymentStatus], [c.key, 'active', 10000, 0, 'unpaid']);
  const cookie = res.headers.getSetCookie().find((x) => x.startsWith('qy_member='))!;
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.match(cookie, /Path=\//);

  const me = await ok(member.get('/api/m/me'));
  assert.deepEqual(me.member, res.body.member);
  assert.deepEqual(me.enrollments.map((e: { campaign: { key: string }; enrollment: { id: number } }) => [e.campaign.key, e.enrollment.id]), [[c.key, res.body.enrollment.id]]);
  const again = await ok(member.get(`/api/m/landing/${c.code}`));
  assert.deepEqual([again.me, again.enrolled, again.campaign.placesLeft], [res.body.member, true, 29]);

  const qr = await member.raw(`/api/m/campaigns/${c.key}/group-qr`);
  assert.equal(qr.status, 200);
  assert.equal(qr.headers.get('content-type'), 'image/png');
  assert.equal(qr.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await qr.arrayBuffer()), PNG_1PX);

  // Staff see where the member came from and which group the live code chose; the routing is counted on the group.
  const listed = (await ok(owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments`))).items;
  assert.equal(listed.length, 1);
  assert.deepEqual([listed[0].member.memberNo, listed[0].channel.id, listed[0].group.id, listed[0].source, listed[0].amountDueCents], [res.body.member.memberNo, c.channelId, c.groupIds[0], 'signup', 10000]);
  assert.equal(await scanCount(server, c.groupIds[0]), 1);
  assert.equal(await enrolledCount(server, c.campaignId), 1);
  const audit = (await ok(owner.get(`/api/v1/audit?entity=enrollment&entityId=${res.body.enrollment.id}`))).items;
  assert.deepEqual(audit.map((a: { action: string; actor: { kind: string; name: string } }) => [a.action, a.actor.kind, a.actor.name]), [['enrollment.signup', 'member', '明妈']]);
  const created = (await ok(owner.get(`/api/v1/audit?entity=member&entityId=${res.body.member.memberNo}`))).items;
  assert.equal(created[0].action, 'member.create');
  // The member's identity is the phone in its canonical form.
  assert.equal((await ok(owner.get(`/api/v1/members/${res.body.member.memberNo}`))).phone, '13800000001');
});

test('a channel pool routes signups in pool order; without a pool, the campaign\'s open groups in id order', async () => {
  const pooled = await openCampaign(owner, { groups: 2, pool: true });
  await ok(owner.send('PUT', `/api/v1/channels/${pooled.channelId}/pool`, { groupIds: [pooled.groupIds[1], pooled.groupIds[0]] }));
  const { res } = await signUp(server, pooled.code, { phone: nextPhone() });
  const routed = (await ok(owner.get(`/api/v1/campaigns/${pooled.campaignId}/enrollments`))).items[0];
  assert.equal(res.status, 201);
  assert.equal(routed.group.id, pooled.groupIds[1]);

  const plain = await openCampaign(owner, { groups: 2 });
  await ok(owner.patch(`/api/v1/groups/${plain.groupIds[0]}`, { status: 'full' }));
  await signUp(server, plain.code, { phone: nextPhone() });
  assert.equal((await ok(owner.get(`/api/v1/campaigns/${plain.campaignId}/enrollments`))).items[0].group.id, plain.groupIds[1], 'the closed group is passed over');
});

test('a known phone keeps its member number; a merged number signs in as the survivor; the same dev nickname is the same member', async () => {
  const c = await openCampaign(owner);
  const known = await ok(owner.post('/api/v1/members', { nickname: '老会员', phone: '13811112222' }), 201);
  const { res } = await signUp(server, c.code, { phone: '+86 138 1111 2222', nickname: '新名字' });
  assert.equal(res.status, 201);
  assert.deepEqual(res.body.member, { memberNo: known.memberNo, nickname: '老会员' }, 'the known member, nickname unchanged');

  const survivor = await ok(owner.post('/api/v1/members', { nickname: '留下的' }), 201);
  const merged = await ok(owner.post('/api/v1/members', { nickname: '并掉的', phone: '13833334444' }), 201);
  await ok(owner.post(`/api/v1/members/${survivor.memberNo}/merge`, { fromMemberNo: merged.memberNo }));
  const viaMerged = await signUp(server, c.code, { phone: '13833334444' });
  assert.equal(viaMerged.res.status, 201);
  assert.equal(viaMerged.res.body.member.memberNo, survivor.memberNo);

  const first = await signUp(server, c.code, { nickname: '小红' });
  const second = await signUp(server, c.code, { nickname: ' 小红 ' });
  assert.deepEqual([first.res.status, second.res.status, second.res.body.created], [201, 200, false]);
  assert.equal(second.res.body.member.memberNo, first.res.body.member.memberNo);
  const profile = await ok(owner.get(`/api/v1/members/${first.res.body.member.memberNo}`));
  assert.deepEqual(profile.identities.map((i: { kind: string; value: string }) => [i.kind, i.value]), [['custom', 'dev:小红']]);
});

test('refusals write nothing: blocklisted (403), full (409), closed, archived or ended (409)', async () => {
  const nothingChanged = async (c: { campaignId: number }, before: { enrollments: number; members: number; sessions: number; count: number }) => {
    assert.equal(await countRows(server, 'enrollments', W.id), before.enrollments);
    assert.equal(await countRows(server, 'members', W.id), before.members);
    assert.equal(await countRows(server, 'member_sessions', W.id), before.sessions);
    assert.equal(await enrolledCount(server, c.campaignId), before.count);
  };
  const state = async (c: { campaignId: number }) => ({
    enrollments: await countRows(server, 'enrollments', W.id), members: await countRows(server, 'members', W.id),
    sessions: await countRows(server, 'member_sessions', W.id), count: await enrolledCount(server, c.campaignId),
  });
  const refused = async (code: string, body: Record<string, unknown>, status: number, errorCode: string) => {
    const { member, res } = await signUp(server, code, body);
    assertError(res, status, errorCode);
    assert.equal(member.cookie, null, 'no cookie on a refusal');
  };

  const c = await openCampaign(owner, { capacity: 1 });
  const blocked = await ok(owner.post('/api/v1/members', { nickname: '广告号', phone: '13855556666' }), 201);
  await ok(owner.post(`/api/v1/members/${blocked.memberNo}/block`, { reason: '发广告' }));
  let before = await state(c);
  await refused(c.code, { phone: '13855556666' }, 403, 'signup.blocked');
  await nothingChanged(c, before);

  assert.equal((await signUp(server, c.code, { phone: nextPhone() })).res.status, 201);
  before = await state(c);
  await refused(c.code, { phone: nextPhone() }, 409, 'signup.full');
  await nothingChanged(c, before);
  assert.equal((await ok(new MemberClient(server.url).get(`/api/m/landing/${c.code}`))).campaign.placesLeft, 0);

  const closed = await openCampaign(owner, { campaign: { signupOpensAt: new Date(Date.now() - 7_200_000).toISOString(), signupClosesAt: new Date(Date.now() - 3_600_000).toISOString() } });
  before = await state(closed);
  await refused(closed.code, { phone: nextPhone() }, 409, 'signup.closed');
  await nothingChanged(closed, before);

  const archived = await openCampaign(owner);
  await ok(owner.post(`/api/v1/campaigns/${archived.campaignId}/archive`));
  before = await state(archived);
  await refused(archived.code, { nickname: '晚来的' }, 409, 'signup.closed');
  await nothingChanged(archived, before);

  const ended = await openCampaign(owner);
  server.services.clock.set(new Date(Date.now() + 40 * 86_400_000));
  try {
    before = await state(ended);
    await refused(ended.code, { nickname: '太晚了' }, 409, 'signup.closed');
    await nothingChanged(ended, before);
  } finally {
    server.services.clock.set(null);
  }
});

test('signing up again answers 200 without taking a place; after a cancel, signup takes a place again only if one is free', async () => {
  const c = await openCampaign(owner, { capacity: 2 });
  const phone = nextPhone();
  const first = await signUp(server, c.code, { phone });
  const again = await signUp(server, c.code, { phone });
  assert.deepEqual([again.res.status, again.res.body.created, again.res.body.enrollment.id], [200, false, first.res.body.enrollment.id]);
  assert.ok(again.member.cookie, 'signing in again gives this device a session');
  // Signed in already: no provider needed.
  const viaSession = await first.member.post('/api/m/signup', { code: c.code });
  assert.deepEqual([viaSession.status, viaSession.body.created], [200, false]);
  assert.equal(await enrolledCount(server, c.campaignId), 1);

  await ok(owner.post(`/api/v1/enrollments/${first.res.body.enrollment.id}/cancel`, { reason: '家长要求退出' }));
  assert.equal(await enrolledCount(server, c.campaignId), 0);
  await signUp(server, c.code, { phone: nextPhone() });
  await signUp(server, c.code, { phone: nextPhone() });
  assertError((await signUp(server, c.code, { phone })).res, 409, 'signup.full');
  const stillCancelled = (await ok(owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments?status=cancelled`))).items;
  assert.deepEqual(stillCancelled.map((e: { id: number }) => e.id), [first.res.body.enrollment.id]);

  const other = (await ok(owner.get(`/api/v1/campaigns/${c.campaignId}/enrollments?status=active`))).items[0];
  await ok(owner.post(`/api/v1/enrollments/${other.id}/cancel`, { reason: '换期' }));
  const back = await signUp(server, c.code, { phone });
  assert.deepEqual([back.res.status, back.res.body.created, back.res.body.enrollment.id, back.res.body.enrollment.status], [201, true, first.res.body.enrollment.id, 'active']);
  assert.equal(await enrolledCount(server, c.campaignId), 2);
});

test('200 signups racing for the last 10 places: exactly 10 enrollments, the counter at the capacity, 190 refused as full', async () => {
  const c = await openCampaign(owner, { capacity: 15 });
  for (let i = 0; i < 5; i++) assert.equal((await signUp(server, c.code, { phone: nextPhone() })).res.status, 201);
  // Known members: a newcomer's signup takes the member-number counter's lock first, which would queue the racers
  // before they reach the place counter; known members race on the place counter alone.
  const phones = Array.from({ length: 200 }, nextPhone);
  for (const [i, phone] of phones.entries()) await server.services.members.create(W.ctx, { nickname: `抢位${i}`, phone });
  const results = await Promise.all(phones.map((phone) => signUp(server, c.code, { phone }).then((r) => r.res)));
  const statuses = results.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 201).length, 10, JSON.stringify(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)));
  assert.equal(statuses.filter((s) => s === 409).length, 190);
  for (const r of results.filter((x) => x.status === 409)) assert.equal(r.body.error.code, 'signup.full');
  assert.equal(await enrolledCount(server, c.campaignId), 15);
  const rows = await server.services.database.db.selectFrom('enrollments').select('id').where('campaign_id', '=', c.campaignId).where('status', '=', 'active').execute();
  assert.equal(rows.length, 15);
  assert.equal(new Set(results.filter((r) => r.status === 201).map((r) => r.body.member.memberNo)).size, 10);
  // Newcomers racing for places are refused just the same, and do not become members.
  const members = await countRows(server, 'members', W.id);
  const late = await Promise.all(Array.from({ length: 20 }, () => signUp(server, c.code, { phone: nextPhone() }).then((r) => r.res.status)));
  assert.deepEqual(late, Array(20).fill(409));
  assert.equal(await countRows(server, 'members', W.id), members);
});

test('bad signups: unknown provider, no phone or nickname, a bad phone, an unknown link', async () => {
  const c = await openCampaign(owner);
  assertError((await signUp(server, c.code, { provider: 'qq', phone: nextPhone() })).res, 400, 'signup.unknown_provider', 'provider');
  assertError((await signUp(server, c.code, {})).res, 400, 'signup.invalid', 'phone');
  assertError((await signUp(server, c.code, { phone: 'call me' })).res, 400, 'signup.invalid', 'phone');
  assertError(await new MemberClient(server.url).post('/api/m/signup', { code: c.code }), 400, 'signup.invalid', 'provider');
  assertError((await signUp(server, 'nosuchcode', { phone: nextPhone() })).res, 404, 'landing.not_found', 'code');
  // A channel without a campaign has no landing page.
  const plain = await ok(owner.post('/api/v1/channels', { name: '无营期渠道' }), 201);
  assertError(await new MemberClient(server.url).get(`/api/m/landing/${plain.code}`), 404, 'landing.not_found');
});

test('logout ends the session: the cookie is cleared and the member API asks to sign in again', async () => {
  const c = await openCampaign(owner);
  const { member } = await signUp(server, c.code, { phone: nextPhone() });
  const token = member.cookie!;
  assert.equal((await member.post('/api/m/logout')).status, 204);
  assert.equal(member.cookie, null);
  assertError(await new MemberClient(server.url, token).get('/api/m/me'), 401, 'member.signin_required');
});

test('the group QR: re-routed when the assigned group closed or its QR expired; 404 group.unavailable when no group is left', async () => {
  const c = await openCampaign(owner, { groups: 2 });
  const { member, res } = await signUp(server, c.code, { phone: nextPhone() });
  const enrollmentGroup = async () => (await server.services.database.db.selectFrom('enrollments').select('group_id').where('id', '=', res.body.enrollment.id).executeTakeFirstOrThrow()).group_id;
  assert.equal(await enrollmentGroup(), c.groupIds[0]);
  await server.services.database.db.updateTable('chat_groups').set({ qr_expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', c.groupIds[0]).execute();
  assert.equal((await member.raw(`/api/m/campaigns/${c.key}/group-qr`)).status, 200);
  assert.equal(await enrollmentGroup(), c.groupIds[1]);
  assert.equal(await scanCount(server, c.groupIds[1]), 1);
  // A group that filled up since is still the member's group.
  await ok(owner.patch(`/api/v1/groups/${c.groupIds[1]}`, { capacity: 1 }));
  assert.equal((await member.raw(`/api/m/campaigns/${c.key}/group-qr`)).status, 200);
  assert.equal(await enrollmentGroup(), c.groupIds[1]);
  await ok(owner.patch(`/api/v1/groups/${c.groupIds[1]}`, { status: 'archived' }));
  const none = await member.get(`/api/m/campaigns/${c.key}/group-qr`);
  assertError(none, 404, 'group.unavailable');
  assert.equal(await enrollmentGroup(), c.groupIds[1], 'no group found: the enrollment keeps its group');
  assertError(await member.get('/api/m/campaigns/NOPE1/group-qr'), 404, 'enrollment.not_found');
});

test('page events of a member are stored on that member with source member:<id>; events naming a member are refused', async () => {
  const c = await openCampaign(owner);
  const { member, res } = await signUp(server, c.code, { phone: nextPhone() });
  const at = new Date().toISOString();
  const out = await ok(member.post('/api/m/events', {
    events: [
      { id: 'pv-1', name: 'page_view', at, props: { path: `/m/campaigns/${c.key}`, dwellMs: 5300 } },
      { id: 'pv-2', name: 'page_view', at, member: 10001 },
      { id: 'pv-1', name: 'page_view', at },
    ],
  }));
  assert.deepEqual([out.accepted, out.duplicates], [1, 1]);
  assert.deepEqual(out.rejected.map((r: { index: number; field: string }) => [r.index, r.field]), [[1, 'member']]);
  const timeline = (await ok(owner.get(`/api/v1/members/${res.body.member.memberNo}/events`))).items;
  const memberId = (await ok(owner.get(`/api/v1/members/${res.body.member.memberNo}`))).id;
  assert.deepEqual(timeline.map((e: { id: string; source: string; props: unknown }) => [e.id, e.source, e.props]), [['pv-1', `member:${memberId}`, { path: `/m/campaigns/${c.key}`, dwellMs: 5300 }]]);
});

// ---- WeChat OAuth, against a local imitation of api.weixin.qq.com ----

interface FakeWechat { url: string; calls: string[]; close(): Promise<void> }

/** Answers like WeChat: code "good" → unionid; "base" → openid only, snsapi_base; "used" → 40163; "broken" → HTTP 500. */
async function fakeWechat(): Promise<FakeWechat> {
  const calls: string[] = [];
  const srv = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    calls.push(`${url.pathname}?${url.searchParams.toString()}`);
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/sns/oauth2/access_token') {
      if (url.searchParams.get('appid') !== 'wx-app' || url.searchParams.get('secret') !== 'wx-secret') return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      const code = url.searchParams.get('code');
      if (code === 'good') return json({ access_token: 'AT', expires_in: 7200, refresh_token: 'RT', openid: 'o-open-1', scope: 'snsapi_userinfo', unionid: 'u-union-1' });
      if (code === 'base') return json({ access_token: 'AT2', expires_in: 7200, refresh_token: 'RT', openid: 'o-open-2', scope: 'snsapi_base' });
      if (code === 'used') return json({ errcode: 40163, errmsg: 'code been used' });
      return res.writeHead(500).end('oops');
    }
    if (url.pathname === '/sns/userinfo') {
      if (url.searchParams.get('access_token') !== 'AT' || url.searchParams.get('openid') !== 'o-open-1') return json({ errcode: 40001, errmsg: 'invalid credential' });
      return json({ openid: 'o-open-1', nickname: '微信里的明妈', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [], unionid: 'u-union-1' });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, calls, close: () => new Promise((resolve) => srv.close(() => resolve())) };
}

test('WechatOAuthProvider: code → unionid and nickname; openid when there is no unionid; refused and failing codes', async () => {
  const wechat = await fakeWechat();
  try {
    const provider = new WechatOAuthProvider({ appId: 'wx-app', secret: 'wx-secret', baseUrl: wechat.url });
    assert.deepEqual(await provider.identify({ authCode: 'good' }), { identity: { kind: 'wechat_unionid', value: 'u-union-1' }, nickname: '微信里的明妈' });
    assert.ok(wechat.calls.some((c) => c.startsWith('/sns/oauth2/access_token?') && c.includes('grant_type=authorization_code') && c.includes('code=good')));
    assert.ok(wechat.calls.some((c) => c.startsWith('/sns/userinfo?') && c.includes('lang=zh_CN')));
    assert.deepEqual(await provider.identify({ authCode: 'base', nickname: '自己填的' }), { identity: { kind: 'wechat_openid', value: 'o-open-2' }, nickname: '自己填的' });
    assert.deepEqual(await provider.identify({ authCode: 'base' }), { identity: { kind: 'wechat_openid', value: 'o-open-2' }, nickname: '微信用户' });
    const used = await provider.identify({ authCode: 'used' });
    assert.ok('error' in used && used.error.field === 'authCode');
    const missing = await provider.identify({});
    assert.ok('error' in missing && missing.error.field === 'authCode');
    await assert.rejects(provider.identify({ authCode: 'broken' }), { code: 'signup.provider_unavailable', status: 502 });
    await assert.rejects(new WechatOAuthProvider({ appId: 'wx-app', secret: 'wrong', baseUrl: wechat.url }).identify({ authCode: 'good' }), { code: 'signup.provider_unavailable' });
    await assert.rejects(new WechatOAuthProvider({ appId: 'wx-app', secret: 'wx-secret', baseUrl: 'http://127.0.0.1:1' }).identify({ authCode: 'good' }), { code: 'signup.provider_unavailable' });
  } finally {
    await wechat.close();
  }
});

test('signup with the wechat provider over HTTP: the landing page offers it and the member is found by unionid next time', async () => {
  const wechat = await fakeWechat();
  try {
    server.services.identityProviders.register(new WechatOAuthProvider({ appId: 'wx-app', secret: 'wx-secret', baseUrl: wechat.url }));
    const c = await openCampaign(owner);
    assert.deepEqual((await ok(new MemberClient(server.url).get(`/api/m/landing/${c.code}`))).providers, ['dev', 'wechat']);
    const first = await signUp(server, c.code, { provider: 'wechat', authCode: 'good' });
    assert.equal(first.res.status, 201, JSON.stringify(first.res.body));
    assert.equal(first.res.body.member.nickname, '微信里的明妈');
    const profile = await ok(owner.get('/api/v1/members/lookup?kind=wechat_unionid&value=u-union-1'));
    assert.equal(profile.memberNo, first.res.body.member.memberNo);
    const again = await signUp(server, c.code, { provider: 'wechat', authCode: 'good' });
    assert.deepEqual([again.res.status, again.res.body.member.memberNo], [200, first.res.body.member.memberNo]);
    assertError((await signUp(server, c.code, { provider: 'wechat', authCode: 'used' })).res, 400, 'signup.invalid', 'authCode');
    const down = (await signUp(server, c.code, { provider: 'wechat', authCode: 'broken' })).res;
    assertError(down, 502, 'signup.provider_unavailable');
  } finally {
    await wechat.close();
  }
});
