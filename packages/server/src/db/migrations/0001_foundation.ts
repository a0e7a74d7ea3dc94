// Foundation tables: workspaces, staff and access, audit log, and the member registry with its search index.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import { belongsToWorkspace, idColumn, refColumn, type MigrationTools } from './tools.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t: MigrationTools = { db, dialect };

  await idColumn(t, db.schema.createTable('workspaces'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('counters')
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', refColumn(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['workspace_id', 'name'])
    .execute();

  await idColumn(t, db.schema.createTable('teams'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lead_staff_id', refColumn(dialect))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('teams_name_unique', ['workspace_id', 'name'])
    .execute();

  await idColumn(t, db.schema.createTable('staff'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', refColumn(dialect), (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addUniqueConstraint('staff_username_unique', ['workspace_id', 'username'])
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('staff_id', refColumn(dialect), (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_staff').on('sessions').columns(['staff_id']).execute();

  await idColumn(t, db.schema.createTable('api_tokens'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', refColumn(dialect))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', refColumn(dialect))
    .execute();

  await idColumn(t, db.schema.createTable('audit_log'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', refColumn(dialect))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('member_id', refColumn(dialect))
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_ws').on('audit_log').columns(['workspace_id', 'id']).execute();
  await db.schema.createIndex('audit_log_member').on('audit_log').columns(['member_id', 'id']).execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['workspace_id', 'entity', 'entity_id']).execute();

  await idColumn(t, db.schema.createTable('members'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('member_no', refColumn(dialect), (c) => c.notNull())
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('merged_into_id', refColumn(dialect))
    .addColumn('erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('members_no_unique', ['workspace_id', 'member_no'])
    .execute();
  await db.schema.createIndex('members_ws_id').on('members').columns(['workspace_id', 'id']).execute();
  // Profiles list the numbers merged into a member. Partial (only merged rows, a small share) and covering;
  // with merged_into_id alone SQLite preferred walking the member-number index of the whole workspace.
  await db.schema.createIndex('members_merged_into').on('members').columns(['workspace_id', 'merged_into_id', 'member_no'])
    .where(sql.ref('merged_into_id'), 'is not', null).execute();

  await idColumn(t, db.schema.createTable('member_identities'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('member_identities_unique', ['workspace_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('member_identities_member').on('member_identities').columns(['member_id']).execute();

  await idColumn(t, db.schema.createTable('nickname_history'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nickname_history_member').on('nickname_history').columns(['member_id', 'at']).execute();

  await idColumn(t, db.schema.createTable('tag_groups'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tag_groups_name_unique', ['workspace_id', 'name'])
    .execute();

  await idColumn(t, db.schema.createTable('tags'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('group_id', refColumn(dialect), (c) => c.notNull().references('tag_groups.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_name_unique', ['workspace_id', 'group_id', 'name'])
    .execute();

  await db.schema.createTable('member_tags')
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('tag_id', refColumn(dialect), (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('added_by', refColumn(dialect))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_tags_pk', ['member_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('member_tags_tag').on('member_tags').columns(['tag_id', 'member_id']).execute();

  await idColumn(t, db.schema.createTable('service_records'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('staff_id', refColumn(dialect))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_records_member').on('service_records').columns(['member_id', 'occurred_at']).execute();

  await idColumn(t, db.schema.createTable('member_blocks'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('member_id', refColumn(dialect), (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('blocked_by', refColumn(dialect))
    .addColumn('blocked_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', refColumn(dialect))
    .addColumn('lift_reason', 'text')
    .execute();
  await db.schema.createIndex('member_blocks_member').on('member_blocks').columns(['member_id', 'lifted_at']).execute();

  await idColumn(t, db.schema.createTable('member_merges'))
    .addColumn('workspace_id', refColumn(dialect), belongsToWorkspace)
    .addColumn('survivor_id', refColumn(dialect), (c) => c.notNull().references('members.id'))
    .addColumn('merged_id', refColumn(dialect), (c) => c.notNull().references('members.id'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('merged_by', refColumn(dialect))
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', refColumn(dialect))
    .execute();
  await db.schema.createIndex('member_merges_survivor').on('member_merges').columns(['survivor_id']).execute();
  await db.schema.createIndex('member_merges_merged').on('member_merges').columns(['merged_id']).execute();

  if (dialect === 'sqlite') {
    // Nickname fragments are matched through our own n-grams: `uni` holds single characters, `bi` overlapping
    // pairs, so a fragment of any length (Chinese names are often two characters) is one indexed phrase query.
    await sql`CREATE VIRTUAL TABLE member_search USING fts5(ws, uni, bi, content='', contentless_delete=1)`.execute(db);
  } else {
    await ensurePgTrgm(db);
    await sql`CREATE INDEX members_search_trgm ON members USING gin (search_text gin_trgm_ops)`.execute(db);
  }
}

/** Several test runs may migrate fresh schemas at once; creating the shared extension must not race. */
async function ensurePgTrgm(db: Kysely<any>): Promise<void> {
  const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (found.rows[0]!.n > 0) return;
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db);
  } catch (error) {
    const again = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
    if (again.rows[0]!.n === 0) throw error;
  }
}
