// Small pieces shared by the points tabs: signed points, and what an entry is (which rule, manual, a reversal).
import { Tag, Typography } from 'antd';
import type { BreakdownKey, PointsEntry } from '../../../api/incentives';
import type { Translate } from '../../../i18n/useT';

/** Points with their sign: +3, -2, 0. */
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function Points({ value, strong }: { value: number; strong?: boolean }) {
  const type = value > 0 ? 'success' : value < 0 ? 'danger' : 'secondary';
  return <Typography.Text type={type} strong={strong}>{signed(value)}</Typography.Text>;
}

export const kindLabel = (t: Translate, key: BreakdownKey) => t.label('ops.points.kind', key);

export function EntryKindTag({ entry, t }: { entry: PointsEntry; t: Translate }) {
  if (entry.reverses !== null) return <Tag color="orange">{t('ops.points.ledger.reversalOf', { id: entry.reverses })}</Tag>;
  if (entry.kind === 'manual') return <Tag color="purple">{kindLabel(t, 'manual')}</Tag>;
  return <Tag color="blue">{entry.ruleKind ? kindLabel(t, entry.ruleKind) : t('ops.points.kind.rule')}</Tag>;
}
