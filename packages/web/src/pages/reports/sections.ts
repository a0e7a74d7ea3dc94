// The pages of 运营指数 (operations index), in menu order. Kept free of chart code: the console layout imports this
// list for its menu, while the pages themselves load lazily with ECharts.
import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n/zh-CN';

export interface ReportSection {
  path: string;
  label: MessageKey;
  permission: Permission;
}

export const REPORTS_ROOT = '/reports';

export const REPORT_SECTIONS: ReportSection[] = [
  { path: '/reports/composition', label: 'reports.nav.composition', permission: 'reports.read' },
  { path: '/reports/series', label: 'reports.nav.series', permission: 'reports.read' },
  { path: '/reports/reenrolment', label: 'reports.nav.reenrolment', permission: 'reports.read' },
  { path: '/reports/funnel', label: 'reports.nav.funnel', permission: 'reports.read' },
  { path: '/reports/daily', label: 'reports.nav.daily', permission: 'reports.read' },
  { path: '/reports/retention', label: 'reports.nav.retention', permission: 'reports.read' },
  { path: '/reports/channels', label: 'reports.nav.channels', permission: 'reports.read' },
  { path: '/reports/activity', label: 'reports.nav.activity', permission: 'reports.read' },
  { path: '/reports/groups', label: 'reports.nav.groups', permission: 'reports.read' },
  { path: '/reports/settings', label: 'reports.nav.settings', permission: 'reports.manage' },
];
