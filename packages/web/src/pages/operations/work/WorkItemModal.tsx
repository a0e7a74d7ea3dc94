// Edit a work item: what, notes (where it is stuck and why), category, due date, owner and status.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Staff } from '../../../api/types';
import { WORK_CATEGORIES, WORK_STATUSES, workItemsApi, type WorkCategory, type WorkItem, type WorkStatus } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';

interface Values {
  title: string;
  description: string;
  category: WorkCategory;
  dueOn: Dayjs | null;
  ownerStaffId: number;
  status: WorkStatus;
}

interface Props {
  item: WorkItem | null;
  assignable: Staff[];
  onClose: () => void;
  onSaved: (item: WorkItem) => void;
}

export function WorkItemModal({ item, assignable, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  // The current owner stays choosable even when the editor could not assign work to them.
  const owners = item?.owner && !assignable.some((s) => s.id === item.owner!.id)
    ? [{ value: item.owner.id, label: item.owner.displayName }, ...assignable.map((s) => ({ value: s.id, label: s.displayName }))]
    : assignable.map((s) => ({ value: s.id, label: s.displayName }));

  const submit = async (values: Values) => {
    if (!item) return;
    const saved = await workItemsApi.update(item.id, {
      title: values.title.trim(),
      description: (values.description ?? '').trim(),
      category: values.category,
      dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
      status: values.status,
      ...(values.ownerStaffId !== item.owner?.id ? { ownerStaffId: values.ownerStaffId } : {}),
    });
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      open={item !== null}
      title={t('ops.work.edit')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={item ? {
        title: item.title, description: item.description, category: item.category, status: item.status,
        dueOn: item.dueOn ? dayjs(item.dueOn) : null, ownerStaffId: item.owner?.id,
      } : undefined}
    >
      <Form.Item name="title" label={t('ops.work.field.title')} rules={[{ required: true, whitespace: true, message: t('ops.work.add.titleRequired') }]}>
        <Input maxLength={120} data-testid="work-edit-title" />
      </Form.Item>
      <Form.Item name="description" label={t('ops.work.field.description')}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('ops.work.field.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="category" label={t('ops.work.field.category')}>
        <Select<WorkCategory> options={WORK_CATEGORIES.map((c) => ({ value: c, label: t(`ops.work.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('ops.work.field.dueOn')}>
        <DatePicker allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="ownerStaffId" label={t('ops.work.field.owner')}>
        <Select<number> showSearch={{ optionFilterProp: 'label' }} options={owners} />
      </Form.Item>
      <Form.Item name="status" label={t('ops.work.field.status')}>
        <Select<WorkStatus> options={WORK_STATUSES.map((s) => ({ value: s, label: t(`ops.work.status.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
