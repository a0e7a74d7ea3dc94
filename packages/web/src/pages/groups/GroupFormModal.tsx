// Create or edit a chat group: platform, name, owner, capacity, campaign/series, theme and (when editing) status.
import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { DEFAULT_CAPACITY, GROUP_STATUSES, MAX_CAPACITY, PLATFORMS, groupsApi, type Group, type GroupDraft, type LinkOption } from '../../api/groups';
import { staffApi } from '../../api/staff';
import type { Staff } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Props {
  open: boolean;
  group: Group | null;
  onClose: () => void;
  onSaved: (group: Group) => void;
}

export function GroupFormModal({ open, group, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<GroupDraft>();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [links, setLinks] = useState<{ series: LinkOption[]; campaigns: LinkOption[] }>({ series: [], campaigns: [] });

  useEffect(() => {
    if (!open) return;
    staffApi.list().then((r) => setStaff(r.items.filter((s) => !s.disabled)), () => setStaff([]));
    void groupsApi.linkOptions().then(setLinks);
  }, [open]);

  const submit = async (values: GroupDraft) => {
    const draft: GroupDraft = {
      ...values,
      name: values.name.trim(),
      theme: values.theme?.trim() ?? '',
      ownerStaffId: values.ownerStaffId ?? null,
      campaignId: values.campaignId ?? null,
      seriesId: values.seriesId ?? null,
    };
    onSaved(group ? await groupsApi.update(group.id, draft) : await groupsApi.create(draft));
  };

  return (
    <FormModal<GroupDraft>
      open={open}
      title={group ? t('groups.edit') : t('groups.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={group ? {
        platform: group.platform, name: group.name, ownerStaffId: group.owner?.id ?? null, capacity: group.capacity,
        campaignId: group.campaign?.id ?? null, seriesId: group.series?.id ?? null, theme: group.theme, status: group.status,
      } : { platform: 'wechat', capacity: DEFAULT_CAPACITY }}
    >
      <Form.Item name="name" label={t('groups.field.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={60} autoFocus data-testid="group-name-input" />
      </Form.Item>
      <Form.Item name="platform" label={t('groups.field.platform')} rules={[{ required: true }]}>
        <Select options={PLATFORMS.map((p) => ({ value: p, label: t(`groups.platform.${p}`) }))} />
      </Form.Item>
      <Form.Item name="capacity" label={t('groups.field.capacity')} extra={t('groups.field.capacityHelp')}>
        <InputNumber min={1} max={MAX_CAPACITY} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="ownerStaffId" label={t('groups.field.owner')}>
        <Select allowClear showSearch optionFilterProp="label" options={staff.map((s) => ({ value: s.id, label: s.displayName }))} />
      </Form.Item>
      <Form.Item name="campaignId" label={t('groups.field.campaign')}>
        <Select allowClear showSearch optionFilterProp="label" options={links.campaigns.map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))} />
      </Form.Item>
      <Form.Item name="seriesId" label={t('groups.field.series')} extra={t('groups.field.seriesHelp')}>
        <Select allowClear showSearch optionFilterProp="label" options={links.series.map((s) => ({ value: s.id, label: `${s.key} ${s.name}` }))} />
      </Form.Item>
      <Form.Item name="theme" label={t('groups.field.theme')}>
        <Input maxLength={60} />
      </Form.Item>
      {group && (
        <Form.Item name="status" label={t('groups.field.status')}>
          <Select options={GROUP_STATUSES.map((s) => ({ value: s, label: t(`groups.status.${s}`) }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}
