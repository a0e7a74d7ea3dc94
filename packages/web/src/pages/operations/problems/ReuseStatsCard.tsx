// 复用统计: over whole days in the workspace's time zone (default the last 30), how often answers were copied for
// members, the most used answers, and how many answers were never used (candidates to rewrite or prune).
import { useState } from 'react';
import { DatePicker, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { problemsApi, type ReuseStats } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { excerpt } from './display';

const DAY = 'YYYY-MM-DD';

export function ReuseStatsCard() {
  const t = useT();
  // Null until staff pick a period: "today" is the workspace's (the server's), not this browser's time zone.
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = range ? { from: range[0].format(DAY), to: range[1].format(DAY) } : {};
  const stats = useLoad(() => problemsApi.stats({ ...period, limit: 20 }), [period.from, period.to]);
  const s = stats.data;
  const shown: [Dayjs, Dayjs] | null = range ?? (s ? [dayjs(s.from), dayjs(s.to)] : null);

  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }} data-testid="reuse-stats">
      <DatePicker.RangePicker allowClear={false} value={shown} onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }} data-testid="reuse-stats-range" />
      <ErrorAlert error={stats.error} />
      {s && (
        <>
          <Space size={48} wrap>
            <Statistic title={<MetricTitle title={t('ops.problems.stats.uses')} definition={t('ops.problems.stats.usesHelp')} />} value={s.uses} data-testid="reuse-stats-uses" />
            <Statistic
              title={<MetricTitle title={t('ops.problems.stats.neverUsed')} definition={t('ops.problems.stats.neverUsedHelp')} />}
              value={s.neverUsed}
              suffix={`/ ${s.answers}`}
            />
          </Space>
          <div>
            <Typography.Title level={5}>{t('ops.problems.stats.top')}</Typography.Title>
            <Table<ReuseStats['top'][number]>
              rowKey="answerId"
              size="small"
              pagination={false}
              dataSource={s.top}
              locale={{ emptyText: t('ops.problems.stats.none') }}
              data-testid="reuse-stats-top"
              columns={[
                { title: '#', width: 48, render: (_, __, i) => i + 1 },
                { title: t('ops.problems.field.title'), render: (_, r) => <Link to={`/ops/problems/${r.problemId}`}>{r.problemTitle}</Link> },
                { title: t('ops.problems.answer.content'), render: (_, r) => <Typography.Text type="secondary">{excerpt(r.content, 50)}</Typography.Text> },
                { title: <MetricTitle title={t('ops.problems.stats.usesInPeriod')} definition={t('ops.problems.stats.usesHelp')} />, dataIndex: 'uses', align: 'right', width: 120 },
                { title: <MetricTitle title={t('ops.problems.useCount')} definition={t('ops.problems.answerUseCountHelp')} />, dataIndex: 'useCount', align: 'right', width: 110 },
                { title: t('ops.problems.stats.lastInPeriod'), width: 150, render: (_, r) => formatTime(r.lastUsedAt) },
              ]}
            />
          </div>
        </>
      )}
    </Space>
  );
}
