// How a channel's parts look in the list and on its page: cost in yuan, the short link with its copy button, the
// pool summary and a pool group's availability.
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { shortLinkUrl, type Channel, type PoolGroup } from '../../api/channels';
import type { Translate } from '../../i18n/useT';
import { useNotify } from '../../shared/useNotify';

export function formatYuan(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}

export function ShortLink({ channel, t }: { channel: Channel; t: Translate }) {
  const notify = useNotify();
  const url = shortLinkUrl(channel);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify.success(t('channels.copied', { url }));
    } catch {
      notify.error(new Error(t('channels.copyFailed')));
    }
  };
  return (
    <Space size={4} data-testid="channel-short-link">
      <Typography.Text code>{channel.path}</Typography.Text>
      <Tooltip title={t('channels.copy')}>
        <Button size="small" type="text" icon={<CopyOutlined />} onClick={copy} aria-label={t('channels.copy')} data-testid="copy-short-link" />
      </Tooltip>
    </Space>
  );
}

export function PoolSummary({ pool, t }: { pool: PoolGroup[]; t: Translate }) {
  const available = pool.filter((g) => g.available).length;
  return (
    <Space size={4}>
      <span>{t('channels.pool.summary', { count: pool.length })}</span>
      <Tag color={available > 0 ? 'green' : 'red'} data-testid="pool-available">{t('channels.pool.availableNow', { count: available })}</Tag>
    </Space>
  );
}

export function AvailabilityTag({ group, t }: { group: PoolGroup; t: Translate }) {
  if (group.available) return <Tag color="green">{t('channels.pool.available')}</Tag>;
  return (
    <Tag color="red">
      {group.unavailableReason ? t(`channels.pool.reason.${group.unavailableReason}`) : t('channels.pool.unavailable')}
    </Tag>
  );
}

export function ArchivedTag({ channel, t }: { channel: Channel; t: Translate }) {
  return channel.archivedAt
    ? <Tag>{t('channels.state.archived')}</Tag>
    : <Tag color="blue">{t('channels.state.active')}</Tag>;
}
