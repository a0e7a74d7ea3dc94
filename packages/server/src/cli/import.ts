// `qunyun import FILE.jsonl --workspace KEY`: a workspace from JSON Lines (created when new), all or nothing, with
// progress on stderr; prints what was created and skipped per record type, or the line that failed and why.
import fs from 'node:fs';
import path from 'node:path';
import { ImportError, importWorkspace } from '../portability/import.js';
import { COUNTED_TYPES } from '../portability/summary.js';
import { CliError, requireFlag, stringFlag, type ParsedArgs } from './args.js';
import { Progress } from './progress.js';
import { openRuntime } from './runtime.js';

const LABELS: Record<string, string> = { scan: 'reading  ', write: 'writing  ', deferred: 'check-ins', analytics: 'reports  ' };

export async function importCommand(args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positional;
  if (!file || extra) throw new CliError('usage: qunyun import FILE.jsonl|- --workspace KEY [--name NAME] [--timezone Asia/Shanghai]');
  const workspaceKey = requireFlag(args, 'workspace');
  if (file !== '-' && !fs.existsSync(file)) throw new CliError(`no such file: ${file}`);
  const runtime = await openRuntime(args);
  // One bar per phase: the file is read twice, then the report rollups are rebuilt.
  const bar: { progress: Progress | null; phase: string } = { progress: null, phase: '' };
  const endBar = () => {
    bar.progress?.finish();
    bar.progress = null;
  };
  try {
    const summary = await importWorkspace(runtime.services, file === '-' ? process.stdin : path.resolve(file), {
      workspaceKey,
      workspaceName: stringFlag(args, 'name'),
      timezone: stringFlag(args, 'timezone'),
      actor: `cli:${process.env.USER ?? 'local'}`,
      onProgress: (p) => {
        if (p.phase !== bar.phase || !bar.progress) {
          endBar();
          bar.progress = new Progress(LABELS[p.phase] ?? p.phase);
          bar.phase = p.phase;
        }
        bar.progress.update({ done: p.bytes ?? 0, total: p.totalBytes ?? 0, rows: p.lines });
      },
    }).catch((error: unknown) => {
      if (error instanceof ImportError) throw new CliError(error.message);
      throw error;
    });
    endBar();
    console.log(`${summary.workspace.created ? 'created' : 'imported into'} workspace "${summary.workspace.key}" from ${summary.lines.toLocaleString('en-US')} lines`);
    for (const type of COUNTED_TYPES) {
      const created = summary.created[type];
      const skipped = summary.skipped[type];
      if (created || skipped) console.log(`  ${type.padEnd(11)} ${String(created).padStart(10)} created${skipped ? `, ${skipped} skipped (already there)` : ''}`);
    }
    return 0;
  } finally {
    // A failure mid-bar must not leave the error message on the bar's line.
    endBar();
    await runtime.close();
  }
}
