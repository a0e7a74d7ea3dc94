// Import and export of members through the real services on a real database (SQLite, or PostgreSQL with
// QUNYUN_TEST_DB=postgres): row rules and the report, numbers, all-or-nothing, and the export round trip.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createWorkspace, startServer, type TestServer, type TestWorkspace } from '../../test/harness.js';
import { parseCsv } from './csv.js';
import { exportMembers } from './export.js';
import { importMembers, type ImportOptions } from './import.js';

let server: TestServer;
let dir: string;

before(async () => {
  server = await startServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-import-'));
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let fileCounter = 0;
function csvFile(text: string, bom = true): string {
  const file = path.join(dir, `members-${++fileCounter}.csv`);
  fs.writeFileSync(file, (bom ? '\uFEFF' : '') + text);
  return file;
}

function run(ws: TestWorkspace, file: string, options: Partial<ImportOptions> = {}) {
  return importMembers(server.services.database, ws.ctx, { file, ...options });
}

async function allMembers(ws: TestWorkspace) {
  const list = await server.services.members.list(ws.ctx, { tagIds: [], limit: 200 });
  return Promise.all(list.items.reverse().map((m) => server.services.members.get(ws.ctx, m.memberNo)));
}

async function reportLines(file: string): Promise<string[][]> {
  const out: string[][] = [];
  async function* chunks() { yield fs.readFileSync(file, 'utf8'); }
  for await (const batch of parseCsv(chunks())) for (const record of batch) out.push(record.fields);
  return out;
}

describe('members import', () => {
  test('imports a spreadsheet CSV: BOM, quotes, CRLF, Chinese headers, tags, attributes, search', async () => {
    const ws = await createWorkspace(server);
    const file = csvFile([
      '昵称,手机,unionid,标签,城市,创建时间',
      '小明妈妈,138 0013 8000,o6_aaa,"宝妈,新生",北京,2024-03-01 09:30',
      '"乐乐""爸爸""",+8613800138001,o6_bbb,宝妈、高意向,"上海',
      '浦东",2024-03-02T08:00:00Z',
    ].join('\r\n') + '\r\n');
    const summary = await run(ws, file);
    assert.equal(summary.imported, 2);
    assert.equal(summary.rejected, 0);
    assert.deepEqual(summary.createdTags.sort(), ['宝妈', '新生', '高意向'].sort());

    const [first, second] = await allMembers(ws);
    assert.equal(first!.nickname, '小明妈妈');
    assert.equal(first!.memberNo, 10001);
    assert.equal(first!.phone, '13800138000');
    assert.equal(first!.createdAt, '2024-03-01T01:30:00.000Z', 'a time without zone is read in the workspace zone (Asia/Shanghai)');
    assert.deepEqual(first!.attributes, { 城市: '北京' });
    assert.deepEqual(first!.identities.map((i) => [i.kind, i.value]).sort(), [['phone', '13800138000'], ['wechat_unionid', 'o6_aaa']]);
    assert.deepEqual(first!.tags.map((t) => t.name).sort(), ['宝妈', '新生'].sort());
    assert.equal(second!.nickname, '乐乐"爸爸"');
    assert.equal(second!.phone, '13800138001');
    assert.deepEqual(second!.attributes, { 城市: '上海\r\n浦东' });

    const groups = await server.services.tags.listGroups(ws.ctx);
    assert.deepEqual(groups.map((g) => g.name), ['导入']);
    const history = await server.services.members.nicknames(ws.ctx, first!.memberNo);
    assert.deepEqual(history.map((h) => [h.nickname, h.context]), [['小明妈妈', 'import']]);

    for (const q of ['明妈', '小明妈妈', '爸爸', '0138001']) {
      const found = await server.services.members.list(ws.ctx, { q, tagIds: [], limit: 10 });
      assert.equal(found.items.length, 1, `fragment ${q}`);
    }
    const byUnionid = await server.services.members.list(ws.ctx, { q: 'o6_bbb', tagIds: [], limit: 10 });
    assert.deepEqual(byUnionid.items.map((m) => m.nickname), ['乐乐"爸爸"']);

    const audit = await server.services.audit(ws.ctx, { entity: 'import', limit: 10 });
    const entry = audit.items.find((a) => a.action === 'member.import');
    assert.ok(entry, 'one audit entry for the import');
    assert.deepEqual(entry.after, { file: path.basename(file), imported: 2, rejected: 0, createdTags: summary.createdTags });
  });

  test('rejects invalid and duplicate rows with reasons naming the field, and imports the rest', async () => {
    const ws = await createWorkspace(server);
    const holder = await server.services.members.create(ws.ctx, { nickname: '老会员', identities: [{ kind: 'wechat_unionid', value: 'o6_taken' }] });
    const file = csvFile([
      'nickname,phone,wechat_unionid,email,member_no',
      'Amy,13900000001,o6_new1,amy@example.com,',
      ',13900000002,,,',
      'Bob,not-a-phone,,,',
      'Cat,,o6_taken,,',
      'Dan,13900000001,,,',
      'Eve,,,bad-email,',
      `Fay,,,,${holder.memberNo}`,
      `${'长'.repeat(65)},,,,`,
      'Nul\u0000Name,,,,',
      'Gus,,,,20001',
      'Hal,,,,20001',
    ].join('\n'));
    const reportFile = path.join(dir, 'custom-report.csv');
    const summary = await run(ws, file, { reportFile });
    assert.equal(summary.imported, 2, 'Amy, and Gus who claims 20001 first');
    assert.equal(summary.rejected, 9);
    const report = await reportLines(reportFile);
    assert.deepEqual(report[0]!.slice(2), ['nickname', 'phone', 'wechat_unionid', 'email', 'member_no']);
    const reasons = new Map(report.slice(1).map((r) => [Number(r[0]), r[1]!]));
    assert.match(reasons.get(3)!, /^nickname: must not be empty/);
    assert.match(reasons.get(4)!, /^phone: not a phone number/);
    assert.match(reasons.get(5)!, new RegExp(`wechat_unionid: duplicate, o6_taken already belongs to member ${holder.memberNo}`));
    assert.match(reasons.get(6)!, /phone: duplicate, 13900000001 is also on line 2/);
    assert.match(reasons.get(7)!, /email: not an e-mail address/);
    assert.match(reasons.get(8)!, new RegExp(`member_no: member number ${holder.memberNo} is already used`));
    assert.match(reasons.get(9)!, /nickname: must be at most 64 characters/);
    assert.match(reasons.get(10)!, /^nickname: must not contain NUL characters/);
    assert.match(reasons.get(12)!, /member_no: 20001 is also on line 11/);
    assert.deepEqual(report.find((r) => r[0] === '4')!.slice(2), ['Bob', 'not-a-phone', '', '', ''], 'the original row follows the reason');
    const holderAfter = await server.services.members.get(ws.ctx, holder.memberNo);
    assert.equal(holderAfter.nickname, '老会员', 'no silent merge into the holder');
  });

  test('keeps explicit numbers, numbers the rest after them, and never reuses a number', async () => {
    const ws = await createWorkspace(server);
    const file = csvFile(['学号,昵称', ',甲', '10500,乙', ',丙', '10003,丁'].join('\n'));
    await run(ws, file);
    const numbers = (await allMembers(ws)).map((m) => [m.nickname, m.memberNo]);
    assert.deepEqual(numbers.sort((a, b) => Number(a[1]) - Number(b[1])), [['丁', 10003], ['乙', 10500], ['甲', 10501], ['丙', 10502]]);
    const next = await server.services.members.create(ws.ctx, { nickname: '后来者' });
    assert.equal(next.memberNo, 10503);
    const withoutNumbers = await run(ws, csvFile('昵称\n戊\n己\n'));
    assert.equal(withoutNumbers.imported, 2);
    const latest = await server.services.members.list(ws.ctx, { tagIds: [], limit: 2 });
    assert.deepEqual(latest.items.map((m) => m.memberNo), [10505, 10504]);
  });

  test('a failure midway leaves nothing behind: no members, tags, numbers or audit entry', async () => {
    const ws = await createWorkspace(server);
    const rows = Array.from({ length: 20 }, (_, i) => `会员${i},1390000${String(i).padStart(4, '0')},标签${i % 3}`);
    const file = csvFile(['昵称,手机,标签', ...rows].join('\n'));
    await assert.rejects(run(ws, file, { batchSize: 4, failAfterRows: 10 }), /injected failure/);
    const list = await server.services.members.list(ws.ctx, { tagIds: [], limit: 50 });
    assert.equal(list.items.length, 0);
    assert.deepEqual(await server.services.tags.listGroups(ws.ctx), []);
    const audit = await server.services.audit(ws.ctx, { entity: 'import', limit: 10 });
    assert.equal(audit.items.filter((a) => a.action === 'member.import').length, 0);
    const next = await server.services.members.create(ws.ctx, { nickname: '第一个' });
    assert.equal(next.memberNo, 10001, 'the numbers taken by the failed import were given back');
    const dry = await run(ws, file, { dryRun: true });
    assert.equal(dry.imported, 20);
    assert.equal((await server.services.members.list(ws.ctx, { tagIds: [], limit: 50 })).items.length, 1, 'a dry run writes nothing');
  });

  test('maps English, unknown and ambiguous headers, and refuses a file without nicknames', async () => {
    const ws = await createWorkspace(server);
    let shown: string[] = [];
    const file = csvFile('name,昵称,Phone,企业微信ID,Tags,created_at,source,attr:phone\nZoe,ignored,13700000000,wmabc,VIP,2024-01-02T03:04:05Z,ad,home\n');
    const summary = await run(ws, file, { onColumns: (m) => { shown = [...m.columns.map((c) => `${c.header}:${c.target.kind}${c.unknown ? '?' : ''}`), ...m.ignored.map((i) => `${i.header}:ignored`)]; } });
    assert.deepEqual(shown, ['name:nickname', 'Phone:identity', '企业微信ID:identity', 'Tags:tags', 'created_at:createdAt', 'source:attribute?', 'attr:phone:attribute', '昵称:ignored']);
    assert.equal(summary.imported, 1);
    const [zoe] = await allMembers(ws);
    assert.equal(zoe!.nickname, 'Zoe');
    assert.equal(zoe!.createdAt, '2024-01-02T03:04:05.000Z');
    assert.deepEqual(zoe!.attributes, { source: 'ad', phone: 'home' });
    assert.deepEqual(zoe!.identities.map((i) => i.kind).sort(), ['phone', 'wecom_external_userid']);
    await assert.rejects(run(ws, csvFile('手机\n13700000001\n')), /no nickname column/);
  });

  test('exported CSV and XLSX re-import into an empty workspace unchanged', async () => {
    const source = await createWorkspace(server);
    await run(source, csvFile([
      '昵称,手机,unionid,openid,邮箱,标签,城市,phone备注,创建时间',
      '小明妈妈,13800138000;13800138009,o6_x1,oX1,a@b.cn,宝妈、高意向,北京,,2024-03-01 09:30',
      '"引号""和,逗号",,o6_x2,,,,"多行',
      '地址",备注,2024-03-02 10:00',
      'Lily 🌸,,,,,,,,',
    ].join('\r\n')));
    await server.services.members.update(source.ctx, 10002, { attributes: { 城市: '上海', phone: '工作机' } });
    const erased = await server.services.members.create(source.ctx, { nickname: '将被删除' });
    await server.services.erase(source.ctx, erased.memberNo, erased.memberNo);

    for (const format of ['csv', 'xlsx'] as const) {
      const out = path.join(dir, `export-${format}-${fileCounter++}.${format}`);
      const exported = await exportMembers(server.services.database, source.ctx, { format, out });
      assert.equal(exported.members, 3, 'erased members are not exported');
      const target = await createWorkspace(server);
      const summary = await run(target, out);
      assert.equal(summary.rejected, 0, `${format}: ${fs.existsSync(summary.reportFile) ? fs.readFileSync(summary.reportFile, 'utf8') : ''}`);
      const strip = (m: Awaited<ReturnType<typeof allMembers>>[number]) => ({
        memberNo: m.memberNo, nickname: m.nickname, phone: m.phone, attributes: m.attributes, createdAt: m.createdAt,
        identities: m.identities.map((i) => `${i.kind}:${i.value}`).sort(), tags: m.tags.map((t) => t.name).sort(),
      });
      assert.deepEqual((await allMembers(target)).map(strip), (await allMembers(source)).filter((m) => !m.erasedAt).map(strip), format);
    }
    if (fs.readFileSync(path.join(dir, `export-csv-${fileCounter - 2}.csv`)).subarray(0, 3).toString('hex') !== 'efbbbf') assert.fail('CSV starts with a BOM');
  });

  test('parses CSV split at any point across chunks', async () => {
    const text = '\uFEFFa,b\r\n"x,""y""\r\nz",2\r\n\r\nlast,"q"';
    const expected = [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x,"y"\r\nz', '2'] }, { line: 5, fields: ['last', 'q'] }];
    for (let size = 1; size <= text.length; size++) {
      async function* chunks() { for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size); }
      const records = [];
      for await (const batch of parseCsv(chunks())) records.push(...batch);
      assert.deepEqual(records, expected, `chunk size ${size}`);
    }
  });
});
