// 概览: a campaign's facts, its rule in plain sentences, its derived status and how it is derived, its audit trail.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { auditApi } from '../../api/audit';
import type { Campaign } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { AuditTable } from '../../shared/AuditTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useCursorList } from '../../shared/useCursorList';
import { ruleSentences, spanDays, yuan } from './format';
import { StatusBadge } from './StatusBadge';

export function CampaignOverview({ campaign: c, version }: { campaign: Campaign; version: number }) {
  const t = useT();
  const { can } = useSession();
  const audit = useCursorList(
    (cursor) => (can('audit.read') ? auditApi.list({ entity: 'campaign', entityId: String(c.id) }, cursor) : Promise.resolve({ items: [], nextCursor: null })),
    [c.id, version],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
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
      <Card size="small" title={t('campaigns.detail.rules')}>
        <Typography.Paragraph data-testid="rule-summary" style={{ marginBottom: 0 }}>
          {ruleSentences(t, c).join('；')}。
        </Typography.Paragraph>
      </Card>
      {can('audit.read') && (
        <Card size="small" title={t('campaigns.detail.audit')}>
          <ErrorAlert error={audit.error} />
          <AuditTable entries={audit.items} loading={audit.loading} hasMore={audit.hasMore} onLoadMore={audit.loadMore} />
        </Card>
      )}
    </Space>
  );
}
