// Teams (小组): name, lead, how many staff belong to it.
import { MetricTitle } from '../../shared/MetricTitle';
import { App, Button, Space, Table } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Staff, Team } from '../../api/types';
import { useT } from '../../i18n/useT';

interface Props {
  teams: Team[];
  staff: Staff[];
  loading: boolean;
  onEdit: ((team: Team) => void) | null;
  onDelete: ((team: Team) => Promise<void>) | null;
}

export function TeamsTable({ teams, staff, loading, onEdit, onDelete }: Props) {
  const t = useT();
  const { modal } = App.useApp();
  const staffName = (id: number | null) => staff.find((s) => s.id === id)?.displayName ?? '—';

  return (
    <Table<Team>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={teams}
      pagination={false}
      data-testid="teams-table"
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('teams.lead'), dataIndex: 'leadStaffId', render: staffName },
        { title: <MetricTitle title={t('teams.memberCount')} definition={t('teams.memberCountHelp')} />, dataIndex: 'memberCount' },
        ...(onEdit && onDelete
          ? [
              {
                title: '',
                key: 'actions',
                width: 150,
                render: (_: unknown, team: Team) => (
                  <Space size="small">
                    <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(team)}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() =>
                        modal.confirm({
                          title: t('teams.deleteConfirm', { name: team.name }),
                          okText: t('common.delete'),
                          okButtonProps: { danger: true },
                          cancelText: t('common.cancel'),
                          onOk: () => onDelete(team),
                        })
                      }
                    />
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
