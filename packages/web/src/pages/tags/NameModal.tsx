// A one-field modal for naming things (tag groups here, teams use their own form with a lead).
import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { useT } from '../../i18n/useT';
import { applyFieldErrors } from '../../shared/applyFieldErrors';
import { ErrorAlert } from '../../shared/ErrorAlert';

interface Props {
  open: boolean;
  title: string;
  initialName?: string;
  onClose: () => void;
  onSubmit: (name: string) => Promise<void>;
}

export function NameModal({ open, title, initialName, onClose, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ name }: { name: string }) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(name.trim());
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ name: initialName ?? '' }}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
          <Input maxLength={40} autoFocus data-testid="name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
