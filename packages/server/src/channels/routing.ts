// The live-code choice: which group of a channel's pool a visitor is sent to, and why the others are passed over.
// Pure, so the rule can be tested without a database or a clock.
import type { UnavailableReason } from './schema.js';

export interface PoolCandidate {
  groupId: number;
  position: number;
  status: string;
  /** Open memberships we know of. */
  memberCount: number;
  /** Visitors routed to the group so far. */
  scanCount: number;
  capacity: number;
  hasQr: boolean;
  qrExpiresAt: string | null;
}

/**
 * Why a group cannot take the next visitor, or null when it can. The load is the known member count; a group with
 * no known members (no connector, no imported list) is measured by its scans instead, the proxy WeChat tools use.
 */
export function unavailableReason(group: PoolCandidate, threshold: number, now: number): UnavailableReason | null {
  if (group.status !== 'open') return 'closed';
  const load = group.memberCount > 0 ? group.memberCount : group.scanCount;
  if (load >= threshold) return 'at_threshold';
  if (load >= group.capacity) return 'at_capacity';
  if (!group.hasQr || !group.qrExpiresAt) return 'qr_missing';
  if (Date.parse(group.qrExpiresAt) <= now) return 'qr_expired';
  return null;
}

/** The first available group in pool order, or null when the pool is exhausted. */
export function chooseGroup<T extends PoolCandidate>(pool: readonly T[], threshold: number, now: number): T | null {
  const ordered = [...pool].sort((a, b) => a.position - b.position);
  return ordered.find((g) => unavailableReason(g, threshold, now) === null) ?? null;
}
