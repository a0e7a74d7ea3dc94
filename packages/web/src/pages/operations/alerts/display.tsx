// How alerts look wherever they are shown: the level tag, the kind's name, and a rule's condition in words.
import { Tag } from 'antd';
import type { AlertKindInfo } from '../../../api/alerts';
import type { Translate } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';

export const LEVEL_COLOR: Record<string, string> = { info: 'blue', warning: 'orange', critical: 'red' };

export function LevelTag({ level, t }: { level: string; t: Translate }) {
  return <Tag color={LEVEL_COLOR[level] ?? 'default'}>{t.label('ops.alerts.level', level)}</Tag>;
}

/** 'above 15%', '低于 60%', 'at most 24 h'. */
export function conditionText(t: Translate, kind: Pick<AlertKindInfo, 'comparison' | 'unit'>, threshold: number | string): string {
  const value = t(`ops.alerts.unit.${kind.unit}` as MessageKey, { value: threshold });
  return t(`ops.alerts.comparison.${kind.comparison}` as MessageKey, { value });
}
