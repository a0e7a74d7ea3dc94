// Channels (渠道) with their short links, QR codes and live-code pools, and their visit stats (their alerts:
// alerts.ts). Wire types mirror docs/api-channels.md.
import { request } from './client';
import type { Group, QrStatus } from './groups';
import type { Items, Page, StaffRef } from './types';

export const DEFAULT_THRESHOLD = 190;
export const MAX_POOL_GROUPS = 50;
export const CODE_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;

export type UnavailableReason = 'closed' | 'at_threshold' | 'at_capacity' | 'qr_missing' | 'qr_expired';
export const UNAVAILABLE_REASONS: UnavailableReason[] = ['closed', 'at_threshold', 'at_capacity', 'qr_missing', 'qr_expired'];

export interface PoolGroup {
  groupId: number;
  name: string;
  position: number;
  status: Group['status'];
  memberCount: number;
  scanCount: number;
  capacity: number;
  qrStatus: QrStatus;
  qrExpiresAt: string | null;
  available: boolean;
  unavailableReason: UnavailableReason | null;
}

export interface Channel {
  id: number;
  parentId: number | null;
  level: 1 | 2;
  name: string;
  code: string;
  path: string;
  owner: StaffRef | null;
  costCents: number;
  threshold: number;
  fallbackMessage: string;
  archivedAt: string | null;
  createdAt: string;
  /** Set: the short link leads to this campaign's signup page (/m/c/<code>) instead of a group QR. */
  campaignId: number | null;
  pool: PoolGroup[];
  /** All-time totals. */
  stats: { visits: number; uniqueVisitors: number; routed: number; exhausted: number };
}

export interface ChannelDraft {
  name: string;
  parentId?: number | null;
  ownerStaffId?: number | null;
  costCents?: number;
  threshold?: number;
  fallbackMessage?: string;
  code?: string;
  campaignId?: number | null;
}

export type ChannelChange = Omit<ChannelDraft, 'parentId' | 'code'> & { archived?: boolean };

export interface ChannelStats {
  from: string;
  to: string;
  visits: number;
  uniqueVisitors: number;
  exhaustedVisits: number;
  byDay: Array<{ date: string; visits: number; uniqueVisitors: number }>;
  byGroup: Array<{ groupId: number; name: string; routed: number; joins: number }>;
  definitions: Partial<Record<'visits' | 'uniqueVisitors' | 'routed' | 'joins' | 'exhaustedVisits', string>>;
}

export const channelsApi = {
  list: (archived: boolean) => request<Items<Channel>>('GET', '/channels', { query: { archived } }),
  get: (id: number) => request<Channel>('GET', `/channels/${id}`),
  create: (draft: ChannelDraft) => request<Channel>('POST', '/channels', { body: draft }),
  update: (id: number, change: ChannelChange) => request<Channel>('PATCH', `/channels/${id}`, { body: change }),
  setPool: (id: number, groupIds: number[]) => request<Channel>('PUT', `/channels/${id}/pool`, { body: { groupIds } }),
  /** Without a period, the server's default: the last 30 days ending today in the workspace's time zone. */
  stats: (id: number, period: { from: string; to: string } | null) => request<ChannelStats>('GET', `/channels/${id}/stats`, period ? { query: period } : {}),
  qrPngUrl: (id: number, size = 320) => `/api/v1/channels/${id}/qr.png?size=${size}`,
  qrSvgUrl: (id: number) => `/api/v1/channels/${id}/qr.svg`,
  /** Open groups to add to a pool: one page of up to 200, which is what the server lets one request return. */
  openGroups: () => request<Page<Group>>('GET', '/groups', { query: { status: 'open', limit: 200 } }),
};

/** The absolute short link as visitors see it (the QR may use QUNYUN_PUBLIC_URL; the console shows its own origin). */
export function shortLinkUrl(channel: Pick<Channel, 'code'>): string {
  return `${window.location.origin}/c/${channel.code}`;
}
