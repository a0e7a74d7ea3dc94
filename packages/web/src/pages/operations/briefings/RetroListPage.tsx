// /ops/retros — 营期复盘: every campaign and whether its retrospective has been written; a row opens it.
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { briefingsApi, type RetrospectiveListItem } from '../../../api/briefings';
import { useT } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';

type Filter = 'all' | 'written' | 'missing';

export function RetroListPage() {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const load = useLoad(() => briefingsApi.retrospectives(filter === 'all' ? undefined : filter === 'written'), [filter]);
  return (
    <Card title={t('ops.briefings.retros.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('ops.briefings.retros.intro')}</Typography.Paragraph>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('ops.briefings.retros.all') },
            { value: 'written', label: t('ops.briefings.retros.written') },
            { value: 'missing', label: t('ops.briefings.retros.missing') },
          ]}
          data-testid="retros-filter"
        />
        <ErrorAlert error={load.error} />
        <Table<RetrospectiveListItem>
          rowKey={(i) => i.campaign.id}
          size="small"
          loading={load.loading}
          dataSource={load.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="retros-table"
          columns={[
            { title: t('ops.briefings.col.campaign'), key: 'c', render: (_, i) => <Link to={`/ops/retros/${i.campaign.id}`}><Tag color="blue">{i.campaign.key}</Tag>{i.campaign.name}</Link> },
            { title: t('ops.briefings.retros.dates'), key: 'd', render: (_, i) => `${i.campaign.startsOn} – ${i.campaign.endsOn}` },
            { title: t('ops.briefings.col.status'), key: 's', render: (_, i) => t.label('campaigns.status', i.campaign.status) },
            {
              title: t('ops.briefings.retros.retrospective'), key: 'r',
              render: (_, i) => (i.retrospective
                ? <Space><Tag color="green">{t('ops.briefings.retros.writtenTag')}</Tag>{t('ops.briefings.retros.actionsCount', { n: i.retrospective.actions })}</Space>
                : <Tag>{t('ops.briefings.retros.notWritten')}</Tag>),
            },
            { title: t('ops.briefings.retros.updated'), key: 'u', render: (_, i) => (i.retrospective ? `${formatTime(i.retrospective.updatedAt)} ${i.retrospective.updatedBy?.name ?? ''}` : '—') },
          ]}
        />
      </Space>
    </Card>
  );
}
