// /ops/scheduler — what the scheduler does and did: each job with its schedule and last run, and the latest runs,
// so staff can see that the daily SOP tasks, points and alerts were produced (or why not).
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { schedulerApi, type JobRun } from '../../../api/scheduler';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTimeSeconds } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';

const STATUS_COLOR: Record<JobRun['status'], string> = { running: 'processing', done: 'success', failed: 'error' };

export function SchedulerPage() {
  const t = useT();
  const load = useLoad(() => schedulerApi.runs(), []);
  const runs = load.data?.runs ?? [];
  const jobName = (name: string) => t.label('ops.scheduler.job', name);
  const lastRun = (name: string) => runs.find((r) => r.job === name);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ErrorAlert error={load.error} />
      <Card
        title={t('ops.scheduler.jobs')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void load.reload()} loading={load.loading}>{t('ops.scheduler.reload')}</Button>}
      >
        <Typography.Paragraph type="secondary">{t('ops.scheduler.help')}</Typography.Paragraph>
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          loading={load.loading}
          dataSource={load.data?.jobs ?? []}
          data-testid="scheduler-jobs"
          columns={[
            { title: t('ops.scheduler.job'), dataIndex: 'name', render: (name: string) => <Space direction="vertical" size={0}><span>{jobName(name)}</span><Typography.Text type="secondary" code>{name}</Typography.Text></Space> },
            { title: t('ops.scheduler.schedule'), dataIndex: 'schedule', render: (s: string) => scheduleText(t, s) },
            {
              title: t('ops.scheduler.lastRun'),
              key: 'last',
              render: (_: unknown, job: { name: string }) => {
                const run = lastRun(job.name);
                return run ? <Space><Tag color={STATUS_COLOR[run.status]}>{t(`ops.scheduler.status.${run.status}` as MessageKey)}</Tag>{formatTimeSeconds(run.startedAt)}</Space> : t('ops.scheduler.never');
              },
            },
          ]}
        />
      </Card>
      <Card title={t('ops.scheduler.runs')}>
        <Table
          rowKey={(r) => `${r.job}|${r.period}`}
          size="small"
          loading={load.loading}
          dataSource={runs}
          data-testid="scheduler-runs"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('ops.scheduler.job'), dataIndex: 'job', render: jobName },
            { title: t('ops.scheduler.period'), dataIndex: 'period' },
            { title: t('ops.scheduler.status'), dataIndex: 'status', render: (s: JobRun['status']) => <Tag color={STATUS_COLOR[s]}>{t(`ops.scheduler.status.${s}` as MessageKey)}</Tag> },
            { title: t('ops.scheduler.startedAt'), dataIndex: 'startedAt', render: formatTimeSeconds },
            { title: t('ops.scheduler.finishedAt'), dataIndex: 'finishedAt', render: formatTimeSeconds },
            { title: t('ops.scheduler.detail'), dataIndex: 'detail', render: (d: string | null) => d ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** 'daily 00:05' / 'every 15 min' (the server's wording) in the reader's language. */
function scheduleText(t: ReturnType<typeof useT>, schedule: string): string {
  const daily = /^daily (\d\d:\d\d)$/.exec(schedule);
  if (daily) return t('ops.scheduler.daily', { time: daily[1]! });
  const every = /^every (\d+) min$/.exec(schedule);
  if (every) return t('ops.scheduler.every', { minutes: every[1]! });
  return schedule;
}
