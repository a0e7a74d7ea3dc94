// Sessions of members on the mobile pages (the check-in app). A member signs in through an identity provider at
// signup (signup/providers.ts); the cookie holds a random secret, the table only its sha256. Members are not
// staff: a member session opens /api/m/* for that one member and nothing under /api/v1.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';

export const MEMBER_COOKIE = 'qy_member';
const SESSION_DAYS = 60;
/** Sliding expiry is written at most this often, so a page's many reads do not each write. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export interface MemberContext {
  workspaceId: number;
  memberId: number;
  memberNo: number;
  nickname: string;
  sessionId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000).toISOString();

export class MemberSessions {
  constructor(private readonly db: Kysely<DB>, private readonly clock: Clock) {}

  /** Starts a session for a member; returns the cookie value (shown once, stored hashed). */
  async create(db: Executor, workspaceId: number, memberId: number, provider: string): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await db.insertInto('member_sessions').values({
      id: sha256(token), workspace_id: workspaceId, member_id: memberId, provider,
      created_at: now.toISOString(), expires_at: plusDays(now, SESSION_DAYS), last_seen_at: now.toISOString(),
    }).execute();
    return { token, sessionId: sha256(token) };
  }

  /**
   * The member behind a cookie, or null when the session is unknown, expired, or its member was erased. A merged
   * member's sessions were moved to the survivor by the merge, so they keep working.
   */
  async fromCookie(token: string): Promise<MemberContext | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const id = sha256(token);
    // Found by its secret hash, the one lookup not fenced by a workspace: the session names its workspace.
    const row = await this.db.selectFrom('member_sessions')
      .innerJoin('members', 'members.id', 'member_sessions.member_id')
      .select(['member_sessions.workspace_id', 'member_sessions.member_id', 'member_sessions.expires_at', 'member_sessions.last_seen_at',
        'members.member_no', 'members.nickname', 'members.erased_at', 'members.merged_into_id'])
      .where('member_sessions.id', '=', id)
      .executeTakeFirst();
    const now = this.clock.now();
    if (!row || row.expires_at <= now.toISOString() || row.erased_at !== null || row.merged_into_id !== null) return null;
    if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
      await this.db.updateTable('member_sessions').set({ last_seen_at: now.toISOString(), expires_at: plusDays(now, SESSION_DAYS) })
        .where('id', '=', id).execute();
    }
    return { workspaceId: row.workspace_id, memberId: row.member_id, memberNo: row.member_no, nickname: row.nickname, sessionId: id };
  }

  async end(sessionId: string): Promise<void> {
    await this.db.deleteFrom('member_sessions').where('id', '=', sessionId).execute();
  }
}
