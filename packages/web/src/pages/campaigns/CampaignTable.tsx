// Campaigns, newest start first: key, series, dates, derived status, fee and capacity.
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Campaign } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { MetricTitle } from '../../shared/MetricTitle';
import { spanDays, yuan } from './format';
import { StatusBadge } from './StatusBadge';

interface Props {
  campaigns: Campaign[];
  loading: boolean;
  canManage: boolean;
  onEdit: (campaign: Campaign) => void;
  onArchive: (campaign: Campaign, archived: boolean) => void;
}

export function CampaignTable({ campaigns, loading, canManage, onEdit, onArchive }: Props) {
  const t = useT();
  return (
    <Table<Campaign>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={campaigns}
      pagination={false}
      locale={{ emptyText: t('campaigns.noCampaigns') }}
      data-testid="campaign-table"
      columns={[
        { title: t('campaigns.key'), dataIndex: 'key', width: 80, render: (key: string, c) => <Link to={`/campaigns/${c.id}`}>{key}</Link> },
        { title: t('campaigns.name'), dataIndex: 'name' },
        { title: t('campaigns.series'), dataIndex: 'series', render: (s: Campaign['series']) => `${s.key} · ${s.name}` },
        {
          title: t('campaigns.dates'),
          key: 'dates',
          render: (_: unknown, c) => (
            <>
              {c.startsOn} ~ {c.endsOn}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{t('campaigns.daysSpan', { days: spanDays(c.startsOn, c.endsOn) })}</Typography.Text>
            </>
          ),
        },
        { title: <MetricTitle title={t('campaigns.status')} definition={t('campaigns.statusHelp')} />, dataIndex: 'status', width: 110, render: (s: Campaign['status']) => <StatusBadge status={s} /> },
        {
          title: <MetricTitle title={t('campaigns.fee')} definition={t('campaigns.feeHelp')} />,
          key: 'fee',
          render: (_: unknown, c) => {
            const parts = [c.priceCents > 0 && t('campaigns.priceValue', { amount: yuan(c.priceCents) }), c.depositCents > 0 && t('campaigns.depositValue', { amount: yuan(c.depositCents) })].filter(Boolean);
            return parts.length ? parts.join(' / ') : t('campaigns.free');
          },
        },
        {
          title: <MetricTitle title={t('campaigns.capacity')} definition={t('campaigns.capacityHelp')} />,
          dataIndex: 'capacity',
          width: 100,
          align: 'right',
          render: (n: number | null) => n ?? t('campaigns.unlimited'),
        },
        ...(canManage
          ? [{
              title: '',
              key: 'actions',
              width: 160,
              render: (_: unknown, c: Campaign) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onEdit(c)} data-testid={`edit-${c.key}`}>{t('common.edit')}</Button>
                  {c.archivedAt ? (
                    <Button type="link" size="small" onClick={() => onArchive(c, false)}>{t('campaigns.unarchive')}</Button>
                  ) : (
                    <Popconfirm title={t('campaigns.archiveConfirm', { key: c.key })} onConfirm={() => onArchive(c, true)}>
                      <Button type="link" size="small">{t('campaigns.archive')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            }]
          : []),
      ]}
    />
  );
}
