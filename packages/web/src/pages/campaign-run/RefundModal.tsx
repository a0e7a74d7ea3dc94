// Marking a refund as paid (the money goes out through finance, not through Qunyun): amount, when, and the
// transfer's reference. Only enrollments decided "refund" can be marked.
import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { settlementApi, type SettlementRow } from '../../api/settlement';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';
import { money } from './display';

interface Values {
  amountYuan: number;
  refundedAt: Dayjs | null;
  reference: string;
}

export function RefundModal({ row, onClose, onDone }: { row: SettlementRow | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={row !== null}
      title={row ? t('run.refund.title', { memberNo: row.member.memberNo, nickname: row.member.nickname }) : ''}
      form={form}
      fieldAlias={{ amountCents: 'amountYuan' }}
      initialValues={{ amountYuan: (row?.refundDueCents ?? 0) / 100, refundedAt: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!row) return;
        await settlementApi.markRefunded(row.enrollmentId, {
          amountCents: Math.round(v.amountYuan * 100),
          reference: v.reference.trim(),
          ...(v.refundedAt ? { refundedAt: v.refundedAt.toISOString() } : {}),
        });
        onDone();
      }}
    >
      {row && <p>{t('run.refund.paid', { paid: money(row.paidCents), due: money(row.refundDueCents) })}</p>}
      <Form.Item name="amountYuan" label={t('run.refund.amount')} rules={[{ required: true, message: t('run.payments.amountRequired') }]}>
        <InputNumber min={0.01} max={(row?.paidCents ?? 0) / 100 || undefined} precision={2} prefix="¥" style={{ width: 200 }} data-testid="refund-amount" />
      </Form.Item>
      <Form.Item name="refundedAt" label={t('run.refund.at')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="reference" label={t('run.payments.reference')} extra={t('run.refund.referenceHelp')} rules={[{ required: true, whitespace: true, message: t('run.refund.referenceRequired') }]}>
        <Input maxLength={100} data-testid="refund-reference" />
      </Form.Item>
    </FormModal>
  );
}
