// What an import did, per record type: rows created, and records skipped because the workspace already had them.
import type { RecordType } from './records.js';

export type CountedType = Exclude<RecordType, 'workspace'>;
export type Counts = Record<CountedType, number>;

export const COUNTED_TYPES: readonly CountedType[] = ['series', 'campaign', 'channel', 'group', 'member', 'enrollment', 'membership', 'checkin', 'event'];

export interface ImportSummary {
  workspace: { id: number; key: string; created: boolean };
  /** Lines of the file, blank ones included. */
  lines: number;
  created: Counts;
  skipped: Counts;
}

export function emptyCounts(): Counts {
  return { series: 0, campaign: 0, channel: 0, group: 0, member: 0, enrollment: 0, membership: 0, checkin: 0, event: 0 };
}
