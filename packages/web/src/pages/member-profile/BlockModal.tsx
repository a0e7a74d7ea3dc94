// Block (blocklist: no new campaign signups) or unblock a member; a block needs a reason, an unblock may have one.
import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { membersApi } from '../../api/members';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';

interface Props {
  member: Member;
  mode: 'block' | 'unblock' | null;
  onClose: () => void;
  onDone: (member: Member) => void;
}

export function BlockModal({ member, mode, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ reason }: { reason?: string }) => {
    setSaving(true);
    setError(null);
    try {
      const text = reason?.trim() ?? '';
      onDone(mode === 'block' ? await membersApi.block(member.memberNo, text) : await membersApi.unblock(member.memberNo, text || undefined));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={mode === 'block' ? t('profile.block') : t('profile.unblock')}
      okText={mode === 'block' ? t('profile.block') : t('profile.unblock')}
      okButtonProps={{ danger: mode === 'block' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{mode === 'block' ? t('profile.blockHelp') : t('profile.unblockHelp')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('profile.reason')}
          rules={mode === 'block' ? [{ required: true, whitespace: true, message: t('profile.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="block-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
