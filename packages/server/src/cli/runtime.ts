// Opening the database and services for a command, and the access context commands act with.
import { PERMISSIONS } from '../auth/permissions.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemContext, type AccessContext } from '../http/access.js';
import { createServices, type Services } from '../services.js';
import { providersFor } from '../signup/providers.js';
import { CliError, stringFlag, type ParsedArgs } from './args.js';

export interface Runtime {
  config: Config;
  services: Services;
  close(): Promise<void>;
}

export async function openRuntime(args: ParsedArgs): Promise<Runtime> {
  const config = loadConfig({ data: stringFlag(args, 'data'), port: stringFlag(args, 'port') });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database);
  return { config, services: createServices(database, { dataDir: config.dataDir, identityProviders: providersFor(config) }), close: () => database.close() };
}

/** The workspace a command acts on (`--workspace KEY`), with full rights, audited as the CLI. */
export async function cliContext(runtime: Runtime, args: ParsedArgs): Promise<AccessContext> {
  const key = stringFlag(args, 'workspace');
  if (!key) throw new CliError('--workspace KEY is required');
  const workspace = await runtime.services.workspaces.findByKey(key);
  if (!workspace) throw new CliError(`No workspace with key "${key}"`);
  return systemContext(workspace.id, new Set(PERMISSIONS), `cli:${process.env.USER ?? 'local'}`);
}
