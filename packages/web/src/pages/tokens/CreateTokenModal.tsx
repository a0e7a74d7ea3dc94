// Create an API token: a name for people, and the scopes that bound what the integration may do.
import { Checkbox, Form, Input } from 'antd';
import { tokensApi } from '../../api/tokens';
import type { CreatedApiToken } from '../../api/types';
import { useT } from '../../i18n/useT';
import { FormModal } from '../../shared/FormModal';

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

  // Scope names are the API's own words; show the readable label next to them when we have one.
  const scopeLabel = (scope: string) => {
    const label = t.label('permission', scope);
    return label === scope ? scope : `${label} · ${scope}`;
  };

  const submit = async (values: Values) => {
    onCreated(await tokensApi.create(values.name.trim(), values.scopes));
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('tokens.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={t('common.create')}
      initialValues={{ name: '', scopes: [] }}
    >
      <Form.Item name="name" label={t('common.name')} extra={t('tokens.nameHelp')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={80} autoFocus data-testid="token-name" />
      </Form.Item>
      <Form.Item name="scopes" label={t('tokens.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('tokens.scopesRequired') }]}>
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
          options={scopes.map((scope) => ({ value: scope, label: scopeLabel(scope) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
