// Staff sign-in: workspace key, username, password. Server errors (wrong password, 429 rate limit) are shown
// as the server words them, with their code.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined, ApartmentOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { login } from '../../api/auth';
import { useT } from '../../i18n/useT';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { asApiError, errorText } from '../../shared/errors';

interface Credentials {
  workspace: string;
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, so a crafted ?next= cannot send staff elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.workspace.trim(), values.username.trim(), values.password);
      // A full load so the console starts from a clean state with the new session cookie.
      window.location.assign(safeNext(params.get('next')));
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  };

  const rateLimited = error ? asApiError(error).status === 429 : false;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', position: 'relative' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error ? (
          <Alert
            type={rateLimited ? 'warning' : 'error'}
            showIcon
            title={rateLimited ? t('login.rateLimited') : t('login.failed')}
            description={errorText(error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<Credentials> layout="vertical" initialValues={{ workspace: 'demo' }} onFinish={submit} requiredMark={false}>
          <Form.Item name="workspace" label={t('login.workspace')} rules={[{ required: true, message: t('login.workspaceRequired') }]}>
            <Input prefix={<ApartmentOutlined />} autoComplete="organization" data-testid="login-workspace" />
          </Form.Item>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
