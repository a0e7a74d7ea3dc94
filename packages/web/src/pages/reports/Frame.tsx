// The frame of every report page: a header card with what the report answers and its choices, then the report —
// or why there is none yet (something to choose, loading, an error in the server's words, or no data).
import { Alert, Card, Empty, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { asApiError, errorText } from '../../shared/errors';
import { formatTimeSeconds } from '../../shared/time';
import type { ReportState } from './useReport';
import { useCatalog } from './catalog';
import { DefinitionIcon, type DefinitionOf } from './definitions';

/** The server's message and code; a 400 also names the parameter it refused and why. */
export function ReportError({ error }: { error: unknown }) {
  const e = asApiError(error);
  const fields = Object.entries(e.fields);
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(e)}
      description={fields.length ? fields.map(([name, reason]) => <div key={name}><Typography.Text code>{name}</Typography.Text> {reason}</div>) : undefined}
      data-testid="report-error"
    />
  );
}

interface FrameProps<T> {
  title: string;
  intro: string;
  filters: ReactNode;
  /** What still has to be chosen before there is a report (e.g. "choose a campaign"); null when nothing. */
  missing?: string | null;
  report: ReportState<T>;
  /** The report has nothing to show (the text says so in words). */
  empty?: (data: T) => string | null;
  children: (data: T) => ReactNode;
}

export function ReportFrame<T extends { generated_at: string; timezone: string }>({ title, intro, filters, missing, report, empty, children }: FrameProps<T>) {
  const t = useT();
  const catalog = useCatalog();
  const data = report.data;
  const emptyText = data && empty ? empty(data) : null;
  let body: ReactNode;
  if (missing) body = <Card><Empty description={missing} data-testid="report-missing" /></Card>;
  else if (report.error) body = <Card><ReportError error={report.error} /></Card>;
  else if (!data) body = <Card><Skeleton active paragraph={{ rows: 6 }} data-testid="report-loading" /></Card>;
  else if (emptyText) body = <Card><Empty description={emptyText} data-testid="report-empty" /></Card>;
  else body = children(data);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="report-page">
      <Card title={title} size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{intro}</Typography.Paragraph>
        {catalog.error !== null && <div style={{ marginBottom: 12 }}><ReportError error={catalog.error} /></div>}
        <Space wrap size="large">{filters}</Space>
      </Card>
      {body}
      {data && !missing && !report.error && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="report-generated">
          {t('reports.generatedAt', { at: formatTimeSeconds(data.generated_at), zone: data.timezone })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Cards of one report, one under the other with the console's usual gap. */
export function Stack({ children }: { children: ReactNode }) {
  return <Space orientation="vertical" size="middle" style={{ width: '100%' }}>{children}</Space>;
}

/** A row of figures that wraps, each as wide as its label needs. */
export function Figures({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: '16px 48px' }}>{children}</div>;
}

/** A chart or table with its title, the period it covers, and the definitions of what it shows. */
export function ReportCard({ title, period, def, fields, extra, testId, children }: {
  title: string;
  period?: string;
  def: DefinitionOf;
  fields: string[];
  extra?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space size={6} wrap>
          <span>{title}</span>
          <DefinitionIcon def={def} fields={fields} />
          {period && <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }} data-testid="report-period">{period}</Typography.Text>}
        </Space>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}
