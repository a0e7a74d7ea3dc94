// `qunyun jobs run [--job NAME] [--at ISO] [--workspace KEY]`: one scheduler pass now (or at a given instant), as
// `qunyun serve` runs every minute. Safe beside a running server: each run is claimed once.
import { JOBS } from '../scheduler/registry.js';
import { runDueJobs } from '../scheduler/runner.js';
import { CliError, stringFlag, type ParsedArgs } from './args.js';
import { cliContext, openRuntime } from './runtime.js';

export async function jobsRunCommand(args: ParsedArgs): Promise<number> {
  const atFlag = stringFlag(args, 'at');
  const at = atFlag ? new Date(atFlag) : new Date();
  if (Number.isNaN(at.getTime())) throw new CliError(`--at: not a date-time: ${atFlag}`);
  const job = stringFlag(args, 'job');
  const only = job ? [job] : undefined;
  if (only && !JOBS.some((j) => j.name === only[0])) throw new CliError(`--job: no such job (${JOBS.map((j) => j.name).join(', ')})`);
  const runtime = await openRuntime(args);
  try {
    const workspaceId = args.flags.workspace !== undefined ? (await cliContext(runtime, args)).workspaceId : undefined;
    const outcomes = await runDueJobs(runtime.services, JOBS, at, { ...(only ? { only } : {}), ...(workspaceId !== undefined ? { workspaceId } : {}) });
    if (args.flags.json) console.log(JSON.stringify(outcomes));
    else if (outcomes.length === 0) console.log('nothing due (or already run for this period)');
    else for (const o of outcomes) console.log(`${o.status === 'done' ? '✓' : '✗'} ${o.job} [${o.period}] workspace ${o.workspaceId}${o.detail ? `: ${o.detail}` : ''}`);
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
