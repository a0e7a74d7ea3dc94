// Create or rename a team (小组) and choose its lead.
import { Form, Input, Select } from 'antd';
import { teamsApi } from '../../api/staff';
import type { Staff, Team } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Values {
  name: string;
  leadStaffId?: number | null;
}

interface Props {
  open: boolean;
  team: Team | null;
  staff: Staff[];
  onClose: () => void;
  onSaved: () => void;
}

export function TeamFormModal({ open, team, staff, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    if (team) await teamsApi.update(team.id, { name: values.name.trim(), leadStaffId: values.leadStaffId ?? null });
    else await teamsApi.create(values.name.trim(), values.leadStaffId);
    onSaved();
  };

  return (
    <FormModal<Values>
      open={open}
      title={team ? t('teams.edit') : t('teams.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ name: team?.name ?? '', leadStaffId: team?.leadStaffId ?? null }}
    >
      <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={60} autoFocus />
      </Form.Item>
      <Form.Item name="leadStaffId" label={t('teams.lead')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('teams.noLead')}
          options={staff.filter((s) => !s.disabled).map((s) => ({ value: s.id, label: `${s.displayName} (${s.username})` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
