// The numbers of a retrospective: each against its target (超出 / 达成 / 未达成) and the previous edition, and the
// daily check-in curve of both editions. Shared by the retrospective page and its print view.
import { Table, Tag, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import type { RetroMetric, Retrospective } from '../../../api/briefings';
import { useT } from '../../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from '../../reports/Chart';
import { Labelled, pct, yuan } from './display';

export function formatMetric(unit: RetroMetric['unit'], value: number | null): string {
  if (value === null) return '—';
  if (unit === 'rate') return pct(value);
  if (unit === 'cents') return yuan(value);
  return value.toLocaleString('zh-CN');
}

function formatDiff(unit: RetroMetric['unit'], diff: number | null, points: (n: string) => string): string {
  if (diff === null) return '—';
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const size = Math.abs(diff);
  if (unit === 'rate') return `${sign}${points((size * 100).toFixed(1))}`;
  if (unit === 'cents') return `${sign}${yuan(size)}`;
  return `${sign}${size.toLocaleString('zh-CN')}`;
}

const RESULT_COLORS = { exceeded: 'green', met: 'blue', missed: 'red' } as const;

export function ResultTag({ result }: { result: RetroMetric['result'] }) {
  const t = useT();
  if (result === null) return <>—</>;
  return <Tag color={RESULT_COLORS[result]} data-testid={`result-${result}`}>{t(`ops.briefings.result.${result}`)}</Tag>;
}

export function RetroMetricsTable({ retro }: { retro: Retrospective }) {
  const t = useT();
  const d = retro.definitions;
  const points = (n: string) => t('ops.briefings.points', { n });
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={retro.metrics}
      data-testid="retro-metrics"
      onRow={(m) => ({ 'data-testid': `retro-metric-${m.key}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('ops.briefings.retro.metric'), dataIndex: 'key', render: (key: RetroMetric['key']) => <Labelled label={t(`ops.briefings.metric.${key}`)} definitions={d} field={key} /> },
        {
          title: t('ops.briefings.retro.value'), key: 'value', align: 'right',
          render: (_: unknown, m: RetroMetric) => (
            <span data-testid="metric-value">
              {formatMetric(m.unit, m.value)}
              {m.unit !== 'rate' && m.ratio && m.ratio.value !== null && <span style={{ color: 'rgba(0,0,0,0.45)' }}>（{pct(m.ratio.value)}）</span>}
              {m.unit === 'rate' && m.ratio && <span style={{ color: 'rgba(0,0,0,0.45)' }}>（{m.ratio.numerator} / {m.ratio.denominator}）</span>}
            </span>
          ),
        },
        {
          title: <Labelled label={t('ops.briefings.retro.target')} definitions={d} field="target" />, key: 'target', align: 'right',
          render: (_: unknown, m: RetroMetric) => (m.target ? <Tooltip title={m.target.goalName}><span>{formatMetric(m.unit, m.target.value)}</span></Tooltip> : '—'),
        },
        { title: <Labelled label={t('ops.briefings.retro.result')} definitions={d} field="result" />, key: 'result', render: (_: unknown, m: RetroMetric) => <ResultTag result={m.result} /> },
        {
          title: <Labelled label={retro.previous ? t('ops.briefings.retro.previousOf', { key: retro.previous.key }) : t('ops.briefings.retro.previous')} definitions={d} field="previous" />,
          key: 'previous', align: 'right', render: (_: unknown, m: RetroMetric) => formatMetric(m.unit, m.previous),
        },
        { title: t('ops.briefings.retro.diff'), key: 'diff', align: 'right', render: (_: unknown, m: RetroMetric) => formatDiff(m.unit, m.diff, points) },
      ]}
    />
  );
}

export function RetroCurve({ retro }: { retro: Retrospective }) {
  const t = useT();
  const asPct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: retro.curve.map((p) => t('ops.briefings.dayN', { n: p.dayIndex })) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%', nameTextStyle: AXIS_NAME },
    series: [
      { type: 'line', name: retro.campaign.key, data: retro.curve.map((p) => asPct(p.rate.value)) },
      ...(retro.previous ? [{ type: 'line' as const, name: retro.previous.key, lineStyle: { type: 'dashed' as const }, data: retro.curve.map((p) => asPct(p.previous?.value)) }] : []),
    ],
  };
  return <Chart option={option} height={260} testId="retro-curve" />;
}
