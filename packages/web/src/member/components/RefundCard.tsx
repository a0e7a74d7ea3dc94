// The deposit's settlement once the campaign has ended: the class it fell in, the decision, and the refund.
import { Alert, Card, Tag } from 'antd';
import { dateTime, money } from '../format';
import { useMemberLang, useMt } from '../i18n';
import type { MemberHome } from '../types';

const CLASS_COLOR = { eligible: 'green', borderline: 'gold', not_eligible: 'default' } as const;

export function RefundCard({ home }: { home: MemberHome }) {
  const t = useMt();
  const { lang } = useMemberLang();
  const { settlement: s, campaign } = home;
  return (
    <Card title={t('refund.title')} data-testid="refund-card">
      <RefundHeadline home={home} />
      <dl className="qm-facts" style={{ marginTop: 12 }}>
        {s.class && (<><dt>{t('refund.classLabel')}</dt><dd><Tag color={CLASS_COLOR[s.class]}>{t(`refund.class.${s.class}`)}</Tag></dd></>)}
        {s.decision && (<><dt>{t('refund.decisionLabel')}</dt><dd>{t(`refund.decision.${s.decision}`)}</dd></>)}
        {s.refundCents !== null && (<><dt>{t('refund.amountLabel')}</dt><dd data-testid="refund-amount">{money(t, s.refundCents)}</dd></>)}
        {s.refundedAt && (<><dt>{t('refund.timeLabel')}</dt><dd>{dateTime(lang, s.refundedAt, campaign.timezone)}</dd></>)}
      </dl>
    </Card>
  );
}

function RefundHeadline({ home }: { home: MemberHome }) {
  const t = useMt();
  const { settlement: s } = home;
  if (s.refundedAt !== null && s.refundCents !== null) {
    return <Alert type="success" showIcon title={t('refund.refunded', { amount: money(t, s.refundCents) })} data-testid="refund-status" />;
  }
  if (s.decision === 'refund') return <Alert type="info" showIcon title={t('refund.pendingRefund')} data-testid="refund-status" />;
  if (s.decision === 'forfeit') return <Alert type="warning" showIcon title={t('refund.forfeited')} data-testid="refund-status" />;
  if (!s.open) return <Alert type="info" showIcon title={t('refund.notEnded')} data-testid="refund-status" />;
  return <Alert type="info" showIcon title={t('refund.undecided')} data-testid="refund-status" />;
}
