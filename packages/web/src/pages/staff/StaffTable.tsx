// Staff accounts: who they are, their role and team, whether they can still sign in.
import { Badge, Button, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Staff, Team } from '../../api/types';
import { useT } from '../../i18n/useT';
import { formatTime } from '../../shared/time';

interface Props {
  staff: Staff[];
  teams: Team[];
  loading: boolean;
  onEdit: ((staff: Staff) => void) | null;
}

export function StaffTable({ staff, teams, loading, onEdit }: Props) {
  const t = useT();
  const teamName = (id: number | null) => teams.find((team) => team.id === id)?.name ?? '—';
  return (
    <Table<Staff>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={staff}
      pagination={false}
      data-testid="staff-table"
      columns={[
        { title: t('staff.username'), dataIndex: 'username' },
        { title: t('staff.displayName'), dataIndex: 'displayName' },
        { title: t('staff.role'), dataIndex: 'role', render: (role: string) => <Tag color="blue">{t.label('role', role)}</Tag> },
        { title: t('staff.team'), dataIndex: 'teamId', render: teamName },
        {
          title: t('staff.status'),
          dataIndex: 'disabled',
          render: (disabled: boolean) =>
            disabled ? <Badge status="default" text={t('staff.disabled')} /> : <Badge status="success" text={t('staff.enabled')} />,
        },
        { title: t('staff.lastLogin'), dataIndex: 'lastLoginAt', render: (at: string | null) => formatTime(at) },
        ...(onEdit
          ? [
              {
                title: '',
                key: 'edit',
                width: 90,
                render: (_: unknown, s: Staff) => (
                  <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(s)}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
