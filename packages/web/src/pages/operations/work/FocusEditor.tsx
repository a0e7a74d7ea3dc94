// The teams' key focus of the selected week, for the team leads (their teams) and admins (every team): set,
// change or clear it. One focus per team and week.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import type { Team } from '../../../api/types';
import { weeklyFocusApi, type WeeklyFocus } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';
import { useNotify } from '../../../shared/useNotify';

interface Props {
  teams: Team[];
  week: { start: string; end: string };
  focus: WeeklyFocus[];
  onChanged: () => void;
}

interface Values {
  title: string;
  description: string;
}

export function FocusEditor({ teams, week, focus, onChanged }: Props) {
  const t = useT();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Team | null>(null);
  const focusOf = (team: Team) => focus.find((f) => f.teamId === team.id) ?? null;

  const save = async (values: Values) => {
    if (!editing) return;
    await weeklyFocusApi.set(editing.id, week.start, { title: values.title.trim(), description: (values.description ?? '').trim() });
    setEditing(null);
    notify.saved();
    onChanged();
  };

  const clear = (team: Team) => modal.confirm({
    title: t('ops.work.focus.clearConfirm', { team: team.name }),
    okText: t('ops.work.focus.clear'),
    okButtonProps: { danger: true },
    cancelText: t('common.cancel'),
    onOk: async () => {
      try {
        await weeklyFocusApi.clear(team.id, week.start);
        onChanged();
      } catch (e) {
        notify.error(e);
      }
    },
  });

  const current = editing ? focusOf(editing) : null;
  return (
    <Card title={<Space><AimOutlined />{t('ops.work.focus.editor', week)}</Space>} data-testid="focus-editor">
      <Typography.Paragraph type="secondary">{t('ops.work.focus.editorHelp')}</Typography.Paragraph>
      <Table<Team>
        rowKey="id"
        size="small"
        pagination={false}
        showHeader={false}
        dataSource={teams}
        columns={[
          { key: 'team', width: 160, render: (_, team) => <Typography.Text strong>{team.name}</Typography.Text> },
          {
            key: 'focus',
            render: (_, team) => {
              const f = focusOf(team);
              if (!f) return <Typography.Text type="secondary">{t('ops.work.focus.none')}</Typography.Text>;
              return (
                <Space orientation="vertical" size={0}>
                  <Typography.Text data-testid={`focus-title-${team.id}`}>{f.title}</Typography.Text>
                  {f.description && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.description}</Typography.Text>}
                  {f.setBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ops.work.focus.setBy', { name: f.setBy.displayName })}</Typography.Text>}
                </Space>
              );
            },
          },
          {
            key: 'actions',
            width: 170,
            render: (_, team) => (
              <Space size="small">
                <Button size="small" type={focusOf(team) ? 'default' : 'primary'} onClick={() => setEditing(team)} data-testid={`focus-set-${team.id}`}>
                  {focusOf(team) ? t('ops.work.focus.edit') : t('ops.work.focus.set')}
                </Button>
                {focusOf(team) && (
                  <Button size="small" danger onClick={() => clear(team)} data-testid={`focus-clear-${team.id}`}>{t('ops.work.focus.clear')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={editing !== null}
        title={editing ? t('ops.work.focus.modalTitle', { team: editing.name, start: week.start }) : ''}
        form={form}
        onSubmit={save}
        onClose={() => setEditing(null)}
        initialValues={{ title: current?.title ?? '', description: current?.description ?? '' }}
      >
        <Form.Item name="title" label={t('ops.work.focus.title')} rules={[{ required: true, whitespace: true, message: t('ops.work.focus.titleRequired') }]}>
          <Input maxLength={120} placeholder={t('ops.work.focus.titlePlaceholder')} autoFocus data-testid="focus-title-input" />
        </Form.Item>
        <Form.Item name="description" label={t('ops.work.focus.description')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="focus-description-input" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
