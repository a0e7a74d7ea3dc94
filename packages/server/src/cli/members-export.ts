// `qunyun members export --workspace KEY [--out FILE.csv|FILE.xlsx]`: every live member, CSV on stdout by default,
// with progress on stderr so the data stays clean for a pipe.
import path from 'node:path';
import { exportMembers, formatOf } from '../members/export.js';
import { CliError, stringFlag, type ParsedArgs } from './args.js';
import { Progress } from './progress.js';
import { cliContext, openRuntime } from './runtime.js';

export async function membersExportCommand(args: ParsedArgs): Promise<number> {
  const out = stringFlag(args, 'out');
  const format = out ? formatOf(out) : 'csv';
  if (!format) throw new CliError('--out must end in .csv or .xlsx');
  const runtime = await openRuntime(args);
  try {
    const ctx = await cliContext(runtime, args);
    const progress = new Progress('exporting');
    const { members } = await exportMembers(runtime.services.database, ctx, {
      format,
      out: out ? path.resolve(out) : process.stdout,
      onProgress: (p) => progress.update({ done: p.rows, total: p.total, rows: p.rows }),
    });
    progress.finish();
    console.error(`exported ${members} members${out ? ` to ${out}` : ''}`);
    return 0;
  } finally {
    await runtime.close();
  }
}
