// 员工与小组: staff accounts, teams, and the role × permission matrix.
import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { loadMeta } from '../../api/meta';
import { staffApi, teamsApi } from '../../api/staff';
import type { Staff, Team } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { PermissionMatrix } from './PermissionMatrix';
import { StaffFormModal } from './StaffFormModal';
import { StaffTable } from './StaffTable';
import { TeamFormModal } from './TeamFormModal';
import { TeamsTable } from './TeamsTable';

export function StaffPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const manage = can('staff.manage');
  const staff = useLoad(() => staffApi.list().then((r) => r.items), []);
  const teams = useLoad(() => teamsApi.list().then((r) => r.items), []);
  const meta = useLoad(loadMeta, []);
  const [staffEdit, setStaffEdit] = useState<{ staff: Staff | null } | null>(null);
  const [teamEdit, setTeamEdit] = useState<{ team: Team | null } | null>(null);

  const refresh = () => Promise.all([staff.reload(), teams.reload()]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('staff.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStaffEdit({ staff: null })} data-testid="create-staff">
              {t('staff.create')}
            </Button>
          )
        }
      >
        <ErrorAlert error={staff.error} />
        <StaffTable staff={staff.data ?? []} teams={teams.data ?? []} loading={staff.loading} onEdit={manage ? (s) => setStaffEdit({ staff: s }) : null} />
      </Card>
      <Card
        title={t('teams.title')}
        extra={
          manage && (
            <Button icon={<PlusOutlined />} onClick={() => setTeamEdit({ team: null })} data-testid="create-team">
              {t('teams.create')}
            </Button>
          )
        }
      >
        <ErrorAlert error={teams.error} />
        <TeamsTable
          teams={teams.data ?? []}
          staff={staff.data ?? []}
          loading={teams.loading}
          onEdit={manage ? (team) => setTeamEdit({ team }) : null}
          onDelete={
            manage
              ? async (team) => {
                  try {
                    await teamsApi.delete(team.id);
                    notify.success(t('common.deleted'));
                    await refresh();
                  } catch (e) {
                    notify.error(e);
                  }
                }
              : null
          }
        />
      </Card>
      <Card title={t('staff.matrixTitle')}>
        <Typography.Paragraph type="secondary">{t('staff.matrixHelp')}</Typography.Paragraph>
        <ErrorAlert error={meta.error} />
        {meta.data && <PermissionMatrix meta={meta.data} />}
      </Card>
      <StaffFormModal
        open={staffEdit !== null}
        staff={staffEdit?.staff ?? null}
        roles={meta.data?.roles.length ? meta.data.roles : ['owner', 'admin', 'operator', 'sales', 'viewer']}
        teams={teams.data ?? []}
        onClose={() => setStaffEdit(null)}
        onSaved={() => {
          setStaffEdit(null);
          notify.saved();
          void refresh();
        }}
      />
      <TeamFormModal
        open={teamEdit !== null}
        team={teamEdit?.team ?? null}
        staff={staff.data ?? []}
        onClose={() => setTeamEdit(null)}
        onSaved={() => {
          setTeamEdit(null);
          notify.saved();
          void refresh();
        }}
      />
    </Space>
  );
}
