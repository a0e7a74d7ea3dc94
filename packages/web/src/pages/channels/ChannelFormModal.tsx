// Create or edit a channel: name, parent (create only; first-level channels), owner, cost in yuan, the live-code
// threshold, the fallback message, the campaign it signs people up for (optional), an optional custom code (create
// only) and, when editing, archiving.
import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { campaignsApi, type Campaign } from '../../api/campaigns';
import { CODE_PATTERN, DEFAULT_THRESHOLD, channelsApi, type Channel, type ChannelDraft } from '../../api/channels';
import { MAX_CAPACITY } from '../../api/groups';
import { staffApi } from '../../api/staff';
import type { Staff } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { FormModal } from '../../shared/FormModal';

interface Values {
  name: string;
  parentId?: number | null;
  ownerStaffId?: number | null;
  costYuan?: number | null;
  threshold?: number | null;
  fallbackMessage?: string;
  campaignId?: number | null;
  code?: string;
  archived?: boolean;
}

interface Props {
  open: boolean;
  channel: Channel | null;
  /** First-level channels to choose a parent from. */
  parents: Channel[];
  onClose: () => void;
  onSaved: (channel: Channel) => void;
}

export function ChannelFormModal({ open, channel, parents, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { can } = useSession();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);

  useEffect(() => {
    if (!open) return;
    staffApi.list().then((r) => setStaff(r.items.filter((s) => !s.disabled)), () => setStaff([]));
    if (can('campaigns.read')) campaignsApi.list({}).then((r) => setCampaigns(r.items), () => setCampaigns([]));
  }, [open]);

  const submit = async (values: Values) => {
    const common = {
      name: values.name.trim(),
      ownerStaffId: values.ownerStaffId ?? null,
      costCents: Math.round((values.costYuan ?? 0) * 100),
      threshold: values.threshold ?? DEFAULT_THRESHOLD,
      fallbackMessage: values.fallbackMessage?.trim() ?? '',
      campaignId: values.campaignId ?? null,
    };
    if (channel) {
      onSaved(await channelsApi.update(channel.id, { ...common, archived: values.archived ?? false }));
    } else {
      const draft: ChannelDraft = { ...common, parentId: values.parentId ?? null };
      const code = values.code?.trim();
      if (code) draft.code = code;
      onSaved(await channelsApi.create(draft));
    }
  };

  // Ended and archived campaigns take no signups; the channel's current campaign stays choosable when editing.
  const campaignOptions = campaigns
    .filter((c) => (c.status !== 'ended' && c.status !== 'archived') || c.id === channel?.campaignId)
    .map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }));
  const parentOptions = parents
    .filter((p) => p.level === 1 && p.id !== channel?.id)
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <FormModal<Values>
      open={open}
      title={channel ? t('channels.edit') : t('channels.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      fieldAlias={{ costCents: 'costYuan' }}
      initialValues={channel ? {
        name: channel.name, parentId: channel.parentId, ownerStaffId: channel.owner?.id ?? null,
        costYuan: channel.costCents / 100, threshold: channel.threshold, fallbackMessage: channel.fallbackMessage,
        archived: channel.archivedAt !== null, campaignId: channel.campaignId ?? null,
      } : { threshold: DEFAULT_THRESHOLD, costYuan: 0 }}
    >
      <Form.Item name="name" label={t('channels.field.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={60} autoFocus data-testid="channel-name-input" />
      </Form.Item>
      <Form.Item name="parentId" label={t('channels.field.parent')} extra={t('channels.field.parentHelp')}>
        <Select allowClear showSearch optionFilterProp="label" disabled={channel !== null} options={parentOptions} data-testid="channel-parent-select" />
      </Form.Item>
      <Form.Item name="ownerStaffId" label={t('channels.field.owner')} extra={t('channels.field.ownerHelp')}>
        <Select allowClear showSearch optionFilterProp="label" options={staff.map((s) => ({ value: s.id, label: s.displayName }))} />
      </Form.Item>
      <Form.Item name="costYuan" label={t('channels.field.cost')} extra={t('channels.field.costHelp')}>
        <InputNumber min={0} precision={2} step={1} prefix="¥" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="threshold" label={t('channels.field.threshold')} extra={t('channels.field.thresholdHelp')}>
        <InputNumber min={1} max={MAX_CAPACITY} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="campaignId" label={t('channels.field.campaign')} extra={t('channels.field.campaignHelp')}>
        <Select allowClear showSearch optionFilterProp="label" options={campaignOptions} placeholder={t('channels.field.noCampaign')} data-testid="channel-campaign-select" />
      </Form.Item>
      <Form.Item name="fallbackMessage" label={t('channels.field.fallback')} extra={t('channels.field.fallbackHelp')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {channel ? (
        <Form.Item name="archived" label={t('channels.field.archived')} extra={t('channels.field.archivedHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : (
        <Form.Item
          name="code"
          label={t('channels.field.code')}
          extra={t('channels.field.codeHelp')}
          rules={[{ pattern: CODE_PATTERN, message: t('channels.field.codeInvalid') }]}
        >
          <Input maxLength={32} prefix="/c/" style={{ width: 260 }} data-testid="channel-code-input" />
        </Form.Item>
      )}
    </FormModal>
  );
}
