// Recording a manual award or penalty: who, how many points, why, and the day they count for (today by default,
// never a day after the workspace's today).
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { incentivesApi, MANUAL_POINTS_LIMIT, type Balances, type PointsEntry } from '../../../api/incentives';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';

interface Values {
  staffId: number;
  direction: 'award' | 'penalty';
  amount: number;
  reason: string;
  day: Dayjs;
}

interface Props {
  open: boolean;
  balances: Balances | null;
  defaultStaffId: number | undefined;
  onClose: () => void;
  onSaved: (entry: PointsEntry) => void;
}

export function ManualEntryModal({ open, balances, defaultStaffId, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const today = balances?.today;
  const active = (balances?.items ?? []).filter((b) => !b.staff.disabled);
  return (
    <FormModal<Values>
      open={open}
      title={t('ops.points.record')}
      form={form}
      initialValues={{ direction: 'award', staffId: active.some((b) => b.staff.id === defaultStaffId) ? defaultStaffId : undefined, day: today ? dayjs(today) : undefined }}
      fieldAlias={{ points: 'amount' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const entry = await incentivesApi.award({
          staffId: v.staffId,
          points: v.direction === 'award' ? v.amount : -v.amount,
          reason: v.reason,
          day: v.day?.format('YYYY-MM-DD'),
        });
        onSaved(entry);
      }}
    >
      <Form.Item name="staffId" label={t('ops.points.staff')} rules={[{ required: true, message: t('ops.points.entry.staffRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={active.map((b) => ({ value: b.staff.id, label: b.team ? `${b.staff.displayName}（${b.team.name}）` : b.staff.displayName }))}
          data-testid="entry-staff"
        />
      </Form.Item>
      <Form.Item name="direction" label={t('ops.points.entry.direction')}>
        <Radio.Group
          optionType="button"
          options={[{ value: 'award', label: t('ops.points.entry.award') }, { value: 'penalty', label: t('ops.points.entry.penalty') }]}
          data-testid="entry-direction"
        />
      </Form.Item>
      <Form.Item name="amount" label={t('ops.points.entry.amount')} rules={[{ required: true, message: t('ops.points.entry.amountRequired') }]} extra={t('ops.points.entry.amountHelp', { max: MANUAL_POINTS_LIMIT })}>
        <InputNumber min={1} max={MANUAL_POINTS_LIMIT} precision={0} style={{ width: 160 }} data-testid="entry-amount" />
      </Form.Item>
      <Form.Item name="reason" label={t('ops.points.entry.reason')} rules={[{ required: true, whitespace: true, message: t('ops.points.entry.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('ops.points.entry.reasonPlaceholder')} data-testid="entry-reason" />
      </Form.Item>
      <Form.Item name="day" label={t('ops.points.entry.day')} extra={t('ops.points.entry.dayHelp')}>
        <DatePicker allowClear={false} disabledDate={(d) => (today ? d.format('YYYY-MM-DD') > today : false)} data-testid="entry-day" />
      </Form.Item>
    </FormModal>
  );
}
