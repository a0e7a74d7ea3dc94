// Fixtures for the campaign-run HTTP tests (signup, enrollments, payments, member API): a campaign open for signup,
// its groups with QR images and a channel leading to it, all created through the staff API.
import assert from 'node:assert/strict';
import { ok } from './api-checks.js';
import type { Client, TestServer } from './harness.js';
import { MemberClient } from './member-client.js';
import { PNG_1PX, upload } from './multipart.js';

let seriesCounter = 0;

export interface CampaignFixture {
  campaignId: number;
  key: string;
  channelId: number;
  code: string;
  groupIds: number[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A series with one campaign open for signup (it starts in 10 days), `groups` groups with QR images, and a channel. */
export async function openCampaign(staff: Client, options: { capacity?: number | null; priceCents?: number; depositCents?: number; groups?: number; pool?: boolean; campaign?: Record<string, unknown> } = {}): Promise<CampaignFixture> {
  const seriesKey = `R${(++seriesCounter).toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
  const series = await ok(staff.post('/api/v1/series', { key: seriesKey, name: `系列${seriesKey}` }), 201);
  const campaign = await ok(staff.post('/api/v1/campaigns', {
    seriesId: series.id, name: '21天早起打卡营', theme: '早起', startsOn: day(10), endsOn: day(30), timezone: 'Asia/Shanghai',
    signupOpensAt: new Date(Date.now() - 3_600_000).toISOString(), priceCents: options.priceCents ?? 0, depositCents: options.depositCents ?? 9900,
    capacity: options.capacity === undefined ? 200 : options.capacity, ...options.campaign,
  }), 201);
  const groupIds: number[] = [];
  for (let i = 1; i <= (options.groups ?? 1); i++) {
    const group = await ok(staff.post('/api/v1/groups', { platform: 'wechat', name: `${campaign.key} 早起 ${i} 群`, campaignId: campaign.id }), 201);
    assert.equal((await upload(staff, `/api/v1/groups/${group.id}/qr`, { name: 'qr.png', type: 'image/png', bytes: PNG_1PX })).status, 200);
    groupIds.push(group.id);
  }
  const channel = await ok(staff.post('/api/v1/channels', { name: `推文${campaign.key}`, campaignId: campaign.id }), 201);
  if (options.pool) await ok(staff.send('PUT', `/api/v1/channels/${channel.id}/pool`, { groupIds }));
  return { campaignId: campaign.id, key: campaign.key, channelId: channel.id, code: channel.code, groupIds };
}

/** A new device that signs up through a channel link; returns the client (signed in) and the answer. */
export async function signUp(server: TestServer, code: string, body: Record<string, unknown>) {
  const member = new MemberClient(server.url);
  const res = await member.post('/api/m/signup', { code, provider: 'dev', ...body });
  return { member, res };
}

/** The campaign's place counter as stored. */
export async function enrolledCount(server: TestServer, campaignId: number): Promise<number> {
  const row = await server.services.database.db.selectFrom('campaigns').select('enrolled_count').where('id', '=', campaignId).executeTakeFirstOrThrow();
  return Number(row.enrolled_count);
}

export async function countRows(server: TestServer, table: 'enrollments' | 'members' | 'member_sessions' | 'payments', workspaceId: number): Promise<number> {
  const row = await server.services.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Visitors routed to a group so far (chat_groups.scan_count; the group API does not show it). */
export async function scanCount(server: TestServer, groupId: number): Promise<number> {
  const row = await server.services.database.db.selectFrom('chat_groups').select('scan_count').where('id', '=', groupId).executeTakeFirstOrThrow();
  return Number(row.scan_count);
}
