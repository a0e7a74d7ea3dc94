// The operations index (运营指数): report bodies of GET /api/v1/reports/<name> and the activity setting
// (docs/api-reports.md). Report bodies keep the snake_case field names of the issue that defined them, unlike the
// rest of the API; they mirror packages/server/src/reports/*.
import { request } from './client';

/** How one number is computed (English, the source of truth); keyed by the field it explains. */
export interface Definition {
  numerator: string;
  denominator: string | null;
  period: string;
}
export type Definitions = Record<string, Definition>;

interface Body {
  definitions: Definitions;
  /** ISO UTC. */
  generated_at: string;
  /** The workspace's zone: every day of a report is a calendar day there. */
  timezone: string;
}

export interface CampaignCount {
  campaign: string;
  members: number;
}

export interface CompositionReport extends Body {
  campaign: string;
  participants: number;
  first_in_series: CampaignCount[];
  first_in_workspace: CampaignCount[];
  last_after: CampaignCount[];
  as_of?: string;
}

export interface SeriesReport extends Body {
  series: string;
  campaigns: Array<{ campaign: string; participants: number; by_first_in_series: CampaignCount[] }>;
}

export interface ReenrolmentReport extends Body {
  campaign: string;
  as_of: string;
  participants: number;
  reenrolled: number;
  stayed: number;
  churned: number;
  reenrolment_rate: number | null;
  churn_rate: number | null;
  next_in_series: CampaignCount | null;
}

export const FUNNEL_STEPS = ['visits', 'signed_up', 'paid', 'joined_group', 'first_checkin', 'met_requirement', 'refunded', 'reenrolled'] as const;
export type FunnelStepName = (typeof FUNNEL_STEPS)[number];

export interface FunnelStep {
  step: FunnelStepName | string;
  count: number;
  ratio_to_previous: number | null;
  ratio_to_first: number | null;
}

export interface FunnelReport extends Body {
  campaign: string;
  steps: FunnelStep[];
}

export interface DailyRow {
  date: string;
  new_members: number;
  dau: number;
  wau: number;
  mau: number;
}

export interface DailyReport extends Body {
  from: string;
  to: string;
  activity_events: string[] | null;
  days: DailyRow[];
}

export type RetentionPeriod = 'day' | 'week';

export interface Cohort {
  start: string;
  size: number;
  /** values[k]: cohort members active in the k-th period after the cohort's own; null when it has not begun. */
  values: Array<number | null>;
}

export interface RetentionReport extends Body {
  period: RetentionPeriod;
  periods: number;
  from?: string;
  to?: string;
  cohorts: Cohort[];
}

export interface ChannelRow {
  channel_id: number;
  channel: string;
  parent: string | null;
  visits: number;
  unique_visitors: number;
  signups: number;
  paid: number;
  met_requirement: number;
  reenrolled: number;
  leave_rate_7d: number | null;
  revenue_cents: number;
  cost_cents: number | null;
  cac_cents: number | null;
  roi: number | null;
}

export interface ChannelsReport extends Body {
  campaign: string | null;
  channels: ChannelRow[];
}

export type Scope = { campaign: string } | { group: number };

export interface HeatCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23 in the workspace zone. */
  hour: number;
  actions: number;
}

export interface DwellDay {
  date: string;
  members: number;
  total_ms: number;
  per_member_ms: number | null;
}

export interface ActivityReport extends Body {
  scope: { campaign?: string; group?: number | string };
  from: string;
  to: string;
  heatmap: HeatCell[];
  dwell: DwellDay[];
}

export interface GroupDay {
  date: string;
  members: number;
  joins: number;
  leaves: number;
  net: number;
  spoke: number;
  silent_share: number | null;
}

export interface GroupsReport extends Body {
  from?: string;
  to?: string;
  groups: Array<{ group_id: number; group: string; days: GroupDay[] }>;
}

export interface ReportSettings {
  /** null: every event counts as activity; otherwise only events with these names. */
  activityEvents: string[] | null;
}

export interface ReportBodies {
  composition: CompositionReport;
  series: SeriesReport;
  reenrolment: ReenrolmentReport;
  funnel: FunnelReport;
  daily: DailyReport;
  retention: RetentionReport;
  channels: ChannelsReport;
  activity: ActivityReport;
  groups: GroupsReport;
}
export type ReportName = keyof ReportBodies;

export type ReportQuery = Record<string, string | number | undefined>;

export const reportsApi = {
  get: <N extends ReportName>(name: N, query: ReportQuery) => request<ReportBodies[N]>('GET', `/reports/${name}`, { query }),
  settings: () => request<ReportSettings>('GET', '/reports/settings'),
  saveSettings: (settings: ReportSettings) => request<ReportSettings>('PUT', '/reports/settings', { body: settings }),
};
