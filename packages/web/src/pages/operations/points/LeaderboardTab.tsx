// The leaderboard: every staff member's points over a week (Monday to Sunday) or a calendar month, ranked, with a
// bar chart and the split by rule; the period is the workspace's (the server computes it from the chosen day).
import { useState } from 'react';
import { Button, DatePicker, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { BREAKDOWN_KEYS, incentivesApi, type Balances, type Leaderboard, type LeaderboardRow, type Period } from '../../../api/incentives';
import { useT, type Translate } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { useLoad } from '../../../shared/useLoad';
import { AXIS_NAME, Chart, type ChartOption } from '../../reports/Chart';
import { kindLabel, Points, signed } from './display';

const DAY = 'YYYY-MM-DD';

function barOption(board: Leaderboard, t: Translate): ChartOption {
  // Rank 1 on top: ECharts draws a category axis from the bottom up.
  const rows = [...board.items].reverse();
  const none = board.items.length === 0;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => signed(Number(v)) },
    grid: { left: 8, right: 48, top: 16, bottom: 32, containLabel: true },
    title: none ? { text: t('ops.points.board.empty'), left: 'center', top: 'middle', textStyle: { fontSize: 13, fontWeight: 400, color: 'rgba(0,0,0,0.45)' } } : undefined,
    xAxis: { type: 'value', show: !none, minInterval: 1, name: t('ops.points.board.points'), nameLocation: 'middle', nameGap: 24, nameTextStyle: AXIS_NAME },
    yAxis: { type: 'category', show: !none, data: rows.map((r) => `${r.rank}. ${r.staff.displayName}`), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      barMaxWidth: 20,
      label: { show: true, position: 'right', formatter: (p: { value: unknown }) => signed(Number(p.value)) },
      data: rows.map((r) => ({ value: r.points, itemStyle: { color: r.points < 0 ? '#ff7875' : '#4096ff' } })),
    }],
  };
}

export function LeaderboardTab({ balances, version, onOpenLedger }: { balances: Balances | null; version: number; onOpenLedger: (staffId: number) => void }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('week');
  // Undefined until staff pick a day: "today" is the workspace's, not this browser's.
  const [date, setDate] = useState<string | undefined>(undefined);
  const [teamId, setTeamId] = useState<number | undefined>(undefined);
  const board = useLoad(() => incentivesApi.leaderboard({ period, date, teamId }), [period, date, teamId, version]);
  const b = board.data;
  const teams = new Map<number, string>();
  for (const row of balances?.items ?? []) if (row.team) teams.set(row.team.id, row.team.name);
  const range = b ? { from: b.from, to: b.to } : { from: '…', to: '…' };
  const periodName = t(period === 'week' ? 'ops.points.period.week' : 'ops.points.period.month');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size="middle">
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={[{ value: 'week', label: t('ops.points.period.week') }, { value: 'month', label: t('ops.points.period.month') }]}
          data-testid="board-period"
        />
        <DatePicker
          picker={period === 'week' ? 'date' : 'month'}
          allowClear={false}
          value={dayjs(date ?? balances?.today ?? b?.from)}
          onChange={(d) => d && setDate(d.format(DAY))}
          data-testid="board-date"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('ops.points.board.allTeams')}
          value={teamId}
          onChange={(v?: number) => setTeamId(v)}
          options={[...teams].map(([id, name]) => ({ value: id, label: name }))}
          data-testid="board-team"
        />
        {date && <Button type="link" onClick={() => setDate(undefined)}>{t(period === 'week' ? 'ops.points.board.thisWeek' : 'ops.points.board.thisMonth')}</Button>}
      </Space>
      <ErrorAlert error={board.error} />
      <Space size={48} wrap>
        <Statistic
          title={<MetricTitle title={t('ops.points.board.range', { period: periodName })} definition={t('ops.points.board.rangeHelp')} />}
          value={`${range.from} ~ ${range.to}`}
          styles={{ content: { fontSize: 18 } }}
        />
        <Statistic
          title={<MetricTitle title={t('ops.points.board.totalPoints')} definition={t('ops.points.board.totalPointsHelp', range)} />}
          value={b ? signed(b.total.points) : '—'}
          styles={{ content: { fontSize: 18 } }}
        />
        <Statistic
          title={<MetricTitle title={t('ops.points.board.totalEntries')} definition={t('ops.points.board.entriesHelp', range)} />}
          value={b?.total.entries ?? '—'}
          styles={{ content: { fontSize: 18 } }}
        />
      </Space>
      {b && <Chart option={barOption(b, t)} height={Math.max(200, 56 + b.items.length * 30)} testId="points-chart" />}
      <Table<LeaderboardRow>
        rowKey={(r) => r.staff.id}
        size="small"
        loading={board.loading}
        pagination={false}
        dataSource={b?.items ?? []}
        scroll={{ x: 980 }}
        data-testid="points-leaderboard"
        onRow={() => ({ 'data-testid': 'leaderboard-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: <MetricTitle title={t('ops.points.board.rank')} definition={t('ops.points.board.rankHelp')} />, dataIndex: 'rank', width: 80 },
          {
            title: t('ops.points.staff'),
            render: (_: unknown, r) => (
              <Space size={4}>
                <Typography.Link onClick={() => onOpenLedger(r.staff.id)}>{r.staff.displayName}</Typography.Link>
                {r.staff.disabled && <Typography.Text type="secondary">{t('ops.points.disabled')}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('ops.points.team'), render: (_: unknown, r) => r.team?.name ?? '—', width: 120 },
          {
            title: <MetricTitle title={t('ops.points.board.points')} definition={t('ops.points.board.totalPointsHelp', range)} />,
            dataIndex: 'points', align: 'right', width: 100, render: (n: number) => <Points value={n} strong />,
          },
          {
            title: <MetricTitle title={t('ops.points.board.entries')} definition={t('ops.points.board.entriesHelp', range)} />,
            dataIndex: 'entries', align: 'right', width: 90,
          },
          {
            title: <MetricTitle title={t('ops.points.board.breakdown')} definition={t('ops.points.board.breakdownHelp')} />,
            children: BREAKDOWN_KEYS.map((key) => ({
              title: kindLabel(t, key), key, align: 'right' as const, width: 96,
              render: (_: unknown, r: LeaderboardRow) => (r.breakdown[key] === 0 ? <Typography.Text type="secondary">0</Typography.Text> : <Points value={r.breakdown[key]} />),
            })),
          },
        ]}
      />
    </Space>
  );
}
