// /channels/:id — one channel: its QR code and short link to hand out, what it is (owner, cost, threshold,
// fallback), the live-code pool behind the link, and where its visitors went.
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { campaignsApi } from '../../api/campaigns';
import { channelsApi } from '../../api/channels';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { formatTime } from '../../shared/time';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { ChannelFormModal } from './ChannelFormModal';
import { ChannelStatsCard } from './ChannelStatsCard';
import { ArchivedTag, PoolSummary, ShortLink, formatYuan } from './display';
import { PoolEditor } from './PoolEditor';

export function ChannelDetailPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const channel = useLoad(() => channelsApi.get(id), [id]);
  const parents = useLoad(() => channelsApi.list(false).then((r) => r.items), []);
  const canManage = can('channels.manage');
  const c = channel.data;
  const campaignId = c?.campaignId ?? null;
  const campaign = useLoad(() => (campaignId && can('campaigns.read') ? campaignsApi.get(campaignId) : Promise.resolve(null)), [campaignId]);
  const parent = c?.parentId ? parents.data?.find((p) => p.id === c.parentId) : undefined;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Link to="/channels"><ArrowLeftOutlined /> {t('channels.detail.back')}</Link>
      <ErrorAlert error={channel.error} />
      {c && (
        <>
          <Card
            title={
              <Space>
                {c.name}
                <Tag color={c.level === 1 ? 'geekblue' : 'default'}>{t(`channels.level.${c.level}`)}</Tag>
                <ArchivedTag channel={c} t={t} />
                {parent && <Link to={`/channels/${parent.id}`} style={{ fontWeight: 'normal', fontSize: 14 }}>{t('channels.detail.parent', { name: parent.name })}</Link>}
              </Space>
            }
            extra={canManage && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          >
            <Space align="start" size={48} wrap>
              <Space direction="vertical" align="center">
                <img
                  src={channelsApi.qrPngUrl(c.id, 320)}
                  width={200}
                  height={200}
                  alt={t('channels.qr.title')}
                  style={{ border: '1px solid #f0f0f0', display: 'block' }}
                  data-testid="channel-qr"
                />
                <Space>
                  <Button size="small" icon={<DownloadOutlined />} href={channelsApi.qrPngUrl(c.id, 1024)} download={`channel-${c.code}.png`} data-testid="qr-download-png">
                    {t('channels.qr.downloadPng')}
                  </Button>
                  <Button size="small" icon={<DownloadOutlined />} href={channelsApi.qrSvgUrl(c.id)} download={`channel-${c.code}.svg`} data-testid="qr-download-svg">
                    {t('channels.qr.downloadSvg')}
                  </Button>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 240, textAlign: 'center', display: 'block' }}>
                  {t('channels.qr.help')}
                </Typography.Text>
              </Space>
              <Space direction="vertical" size={24}>
                <Descriptions column={2} size="small" style={{ maxWidth: 720 }}>
                  <Descriptions.Item label={t('channels.field.shortLink')} span={2}><ShortLink channel={c} t={t} /></Descriptions.Item>
                  <Descriptions.Item label={<MetricTitle title={t('channels.field.campaign')} definition={t('channels.field.campaignHelp')} />} span={2}>
                    <span data-testid="channel-campaign">
                      {campaignId
                        ? <Link to={`/campaigns/${campaignId}`}>{campaign.data ? `${campaign.data.key} ${campaign.data.name}` : `#${campaignId}`}</Link>
                        : t('channels.field.noCampaign')}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('channels.field.owner')}>{c.owner?.displayName ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('channels.field.cost')}>{formatYuan(c.costCents)}</Descriptions.Item>
                  <Descriptions.Item label={<MetricTitle title={t('channels.field.threshold')} definition={t('channels.field.thresholdHelp')} />}>
                    {c.threshold}
                  </Descriptions.Item>
                  <Descriptions.Item label={<MetricTitle title={t('channels.field.pool')} definition={t('channels.field.poolHelp')} />}>
                    <PoolSummary pool={c.pool} t={t} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('channels.field.fallback')} span={2}>{c.fallbackMessage || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('channels.field.state')}>
                    {c.archivedAt ? `${t('channels.state.archived')} ${formatTime(c.archivedAt)}` : t('channels.state.active')}
                  </Descriptions.Item>
                </Descriptions>
                <Space size={48} wrap>
                  <Statistic title={<MetricTitle title={t('channels.field.visits')} definition={t('channels.field.visitsHelp')} />} value={c.stats.visits} suffix={`/ ${c.stats.uniqueVisitors.toLocaleString()}`} />
                  <Statistic title={<MetricTitle title={t('channels.stats.routed')} definition={t('channels.stats.routedAllHelp')} />} value={c.stats.routed} />
                  <Statistic title={<MetricTitle title={t('channels.stats.exhaustedVisits')} definition={t('channels.stats.exhaustedAllHelp')} />} value={c.stats.exhausted} />
                </Space>
              </Space>
            </Space>
          </Card>
          <PoolEditor channel={c} canManage={canManage} onSaved={(next) => { channel.setData(next); setVersion((v) => v + 1); }} />
          <ChannelStatsCard channelId={c.id} version={version} />
          <ChannelFormModal
            open={editing}
            channel={c}
            parents={parents.data ?? []}
            onClose={() => setEditing(false)}
            onSaved={(next) => { setEditing(false); notify.saved(); channel.setData(next); setVersion((v) => v + 1); }}
          />
        </>
      )}
    </Space>
  );
}
