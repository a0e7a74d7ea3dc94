// 每日活跃: DAU / WAU / MAU and new members per day over a range (default the last 30 days, at most 366).
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { DailyReport } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { AXIS_NAME, Chart, type ChartOption } from './Chart';
import { PALETTE } from './colors';
import { Figure, useDefinitions, useFieldLabel } from './definitions';
import { Figures, ReportCard, ReportFrame, Stack } from './Frame';
import { RangePicker } from './Pickers';
import { useRange } from './params';
import { useReport } from './useReport';

export const DAILY_MAX_DAYS = 366;
const ACTIVE = ['dau', 'wau', 'mau'] as const;

function Body({ report }: { report: DailyReport }) {
  const t = useT();
  const { can } = useSession();
  const def = useDefinitions('daily', report.definitions);
  const label = useFieldLabel('daily');
  const last = report.days[report.days.length - 1];
  const period = t('reports.range', { from: report.from, to: report.to });
  const dates = report.days.map((d) => d.date);
  // Active members above, new members in their own strip below: two scales, one time axis.
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 64, right: 24, top: 48, height: 210 }, { left: 64, right: 24, top: 300, height: 70 }],
    xAxis: [
      { type: 'category', data: dates, gridIndex: 0, axisLabel: { show: false } },
      { type: 'category', data: dates, gridIndex: 1 },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, name: t('reports.daily.activeAxis'), nameTextStyle: AXIS_NAME, minInterval: 1 },
      { type: 'value', gridIndex: 1, name: label('new_members'), nameTextStyle: AXIS_NAME, minInterval: 1, splitNumber: 2 },
    ],
    series: [
      ...ACTIVE.map((f, i) => ({ type: 'line' as const, name: label(f), showSymbol: report.days.length <= 31, itemStyle: { color: PALETTE[i] }, data: report.days.map((d) => d[f]) })),
      { type: 'bar', name: label('new_members'), xAxisIndex: 1, yAxisIndex: 1, itemStyle: { color: '#73c0de' }, barMaxWidth: 14, data: report.days.map((d) => d.new_members) },
    ],
  };
  return (
    <Stack>
      {last && (
        <ReportCard title={t('reports.daily.lastDay')} period={last.date} def={def} fields={[...ACTIVE, 'new_members']}>
          <Figures>
            {[...ACTIVE, 'new_members' as const].map((f) => <Figure key={f} field={f} label={label(f)} value={last[f]} def={def} />)}
          </Figures>
        </ReportCard>
      )}
      <ReportCard
        title={t('reports.daily.chart')}
        period={period}
        def={def}
        fields={[...ACTIVE, 'new_members']}
        testId="card-daily"
        extra={
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="daily-events">
              {report.activity_events === null ? t('reports.events.all') : t('reports.events.only', { names: report.activity_events.join(', ') })}
            </Typography.Text>
            {can('reports.manage') && <Link to="/reports/settings" style={{ fontSize: 12 }}>{t('reports.events.change')}</Link>}
          </Space>
        }
      >
        <Chart option={option} height={410} testId="chart-daily" />
      </ReportCard>
    </Stack>
  );
}

export function DailyPage() {
  const t = useT();
  const { from, to, setRange } = useRange(30);
  const report = useReport('daily', { from, to });
  return (
    <ReportFrame
      title={t('reports.nav.daily')}
      intro={t('reports.daily.intro')}
      filters={<RangePicker from={from} to={to} onChange={setRange} hint={t('reports.pick.maxDays', { days: DAILY_MAX_DAYS })} />}
      report={report}
      empty={(r) => (r.days.every((d) => d.dau === 0 && d.wau === 0 && d.mau === 0 && d.new_members === 0) ? t('reports.daily.empty') : null)}
    >
      {(r) => <Body report={r} />}
    </ReportFrame>
  );
}
