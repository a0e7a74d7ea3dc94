// One task on the today list: when (the window, overdue marked), where (the group), what (the step, its content with
// the group's values filled and a copy button, attachments), how it stands (status, proof) and the buttons to act.
import { Button, Card, Image, Space, Tag, Typography } from 'antd';
import { CheckOutlined, PaperClipOutlined, UndoOutlined } from '@ant-design/icons';
import { sopsApi, type Task } from '../../../api/sops';
import type { Translate } from '../../../i18n/useT';
import { formatTime } from '../../../shared/time';
import { StatusTag, windowText } from '../sops/display';

interface Props {
  task: Task;
  t: Translate;
  workspaceZone: string;
  onComplete: (task: Task) => void;
  onUndo: (task: Task) => void;
}

export function TaskCard({ task, t, workspaceZone, onComplete, onUndo }: Props) {
  const overdue = task.overdue && (task.status === 'todo' || task.status === 'missed');
  return (
    <Card
      size="small"
      data-testid="today-task"
      data-task-id={task.id}
      style={{ marginBottom: 12, borderColor: overdue ? '#ff7875' : undefined }}
      title={(
        <Space wrap>
          <Typography.Text strong data-testid="task-window">{windowText(task, workspaceZone)}</Typography.Text>
          <Typography.Text>{task.step.title}</Typography.Text>
          <Tag>{t(`ops.sops.action.${task.step.action}`)}</Tag>
        </Space>
      )}
      extra={<StatusTag task={task} t={t} />}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap size={[12, 4]}>
          <Typography.Text type="secondary">{t('ops.sops.field.group')}: <span data-testid="task-group">{task.group.name}</span></Typography.Text>
          {task.campaign && (
            <Typography.Text type="secondary">
              {t('ops.sops.field.campaign')}: {task.campaign.key}{task.campaignDay !== null ? ` · ${t('ops.sops.today.campaignDay', { day: task.campaignDay })}` : ''}
            </Typography.Text>
          )}
          {task.groupCheckinRate && task.groupCheckinRate.denominator > 0 && (
            <Typography.Text type="secondary">
              {t('ops.sops.today.checkinRate', { date: task.groupCheckinRate.date, n: task.groupCheckinRate.numerator, d: task.groupCheckinRate.denominator })}
            </Typography.Text>
          )}
          {overdue && <Tag color="red" data-testid="task-overdue-since">{t('ops.sops.today.overdueSince', { at: formatTime(task.windowEndAt) })}</Tag>}
        </Space>
        {task.content && (
          <Typography.Paragraph
            data-testid="task-content"
            copyable={{ text: task.content, tooltips: [t('ops.sops.today.copy'), t('ops.sops.today.copied')] }}
            style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, borderRadius: 4, marginBottom: 0 }}
          >
            {task.content}
          </Typography.Paragraph>
        )}
        {task.unfilled.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ops.sops.today.unfilled', { vars: task.unfilled.map((v) => `{${v}}`).join(' ') })}
          </Typography.Text>
        )}
        {task.attachments.length > 0 && (
          <Space wrap>
            {task.attachments.map((a) => (
              <a key={`${a.name}-${a.url}`} href={a.url} target="_blank" rel="noreferrer noopener"><PaperClipOutlined /> {a.name}</a>
            ))}
          </Space>
        )}
        {(task.status === 'done' || task.status === 'late') && (
          <Space direction="vertical" size={2} data-testid="task-proof">
            <Typography.Text type="secondary">{t('ops.sops.today.doneAt', { at: formatTime(task.doneAt), by: task.doneBy?.displayName ?? '' })}</Typography.Text>
            {task.proof.text && <Typography.Text>{task.proof.text}</Typography.Text>}
            {task.proof.link && <a href={task.proof.link} target="_blank" rel="noreferrer noopener">{task.proof.link}</a>}
            {task.proof.screenshot && <Image src={sopsApi.screenshotUrl(task)} width={120} alt={t('ops.sops.complete.screenshot')} />}
          </Space>
        )}
        {task.status === 'skipped' && task.skipReason && <Typography.Text type="secondary">{t('ops.sops.today.skipped', { reason: task.skipReason })}</Typography.Text>}
        <Space>
          {task.may.complete && (
            <Button type="primary" icon={<CheckOutlined />} onClick={() => onComplete(task)} data-testid="task-complete">{t('ops.sops.complete.action')}</Button>
          )}
          {task.may.undo && <Button icon={<UndoOutlined />} onClick={() => onUndo(task)} data-testid="task-undo">{t('ops.sops.undo')}</Button>}
        </Space>
      </Space>
    </Card>
  );
}
