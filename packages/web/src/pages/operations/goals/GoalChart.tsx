// The picture of one line of a goal: the original plan and the re-planned target per day against the actual.
import type { Line, Progress } from '../../../api/goals';
import { useT } from '../../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from '../../reports/Chart';

/** ECharts' default blue and orange, as the reports draw them. */
const ACTUAL = '#5470c6';
const REPLANNED = '#fc8452';

export function GoalChart({ progress, line }: { progress: Progress; line: Line }) {
  const t = useT();
  const rate = progress.metric.unit === 'rate';
  // Rates are drawn in percent; everything else in the metric's own unit.
  const scale = (v: number | null) => (v === null ? null : rate ? Math.round(v * 1000) / 10 : v);
  const flow = progress.metric.kind === 'flow';
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: line.cells.map((c) => c.day.slice(5)) },
    yAxis: { type: 'value', name: rate ? '%' : t(`ops.goals.unit.${progress.metric.unit}`), nameTextStyle: AXIS_NAME, minInterval: progress.metric.whole ? 1 : 0 },
    series: [
      ...(line.kind === 'unassigned' ? [] : [
        { type: flow ? 'bar' as const : 'line' as const, name: t('ops.goals.col.planned'), itemStyle: { color: '#d9d9d9' }, barMaxWidth: 18, data: line.cells.map((c) => scale(c.planned)) },
        ...(flow ? [{ type: 'line' as const, name: t('ops.goals.col.replanned'), itemStyle: { color: REPLANNED }, lineStyle: { type: 'dashed' as const }, data: line.cells.map((c) => scale(c.replanned)) }] : []),
      ]),
      { type: 'bar', name: t('ops.goals.col.actual'), itemStyle: { color: ACTUAL }, barMaxWidth: 18, data: line.cells.map((c) => scale(c.actual)) },
    ],
  };
  return <Chart option={option} height={300} testId="goal-chart" />;
}
