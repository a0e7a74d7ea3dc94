// Quick add: one line to put a work item on the plan — what, which category, when, and (for leads and admins) whom.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Staff } from '../../../api/types';
import { WORK_CATEGORIES, workItemsApi, type WorkCategory, type WorkItem } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';
import { applyFieldErrors } from '../../../shared/applyFieldErrors';
import { ErrorAlert } from '../../../shared/ErrorAlert';

interface Values {
  title: string;
  category: WorkCategory;
  dueOn?: Dayjs | null;
  ownerStaffId: number;
}

interface Props {
  meId: number;
  /** Staff the caller may give work to; the owner picker shows when there is anyone besides the caller. */
  assignable: Staff[];
  onAdded: (item: WorkItem) => void;
}

export function QuickAdd({ meId, assignable, onAdded }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const item = await workItemsApi.create({
        title: values.title.trim(),
        category: values.category,
        dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
        ownerStaffId: values.ownerStaffId,
      });
      // Keep category, date and owner: people add several items of a kind in a row.
      form.resetFields(['title']);
      onAdded(item);
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ category: 'routine', ownerStaffId: meId }}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="quick-add"
      >
        <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('ops.work.add.titleRequired') }]} style={{ flex: 1, minWidth: 240 }}>
          <Input maxLength={120} placeholder={t('ops.work.add.placeholder')} data-testid="quick-add-title" />
        </Form.Item>
        <Form.Item name="category">
          <Select<WorkCategory>
            style={{ width: 110 }}
            options={WORK_CATEGORIES.map((c) => ({ value: c, label: t(`ops.work.category.${c}`) }))}
            data-testid="quick-add-category"
          />
        </Form.Item>
        <Form.Item name="dueOn">
          <DatePicker placeholder={t('ops.work.add.due')} style={{ width: 140 }} data-testid="quick-add-due" />
        </Form.Item>
        {assignable.length > 1 && (
          <Form.Item name="ownerStaffId">
            <Select<number>
              style={{ width: 160 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={assignable.map((s) => ({ value: s.id, label: s.displayName }))}
              data-testid="quick-add-owner"
            />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving} data-testid="quick-add-submit">
            {t('ops.work.add.submit')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
