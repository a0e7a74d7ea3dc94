// `npm run bench -- --checkins`: check-in submissions over HTTP as members send them from the check-in pages (a real
// server on SQLite in a temp folder, one member session each, JSON text check-ins over 16 connections), then the
// raw SQLite insert rate of the same rows, one transaction per row as each check-in is, for comparison.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { localDate } from '../src/campaigns/rules.js';
import { REPO_ROOT } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemContext } from '../src/http/access.js';
import { createServices } from '../src/services.js';
import { quantile, runLoad, type LoadRequest } from './load-client.js';

export interface CheckinBenchResult {
  members: number;
  requests: number;
  connections: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  updateRate: number;
  updateP99: number;
  rawRate: number;
}

const MEMBERS = 10_000;
const CONNECTIONS = 16;
const ZONE = 'Asia/Shanghai';
const TEXTS = ['今天背了 30 个单词，复习了昨天的 20 个。', 'Day打卡：听力 15 分钟，跟读一篇短文。', '和孩子一起读完《小王子》第三章，聊了狐狸的那一段。'];

export async function benchCheckins(dataDir: string, log: (message: string) => void): Promise<CheckinBenchResult> {
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database);
    const services = createServices(database, { dataDir });
    const workspace = await services.workspaces.create({ key: 'bench', name: '打卡基准' });
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'bench');
    // A 21-day camp on its fifth day, every member enrolled.
    const today = localDate(new Date(), ZONE);
    const startsOn = localDate(new Date(Date.now() - 4 * 86_400_000), ZONE);
    const endsOn = localDate(new Date(Date.now() + 16 * 86_400_000), ZONE);
    const series = await services.campaigns.createSeries(ctx, { key: 'B', name: '基准打卡营' });
    const campaign = await services.campaigns.createCampaign(ctx, { seriesId: series.id, name: '基准打卡营 第1期', startsOn, endsOn, timezone: ZONE, depositCents: 9900 });
    const tokens = await seedEnrolledMembers(database, services, workspace.id, campaign.id);
    log(`seeded ${MEMBERS.toLocaleString('en-US')} enrolled members with sessions; campaign ${campaign.key} ${startsOn}…${endsOn}, today ${today}`);

    const app = await buildApp(services, { webDist: path.join(REPO_ROOT, 'packages/web/dist'), logLevel: 'silent', secureCookies: false, trustProxy: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/m/campaigns/${campaign.key}/checkins`;
    const request = (token: string, i: number): LoadRequest => ({
      url, method: 'POST', body: JSON.stringify({ text: TEXTS[i % TEXTS.length] }),
      headers: { cookie: `qy_member=${token}`, 'x-qunyun-member': '1', 'content-type': 'application/json' },
    });
    // Warm-up on a tenth of the members (their check-ins then count as updates below, not as first submissions).
    const warm = tokens.slice(0, MEMBERS / 10);
    await runLoad(warm.map(request), CONNECTIONS);
    const first = await runLoad(tokens.slice(MEMBERS / 10).map(request), CONNECTIONS, [201]);
    const n = MEMBERS - MEMBERS / 10;
    log(`first check-ins: ${n.toLocaleString('en-US')} in ${first.seconds.toFixed(2)} s = ${Math.round(n / first.seconds).toLocaleString('en-US')}/s; p50 ${quantile(first.times, 0.5).toFixed(1)} ms, p99 ${quantile(first.times, 0.99).toFixed(1)} ms`);
    // Same-day edits: the second submission of the day updates the row.
    const updates = await runLoad(tokens.slice(0, n).map(request), CONNECTIONS, [200]);
    log(`same-day updates: ${n.toLocaleString('en-US')} in ${updates.seconds.toFixed(2)} s = ${Math.round(n / updates.seconds).toLocaleString('en-US')}/s; p99 ${quantile(updates.times, 0.99).toFixed(1)} ms`);
    await app.close();

    const stored = await database.db.selectFrom('checkins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) !== MEMBERS) throw new Error(`stored ${stored.n} check-ins for ${MEMBERS} members`);
    const rawRate = rawInsert(dataDir, database, n);
    log(`raw SQLite: ${Math.round(rawRate).toLocaleString('en-US')} rows/s (one transaction per row)`);
    return {
      members: MEMBERS, requests: n, connections: CONNECTIONS, seconds: first.seconds, rate: n / first.seconds,
      p50: quantile(first.times, 0.5), p99: quantile(first.times, 0.99), updateRate: n / updates.seconds, updateP99: quantile(updates.times, 0.99), rawRate,
    };
  } finally {
    await database.close();
  }
}

/** Members, their enrollments and member sessions, written directly (signup has its own tests; this measures check-ins). */
async function seedEnrolledMembers(database: Database, services: ReturnType<typeof createServices>, workspaceId: number, campaignId: number): Promise<string[]> {
  const now = new Date().toISOString();
  const tokens: string[] = [];
  await database.db.transaction().execute(async (tx) => {
    for (let start = 0; start < MEMBERS; start += 500) {
      const part = Array.from({ length: Math.min(500, MEMBERS - start) }, (_, i) => start + i);
      const members = await tx.insertInto('members').values(part.map((i) => ({
        workspace_id: workspaceId, member_no: 10001 + i, nickname: `学员${i}`, phone: null, attributes: '{}', created_at: now, updated_at: now,
      }))).returning('id').execute();
      await tx.insertInto('enrollments').values(members.map((m) => ({
        workspace_id: workspaceId, campaign_id: campaignId, member_id: m.id, channel_id: null, group_id: null, source: 'staff', status: 'active' as const,
        amount_due_cents: 9900, created_at: now, updated_at: now,
      }))).execute();
      for (const m of members) tokens.push((await services.memberSessions.create(tx, workspaceId, m.id, 'dev')).token);
    }
    await tx.updateTable('campaigns').set({ enrolled_count: MEMBERS }).where('id', '=', campaignId).execute();
  });
  return tokens;
}

/** The stored check-in rows copied into a fresh file with the same table and indexes, one transaction per row. */
function rawInsert(dataDir: string, database: Database, count: number): number {
  const file = path.join(dataDir, 'raw-checkins.sqlite');
  const sqlite = new SqliteDatabase(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = OFF');
    const main = database.sqlite!;
    // Foreign keys stay off in the copy: it holds only the check-ins table, the rows are the server's own.
    for (const { sql } of main.prepare("select sql from sqlite_master where sql is not null and tbl_name = 'checkins' order by type desc").all() as Array<{ sql: string }>) {
      sqlite.exec(sql);
    }
    const rows = main.prepare('select * from checkins order by id limit ?').all(count) as Array<Record<string, unknown>>;
    const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
    const insert = sqlite.prepare(`insert into checkins (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    const one = sqlite.transaction((row: Record<string, unknown>) => insert.run(columns.map((c) => row[c])));
    const started = performance.now();
    for (const row of rows) one(row);
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    sqlite.close();
  }
}
