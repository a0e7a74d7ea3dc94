// One campaign: its facts, its rule in plain sentences, its derived status and how it is derived, its audit trail.
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { auditApi } from '../../api/audit';
import { campaignsApi, type Campaign } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { AuditTable } from '../../shared/AuditTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { CampaignFormModal } from './CampaignFormModal';
import { ruleSentences, spanDays, yuan } from './format';
import { StatusBadge } from './StatusBadge';
import { useCampaignEditing } from './useCampaignEditing';
import { useSeries } from './useCampaigns';

export function CampaignDetailPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const id = Number(useParams().id);
  const campaign = useLoad(() => campaignsApi.get(id), [id]);
  const series = useSeries();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const audit = useCursorList(
    (cursor) => (can('audit.read') ? auditApi.list({ entity: 'campaign', entityId: String(id) }, cursor) : Promise.resolve({ items: [], nextCursor: null })),
    [id, version],
  );
  const onSaved = useCallback(async (c: Campaign) => {
    campaign.setData(c);
    setEditing(false);
    setVersion((v) => v + 1);
    notify.saved();
  }, [campaign, notify]);
  const edit = useCampaignEditing(onSaved);

  const c = campaign.data;
  if (!c) return <Card>{campaign.error ? <ErrorAlert error={campaign.error} /> : <Skeleton active />}</Card>;
  const canManage = can('campaigns.manage');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/campaigns"><ArrowLeftOutlined /> {t('campaigns.detail.back')}</Link>
      <Card
        title={<Space>{c.key}<span>{c.name}</span><StatusBadge status={c.status} /></Space>}
        extra={canManage && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="edit-campaign">{t('common.edit')}</Button>
            {c.archivedAt ? (
              <Button onClick={() => void edit.setArchived(c, false).catch(notify.error)}>{t('campaigns.unarchive')}</Button>
            ) : (
              <Popconfirm title={t('campaigns.archiveConfirm', { key: c.key })} onConfirm={() => void edit.setArchived(c, true).catch(notify.error)}>
                <Button>{t('campaigns.archive')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('campaigns.series')}>{c.series.key} · {c.series.name}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.theme')}>{c.theme || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.dates')}>
            {c.startsOn} ~ {c.endsOn}（{t('campaigns.daysSpan', { days: spanDays(c.startsOn, c.endsOn) })}）
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.timezone')}>{c.timezone}</Descriptions.Item>
          <Descriptions.Item label={<MetricTitle title={t('campaigns.status')} definition={t('campaigns.statusHelp')} />}>
            <Space>
              <StatusBadge status={c.status} />
              {c.locked
                ? <Tag icon={<LockOutlined />} data-testid="locked-tag">{t('campaigns.detail.locked')}</Tag>
                : <Tag icon={<UnlockOutlined />}>{t('campaigns.detail.unlocked')}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.detail.signupWindow')}>
            {c.signupOpensAt || c.signupClosesAt ? `${formatTime(c.signupOpensAt)} ~ ${formatTime(c.signupClosesAt)}` : t('campaigns.detail.noWindow')}
            <Tag style={{ marginLeft: 8 }} color={c.signupOpen ? 'processing' : 'default'}>
              {c.signupOpen ? t('campaigns.detail.signupOpen') : t('campaigns.detail.signupClosed')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={<MetricTitle title={t('campaigns.fee')} definition={t('campaigns.feeHelp')} />}>
            {c.priceCents > 0 || c.depositCents > 0
              ? [c.priceCents > 0 && t('campaigns.priceValue', { amount: yuan(c.priceCents) }), c.depositCents > 0 && t('campaigns.depositValue', { amount: yuan(c.depositCents) })].filter(Boolean).join(' / ')
              : t('campaigns.free')}
          </Descriptions.Item>
          <Descriptions.Item label={<MetricTitle title={t('campaigns.capacity')} definition={t('campaigns.capacityHelp')} />}>
            {c.capacity ?? t('campaigns.unlimited')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('campaigns.detail.rules')}>
        <Typography.Paragraph data-testid="rule-summary" style={{ marginBottom: 0 }}>
          {ruleSentences(t, c).join('；')}。
        </Typography.Paragraph>
      </Card>
      {can('audit.read') && (
        <Card title={t('campaigns.detail.audit')}>
          <ErrorAlert error={audit.error} />
          <AuditTable entries={audit.items} loading={audit.loading} hasMore={audit.hasMore} onLoadMore={audit.loadMore} />
        </Card>
      )}
      <CampaignFormModal
        open={editing}
        campaign={c}
        series={series.data ?? []}
        onClose={() => setEditing(false)}
        onSubmit={(draft, reason) => edit.save(c, draft, reason)}
      />
    </Space>
  );
}
