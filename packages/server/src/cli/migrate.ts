// `qunyun migrate`
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { stringFlag, type ParsedArgs } from './args.js';

export async function migrateCommand(args: ParsedArgs): Promise<number> {
  const config = loadConfig({ data: stringFlag(args, 'data') });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
    console.log(`database: ${database.dialect} ${database.location}`);
  } finally {
    await database.close();
  }
  return 0;
}
