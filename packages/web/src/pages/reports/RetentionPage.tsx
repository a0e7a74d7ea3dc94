// 留存: cohorts by first activity (a day or a week), and the share of each still active k periods later — a table
// coloured like a heat map (count on hover; periods not begun yet stay blank), with the average curve above it.
import { InputNumber, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Cohort, RetentionPeriod, RetentionReport } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from './Chart';
import { LabelWithDefinition, useDefinitions, useFieldLabel } from './definitions';
import { ReportCard, ReportFrame, Stack } from './Frame';
import { pct } from './format';
import { RangePicker } from './Pickers';
import { addDays, isDay, mondayOf, useParamState, useToday } from './params';
import { useReport } from './useReport';

export const MAX_PERIODS = 60;
const DEFAULTS: Record<RetentionPeriod, { periods: number; cohorts: number }> = { day: { periods: 30, cohorts: 30 }, week: { periods: 12, cohorts: 12 } };

/** Retention after k periods over all cohorts that have reached k: Σ values[k] ÷ Σ size. */
function curve(report: RetentionReport): Array<number | null> {
  return Array.from({ length: report.periods }, (_, k) => {
    let active = 0;
    let size = 0;
    for (const c of report.cohorts) {
      const v = c.values[k];
      if (v === null || v === undefined) continue;
      active += v;
      size += c.size;
    }
    return size === 0 ? null : Math.round((active / size) * 10_000) / 10_000;
  });
}

function cellStyle(ratio: number): React.CSSProperties {
  return { background: `rgba(84, 112, 198, ${0.08 + ratio * 0.92})`, color: ratio > 0.5 ? '#fff' : 'rgba(0,0,0,0.88)' };
}

function Body({ report }: { report: RetentionReport }) {
  const t = useT();
  const def = useDefinitions('retention', report.definitions);
  const label = useFieldLabel('retention');
  const unit = (k: number) => t(report.period === 'day' ? 'reports.retention.dayN' : 'reports.retention.weekN', { n: k });
  const first = report.cohorts[0]?.start;
  const lastCohort = report.cohorts[report.cohorts.length - 1]?.start;
  const period = first ? t('reports.retention.cohortsRange', { from: first, to: lastCohort }) : undefined;
  const avg = curve(report);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => pct(v as number | null) },
    grid: { left: 56, right: 24, top: 32, bottom: 48 },
    xAxis: { type: 'category', data: avg.map((_, k) => unit(k)), name: t(report.period === 'day' ? 'reports.retention.daysAfter' : 'reports.retention.weeksAfter'), nameLocation: 'middle', nameGap: 30, nameTextStyle: AXIS_NAME },
    yAxis: { type: 'value', min: 0, max: 1, name: label('curve'), nameTextStyle: AXIS_NAME, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [{ type: 'line', name: label('curve'), data: avg, connectNulls: false, areaStyle: { opacity: 0.12 }, itemStyle: { color: '#5470c6' } }],
  };
  const columns: ColumnsType<Cohort> = [
    { title: t('reports.retention.cohort'), dataIndex: 'start', fixed: 'left', width: 110 },
    { title: <LabelWithDefinition label={label('size')} def={def} fields={['size']} />, dataIndex: 'size', fixed: 'left', width: 90, align: 'right' },
    ...Array.from({ length: report.periods }, (_, k) => ({
      key: `v${k}`,
      title: unit(k),
      width: 64,
      align: 'center' as const,
      onCell: (c: Cohort) => {
        const v = c.values[k];
        return { style: v === null || v === undefined || c.size === 0 ? {} : { ...cellStyle(v / c.size), padding: 4 } };
      },
      render: (_: unknown, c: Cohort) => {
        const v = c.values[k];
        if (v === null || v === undefined || c.size === 0) return null;
        return <span title={t('reports.retention.cellHover', { count: v, size: c.size })} data-testid={`cell-${c.start}-${k}`}>{pct(v / c.size, 0)}</span>;
      },
    })),
  ];
  return (
    <Stack>
      <ReportCard title={label('curve')} period={period} def={def} fields={['curve']} testId="card-retention-curve">
        <Chart option={option} height={280} testId="chart-retention" />
      </ReportCard>
      <ReportCard title={t('reports.retention.table')} period={period} def={def} fields={['size', 'values']} testId="card-retention">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('reports.retention.tableHint')}</Typography.Paragraph>
        <Table<Cohort>
          size="small"
          rowKey="start"
          bordered
          pagination={false}
          dataSource={report.cohorts}
          columns={columns}
          scroll={{ x: 200 + report.periods * 64 }}
          data-testid="retention-table"
        />
      </ReportCard>
    </Stack>
  );
}

export function RetentionPage() {
  const t = useT();
  const { get, set } = useParamState();
  const today = useToday();
  const period: RetentionPeriod = get('period') === 'week' ? 'week' : 'day';
  const periodsParam = Number(get('periods'));
  const periods = Number.isInteger(periodsParam) && periodsParam > 0 ? periodsParam : DEFAULTS[period].periods;
  const n = DEFAULTS[period].cohorts;
  const defaultFrom = period === 'day' ? addDays(today, -(n - 1)) : addDays(mondayOf(today), -7 * (n - 1));
  const fromParam = get('from');
  const toParam = get('to');
  const from = isDay(fromParam) ? fromParam : defaultFrom;
  const to = isDay(toParam) ? toParam : today;
  const report = useReport('retention', { period, periods, from, to });
  return (
    <ReportFrame
      title={t('reports.nav.retention')}
      intro={t('reports.retention.intro')}
      filters={<>
        <Space size={6}>
          <Typography.Text type="secondary">{t('reports.retention.period')}</Typography.Text>
          <Segmented<RetentionPeriod>
            value={period}
            onChange={(p) => set({ period: p, periods: null, from: null, to: null })}
            options={[{ value: 'day', label: t('reports.retention.byDay') }, { value: 'week', label: t('reports.retention.byWeek') }]}
            data-testid="pick-period"
          />
        </Space>
        <Space size={6}>
          <Typography.Text type="secondary">{t('reports.retention.periods')}</Typography.Text>
          <InputNumber min={1} max={MAX_PERIODS} value={periods} onChange={(v) => v && set({ periods: v })} data-testid="pick-periods" />
        </Space>
        <RangePicker from={from} to={to} onChange={(r) => set(r)} hint={t('reports.retention.maxCohorts')} />
      </>}
      report={report}
      empty={(r) => (r.cohorts.every((c) => c.size === 0) ? t('reports.retention.empty') : null)}
    >
      {(r) => <Body report={r} />}
    </ReportFrame>
  );
}
