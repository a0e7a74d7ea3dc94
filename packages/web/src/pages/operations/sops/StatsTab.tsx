// Completion and punctuality per person, group, team or day over a period of due dates, each number with its
// definition (numerator, denominator, period) as the server gives it.
import { useState } from 'react';
import { DatePicker, Segmented, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STATS_GROUPS, sopsApi, type StatsGroupBy, type StatsRow } from '../../../api/sops';
import { useT } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { useLoad } from '../../../shared/useLoad';
import { RatioCell } from './display';

export function StatsTab({ version }: { version: number }) {
  const t = useT();
  // Null: the server's default period (the 7 days to today in the workspace's zone).
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [groupBy, setGroupBy] = useState<StatsGroupBy>('staff');
  const from = range?.[0].format('YYYY-MM-DD');
  const to = range?.[1].format('YYYY-MM-DD');
  const stats = useLoad(() => sopsApi.stats({ from, to, groupBy }), [from, to, groupBy, version]);
  const shown: [Dayjs, Dayjs] | null = range ?? (stats.data ? [dayjs(stats.data.from), dayjs(stats.data.to)] : null);
  const defs = stats.data?.definitions ?? {};
  const define = (key: string) => {
    const d = defs[key];
    return d ? t('ops.sops.stats.definition', { numerator: d.numerator, denominator: d.denominator ?? '—', period: d.period }) : '';
  };
  const label = (row: StatsRow) => {
    if (row.key !== null) return row.label;
    return t(`ops.sops.stats.none.${groupBy}`);
  };
  const count = (key: keyof StatsRow, title: string) => ({
    title: <MetricTitle title={title} definition={define(key)} />, dataIndex: key, align: 'right' as const, width: 90,
  });

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <DatePicker.RangePicker value={shown} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="sop-stats-range" />
        <Segmented<StatsGroupBy> value={groupBy} onChange={setGroupBy} data-testid="sop-stats-groupby"
          options={STATS_GROUPS.map((g) => ({ value: g, label: t(`ops.sops.stats.by.${g}`) }))} />
      </Space>
      <ErrorAlert error={stats.error} />
      <Table<StatsRow>
        rowKey={(r) => String(r.key)}
        size="middle"
        loading={stats.loading}
        dataSource={stats.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('ops.sops.stats.empty') }}
        data-testid="sop-stats-table"
        onRow={(r) => ({ 'data-testid': 'stats-row', 'data-key': String(r.key) } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t(`ops.sops.stats.by.${groupBy}`), render: (_, r) => <span data-testid="stats-label">{label(r)}</span> },
          count('due', t('ops.sops.stats.due')),
          count('done', t('ops.sops.stats.onTime')),
          count('late', t('ops.sops.stats.late')),
          count('missed', t('ops.sops.stats.missed')),
          count('skipped', t('ops.sops.stats.skipped')),
          count('open', t('ops.sops.stats.open')),
          {
            title: <MetricTitle title={t('ops.sops.stats.completion')} definition={define('completionRate')} />, width: 150, align: 'right',
            render: (_, r) => <RatioCell ratio={r.completionRate} testId="stats-completion" />,
          },
          {
            title: <MetricTitle title={t('ops.sops.stats.punctuality')} definition={define('punctualityRate')} />, width: 150, align: 'right',
            render: (_, r) => <RatioCell ratio={r.punctualityRate} testId="stats-punctuality" />,
          },
        ]}
        summary={() => stats.data && stats.data.rows.length > 0 && (
          <Table.Summary.Row data-testid="stats-total">
            <Table.Summary.Cell index={0}><Typography.Text strong>{t('ops.sops.stats.total')}</Typography.Text></Table.Summary.Cell>
            {(['due', 'done', 'late', 'missed', 'skipped', 'open'] as const).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="right">{stats.data!.total[k]}</Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={7} align="right"><RatioCell ratio={stats.data.total.completionRate} testId="stats-total-completion" /></Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right"><RatioCell ratio={stats.data.total.punctualityRate} testId="stats-total-punctuality" /></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('ops.sops.stats.note')}</Typography.Paragraph>
    </>
  );
}
