// The member card: the member number (学号) large enough to copy into a group nickname, and the enrollment's state.
import { Card, Tag, Typography } from 'antd';
import { money, shortDate } from '../format';
import { useMemberLang, useMt } from '../i18n';
import type { MemberHome } from '../types';

export function MemberCard({ home }: { home: MemberHome }) {
  const t = useMt();
  const { lang } = useMemberLang();
  const { member, enrollment, campaign } = home;
  return (
    <Card data-testid="member-card">
      <Typography.Text type="secondary">{campaign.name}</Typography.Text>
      <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginTop: 4 }}>
        <div style={{ minWidth: 0 }}>
          <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>{t('home.memberNo')}</div>
          <div className="qm-member-no" data-testid="member-no">{member.memberNo}</div>
          <div style={{ fontSize: 16, overflowWrap: 'anywhere' }}>{member.nickname}</div>
        </div>
        <div style={{ textAlign: 'right' }}>
          <PaymentTag home={home} />
          <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)', marginTop: 4 }}>
            {t('common.dateRange', { start: shortDate(lang, campaign.startsOn), end: shortDate(lang, campaign.endsOn) })}
          </div>
        </div>
      </div>
      {enrollment.status === 'cancelled'
        ? <Tag color="red" style={{ marginTop: 8 }}>{t('home.cancelled')}</Tag>
        : <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>{t('home.memberNoHint')}</Typography.Paragraph>}
    </Card>
  );
}

function PaymentTag({ home }: { home: MemberHome }) {
  const t = useMt();
  const { enrollment: e } = home;
  if (e.paymentStatus === 'free' || e.amountDueCents === 0) return <Tag>{t('home.payment.free')}</Tag>;
  if (e.paymentStatus === 'paid') return <Tag color="green" data-testid="member-payment">{t('home.payment.paid', { amount: money(t, e.paidCents) })}</Tag>;
  if (e.paymentStatus === 'partial') {
    return <Tag color="orange" data-testid="member-payment">{t('home.payment.partial', { paid: money(t, e.paidCents), due: money(t, e.amountDueCents) })}</Tag>;
  }
  return <Tag color="orange" data-testid="member-payment">{t('home.payment.unpaid', { amount: money(t, e.amountDueCents) })}</Tag>;
}
