// Create a staff account (with its first password) or edit one (role, team, disabled, optional password reset).
import { Form, Input, Select, Switch } from 'antd';
import { staffApi, type StaffChange } from '../../api/staff';
import type { Role, Staff, Team } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  teamId?: number | null;
  disabled?: boolean;
}

interface Props {
  open: boolean;
  staff: Staff | null;
  roles: Role[];
  teams: Team[];
  onClose: () => void;
  onSaved: () => void;
}

export function StaffFormModal({ open, staff, roles, teams, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    if (staff) {
      const change: StaffChange = {
        displayName: values.displayName.trim(),
        role: values.role,
        teamId: values.teamId ?? null,
        disabled: values.disabled ?? false,
      };
      if (values.password) change.password = values.password;
      await staffApi.update(staff.id, change);
    } else {
      await staffApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password ?? '',
        role: values.role,
        ...(values.teamId ? { teamId: values.teamId } : {}),
      });
    }
    onSaved();
  };

  return (
    <FormModal<Values>
      open={open}
      title={staff ? t('staff.edit') : t('staff.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={staff
        ? { username: staff.username, displayName: staff.displayName, role: staff.role, teamId: staff.teamId, disabled: staff.disabled }
        : { role: roles.includes('operator') ? 'operator' : roles[0] }}
    >
      <Form.Item name="username" label={t('staff.username')} rules={[{ required: true, whitespace: true, message: t('staff.usernameRequired') }]}>
        <Input disabled={staff !== null} maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('staff.displayName')} rules={[{ required: true, whitespace: true, message: t('staff.displayNameRequired') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="password"
        label={staff ? t('staff.resetPassword') : t('staff.password')}
        extra={staff ? t('staff.resetPasswordHelp') : undefined}
        rules={staff ? [] : [{ required: true, message: t('staff.passwordRequired') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item name="role" label={t('staff.role')} rules={[{ required: true }]}>
        <Select options={roles.map((role) => ({ value: role, label: t.label('role', role) }))} />
      </Form.Item>
      <Form.Item name="teamId" label={t('staff.team')}>
        <Select allowClear placeholder={t('staff.noTeam')} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
      </Form.Item>
      {staff && (
        <Form.Item name="disabled" label={t('staff.disabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
