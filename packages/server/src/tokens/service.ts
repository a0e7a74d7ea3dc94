// API tokens for integrations: the secret is shown once at creation and stored only as its hash; scopes limit
// what it may do; revocation is immediate.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import { newSecret, sha256 } from '../auth/passwords.js';
import { nowIso, scoped } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { conflict, notFound } from '../http/errors.js';

export interface ApiTokenOut {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: { id: number; displayName: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export class TokenService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(ctx: AccessContext): Promise<ApiTokenOut[]> {
    const rows = await scoped(this.db, ctx.workspaceId).selectFrom('api_tokens')
      .leftJoin('staff', 'staff.id', 'api_tokens.created_by')
      .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.prefix', 'api_tokens.scopes', 'api_tokens.created_by',
        'staff.display_name', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
      .orderBy('api_tokens.id', 'desc').execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scopes: JSON.parse(row.scopes) as string[],
      createdBy: row.created_by !== null ? { id: row.created_by, displayName: row.display_name ?? '' } : null,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }

  async create(ctx: AccessContext, input: { name: string; scopes: string[] }): Promise<ApiTokenOut & { token: string }> {
    const token = `qy_${newSecret(30)}`;
    const scopes = [...new Set(input.scopes)].sort();
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('api_tokens').values({
        workspace_id: ctx.workspaceId,
        name: input.name,
        token_hash: sha256(token),
        prefix: token.slice(0, 10),
        scopes: JSON.stringify(scopes),
        created_by: ctx.staffId,
        created_at: nowIso(),
      }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { name: input.name, scopes } });
      const created = (await this.listIn(tx, ctx)).find((t) => t.id === row.id)!;
      return { ...created, token };
    });
  }

  async revoke(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const row = await s.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('api_token', 'API token');
      if (row.revoked_at) throw conflict('api_token.already_revoked', 'This token is already revoked');
      await s.updateTable('api_tokens').set({ revoked_at: nowIso(), revoked_by: ctx.staffId }).where('id', '=', id).execute();
      await recordAudit(tx, ctx, { action: 'api_token.revoke', entity: 'api_token', entityId: id, before: { name: row.name } });
    });
  }

  private listIn(db: Kysely<DB>, ctx: AccessContext) {
    return new TokenService(db).list(ctx);
  }
}
