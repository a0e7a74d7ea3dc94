// 社群: every chat group with its size, status and QR expiry; filters, create/edit, and the reminders of what to
// do next (upload a fresh QR, open a new group).
import { useState } from 'react';
import { Badge, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { BellOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { GROUP_STATUSES, groupsApi, type Group, type GroupFilter, type GroupStatus } from '../../api/groups';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { MetricTitle } from '../../shared/MetricTitle';
import { useCursorList } from '../../shared/useCursorList';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { QrBadge, SizeBar, StatusTag } from './display';
import { GroupFormModal } from './GroupFormModal';
import { RemindersDrawer } from './RemindersDrawer';

export function GroupsPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useSession();
  const [filter, setFilter] = useState<GroupFilter>({});
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [showReminders, setShowReminders] = useState(false);
  const list = useCursorList((cursor) => groupsApi.list(filter, cursor), [JSON.stringify(filter)]);
  const reminders = useLoad(() => groupsApi.reminders(), []);
  const links = useLoad(() => groupsApi.linkOptions(), []);
  const count = reminders.data?.items.length ?? 0;

  return (
    <Card
      title={t('nav.groups')}
      extra={
        <Space>
          <Badge count={count} size="small">
            <Button icon={<BellOutlined />} onClick={() => setShowReminders(true)} data-testid="reminders-button">
              {t('groups.reminders')}
            </Button>
          </Badge>
          {can('groups.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-group">
              {t('groups.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('groups.searchPlaceholder')}
          style={{ width: 240 }}
          onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined })}
        />
        <Select<GroupStatus | undefined>
          allowClear
          placeholder={t('groups.allStatuses')}
          style={{ width: 140 }}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          options={GROUP_STATUSES.map((s) => ({ value: s, label: t(`groups.status.${s}`) }))}
        />
        <Select<number | undefined>
          allowClear
          placeholder={t('groups.allSeries')}
          style={{ width: 180 }}
          value={filter.seriesId}
          onChange={(seriesId) => setFilter({ ...filter, seriesId })}
          options={(links.data?.series ?? []).map((s) => ({ value: s.id, label: `${s.key} ${s.name}` }))}
        />
        <Select<number | undefined>
          allowClear
          placeholder={t('groups.allCampaigns')}
          style={{ width: 180 }}
          value={filter.campaignId}
          onChange={(campaignId) => setFilter({ ...filter, campaignId })}
          options={(links.data?.campaigns ?? []).map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))}
        />
      </Space>
      <ErrorAlert error={list.error ?? reminders.error} />
      <Table<Group>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(g) => ({ onDoubleClick: () => navigate(`/groups/${g.id}`) })}
        columns={[
          { title: t('groups.field.name'), dataIndex: 'name', render: (name: string, g) => <Link to={`/groups/${g.id}`}>{name}</Link> },
          { title: t('groups.field.platform'), dataIndex: 'platform', width: 100, render: (p: Group['platform']) => t(`groups.platform.${p}`) },
          {
            title: t('groups.field.campaignSeries'),
            render: (_, g) => [g.campaign?.key, g.series ? `${g.series.key} ${g.series.name}` : null].filter(Boolean).join(' · ') || '—',
          },
          { title: t('groups.field.owner'), dataIndex: 'owner', render: (o: Group['owner']) => o?.displayName ?? '—' },
          {
            title: <MetricTitle title={t('groups.field.members')} definition={t('groups.field.membersHelp')} />,
            width: 170,
            render: (_, g) => <SizeBar count={g.memberCount} capacity={g.capacity} />,
          },
          { title: t('groups.field.status'), dataIndex: 'status', width: 90, render: (s: GroupStatus) => <StatusTag status={s} t={t} /> },
          {
            title: <MetricTitle title={t('groups.field.qr')} definition={t('groups.field.qrHelp')} />,
            width: 200,
            render: (_, g) => <QrBadge status={g.qrStatus} expiresAt={g.qrExpiresAt} t={t} />,
          },
          ...(can('groups.manage') ? [{
            title: '', width: 70,
            render: (_: unknown, g: Group) => <Button size="small" type="link" onClick={() => setEditing(g)}>{t('common.edit')}</Button>,
          }] : []),
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        {list.hasMore && <Button onClick={list.loadMore} loading={list.loading}>{t('common.loadMore')}</Button>}
        <Typography.Text type="secondary">{t('common.loadedCount', { count: list.items.length })}</Typography.Text>
      </Space>
      <GroupFormModal
        open={editing !== null}
        group={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(g) => {
          if (editing === 'new') notify.success(t('groups.created', { name: g.name }));
          else notify.saved();
          setEditing(null);
          void list.reload();
          void reminders.reload();
        }}
      />
      <RemindersDrawer
        open={showReminders}
        reminders={reminders.data?.items ?? []}
        onClose={() => setShowReminders(false)}
        onNewGroup={() => { setShowReminders(false); setEditing('new'); }}
        canManage={can('groups.manage')}
      />
    </Card>
  );
}
