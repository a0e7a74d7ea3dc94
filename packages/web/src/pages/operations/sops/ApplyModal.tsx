// Apply a template to a campaign (all its groups, including ones added later) or to one group, with the assistant
// who does the steps of role "assistant" and the first day with tasks.
import { useEffect, useState } from 'react';
import { DatePicker, Form, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { campaignsApi, type Campaign } from '../../../api/campaigns';
import { groupsApi, type Group } from '../../../api/groups';
import { sopsApi, type Application, type Template } from '../../../api/sops';
import { staffApi } from '../../../api/staff';
import type { Staff } from '../../../api/types';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';

interface Values {
  target: 'campaign' | 'group';
  campaignId?: number;
  groupId?: number;
  assistantStaffId?: number | null;
  startsOn?: Dayjs | null;
}

export function ApplyModal({ template, onClose, onApplied }: { template: Template | null; onClose: () => void; onApplied: (app: Application) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'campaign';
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [groups, setGroups] = useState<Group[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [groupQuery, setGroupQuery] = useState('');

  useEffect(() => {
    if (!template) return;
    campaignsApi.list({}).then((r) => setCampaigns(r.items.filter((c) => c.status !== 'ended' && c.status !== 'archived')), () => setCampaigns([]));
    staffApi.list().then((r) => setStaff(r.items.filter((s) => !s.disabled)), () => setStaff([]));
  }, [template]);

  useEffect(() => {
    if (!template) return;
    groupsApi.list({ q: groupQuery || undefined }, null).then((r) => setGroups(r.items.filter((g) => g.status === 'open' || g.status === 'full')), () => setGroups([]));
  }, [template, groupQuery]);

  const submit = async (v: Values) => {
    const app = await sopsApi.apply({
      templateId: template!.id,
      ...(v.target === 'campaign' ? { campaignId: v.campaignId } : { groupId: v.groupId }),
      assistantStaffId: v.assistantStaffId ?? null,
      ...(v.startsOn ? { startsOn: v.startsOn.format('YYYY-MM-DD') } : {}),
    });
    onApplied(app);
  };

  return (
    <FormModal<Values>
      open={template !== null}
      title={t('ops.sops.apply.title', { name: template?.name ?? '' })}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={t('ops.sops.apply.ok')}
      initialValues={{ target: 'campaign' }}
      fieldAlias={{ templateId: 'target' }}
    >
      <Typography.Paragraph type="secondary">{t('ops.sops.apply.help')}</Typography.Paragraph>
      <Form.Item name="target" label={t('ops.sops.apply.target')}>
        <Radio.Group data-testid="apply-target" options={[
          { value: 'campaign', label: t('ops.sops.apply.toCampaign') },
          { value: 'group', label: t('ops.sops.apply.toGroup') },
        ]} />
      </Form.Item>
      {target === 'campaign' ? (
        <Form.Item name="campaignId" label={t('ops.sops.field.campaign')} rules={[{ required: true, message: t('ops.sops.apply.campaignRequired') }]} extra={t('ops.sops.apply.campaignHelp')}>
          <Select showSearch optionFilterProp="label" data-testid="apply-campaign"
            options={campaigns.map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))} />
        </Form.Item>
      ) : (
        <Form.Item name="groupId" label={t('ops.sops.field.group')} rules={[{ required: true, message: t('ops.sops.apply.groupRequired') }]}>
          <Select showSearch filterOption={false} onSearch={setGroupQuery} data-testid="apply-group"
            options={groups.map((g) => ({ value: g.id, label: g.campaign ? `${g.name}（${g.campaign.key}）` : g.name }))} />
        </Form.Item>
      )}
      <Form.Item name="assistantStaffId" label={t('ops.sops.field.assistant')} extra={t('ops.sops.apply.assistantHelp')}>
        <Select allowClear showSearch optionFilterProp="label" data-testid="apply-assistant" options={staff.map((s) => ({ value: s.id, label: s.displayName }))} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('ops.sops.field.startsOn')} extra={t('ops.sops.apply.startsOnHelp')}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
