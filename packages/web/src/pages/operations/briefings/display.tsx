// How briefing figures read: counts, money, ratios as "n / d (x%)", and beside each figure the server's definition
// (numerator, denominator, period) in the console's language, one hover away.
import { Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Definitions, Ratio, Standing } from '../../../api/briefings';
import { useLang, useT } from '../../../i18n/useT';
import { DefinitionIcon } from '../../../shared/DefinitionIcon';

export const pct = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`);
export const yuan = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : `¥${(cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
export const ratioText = (r: Ratio | null | undefined) => (r ? `${r.numerator} / ${r.denominator}` : '—');

/** The definition of `field` from the answer's definitions; nothing when the answer has none for it. */
export function Def({ definitions, field }: { definitions: Definitions; field: string }) {
  const { lang } = useLang();
  return <DefinitionIcon definition={definitions[field]?.[lang]} className="no-print" testId={`def-${field}`} />;
}

/** A label with its definition icon. */
export function Labelled({ label, definitions, field }: { label: ReactNode; definitions: Definitions; field: string }) {
  return <Space size={4}>{label}<Def definitions={definitions} field={field} /></Space>;
}

/** One figure: label with definition, the value, and (for a ratio) its numerator / denominator underneath. */
export function Figure({ label, definitions, field, value, ratio, testId }: {
  label: string; definitions: Definitions; field: string; value: string | number; ratio?: Ratio; testId: string;
}) {
  return (
    <div data-testid={testId}>
      <Statistic title={<Labelled label={label} definitions={definitions} field={field} />} value={value} />
      {ratio && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{ratioText(ratio)}</Typography.Text>}
    </div>
  );
}

const STANDING_COLORS: Record<Standing, string> = { met: 'green', on_track: 'blue', borderline: 'orange', out_of_reach: 'red' };

export function StandingTag({ standing }: { standing: Standing }) {
  const t = useT();
  return <Tag color={STANDING_COLORS[standing]}>{t(`ops.briefings.standing.${standing}`)}</Tag>;
}
