// The briefings (docs/api-briefings.md): the daily report (日报), the morning board (早会看板), campaign
// retrospectives (复盘) — every number with its definition in both languages.
import type { Ratio } from './types';
import { api, request } from './client';
import type { StatsRow } from './sops';

export type { Ratio };

export interface Definition { numerator: string; denominator: string | null; period: string }
export type Definitions = Record<string, { 'zh-CN': Definition; en: Definition }>;
export interface Ref { id: number; name: string }
export interface CampaignRef { id: number; key: string; name: string }

/** SOP task counts as the SOP statistics give them (without the row's key and label). */
export type SopCounts = Omit<StatsRow, 'key' | 'label'>;

export type Standing = 'met' | 'on_track' | 'borderline' | 'out_of_reach';

export interface DailyReport {
  date: string;
  tomorrow: string;
  timezone: string;
  generatedAt: string;
  staff: { id: number; displayName: string; role: string; team: Ref | null };
  groups: Array<{ id: number; name: string; status: string; campaign: CampaignRef | null }>;
  campaigns: Array<CampaignRef & { dayIndex: number; daysTotal: number }>;
  growth: {
    joins: number;
    leaves: number;
    net: number;
    byGroup: Array<{ groupId: number; name: string; joins: number; leaves: number; net: number }>;
    signups: number;
    byChannel: Array<{ channelId: number; name: string; signups: number }>;
  };
  service: {
    checkinRate: Ratio;
    byGroup: Array<{ groupId: number; name: string; campaignKey: string; dayIndex: number; rate: Ratio }>;
    absentees: Array<{ memberNo: number; nickname: string; group: Ref; campaignKey: string; counted: number; required: number; remaining: number }>;
    short: Array<{ memberNo: number; nickname: string; group: Ref; campaignKey: string; counted: number; short: number; standing: Standing }>;
  };
  sop: SopCounts;
  conversion: { paid: number; revenueCents: number; refunds: number; refundCents: number };
  problems: { recorded: number; answersUsed: number };
  points: { total: number; entries: Array<{ points: number; reason: string; ruleKind: string | null }> };
  plan: {
    sopTasks: Array<{ id: number; title: string; group: Ref | null; windowStartAt: string; windowEndAt: string }>;
    workItems: Array<{ id: number; title: string; category: string; dueOn: string; status: string; overdue: boolean }>;
  };
  definitions: Definitions;
}

export type SopRow = SopCounts & { key: number | string | null; label: string };

export interface MorningCampaign extends CampaignRef {
  dayIndex: number;
  daysTotal: number;
  depositCents: number;
  participants: number;
  checkinRate: Ratio;
  met: number;
  onTrack: number;
  borderline: number;
  outOfReach: number;
  expectedRefunds: { count: number; cents: number } | null;
  curve: Array<{ dayIndex: number; rate: Ratio }>;
}

export interface MorningBoard {
  date: string;
  yesterday: string;
  timezone: string;
  generatedAt: string;
  team: Ref | null;
  teams: Ref[];
  goals: {
    attainment: Array<{ goalId: number; goalName: string; metric: string; team: Ref | null; planned: number; target: number; actual: number; met: boolean; achievement: Ratio }>;
    standings: Array<{ goalId: number; goalName: string; metric: string; team: Ref | null; target: number; achieved: number; completion: number; timeElapsed: number; gapPoints: number }>;
  };
  sop: {
    total: SopCounts;
    byStaff: SopRow[];
    byGroup: SopRow[];
    overdue: Array<{ id: number; title: string; dueDate: string; status: string; windowEndAt: string; group: Ref | null; assignee: Ref | null }>;
  };
  redFlags: {
    alerts: Array<{ id: number; kind: string; level: string; subject: string; message: string; staffId: number | null; createdAt: string; acknowledgedAt: string | null }>;
    missedTwice: Array<{ memberNo: number; nickname: string; campaignKey: string; group: Ref | null; owner: Ref | null; lastCheckinDay: number | null }>;
    leaveThreshold: number;
    leaveRates: Array<{ group: Ref; owner: Ref | null; rate: Ratio }>;
  };
  channels: Array<{ channelId: number; name: string; owner: Ref | null; visits: number; uniqueVisitors: number; signups: number; joins: number; paid: number; costCents: number; cacCents: number | null }>;
  campaigns: MorningCampaign[];
  definitions: Definitions;
}

export type RetroMetricKey =
  | 'signups' | 'paid' | 'joined_group' | 'returning' | 'new_members' | 'day1_checkin_rate' | 'checkin_rate' | 'met_requirement'
  | 'completion_rate' | 'revenue_cents' | 'refunds' | 'refund_cents' | 'net_cents' | 'reenrolled' | 'reenrolment_rate'
  | 'sop_completion' | 'sop_punctuality';

export interface RetroMetric {
  key: RetroMetricKey;
  unit: 'people' | 'rate' | 'cents';
  value: number | null;
  ratio: Ratio | null;
  target: { value: number; goalId: number; goalName: string } | null;
  previous: number | null;
  diff: number | null;
  result: 'exceeded' | 'met' | 'missed' | null;
}

export interface RetroAction { what: string; owner: Ref | null; due: string | null }

export interface RetroText {
  goalNote: string;
  resultNote: string;
  analysis: string;
  insight: string;
  actions: RetroAction[];
  updatedAt: string;
  updatedBy: Ref | null;
}

export interface Retrospective {
  campaign: CampaignRef & {
    edition: number; series: { id: number; key: string; name: string }; startsOn: string; endsOn: string; status: string;
    daysTotal: number; depositCents: number; priceCents: number;
  };
  previous: CampaignRef | null;
  asOf: string;
  metrics: RetroMetric[];
  curve: Array<{ dayIndex: number; rate: Ratio; previous: Ratio | null }>;
  retrospective: RetroText | null;
  definitions: Definitions;
}

export interface RetrospectiveInput {
  goalNote: string;
  resultNote: string;
  analysis: string;
  insight: string;
  actions: Array<{ what: string; ownerId: number | null; due: string | null }>;
}

export interface RetrospectiveListItem {
  campaign: CampaignRef & { edition: number; seriesKey: string; startsOn: string; endsOn: string; status: string };
  retrospective: { updatedAt: string; updatedBy: Ref | null; actions: number } | null;
}

export const briefingsApi = {
  daily: (q: { staffId?: number; date?: string }) => api.get<DailyReport>('/briefings/daily', q),
  morning: (q: { teamId?: number; date?: string }) => api.get<MorningBoard>('/briefings/morning', q),
  retrospectives: (written?: boolean) => api.get<{ items: RetrospectiveListItem[] }>('/retrospectives', { written }),
  retrospective: (campaignId: number) => api.get<Retrospective>(`/campaigns/${campaignId}/retrospective`),
  saveRetrospective: (campaignId: number, input: RetrospectiveInput) => request<Retrospective>('PUT', `/campaigns/${campaignId}/retrospective`, { body: input }),
};
