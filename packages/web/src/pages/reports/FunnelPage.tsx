// 漏斗: a campaign from the visits its channels brought to who came back for another — count per step and how many
// of the previous step (and of the first) got there.
import { Col, Row, Table } from 'antd';
import type { FunnelReport, FunnelStep } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { Chart, type ChartOption } from './Chart';
import { PALETTE, useCampaignName } from './colors';
import { LabelWithDefinition, useDefinitions, useFieldLabel } from './definitions';
import { ReportCard, ReportFrame } from './Frame';
import { pct } from './format';
import { CampaignPicker } from './Pickers';
import { useParamState, useRemembered } from './params';
import { useReport } from './useReport';

function funnelOption(steps: FunnelStep[], label: (f: string) => string, previousText: string): ChartOption {
  const max = Math.max(1, ...steps.map((s) => s.count));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const step = steps[(p as { dataIndex: number }).dataIndex];
        return `${label(step.step)}<br/><b>${step.count}</b>${step.ratio_to_previous === null ? '' : `<br/>${previousText} ${pct(step.ratio_to_previous)}`}`;
      },
    },
    series: [{
      type: 'funnel',
      sort: 'none',
      left: '8%',
      width: '62%',
      top: 8,
      bottom: 8,
      min: 0,
      max,
      minSize: '4%',
      gap: 2,
      label: {
        position: 'right',
        fontSize: 13,
        formatter: (p: { dataIndex: number }) => {
          const s = steps[p.dataIndex];
          return `${label(s.step)}  ${s.count}${s.ratio_to_previous === null ? '' : `  (${pct(s.ratio_to_previous)})`}`;
        },
      },
      labelLine: { show: true },
      data: steps.map((s, i) => ({ name: label(s.step), value: s.count, itemStyle: { color: PALETTE[i % PALETTE.length] } })),
    }],
  };
}

function Body({ report }: { report: FunnelReport }) {
  const t = useT();
  const def = useDefinitions('funnel', report.definitions);
  const label = useFieldLabel('funnel');
  const name = useCampaignName();
  const steps = report.steps;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <ReportCard title={name(report.campaign)} period={t('reports.asOfNow')} def={def} fields={steps.map((s) => s.step)} testId="card-funnel">
          <Chart option={funnelOption(steps, label, t('reports.funnel.ofPrevious'))} height={420} testId="chart-funnel" />
        </ReportCard>
      </Col>
      <Col xs={24} xl={10}>
        <ReportCard title={t('reports.funnel.numbers')} period={t('reports.asOfNow')} def={def} fields={['ratio_to_previous', 'ratio_to_first']}>
          <Table
            size="small"
            rowKey="step"
            pagination={false}
            dataSource={steps}
            data-testid="funnel-table"
            columns={[
              { title: t('reports.col.step'), dataIndex: 'step', render: (s: string) => <LabelWithDefinition label={label(s)} def={def} fields={[s]} /> },
              { title: t('reports.col.count'), dataIndex: 'count', align: 'right' },
              { title: <LabelWithDefinition label={label('ratio_to_previous')} def={def} fields={['ratio_to_previous']} />, dataIndex: 'ratio_to_previous', align: 'right', render: (r: number | null) => pct(r) },
              { title: <LabelWithDefinition label={label('ratio_to_first')} def={def} fields={['ratio_to_first']} />, dataIndex: 'ratio_to_first', align: 'right', render: (r: number | null) => pct(r) },
            ]}
          />
        </ReportCard>
      </Col>
    </Row>
  );
}

export function FunnelPage() {
  const t = useT();
  const { set } = useParamState();
  const campaign = useRemembered('campaign');
  const report = useReport('funnel', campaign ? { campaign } : null);
  return (
    <ReportFrame
      title={t('reports.nav.funnel')}
      intro={t('reports.funnel.intro')}
      filters={<CampaignPicker value={campaign} onChange={(v) => set({ campaign: v })} />}
      missing={campaign ? null : t('reports.chooseCampaign')}
      report={report}
      empty={(r) => (r.steps.every((s) => s.count === 0) ? t('reports.funnel.empty') : null)}
    >
      {(r) => <Body report={r} />}
    </ReportFrame>
  );
}
