// /ops/retros/:campaignId/print — the retrospective as a document to print or save as PDF: the numbers, the GRAI text
// and the actions. The page sits inside the console layout, so print CSS hides the layout's menu and header.
import { Button, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { briefingsApi, type RetroAction } from '../../../api/briefings';
import { useT } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useLoad } from '../../../shared/useLoad';
import { RetroCurve, RetroMetricsTable } from './RetroMetrics';

const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { padding: 0 !important; margin: 0 !important; background: #fff !important; }
  .retro-sheet { max-width: none !important; box-shadow: none !important; padding: 0 !important; }
  .retro-sheet section { break-inside: avoid; }
}
`;

function Section({ title, text, testId }: { title: string; text: string; testId: string }) {
  const t = useT();
  return (
    <section style={{ marginTop: 20 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>{text || t('ops.briefings.print.empty')}</Typography.Paragraph>
    </section>
  );
}

export function RetroPrintPage() {
  const t = useT();
  const { campaignId } = useParams();
  const id = Number(campaignId);
  const load = useLoad(() => briefingsApi.retrospective(id), [id]);
  const retro = load.data;
  const text = retro?.retrospective;
  return (
    <div className="retro-sheet" style={{ maxWidth: 960, margin: '0 auto', background: '#fff', padding: 32, boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }} data-testid="retro-print">
      <style>{PRINT_CSS}</style>
      <Space className="no-print" style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 16 }}>
        <Link to={`/ops/retros/${id}`}><Button>{t('ops.briefings.print.back')}</Button></Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="retro-print-button">{t('ops.briefings.print.print')}</Button>
      </Space>
      <ErrorAlert error={load.error} />
      {retro && (
        <>
          <Typography.Title level={3} style={{ marginTop: 0 }}>{t('ops.briefings.retro.title', { key: retro.campaign.key, name: retro.campaign.name })}</Typography.Title>
          <Typography.Text type="secondary">
            {retro.campaign.series.name} · {retro.campaign.startsOn} – {retro.campaign.endsOn} · {t('ops.briefings.retro.asOf', { date: retro.asOf })}
            {retro.previous && ` · ${t('ops.briefings.retro.comparedWith')} ${retro.previous.key}`}
          </Typography.Text>
          <Section title={t('ops.briefings.print.goal')} text={text?.goalNote ?? ''} testId="print-goal" />
          <section style={{ marginTop: 20 }}>
            <Typography.Title level={5}>{t('ops.briefings.print.result')}</Typography.Title>
            <RetroMetricsTable retro={retro} />
            {retro.curve.length > 0 && <div style={{ marginTop: 12 }}><RetroCurve retro={retro} /></div>}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="print-result">{text?.resultNote ?? ''}</Typography.Paragraph>
          </section>
          <Section title={t('ops.briefings.print.analysis')} text={text?.analysis ?? ''} testId="print-analysis" />
          <Section title={t('ops.briefings.print.insight')} text={text?.insight ?? ''} testId="print-insight" />
          <section style={{ marginTop: 20 }}>
            <Typography.Title level={5}>{t('ops.briefings.retro.actions')}</Typography.Title>
            <Table<RetroAction>
              size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={text?.actions ?? []} data-testid="print-actions"
              columns={[
                { title: t('ops.briefings.retro.what'), dataIndex: 'what' },
                { title: t('ops.briefings.retro.owner'), key: 'o', render: (_, a) => a.owner?.name ?? '—' },
                { title: t('ops.briefings.retro.due'), key: 'd', render: (_, a) => a.due ?? '—' },
              ]}
            />
          </section>
          {text && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
              {t('ops.briefings.print.footer', { by: text.updatedBy?.name ?? '—', at: text.updatedAt.slice(0, 10) })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </div>
  );
}
