// 渠道与活码: every channel as a two-level tree (first-level channels with their second-level children), with its
// short link, owner, cost, the state of its live-code pool and its all-time visits; create and edit.
import { useMemo, useState } from 'react';
import { Button, Card, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { channelsApi, type Channel } from '../../api/channels';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { ChannelFormModal } from './ChannelFormModal';
import { ArchivedTag, PoolSummary, ShortLink, formatYuan } from './display';

type Row = Channel & { children?: Row[] };

/** The server lists parents before their children; a child whose parent is not in the list stays at the top. */
function toTree(channels: Channel[]): Row[] {
  const byId = new Map<number, Row>();
  const roots: Row[] = [];
  for (const c of channels) {
    const row: Row = { ...c };
    byId.set(c.id, row);
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

export function ChannelsPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useSession();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [collapsed, setCollapsed] = useState<number[]>([]);
  const list = useLoad(() => channelsApi.list(archived), [archived]);
  // Parents offered in the form are the active first-level channels, whichever list is shown.
  const active = useLoad(() => channelsApi.list(false), []);
  const tree = useMemo(() => toTree(list.data?.items ?? []), [list.data]);
  const expanded = tree.filter((r) => r.children && !collapsed.includes(r.id)).map((r) => r.id);
  const canManage = can('channels.manage');

  return (
    <Card
      title={t('nav.channels')}
      extra={canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-channel">
          {t('channels.create')}
        </Button>
      )}
    >
      <Segmented<'active' | 'archived'>
        style={{ marginBottom: 16 }}
        value={archived ? 'archived' : 'active'}
        onChange={(v) => setArchived(v === 'archived')}
        options={[
          { value: 'active', label: t('channels.state.active') },
          { value: 'archived', label: t('channels.state.archived') },
        ]}
        data-testid="channels-archived-filter"
      />
      <ErrorAlert error={list.error} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={tree}
        pagination={false}
        locale={{ emptyText: t('channels.empty') }}
        data-testid="channels-table"
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, row) => setCollapsed((c) => (open ? c.filter((id) => id !== row.id) : [...c, row.id])),
        }}
        onRow={(c) => ({ onDoubleClick: () => navigate(`/channels/${c.id}`) })}
        columns={[
          { title: t('channels.field.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/channels/${c.id}`}>{name}</Link> },
          {
            title: t('channels.field.level'), dataIndex: 'level', width: 90,
            render: (level: Channel['level']) => <Tag color={level === 1 ? 'geekblue' : 'default'}>{t(`channels.level.${level}`)}</Tag>,
          },
          { title: t('channels.field.shortLink'), width: 200, render: (_, c) => <ShortLink channel={c} t={t} /> },
          { title: t('channels.field.owner'), dataIndex: 'owner', render: (o: Channel['owner']) => o?.displayName ?? '—' },
          { title: t('channels.field.cost'), dataIndex: 'costCents', align: 'right', width: 110, render: (cents: number) => formatYuan(cents) },
          {
            title: <MetricTitle title={t('channels.field.pool')} definition={t('channels.field.poolHelp')} />,
            width: 190,
            render: (_, c) => <PoolSummary pool={c.pool} t={t} />,
          },
          {
            title: <MetricTitle title={t('channels.field.visits')} definition={t('channels.field.visitsHelp')} />,
            align: 'right',
            width: 150,
            render: (_, c) => `${c.stats.visits} / ${c.stats.uniqueVisitors}`,
          },
          { title: t('channels.field.state'), width: 90, render: (_, c) => <ArchivedTag channel={c} t={t} /> },
          ...(canManage ? [{
            title: '', width: 70,
            render: (_: unknown, c: Row) => <Button size="small" type="link" onClick={() => setEditing(c)}>{t('common.edit')}</Button>,
          }] : []),
        ]}
      />
      <ChannelFormModal
        open={editing !== null}
        channel={editing === 'new' ? null : editing}
        parents={active.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={(c) => {
          if (editing === 'new') notify.success(t('channels.created', { name: c.name }));
          else notify.saved();
          setEditing(null);
          void list.reload();
          void active.reload();
        }}
      />
    </Card>
  );
}
