// 复购与流失: of a campaign's participants, who came back for a later campaign, who stayed in the groups without
// one, and who left — the split, the two rates, and seed 004's flow picture (a Sankey from the campaign).
import { Col, Row } from 'antd';
import type { ReenrolmentReport } from '../../api/reports';
import { useT, type Translate } from '../../i18n/useT';
import { Chart, type ChartOption } from './Chart';
import { OUTCOME_COLORS, useCampaignColor, useCampaignName } from './colors';
import { Figure, useDefinitions, useFieldLabel } from './definitions';
import { Figures, ReportCard, ReportFrame, Stack } from './Frame';
import { pct } from './format';
import { CampaignAsOfFilters } from './Pickers';
import { useParamState, useRemembered } from './params';
import { useReport } from './useReport';

const OUTCOMES = ['reenrolled', 'stayed', 'churned'] as const;

function splitOption(r: ReenrolmentReport, label: (f: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: (p) => { const d = p as { name: string; value: number; percent: number }; return `${d.name}<br/><b>${d.value}</b> (${d.percent}%)`; } },
    legend: { bottom: 0 },
    series: [{
      type: 'pie',
      radius: ['34%', '56%'],
      center: ['50%', '45%'],
      label: { formatter: '{b}\n{c} ({d}%)', overflow: 'break', width: 110 },
      data: OUTCOMES.map((o) => ({ name: label(o), value: r[o], itemStyle: { color: OUTCOME_COLORS[o] } })),
    }],
  };
}

/** campaign → (next campaign | other later campaigns | stayed in groups | churned). */
function sankeyOption(r: ReenrolmentReport, t: Translate, label: (f: string) => string, color: (k: string) => string): ChartOption {
  const next = r.next_in_series;
  const nextCount = next ? Math.min(next.members, r.reenrolled) : 0;
  const targets: Array<{ name: string; value: number; color: string }> = [];
  if (next && nextCount > 0) targets.push({ name: t('reports.reenrolment.toNext', { campaign: next.campaign }), value: nextCount, color: color(next.campaign) });
  const otherLater = r.reenrolled - nextCount;
  if (otherLater > 0) targets.push({ name: next ? t('reports.reenrolment.toOtherLater') : label('reenrolled'), value: otherLater, color: OUTCOME_COLORS.reenrolled });
  if (r.stayed > 0) targets.push({ name: label('stayed'), value: r.stayed, color: OUTCOME_COLORS.stayed });
  if (r.churned > 0) targets.push({ name: label('churned'), value: r.churned, color: OUTCOME_COLORS.churned });
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey',
      left: 96,
      right: 200,
      layoutIterations: 0,
      top: 16,
      bottom: 16,
      nodeWidth: 18,
      nodeGap: 14,
      draggable: false,
      label: { formatter: (p: { name: string; value: unknown }) => `${p.name}  ${p.value as number}`, fontSize: 13 },
      lineStyle: { color: 'target', opacity: 0.35 },
      data: [{ name: r.campaign, itemStyle: { color: color(r.campaign) }, label: { position: 'left' } }, ...targets.map((x) => ({ name: x.name, itemStyle: { color: x.color } }))],
      links: targets.map((x) => ({ source: r.campaign, target: x.name, value: x.value })),
    }],
  };
}

function Body({ report, asOf }: { report: ReenrolmentReport; asOf: string }) {
  const t = useT();
  const def = useDefinitions('reenrolment', report.definitions);
  const label = useFieldLabel('reenrolment');
  const color = useCampaignColor();
  const name = useCampaignName();
  const period = t('reports.asOf', { date: asOf });
  const next = report.next_in_series;
  return (
    <Stack>
      <ReportCard title={name(report.campaign)} period={period} def={def} fields={['participants', ...OUTCOMES, 'reenrolment_rate', 'churn_rate', 'next_in_series']}>
        <Figures>
          <Figure field="participants" label={label('participants')} value={report.participants} def={def} />
          {OUTCOMES.map((o) => <Figure key={o} field={o} label={label(o)} value={report[o]} def={def} />)}
          <Figure field="reenrolment_rate" label={label('reenrolment_rate')} value={pct(report.reenrolment_rate)} def={def} />
          <Figure field="churn_rate" label={label('churn_rate')} value={pct(report.churn_rate)} def={def} />
          <Figure
            field="next_in_series"
            label={next ? t('reports.reenrolment.nextIn', { campaign: next.campaign }) : label('next_in_series')}
            value={next ? next.members : t('reports.reenrolment.noNext')}
            def={def}
          />
        </Figures>
      </ReportCard>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <ReportCard title={t('reports.reenrolment.split')} period={period} def={def} fields={[...OUTCOMES]} testId="card-split">
            <Chart option={splitOption(report, label)} height={340} testId="chart-split" />
          </ReportCard>
        </Col>
        <Col xs={24} xl={15}>
          <ReportCard title={t('reports.reenrolment.flow')} period={period} def={def} fields={[...OUTCOMES, 'next_in_series']} testId="card-flow">
            <Chart option={sankeyOption(report, t, label, color)} height={340} testId="chart-flow" />
          </ReportCard>
        </Col>
      </Row>
    </Stack>
  );
}

export function ReenrolmentPage() {
  const t = useT();
  const { get, set } = useParamState();
  const campaign = useRemembered('campaign');
  const asOf = get('as_of');
  const report = useReport('reenrolment', campaign ? { campaign, as_of: asOf } : null);
  return (
    <ReportFrame
      title={t('reports.reenrolment.title')}
      intro={t('reports.reenrolment.intro')}
      filters={<CampaignAsOfFilters campaign={campaign} asOf={asOf} set={set} />}
      missing={campaign ? null : t('reports.chooseCampaign')}
      report={report}
      empty={(r) => (r.participants === 0 ? t('reports.reenrolment.empty') : null)}
    >
      {(r) => <Body report={r} asOf={r.as_of} />}
    </ReportFrame>
  );
}
