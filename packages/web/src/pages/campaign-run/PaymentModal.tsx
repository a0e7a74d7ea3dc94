// Record a payment received outside the system (transfer, cash, a provider without notices): amount in yuan, when,
// and the reference that keeps the same payment from being recorded twice.
import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { enrollmentsApi, type Enrollment, type PaymentResult } from '../../api/enrollments';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';
import { money } from './display';

interface Values {
  amountYuan: number;
  paidAt: Dayjs | null;
  reference?: string;
}

export function PaymentModal({ enrollment, onClose, onDone }: { enrollment: Enrollment | null; onClose: () => void; onDone: (result: PaymentResult) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const owed = enrollment ? Math.max(0, enrollment.amountDueCents - enrollment.paidCents) : 0;
  return (
    <FormModal<Values>
      open={enrollment !== null}
      title={enrollment ? t('run.payments.recordTitle', { memberNo: enrollment.member.memberNo, nickname: enrollment.member.nickname }) : ''}
      form={form}
      fieldAlias={{ amountCents: 'amountYuan' }}
      initialValues={{ amountYuan: owed / 100, paidAt: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!enrollment) return;
        const reference = v.reference?.trim();
        const result = await enrollmentsApi.recordPayment(enrollment.id, {
          amountCents: Math.round(v.amountYuan * 100),
          ...(v.paidAt ? { paidAt: v.paidAt.toISOString() } : {}),
          ...(reference ? { reference } : {}),
        });
        onDone(result);
      }}
    >
      {enrollment && (
        <p>{t('run.payments.status', { paid: money(enrollment.paidCents), due: money(enrollment.amountDueCents) })}</p>
      )}
      <Form.Item name="amountYuan" label={t('run.payments.amount')} rules={[{ required: true, message: t('run.payments.amountRequired') }]}>
        <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 200 }} data-testid="payment-amount" />
      </Form.Item>
      <Form.Item name="paidAt" label={t('run.payments.paidAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="reference" label={t('run.payments.reference')} extra={t('run.payments.referenceHelp')}>
        <Input maxLength={128} data-testid="payment-reference" />
      </Form.Item>
    </FormModal>
  );
}
