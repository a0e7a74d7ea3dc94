// `qunyun export --workspace KEY [--out FILE]`: the workspace as JSON Lines (the format `qunyun import` reads), to
// stdout by default, with progress on stderr so the data stays clean for a pipe.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { exportWorkspace } from '../portability/export.js';
import { requireFlag, stringFlag, type ParsedArgs } from './args.js';
import { Progress } from './progress.js';
import { openRuntime } from './runtime.js';

export async function exportCommand(args: ParsedArgs): Promise<number> {
  const workspaceKey = requireFlag(args, 'workspace');
  const out = stringFlag(args, 'out');
  const runtime = await openRuntime(args);
  try {
    // Looked up before the file is created, so a wrong key leaves no empty file behind.
    await runtime.services.workspaces.getByKey(workspaceKey);
    const file = out ? path.resolve(out) : null;
    const stream = file ? fs.createWriteStream(file) : process.stdout;
    const progress = new Progress('exporting');
    const summary = await exportWorkspace(runtime.services, workspaceKey, stream, {
      onProgress: (p) => progress.update({ done: 0, total: 0, rows: p.lines }),
    }).catch((error: unknown) => {
      // Half a file would look like a small workspace: it goes.
      if (file) {
        (stream as fs.WriteStream).destroy();
        fs.rmSync(file, { force: true });
      }
      throw error;
    });
    progress.finish();
    if (file) {
      stream.end();
      await once(stream, 'finish');
    }
    console.error(`exported ${summary.lines.toLocaleString('en-US')} lines${out ? ` to ${out}` : ''}`);
    return 0;
  } finally {
    await runtime.close();
  }
}
