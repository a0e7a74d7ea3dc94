// The campaign's rule in one sentence (打卡 21 天，完成 15 天退押金 99 元), shared by the landing page and the home.
import { money } from './format';
import type { MemberT } from './i18n';
import type { CheckinRules } from './types';

export function ruleSentence(t: MemberT, rules: CheckinRules, depositCents: number): string {
  return depositCents > 0
    ? t('landing.ruleDeposit', { total: rules.daysTotal, required: rules.daysRequiredForRefund, deposit: money(t, depositCents) })
    : t('landing.ruleComplete', { total: rules.daysTotal, required: rules.daysRequiredForCompletion ?? rules.daysRequiredForRefund });
}

/** The smaller print: the day window and reminder, photo and make-up rules. */
export function ruleDetails(t: MemberT, rules: CheckinRules): string {
  const parts = [t('landing.window', { start: rules.dayWindow.start, end: rules.dayWindow.end, reminder: rules.reminderTime })];
  if (rules.requirePhoto) parts.push(t('landing.photoRequired'));
  if (rules.makeupAllowed ?? rules.makeup?.allowed) parts.push(t('landing.makeupAllowed'));
  return parts.join(t('common.sentenceGap'));
}
