// Workspace import and export in JSON Lines, on a real database: what an import writes (read back through the
// API), records in any order, every kind of error naming its line and leaving nothing behind, member numbers,
// importing into an existing workspace, the export → import → export round trip, and the two CLI commands.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { REPO_ROOT } from '../src/config.js';
import { systemContext } from '../src/http/access.js';
import { exportWorkspace } from '../src/portability/export.js';
import { ImportError, importWorkspace, type ImportSummary } from '../src/portability/import.js';
import { createWorkspace, login, PASSWORD, startServer, TEST_DB, type Client, type TestServer } from './harness.js';

const FIXTURES = path.join(REPO_ROOT, 'packages/server/test/fixtures/portability');
const EXAMPLE = path.join(FIXTURES, 'example.jsonl');
const RICH = path.join(FIXTURES, 'rich.jsonl');

let server: TestServer;
let counter = 0;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

const newKey = () => `pt${++counter}${Date.now().toString(36)}`;
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
const stream = (text: string) => Readable.from([text]);

function importText(key: string, text: string, options: { timezone?: string; batchSize?: number } = {}): Promise<ImportSummary> {
  return importWorkspace(server.services, stream(text), { workspaceKey: key, ...options });
}

async function exportText(key: string): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportWorkspace(server.services, key, out, { pageSize: 2 });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** A signed-in owner of an imported workspace. */
async function ownerOf(key: string): Promise<Client> {
  const ws = (await server.services.workspaces.findByKey(key))!;
  const ctx = systemContext(ws.id, new Set(PERMISSIONS), 'test');
  await server.services.staff.create(ctx, { username: 'owner', displayName: 'Owner', password: PASSWORD, role: 'owner' });
  return login(server.url, key, 'owner', PASSWORD);
}

async function created(request: Promise<{ status: number; body: any }>): Promise<any> {
  const res = await request;
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function get<T = any>(c: Client, p: string): Promise<T> {
  const res = await c.get<T>(p);
  assert.equal(res.status, 200, `${p}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const TABLES = ['members', 'member_identities', 'nickname_history', 'series', 'campaigns', 'channels', 'chat_groups', 'group_memberships',
  'enrollments', 'checkins', 'events', 'audit_log', 'member_activity_days', 'member_rollups'] as const;

/** Row counts of every table an import writes, over all workspaces, plus the counters and the workspace list. */
async function rowCounts(): Promise<Record<string, unknown>> {
  const db = server.services.database.db;
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    out[table] = Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  }
  out.counters = (await db.selectFrom('counters').select(['workspace_id', 'value']).orderBy('workspace_id').execute()).map((r) => `${r.workspace_id}:${r.value}`);
  out.workspaces = (await db.selectFrom('workspaces').select('key').orderBy('id').execute()).map((r) => r.key);
  out.enrolled = (await db.selectFrom('campaigns').select(['id', 'enrolled_count']).orderBy('id').execute()).map((r) => `${r.id}:${r.enrolled_count}`);
  if (TEST_DB === 'sqlite') out.member_search = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM member_search`.execute(db)).rows[0]!.n);
  return out;
}

async function expectFailure(key: string, text: string, line: number, reason: RegExp, batchSize?: number): Promise<void> {
  const before = await rowCounts();
  await assert.rejects(importText(key, text, { batchSize }), (error: unknown) => {
    assert.ok(error instanceof ImportError, `an ImportError, got ${String(error)}`);
    assert.equal(error.line, line, `the line of: ${error.message}`);
    assert.match(error.reason, reason);
    assert.equal(error.message, `line ${line}: ${error.reason}`);
    return true;
  });
  assert.deepEqual(await rowCounts(), before, 'a failed import leaves every table as it was');
}

test('the example imports, and reads back through the API', async () => {
  const key = newKey();
  const summary = await importWorkspace(server.services, EXAMPLE, { workspaceKey: key });
  assert.equal(summary.workspace.created, true);
  assert.equal(summary.lines, 9);
  assert.deepEqual(summary.created, { series: 1, campaign: 1, channel: 1, group: 1, member: 1, enrollment: 1, membership: 1, checkin: 1, event: 1 });

  const c = await ownerOf(key);
  const member = await get(c, '/api/v1/members/10001');
  assert.equal(member.nickname, '小明妈妈');
  assert.equal(member.createdAt, '2026-01-01T02:00:00.000Z', 'times are stored in UTC');
  assert.deepEqual(member.identities.map((i: any) => [i.kind, i.value]), [['wechat_unionid', 'o6_abc']]);
  const nicknames = await get(c, '/api/v1/members/10001/nicknames');
  assert.deepEqual(nicknames.items.map((n: any) => [n.nickname, n.context]), [['小明妈妈', 'import']]);
  // The fragment index (FTS on SQLite, search_text on PostgreSQL) and the exact identity index both find her.
  assert.deepEqual((await get(c, `/api/v1/members?q=${encodeURIComponent('明妈')}`)).items.map((m: any) => m.memberNo), [10001]);
  assert.deepEqual((await get(c, '/api/v1/members?q=o6_abc')).items.map((m: any) => m.memberNo), [10001]);

  const [campaign] = (await get(c, '/api/v1/campaigns')).items;
  assert.equal(campaign.key, 'X1');
  assert.equal(campaign.edition, 1);
  assert.equal(campaign.series.key, 'X');
  assert.equal(campaign.depositCents, 9900);
  assert.equal(campaign.rules.daysTotal, 21);
  assert.equal(campaign.rules.daysRequiredForRefund, 15);
  const enrollments = (await get(c, `/api/v1/campaigns/${campaign.id}/enrollments`)).items;
  assert.equal(enrollments.length, 1);
  assert.equal(enrollments[0].source, 'import');
  assert.equal(enrollments[0].amountDueCents, 9900);
  assert.equal(enrollments[0].paymentStatus, 'paid');
  assert.equal(enrollments[0].paidAt, '2026-01-03T01:00:00.000Z');
  assert.equal(enrollments[0].channel.name, '公众号推文');
  assert.equal(enrollments[0].progress.counted, 1, 'the check-in counts for the enrollment');
  const checkins = (await get(c, `/api/v1/campaigns/${campaign.id}/checkins`)).items;
  assert.equal(checkins.length, 1);
  assert.equal(checkins[0].dayIndex, 1);
  const [group] = (await get(c, '/api/v1/groups')).items;
  assert.equal(group.name, 'X1 打卡1群');
  assert.equal(group.capacity, 500);
  assert.equal(group.campaign.key, 'X1');
  const events = (await get(c, '/api/v1/members/10001/events')).items;
  assert.deepEqual(events.map((e: any) => [e.id, e.name, e.at, e.props, e.source]), [['e1', 'page_view', '2026-01-05T13:29:00.000Z', { duration_ms: 30000 }, 'import']]);
  const channels = (await get(c, '/api/v1/channels')).items;
  assert.equal(channels.length, 1);
  assert.match(channels[0].code, /^[A-Za-z2-9]{6}$/, 'the channel has a short-link code');

  const ws = (await server.services.workspaces.findByKey(key))!;
  const places = await server.services.database.db.selectFrom('campaigns').select('enrolled_count').where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
  assert.equal(places.enrolled_count, 1, 'the campaign counts its place');
  const rollup = await server.services.database.db.selectFrom('member_activity_days').select('day').where('workspace_id', '=', ws.id).execute();
  assert.deepEqual(rollup.map((r) => r.day), ['2026-01-05'], 'the report rollups were rebuilt from the imported rows');
});

test('the workspace line names and places a new workspace; later members get fresh numbers', async () => {
  const key = newKey();
  await importWorkspace(server.services, RICH, { workspaceKey: key });
  const ws = (await server.services.workspaces.findByKey(key))!;
  assert.equal(ws.name, 'Acme 教育');
  const c = await ownerOf(key);
  // 10001 and 10007 are the file's; the member without a number comes after the highest of them.
  assert.equal((await get(c, '/api/v1/members/10008')).nickname, '乐乐爸爸');
  const created = await c.post('/api/v1/members', { nickname: '新人' });
  assert.equal(created.status, 201);
  assert.equal(created.body.memberNo, 10009, 'the counter moved past every imported number');
  const m1 = await get(c, '/api/v1/members/10001');
  assert.equal(m1.phone, '13800000001', 'the phone is normalized and kept on the member');
  assert.deepEqual(m1.attributes, { city: '上海', kids: 2 });
  assert.deepEqual((await get(c, '/api/v1/members?q=13800000001')).items.map((m: any) => m.memberNo), [10001]);

  const campaigns = (await get(c, '/api/v1/campaigns')).items;
  const r1 = campaigns.find((x: any) => x.key === 'R1');
  assert.equal(r1.timezone, 'America/New_York');
  assert.deepEqual(r1.rules.dayWindow, { start: '06:00', end: '01:00' });
  const x2 = campaigns.find((x: any) => x.key === 'X2');
  assert.equal(x2.edition, 2);
  assert.equal(x2.timezone, 'Asia/Shanghai', "a campaign without a zone takes the workspace's");
  const r1Checkins = (await get(c, `/api/v1/campaigns/${r1.id}/checkins`)).items;
  // 00:30 New York time is still day 1 under a 06:00–01:00 window; the make-up names its day.
  assert.deepEqual(r1Checkins.map((x: any) => x.dayIndex).sort(), [1, 3]);
  const x1 = campaigns.find((x: any) => x.key === 'X1');
  const enrollments = (await get(c, `/api/v1/campaigns/${x1.id}/enrollments`)).items;
  assert.deepEqual(enrollments.map((e: any) => [e.member.memberNo, e.status]).sort(), [[10001, 'active'], [10007, 'cancelled'], [10008, 'active']]);
  const places = await server.services.database.db.selectFrom('campaigns').select('enrolled_count').where('id', '=', x1.id).executeTakeFirstOrThrow();
  assert.equal(places.enrolled_count, 2, 'cancelled enrollments take no place');
});

test('records in reverse order import to the same workspace', async () => {
  const [workspace, ...rest] = lines(RICH);
  const forward = newKey();
  const reverse = newKey();
  const a = await importText(forward, lines(RICH).join('\n'));
  const b = await importText(reverse, [workspace, ...rest.reverse()].join('\n'));
  assert.deepEqual(b.created, a.created);
  assert.deepEqual(normalize(await exportText(reverse)), normalize(await exportText(forward)));
});

test('in small batches: check-ins read before their enrollment wait for it; repeats across batches are errors', async () => {
  const [workspace, ...rest] = lines(RICH);
  const forward = newKey();
  const reverse = newKey();
  await importText(forward, lines(RICH).join('\n'));
  // Batches of two: the check-ins are written (or spooled) long before the enrollments are read.
  const summary = await importText(reverse, [workspace, ...rest.reverse()].join('\n'), { batchSize: 2 });
  assert.equal(summary.created.checkin, 5);
  assert.deepEqual(normalize(await exportText(reverse)), normalize(await exportText(forward)));

  const example = lines(EXAMPLE);
  const event = (id: string) => `{"type":"event","id":"${id}","member":"m1","name":"page_view","at":"2026-01-05T21:29:00+08:00"}`;
  await expectFailure(newKey(), [...example, event('e2'), event('e3'), event('e1')].join('\n'), 12, /^event: id "e1" is also on an earlier line$/, 2);
  const checkin = (time: string) => `{"type":"checkin","member":"m1","campaign":"X1","at":"2026-01-0${time}+08:00"}`;
  await expectFailure(newKey(), [...example, checkin('6T09:00:00'), checkin('7T09:00:00'), checkin('5T23:00:00')].join('\n'), 12,
    /^checkin: m1 already checked in for day 1 of X1 on an earlier line$/, 2);
  await expectFailure(newKey(), [...example, checkin('6T09:00:00'), checkin('7T09:00:00'), '{"type":"checkin","member":"m1","campaign":"X1","at":"2026-01-12T09:00:00+08:00"}',
    '{"type":"campaign","key":"X2","series":"X","name":"2","starts_on":"2026-01-05","ends_on":"2026-01-25"}',
    '{"type":"checkin","member":"m1","campaign":"X2","at":"2026-01-05T21:30:00+08:00"}'].join('\n'), 14, /^checkin: no enrollment of m1 in X2$/, 2);
});

/**
 * An export with channels and groups named by their names instead of their position (which follows the order they
 * were created in), sorted: the same workspace whatever order its rows were written.
 */
function normalize(text: string): string[] {
  const records = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
  const channels = new Map<string, string>();
  for (const r of records.filter((x) => x.type === 'channel')) channels.set(r.key, `${r.parent ? `${channels.get(r.parent)}/` : ''}${r.name}`);
  const groups = new Map(records.filter((r) => r.type === 'group').map((r) => [r.key, r.name]));
  return records.map((r) => {
    if (r.type === 'channel') return JSON.stringify({ ...r, key: channels.get(r.key), parent: r.parent && channels.get(r.parent) });
    if (r.type === 'group') return JSON.stringify({ ...r, key: r.name });
    if (r.channel) r.channel = channels.get(r.channel);
    if (r.group) r.group = groups.get(r.group);
    return JSON.stringify(r);
  }).sort();
}

describe('a failed import names its line and leaves nothing behind', () => {
  const example = lines(EXAMPLE);
  const replace = (index: number, line: string) => example.map((l, i) => (i === index ? line : l)).join('\n');

  test('bad JSON', async () => {
    await expectFailure(newKey(), replace(5, '{"type":"enrollment","member":"m1",'), 6, /^not valid JSON/);
  });

  test('an unknown type, and a line without one', async () => {
    await expectFailure(newKey(), replace(2, '{"type":"chanel","key":"article","name":"x"}'), 3, /^unknown type "chanel"/);
    await expectFailure(newKey(), replace(2, '{"key":"article","name":"x"}'), 3, /^type: required$/);
  });

  test('a missing field, by its name', async () => {
    await expectFailure(newKey(), replace(4, '{"type":"member","key":"m1","number":10001}'), 5, /^member: nickname: required$/);
    await expectFailure(newKey(), replace(6, '{"type":"membership","member":"m1","group":"A"}'), 7, /^membership: joined_at: required$/);
  });

  test('an unknown field', async () => {
    await expectFailure(newKey(), replace(4, '{"type":"member","key":"m1","nickname":"x","crated_at":"2026-01-01T10:00:00+08:00"}'), 5, /^member: crated_at: unknown field$/);
  });

  test('an unknown reference', async () => {
    await expectFailure(newKey(), [...example, '{"type":"enrollment","member":"m1","campaign":"X9","at":"2026-01-03T09:00:00+08:00"}'].join('\n'), 10,
      /^enrollment: unknown campaign "X9"$/);
    await expectFailure(newKey(), [...example, '{"type":"event","id":"e2","member":"m9","name":"page_view","at":"2026-01-05T21:29:00+08:00"}'].join('\n'), 10,
      /^event: unknown member "m9"$/);
    await expectFailure(newKey(), replace(3, '{"type":"group","key":"A","name":"g","platform":"wechat","campaign":"Y1"}'), 4, /^group: unknown campaign "Y1"$/);
  });

  test('a duplicate key names both lines', async () => {
    const text = [...example, '{"type":"member","key":"m1","nickname":"又一个"}'].join('\n');
    await expectFailure(newKey(), text, 10, /^member: key "m1" is also on line 5$/);
    await expectFailure(newKey(), [...example, '{"type":"campaign","key":"X1","series":"X","name":"again","starts_on":"2026-01-05","ends_on":"2026-01-25"}'].join('\n'), 10,
      /^campaign: key "X1" is also on line 2$/);
  });

  test('a duplicate number names both lines', async () => {
    await expectFailure(newKey(), [...example, '{"type":"member","key":"m2","number":10001,"nickname":"又一个"}'].join('\n'), 10, /^member: number 10001 is also on line 5$/);
  });

  test('a duplicate identity names both lines', async () => {
    const text = [...example, '{"type":"member","key":"m2","nickname":"又一个","identities":[{"kind":"wechat_unionid","value":"o6_abc"}]}'].join('\n');
    await expectFailure(newKey(), text, 10, /^member: identities: wechat_unionid "o6_abc" is also on line 5$/);
  });

  test('a bad date', async () => {
    await expectFailure(newKey(), replace(4, '{"type":"member","key":"m1","nickname":"x","created_at":"2026-01-01 10:00"}'), 5, /^member: created_at: not an ISO date-time/);
    await expectFailure(newKey(), replace(7, '{"type":"checkin","member":"m1","campaign":"X1","at":"2026-02-30T10:00:00Z"}'), 8, /^checkin: at: not a real date and time$/);
    await expectFailure(newKey(), replace(1, example[1]!.replace('"2026-01-25"', '"2026-01-32"')), 2, /^campaign: ends_on: not a date/);
  });

  test('a check-in without an enrollment, and the same day twice', async () => {
    await expectFailure(newKey(), [...example, '{"type":"checkin","member":"m1","campaign":"X2","at":"2026-01-05T21:30:00+08:00"}',
      '{"type":"campaign","key":"X2","series":"X","name":"2","starts_on":"2026-01-05","ends_on":"2026-01-25"}'].join('\n'), 10, /^checkin: no enrollment of m1 in X2$/);
    await expectFailure(newKey(), [...example, '{"type":"checkin","member":"m1","campaign":"X1","at":"2026-01-05T22:00:00+08:00"}'].join('\n'), 10,
      /^checkin: m1 already checked in for day 1 of X1 on an earlier line$/);
    await expectFailure(newKey(), [...example, '{"type":"checkin","member":"m1","campaign":"X1","at":"2026-02-05T22:00:00+08:00"}'].join('\n'), 10,
      /^checkin: at: day 32 is outside X1 \(days 1–21\)$/);
  });

  test('a repeated event id and an invalid event', async () => {
    await expectFailure(newKey(), [...example, example[8]!].join('\n'), 10, /^event: id "e1" is also on line 9$/);
    await expectFailure(newKey(), [...example, '{"type":"event","id":"e2","member":"m1","name":"Page View","at":"2026-01-05T21:29:00+08:00"}'].join('\n'), 10,
      /^event: name: must be/);
  });

  test('a second enrollment of one member in one campaign', async () => {
    await expectFailure(newKey(), [...example, example[5]!].join('\n'), 10, /^enrollment: m1 is enrolled in X1 on an earlier line too$/);
  });

  test('into an existing workspace, a failure changes nothing there either', async () => {
    const key = newKey();
    await importWorkspace(server.services, EXAMPLE, { workspaceKey: key });
    const more = ['{"type":"member","key":"m2","nickname":"乐乐爸爸"}', '{"type":"enrollment","member":"m2","campaign":"X1","at":"2026-01-03T09:00:00+08:00"}',
      '{"type":"event","id":"e9","member":"m2","name":"page_view","at":"2026-01-05T21:29:00+08:00"}',
      '{"type":"checkin","member":"m2","campaign":"X1","at":"2026-01-05T21:30:00+08:00"}', '{"type":"checkin","member":"m2","campaign":"X1","at":"2026-01-05T21:40:00+08:00"}'];
    await expectFailure(key, [...example, ...more].join('\n'), 14, /^checkin: m2 already checked in for day 1 of X1 on an earlier line$/);
  });
});

test('into an existing workspace: members matched by number, then identity; existing rows skipped', async () => {
  const ws = await createWorkspace(server);
  const c = await ws.as('owner');
  const e1 = (await c.post('/api/v1/members', { nickname: '老会员' })).body;
  const e2 = (await c.post('/api/v1/members', { nickname: '老会员二', identities: [{ kind: 'wechat_unionid', value: 'o6_old' }] })).body;
  const e3 = (await c.post('/api/v1/members', { nickname: '被合并' })).body;
  assert.deepEqual([e1.memberNo, e2.memberNo, e3.memberNo], [10001, 10002, 10003]);
  assert.equal((await c.post('/api/v1/members/10002/merge', { fromMemberNo: 10003 })).status, 200);
  const text = [
    ...lines(EXAMPLE).slice(0, 4),
    '{"type":"member","key":"a","number":10001,"nickname":"改了名字"}',
    '{"type":"member","key":"b","nickname":"换了号","identities":[{"kind":"wechat_unionid","value":"o6_old"}]}',
    '{"type":"member","key":"c","number":10003,"nickname":"合并掉的号"}',
    '{"type":"member","key":"d","nickname":"新人","phone":"13700000001"}',
    '{"type":"enrollment","member":"a","campaign":"X1","at":"2026-01-03T09:00:00+08:00"}',
    '{"type":"enrollment","member":"b","campaign":"X1","at":"2026-01-03T09:00:00+08:00"}',
    '{"type":"checkin","member":"c","campaign":"X1","at":"2026-01-05T21:30:00+08:00"}',
    '{"type":"event","id":"x1","member":"d","name":"page_view","at":"2026-01-05T21:29:00+08:00"}',
  ].join('\n');
  const first = await importText(ws.key, text);
  assert.equal(first.workspace.created, false);
  assert.deepEqual([first.created.member, first.skipped.member], [1, 3], 'a, b and c were already there');
  assert.equal((await get(c, '/api/v1/members/10001')).nickname, '老会员', 'a matched member is not rewritten');
  assert.equal((await get(c, '/api/v1/members/10004')).nickname, '新人', 'a new member takes the next number');
  const [campaign] = (await get(c, '/api/v1/campaigns')).items;
  const enrolled = (await get(c, `/api/v1/campaigns/${campaign.id}/enrollments`)).items.map((e: any) => e.member.memberNo).sort();
  assert.deepEqual(enrolled, [10001, 10002], 'b is 10002 by identity');
  const checkins = (await get(c, `/api/v1/campaigns/${campaign.id}/checkins`)).items;
  assert.deepEqual(checkins.map((x: any) => x.member.memberNo), [10002], "c's number was merged into 10002: the check-in is the survivor's");

  const again = await importText(ws.key, text);
  assert.deepEqual(again.created, { series: 0, campaign: 0, channel: 0, group: 0, member: 0, enrollment: 0, membership: 0, checkin: 0, event: 0 });
  assert.deepEqual(again.skipped, { series: 1, campaign: 1, channel: 1, group: 1, member: 4, enrollment: 2, membership: 0, checkin: 1, event: 1 });
  const places = await server.services.database.db.selectFrom('campaigns').select('enrolled_count').where('id', '=', campaign.id).executeTakeFirstOrThrow();
  assert.equal(places.enrolled_count, 2, 'skipped enrollments take no second place');
  assert.equal((await c.post('/api/v1/members', { nickname: '之后' })).body.memberNo, 10005);
});

test('an explicit number above the counter moves it; numbers follow the file order', async () => {
  const key = newKey();
  const text = [
    '{"type":"member","key":"first","nickname":"一"}',
    '{"type":"member","key":"high","number":20000,"nickname":"二"}',
    '{"type":"member","key":"third","nickname":"三"}',
  ].join('\n');
  await importText(key, text, { timezone: 'Europe/Berlin' });
  const ws = (await server.services.workspaces.findByKey(key))!;
  assert.equal(ws.timezone, 'Europe/Berlin');
  const rows = await server.services.database.db.selectFrom('members').select(['nickname', 'member_no']).where('workspace_id', '=', ws.id).orderBy('member_no').execute();
  assert.deepEqual(rows.map((r) => [r.nickname, r.member_no]), [['二', 20000], ['一', 20001], ['三', 20002]]);
});

test('export → import → export gives the same file, merged-away members going with their survivor', async () => {
  const source = newKey();
  await importWorkspace(server.services, RICH, { workspaceKey: source });
  const c = await ownerOf(source);
  // 10007's X1 enrollment is cancelled, 10008's active: the merge is allowed and leaves 10007's with 10007.
  assert.equal((await c.post('/api/v1/members/10008/merge', { fromMemberNo: 10007 })).status, 200);
  const first = await exportText(source);
  const records = first.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(records.filter((r) => r.type === 'member').map((r) => r.key), ['10001', '10008']);
  const survivor = records.find((r) => r.key === '10008');
  assert.deepEqual(survivor.identities.map((i: any) => i.value).sort(), ['o6_def', 'oX_ghi'], 'identities go with the survivor');
  assert.equal(records.find((r) => r.type === 'event' && r.id === 'e3').member, '10008', 'so do events');
  assert.ok(!records.some((r) => r.member === '10007'), 'nothing refers to the merged-away number');
  assert.deepEqual(records.find((r) => r.type === 'enrollment' && r.member === '10001' && r.campaign === 'X1'),
    { type: 'enrollment', member: '10001', campaign: 'X1', channel: 'c3', at: '2026-01-03T01:00:00.000Z', paid_cents: 9900, refunded_cents: 9900, refunded_at: '2026-01-28T02:00:00.000Z' });
  assert.ok(records.some((r) => r.type === 'checkin' && r.day === 3), 'the make-up keeps its day');

  const copy = newKey();
  await importText(copy, first);
  const second = await exportText(copy);
  assert.equal(second, first);
});

test('an export of a workspace with rows written by the API round-trips too', async () => {
  const ws = await createWorkspace(server);
  const c = await ws.as('owner');
  const series = await created(c.post('/api/v1/series', { key: 'Q', name: '测验' }));
  const rules = { daysTotal: 7, daysRequiredForCompletion: 5, daysRequiredForRefund: 5, dayWindow: { start: '05:00', end: '23:00' } };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const campaign = await created(c.post('/api/v1/campaigns', { seriesId: series.id, name: 'Q1', startsOn: day(30), endsOn: day(36), depositCents: 500, rules }));
  assert.equal(campaign.key, 'Q1');
  await created(c.post('/api/v1/members', { nickname: '甲', phone: '13900000009', identities: [{ kind: 'email', value: 'a@b.cn' }] }));
  await created(c.post('/api/v1/channels', { name: '海报' }));
  await created(c.post(`/api/v1/campaigns/${campaign.id}/enrollments`, { memberNo: 10001 }));
  // A price change after the enrollment: the export keeps what this member owed.
  const changed = await c.patch(`/api/v1/campaigns/${campaign.id}`, { depositCents: 300 });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const first = await exportText(ws.key);
  assert.match(first, /"amount_due_cents":500/);
  const copy = newKey();
  await importText(copy, first);
  assert.equal(await exportText(copy), first);
});

describe('the CLI', { skip: TEST_DB === 'postgres' ? 'the CLI runs on SQLite here; the library is covered on PostgreSQL above' : false }, () => {
  let dataDir: string;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-portability-cli-'));
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  function qunyun(args: string[], input?: string) {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'packages/server/bin/qunyun.js'), ...args, '--data', dataDir], {
      encoding: 'utf8', input, env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  test('import, export to a file and to stdout, import from stdin', () => {
    let r = qunyun(['import', RICH, '--workspace', 'acme']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /created workspace "acme" from 31 lines/);
    assert.match(r.out, /member +3 created/);
    const file = path.join(dataDir, 'acme.jsonl');
    r = qunyun(['export', '--workspace', 'acme', '--out', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /exported 30 lines/);
    const exported = fs.readFileSync(file, 'utf8');
    r = qunyun(['export', '--workspace', 'acme']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, exported, 'stdout holds the data and nothing else');
    r = qunyun(['import', '-', '--workspace', 'copy'], exported);
    assert.equal(r.code, 0, r.err);
    assert.equal(qunyun(['export', '--workspace', 'copy']).out, exported);
    r = qunyun(['import', file, '--workspace', 'acme']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /imported into workspace "acme"/);
    assert.match(r.out, /event +0 created, 3 skipped/);
  });

  test('a bad file: the line and the reason, exit code 2, no workspace', () => {
    const bad = path.join(dataDir, 'bad.jsonl');
    fs.writeFileSync(bad, [...lines(EXAMPLE).slice(0, 5), '{"type":"enrollment","member":"m1","campaign":"X9","at":"2026-01-03T09:00:00+08:00"}'].join('\n'));
    const r = qunyun(['import', bad, '--workspace', 'broken']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^qunyun: line 6: enrollment: unknown campaign "X9"$/m);
    const missing = qunyun(['export', '--workspace', 'broken']);
    assert.equal(missing.code, 2, 'the failed import left no workspace');
    assert.match(missing.err, /No workspace with key "broken"/);
    assert.equal(qunyun(['import', path.join(dataDir, 'nope.jsonl'), '--workspace', 'x']).code, 2);
  });
});
