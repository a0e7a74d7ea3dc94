// Staff enroll a member by number (学号), optionally crediting a channel; the same capacity and blocklist rules as a
// signup apply on the server.
import { Form, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { channelsApi, type Channel } from '../../api/channels';
import { enrollmentsApi, type Enrollment } from '../../api/enrollments';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { FormModal } from '../../shared/FormModal';

interface Values {
  memberNo: number;
  channelId?: number | null;
}

export function EnrollModal({ open, campaignId, onClose, onDone }: { open: boolean; campaignId: number; onClose: () => void; onDone: (result: { enrollment: Enrollment; created: boolean }) => void }) {
  const t = useT();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const [channels, setChannels] = useState<Channel[]>([]);

  useEffect(() => {
    if (!open || !can('channels.read')) return;
    channelsApi.list(false).then((r) => setChannels(r.items), () => setChannels([]));
  }, [open]);

  return (
    <FormModal<Values>
      open={open}
      title={t('run.enrollments.enroll')}
      form={form}
      okText={t('run.enrollments.enroll')}
      onClose={onClose}
      onSubmit={async (v) => onDone(await enrollmentsApi.enroll(campaignId, v.memberNo, v.channelId ?? undefined))}
    >
      <Form.Item name="memberNo" label={t('member.memberNo')} extra={t('run.enrollments.enrollHelp')} rules={[{ required: true, message: t('run.enrollments.memberNoRequired') }]}>
        <InputNumber min={1} precision={0} style={{ width: 200 }} autoFocus data-testid="enroll-member-no" />
      </Form.Item>
      {channels.length > 0 && (
        <Form.Item name="channelId" label={t('run.enrollments.channel')} extra={t('run.enrollments.channelHelp')}>
          <Select allowClear showSearch optionFilterProp="label" options={channels.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}
