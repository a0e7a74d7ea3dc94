// Reversing a ledger entry: a new entry with the opposite points on the same day, with the reason for it.
import { Alert, Form, Input } from 'antd';
import { incentivesApi, type PointsEntry } from '../../../api/incentives';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';
import { useNotify } from '../../../shared/useNotify';
import { signed } from './display';

export function ReverseModal({ entry, onClose, onSaved }: { entry: PointsEntry | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={entry !== null}
      title={t('ops.points.reverse.title')}
      form={form}
      okText={t('ops.points.reverse.action')}
      okDanger
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await incentivesApi.reverse(entry!.id, reason);
        notify.success(t('ops.points.reverse.done'));
        onSaved();
      }}
    >
      {entry && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('ops.points.reverse.what', { id: entry.id, name: entry.staff.displayName, points: signed(entry.points), opposite: signed(-entry.points), day: entry.day })}
          description={entry.reason}
        />
      )}
      <Form.Item name="reason" label={t('ops.points.reverse.reason')} rules={[{ required: true, whitespace: true, message: t('ops.points.entry.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={200} showCount data-testid="reverse-reason" />
      </Form.Item>
    </FormModal>
  );
}
