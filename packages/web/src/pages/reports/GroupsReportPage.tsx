// 群健康: per group and day — members at the end of the day and the day's net change, and the share who stayed
// silent — for a campaign's groups or one group, with the last day's figures in a table.
import { Col, Row, Segmented, Table } from 'antd';
import { useState } from 'react';
import type { GroupDay, GroupsReport } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { AXIS_NAME, Chart, type ChartOption } from './Chart';
import { PALETTE } from './colors';
import { LabelWithDefinition, useDefinitions, useFieldLabel } from './definitions';
import { ReportCard, ReportFrame, Stack } from './Frame';
import { pct } from './format';
import { ScopedFilters } from './Pickers';
import { useScopedParams } from './scope';
import { useReport } from './useReport';

type SizeMetric = 'members' | 'net';
const TABLE_FIELDS = ['members', 'joins', 'leaves', 'net', 'spoke', 'silent_share'] as const;

function linesOption(report: GroupsReport, pick: (d: GroupDay) => number | null, axisName: string, percent: boolean, bars: boolean): ChartOption {
  const dates = report.groups[0]?.days.map((d) => d.date) ?? [];
  const fmt = (v: unknown) => (percent ? pct(v as number | null) : String(v ?? '—'));
  return {
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: dates },
    yAxis: percent
      ? { type: 'value', min: 0, max: 1, name: axisName, nameTextStyle: AXIS_NAME, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }
      : { type: 'value', name: axisName, nameTextStyle: AXIS_NAME, minInterval: 1 },
    series: report.groups.map((g, i) => ({
      type: bars ? ('bar' as const) : ('line' as const),
      name: g.group,
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      showSymbol: dates.length <= 31,
      barMaxWidth: 10,
      data: g.days.map(pick),
    })),
  };
}

function Body({ report }: { report: GroupsReport }) {
  const t = useT();
  const def = useDefinitions('groups', report.definitions);
  const label = useFieldLabel('groups');
  const [metric, setMetric] = useState<SizeMetric>('members');
  const dates = report.groups[0]?.days.map((d) => d.date) ?? [];
  const period = dates.length ? t('reports.range', { from: dates[0], to: dates[dates.length - 1] }) : undefined;
  const lastDate = dates[dates.length - 1];
  const rows = report.groups.map((g) => ({ group_id: g.group_id, group: g.group, ...(g.days[g.days.length - 1] ?? {}) }));
  return (
    <Stack>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <ReportCard
            title={label(metric)}
            period={period}
            def={def}
            fields={metric === 'net' ? ['net', 'joins', 'leaves'] : ['members']}
            testId="card-group-size"
            extra={<Segmented<SizeMetric> size="small" value={metric} onChange={setMetric} options={[{ value: 'members', label: label('members') }, { value: 'net', label: label('net') }]} data-testid="pick-size-metric" />}
          >
            <Chart option={linesOption(report, (d) => d[metric], label(metric), false, metric === 'net')} height={340} testId="chart-group-size" />
          </ReportCard>
        </Col>
        <Col xs={24} xxl={12}>
          <ReportCard title={label('silent_share')} period={period} def={def} fields={['silent_share', 'spoke']} testId="card-silent">
            <Chart option={linesOption(report, (d) => d.silent_share, label('silent_share'), true, false)} height={340} testId="chart-silent" />
          </ReportCard>
        </Col>
      </Row>
      <ReportCard title={t('reports.groups.lastDay')} period={lastDate} def={def} fields={[...TABLE_FIELDS]}>
        <Table
          size="small"
          rowKey="group_id"
          pagination={false}
          dataSource={rows}
          data-testid="groups-table"
          columns={[
            { title: t('reports.col.group'), dataIndex: 'group' },
            ...TABLE_FIELDS.map((f) => ({
              title: <LabelWithDefinition label={label(f)} def={def} fields={[f]} />,
              dataIndex: f,
              align: 'right' as const,
              render: f === 'silent_share' ? (v: number | null) => pct(v) : undefined,
            })),
          ]}
        />
      </ReportCard>
    </Stack>
  );
}

export function GroupsReportPage() {
  const t = useT();
  const p = useScopedParams();
  const report = useReport('groups', p.query);
  return (
    <ReportFrame
      title={t('reports.nav.groups')}
      intro={t('reports.groups.intro')}
      filters={<ScopedFilters p={p} />}
      missing={p.query ? null : t(p.kind === 'campaign' ? 'reports.chooseCampaign' : 'reports.chooseGroup')}
      report={report}
      empty={(r) => (r.groups.length === 0 ? t('reports.groups.empty') : null)}
    >
      {(r) => <Body report={r} />}
    </ReportFrame>
  );
}
