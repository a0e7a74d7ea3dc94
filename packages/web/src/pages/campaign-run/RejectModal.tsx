// Rejecting check-ins always takes a reason: the member sees that the day no longer counts, and the reviewer's
// reason stays with the check-in.
import { Form, Input } from 'antd';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

export function RejectModal({ count, onClose, onSubmit }: { count: number; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={count > 0}
      title={t('run.review.rejectTitle', { count })}
      form={form}
      okText={t('run.review.reject')}
      okDanger
      onClose={onClose}
      onSubmit={(v) => onSubmit(v.reason.trim())}
    >
      <Form.Item name="reason" label={t('run.reason')} extra={t('run.review.rejectHelp')} rules={[{ required: true, whitespace: true, message: t('run.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="reject-reason" />
      </Form.Item>
    </FormModal>
  );
}
