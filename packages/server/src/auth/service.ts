// Signing in and out, and turning a cookie or bearer token into an AccessContext.
import { nowIso, type Executor } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { newSecret, sha256, verifyPassword } from './passwords.js';
import { ROLE_PERMISSIONS, type Permission, type Role } from './permissions.js';
import * as q from './queries.js';
import { FailureLimiter } from './rate-limit.js';

const SESSION_DAYS = 7;
const TOUCH_EVERY_MS = 5 * 60 * 1000;
/** A valid-looking hash to compare against when the account does not exist, so timing does not reveal it. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class AuthService {
  private readonly perAccount = new FailureLimiter(5, 15 * 60 * 1000);
  private readonly perAddress = new FailureLimiter(30, 15 * 60 * 1000);

  constructor(private readonly db: Executor) {}

  async login(input: { workspace: string; username: string; password: string; ip: string }) {
    const accountKey = `${input.workspace}\u0000${input.username}`;
    for (const [limiter, key] of [[this.perAccount, accountKey], [this.perAddress, input.ip]] as const) {
      if (limiter.isLimited(key)) {
        throw new AppError(429, 'auth.rate_limited', `Too many failed sign-ins; try again in ${limiter.retryAfter(key)} s`);
      }
    }
    const staff = await q.findStaffForLogin(this.db, input.workspace, input.username);
    const ok = await verifyPassword(input.password, staff?.password_hash ?? DUMMY_HASH);
    if (!staff || !ok || staff.disabled) {
      this.perAccount.fail(accountKey);
      this.perAddress.fail(input.ip);
      throw new AppError(401, 'auth.invalid_credentials', 'Workspace, username or password is wrong, or the account is disabled');
    }
    this.perAccount.clear(accountKey);
    const token = newSecret();
    const now = new Date();
    await q.insertSession(this.db, {
      id: sha256(token),
      workspace_id: staff.workspace_id,
      staff_id: staff.id,
      csrf_token: newSecret(24),
      created_at: now.toISOString(),
      expires_at: addDays(now, SESSION_DAYS),
    });
    await q.markLogin(this.db, staff.id, now.toISOString());
    return { token, sessionId: sha256(token) };
  }

  logout(sessionId: string) {
    return q.deleteSession(this.db, sessionId);
  }

  async fromSessionCookie(token: string, requestId: string): Promise<{ ctx: AccessContext; csrfToken: string; sessionId: string } | null> {
    const id = sha256(token);
    const row = await q.findSession(this.db, id);
    const now = new Date();
    if (!row || row.disabled || row.expires_at <= now.toISOString()) return null;
    if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
      await q.touchSession(this.db, id, now.toISOString(), addDays(now, SESSION_DAYS));
    }
    const role = row.role as Role;
    return {
      sessionId: id,
      csrfToken: row.csrf_token,
      ctx: {
        workspaceId: row.workspace_id,
        actor: { kind: 'staff', id: row.staff_id, name: row.display_name },
        staffId: row.staff_id,
        role,
        permissions: ROLE_PERMISSIONS[role] ?? new Set(),
        requestId,
      },
    };
  }

  async fromBearerToken(token: string, requestId: string): Promise<AccessContext | null> {
    const row = await q.findTokenByHash(this.db, sha256(token));
    if (!row || row.revoked_at) return null;
    const now = nowIso();
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) await q.touchToken(this.db, row.id, now);
    return {
      workspaceId: row.workspace_id,
      actor: { kind: 'token', id: row.id, name: row.name },
      staffId: null,
      role: null,
      permissions: new Set(JSON.parse(row.scopes) as Permission[]),
      requestId,
    };
  }
}

function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString();
}
