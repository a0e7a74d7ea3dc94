// 活跃时段: when a campaign's participants (or a group's members) are active — weekday × hour heat map of check-ins
// and counted events — and how long they stay on the pages per day.
import { Col, Empty, Row } from 'antd';
import type { ActivityReport } from '../../api/reports';
import { useT, type Translate } from '../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from './Chart';
import { Figure, useDefinitions, useFieldLabel } from './definitions';
import { ReportCard, ReportFrame, Stack } from './Frame';
import { minutes } from './format';
import { ScopedFilters } from './Pickers';
import { useScopedParams } from './scope';
import { useReport } from './useReport';

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

const weekdayName = (t: Translate, d: number) => t.label('reports.weekday', String(d));

function heatmapOption(report: ActivityReport, t: Translate, actionsLabel: string): ChartOption {
  const max = Math.max(1, ...report.heatmap.map((c) => c.actions));
  // Monday on top: the y axis runs bottom-up, so the weekdays go in reversed.
  const ys = [...WEEKDAYS].reverse();
  return {
    tooltip: {
      position: 'top',
      formatter: (p) => {
        const [h, y, v] = (p as unknown as { value: [number, number, number] }).value;
        return `${weekdayName(t, ys[y])} ${HOURS[h]}–${HOURS[(h + 1) % 24]}<br/>${actionsLabel}: <b>${v}</b>`;
      },
    },
    grid: { left: 56, right: 72, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: HOURS, splitArea: { show: true }, name: t('reports.activity.hour'), nameLocation: 'middle', nameGap: 28, nameTextStyle: AXIS_NAME },
    yAxis: { type: 'category', data: ys.map((d) => weekdayName(t, d)), splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 200, inRange: { color: ['#eef2fb', '#5470c6', '#2b3f8f'] } },
    series: [{
      type: 'heatmap',
      name: actionsLabel,
      data: report.heatmap.map((c) => [c.hour, ys.indexOf(c.weekday), c.actions]),
      label: { show: false },
      emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
    }],
  };
}

function dwellOption(report: ActivityReport, label: (f: string) => string, t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 64, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: report.dwell.map((d) => d.date) },
    yAxis: [
      { type: 'value', name: t('reports.activity.minutesAxis'), nameTextStyle: AXIS_NAME },
      { type: 'value', name: label('members'), nameTextStyle: AXIS_NAME, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: t('reports.activity.perMemberMin'), data: report.dwell.map((d) => minutes(d.per_member_ms)), itemStyle: { color: '#5470c6' }, connectNulls: false },
      { type: 'bar', name: label('members'), yAxisIndex: 1, data: report.dwell.map((d) => d.members), itemStyle: { color: '#c4ccd3' }, barMaxWidth: 14 },
    ],
  };
}

function Body({ report }: { report: ActivityReport }) {
  const t = useT();
  const def = useDefinitions('activity', report.definitions);
  const label = useFieldLabel('activity');
  const period = t('reports.range', { from: report.from, to: report.to });
  const peak = report.heatmap.reduce<ActivityReport['heatmap'][number] | null>((best, c) => (!best || c.actions > best.actions ? c : best), null);
  const hasDwell = report.dwell.some((d) => d.members > 0);
  return (
    <Stack>
      {peak && (
        <ReportCard title={t('reports.activity.peak')} period={period} def={def} fields={['heatmap']}>
          <Figure
            field="heatmap"
            label={t('reports.activity.peakAt', { weekday: weekdayName(t, peak.weekday), hour: HOURS[peak.hour] })}
            value={peak.actions}
            def={def}
          />
        </ReportCard>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <ReportCard title={t('reports.activity.heatmap')} period={period} def={def} fields={['heatmap']} testId="card-heatmap">
            <Chart option={heatmapOption(report, t, label('actions'))} height={360} testId="chart-heatmap" />
          </ReportCard>
        </Col>
        <Col xs={24} xxl={10}>
          <ReportCard title={t('reports.activity.dwell')} period={period} def={def} fields={['dwell', 'per_member_ms', 'members']} testId="card-dwell">
            {hasDwell
              ? <Chart option={dwellOption(report, label, t)} height={360} testId="chart-dwell" />
              : <Empty style={{ paddingBlock: 48 }} description={t('reports.activity.noDwell')} data-testid="dwell-empty" />}
          </ReportCard>
        </Col>
      </Row>
    </Stack>
  );
}

export function ActivityPage() {
  const t = useT();
  const p = useScopedParams();
  const report = useReport('activity', p.query);
  return (
    <ReportFrame
      title={t('reports.nav.activity')}
      intro={t('reports.activity.intro')}
      filters={<ScopedFilters p={p} />}
      missing={p.query ? null : t(p.kind === 'campaign' ? 'reports.chooseCampaign' : 'reports.chooseGroup')}
      report={report}
      empty={(r) => (r.heatmap.length === 0 && r.dwell.every((d) => d.members === 0) ? t('reports.activity.empty') : null)}
    >
      {(r) => <Body report={r} />}
    </ReportFrame>
  );
}
