// A group row as the API shows it: derived member count, QR status and expiry.
import type * as q from './queries.js';
import { NEAR_CAPACITY, QR_WARNING_MS, type GroupOut, type QrStatus } from './schema.js';

export function qrStatusOf(expiresAt: string | null, hasFile: boolean, now = Date.now()): QrStatus {
  if (!hasFile || !expiresAt) return 'none';
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return 'expired';
  return left < QR_WARNING_MS ? 'expiring' : 'valid';
}

export function nearCapacityAt(capacity: number): number {
  return Math.max(1, Math.min(NEAR_CAPACITY, capacity - 10));
}

export function toGroupOut(row: q.GroupRow, now = Date.now()): GroupOut {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    owner: row.owner_staff_id !== null ? { id: row.owner_staff_id, displayName: row.owner_name ?? '' } : null,
    capacity: row.capacity,
    campaign: row.campaign_id !== null ? { id: row.campaign_id, key: row.campaign_key ?? '', name: row.campaign_name ?? '' } : null,
    series: row.series_id !== null ? { id: row.series_id, key: row.series_key ?? '', name: row.series_name ?? '' } : null,
    theme: row.theme,
    status: row.status,
    memberCount: Number(row.member_count ?? 0),
    qrStatus: qrStatusOf(row.qr_expires_at, row.qr_file !== null, now),
    qrUploadedAt: row.qr_uploaded_at,
    qrExpiresAt: row.qr_file !== null ? row.qr_expires_at : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
