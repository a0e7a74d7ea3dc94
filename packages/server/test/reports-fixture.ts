// A tiny builder of hand-made report datasets: rows written straight into the tables (no services), so a test
// states every timestamp, status and amount its expected numbers depend on.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_RULES, mergeRules, type CheckinRulesInput } from '../src/campaigns/rules.js';
import type { DB, EnrollmentStatus, ReviewStatus } from '../src/db/schema.js';
import type { TestServer } from './harness.js';

const T0 = '2026-01-01T00:00:00.000Z';
let memberNo = 0;
let eventNo = 0;

export class Fixture {
  private readonly db: Kysely<DB>;

  constructor(server: TestServer, readonly workspaceId: number) {
    this.db = server.services.database.db;
  }

  async timezone(zone: string): Promise<void> {
    await this.db.updateTable('workspaces').set({ timezone: zone }).where('id', '=', this.workspaceId).execute();
  }

  async member(nickname = 'm'): Promise<number> {
    const no = ++memberNo;
    return (await this.db.insertInto('members').values({
      workspace_id: this.workspaceId, member_no: no, nickname: `${nickname}${no}`, phone: null, attributes: '{}', merged_into_id: null,
      erased_at: null, created_at: T0, updated_at: T0,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async merge(mergedId: number, survivorId: number): Promise<void> {
    await this.db.updateTable('members').set({ merged_into_id: survivorId }).where('id', '=', mergedId).execute();
  }

  async series(key: string): Promise<number> {
    return (await this.db.insertInto('series').values({ workspace_id: this.workspaceId, key, name: `Series ${key}`, created_at: T0, updated_at: T0 })
      .returning('id').executeTakeFirstOrThrow()).id;
  }

  async campaign(seriesId: number, key: string, edition: number, startsOn: string, endsOn: string, rules: CheckinRulesInput = {}): Promise<number> {
    return (await this.db.insertInto('campaigns').values({
      workspace_id: this.workspaceId, series_id: seriesId, key, edition, name: `Campaign ${key}`, signup_opens_at: null, signup_closes_at: null,
      starts_on: startsOn, ends_on: endsOn, timezone: 'Asia/Shanghai', capacity: null, rules: JSON.stringify(mergeRules(DEFAULT_RULES, rules)),
      archived_at: null, created_at: T0, updated_at: T0,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async channel(name: string, o: { parentId?: number; costCents?: number } = {}): Promise<number> {
    return (await this.db.insertInto('channels').values({
      workspace_id: this.workspaceId, parent_id: o.parentId ?? null, name, code: `t${randomBytes(5).toString('hex')}`, owner_staff_id: null,
      cost_cents: o.costCents ?? 0, campaign_id: null, archived_at: null, created_at: T0, updated_at: T0,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async visit(channelId: number, visitor: string, at = T0): Promise<void> {
    await this.db.insertInto('channel_visits').values({ workspace_id: this.workspaceId, channel_id: channelId, visitor, at, group_id: null }).execute();
  }

  async enroll(campaignId: number, memberId: number, o: {
    channelId?: number; status?: EnrollmentStatus; paidCents?: number; refundCents?: number; refundedAt?: string; createdAt?: string;
  } = {}): Promise<number> {
    const createdAt = o.createdAt ?? T0;
    return (await this.db.insertInto('enrollments').values({
      workspace_id: this.workspaceId, campaign_id: campaignId, member_id: memberId, channel_id: o.channelId ?? null, group_id: null,
      source: 'staff', status: o.status ?? 'active', amount_due_cents: 0, paid_cents: o.paidCents ?? 0, paid_at: null,
      cancelled_at: o.status === 'cancelled' ? createdAt : null, cancel_reason: null, settlement_decision: null, settlement_class: null,
      settlement_days: null, settlement_reason: null, settled_by: null, settled_at: null, refund_cents: o.refundCents ?? null,
      refunded_at: o.refundedAt ?? null, refund_ref: null, refunded_by: null, created_at: createdAt, updated_at: createdAt,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** A check-in of an enrollment for a campaign day; `at` is its submission time. */
  async checkin(enrollmentId: number, dayIndex: number, o: { at?: string; makeup?: boolean; review?: ReviewStatus } = {}): Promise<void> {
    const e = await this.db.selectFrom('enrollments').select(['campaign_id', 'member_id']).where('id', '=', enrollmentId).executeTakeFirstOrThrow();
    const at = o.at ?? T0;
    await this.db.insertInto('checkins').values({
      workspace_id: this.workspaceId, campaign_id: e.campaign_id, enrollment_id: enrollmentId, member_id: e.member_id, day_index: dayIndex,
      day_date: '2026-01-01', text: 'done', submitted_at: at, updated_at: at, makeup: o.makeup ? 1 : 0, review_status: o.review ?? 'none',
      review_reason: null, reviewed_by: null, reviewed_at: null,
    }).execute();
  }

  async group(name: string, campaignId: number | null): Promise<number> {
    return (await this.db.insertInto('chat_groups').values({
      workspace_id: this.workspaceId, platform: 'wechat', name, owner_staff_id: null, capacity: 500, campaign_id: campaignId, series_id: null,
      status: 'open', external_id: null, qr_file: null, qr_mime: null, qr_uploaded_at: null, qr_expires_at: null, created_at: T0, updated_at: T0,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async membership(groupId: number, memberId: number, joinedAt: string, leftAt: string | null = null): Promise<void> {
    await this.db.insertInto('group_memberships').values({
      workspace_id: this.workspaceId, group_id: groupId, member_id: memberId, joined_at: joinedAt, left_at: leftAt, source: 'manual', group_nickname: null,
    }).execute();
  }

  async event(memberId: number, name: string, at: string, props: Record<string, unknown> = {}): Promise<void> {
    await this.db.insertInto('events').values({
      workspace_id: this.workspaceId, event_id: `e${++eventNo}-${randomBytes(3).toString('hex')}`, member_id: memberId, name,
      at: new Date(at).toISOString(), props: JSON.stringify(props), received_at: T0, source: 'staff:0',
    }).execute();
  }
}

/** The instant (ISO UTC) of a wall-clock time written with its offset, e.g. utc('2026-03-02T23:59:59+08:00'). */
export const utc = (local: string): string => new Date(local).toISOString();
