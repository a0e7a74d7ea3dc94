// `npm run bench`: on SQLite in a temporary data folder, imports generated workspaces of 10^5 and 10^6 members
// through the real importer, times lookups and fragment search through the services, then event ingestion over
// HTTP (bench/events.ts) and check-in submissions over HTTP (bench/checkins.ts); writes BENCHMARKS.md. `--events` or
// `--checkins` runs only that part and replaces its section; `--analytics [--scale S]` runs only the reports benchmark
// (bench/analytics/run.ts, against DuckDB), whose section the other runs keep.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { PERMISSIONS } from '../src/auth/permissions.js';
import { REPO_ROOT } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SeededRandom } from '../src/demo/random.js';
import { systemContext } from '../src/http/access.js';
import { importMembers } from '../src/members/import.js';
import { createServices } from '../src/services.js';
import { ANALYTICS_HEADING, renderAnalytics, sectionOf } from './analytics/render.js';
import type { AnalyticsResult } from './analytics/run.js';
import { benchCheckins, type CheckinBenchResult } from './checkins.js';
import { benchEvents, type EventBenchResult } from './events.js';
import { generateMembersCsv } from './generate.js';
import { draw, measure, type Latency } from './measure.js';
import { CHECKINS_HEADING, EVENTS_HEADING, machineInfo, renderCheckins, renderEvents, renderReport, replaceSection, type SizeResult } from './report.js';

const SAMPLES = 2000;

export async function main(argv: string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const sizesFlag = argv.indexOf('--sizes');
  const sizes = quick ? [10_000] : sizesFlag >= 0 ? (argv[sizesFlag + 1] ?? '').split(',').map(Number) : [100_000, 1_000_000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('usage: npm run bench [-- --sizes 100000,1000000 | --quick | --events | --checkins | --analytics [--scale 0.01]] [--keep]');
    return 1;
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-bench-'));
  const eventsOnly = argv.includes('--events');
  const checkinsOnly = argv.includes('--checkins');
  const analyticsOnly = argv.includes('--analytics');
  const results: SizeResult[] = [];
  let events: EventBenchResult | null = null;
  let checkins: CheckinBenchResult | null = null;
  let analytics: AnalyticsResult | null = null;
  try {
    // Loaded only when asked for: it needs the DuckDB dev dependency.
    if (analyticsOnly) analytics = await (await import('./analytics/run.js')).benchAnalytics(argv, path.join(root, 'analytics'), (message) => console.error(`[analytics] ${message}`));
    for (const size of eventsOnly || checkinsOnly || analyticsOnly ? [] : sizes) results.push(await benchSize(size, path.join(root, String(size))));
    if (!checkinsOnly && !analyticsOnly) events = await benchEvents(path.join(root, 'events'), (message) => console.error(`[events] ${message}`));
    if (!eventsOnly && !analyticsOnly) checkins = await benchCheckins(path.join(root, 'checkins'), (message) => console.error(`[checkins] ${message}`));
  } finally {
    if (!argv.includes('--keep')) fs.rmSync(root, { recursive: true, force: true });
    else console.error(`kept ${root}`);
  }
  const machine = machineInfo(sqliteVersionOf());
  const target = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const eventSection = events ? renderEvents(machine, events, argv) : '';
  const checkinSection = checkins ? renderCheckins(machine, checkins, argv) : '';
  const analyticsSection = analytics ? renderAnalytics(machine, analytics, argv) : '';
  const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  let report: string;
  if (eventsOnly && existing !== null) report = replaceSection(existing, EVENTS_HEADING, eventSection);
  else if (checkinsOnly && existing !== null) report = replaceSection(existing, CHECKINS_HEADING, checkinSection);
  else if (analyticsOnly) report = existing !== null ? replaceSection(existing, ANALYTICS_HEADING, analyticsSection) : analyticsSection;
  else report = [renderReport(machine, results, argv), eventSection, checkinSection, existing !== null ? sectionOf(existing, ANALYTICS_HEADING) : ''].filter(Boolean).join('\n');
  if (quick) {
    console.log(report);
    console.error('quick run: BENCHMARKS.md left unchanged');
  } else {
    fs.writeFileSync(target, report);
    console.error(`wrote ${target}`);
  }
  return 0;
}

function sqliteVersionOf(): string {
  const memory = new SqliteDatabase(':memory:');
  try {
    return (memory.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    memory.close();
  }
}

async function benchSize(size: number, dataDir: string): Promise<SizeResult> {
  fs.mkdirSync(dataDir, { recursive: true });
  const log = (message: string) => console.error(`[${size.toLocaleString('en-US')}] ${message}`);
  let started = performance.now();
  const generated = await generateMembersCsv(path.join(dataDir, 'members.csv'), size);
  log(`generated ${path.basename(generated.file)} (${(fs.statSync(generated.file).size / 1e6).toFixed(0)} MB) in ${seconds(started)} s`);

  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database);
    const services = createServices(database, { dataDir });
    const workspace = await services.workspaces.create({ key: 'bench', name: '基准测试' });
    const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'bench');

    started = performance.now();
    const summary = await importMembers(database, ctx, { file: generated.file });
    const importSeconds = (performance.now() - started) / 1000;
    log(`imported ${summary.imported} (rejected ${summary.rejected}) in ${importSeconds.toFixed(1)} s`);

    const rng = new SeededRandom(size);
    const next = () => rng.next();
    const numbers = Array.from({ length: SAMPLES }, () => 10001 + rng.int(summary.imported));
    const list = (q: string) => services.members.list(ctx, { q, tagIds: [], limit: 50 });
    const latencies: Record<string, Latency> = {};
    const run = async (name: string, op: () => Promise<Latency>) => {
      latencies[name] = await op();
      log(`${name}: p50 ${latencies[name].p50.toFixed(2)} ms, p99 ${latencies[name].p99.toFixed(2)} ms`);
    };
    await run('memberNo', () => measure(numbers, (n) => services.members.get(ctx, n)));
    await run('identity', () => measure(draw(generated.unionids, SAMPLES, next), (value) => services.members.getByIdentity(ctx, 'wechat_unionid', value)));
    await run('identitySearch', () => measure(draw(generated.unionids, SAMPLES, next), list));
    const { common2, common3, rare2, rare3 } = generated.fragments;
    await run('common2', () => measure(draw(common2, SAMPLES, next), list));
    await run('common3', () => measure(draw(common3, SAMPLES, next), list));
    await run('rare2', () => measure(draw(rare2, SAMPLES, next), list));
    await run('rare3', () => measure(draw(rare3, SAMPLES, next), list));

    const bytes = fs.readdirSync(dataDir).filter((f) => f.startsWith('qunyun.sqlite')).reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0);
    return { size, imported: summary.imported, rejected: summary.rejected, importSeconds, databaseMb: bytes / 1e6, latencies };
  } finally {
    await database.close();
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
