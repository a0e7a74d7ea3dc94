// `qunyun <command>`: the entry point of the CLI. Each command lives in its own file.
import { AppError } from '../http/errors.js';
import { CliError, parseArgs } from './args.js';

const USAGE = `qunyun — 群运 community operations

Usage:
  qunyun serve [--port N] [--data DIR]          serve the API, console and member pages (creates the demo on first start)
  qunyun migrate [--data DIR]                   bring the database schema up to date
  qunyun demo [--workspace demo] [--force]      create the demo workspace with demo data
  qunyun workspace create --workspace KEY [--name NAME] [--timezone Asia/Shanghai]
  qunyun staff add --workspace KEY --username U --name NAME --role ROLE [--password P]
  qunyun members import FILE.csv|FILE.xlsx --workspace KEY [--report rejected.csv]
  qunyun members export --workspace KEY [--out FILE.csv|FILE.xlsx]
  qunyun import FILE.jsonl|- --workspace KEY [--name NAME] [--timezone Asia/Shanghai]   a whole workspace, all or nothing
  qunyun export --workspace KEY [--out FILE.jsonl]   the workspace as JSON Lines (stdout by default)
  qunyun report NAME [--campaign X1 | --series X | --from D --to D …] --workspace KEY [--json]
                                                reports: composition series reenrolment funnel daily retention
                                                channels activity groups (docs/api-reports.md)
  qunyun reports rebuild --workspace KEY        recompute every report rollup from the raw data
  qunyun jobs run [--job NAME] [--at ISO] [--workspace KEY] [--json]
                                                one pass of the scheduler (SOP tasks, points, alerts), as serve runs each minute

The database is SQLite in ./data (or --data DIR, QUNYUN_DATA_DIR), or PostgreSQL when DATABASE_URL is set.`;

type Command = (args: ReturnType<typeof parseArgs>) => Promise<number>;

// Loaded on demand, so a quick command does not pay for the server's or the spreadsheet library's start-up.
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serveCommand,
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
  'workspace create': async () => (await import('./workspace-create.js')).workspaceCreateCommand,
  'staff add': async () => (await import('./staff-add.js')).staffAddCommand,
  'members import': async () => (await import('./members-import.js')).membersImportCommand,
  'members export': async () => (await import('./members-export.js')).membersExportCommand,
  import: async () => (await import('./import.js')).importCommand,
  export: async () => (await import('./export.js')).exportCommand,
  report: async () => (await import('./report.js')).reportCommand,
  'reports rebuild': async () => (await import('./report.js')).reportsRebuildCommand,
  'jobs run': async () => (await import('./jobs.js')).jobsRunCommand,
};

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [first, second] = args.positional;
  const key = first && COMMANDS[first] ? first : `${first} ${second}`;
  const command = COMMANDS[key];
  if (!command || args.flags.help) {
    console.log(USAGE);
    return args.flags.help ? 0 : 1;
  }
  args.positional = args.positional.slice(key.split(' ').length);
  try {
    return await (await command())(args);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`qunyun: ${error.message}`);
      return 2;
    }
    if (error instanceof AppError) {
      const fields = error.fields ? ` (${Object.entries(error.fields).map(([k, v]) => `${k}: ${v}`).join(', ')})` : '';
      console.error(`qunyun: ${error.message}${fields} [${error.code}]`);
      return 2;
    }
    throw error;
  }
}
