// "新建会员": nickname, phone and optionally one platform identity. Field errors from the server are put under
// the matching form items; anything else is shown above the form.
import { Form, Input, Select, Space } from 'antd';
import { membersApi, type NewMember } from '../../api/members';
import { IDENTITY_KINDS, type IdentityKind, type Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Values {
  nickname: string;
  phone?: string;
  identityKind?: IdentityKind;
  identityValue?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (member: Member) => void;
}

// The server reports identity faults under identities.N.kind / identities.N.value, and a taken identity
// (identity.taken) under plain `value`.
const FIELD_ALIAS: Record<string, string> = {
  value: 'identityValue',
  'identities.0.kind': 'identityKind',
  'identities.0.value': 'identityValue',
  'identities[0].kind': 'identityKind',
  'identities[0].value': 'identityValue',
  identities: 'identityValue',
};

export function CreateMemberModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    const body: NewMember = { nickname: values.nickname.trim() };
    if (values.phone?.trim()) body.phone = values.phone.trim();
    if (values.identityKind && values.identityValue?.trim()) {
      body.identities = [{ kind: values.identityKind, value: values.identityValue.trim() }];
    }
    const member = await membersApi.create(body);
    form.resetFields();
    onCreated(member);
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('members.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={t('common.create')}
      fieldAlias={FIELD_ALIAS}
    >
      <Form.Item name="nickname" label={t('member.nickname')} rules={[{ required: true, whitespace: true, message: t('members.nicknameRequired') }]}>
        <Input maxLength={64} data-testid="create-member-nickname" />
      </Form.Item>
      <Form.Item name="phone" label={t('member.phone')}>
        <Input maxLength={32} data-testid="create-member-phone" />
      </Form.Item>
      <Form.Item label={t('members.identityOptional')} style={{ marginBottom: 0 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="identityKind"
            style={{ width: '45%' }}
            dependencies={['identityValue']}
            rules={[
              // A typed ID without its kind would otherwise be dropped silently.
              ({ getFieldValue }) => ({
                validator: (_, kind?: IdentityKind) =>
                  !kind && getFieldValue('identityValue')?.trim() ? Promise.reject(new Error(t('identity.kindRequired'))) : Promise.resolve(),
              }),
            ]}
          >
            <Select
              allowClear
              placeholder={t('identity.kind')}
              options={IDENTITY_KINDS.map((kind) => ({ value: kind, label: t(`identityKind.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="identityValue"
            style={{ width: '55%' }}
            dependencies={['identityKind']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  getFieldValue('identityKind') && !value?.trim() ? Promise.reject(new Error(t('identity.valueRequired'))) : Promise.resolve(),
              }),
            ]}
          >
            <Input placeholder={t('identity.value')} maxLength={128} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
    </FormModal>
  );
}
