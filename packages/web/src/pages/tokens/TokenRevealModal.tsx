// Shows a new token's secret exactly once: the server keeps only its hash and prefix.
import { Alert, Button, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { CreatedApiToken } from '../../api/types';
import { useT } from '../../i18n/useT';
import { useNotify } from '../../shared/useNotify';

export function TokenRevealModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();

  const copy = async () => {
    if (!token) return;
    try {
      await navigator.clipboard.writeText(token.token);
      notify.success(t('tokens.copied'));
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Modal
      open={token !== null}
      title={t('tokens.createdTitle', { name: token?.name ?? '' })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('tokens.savedIt')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.onceWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 13 }} data-testid="token-secret">
          {token?.token}
        </Typography.Text>
      </Typography.Paragraph>
      <Button icon={<CopyOutlined />} onClick={copy} data-testid="token-copy">
        {t('tokens.copy')}
      </Button>
    </Modal>
  );
}
