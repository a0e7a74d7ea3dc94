// A modal holding one form: OK submits it; the server's per-field reasons land under the fields, anything else
// above the form. Every create/edit dialog of the console is one of these.
import { useEffect, useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useT } from '../i18n/useT';
import { applyFieldErrors } from './applyFieldErrors';
import { ErrorAlert } from './ErrorAlert';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** Saves the values; throw (an ApiError) to keep the dialog open with the reasons shown. */
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** Server field paths → form item names, where they differ. */
  fieldAlias?: Record<string, string>;
  okText?: string;
  okDanger?: boolean;
  width?: number;
  children: ReactNode;
}

export function FormModal<V>({ open, title, form, onSubmit, onClose, initialValues, fieldAlias, okText, okDanger, width, children }: Props<V>) {
  const t = useT();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // antd keeps the initial values a form instance first saw for its whole life, so a dialog reused for another
  // row would show the previous row. On every opening, clear what the last one left and put this one's values in.
  useEffect(() => {
    if (!open) return;
    setError(null);
    const cleared = Object.fromEntries(Object.keys(form.getFieldsValue(true) as object).map((name) => [name, undefined]));
    form.setFieldsValue({ ...cleared, ...initialValues } as Parameters<typeof form.setFieldsValue>[0]);
  }, [open]); // only on opening: later renders must not overwrite what the user types

  const submit = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      applyFieldErrors(form, e, fieldAlias);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={{ danger: okDanger }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={width}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<V> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
