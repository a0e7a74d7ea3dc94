// `npm run bench -- --analytics [--scale S]`: generates (or reuses) a seeded workspace file, imports it into SQLite
// through the real importer, then times every report in-process as the HTTP route runs it, and the same reports in
// DuckDB straight from the raw rows, checking that both return the same numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PERMISSIONS } from '../../src/auth/permissions.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemContext } from '../../src/http/access.js';
import { importWorkspace } from '../../src/portability/import.js';
import { reportNamed } from '../../src/reports/registry.js';
import { createServices } from '../../src/services.js';
import { DuckReference } from './duckdb.js';
import { DEFAULT_SEED, GENERATOR_VERSION, generateWorkspace, type GeneratedWorkspace } from './generate.js';

/** The instant the reports take as now: after the data's last day, so every run gives the same answers. */
const NOW = '2026-03-31T04:00:00.000Z';
const REPEATS = 7;
const TARGETS: Record<string, number> = { composition: 200, series: 200, reenrolment: 200, funnel: 200, daily: 300, retention: 1000 };

export interface Timing { p50: number; p95: number }

export interface ReportRun {
  report: string;
  label: string;
  params: Record<string, string | number>;
  target: number;
  ours: Timing;
  duck: Timing;
  equal: boolean;
}

export interface AnalyticsResult {
  scale: number;
  seed: number;
  now: string;
  lines: Record<string, number>;
  fileLines: number;
  fileBytes: number;
  /** Null when the file came from the cache. */
  generation: { seconds: number; cpuSeconds: number } | null;
  importSeconds: number;
  refreshSeconds: number;
  databaseMb: number;
  duckVersion: string;
  duckLoadSeconds: number;
  repeats: number;
  runs: ReportRun[];
  /** The machine's 1-minute load average around the report runs: other work on the 2 cores slows every figure. */
  loadAverage: number[];
}

function scaleOf(argv: string[]): number {
  const at = argv.indexOf('--scale');
  const scale = at >= 0 ? Number(argv[at + 1]) : 0.01;
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1], e.g. 0.01');
  return scale;
}

export async function benchAnalytics(argv: string[], dataDir: string, log: (message: string) => void): Promise<AnalyticsResult> {
  const scale = scaleOf(argv);
  const seed = DEFAULT_SEED;
  fs.mkdirSync(dataDir, { recursive: true });
  const { workspace, generated } = await workspaceFile(scale, seed, log);
  const fileLines = Object.values(workspace.lines).reduce((a, b) => a + b, 0);

  const database = await openDatabase({ dataDir });
  let duck: DuckReference | null = null;
  try {
    await migrateToLatest(database);
    const services = createServices(database, { dataDir });
    services.clock.set(NOW);
    let started = performance.now();
    let lastLog = 0;
    const summary = await importWorkspace(services, workspace.file, {
      workspaceKey: 'bench',
      onProgress: (p) => {
        if (performance.now() - lastLog < 10_000) return;
        lastLog = performance.now();
        const share = p.bytes !== undefined && p.totalBytes ? ` ${Math.round((100 * p.bytes) / p.totalBytes)} %` : '';
        log(`import: ${p.phase}${share}, ${p.lines.toLocaleString('en-US')} lines (${seconds(started)} s)`);
      },
    });
    const importSeconds = (performance.now() - started) / 1000;
    log(`imported ${fileLines.toLocaleString('en-US')} lines in ${importSeconds.toFixed(1)} s (${Math.round(fileLines / importSeconds).toLocaleString('en-US')} lines/s): ${JSON.stringify(summary.created)}`);
    const workspaceId = summary.workspace.id;

    started = performance.now();
    await services.reports.refresh(workspaceId);
    const refreshSeconds = (performance.now() - started) / 1000;
    log(`rollups refreshed in ${refreshSeconds.toFixed(1)} s`);
    const databaseMb = fs.readdirSync(dataDir).filter((f) => f.startsWith('qunyun.sqlite')).reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0) / 1e6;

    const duckDir = path.join(dataDir, 'duckdb');
    fs.mkdirSync(duckDir, { recursive: true });
    duck = await DuckReference.open(workspace.file, duckDir, log);
    const reference = duck;

    const ctx = systemContext(workspaceId, new Set(PERMISSIONS), 'bench');
    const now = new Date(NOW);
    const runs: ReportRun[] = [];
    const loadAverage = [os.loadavg()[0]!];
    for (const { report: name, label, params } of cases(workspace)) {
      const report = reportNamed(name);
      if (!report) throw new Error(`no report named ${name}`);
      const parsed = report.params.parse(params);
      const ours = await time(() => services.reports.run(ctx, report, parsed));
      const theirs = await time(() => reference.run(name, params, now));
      const difference = firstDifference(comparable(ours.body), comparable(theirs.body));
      if (difference) log(`MISMATCH ${name} ${label}: ${difference}`);
      const run: ReportRun = { report: name, label, params, target: TARGETS[name]!, ours: ours.timing, duck: theirs.timing, equal: difference === null };
      runs.push(run);
      log(`${name} ${label}: ours p50 ${run.ours.p50.toFixed(1)} ms, DuckDB p50 ${run.duck.p50.toFixed(1)} ms, ratio ${(run.ours.p50 / run.duck.p50).toFixed(2)}${run.equal ? ', same JSON' : ', JSON DIFFERS'}`);
    }
    loadAverage.push(os.loadavg()[0]!);
    printTable(runs);
    return {
      scale, seed, now: NOW, lines: workspace.lines, fileLines, fileBytes: fs.statSync(workspace.file).size, generation: generated ? { seconds: workspace.seconds, cpuSeconds: workspace.cpuSeconds } : null,
      importSeconds, refreshSeconds, databaseMb, duckVersion: await duck.version(), duckLoadSeconds: duck.load.seconds, repeats: REPEATS, runs, loadAverage,
    };
  } finally {
    await duck?.close();
    await database.close();
  }
}

/**
 * The file for a seed and scale, generated once into the temp folder and reused while the generator is the same
 * (the metadata file is written last, so a run cut short is never taken for a finished file).
 */
async function workspaceFile(scale: number, seed: number, log: (message: string) => void): Promise<{ workspace: GeneratedWorkspace; generated: boolean }> {
  const dir = path.join(os.tmpdir(), 'qunyun-bench-cache');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `workspace-v${GENERATOR_VERSION}-seed${seed}-scale${scale}.jsonl`);
  const meta = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(meta)) {
    log(`reusing ${file}`);
    return { workspace: JSON.parse(fs.readFileSync(meta, 'utf8')) as GeneratedWorkspace, generated: false };
  }
  log(`generating ${file} (scale ${scale})`);
  const workspace = await generateWorkspace(file, scale, seed, log);
  const lines = Object.values(workspace.lines).reduce((a, b) => a + b, 0);
  log(`generated ${lines.toLocaleString('en-US')} lines (${(workspace.bytes / 1e9).toFixed(2)} GB) in ${workspace.seconds.toFixed(1)} s: ${Math.round(lines / workspace.seconds).toLocaleString('en-US')} lines/s, ${Math.round(lines / workspace.cpuSeconds).toLocaleString('en-US')} per CPU second`);
  fs.writeFileSync(meta, JSON.stringify(workspace));
  return { workspace, generated: true };
}

interface Case { report: string; label: string; params: Record<string, string | number> }

/** Each campaign report on the largest, median and smallest campaign; series likewise; a year of days; 30 × 30 cohorts. */
function cases(w: GeneratedWorkspace): Case[] {
  const bySize = Object.entries(w.participants).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const pick = <T,>(list: T[]): Array<[string, T]> => [['largest', list[0]!], ['median', list[list.length >> 1]!], ['smallest', list[list.length - 1]!]];
  const campaigns = pick(bySize.map(([key, n]) => ({ key, n })));
  const seriesSizes = Object.entries(w.series).map(([key, keys]) => ({ key, n: keys.reduce((sum, k) => sum + (w.participants[k] ?? 0), 0) }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
  const series = pick(seriesSizes);
  const out: Case[] = [];
  for (const report of ['composition', 'reenrolment', 'funnel']) {
    for (const [size, c] of campaigns) out.push({ report, label: `${size} campaign ${c.key} (${c.n.toLocaleString('en-US')} enrolled)`, params: { campaign: c.key } });
  }
  for (const [size, s] of series) out.push({ report: 'series', label: `${size} series ${s.key} (${w.series[s.key]!.length} campaigns)`, params: { series: s.key } });
  const to = w.lastDay;
  out.push({ report: 'daily', label: `365 days to ${to}`, params: { from: addDays(to, -364), to } });
  const from = addDays(to, -89);
  out.push({ report: 'retention', label: `30 daily cohorts from ${from}, 30 days each`, params: { period: 'day', periods: 30, from, to: addDays(from, 29) } });
  return out;
}

/** One warm-up run, then REPEATS timed runs; the body of the last. */
async function time(op: () => Promise<unknown>): Promise<{ timing: Timing; body: unknown }> {
  let body = await op();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    body = await op();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { timing: { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]! }, body };
}

/** A body without what only ours carries (the definitions and the stamp). */
function comparable(body: unknown): unknown {
  const { definitions: _d, generated_at: _g, timezone: _t, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** Where two JSON values first differ, as `path: ours vs DuckDB`, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (a === b) return null;
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 200);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return `${at}: ${show(a)} vs ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return a.length !== b.length ? `${d} (lengths ${a.length} vs ${b.length})` : d;
    }
    return null;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of [...keys].sort()) {
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (d) return d;
  }
  return null;
}

function printTable(runs: ReportRun[]): void {
  const rows = [['report', 'parameters', 'ours p50', 'DuckDB p50', 'ratio', 'target', 'JSON', '']];
  for (const r of runs) {
    rows.push([r.report, r.label, `${r.ours.p50.toFixed(1)} ms`, `${r.duck.p50.toFixed(1)} ms`, (r.ours.p50 / r.duck.p50).toFixed(3), `< ${r.target} ms`, r.equal ? 'same' : 'DIFFERS', r.ours.p50 < r.target ? '✅' : '❌']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(0);
}
