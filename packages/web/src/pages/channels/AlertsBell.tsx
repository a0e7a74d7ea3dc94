// The header's alerts bell: the count of open alerts (polled every minute) and a drawer to read and resolve them.
import { useEffect, useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { alertsApi, type Alert } from '../../api/channels';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLoad } from '../../shared/useLoad';
import { useNotify } from '../../shared/useNotify';
import { formatTime } from '../../shared/time';

const POLL_MS = 60_000;
const LEVEL_COLOR: Record<string, string> = { info: 'blue', warning: 'orange', critical: 'red' };

/** The console page an alert is about, from its subject ('channel:12', 'group:7'). */
function subjectPath(subject: string): string | null {
  const [kind, id] = subject.split(':');
  if (!id || !/^\d+$/.test(id)) return null;
  if (kind === 'channel') return `/channels/${id}`;
  if (kind === 'group') return `/groups/${id}`;
  return null;
}

export function AlertsBell() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [resolving, setResolving] = useState<number | null>(null);
  const alerts = useLoad(() => alertsApi.open(), []);
  const { reload } = alerts;

  useEffect(() => {
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const items = alerts.data?.items ?? [];

  const resolve = async (alert: Alert) => {
    setResolving(alert.id);
    try {
      await alertsApi.resolve(alert.id);
      notify.success(t('alerts.resolved'));
      alerts.setData({ items: items.filter((a) => a.id !== alert.id) });
    } catch (e) {
      notify.error(e);
    } finally {
      setResolving(null);
    }
  };

  const go = (path: string) => {
    setOpen(false);
    navigate(path);
  };

  return (
    <>
      <Tooltip title={t('alerts.title')}>
        <Badge count={items.length} size="small" data-testid="alerts-count">
          <Button
            type="text"
            icon={<BellOutlined />}
            aria-label={t('alerts.title')}
            onClick={() => { setOpen(true); void reload(); }}
            data-testid="alerts-bell"
          />
        </Badge>
      </Tooltip>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('alerts.title')} width={480} data-testid="alerts-drawer">
        <Typography.Paragraph type="secondary">{t('alerts.help')}</Typography.Paragraph>
        <ErrorAlert error={alerts.error} />
        {items.length === 0 ? (
          <Empty description={t('alerts.empty')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(a) => {
              const path = subjectPath(a.subject);
              return (
                <List.Item
                  data-testid="alert-item"
                  actions={[
                    ...(path ? [<Button key="open" size="small" type="link" onClick={() => go(path)}>{t('alerts.open')}</Button>] : []),
                    <Button key="resolve" size="small" loading={resolving === a.id} onClick={() => void resolve(a)} data-testid="alert-resolve">
                      {t('alerts.resolve')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space size={4} wrap>
                        <Tag color={LEVEL_COLOR[a.level] ?? 'default'}>{t.label('alerts.level', a.level)}</Tag>
                        {t.label('alerts.kind', a.kind)}
                      </Space>
                    }
                    description={
                      <Space direction="vertical" size={0}>
                        <Typography.Text>{a.message}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatTime(a.createdAt)}
                          {a.staff ? ` · ${t('alerts.staff', { name: a.staff.displayName })}` : ''}
                        </Typography.Text>
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Drawer>
    </>
  );
}
