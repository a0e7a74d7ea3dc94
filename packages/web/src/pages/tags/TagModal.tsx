// Create or edit a tag: its name and colour (the colour staff see on every chip).
import { useState } from 'react';
import { ColorPicker, Form, Input, Modal } from 'antd';
import type { Tag } from '../../api/types';
import { useT } from '../../i18n/useT';
import { applyFieldErrors } from '../../shared/applyFieldErrors';
import { ErrorAlert } from '../../shared/ErrorAlert';

export interface TagDraft {
  name: string;
  color?: string;
}

interface Props {
  open: boolean;
  tag: Tag | null;
  onClose: () => void;
  onSubmit: (draft: TagDraft) => Promise<void>;
}

const PRESETS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#8c8c8c'];

export function TagModal({ open, tag, onClose, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<TagDraft>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (draft: TagDraft) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ name: draft.name.trim(), color: draft.color || undefined });
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={tag ? t('tags.editTag') : t('tags.createTag')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<TagDraft> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ name: tag?.name ?? '', color: tag?.color ?? PRESETS[0] }}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
          <Input maxLength={40} autoFocus data-testid="tag-name-input" />
        </Form.Item>
        <Form.Item
          name="color"
          label={t('tags.color')}
          // The picker hands back a colour object; the API stores the hex string.
          getValueFromEvent={(color: { toHexString: () => string }) => color.toHexString()}
        >
          <ColorPicker presets={[{ label: t('tags.presetColors'), colors: PRESETS }]} showText disabledAlpha />
        </Form.Item>
      </Form>
    </Modal>
  );
}
