// "Every number shows how it is computed": beside each figure and chart, an info icon whose popover gives the
// numerator, denominator and period of what is shown. The texts are the console's own translation of the server's
// definitions (reports.def.<field>.*, or reports.def.<report>.<field>.* where a report means something narrower),
// falling back to the server's English when the console has no text for a field.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Popover, Space, Statistic, Typography } from 'antd';
import { useCallback, type ReactNode } from 'react';
import type { Definitions, ReportName } from '../../api/reports';
import { dictionaries } from '../../i18n/context';
import { useLang, useT } from '../../i18n/useT';

export interface ShownDefinition {
  label: string;
  numerator: string;
  denominator: string | null;
  period: string;
}

export type DefinitionOf = (field: string) => ShownDefinition | null;

type Part = 'numerator' | 'denominator' | 'period';

/** Field label: reports.field.<report>.<field>, else reports.field.<field>, else the field name itself. */
export function useFieldLabel(report: ReportName) {
  const { lang } = useLang();
  const dict = dictionaries[lang] as Record<string, string>;
  return useCallback(
    (field: string) => dict[`reports.field.${report}.${field}`] ?? dict[`reports.field.${field}`] ?? field,
    [dict, report],
  );
}

export function useDefinitions(report: ReportName, definitions: Definitions | undefined): DefinitionOf {
  const { lang } = useLang();
  const dict = dictionaries[lang] as Record<string, string>;
  const label = useFieldLabel(report);
  return useCallback(
    (field: string) => {
      const server = definitions?.[field];
      const own = (part: Part) => dict[`reports.def.${report}.${field}.${part}`] ?? dict[`reports.def.${field}.${part}`];
      const numerator = own('numerator') ?? server?.numerator;
      if (!numerator) return null;
      // A count has no denominator: the console's text says so by having none, the server's by null.
      const denominator = own('numerator') !== undefined ? own('denominator') ?? null : server?.denominator ?? null;
      return { label: label(field), numerator, denominator, period: own('period') ?? server?.period ?? '' };
    },
    [definitions, dict, label, report],
  );
}

function DefinitionBody({ items }: { items: ShownDefinition[] }) {
  const t = useT();
  const row = (name: string, text: ReactNode) => (
    <div style={{ display: 'flex', gap: 8 }}>
      <Typography.Text type="secondary" style={{ flex: '0 0 auto', minWidth: 48 }}>{name}</Typography.Text>
      <span>{text}</span>
    </div>
  );
  return (
    <div style={{ maxWidth: 420, display: 'flex', flexDirection: 'column', gap: 10 }} data-testid="definition-popover">
      {items.map((d) => (
        <div key={d.label}>
          {items.length > 1 && <Typography.Text strong>{d.label}</Typography.Text>}
          {row(t('reports.def.numerator'), d.numerator)}
          {row(t('reports.def.denominator'), d.denominator ?? t('reports.def.noDenominator'))}
          {d.period && row(t('reports.def.period'), d.period)}
        </div>
      ))}
    </div>
  );
}

/** The info icon; with several fields (a chart showing more than one number) the popover explains each. */
export function DefinitionIcon({ def, fields, testId }: { def: DefinitionOf; fields: string[]; testId?: string }) {
  const t = useT();
  const items = fields.map(def).filter((d): d is ShownDefinition => d !== null);
  if (!items.length) return null;
  return (
    <Popover
      title={items.length === 1 ? items[0].label : t('reports.def.title')}
      content={<DefinitionBody items={items} />}
      trigger={['hover', 'click']}
    >
      <InfoCircleOutlined
        style={{ color: 'rgba(0,0,0,0.45)', cursor: 'help' }}
        aria-label={t('reports.def.title')}
        data-testid={testId ?? `def-${fields.join('-')}`}
      />
    </Popover>
  );
}

export function LabelWithDefinition({ label, def, fields }: { label: ReactNode; def: DefinitionOf; fields: string[] }) {
  return <Space size={4}>{label}<DefinitionIcon def={def} fields={fields} /></Space>;
}

/** One figure: its label with the definition icon, and the value as shown (a count, a percentage, money). */
export function Figure({ field, label, value, def, fields }: { field: string; label: string; value: string | number | null; def: DefinitionOf; fields?: string[] }) {
  return (
    <Statistic
      title={<LabelWithDefinition label={label} def={def} fields={fields ?? [field]} />}
      value={value ?? '—'}
      data-testid={`figure-${field}`}
    />
  );
}
