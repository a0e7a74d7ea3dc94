// `qunyun report <name> [--campaign X1 …] --workspace KEY [--json]`: the same JSON as GET /api/v1/reports/<name>
// on stdout with --json, otherwise a readable table; and `qunyun reports rebuild` to recompute every rollup.
import { reportNamed, REPORTS } from '../reports/registry.js';
import type { ReportBody } from '../reports/types.js';
import { CliError, validate, type ParsedArgs } from './args.js';
import { Progress } from './progress.js';
import { cliContext, openRuntime } from './runtime.js';

/** Flags that are the command's own, not the report's parameters. */
const OWN_FLAGS = new Set(['workspace', 'data', 'json']);

export async function reportCommand(args: ParsedArgs): Promise<number> {
  const name = args.positional[0];
  const report = name ? reportNamed(name) : undefined;
  if (!report) throw new CliError(`name a report: ${REPORTS.map((r) => r.name).join(', ')}`);
  const raw: Record<string, string | true> = {};
  for (const [flag, value] of Object.entries(args.flags)) if (!OWN_FLAGS.has(flag)) raw[flag.replaceAll('-', '_')] = value;
  const params = validate(report.params, raw);
  const runtime = await openRuntime(args);
  try {
    const ctx = await cliContext(runtime, args);
    const body = await runtime.services.reports.run(ctx, report, params);
    console.log(args.flags.json ? JSON.stringify(body, null, 2) : readable(body));
    return 0;
  } finally {
    await runtime.close();
  }
}

export async function reportsRebuildCommand(args: ParsedArgs): Promise<number> {
  const runtime = await openRuntime(args);
  try {
    const ctx = await cliContext(runtime, args);
    const progress = new Progress('rebuilding (members)');
    await runtime.services.reports.rebuild(ctx, (_phase, done, total) => progress.update({ done, total, rows: done }));
    progress.finish();
    console.error('report rollups rebuilt');
    return 0;
  } finally {
    await runtime.close();
  }
}

/** Scalars as "name: value", lists of objects as aligned tables; definitions last. */
function readable(body: ReportBody): string {
  const lines: string[] = [];
  const { definitions, ...rest } = body;
  for (const [key, value] of Object.entries(rest)) {
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object')) lines.push('', `${key}:`, ...table(value as Record<string, unknown>[]));
    else lines.push(`${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`);
  }
  lines.push('', 'definitions:');
  for (const [key, d] of Object.entries(definitions)) lines.push(`  ${key}: ${d.numerator}${d.denominator ? ` ÷ ${d.denominator}` : ''} (${d.period})`);
  return lines.join('\n');
}

function table(rows: Record<string, unknown>[]): string[] {
  if (rows.length === 0) return ['  (none)'];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => `  ${values.map((v, i) => v.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))];
}
