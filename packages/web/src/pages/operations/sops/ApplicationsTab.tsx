// Where templates are applied: a campaign (all its groups) or one group, since when, the assistant, how their tasks
// stand; managers stop an application (its upcoming todo tasks go, the rest stays).
import { useState } from 'react';
import { Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { sopsApi, type Application } from '../../../api/sops';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';

export function ApplicationsTab({ version, onChanged }: { version: number; onChanged: () => void }) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const [active, setActive] = useState(true);
  const list = useLoad(() => sopsApi.applications({ active }), [active, version]);

  const stop = async (app: Application) => {
    try {
      await sopsApi.stop(app.id);
      notify.success(t('ops.sops.applications.stopped'));
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <Segmented<'active' | 'stopped'>
        style={{ marginBottom: 16 }}
        value={active ? 'active' : 'stopped'}
        onChange={(v) => setActive(v === 'active')}
        options={[{ value: 'active', label: t('ops.sops.applications.running') }, { value: 'stopped', label: t('ops.sops.applications.stoppedList') }]}
      />
      <ErrorAlert error={list.error} />
      <Table<Application>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('ops.sops.applications.empty') }}
        data-testid="sop-applications-table"
        columns={[
          { title: t('ops.sops.field.template'), render: (_, a) => a.template.name },
          {
            title: t('ops.sops.applications.target'),
            render: (_, a) => (a.campaign
              ? <Space><Tag color="geekblue">{t('ops.sops.applications.campaign')}</Tag>{`${a.campaign.key} ${a.campaign.name}`}</Space>
              : <Space><Tag>{t('ops.sops.applications.group')}</Tag>{a.group?.name}</Space>),
          },
          { title: t('ops.sops.field.assistant'), render: (_, a) => a.assistant?.displayName ?? '—' },
          { title: t('ops.sops.field.startsOn'), dataIndex: 'startsOn', width: 110 },
          {
            title: <MetricTitle title={t('ops.sops.applications.tasks')} definition={t('ops.sops.applications.tasksHelp')} />,
            render: (_, a) => (
              <Typography.Text data-testid="application-task-counts">
                {t('ops.sops.applications.counts', { total: a.tasks.total, todo: a.tasks.todo, done: a.tasks.done, late: a.tasks.late, missed: a.tasks.missed, skipped: a.tasks.skipped })}
              </Typography.Text>
            ),
          },
          { title: t('ops.sops.applications.createdAt'), width: 150, render: (_, a) => formatTime(a.stoppedAt ?? a.createdAt) },
          ...(can('sops.manage') && active ? [{
            title: '', width: 90,
            render: (_: unknown, a: Application) => (
              <Popconfirm title={t('ops.sops.applications.stopConfirm')} onConfirm={() => stop(a)}>
                <Button size="small" type="link" danger>{t('ops.sops.applications.stop')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </>
  );
}
