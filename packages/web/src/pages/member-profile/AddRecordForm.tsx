// Write a service record (a note, a call, a chat summary). The time defaults to now on the server.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { membersApi } from '../../api/members';
import { RECORD_KINDS, type MemberNo, type RecordKind, type ServiceRecord } from '../../api/types';
import { useT } from '../../i18n/useT';
import { applyFieldErrors } from '../../shared/applyFieldErrors';
import { ErrorAlert } from '../../shared/ErrorAlert';

interface Values {
  kind: RecordKind;
  content: string;
  occurredAt?: Dayjs | null;
}

export function AddRecordForm({ memberNo, onAdded }: { memberNo: MemberNo; onAdded: (record: ServiceRecord) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const record = await membersApi.addRecord(memberNo, {
        kind: values.kind,
        content: values.content.trim(),
        ...(values.occurredAt ? { occurredAt: values.occurredAt.toISOString() } : {}),
      });
      form.resetFields(['content', 'occurredAt']);
      onAdded(record);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'note' }} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form.Item name="content" rules={[{ required: true, whitespace: true, message: t('records.contentRequired') }]} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={3} maxLength={5000} placeholder={t('records.contentPlaceholder')} data-testid="add-record-content" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" noStyle>
          <Select<RecordKind>
            style={{ width: 130 }}
            options={RECORD_KINDS.map((kind) => ({ value: kind, label: t(`recordKind.${kind}`) }))}
            data-testid="add-record-kind"
          />
        </Form.Item>
        <Form.Item name="occurredAt" noStyle>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('records.occurredAtOptional')} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="add-record-submit">
          {t('records.add')}
        </Button>
      </Space>
    </Form>
  );
}
