// 营期构成: where a campaign's participants came from (first campaign in the series, first anywhere) and where they
// are now (their latest campaign as of a day) — three donuts and the numbers behind them.
import { Col, Row, Table } from 'antd';
import type { CampaignCount, CompositionReport } from '../../api/reports';
import { useT } from '../../i18n/useT';
import { Chart, type ChartOption } from './Chart';
import { useCampaignColor, useCampaignName } from './colors';
import { useCatalog } from './catalog';
import { Figure, LabelWithDefinition, useDefinitions, useFieldLabel, type DefinitionOf } from './definitions';
import { ReportCard, ReportFrame, Stack } from './Frame';
import { CampaignAsOfFilters } from './Pickers';
import { useParamState, useRemembered } from './params';
import { useReport } from './useReport';

const LISTS = ['first_in_series', 'first_in_workspace', 'last_after'] as const;
type ListName = (typeof LISTS)[number];

function donut(list: CampaignCount[], color: (key: string) => string, name: (key: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: (p) => { const d = p as { name: string; value: number; percent: number }; return `${name(d.name)}<br/><b>${d.value}</b> (${d.percent}%)`; } },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie',
      radius: ['34%', '56%'],
      center: ['50%', '45%'],
      avoidLabelOverlap: true,
      label: { formatter: '{b}\n{c}', fontSize: 12 },
      data: list.map((row) => ({ name: row.campaign, value: row.members, itemStyle: { color: color(row.campaign) } })),
    }],
  };
}

function NumbersTable({ report, def }: { report: CompositionReport; def: DefinitionOf }) {
  const t = useT();
  const label = useFieldLabel('composition');
  const name = useCampaignName();
  const { campaigns } = useCatalog();
  const keys = [...new Set(LISTS.flatMap((l) => report[l].map((r) => r.campaign)))];
  const order = (k: string) => { const i = campaigns.findIndex((c) => c.key === k); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  keys.sort((a, b) => order(a) - order(b));
  const rows = keys.map((campaign) => ({
    campaign,
    ...Object.fromEntries(LISTS.map((l) => [l, report[l].find((r) => r.campaign === campaign)?.members ?? 0])),
  })) as Array<{ campaign: string } & Record<ListName, number>>;
  return (
    <Table
      size="small"
      rowKey="campaign"
      pagination={false}
      dataSource={rows}
      data-testid="composition-table"
      columns={[
        { title: t('reports.col.campaign'), dataIndex: 'campaign', render: (k: string) => name(k) },
        ...LISTS.map((l) => ({ title: <LabelWithDefinition label={label(l)} def={def} fields={[l]} />, dataIndex: l, align: 'right' as const, render: (n: number) => n || '' })),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}><b>{t('reports.col.total')}</b></Table.Summary.Cell>
          {LISTS.map((l, i) => <Table.Summary.Cell key={l} index={i + 1} align="right"><b>{report.participants}</b></Table.Summary.Cell>)}
        </Table.Summary.Row>
      )}
    />
  );
}

function Body({ report, asOf }: { report: CompositionReport; asOf: string | undefined }) {
  const t = useT();
  const def = useDefinitions('composition', report.definitions);
  const label = useFieldLabel('composition');
  const color = useCampaignColor();
  const name = useCampaignName();
  const when = (l: ListName) => (l === 'last_after' ? (asOf ? t('reports.asOf', { date: asOf }) : t('reports.asOfNow')) : t('reports.allTime'));
  return (
    <Stack>
      <ReportCard title={name(report.campaign)} period={t('reports.allTime')} def={def} fields={['participants']}>
        <Figure field="participants" label={label('participants')} value={report.participants} def={def} />
      </ReportCard>
      <Row gutter={[16, 16]}>
        {LISTS.map((l) => (
          <Col key={l} xs={24} xl={8}>
            <ReportCard title={label(l)} period={when(l)} def={def} fields={[l]} testId={`card-${l}`}>
              <Chart option={donut(report[l], color, name)} height={300} testId={`chart-${l}`} />
            </ReportCard>
          </Col>
        ))}
      </Row>
      <ReportCard title={t('reports.composition.numbers')} period={when('last_after')} def={def} fields={[...LISTS]}>
        <NumbersTable report={report} def={def} />
      </ReportCard>
    </Stack>
  );
}

export function CompositionPage() {
  const t = useT();
  const { get, set } = useParamState();
  const campaign = useRemembered('campaign');
  const asOf = get('as_of');
  const report = useReport('composition', campaign ? { campaign, as_of: asOf } : null);
  return (
    <ReportFrame
      title={t('reports.nav.composition')}
      intro={t('reports.composition.intro')}
      filters={<CampaignAsOfFilters campaign={campaign} asOf={asOf} set={set} />}
      missing={campaign ? null : t('reports.chooseCampaign')}
      report={report}
      empty={(r) => (r.participants === 0 ? t('reports.composition.empty') : null)}
    >
      {(r) => <Body report={r} asOf={asOf} />}
    </ReportFrame>
  );
}
