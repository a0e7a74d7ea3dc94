// Small pieces shared by the SOP pages and the today list: how a trigger reads, a task's status, a ratio.
import { Tag, Typography } from 'antd';
import type { Ratio, StepDraft, Task, TaskStatus } from '../../../api/sops';
import type { Translate } from '../../../i18n/useT';

const STATUS_COLOR: Record<TaskStatus, string> = { todo: 'blue', done: 'green', late: 'orange', missed: 'red', skipped: 'default' };

/** "D-1", "D1–D21", "每周一、三", "2026-03-01", "建群第2天". */
export function triggerLabel(t: Translate, step: Pick<StepDraft, 'triggerKind' | 'triggerValue'>): string {
  const v = step.triggerValue;
  switch (step.triggerKind) {
    case 'campaign_day': {
      const range = /^(-?\d+)\.\.(-?\d+)$/.exec(v);
      return t('ops.sops.trigger.campaignDay', { days: range ? `D${range[1]}–D${range[2]}` : `D${v}` });
    }
    case 'weekday':
      return t('ops.sops.trigger.weekday', { days: v.split(',').map((d) => t.label('ops.sops.weekday', d)).join(t('ops.sops.listSeparator')) });
    case 'date':
      return t('ops.sops.trigger.date', { date: v });
    case 'group_age':
      return t('ops.sops.trigger.groupAge', { n: v });
    default:
      return v;
  }
}

export function StatusTag({ task, t }: { task: Pick<Task, 'status' | 'overdue'>; t: Translate }) {
  return (
    <span data-testid="task-status" data-status={task.status}>
      <Tag color={STATUS_COLOR[task.status]}>{t(`ops.sops.status.${task.status}`)}</Tag>
      {task.overdue && task.status === 'todo' && <Tag color="red" data-testid="task-overdue">{t('ops.sops.overdue')}</Tag>}
    </span>
  );
}

/** "75% (3/4)", or "— (0/0)" when the denominator is 0. */
export function ratioText(r: Ratio): string {
  const pct = r.value === null ? '—' : `${Math.round(r.value * 1000) / 10}%`;
  return `${pct} (${r.numerator}/${r.denominator})`;
}

export function RatioCell({ ratio, testId }: { ratio: Ratio; testId: string }) {
  return <Typography.Text data-testid={testId} type={ratio.value === null ? 'secondary' : undefined}>{ratioText(ratio)}</Typography.Text>;
}

/** The window as the step wrote it ("08:30–09:00"), with the zone when it is not the workspace's. */
export function windowText(task: Pick<Task, 'window' | 'dueDate'>, workspaceZone: string): string {
  const zone = task.window.timezone === workspaceZone ? '' : ` (${task.window.timezone})`;
  return `${task.dueDate} ${task.window.start}–${task.window.end}${zone}`;
}
