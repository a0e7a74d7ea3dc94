// How the parts of a running campaign read to staff: a member as 学号 + nickname linking to the profile, money in
// yuan, the payment/class/decision tags, and campaign dates (a campaign's day is in its own zone).
import { Space, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { PaymentStatus } from '../../api/enrollments';
import type { SettlementClass, SettlementDecision } from '../../api/settlement';
import type { MemberNo } from '../../api/types';
import type { Translate } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { useLang, useT } from '../../i18n/useT';
import { useNotify } from '../../shared/useNotify';

/** Cents → "¥99.00". */
export const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : `¥${(cents / 100).toFixed(2)}`);

export function MemberLink({ member }: { member: { memberNo: MemberNo; nickname: string } }) {
  return (
    <Link to={`/members/${member.memberNo}`} data-testid="member-link">
      <Space size={6}><strong>{member.memberNo}</strong><span>{member.nickname}</span></Space>
    </Link>
  );
}

const PAYMENT_COLOR: Record<PaymentStatus, string> = { unpaid: 'error', partial: 'warning', paid: 'success', free: 'default' };

export function PaymentTag({ status }: { status: PaymentStatus }) {
  const t = useT();
  return <Tag color={PAYMENT_COLOR[status]}>{t(`run.payment.${status}`)}</Tag>;
}

const CLASS_COLOR: Record<SettlementClass, string> = { eligible: 'success', borderline: 'warning', not_eligible: 'default' };

export function ClassTag({ value }: { value: SettlementClass }) {
  const t = useT();
  return <Tooltip title={t(`run.class.${value}.help`)}><Tag color={CLASS_COLOR[value]}>{t(`run.class.${value}`)}</Tag></Tooltip>;
}

export function DecisionTag({ value, t }: { value: SettlementDecision | null; t: Translate }) {
  if (!value) return <Tag>{t('run.decision.none')}</Tag>;
  return <Tag color={value === 'refund' ? 'blue' : 'red'}>{t(`run.decision.${value}`)}</Tag>;
}

/**
 * How a number is computed. The server returns its definitions (in English) with the numbers and they are the
 * source of truth; the Chinese text is their translation, shown when the console is in Chinese.
 */
export function useDefinition(definitions: Record<string, string> | undefined) {
  const t = useT();
  const { lang } = useLang();
  return (serverKey: string, key: MessageKey) => (lang === 'en' && definitions?.[serverKey]) || t(key);
}

/** Today's date (YYYY-MM-DD) in a time zone, by the browser's clock. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Day index of a date in a campaign: 1 on startsOn. */
export function dayIndexOf(date: string, startsOn: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The date of a campaign day index. */
export function dateOfDay(dayIndex: number, startsOn: string): string {
  return new Date(Date.parse(`${startsOn}T00:00:00Z`) + (dayIndex - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** Copies text to the clipboard and says so (or why not). */
export function useCopy() {
  const t = useT();
  const notify = useNotify();
  return async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify.success(done);
    } catch {
      notify.error(new Error(t('run.copyFailed')));
    }
  };
}
