// Create or edit a tag: its name and colour (the colour staff see on every chip).
import { ColorPicker, Form, Input } from 'antd';
import type { Tag } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

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

  const submit = async (draft: TagDraft) => {
    await onSubmit({ name: draft.name.trim(), color: draft.color || undefined });
  };

  return (
    <FormModal<TagDraft>
      open={open}
      title={tag ? t('tags.editTag') : t('tags.createTag')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ name: tag?.name ?? '', color: tag?.color ?? PRESETS[0] }}
    >
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
    </FormModal>
  );
}
