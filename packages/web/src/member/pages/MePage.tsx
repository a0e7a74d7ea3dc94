// /m and /m/me — the signed-in member's campaigns, and signing out.
import { useEffect, useState } from 'react';
import { Button, Card, Empty, Result, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useLoad } from '../../shared/useLoad';
import { memberApi } from '../api';
import { ErrorState, LoadingState } from '../components/StateScreen';
import { flushPageView, setMemberSignedIn } from '../events';
import { shortDate } from '../format';
import { useMemberLang, useMt } from '../i18n';

const STATUS_COLOR = { draft: 'default', signup: 'blue', running: 'green', ended: 'default', archived: 'default' } as const;

export function MePage() {
  const t = useMt();
  const { lang } = useMemberLang();
  const navigate = useNavigate();
  const { data, error, reload } = useLoad(() => memberApi.me(), []);
  const [signedOut, setSignedOut] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data) setMemberSignedIn(true);
  }, [data]);

  async function signOut() {
    setBusy(true);
    try {
      await flushPageView();
      await memberApi.logout();
      setMemberSignedIn(false);
      setSignedOut(true);
    } finally {
      setBusy(false);
    }
  }

  if (signedOut) {
    return <Card data-testid="member-signed-out"><Result status="success" title={t('me.signedOut')} subTitle={t('me.signedOutText')} /></Card>;
  }
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <LoadingState />;
  return (
    <>
      <Card data-testid="me-card">
        <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>{data.member.nickname}</Typography.Title>
        <Typography.Text type="secondary" data-testid="me-member-no">{t('me.memberNo', { memberNo: data.member.memberNo })}</Typography.Text>
      </Card>
      <Card title={t('me.title')} data-testid="me-campaigns">
        {data.enrollments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('me.empty')} />
        ) : data.enrollments.map(({ campaign, enrollment }) => (
          <div key={enrollment.id} className="qm-rank">
            <div className="qm-rank-name" style={{ whiteSpace: 'normal' }}>
              <div style={{ fontWeight: 600 }}>{campaign.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('common.dateRange', { start: shortDate(lang, campaign.startsOn), end: shortDate(lang, campaign.endsOn) })}
              </Typography.Text>{' '}
              <Tag color={STATUS_COLOR[campaign.status]}>{t(`me.status.${campaign.status}`)}</Tag>
              {enrollment.status === 'cancelled' && <Tag color="red">{t('home.cancelled')}</Tag>}
            </div>
            <Button size="small" onClick={() => navigate(`/m/campaigns/${encodeURIComponent(campaign.key)}`)}
              data-testid={`me-open-${campaign.key}`}>
              {t('me.open')}
            </Button>
          </div>
        ))}
      </Card>
      <Button block size="large" danger onClick={signOut} loading={busy} data-testid="member-sign-out">{t('me.signOut')}</Button>
    </>
  );
}
