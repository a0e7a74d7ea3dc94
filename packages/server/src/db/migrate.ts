// Runs the migrations in migrations/ in order; called at start and by `qunyun migrate`.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './connection.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_campaigns_groups.js';
import * as m0003 from './migrations/0003_channels.js';
import * as m0004 from './migrations/0004_events.js';
import * as m0005 from './migrations/0005_enrollments_checkins.js';
import * as m0006 from './migrations/0006_analytics.js';
import * as m0007 from './migrations/0007_operations.js';

type MigrationModule = { up(db: any, dialect: Database['dialect']): Promise<void> };

const migrations: Record<string, MigrationModule> = {
  '0001_foundation': m0001,
  '0002_campaigns_groups': m0002,
  '0003_channels': m0003,
  '0004_events': m0004,
  '0005_enrollments_checkins': m0005,
  '0006_analytics': m0006,
  '0007_operations': m0007,
};

export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const result: Record<string, Migration> = {};
      for (const [name, module] of Object.entries(migrations)) {
        result[name] = { up: (db) => module.up(db, database.dialect) };
      }
      return result;
    },
  };
  // Kysely looks for its own tables across every schema it can see; pinning them to ours keeps another schema's
  // migration tables (test runs side by side in one database) from being taken for ours.
  const migrator = new Migrator({ db: database.db, provider, ...(database.pgSchema ? { migrationTableSchema: database.pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
