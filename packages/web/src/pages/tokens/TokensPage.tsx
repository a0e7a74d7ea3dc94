// API 令牌: tokens for integrations (a mini-program, a CRM sync). Listed by prefix; revoked ones stay for the record.
import { useState } from 'react';
import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { loadMeta } from '../../api/meta';
import { tokensApi } from '../../api/tokens';
import type { ApiToken, CreatedApiToken } from '../../api/types';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatTime } from '../../shared/time';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { CreateTokenModal } from './CreateTokenModal';
import { TokenRevealModal } from './TokenRevealModal';

export function TokensPage() {
  const t = useT();
  const notify = useNotify();
  const tokens = useLoad(() => tokensApi.list().then((r) => r.items), []);
  const meta = useLoad(loadMeta, []);
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<CreatedApiToken | null>(null);

  const revoke = async (token: ApiToken) => {
    try {
      await tokensApi.revoke(token.id);
      notify.success(t('tokens.revokedToast', { name: token.name }));
      await tokens.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Card
      title={t('nav.tokens')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!meta.data} data-testid="create-token">
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.help')}</Typography.Paragraph>
      <ErrorAlert error={tokens.error ?? meta.error} />
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        loading={tokens.loading}
        dataSource={tokens.data ?? []}
        pagination={false}
        data-testid="tokens-table"
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
          {
            title: t('tokens.scopes'),
            dataIndex: 'scopes',
            render: (scopes: string[]) => scopes.map((s) => <Tag key={s} style={{ marginBlock: 2 }}>{t.label('permission', s)}</Tag>),
          },
          {
            title: t('tokens.created'),
            key: 'created',
            render: (_, token) => `${token.createdBy?.displayName ?? '—'} · ${formatTime(token.createdAt)}`,
          },
          { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: (at: string | null) => (at ? formatTime(at) : t('tokens.neverUsed')) },
          {
            title: t('tokens.state'),
            dataIndex: 'revokedAt',
            render: (at: string | null) =>
              at ? <Tag color="red">{t('tokens.revokedAt', { at: formatTime(at) })}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>,
          },
          {
            title: '',
            key: 'revoke',
            width: 90,
            render: (_, token) =>
              token.revokedAt ? null : (
                <Popconfirm
                  title={t('tokens.revokeConfirm', { name: token.name })}
                  description={t('tokens.revokeHelp')}
                  okText={t('tokens.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke(token)}
                >
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateTokenModal
        open={creating}
        scopes={meta.data?.tokenScopes ?? []}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setRevealed(token);
          void tokens.reload();
        }}
      />
      <TokenRevealModal token={revealed} onClose={() => setRevealed(null)} />
    </Card>
  );
}
