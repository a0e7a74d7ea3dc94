// Cancelling an enrollment gives its place back; the reason is kept on the enrollment and in the audit log.
import { Form, Input } from 'antd';
import { enrollmentsApi, type Enrollment } from '../../api/enrollments';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

export function CancelEnrollmentModal({ enrollment, onClose, onDone }: { enrollment: Enrollment | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={enrollment !== null}
      title={enrollment ? t('run.enrollments.cancelTitle', { memberNo: enrollment.member.memberNo, nickname: enrollment.member.nickname }) : ''}
      form={form}
      okText={t('run.enrollments.cancel')}
      okDanger
      onClose={onClose}
      onSubmit={async (v) => {
        if (!enrollment) return;
        await enrollmentsApi.cancel(enrollment.id, v.reason.trim());
        onDone();
      }}
    >
      <Form.Item name="reason" label={t('run.reason')} extra={t('run.enrollments.cancelHelp')} rules={[{ required: true, whitespace: true, message: t('run.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="cancel-reason" />
      </Form.Item>
    </FormModal>
  );
}
