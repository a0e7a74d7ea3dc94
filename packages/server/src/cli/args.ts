// A small command-line parser: positional words, then `--flag value` / `--flag=value` / `--switch`.
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

const SWITCHES = new Set(['json', 'help', 'dry-run', 'no-demo', 'force']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (SWITCHES.has(name) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) flags[name] = true;
    else flags[name] = argv[++i]!;
  }
  return { positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new CliError(`--${name} needs a value`);
  return value;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = stringFlag(args, name);
  if (!value) throw new CliError(`--${name} is required`);
  return value;
}

/** An error the user can fix; printed without a stack trace. */
export class CliError extends Error {}

/** Validates command input with the same zod schema the API uses, so the CLI gives the same field errors. */
export function validate<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new CliError(result.error.issues.map((i) => `${i.path.map(String).join('.') || 'input'}: ${i.message}`).join('; '));
}
