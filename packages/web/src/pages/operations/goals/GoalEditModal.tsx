// Change a goal: its name and description, or its target, dates and daily split — which re-splits the original plan
// (the teams keep their shares when those still add up; a split by hand is kept while it still fits).
import { DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { goalsApi, type Goal, type GoalChange, type SplitMethod } from '../../../api/goals';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';
import { WeekdayWeights } from './SplitInputs';

const DAY = 'YYYY-MM-DD';

interface Values {
  name: string;
  description?: string;
  target: number;
  startsOn: Dayjs;
  endsOn: Dayjs;
  split: SplitMethod;
  weekdayWeights?: number[];
}

export function GoalEditModal({ open, goal, onClose, onSaved }: { open: boolean; goal: Goal; onClose: () => void; onSaved: (goal: Goal) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const split = Form.useWatch('split', form) ?? goal.split;
  const rate = goal.kind === 'rate';
  const flow = goal.kind === 'flow';

  const submit = async (v: Values) => {
    const change: GoalChange = {};
    if (v.name.trim() !== goal.name) change.name = v.name.trim();
    if ((v.description ?? '').trim() !== goal.description) change.description = (v.description ?? '').trim();
    const target = rate ? Math.round(v.target * 100) / 10_000 : v.target;
    if (target !== goal.target) change.target = target;
    if (v.startsOn.format(DAY) !== goal.startsOn) change.startsOn = v.startsOn.format(DAY);
    if (v.endsOn.format(DAY) !== goal.endsOn) change.endsOn = v.endsOn.format(DAY);
    if (v.split !== goal.split) change.split = v.split;
    if (v.split === 'weekday' && JSON.stringify(v.weekdayWeights) !== JSON.stringify(goal.weekdayWeights)) change.weekdayWeights = v.weekdayWeights;
    onSaved(Object.keys(change).length ? await goalsApi.update(goal.id, change) : goal);
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('ops.goals.edit')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      width={640}
      fieldAlias={{ manualTargets: 'split', teams: 'target' }}
      initialValues={{
        name: goal.name, description: goal.description, target: rate ? Math.round(goal.target * 10_000) / 100 : goal.target,
        startsOn: dayjs(goal.startsOn), endsOn: dayjs(goal.endsOn), split: goal.split, weekdayWeights: goal.weekdayWeights ?? [1, 1, 1, 1, 1, 1, 1],
      }}
    >
      <Form.Item name="name" label={t('ops.goals.field.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={80} data-testid="goal-edit-name" />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="startsOn" label={t('ops.goals.field.startsOn')} rules={[{ required: true, message: t('ops.goals.dateRequired') }]}>
          <DatePicker format={DAY} allowClear={false} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('ops.goals.field.endsOn')} rules={[{ required: true, message: t('ops.goals.dateRequired') }]}>
          <DatePicker format={DAY} allowClear={false} />
        </Form.Item>
        <Form.Item name="target" label={rate ? t('ops.goals.field.targetRate') : t('ops.goals.field.target')} rules={[{ required: true, message: t('ops.goals.targetRequired') }]}>
          <InputNumber min={0} max={rate ? 100 : undefined} precision={goal.unit === 'people' ? 0 : 2} style={{ width: 160 }} data-testid="goal-edit-target" />
        </Form.Item>
      </Space>
      <Form.Item name="split" label={t('ops.goals.field.split')} extra={t('ops.goals.editSplitHelp')}>
        <Radio.Group
          disabled={!flow}
          options={(['even', 'weekday', 'manual'] as const).map((m) => ({ value: m, label: t(`ops.goals.split.${m}`), disabled: m === 'manual' && goal.split !== 'manual' }))}
        />
      </Form.Item>
      {flow && split === 'weekday' && (
        <Form.Item label={t('ops.goals.field.weights')} required>
          <WeekdayWeights />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('ops.goals.field.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
