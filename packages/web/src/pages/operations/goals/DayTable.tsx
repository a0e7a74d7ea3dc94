// One line of a goal (the whole goal, a team, or what no team is credited with) day by day: the original and the
// re-planned target, the actual (typed in here for a manual goal), completion, cumulative figures and time elapsed.
import { useState } from 'react';
import { InputNumber, Table, Tag, Tooltip } from 'antd';
import { goalsApi, type Cell, type Line, type Progress, type ProgressField } from '../../../api/goals';
import { useT } from '../../../i18n/useT';
import { useNotify } from '../../../shared/useNotify';
import { Defined, formatRatio, formatValue } from './display';

function ActualInput({ progress, line, cell, onSaved }: { progress: Progress; line: Line; cell: Cell; onSaved: (p: Progress) => void }) {
  const notify = useNotify();
  const [value, setValue] = useState<number | null>(cell.actual);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (value === cell.actual || saving) return;
    setSaving(true);
    try {
      onSaved(await goalsApi.setActual(progress.goal.id, line.teamId, cell.day, value));
      notify.saved();
    } catch (error) {
      notify.error(error);
      setValue(cell.actual);
    } finally {
      setSaving(false);
    }
  };
  return (
    <InputNumber
      size="small"
      min={0}
      precision={progress.metric.whole ? 0 : 2}
      value={value}
      onChange={(v) => setValue(v ?? null)}
      onBlur={() => void save()}
      onPressEnter={() => void save()}
      disabled={saving}
      style={{ width: 96 }}
      data-testid={`actual-input-${cell.day}`}
    />
  );
}

export function DayTable({ progress, line, canEnter, onSaved }: { progress: Progress; line: Line; canEnter: boolean; onSaved: (p: Progress) => void }) {
  const t = useT();
  const { unit } = progress.metric;
  const def = (field: ProgressField) => progress.definitions[field];
  const title = (key: Parameters<typeof t>[0], field: ProgressField) => <Defined label={t(key)} definition={def(field)} testId={`def-${field}`} />;
  const days = new Map(progress.days.map((d) => [d.day, d]));
  const begun = (day: string) => day <= progress.today;
  const ratioCell = (ratio: Cell['completion']) => (ratio
    ? <Tooltip title={`${ratio.numerator.toLocaleString()} / ${ratio.denominator.toLocaleString()}`}>{formatRatio(ratio)}</Tooltip>
    : '—');
  const unassigned = line.kind === 'unassigned';
  return (
    <Table<Cell>
      rowKey="day"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={line.cells}
      data-testid="goal-day-table"
      onRow={(c) => ({ 'data-day': c.day } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        {
          title: t('ops.goals.col.day'), dataIndex: 'day', fixed: 'left', width: 150,
          render: (day: string) => (
            <span>
              {day} {t(`ops.goals.weekday.${days.get(day)!.weekday}` as Parameters<typeof t>[0])}
              {day === progress.today && <Tag color="blue" style={{ marginLeft: 6 }}>{t('ops.goals.today')}</Tag>}
            </span>
          ),
        },
        ...(unassigned ? [] : [
          { title: title('ops.goals.col.planned', 'planned'), key: 'planned', align: 'right' as const, render: (_: unknown, c: Cell) => <span data-testid="cell-planned">{formatValue(unit, c.planned)}</span> },
          { title: title('ops.goals.col.replanned', 'replanned'), key: 'replanned', align: 'right' as const, render: (_: unknown, c: Cell) => <span data-testid="cell-replanned">{formatValue(unit, c.replanned)}</span> },
        ]),
        {
          title: <Defined label={t('ops.goals.col.actual')} definition={unassigned ? def('unassigned') : def('metric')} testId="def-actual" />,
          key: 'actual', align: 'right' as const,
          render: (_: unknown, c: Cell) => {
            if (canEnter && line.editable && begun(c.day)) return <ActualInput key={`${c.day}-${c.actual}`} progress={progress} line={line} cell={c} onSaved={onSaved} />;
            if (c.actualRatio) return <Tooltip title={`${c.actualRatio.numerator} / ${c.actualRatio.denominator}`}><span data-testid="cell-actual">{formatValue(unit, c.actual)}</span></Tooltip>;
            return <span data-testid="cell-actual">{formatValue(unit, c.actual)}</span>;
          },
        },
        ...(unassigned ? [] : [
          { title: title('ops.goals.col.completion', 'completion'), key: 'completion', align: 'right' as const, render: (_: unknown, c: Cell) => ratioCell(c.completion) },
        ]),
        { title: title('ops.goals.col.cumulative', 'cumulative'), key: 'cumulative', align: 'right' as const, render: (_: unknown, c: Cell) => formatValue(unit, c.cumulativeActual) },
        ...(unassigned ? [] : [
          { title: title('ops.goals.col.cumulativeCompletion', 'cumulativeCompletion'), key: 'cumulativeCompletion', align: 'right' as const, render: (_: unknown, c: Cell) => ratioCell(c.cumulativeCompletion) },
        ]),
        {
          title: title('ops.goals.col.timeElapsed', 'timeElapsed'), key: 'timeElapsed', align: 'right' as const,
          render: (_: unknown, c: Cell) => ratioCell(days.get(c.day)!.timeElapsed),
        },
      ]}
    />
  );
}
