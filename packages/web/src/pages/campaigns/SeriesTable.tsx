// The series of the workspace (X, Y…) with how many campaigns each holds.
import { Button, Popconfirm, Space, Table } from 'antd';
import type { Series } from '../../api/campaigns';
import { useT } from '../../i18n/useT';
import { MetricTitle } from '../../shared/MetricTitle';

interface Props {
  series: Series[];
  loading: boolean;
  canManage: boolean;
  onEdit: (series: Series) => void;
  onDelete: (series: Series) => void;
  onPick: (series: Series) => void;
}

export function SeriesTable({ series, loading, canManage, onEdit, onDelete, onPick }: Props) {
  const t = useT();
  return (
    <Table<Series>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={series}
      pagination={false}
      locale={{ emptyText: t('campaigns.noSeries') }}
      data-testid="series-table"
      columns={[
        { title: t('campaigns.seriesKey'), dataIndex: 'key', width: 90, render: (key: string, s) => <Button type="link" size="small" onClick={() => onPick(s)}>{key}</Button> },
        { title: t('campaigns.seriesName'), dataIndex: 'name' },
        { title: t('campaigns.theme'), dataIndex: 'theme', render: (theme: string) => theme || '—' },
        {
          title: <MetricTitle title={t('campaigns.campaignCount')} definition={t('campaigns.campaignCountHelp')} />,
          dataIndex: 'campaignCount',
          width: 110,
          align: 'right',
        },
        ...(canManage
          ? [{
              title: '',
              key: 'actions',
              width: 150,
              render: (_: unknown, s: Series) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onEdit(s)}>{t('common.edit')}</Button>
                  <Popconfirm title={t('campaigns.deleteSeriesConfirm', { name: s.name })} onConfirm={() => onDelete(s)} disabled={s.campaignCount > 0}>
                    <Button type="link" size="small" danger disabled={s.campaignCount > 0}>{t('common.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            }]
          : []),
      ]}
    />
  );
}
