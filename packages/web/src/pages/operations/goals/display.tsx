// How goal figures are shown: values in the metric's unit, ratios as percentages, the state tag, the standing bar
// (completion against time elapsed) and the definition popover every figure carries (the server's definitions).
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Bilingual, Definition, Goal, GoalState, MetricUnit, Ratio, Standing } from '../../../api/goals';
import { useLang, useT } from '../../../i18n/useT';
import { DefinitionIcon } from '../../../shared/DefinitionIcon';

/** A value in the metric's unit: whole people, yuan with cents, a rate as a percentage, typed-in values as given. */
export function formatValue(unit: MetricUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'yuan') return `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

export function formatRatio(ratio: Ratio | null | undefined): string {
  if (!ratio || ratio.value === null) return '—';
  return `${(ratio.value * 100).toFixed(1)}%`;
}

export function scopeLabel(goal: Goal, t: ReturnType<typeof useT>): string {
  const kind = t(`ops.goals.scope.${goal.scope.kind}`);
  return goal.scope.name ? `${kind} · ${goal.scope.name}` : kind;
}

const STATE_COLORS: Record<GoalState, string> = { upcoming: 'blue', running: 'green', ended: 'default', archived: 'default' };

export function StateTag({ state }: { state: GoalState }) {
  const t = useT();
  return <Tag color={STATE_COLORS[state]} data-testid="goal-state">{t(`ops.goals.state.${state}`)}</Tag>;
}

/** Completion as the bar, time elapsed as a marker on it: a bar short of its marker is behind time. */
export function StandingBar({ standing, label, testId }: { standing: Standing; label?: ReactNode; testId?: string }) {
  const t = useT();
  const completion = Math.max(0, Math.min(100, (standing.completion.value ?? 0) * 100));
  const time = Math.max(0, Math.min(100, (standing.timeElapsed.value ?? 0) * 100));
  const behind = standing.gapPoints > 10;
  return (
    <div data-testid={testId} style={{ minWidth: 180 }}>
      {label && <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>}
      <Tooltip title={t('ops.goals.standingTip', {
        achieved: standing.achieved, target: standing.target, completion: formatRatio(standing.completion), time: formatRatio(standing.timeElapsed),
      })}>
        <div style={{ position: 'relative' }}>
          <Progress percent={completion} showInfo={false} size="small" status={behind ? 'exception' : completion >= 100 ? 'success' : 'normal'} />
          <span style={{ position: 'absolute', left: `${time}%`, top: 2, bottom: 6, width: 2, background: 'rgba(0,0,0,0.45)' }} aria-hidden />
        </div>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ops.goals.standingShort', { completion: formatRatio(standing.completion), time: formatRatio(standing.timeElapsed) })}
      </Typography.Text>
    </div>
  );
}

/** The definition of one figure (numerator, denominator, period) in the console's language, one hover away. */
function GoalDefinition({ definition, testId }: { definition: Bilingual<Definition> | undefined; testId?: string }) {
  const { lang } = useLang();
  return <DefinitionIcon definition={definition?.[lang]} testId={testId} />;
}

export function Defined({ label, definition, testId }: { label: ReactNode; definition: Bilingual<Definition> | undefined; testId?: string }) {
  return <Space size={4}>{label}<GoalDefinition definition={definition} testId={testId} /></Space>;
}
