// One step of a template: its title, trigger (campaign day / weekday / date / days after the group was created), the
// local time window, the action, the content with a variable picker, attachments and who does it.
import { useRef } from 'react';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { ATTACHMENT_KINDS, MAX_ATTACHMENTS, STEP_ACTIONS, STEP_ROLES, TRIGGER_KINDS, VARIABLES, GROUP_VARIABLES, type StepDraft, type TriggerKind } from '../../../api/sops';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const TRIGGER_PATTERN: Record<TriggerKind, RegExp> = {
  campaign_day: /^-?\d{1,3}(\.\.-?\d{1,3})?$/,
  weekday: /^[1-7](,[1-7])*$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  group_age: /^\d{1,4}$/,
};

const BLANK: StepDraft = {
  title: '', triggerKind: 'campaign_day', triggerValue: '1', windowStart: '08:30', windowEnd: '09:00', action: 'message', content: '', attachments: [], role: 'group_owner',
};

export function StepModal({ open, step, onClose, onSave }: { open: boolean; step: StepDraft | null; onClose: () => void; onSave: (step: StepDraft) => void }) {
  const t = useT();
  const [form] = Form.useForm<StepDraft>();
  const kind = Form.useWatch('triggerKind', form) ?? 'campaign_day';
  const content = useRef<TextAreaRef>(null);

  /** Puts {name} where the cursor is in the content (at the end when the box was never focused). */
  const insert = (name: string) => {
    const el = content.current?.resizableTextArea?.textArea;
    const text: string = form.getFieldValue('content') ?? '';
    const at = el && document.activeElement === el ? el.selectionStart : text.length;
    form.setFieldValue('content', `${text.slice(0, at)}{${name}}${text.slice(at)}`);
  };

  return (
    <FormModal<StepDraft>
      open={open}
      title={step ? t('ops.sops.step.edit') : t('ops.sops.step.add')}
      form={form}
      width={720}
      initialValues={step ?? BLANK}
      onClose={onClose}
      onSubmit={async (v) => onSave({ ...v, title: v.title.trim(), content: (v.content ?? '').trim(), attachments: v.attachments ?? [] })}
    >
      <Form.Item name="title" label={t('ops.sops.field.title')} rules={[{ required: true, whitespace: true, message: t('ops.sops.step.titleRequired') }]}>
        <Input maxLength={100} data-testid="step-title" />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="triggerKind" label={t('ops.sops.field.trigger')}>
          <Select style={{ width: 180 }} options={TRIGGER_KINDS.map((k) => ({ value: k, label: t(`ops.sops.triggerKind.${k}`) }))} data-testid="step-trigger-kind" />
        </Form.Item>
        <Form.Item name="triggerValue" label={t('ops.sops.field.triggerValue')} extra={t(`ops.sops.triggerHelp.${kind}`)}
          rules={[{ required: true, pattern: TRIGGER_PATTERN[kind], message: t(`ops.sops.triggerHelp.${kind}`) }]}>
          <Input style={{ width: 200 }} data-testid="step-trigger-value" />
        </Form.Item>
      </Space>
      <Space align="start" wrap>
        <Form.Item name="windowStart" label={t('ops.sops.field.windowStart')} rules={[{ required: true, pattern: HHMM, message: t('ops.sops.step.timeInvalid') }]}>
          <Input type="time" style={{ width: 140 }} data-testid="step-window-start" />
        </Form.Item>
        <Form.Item name="windowEnd" label={t('ops.sops.field.windowEnd')} dependencies={['windowStart']}
          rules={[
            { required: true, pattern: HHMM, message: t('ops.sops.step.timeInvalid') },
            ({ getFieldValue }) => ({ validator: async (_, v: string) => { if (v && v <= getFieldValue('windowStart')) throw new Error(t('ops.sops.step.endAfterStart')); } }),
          ]}>
          <Input type="time" style={{ width: 140 }} data-testid="step-window-end" />
        </Form.Item>
        <Form.Item name="action" label={t('ops.sops.field.action')}>
          <Select style={{ width: 150 }} options={STEP_ACTIONS.map((a) => ({ value: a, label: t(`ops.sops.action.${a}`) }))} />
        </Form.Item>
        <Form.Item name="role" label={t('ops.sops.field.role')} extra={t('ops.sops.step.roleHelp')}>
          <Select style={{ width: 150 }} options={STEP_ROLES.map((r) => ({ value: r, label: t(`ops.sops.role.${r}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item label={t('ops.sops.field.content')} extra={t('ops.sops.step.variablesHelp')} style={{ marginBottom: 4 }}>
        <Space size={[4, 4]} wrap data-testid="variable-picker">
          {VARIABLES.map((v) => (
            <Tag key={v} color={GROUP_VARIABLES.includes(v) ? 'blue' : 'default'} style={{ cursor: 'pointer' }} onMouseDown={(e) => e.preventDefault()} onClick={() => insert(v)}>
              {`{${v}}`}
            </Tag>
          ))}
        </Space>
      </Form.Item>
      <Form.Item name="content">
        <Input.TextArea ref={content} rows={4} maxLength={2000} showCount data-testid="step-content" />
      </Form.Item>
      <Typography.Text strong>{t('ops.sops.field.attachments')}</Typography.Text>
      <Form.List name="attachments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 0 }}>
                  <Select style={{ width: 90 }} options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`ops.sops.attachment.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('ops.sops.step.attachmentName') }]}>
                  <Input placeholder={t('ops.sops.step.attachmentName')} maxLength={100} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'url']} style={{ marginBottom: 0 }} rules={[{ required: true, type: 'url', message: t('ops.sops.step.attachmentUrl') }]}>
                  <Input placeholder="https://" maxLength={500} style={{ width: 280 }} />
                </Form.Item>
                <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
              </Space>
            ))}
            <Button type="dashed" style={{ marginTop: 8 }} icon={<PlusOutlined />} disabled={fields.length >= MAX_ATTACHMENTS}
              onClick={() => add({ kind: 'link', name: '', url: '' })}>
              {t('ops.sops.step.addAttachment', { max: MAX_ATTACHMENTS })}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
