// What every condition of an alert kind gives the evaluation: the instances it measured now, each with the subject
// that names it, the staff to tell and its message; and which older open alerts of the kind are over.
import type { CampaignService } from '../../campaigns/service.js';
import type { ChannelService } from '../../channels/service.js';
import type { CheckinService } from '../../checkins/service.js';
import type { Scoped } from '../../db/scoped.js';
import type { GoalService } from '../../goals/service.js';
import type { AccessContext } from '../../http/access.js';
import type { AlertLevel, Measure } from '../rules.js';

/** The other features' services a condition reads through (the job and the evaluate route pass `services`). */
export interface AlertSources {
  campaigns: Pick<CampaignService, 'listCampaigns'>;
  checkins: Pick<CheckinService, 'absentees'>;
  channels: Pick<ChannelService, 'livePools'>;
}

export interface ConditionInput {
  ctx: AccessContext;
  s: Scoped;
  now: Date;
  /** The workspace's time zone and its local date now. */
  zone: string;
  today: string;
  sources: AlertSources;
  goals: Pick<GoalService, 'standings'>;
  /** Subjects of this kind's unresolved alerts (a condition may measure them again, to clear them). */
  unresolved: readonly string[];
}

/** One measured instance of a condition, true or not. */
export interface Finding {
  subject: string;
  measure: Measure;
  /** One alert per recipient; null: nobody is responsible. */
  staffIds: Array<number | null>;
  message(rule: { level: AlertLevel; threshold: number }): string;
}

export interface ConditionResult {
  findings: Finding[];
  /**
   * Unresolved alerts of the kind whose subject was not measured and whose instance is over (a new day, a new QR
   * uploaded): the evaluation resolves them. Absent: alerts not measured stay as they are.
   */
  superseded?: (subject: string) => boolean;
}

export type Condition = (input: ConditionInput) => Promise<ConditionResult>;

export const percent = (numerator: number, denominator: number) => `${((numerator * 100) / denominator).toFixed(1)}%`;
