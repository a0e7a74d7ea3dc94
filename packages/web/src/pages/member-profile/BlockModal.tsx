// Block (blocklist: no new campaign signups) or unblock a member; a block needs a reason, an unblock may have one.
import { Form, Input, Typography } from 'antd';
import { membersApi } from '../../api/members';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Props {
  member: Member;
  mode: 'block' | 'unblock' | null;
  onClose: () => void;
  onDone: (member: Member) => void;
}

export function BlockModal({ member, mode, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason?: string }) => {
    const text = reason?.trim() ?? '';
    onDone(mode === 'block' ? await membersApi.block(member.memberNo, text) : await membersApi.unblock(member.memberNo, text || undefined));
  };

  return (
    <FormModal<{ reason: string }>
      open={mode !== null}
      title={mode === 'block' ? t('profile.block') : t('profile.unblock')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={mode === 'block' ? t('profile.block') : t('profile.unblock')}
      okDanger={mode === 'block'}
    >
      <Typography.Paragraph type="secondary">{mode === 'block' ? t('profile.blockHelp') : t('profile.unblockHelp')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('profile.reason')}
        rules={mode === 'block' ? [{ required: true, whitespace: true, message: t('profile.reasonRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="block-reason" />
      </Form.Item>
    </FormModal>
  );
}
