// The task board: tasks of a day (or a period) by window start, filtered by group, staff and status, with what each
// person may do on them — complete, undo, skip (leads, managers), reassign (managers).
import { useEffect, useState } from 'react';
import { Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { groupsApi, type Group } from '../../../api/groups';
import { TASK_STATUSES, sopsApi, type Task, type TaskStatus } from '../../../api/sops';
import { staffApi } from '../../../api/staff';
import type { Staff } from '../../../api/types';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { CompleteModal } from '../today/CompleteModal';
import { StatusTag, windowText } from './display';
import { ReassignModal, SkipModal } from './TaskModals';

export function BoardTab({ version }: { version: number }) {
  const t = useT();
  const notify = useNotify();
  const { session } = useSession();
  // Null: the server's today (workspace time zone).
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [groupId, setGroupId] = useState<number | undefined>();
  const [staffId, setStaffId] = useState<number | undefined>();
  const [status, setStatus] = useState<TaskStatus | undefined>();
  const [groups, setGroups] = useState<Group[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [skipping, setSkipping] = useState<Task | null>(null);
  const [reassigning, setReassigning] = useState<Task | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState<Task[]>([]);
  const from = range?.[0].format('YYYY-MM-DD');
  const to = range?.[1].format('YYYY-MM-DD');
  const board = useLoad(() => sopsApi.board({ from, to, groupId, staffId, status }, null), [from, to, groupId, staffId, status, version]);
  const zone = session.workspace.timezone;

  useEffect(() => {
    groupsApi.list({}, null).then((r) => setGroups(r.items), () => setGroups([]));
    staffApi.list().then((r) => setStaff(r.items), () => setStaff([]));
  }, []);
  useEffect(() => {
    setMore([]);
    setCursor(board.data?.nextCursor ?? null);
  }, [board.data]);

  const loadMore = async () => {
    const page = await sopsApi.board({ from, to, groupId, staffId, status }, cursor);
    setMore((m) => [...m, ...page.items]);
    setCursor(page.nextCursor);
  };
  const changed = (task: Task) => {
    setCompleting(null);
    setSkipping(null);
    setReassigning(null);
    notify.saved();
    board.setData((d) => d && { ...d, items: d.items.map((x) => (x.id === task.id ? task : x)) });
    setMore((m) => m.map((x) => (x.id === task.id ? task : x)));
  };
  const undo = async (task: Task) => {
    try {
      changed(await sopsApi.undo(task.id));
    } catch (e) {
      notify.error(e);
    }
  };
  const shown: [Dayjs, Dayjs] | null = range ?? (board.data ? [dayjs(board.data.from), dayjs(board.data.to)] : null);

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <DatePicker.RangePicker value={shown} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="board-range" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('ops.sops.field.group')} style={{ width: 200 }} value={groupId} onChange={setGroupId}
          options={groups.map((g) => ({ value: g.id, label: g.name }))} data-testid="board-group" />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('ops.sops.field.assignee')} style={{ width: 180 }} value={staffId} onChange={setStaffId}
          options={staff.map((s) => ({ value: s.id, label: s.displayName }))} data-testid="board-staff" />
        <Select allowClear placeholder={t('ops.sops.field.status')} style={{ width: 130 }} value={status} onChange={setStatus}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`ops.sops.status.${s}`) }))} data-testid="board-status" />
      </Space>
      <ErrorAlert error={board.error} />
      <Table<Task>
        rowKey="id"
        size="small"
        loading={board.loading}
        dataSource={[...(board.data?.items ?? []), ...more]}
        pagination={false}
        locale={{ emptyText: t('ops.sops.board.empty') }}
        data-testid="sop-board-table"
        onRow={(task) => ({ 'data-testid': 'board-row', 'data-task-id': task.id } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('ops.sops.field.window'), width: 200, render: (_, task) => windowText(task, zone) },
          { title: t('ops.sops.field.group'), width: 140, render: (_, task) => task.group.name },
          { title: t('ops.sops.field.title'), render: (_, task) => task.step.title },
          { title: t('ops.sops.field.assignee'), width: 140, render: (_, task) => task.assignee?.displayName ?? t('ops.sops.unassigned') },
          { title: t('ops.sops.field.status'), width: 140, render: (_, task) => <StatusTag task={task} t={t} /> },
          {
            title: t('ops.sops.field.doneAt'), width: 170,
            render: (_, task) => (task.doneAt ? `${formatTime(task.doneAt)} · ${task.doneBy?.displayName ?? ''}` : task.skipReason ?? '—'),
          },
          {
            title: '', width: 230,
            render: (_, task) => (
              <Space size={0} wrap>
                {task.may.complete && <Button size="small" type="link" onClick={() => setCompleting(task)}>{t('ops.sops.complete.action')}</Button>}
                {task.may.undo && <Button size="small" type="link" onClick={() => void undo(task)}>{t('ops.sops.undo')}</Button>}
                {task.may.skip && <Button size="small" type="link" onClick={() => setSkipping(task)}>{t('ops.sops.skip.action')}</Button>}
                {task.may.reassign && <Button size="small" type="link" onClick={() => setReassigning(task)}>{t('ops.sops.reassign.action')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {cursor && <Button style={{ marginTop: 12 }} onClick={() => void loadMore()}>{t('common.loadMore')}</Button>}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('ops.sops.board.note')}</Typography.Paragraph>
      <CompleteModal task={completing} onClose={() => setCompleting(null)} onDone={changed} />
      <SkipModal task={skipping} onClose={() => setSkipping(null)} onDone={changed} />
      <ReassignModal task={reassigning} onClose={() => setReassigning(null)} onDone={changed} />
    </>
  );
}
