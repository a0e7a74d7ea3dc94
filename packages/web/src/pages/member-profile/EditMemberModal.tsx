// Edit a member's nickname and free-form attributes (key/value pairs). A nickname change lands in the
// nickname history on the server.
import { Button, Form, Input, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { membersApi } from '../../api/members';
import type { AttributeValue, Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

interface Values {
  nickname: string;
  attributes: { key: string; value: string }[];
}

interface Props {
  member: Member;
  open: boolean;
  onClose: () => void;
  onSaved: (member: Member) => void;
}

/** Attributes are edited as text; a value that was a number or a boolean is turned back into one when it still reads as one. */
function toRows(attributes: Record<string, AttributeValue>): Values['attributes'] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: String(value) }));
}

function fromRows(rows: Values['attributes'], original: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const { key, value = '' } of rows) {
    const name = key.trim();
    if (!name) continue;
    const before = original[name];
    if (typeof before === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) result[name] = Number(value);
    else if (typeof before === 'boolean' && (value === 'true' || value === 'false')) result[name] = value === 'true';
    else result[name] = value;
  }
  return result;
}

export function EditMemberModal({ member, open, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    const change: { nickname?: string; attributes: Record<string, AttributeValue> } = {
      attributes: fromRows(values.attributes ?? [], member.attributes),
    };
    if (values.nickname.trim() !== member.nickname) change.nickname = values.nickname.trim();
    onSaved(await membersApi.update(member.memberNo, change));
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('profile.edit')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      width={600}
      initialValues={{ nickname: member.nickname, attributes: toRows(member.attributes) }}
    >
      <Form.Item name="nickname" label={t('member.nickname')} rules={[{ required: true, whitespace: true, message: t('members.nicknameRequired') }]}>
        <Input maxLength={64} data-testid="edit-nickname" />
      </Form.Item>
      <Form.Item label={t('profile.attributes')}>
        <Form.List name="attributes">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[row.name, 'key']} rules={[{ required: true, whitespace: true, message: t('profile.attributeKeyRequired') }]}>
                    <Input placeholder={t('profile.attributeKey')} style={{ width: 180 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'value']}>
                    <Input placeholder={t('profile.attributeValue')} style={{ width: 300 }} maxLength={500} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('common.remove')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
                {t('profile.addAttribute')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
