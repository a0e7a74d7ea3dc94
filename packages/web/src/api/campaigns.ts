// Series (X) and campaigns/editions (X1, X2…) with their check-in rules; mirrors packages/server/src/campaigns/schema.ts.
import { api } from './client';
import type { Items } from './types';

export type CampaignStatus = 'draft' | 'signup' | 'running' | 'ended' | 'archived';
export const CAMPAIGN_STATUSES: CampaignStatus[] = ['draft', 'signup', 'running', 'ended', 'archived'];

export interface MakeupPolicy {
  allowed: boolean;
  maxPerCampaign: number;
  windowDays: number;
  countsForRefund: boolean;
  countsForStreak: boolean;
  needsApproval: boolean;
}

export interface CheckinRules {
  daysTotal: number;
  daysRequiredForCompletion: number;
  daysRequiredForRefund: number;
  /** 'HH:MM' in the campaign's zone, end minute included; end < start crosses midnight. */
  dayWindow: { start: string; end: string };
  graceDays: number;
  makeup: MakeupPolicy;
  reminderTime: string;
  borderlineDays: number;
  /** A check-in without a photo is flagged missing_media for review (it still counts until rejected). */
  requirePhoto: boolean;
}

export interface Series {
  id: number;
  key: string;
  name: string;
  theme: string;
  campaignCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Campaign {
  id: number;
  seriesId: number;
  series: { id: number; key: string; name: string };
  key: string;
  edition: number;
  name: string;
  theme: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  startsOn: string;
  endsOn: string;
  timezone: string;
  priceCents: number;
  depositCents: number;
  capacity: number | null;
  rules: CheckinRules;
  status: CampaignStatus;
  signupOpen: boolean;
  locked: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SeriesInput {
  key: string;
  name: string;
  theme?: string;
}

export interface CampaignInput {
  name: string;
  theme?: string;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  startsOn: string;
  endsOn: string;
  timezone?: string;
  priceCents?: number;
  depositCents?: number;
  capacity?: number | null;
  rules?: CheckinRules;
}

export const seriesApi = {
  list: () => api.get<Items<Series>>('/series'),
  create: (input: SeriesInput) => api.post<Series>('/series', input),
  update: (id: number, input: Partial<SeriesInput>) => api.patch<Series>(`/series/${id}`, input),
  remove: (id: number) => api.delete(`/series/${id}`),
};

export const campaignsApi = {
  list: (filter: { seriesId?: number; status?: CampaignStatus }) => api.get<Items<Campaign>>('/campaigns', filter),
  get: (id: number) => api.get<Campaign>(`/campaigns/${id}`),
  create: (input: CampaignInput & { seriesId: number }) => api.post<Campaign>('/campaigns', input),
  update: (id: number, input: Partial<CampaignInput> & { overrideReason?: string }) => api.patch<Campaign>(`/campaigns/${id}`, input),
  archive: (id: number) => api.post<Campaign>(`/campaigns/${id}/archive`),
  unarchive: (id: number) => api.post<Campaign>(`/campaigns/${id}/unarchive`),
};
