// The live-code choice on its own: pool order, the member count (or scans when no member is known) against the
// threshold and capacity, closed groups, and missing or expired QR images.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseGroup, unavailableReason, type PoolCandidate } from './routing.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const LATER = '2026-03-05T12:00:00Z';

function group(groupId: number, extra: Partial<PoolCandidate> = {}): PoolCandidate {
  return { groupId, position: groupId, status: 'open', memberCount: 0, scanCount: 0, capacity: 200, hasQr: true, qrExpiresAt: LATER, ...extra };
}

test('the first available group in pool order wins, whatever the array order', () => {
  const pool = [group(3, { position: 2 }), group(1, { position: 0, status: 'full' }), group(2, { position: 1 })];
  assert.equal(chooseGroup(pool, 190, NOW)?.groupId, 2);
});

test('member count is compared with the threshold: 189 takes visitors, 190 does not', () => {
  assert.equal(unavailableReason(group(1, { memberCount: 189, scanCount: 5000 }), 190, NOW), null, 'known members win over scans');
  assert.equal(unavailableReason(group(1, { memberCount: 190 }), 190, NOW), 'at_threshold');
});

test('with no known members, the scan count stands in for them', () => {
  assert.equal(unavailableReason(group(1, { scanCount: 189 }), 190, NOW), null);
  assert.equal(unavailableReason(group(1, { scanCount: 190 }), 190, NOW), 'at_threshold');
});

test('a capacity below the threshold stops the group first', () => {
  assert.equal(unavailableReason(group(1, { memberCount: 100, capacity: 100 }), 190, NOW), 'at_capacity');
  assert.equal(unavailableReason(group(1, { memberCount: 99, capacity: 100 }), 190, NOW), null);
});

test('closed, QR missing and QR expired groups are passed over, with their reason', () => {
  for (const status of ['full', 'archived', 'dissolved']) assert.equal(unavailableReason(group(1, { status }), 190, NOW), 'closed');
  assert.equal(unavailableReason(group(1, { hasQr: false }), 190, NOW), 'qr_missing');
  assert.equal(unavailableReason(group(1, { qrExpiresAt: null }), 190, NOW), 'qr_missing');
  assert.equal(unavailableReason(group(1, { qrExpiresAt: new Date(NOW).toISOString() }), 190, NOW), 'qr_expired', 'expired at this very instant');
  assert.equal(unavailableReason(group(1, { qrExpiresAt: new Date(NOW + 1000).toISOString() }), 190, NOW), null);
});

test('an exhausted or empty pool gives no group', () => {
  assert.equal(chooseGroup([], 190, NOW), null);
  assert.equal(chooseGroup([group(1, { memberCount: 190 }), group(2, { hasQr: false })], 190, NOW), null);
});
