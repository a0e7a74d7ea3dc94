// Every report of the operations index, by name: the HTTP routes, the CLI and the benchmark all read this list.
import { activityReport } from './activity.js';
import { channelsReport } from './channels.js';
import { compositionReport } from './composition.js';
import { dailyReport } from './daily.js';
import { funnelReport } from './funnel.js';
import { groupsReport } from './groups.js';
import { reenrolmentReport } from './reenrolment.js';
import { retentionReport } from './retention.js';
import { seriesReport } from './series.js';
import type { Report } from './types.js';

export const REPORTS: Report[] = [
  compositionReport,
  seriesReport,
  reenrolmentReport,
  funnelReport,
  dailyReport,
  retentionReport,
  channelsReport,
  activityReport,
  groupsReport,
] as Report[];

export function reportNamed(name: string): Report | undefined {
  return REPORTS.find((r) => r.name === name);
}
