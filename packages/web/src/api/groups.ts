// Chat groups (社群), their QR images, membership periods, member-list imports and the community matrix.
// Wire types mirror packages/server/src/groups/schema.ts.
import { request } from './client';
import type { Items, Page } from './types';

export type Platform = 'wechat' | 'wecom' | 'telegram' | 'other';
export type GroupStatus = 'open' | 'full' | 'archived' | 'dissolved';
export type QrStatus = 'none' | 'valid' | 'expiring' | 'expired';
export type ReminderReason = 'qr_missing' | 'qr_expiring' | 'qr_expired' | 'near_capacity';

export const PLATFORMS: Platform[] = ['wechat', 'wecom', 'telegram', 'other'];
export const GROUP_STATUSES: GroupStatus[] = ['open', 'full', 'archived', 'dissolved'];
export const DEFAULT_CAPACITY = 200;
export const MAX_CAPACITY = 500;
/** Mirrors the server's upload limit, so a too-large file is refused before it is sent. */
export const MAX_QR_BYTES = 2 * 1024 * 1024;
export const QR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

interface Ref { id: number; key: string; name: string }

export interface Group {
  id: number;
  platform: Platform;
  name: string;
  owner: { id: number; displayName: string } | null;
  capacity: number;
  campaign: Ref | null;
  series: Ref | null;
  theme: string;
  status: GroupStatus;
  memberCount: number;
  qrStatus: QrStatus;
  qrUploadedAt: string | null;
  qrExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GroupDraft {
  platform: Platform;
  name: string;
  ownerStaffId?: number | null;
  capacity?: number;
  campaignId?: number | null;
  seriesId?: number | null;
  theme?: string;
  status?: GroupStatus;
}

export interface GroupFilter { q?: string; status?: GroupStatus; campaignId?: number; seriesId?: number }

export interface Reminder {
  groupId: number;
  groupName: string;
  reason: ReminderReason;
  message: string;
  memberCount: number;
  capacity: number;
  qrExpiresAt: string | null;
}

export interface Membership {
  id: number;
  memberNo: number;
  nickname: string;
  joinedAt: string;
  leftAt: string | null;
  source: 'manual' | 'import' | 'connector';
  groupNickname: string | null;
}

export interface ImportSummary {
  rows: number;
  matched: number;
  byMemberNo: number;
  byIdentity: number;
  byNickname: number;
  alreadyIn: number;
  joined: number;
  left: number;
  toReview: number;
  snapshot: boolean;
  columns: Array<{ header: string; meaning: string }>;
}

export interface Review {
  id: number;
  groupId: number;
  groupNickname: string;
  row: Record<string, string>;
  reason: 'ambiguous_nickname' | 'fuzzy_nickname' | 'no_match' | 'conflicting_match';
  candidates: Array<{ memberNo: number; nickname: string }>;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

export type Resolution = { memberNo: number } | { createMember: { nickname: string } } | { ignore: true };

/** A series or campaign to pick in the group form. */
export interface LinkOption { id: number; key: string; name: string }

export interface MatrixGroup {
  id: number;
  name: string;
  platform: Platform;
  status: GroupStatus;
  theme: string;
  memberCount: number;
  capacity: number;
  qrStatus: QrStatus;
  campaignId: number | null;
  campaignKey: string | null;
}
export interface MatrixTotals { members: number; groups: number; groupsOpen: number }
export interface Matrix {
  series: Array<{
    id: number; key: string; name: string; theme: string;
    campaigns: Array<{ id: number; key: string; name: string; startsOn: string; endsOn: string }>;
    groups: MatrixGroup[];
    totals: MatrixTotals;
  }>;
  unassigned: { groups: MatrixGroup[]; totals: MatrixTotals };
  definitions: Record<string, string>;
}

/** One period of a member in a group (GET /members/:memberNo/groups). */
export interface MemberGroup {
  id: number;
  group: { id: number; name: string; platform: Platform; status: GroupStatus };
  joinedAt: string;
  leftAt: string | null;
  source: string;
  groupNickname: string | null;
}

/** POSTs one file as multipart/form-data (field `file`) through the JSON client, so CSRF and errors work alike. */
function uploadFile<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return request<T>('POST', path, { form });
}

export const groupsApi = {
  list: (filter: GroupFilter, cursor: string | null) => request<Page<Group>>('GET', '/groups', { query: { ...filter, cursor, limit: 50 } }),
  get: (id: number) => request<Group>('GET', `/groups/${id}`),
  ofMember: (memberNo: number) => request<Items<MemberGroup>>('GET', `/members/${memberNo}/groups`),
  create: (draft: GroupDraft) => request<Group>('POST', '/groups', { body: draft }),
  update: (id: number, change: Partial<GroupDraft>) => request<Group>('PATCH', `/groups/${id}`, { body: change }),
  reminders: () => request<Items<Reminder>>('GET', '/groups/reminders'),
  qrUrl: (group: Group) => `/api/v1/groups/${group.id}/qr?v=${encodeURIComponent(group.qrUploadedAt ?? '')}`,
  uploadQr: (id: number, file: File, expiresAt?: string) => uploadFile<Group>(`/groups/${id}/qr`, file, expiresAt ? { expiresAt } : {}),
  members: (id: number, period: 'current' | 'all', cursor: string | null) =>
    request<Page<Membership>>('GET', `/groups/${id}/members`, { query: { period, cursor, limit: 100 } }),
  join: (id: number, memberNo: number, groupNickname?: string) =>
    request<Membership>('POST', `/groups/${id}/members`, { body: groupNickname ? { memberNo, groupNickname } : { memberNo } }),
  leave: (id: number, memberNo: number) => request<Membership>('POST', `/groups/${id}/members/${memberNo}/leave`, { body: {} }),
  importList: (id: number, file: File, snapshot: boolean) => uploadFile<ImportSummary>(`/groups/${id}/import?snapshot=${snapshot}`, file),
  reviews: (id: number) => request<Items<Review>>('GET', `/groups/${id}/reviews`),
  resolve: (reviewId: number, resolution: Resolution) => request<Review>('POST', `/group-reviews/${reviewId}/resolve`, { body: resolution }),
  matrix: () => request<Matrix>('GET', '/matrix'),
  /** Series and campaigns to choose from (the campaigns feature's lists; empty when they cannot be read). */
  linkOptions: async () => {
    const [series, campaigns] = await Promise.all([
      request<Items<LinkOption>>('GET', '/series').then((r) => r.items, () => []),
      request<Items<LinkOption>>('GET', '/campaigns').then((r) => r.items, () => []),
    ]);
    return { series, campaigns };
  },
};
