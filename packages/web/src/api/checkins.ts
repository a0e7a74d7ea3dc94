// Check-ins as staff see them: a campaign's check-ins by day, the review queue of flagged ones with their photos,
// the leaderboard and the day's absentees (docs/api-campaign-run.md, staff API).
import { request } from './client';
import type { MemberNo, Page } from './types';

export type CheckinFlag = 'missing_media' | 'duplicate_photo' | 'late' | 'edited' | 'makeup';
export const CHECKIN_FLAGS: CheckinFlag[] = ['missing_media', 'duplicate_photo', 'late', 'edited', 'makeup'];
/** 'none' = never flagged; a flagged check-in waits as 'pending' until a reviewer decides. */
export type ReviewStatus = 'none' | 'pending' | 'approved' | 'rejected';
export type ReviewDecision = 'approve' | 'reject';
export const MAX_BULK_REVIEW = 500;

export interface Checkin {
  id: number;
  campaignId: number;
  campaignKey: string;
  campaignName: string;
  enrollmentId: number;
  member: { id: number; memberNo: MemberNo; nickname: string };
  dayIndex: number;
  date: string;
  text: string;
  /** `url` is the staff photo route, /api/v1/checkins/{id}/photos/{photoId}. */
  photos: Array<{ id: number; url: string; mime: string; bytes: number }>;
  makeup: boolean;
  flags: CheckinFlag[];
  reviewStatus: ReviewStatus;
  reviewReason: string | null;
  /** The reviewer's staff id. */
  reviewedBy: { id: number; displayName: string } | null;
  reviewedAt: string | null;
  submittedAt: string;
  updatedAt: string;
  editCount: number;
  /** Whether the day counts now (not rejected; an approval-needing make-up only once approved). */
  counts: boolean;
}

export type LeaderboardPeriod = 'today' | 'week' | 'total';
export const LEADERBOARD_PERIODS: LeaderboardPeriod[] = ['today', 'week', 'total'];

export interface LeaderboardRow {
  rank: number;
  memberId: number;
  enrollmentId: number;
  memberNo: MemberNo;
  nickname: string;
  count: number;
  streak: number;
  at: string | null;
}

export interface Leaderboard {
  period: LeaderboardPeriod;
  items: LeaderboardRow[];
}

export interface Absentee {
  enrollmentId: number;
  member: { id: number; memberNo: MemberNo; nickname: string };
  inGroup: boolean;
  group: { id: number; name: string } | null;
  /** Days counting toward the refund, the refund threshold, and what is still missing. */
  counted: number;
  required: number;
  remaining: number;
  streak: number;
  lastCheckin: { dayIndex: number; date: string; at: string } | null;
}

export interface Absentees {
  date: string;
  dayIndex: number;
  reminderTime: string;
  /** False when no membership of the campaign's groups is known at all: nobody can be told apart by group. */
  groupKnown: boolean;
  note: string | null;
  counts: { enrolled: number; inGroup: number; checkedIn: number; absent: number };
  items: Absentee[];
}

export const checkinsApi = {
  list: (campaignId: number, filter: { day?: number; memberNo?: MemberNo }, cursor: string | null, limit = 50) =>
    request<Page<Checkin>>('GET', `/campaigns/${campaignId}/checkins`, { query: { ...filter, cursor, limit } }),
  reviewQueue: (filter: { campaignId?: number; status?: Exclude<ReviewStatus, 'none'> }, cursor: string | null, limit = 50) =>
    request<Page<Checkin>>('GET', '/checkins/review', { query: { ...filter, cursor, limit } }),
  review: (id: number, decision: ReviewDecision, reason?: string) =>
    request<Checkin>('POST', `/checkins/${id}/review`, { body: reason ? { decision, reason } : { decision } }),
  reviewMany: (ids: number[], decision: ReviewDecision, reason?: string) =>
    request<{ reviewed: number; ids: number[] }>('POST', '/checkins/review', { body: reason ? { ids, decision, reason } : { ids, decision } }),
  leaderboard: (campaignId: number, period: LeaderboardPeriod) =>
    request<Leaderboard>('GET', `/campaigns/${campaignId}/leaderboard`, { query: { period } }),
  absentees: (campaignId: number, date?: string) =>
    request<Absentees>('GET', `/campaigns/${campaignId}/absentees`, { query: { date } }),
};
