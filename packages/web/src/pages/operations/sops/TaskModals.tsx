// The task actions of leads and managers: skip with a reason, and give a task to someone else.
import { useEffect, useState } from 'react';
import { Form, Input, Select } from 'antd';
import { sopsApi, type Task } from '../../../api/sops';
import { staffApi } from '../../../api/staff';
import type { Staff } from '../../../api/types';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';

export function SkipModal({ task, onClose, onDone }: { task: Task | null; onClose: () => void; onDone: (task: Task) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={task !== null}
      title={t('ops.sops.skip.title', { title: task?.step.title ?? '' })}
      form={form}
      onClose={onClose}
      okText={t('ops.sops.skip.ok')}
      onSubmit={async (v) => onDone(await sopsApi.skip(task!.id, v.reason.trim()))}
    >
      <Form.Item name="reason" label={t('ops.sops.skip.reason')} rules={[{ required: true, whitespace: true, message: t('ops.sops.skip.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={200} data-testid="skip-reason" />
      </Form.Item>
    </FormModal>
  );
}

export function ReassignModal({ task, onClose, onDone }: { task: Task | null; onClose: () => void; onDone: (task: Task) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ staffId: number }>();
  const [staff, setStaff] = useState<Staff[]>([]);
  useEffect(() => {
    if (task) staffApi.list().then((r) => setStaff(r.items.filter((s) => !s.disabled)), () => setStaff([]));
  }, [task]);
  return (
    <FormModal<{ staffId: number }>
      open={task !== null}
      title={t('ops.sops.reassign.title', { title: task?.step.title ?? '' })}
      form={form}
      onClose={onClose}
      initialValues={task?.assignee ? { staffId: task.assignee.id } : {}}
      onSubmit={async (v) => onDone(await sopsApi.reassign(task!.id, v.staffId))}
    >
      <Form.Item name="staffId" label={t('ops.sops.field.assignee')} rules={[{ required: true, message: t('ops.sops.reassign.required') }]}>
        <Select showSearch optionFilterProp="label" options={staff.map((s) => ({ value: s.id, label: s.displayName }))} />
      </Form.Item>
    </FormModal>
  );
}
