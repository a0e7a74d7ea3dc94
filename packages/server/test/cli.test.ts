// The `qunyun` command as a user runs it: a new workspace, its owner, an import with rejected rows, an export.
// SQLite only: the commands use the same services the HTTP tests cover on both databases.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from '../src/config.js';
import { TEST_DB } from './harness.js';

const skip = TEST_DB === 'postgres' ? 'the CLI runs on SQLite here; services are covered on PostgreSQL by the HTTP tests' : false;
let dataDir: string;

function qunyun(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'packages/server/bin/qunyun.js'), ...args, '--data', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-cli-'));
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('a new workspace, its owner, an import with rejected rows, and an export', { skip }, () => {
  let r = qunyun('workspace', 'create', '--workspace', 'acme', '--name', 'Acme 教育');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /created workspace "acme"/);
  assert.equal(qunyun('workspace', 'create', '--workspace', 'acme').code, 2, 'a second create is refused');

  r = qunyun('staff', 'add', '--workspace', 'acme', '--username', 'li', '--name', '李老师', '--role', 'owner', '--password', 'a-long-password');
  assert.equal(r.code, 0, r.err);
  r = qunyun('staff', 'add', '--workspace', 'acme', '--username', 'x', '--role', 'king');
  assert.equal(r.code, 2);
  assert.match(r.err, /--role must be one of/);
  r = qunyun('staff', 'add', '--workspace', 'acme', '--username', 'wang', '--role', 'operator', '--password', 'short');
  assert.equal(r.code, 2);
  assert.match(r.err, /password: must be at least 8 characters/);

  const csv = path.join(dataDir, 'members.csv');
  fs.writeFileSync(csv, '\ufeff昵称,手机号,unionid,标签\n小明妈妈,13800000001,o6_a,宝妈\n乐乐爸爸,13800000002,o6_b,"宝爸,高意向"\n,13800000003,o6_c,\n果果妈妈,13800000001,o6_d,\n');
  r = qunyun('members', 'import', csv, '--workspace', 'acme');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out + r.err, /imported 2/i);
  const report = fs.readFileSync(path.join(dataDir, 'members.rejected.csv'), 'utf8');
  assert.match(report, /^4,昵称: must not be empty,/m, 'the empty nickname is reported by its line and column');
  assert.match(report, /^5,"手机号: duplicate, 13800000001 is also on line 2"/m, 'the repeated phone names the line that has it');

  const out = path.join(dataDir, 'export.csv');
  r = qunyun('members', 'export', '--workspace', 'acme', '--out', out);
  assert.equal(r.code, 0, r.err);
  const lines = fs.readFileSync(out, 'utf8').trim().split(/\r?\n/);
  assert.equal(lines.length, 3, 'header and two members');
  assert.ok(lines.some((l) => l.includes('小明妈妈') && l.includes('13800000001')));
});

test('migrate is idempotent, a missing workspace and an unknown command are explained', { skip }, () => {
  assert.equal(qunyun('migrate').code, 0);
  const again = qunyun('migrate');
  assert.match(again.out, /already up to date/);
  const missing = qunyun('members', 'export', '--workspace', 'nope');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /No workspace with key "nope"/);
  const unknown = qunyun('frobnicate');
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /Usage:/);
});

test('a report from the command line is the API’s JSON; a bad flag is named', { skip }, () => {
  const fixture = path.join(import.meta.dirname, 'fixtures/portability/rich.jsonl');
  assert.equal(qunyun('import', fixture, '--workspace', 'reports-cli').code, 0);
  const r = qunyun('report', 'reenrolment', '--campaign', 'X1', '--as-of', '2026-01-15', '--workspace', 'reports-cli', '--json');
  assert.equal(r.code, 0, r.err);
  const { generated_at: _, ...body } = JSON.parse(r.out);
  const golden = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/reports/rich.golden.json'), 'utf8'));
  assert.deepEqual(body, golden['reenrolment?campaign=X1&as_of=2026-01-15']);
  const readable = qunyun('report', 'series', '--series', 'X', '--workspace', 'reports-cli');
  assert.equal(readable.code, 0, readable.err);
  assert.match(readable.out, /campaign\s+participants\s+by_first_in_series/);
  assert.match(readable.out, /definitions:/);
  const bad = qunyun('report', 'reenrolment', '--campaign', 'X1', '--as-of', '2026-13-01', '--workspace', 'reports-cli');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /as_of: must be a date/);
  assert.match(qunyun('report', 'nonsense', '--workspace', 'reports-cli').err, /name a report: composition, series/);
});
