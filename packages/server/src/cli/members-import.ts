// `qunyun members import FILE --workspace KEY [--report FILE] [--dry-run]`: shows how the columns were understood,
// imports with a progress bar, and prints what was imported and where the rejected rows went.
import fs from 'node:fs';
import path from 'node:path';
import { describeMapping } from '../members/import-columns.js';
import { ImportFileError, importMembers } from '../members/import.js';
import { CliError, stringFlag, type ParsedArgs } from './args.js';
import { Progress } from './progress.js';
import { cliContext, openRuntime } from './runtime.js';

export async function membersImportCommand(args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positional;
  if (!file || extra) throw new CliError('usage: qunyun members import FILE.csv|FILE.xlsx --workspace KEY [--report rejected.csv] [--dry-run]');
  if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
  const report = stringFlag(args, 'report');
  const runtime = await openRuntime(args);
  try {
    const ctx = await cliContext(runtime, args);
    const progress = new Progress('importing');
    const summary = await importMembers(runtime.services.database, ctx, {
      file: path.resolve(file),
      reportFile: report ? path.resolve(report) : undefined,
      dryRun: args.flags['dry-run'] === true,
      onColumns: (mapping, source) => {
        console.error(`columns of ${path.basename(file)}${source.encoding === 'gb18030' ? ' (not UTF-8: read as GB18030)' : ''}:`);
        for (const line of describeMapping(mapping)) console.error(line);
      },
      onProgress: (p) => progress.update({ done: p.bytes, total: p.totalBytes, rows: p.rows }),
    }).catch((error: unknown) => {
      if (error instanceof ImportFileError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    });
    progress.finish();
    const verb = summary.dryRun ? 'would import' : 'imported';
    console.log(`${verb} ${summary.imported} members, rejected ${summary.rejected}${summary.dryRun ? ' (dry run: nothing written)' : ''}`);
    if (summary.createdTags.length) console.log(`new tags in group "导入": ${summary.createdTags.join('、')}`);
    console.log(summary.rejected ? `rejected rows and reasons: ${summary.reportFile}` : `no rejected rows (report: ${summary.reportFile})`);
    return 0;
  } finally {
    await runtime.close();
  }
}
