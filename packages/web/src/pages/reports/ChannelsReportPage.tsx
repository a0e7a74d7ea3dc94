// 渠道质量: per channel (both levels) from visits to revenue — a sortable table, and the channels side by side by
// ROI or by customer acquisition cost. Optionally only the signups of one campaign.
import { Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ChannelRow, ChannelsReport } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from './Chart';
import { LabelWithDefinition, useDefinitions, useFieldLabel, type DefinitionOf } from './definitions';
import { ReportCard, ReportFrame, Stack } from './Frame';
import { money, pct } from './format';
import { CampaignPicker } from './Pickers';
import { useParamState } from './params';
import { useReport } from './useReport';

type Metric = 'roi' | 'cac_cents' | 'signups';
const METRICS: Metric[] = ['roi', 'cac_cents', 'signups'];
const COUNTS = ['visits', 'unique_visitors', 'signups', 'paid', 'met_requirement', 'reenrolled'] as const;
const MONEY = ['revenue_cents', 'cost_cents', 'cac_cents'] as const;

const byNumber = (field: keyof ChannelRow) => (a: ChannelRow, b: ChannelRow) => ((a[field] as number | null) ?? -Infinity) - ((b[field] as number | null) ?? -Infinity);

function columns(label: (f: string) => string, def: DefinitionOf, channelTitle: string): ColumnsType<ChannelRow> {
  const head = (f: string) => <LabelWithDefinition label={label(f)} def={def} fields={[f]} />;
  return [
    {
      title: channelTitle,
      dataIndex: 'channel',
      fixed: 'left',
      width: 230,
      sorter: (a, b) => a.channel.localeCompare(b.channel),
      render: (name: string, r) => (r.parent ? <span><Typography.Text type="secondary">{r.parent} / </Typography.Text>{name}</span> : <b>{name}</b>),
    },
    ...COUNTS.map((f) => ({ title: head(f), dataIndex: f, align: 'right' as const, sorter: byNumber(f) })),
    { title: head('leave_rate_7d'), dataIndex: 'leave_rate_7d', align: 'right', sorter: byNumber('leave_rate_7d'), render: (r: number | null) => pct(r) },
    ...MONEY.map((f) => ({ title: head(f), dataIndex: f, align: 'right' as const, sorter: byNumber(f), render: (c: number | null) => money(c) })),
    { title: head('roi'), dataIndex: 'roi', align: 'right', sorter: byNumber('roi'), defaultSortOrder: 'descend', render: (r: number | null) => (r === null ? '—' : r.toFixed(2)) },
  ];
}

const COLORS: Record<Metric, string> = { roi: '#3ba272', cac_cents: '#fc8452', signups: '#5470c6' };

function barOption(rows: ChannelRow[], metric: Metric, label: (f: string) => string, noneText: string): ChartOption {
  const withValue = rows.filter((r) => r[metric] !== null).sort((a, b) => (a[metric] as number) - (b[metric] as number));
  const value = (r: ChannelRow) => (metric === 'cac_cents' ? (r.cac_cents as number) / 100 : (r[metric] as number));
  const text = (v: unknown) => (metric === 'roi' ? Number(v).toFixed(2) : metric === 'cac_cents' ? `¥${Number(v).toFixed(2)}` : String(v));
  const name = (r: ChannelRow) => (r.parent ? `${r.parent} / ${r.channel}` : r.channel);
  const none = withValue.length === 0;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: text },
    grid: { left: 8, right: 56, top: 32, bottom: 24, containLabel: true },
    title: none ? { text: noneText, left: 'center', top: 'middle', textStyle: { fontSize: 13, fontWeight: 400, color: 'rgba(0,0,0,0.45)' } } : undefined,
    xAxis: { type: 'value', show: !none, name: metric === 'cac_cents' ? `${label('cac_cents')} (¥)` : label(metric), nameLocation: 'middle', nameGap: 28, nameTextStyle: AXIS_NAME, minInterval: metric === 'signups' ? 1 : undefined },
    yAxis: { type: 'category', show: !none, data: withValue.map(name), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      barMaxWidth: 22,
      itemStyle: { color: COLORS[metric] },
      label: { show: true, position: 'right', formatter: (p: { value: unknown }) => text(p.value) },
      data: withValue.map(value),
    }],
  };
}

function Body({ report, campaign }: { report: ChannelsReport; campaign: string | undefined }) {
  const t = useT();
  const def = useDefinitions('channels', report.definitions);
  const label = useFieldLabel('channels');
  // ROI first; a workspace that records no costs sees its channels by signups instead of an empty chart.
  const [metric, setMetric] = useState<Metric>(() => (report.channels.some((c) => c.roi !== null) ? 'roi' : 'signups'));
  const period = campaign ? t('reports.channels.signupsOf', { campaign }) : t('reports.allTime');
  const height = Math.max(260, 72 + report.channels.length * 32);
  return (
    <Stack>
      <ReportCard
        title={t('reports.channels.chart')}
        period={period}
        def={def}
        fields={[metric]}
        testId="card-channels-chart"
        extra={<Segmented<Metric> size="small" value={metric} onChange={setMetric} options={METRICS.map((m) => ({ value: m, label: label(m) }))} data-testid="pick-metric" />}
      >
        <Chart option={barOption(report.channels, metric, label, t('reports.channels.noCost'))} height={height} testId="chart-channels" />
      </ReportCard>
      <ReportCard title={t('reports.channels.table')} period={period} def={def} fields={[...COUNTS, 'leave_rate_7d', ...MONEY, 'roi']}>
        <Table<ChannelRow>
          size="small"
          rowKey="channel_id"
          pagination={false}
          dataSource={report.channels}
          columns={columns(label, def, t('reports.col.channel'))}
          scroll={{ x: 1500 }}
          data-testid="channels-table"
        />
      </ReportCard>
    </Stack>
  );
}

export function ChannelsReportPage() {
  const t = useT();
  const { get, set } = useParamState();
  const campaign = get('campaign');
  const report = useReport('channels', { campaign });
  return (
    <ReportFrame
      title={t('reports.nav.channels')}
      intro={t('reports.channels.intro')}
      filters={<CampaignPicker value={campaign} onChange={(v) => set({ campaign: v })} allowClear label={t('reports.pick.campaignOptional')} />}
      report={report}
      empty={(r) => (r.channels.length === 0 ? t('reports.channels.empty') : null)}
    >
      {(r) => <Body report={r} campaign={campaign} />}
    </ReportFrame>
  );
}
