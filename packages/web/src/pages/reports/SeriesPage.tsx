// 系列走势: seed 004's left chart — one bar per campaign of a series, stacked by the campaign each participant first
// appeared in within the series, so the returning share of every edition is seen at a glance.
import { Table } from 'antd';
import type { SeriesReport } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from './Chart';
import { useCampaignColor, useCampaignName } from './colors';
import { LabelWithDefinition, useDefinitions, useFieldLabel } from './definitions';
import { ReportCard, ReportFrame, Stack } from './Frame';
import { SeriesPicker } from './Pickers';
import { useParamState, useRemembered } from './params';
import { useReport } from './useReport';

/** The "first appeared in" campaigns, in the series' order (they are the series' own campaigns). */
function origins(report: SeriesReport): string[] {
  const seen = new Set(report.campaigns.flatMap((c) => c.by_first_in_series.map((r) => r.campaign)));
  return [...report.campaigns.map((c) => c.campaign).filter((k) => seen.has(k)), ...[...seen].filter((k) => !report.campaigns.some((c) => c.campaign === k))];
}

function Body({ report }: { report: SeriesReport }) {
  const t = useT();
  const def = useDefinitions('series', report.definitions);
  const label = useFieldLabel('series');
  const color = useCampaignColor();
  const name = useCampaignName();
  const firsts = origins(report);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll', formatter: (k: string) => t('reports.series.firstIn', { campaign: k }) },
    grid: { left: 56, right: 24, top: 48, bottom: 48 },
    xAxis: { type: 'category', data: report.campaigns.map((c) => c.campaign), name: t('reports.col.campaign'), nameLocation: 'middle', nameGap: 30, nameTextStyle: AXIS_NAME },
    yAxis: { type: 'value', name: label('participants'), nameTextStyle: AXIS_NAME, minInterval: 1 },
    series: firsts.map((first) => ({
      type: 'bar',
      name: first,
      stack: 'participants',
      barMaxWidth: 64,
      itemStyle: { color: color(first) },
      label: { show: true, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
      data: report.campaigns.map((c) => c.by_first_in_series.find((r) => r.campaign === first)?.members ?? 0),
    })),
  };
  const rows = report.campaigns.map((c) => ({ ...c, ...Object.fromEntries(firsts.map((f) => [`first:${f}`, c.by_first_in_series.find((r) => r.campaign === f)?.members ?? 0])) }));
  return (
    <Stack>
      <ReportCard title={t('reports.series.chart', { series: report.series })} period={t('reports.allTime')} def={def} fields={['participants', 'by_first_in_series']} testId="card-series">
        <Chart option={option} height={380} testId="chart-series" />
      </ReportCard>
      <ReportCard title={t('reports.series.numbers')} period={t('reports.allTime')} def={def} fields={['participants', 'by_first_in_series']}>
        <Table
          size="small"
          rowKey="campaign"
          pagination={false}
          dataSource={rows}
          data-testid="series-table"
          columns={[
            { title: t('reports.col.campaign'), dataIndex: 'campaign', render: (k: string) => name(k) },
            { title: <LabelWithDefinition label={label('participants')} def={def} fields={['participants']} />, dataIndex: 'participants', align: 'right' },
            ...firsts.map((f) => ({
              title: <LabelWithDefinition label={t('reports.series.firstIn', { campaign: f })} def={def} fields={['by_first_in_series']} />,
              dataIndex: `first:${f}`,
              align: 'right' as const,
              render: (n: number) => n || '',
            })),
          ]}
        />
      </ReportCard>
    </Stack>
  );
}

export function SeriesPage() {
  const t = useT();
  const { set } = useParamState();
  const series = useRemembered('series');
  const report = useReport('series', series ? { series } : null);
  return (
    <ReportFrame
      title={t('reports.nav.series')}
      intro={t('reports.series.intro')}
      filters={<SeriesPicker value={series} onChange={(v) => set({ series: v })} />}
      missing={series ? null : t('reports.chooseSeries')}
      report={report}
      empty={(r) => (r.campaigns.length === 0 ? t('reports.series.noCampaigns') : r.campaigns.every((c) => c.participants === 0) ? t('reports.series.empty') : null)}
    >
      {(r) => <Body report={r} />}
    </ReportFrame>
  );
}
