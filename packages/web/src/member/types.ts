// Shapes of the member API (/api/m/*) as docs/api-campaign-run.md defines them. Money in cents, instants ISO UTC,
// campaign dates YYYY-MM-DD in the campaign's zone.

/** The landing page gets the rule in short (`makeupAllowed`); the member home the whole rule (`makeup`). */
export interface CheckinRules {
  daysTotal: number;
  daysRequiredForRefund: number;
  daysRequiredForCompletion?: number;
  dayWindow: { start: string; end: string };
  reminderTime: string;
  makeupAllowed?: boolean;
  makeup?: { allowed: boolean; maxPerCampaign: number; windowDays: number; needsApproval: boolean };
  requirePhoto: boolean;
}

export type CampaignStatus = 'draft' | 'signup' | 'running' | 'ended' | 'archived';

export interface LandingCampaign {
  key: string;
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  priceCents: number;
  depositCents: number;
  capacity: number | null;
  placesLeft: number | null;
  signupOpen: boolean;
  status: CampaignStatus;
  rules: CheckinRules;
}

export interface MemberRef {
  memberNo: number;
  nickname: string;
}

export interface Landing {
  channel: { code: string; name: string };
  campaign: LandingCampaign;
  providers: string[];
  me: MemberRef | null;
  enrolled: boolean;
}

export type PaymentStatus = 'unpaid' | 'partial' | 'paid' | 'free';

export interface MemberEnrollment {
  id: number;
  campaignKey?: string;
  status: 'active' | 'cancelled';
  amountDueCents: number;
  paidCents: number;
  paymentStatus: PaymentStatus;
  createdAt: string;
}

/** No provider: the member already signed in on this device enrolls. */
export interface SignupBody {
  code: string;
  provider?: 'dev';
  phone?: string;
  nickname?: string;
}

export interface SignupResult {
  member: MemberRef;
  enrollment: MemberEnrollment;
  created: boolean;
}

export type ReviewStatus = 'none' | 'pending' | 'approved' | 'rejected';
export type CheckinFlag = 'missing_media' | 'duplicate_photo' | 'late' | 'edited' | 'makeup';

export interface MemberCheckin {
  id: number;
  dayIndex: number;
  date: string;
  text: string;
  photos: { id: number; url: string }[];
  makeup: boolean;
  flags: CheckinFlag[];
  reviewStatus: ReviewStatus;
  /** Why a reviewer rejected (or approved) it. */
  reviewReason?: string | null;
  submittedAt: string;
  updatedAt: string;
  editCount: number;
}

export type TodayReason = 'not_started' | 'ended' | 'cancelled';

export interface Today {
  dayIndex: number;
  date: string;
  inWindow: boolean;
  checkin: MemberCheckin | null;
  canCheckIn: boolean;
  reason: TodayReason | null;
}

export interface Progress {
  counted: number;
  countedForRefund: number;
  requiredForRefund: number;
  requiredForCompletion: number;
  remaining: number;
  completed: boolean;
  streak: number;
  longestStreak: number;
  makeupsUsed: number;
  makeupsLeft: number;
  daysTotal: number;
}

export type DayState = 'done' | 'makeup' | 'pending' | 'rejected' | 'missed' | 'today' | 'future';

export interface CalendarDay {
  dayIndex: number;
  date: string;
  state: DayState;
  makeupPossible: boolean;
}

export type SettlementClass = 'eligible' | 'borderline' | 'not_eligible';

export interface MemberSettlement {
  class: SettlementClass | null;
  decision: 'refund' | 'forfeit' | null;
  refundCents: number | null;
  refundedAt: string | null;
  open: boolean;
}

export interface MemberHome {
  campaign: {
    key: string;
    name: string;
    theme?: string;
    startsOn: string;
    endsOn: string;
    timezone: string;
    depositCents: number;
    priceCents?: number;
    status: CampaignStatus;
    rules: CheckinRules;
  };
  member: MemberRef;
  enrollment: MemberEnrollment;
  group: { name: string; qrUrl: string; qrExpiresAt: string | null } | null;
  groupMessage?: string | null;
  today: Today;
  progress: Progress;
  calendar: CalendarDay[];
  settlement: MemberSettlement;
}

export type LeaderboardPeriod = 'today' | 'week' | 'total';

export interface Leaderboard {
  period: LeaderboardPeriod;
  items: { rank: number; memberNo: number; nickname: string; count: number; streak: number; at: string | null }[];
  me: { rank: number; count: number } | null;
}

export interface Me {
  member: MemberRef;
  enrollments: {
    campaign: { key: string; name: string; theme: string; startsOn: string; endsOn: string; timezone: string; status: CampaignStatus };
    enrollment: MemberEnrollment;
  }[];
}
