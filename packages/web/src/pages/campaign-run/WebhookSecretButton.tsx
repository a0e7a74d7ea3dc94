// The workspace's payment-notice secret: created or rotated on demand and shown once (the provider's relay signs
// each notice with it; rotating makes the old one fail at once).
import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Popconfirm, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { enrollmentsApi, type WebhookSecret } from '../../api/enrollments';
import { useT } from '../../i18n/useT';
import { useNotify } from '../../shared/useNotify';

export function WebhookSecretButton() {
  const t = useT();
  const notify = useNotify();
  const [secret, setSecret] = useState<WebhookSecret | null>(null);
  const [busy, setBusy] = useState(false);
  // The server answers the path; the provider needs the whole address.
  const url = secret ? new URL(secret.url, window.location.origin).toString() : '';

  const rotate = async () => {
    setBusy(true);
    try {
      setSecret(await enrollmentsApi.rotateWebhookSecret());
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Popconfirm title={t('run.webhook.confirm')} onConfirm={() => void rotate()}>
        <Button icon={<KeyOutlined />} loading={busy} data-testid="webhook-secret">{t('run.webhook.button')}</Button>
      </Popconfirm>
      <Modal
        open={secret !== null}
        title={t('run.webhook.title')}
        onCancel={() => setSecret(null)}
        mask={{ closable: false }}
        footer={<Button type="primary" onClick={() => setSecret(null)}>{t('run.webhook.savedIt')}</Button>}
        width={640}
      >
        <Alert type="warning" showIcon title={t('run.webhook.once')} style={{ marginBottom: 16 }} />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('run.webhook.secret')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="webhook-secret-value">{secret?.secret}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('run.webhook.url')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('run.webhook.signature')}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>{t('run.webhook.signatureValue', { header: secret?.header ?? '' })}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Modal>
    </>
  );
}
