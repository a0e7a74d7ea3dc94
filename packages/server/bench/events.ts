// `npm run bench -- --events`: the event API end to end (a real HTTP server on SQLite in a temp folder, an API
// token, batches of 1,000 over 2–4 connections), then the raw SQLite insert rate of the same rows for comparison.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { REPO_ROOT } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SeededRandom } from '../src/demo/random.js';
import { systemContext } from '../src/http/access.js';
import { createServices } from '../src/services.js';
import { runLoad } from './load-client.js';

export interface EventBenchResult {
  members: number;
  batches: number;
  batchSize: number;
  connections: number;
  identityShare: number;
  httpSeconds: number;
  httpRate: number;
  batchP50: number;
  batchP99: number;
  rawSeconds: number;
  rawRate: number;
  stored: number;
}

const MEMBERS = 10_000;
const BATCHES = 200;
const BATCH = 1000;
const CONNECTIONS = 3;
const IDENTITY_SHARE = 0.1;
const NAMES = ['page.view', 'page.dwell', 'quiz.answer', 'checkin.open', 'video.play'];

interface Row { event_id: string; member_id: number; name: string; at: string; props: string }

export async function benchEvents(dataDir: string, log: (message: string) => void): Promise<EventBenchResult> {
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database);
    const services = createServices(database, { dataDir });
    const workspace = await services.workspaces.create({ key: 'bench', name: '事件基准' });
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'bench');
    const memberIds = await seedMembers(database.db, workspace.id);
    const { token } = await services.tokens.create(ctx, { name: 'bench', scopes: ['events.write'] });
    log(`seeded ${MEMBERS.toLocaleString('en-US')} members`);

    const { bodies, rows } = generate(memberIds);
    const app = await buildApp(services, { webDist: path.join(REPO_ROOT, 'packages/web/dist'), logLevel: 'silent', secureCookies: false, trustProxy: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/events`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (body: string) => {
      const res = await fetch(url, { method: 'POST', headers, body });
      const out = (await res.json()) as { accepted: number; rejected: unknown[] };
      if (res.status !== 200 || out.rejected.length) throw new Error(`batch refused: ${res.status} ${JSON.stringify(out).slice(0, 300)}`);
      return out.accepted;
    };
    // Warm-up: one batch of throwaway events (ids unlike the measured ones), not counted.
    await post(bodies[0]!.replaceAll('"e-0-', '"warm-'));
    const load = await runLoad(bodies.map((body) => ({ url, method: 'POST' as const, headers, body })), CONNECTIONS, [200]);
    let accepted = 0;
    for (const text of load.bodies) {
      const out = JSON.parse(text) as { accepted: number; rejected: unknown[] };
      if (out.rejected.length) throw new Error(`batch refused events: ${text.slice(0, 300)}`);
      accepted += out.accepted;
    }
    const times = load.times;
    const httpSeconds = load.seconds;
    await app.close();
    if (accepted !== BATCHES * BATCH) throw new Error(`stored ${accepted} of ${BATCHES * BATCH} events`);
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    const httpRate = accepted / httpSeconds;
    log(`HTTP: ${accepted.toLocaleString('en-US')} events in ${httpSeconds.toFixed(2)} s = ${Math.round(httpRate).toLocaleString('en-US')} events/s; batch p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`);

    const rawSeconds = rawInsert(dataDir, workspace.id, rows);
    const rawRate = rows.length / rawSeconds;
    log(`raw SQLite: ${rows.length.toLocaleString('en-US')} rows in ${rawSeconds.toFixed(2)} s = ${Math.round(rawRate).toLocaleString('en-US')} rows/s`);
    return {
      members: MEMBERS, batches: BATCHES, batchSize: BATCH, connections: CONNECTIONS, identityShare: IDENTITY_SHARE,
      httpSeconds, httpRate, batchP50: at(0.5), batchP99: at(0.99), rawSeconds, rawRate, stored: accepted,
    };
  } finally {
    await database.close();
  }
}

/** Members 10001… with a unionid each, written directly (the member import has its own benchmark). */
async function seedMembers(db: Awaited<ReturnType<typeof openDatabase>>['db'], workspaceId: number): Promise<number[]> {
  const now = new Date().toISOString();
  const ids: number[] = [];
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < MEMBERS; start += 500) {
      const part = Array.from({ length: Math.min(500, MEMBERS - start) }, (_, i) => start + i);
      const rows = await tx.insertInto('members').values(part.map((i) => ({
        workspace_id: workspaceId, member_no: 10001 + i, nickname: `成员${i}`, phone: null, attributes: '{}', created_at: now, updated_at: now,
      }))).returning('id').execute();
      ids.push(...rows.map((r) => r.id));
      await tx.insertInto('member_identities').values(part.map((i, k) => ({
        workspace_id: workspaceId, member_id: rows[k]!.id, kind: 'wechat_unionid', value: `bench-union-${i}`, created_at: now,
      }))).execute();
    }
  });
  return ids;
}

/** The request bodies (serialized before the clock starts) and the rows they should become. */
function generate(memberIds: number[]): { bodies: string[]; rows: Row[] } {
  const rng = new SeededRandom(42);
  // A live client sends what just happened: times rise through the run, each up to a minute late.
  const base = Date.now() - 30 * 60_000;
  const bodies: string[] = [];
  const rows: Row[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const events = [];
    for (let i = 0; i < BATCH; i++) {
      const m = rng.int(MEMBERS);
      const name = NAMES[rng.int(NAMES.length)]!;
      const ms = base + (b * BATCH + i) * 5 - rng.int(60_000);
      const props = { page: `/course/${rng.int(40)}`, dwell_ms: rng.int(120_000), answer: rng.int(4) };
      const id = `e-${b}-${i}`;
      const member = rng.next() < IDENTITY_SHARE ? { kind: 'wechat_unionid', value: `bench-union-${m}` } : 10001 + m;
      events.push({ id, member, name, at: new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00'), props });
      rows.push({ event_id: id, member_id: memberIds[m]!, name, at: new Date(ms).toISOString(), props: JSON.stringify(props) });
    }
    bodies.push(JSON.stringify({ events }));
  }
  return { bodies, rows };
}

/** The same rows into a fresh copy of the schema: a prepared multi-row INSERT, one transaction, no HTTP, no checks. */
function rawInsert(dataDir: string, workspaceId: number, rows: Row[]): number {
  const file = path.join(dataDir, 'raw.sqlite');
  const sqlite = new SqliteDatabase(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const main = new SqliteDatabase(path.join(dataDir, 'qunyun.sqlite'), { readonly: true });
    for (const { sql } of main.prepare("select sql from sqlite_master where sql is not null and tbl_name = 'events' order by type desc").all() as Array<{ sql: string }>) {
      sqlite.exec(sql);
    }
    main.close();
    // better-sqlite3 enforces foreign keys, as the server does: the copy gets the one workspace row they point at.
    sqlite.exec('create table workspaces (id integer primary key)');
    sqlite.prepare('insert into workspaces (id) values (?)').run(workspaceId);
    const per = 500;
    const values = Array.from({ length: per }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const insert = sqlite.prepare(`insert into events (workspace_id, event_id, member_id, name, at, props, received_at, source) values ${values} on conflict (workspace_id, event_id) do nothing`);
    const receivedAt = new Date().toISOString();
    const params: unknown[] = new Array(per * 8);
    const started = performance.now();
    sqlite.transaction(() => {
      for (let start = 0; start < rows.length; start += per) {
        for (let k = 0; k < per; k++) {
          const r = rows[start + k]!;
          const o = k * 8;
          params[o] = workspaceId; params[o + 1] = r.event_id; params[o + 2] = r.member_id; params[o + 3] = r.name;
          params[o + 4] = r.at; params[o + 5] = r.props; params[o + 6] = receivedAt; params[o + 7] = 'token:1';
        }
        insert.run(params);
      }
    })();
    const seconds = (performance.now() - started) / 1000;
    const count = (sqlite.prepare('select count(*) as n from events').get() as { n: number }).n;
    if (count !== rows.length) throw new Error(`raw insert stored ${count} of ${rows.length}`);
    return seconds;
  } finally {
    sqlite.close();
  }
}
