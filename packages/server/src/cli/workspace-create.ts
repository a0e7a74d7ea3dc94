// `qunyun workspace create`: a new, empty workspace; add its first owner with `qunyun staff add`.
import { CliError, requireFlag, stringFlag, type ParsedArgs } from './args.js';
import { openRuntime } from './runtime.js';

export async function workspaceCreateCommand(args: ParsedArgs): Promise<number> {
  const key = requireFlag(args, 'workspace');
  const name = stringFlag(args, 'name') ?? key;
  const timezone = stringFlag(args, 'timezone') ?? 'Asia/Shanghai';
  if (!isTimeZone(timezone)) throw new CliError(`--timezone: unknown time zone "${timezone}" (e.g. Asia/Shanghai)`);
  const runtime = await openRuntime(args);
  try {
    if (await runtime.services.workspaces.findByKey(key)) throw new CliError(`Workspace "${key}" already exists`);
    const workspace = await runtime.services.workspaces.create({ key, name, timezone });
    console.log(`created workspace "${workspace.key}" (${workspace.name}, ${workspace.timezone})`);
    console.log(`next: qunyun staff add --workspace ${workspace.key} --username you --name "Your Name" --role owner`);
  } finally {
    await runtime.close();
  }
  return 0;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
