// Create an API token: a name for people, and the scopes that bound what the integration may do.
import { useState } from 'react';
import { Checkbox, Form, Input, Modal } from 'antd';
import { tokensApi } from '../../api/tokens';
import type { CreatedApiToken } from '../../api/types';
import { useT } from '../../i18n/useT';
import { applyFieldErrors } from '../../shared/applyFieldErrors';
import { ErrorAlert } from '../../shared/ErrorAlert';

interface Values {
  name: string;
  scopes: string[];
}

interface Props {
  open: boolean;
  scopes: string[];
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}

export function CreateTokenModal({ open, scopes, onClose, onCreated }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Scope names are the API's own words; show the readable label next to them when we have one.
  const scopeLabel = (scope: string) => {
    const label = t.label('permission', scope);
    return label === scope ? scope : `${label} · ${scope}`;
  };

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      onCreated(await tokensApi.create(values.name.trim(), values.scopes));
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
      title={t('tokens.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ name: '', scopes: [] }}>
        <Form.Item name="name" label={t('common.name')} extra={t('tokens.nameHelp')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
          <Input maxLength={80} autoFocus data-testid="token-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('tokens.scopesRequired') }]}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
            options={scopes.map((scope) => ({ value: scope, label: scopeLabel(scope) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
