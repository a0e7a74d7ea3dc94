// How campaigns read to staff: money in yuan, the status colour, and the rule as plain sentences.
import type { Campaign, CampaignStatus, CheckinRules } from '../../api/campaigns';
import type { Translate } from '../../i18n/useT';

/** Cents → "99.00"; the API keeps integers, people read yuan. */
export const yuan = (cents: number) => (cents / 100).toFixed(2);

export const STATUS_COLOR: Record<CampaignStatus, string> = {
  draft: 'default',
  signup: 'processing',
  running: 'success',
  ended: 'warning',
  archived: 'default',
};

/** Days from startsOn to endsOn, both included (what rules.daysTotal must fit into). */
export function spanDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The rule in sentences, e.g. "21 天中打卡满 15 天可退押金 ¥99.00；每天 00:00–23:59（Asia/Shanghai）计为当天；…". */
export function ruleSentences(t: Translate, c: Pick<Campaign, 'depositCents' | 'timezone'> & { rules: CheckinRules }): string[] {
  const r = c.rules;
  const makeup = r.makeup.allowed
    ? [
        t('campaigns.summary.makeupOn', { max: r.makeup.maxPerCampaign, window: r.makeup.windowDays }),
        t(r.makeup.needsApproval ? 'campaigns.summary.needsApproval' : 'campaigns.summary.noApproval'),
        t(r.makeup.countsForRefund ? 'campaigns.summary.countsForRefund' : 'campaigns.summary.notForRefund'),
        t(r.makeup.countsForStreak ? 'campaigns.summary.countsForStreak' : 'campaigns.summary.notForStreak'),
      ].join('，')
    : t('campaigns.summary.makeupOff');
  const crosses = r.dayWindow.end < r.dayWindow.start;
  return [
    t('campaigns.summary.completion', { total: r.daysTotal, days: r.daysRequiredForCompletion }),
    c.depositCents > 0
      ? t('campaigns.summary.refund', { total: r.daysTotal, days: r.daysRequiredForRefund, deposit: yuan(c.depositCents) })
      : t('campaigns.summary.noDeposit', { days: r.daysRequiredForRefund }),
    t(crosses ? 'campaigns.summary.windowCross' : 'campaigns.summary.window', { start: r.dayWindow.start, end: r.dayWindow.end, tz: c.timezone }),
    `${t('campaigns.summary.grace', { days: r.graceDays })}，${t('campaigns.summary.borderline', { days: r.borderlineDays })}`,
    makeup,
    t(r.requirePhoto ? 'campaigns.summary.photoRequired' : 'campaigns.summary.photoOptional'),
    t('campaigns.summary.reminder', { time: r.reminderTime }),
  ];
}
