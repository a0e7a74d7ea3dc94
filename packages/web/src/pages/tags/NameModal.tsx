// A one-field modal for naming things (tag groups here, teams use their own form with a lead).
import { Form, Input } from 'antd';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

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

  const submit = async ({ name }: { name: string }) => {
    await onSubmit(name.trim());
  };

  return (
    <FormModal
      open={open}
      title={title}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ name: initialName ?? '' }}
    >
      <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={40} autoFocus data-testid="name-input" />
      </Form.Item>
    </FormModal>
  );
}
