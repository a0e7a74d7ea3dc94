// Alerts (预警) and their rules: the inbox to acknowledge and resolve, and the thresholds that raise alerts.
// Wire types mirror docs/api-alerts.md.
import { api } from './client';
import type { StaffRef } from './types';

export const ALERT_LEVELS = ['info', 'warning', 'critical'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_KINDS = ['group_leave_rate_7d', 'checkin_rate_day', 'goal_behind', 'group_qr_expiring', 'live_code_exhausted'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertStatus = 'open' | 'acknowledged' | 'unresolved' | 'resolved' | 'all';

export interface Alert {
  id: number;
  kind: string;
  level: AlertLevel;
  subject: string;
  /** The page the alert is about. */
  target: { type: 'group' | 'campaign' | 'goal' | 'channel'; id: number } | null;
  message: string;
  /** Who it is addressed to. */
  staff: StaffRef | null;
  ruleId: number | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: StaffRef | null;
  resolvedAt: string | null;
  resolvedBy: StaffRef | null;
  /** staff: someone resolved it; cleared: an evaluation found its condition over. */
  resolution: 'staff' | 'cleared' | null;
}

export interface LevelCounts {
  total: number;
  info: number;
  warning: number;
  critical: number;
}

export interface AlertsPage {
  items: Alert[];
  nextCursor: string | null;
  counts: { open: LevelCounts; acknowledged: LevelCounts };
}

export interface AlertFilter {
  status: AlertStatus;
  level?: AlertLevel;
  kind?: string;
  mine?: boolean;
  limit?: number;
}

export interface AlertRule {
  id: number;
  kind: AlertKind;
  level: AlertLevel;
  threshold: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AlertKindInfo {
  kind: AlertKind;
  unit: 'percent' | 'points' | 'hours' | 'groups';
  comparison: 'above' | 'below' | 'at_most';
  min: number;
  max: number;
  integer: boolean;
  defaults: Array<{ level: AlertLevel; threshold: number }>;
  definition: string;
}

export interface Evaluation {
  evaluated: AlertKind[];
  raised: number;
  escalated: number;
  cleared: number;
  failed: Array<{ kind: AlertKind; error: string }>;
}

export const alertsApi = {
  list: (filter: AlertFilter, cursor: string | null = null) =>
    api.get<AlertsPage>('/alerts', { status: filter.status, level: filter.level, kind: filter.kind, mine: filter.mine ? true : undefined, limit: filter.limit, cursor }),
  acknowledge: (id: number) => api.post<Alert>(`/alerts/${id}/acknowledge`),
  resolve: (id: number) => api.post<Alert>(`/alerts/${id}/resolve`),
  evaluate: () => api.post<Evaluation>('/alerts/evaluate'),
  rules: () => api.get<{ items: AlertRule[]; kinds: AlertKindInfo[] }>('/alert-rules'),
  createRule: (rule: { kind: AlertKind; level: AlertLevel; threshold: number; enabled?: boolean }) => api.post<AlertRule>('/alert-rules', rule),
  updateRule: (id: number, change: { level?: AlertLevel; threshold?: number; enabled?: boolean }) => api.patch<AlertRule>(`/alert-rules/${id}`, change),
  deleteRule: (id: number) => api.delete(`/alert-rules/${id}`),
};

/** Pages showing alerts (the header bell, the inbox) reload when another one changed some. */
const CHANGED = 'qunyun:alerts-changed';
export const alertsChanged = () => window.dispatchEvent(new Event(CHANGED));
export function onAlertsChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}

/** The console page an alert is about. Goals live under 运营管理. */
export function targetPath(target: Alert['target']): string | null {
  if (!target) return null;
  if (target.type === 'group') return `/groups/${target.id}`;
  if (target.type === 'campaign') return `/campaigns/${target.id}`;
  if (target.type === 'channel') return `/channels/${target.id}`;
  return `/ops/goals/${target.id}`;
}
