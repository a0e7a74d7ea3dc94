// A member's platform identities (UnionID, OpenID, phone, …). Each identity belongs to exactly one member, so
// adding one already held elsewhere fails with identity.taken and names the holder.
import { useState } from 'react';
import { Button, Card, Form, Input, List, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { membersApi } from '../../api/members';
import { IDENTITY_KINDS, type IdentityKind, type Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/context';
import { asApiError, errorText } from '../../shared/errors';
import { formatTime } from '../../shared/time';
import { useNotify } from '../../shared/useNotify';

interface Props {
  member: Member;
  onChanged: () => void;
}

/** identity.taken names the holder only in words ("… belongs to member 10023"), so the number is read from there. */
function holderOf(error: unknown): string | null {
  const e = asApiError(error);
  if (e.code !== 'identity.taken') return null;
  const match = /member (\d+)/.exec(`${e.fields.value ?? ''} ${e.message}`);
  return match ? match[1] : null;
}

export function IdentitiesSection({ member, onChanged }: Props) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const [form] = Form.useForm<{ kind: IdentityKind; value: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editable = can('members.write') && member.erasedAt === null;

  const add = async (values: { kind: IdentityKind; value: string }) => {
    setSaving(true);
    setError(null);
    try {
      await membersApi.addIdentity(member.memberNo, values.kind, values.value.trim());
      form.resetFields(['value']);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (identityId: number) => {
    try {
      await membersApi.removeIdentity(member.memberNo, identityId);
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };

  const holder = holderOf(error);

  return (
    <Card title={t('profile.identities')} size="small" data-testid="identities-section">
      <List
        size="small"
        dataSource={member.identities}
        locale={{ emptyText: t('profile.noIdentities') }}
        renderItem={(identity) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('profile.removeIdentityConfirm')}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove(identity.id)}
                    >
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={<Typography.Text copyable>{identity.value}</Typography.Text>}
              description={`${t.label('identityKind', identity.kind)} · ${formatTime(identity.createdAt)}`}
            />
          </List.Item>
        )}
      />
      {editable && (
        <Form form={form} onFinish={add} initialValues={{ kind: 'wechat_unionid' }} style={{ marginTop: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="kind" noStyle>
              <Select
                style={{ width: '42%' }}
                options={IDENTITY_KINDS.map((kind) => ({ value: kind, label: t(`identityKind.${kind}`) }))}
                data-testid="add-identity-kind"
              />
            </Form.Item>
            <Form.Item name="value" noStyle rules={[{ required: true, whitespace: true, message: t('identity.valueRequired') }]}>
              <Input placeholder={t('identity.value')} maxLength={128} data-testid="add-identity-value" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving} data-testid="add-identity-submit">
              {t('common.add')}
            </Button>
          </Space.Compact>
          {error ? (
            <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
              {errorText(error)}
              {holder && (
                <>
                  {' '}
                  <Link to={`/members/${holder}`}>{t('profile.openHolder', { memberNo: holder })}</Link>
                </>
              )}
            </Typography.Text>
          ) : null}
        </Form>
      )}
    </Card>
  );
}
