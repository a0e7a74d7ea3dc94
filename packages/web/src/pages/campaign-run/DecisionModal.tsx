// Deciding refund or forfeit for the chosen enrollments. Forfeiting an eligible member's deposit needs a reason (the
// server refuses it without one, too); the reason is kept with the decision and audited.
import { Alert, Form, Input } from 'antd';
import type { SettlementDecision, SettlementRow } from '../../api/settlement';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Props {
  rows: SettlementRow[];
  decision: SettlementDecision | null;
  onClose: () => void;
  onSubmit: (reason: string | undefined) => Promise<void>;
}

export function DecisionModal({ rows, decision, onClose, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  const eligible = rows.filter((r) => r.class === 'eligible').length;
  const reasonRequired = decision === 'forfeit' && eligible > 0;
  return (
    <FormModal<{ reason?: string }>
      open={decision !== null}
      title={decision ? t(`run.settlement.${decision}Title`, { count: rows.length }) : ''}
      form={form}
      okText={decision ? t(`run.decision.${decision}`) : undefined}
      okDanger={decision === 'forfeit'}
      onClose={onClose}
      onSubmit={(v) => onSubmit(v.reason?.trim() || undefined)}
    >
      {reasonRequired && <Alert type="warning" showIcon title={t('run.settlement.forfeitEligible', { count: eligible })} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="reason"
        label={t('run.reason')}
        extra={reasonRequired ? undefined : t('run.settlement.reasonOptional')}
        rules={reasonRequired ? [{ required: true, whitespace: true, message: t('run.reasonRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="decision-reason" />
      </Form.Item>
    </FormModal>
  );
}
