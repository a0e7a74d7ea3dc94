// Check-in rows as the API shows them: to the member (their own, with photo links under /api/m) and to staff (with
// the member, the review trail and whether the day counts).
import { parseStoredRules, type CheckinRules } from '../campaigns/rules.js';
import type { CheckinFlag } from '../db/schema.js';
import { counts, type CheckinFacts } from './progress.js';
import type { CheckinRow, StaffCheckinRow } from './queries.js';
import { CHECKIN_FLAGS, type MemberCheckin, type StaffCheckin } from './schema.js';

/** The stored JSON array of flags, in the canonical order (unknown entries are dropped). */
export function parseFlags(json: string): CheckinFlag[] {
  const stored = new Set(JSON.parse(json) as string[]);
  return CHECKIN_FLAGS.filter((f) => stored.has(f));
}

/** Flags as stored: each once, in the canonical order. */
export function flagsJson(flags: Iterable<CheckinFlag>): string {
  const set = new Set(flags);
  return JSON.stringify(CHECKIN_FLAGS.filter((f) => set.has(f)));
}

export function factsOf(row: { day_index: number; makeup: number; review_status: CheckinFacts['reviewStatus']; flags: string }): CheckinFacts {
  return { dayIndex: row.day_index, makeup: row.makeup === 1, reviewStatus: row.review_status, flags: parseFlags(row.flags) };
}

export function toMemberCheckin(row: CheckinRow, photoIds: readonly number[]): MemberCheckin {
  return {
    id: row.id,
    dayIndex: row.day_index,
    date: row.day_date,
    text: row.text,
    photos: photoIds.map((id) => ({ id, url: `/api/m/photos/${id}` })),
    makeup: row.makeup === 1,
    flags: parseFlags(row.flags),
    reviewStatus: row.review_status,
    reviewReason: row.review_reason,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    editCount: row.edit_count,
  };
}

type PhotoInfo = { id: number; checkin_id: number; mime: string; bytes: number };

/** Staff rows with their photos; each campaign's rule is parsed once. */
export function toStaffCheckins(rows: readonly StaffCheckinRow[], photos: readonly PhotoInfo[]): StaffCheckin[] {
  const rules = new Map<number, CheckinRules>();
  const byCheckin = new Map<number, PhotoInfo[]>();
  for (const p of photos) byCheckin.set(p.checkin_id, [...(byCheckin.get(p.checkin_id) ?? []), p]);
  return rows.map((row) => {
    let rule = rules.get(row.campaign_id);
    if (!rule) rules.set(row.campaign_id, (rule = parseStoredRules(row.rules)));
    const facts = factsOf(row);
    return {
      id: row.id,
      campaignId: row.campaign_id,
      campaignKey: row.campaign_key,
      campaignName: row.campaign_name,
      enrollmentId: row.enrollment_id,
      member: { id: row.member_id, memberNo: row.member_no, nickname: row.nickname },
      dayIndex: row.day_index,
      date: row.day_date,
      text: row.text,
      photos: (byCheckin.get(row.id) ?? []).map((p) => ({ id: p.id, url: `/api/v1/checkins/${row.id}/photos/${p.id}`, mime: p.mime, bytes: p.bytes })),
      makeup: facts.makeup,
      flags: [...facts.flags],
      reviewStatus: row.review_status,
      reviewReason: row.review_reason,
      reviewedBy: row.reviewed_by === null ? null : { id: row.reviewed_by, displayName: row.reviewer_name ?? '' },
      reviewedAt: row.reviewed_at,
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
      editCount: row.edit_count,
      counts: counts(facts, rule),
    };
  });
}
