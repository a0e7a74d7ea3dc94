// The header's alerts bell: the count of open alerts (polled every minute) and a drawer with the newest ones to
// acknowledge or resolve, leading to the alert inbox (/ops/alerts).
import { useEffect, useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Space, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { alertsApi, onAlertsChanged, targetPath } from '../../api/alerts';
import { useT } from '../../i18n/useT';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLoad } from '../../shared/useLoad';
import { formatTime } from '../../shared/time';
import { useAlertActions } from '../operations/alerts/useAlertActions';
import { LevelTag } from '../operations/alerts/display';

const POLL_MS = 60_000;
const SHOWN = 20;

export function AlertsBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const alerts = useLoad(() => alertsApi.list({ status: 'open', limit: SHOWN }), []);
  const { reload } = alerts;

  useEffect(() => {
    const timer = window.setInterval(() => void reload(), POLL_MS);
    const unsubscribe = onAlertsChanged(() => void reload());
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [reload]);

  const items = alerts.data?.items ?? [];
  const { busy, mayAct, act } = useAlertActions();

  const go = (path: string) => {
    setOpen(false);
    navigate(path);
  };

  return (
    <>
      <Tooltip title={t('ops.alerts.title')}>
        <Badge count={alerts.data?.counts.open.total ?? 0} size="small" data-testid="alerts-count">
          <Button
            type="text"
            icon={<BellOutlined />}
            aria-label={t('ops.alerts.title')}
            onClick={() => { setOpen(true); void reload(); }}
            data-testid="alerts-bell"
          />
        </Badge>
      </Tooltip>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('ops.alerts.title')}
        width={520}
        data-testid="alerts-drawer"
        extra={<Button type="link" onClick={() => go('/ops/alerts')} data-testid="alerts-inbox-link">{t('ops.alerts.viewAll')}</Button>}
      >
        <Typography.Paragraph type="secondary">{t('ops.alerts.countHelp.open')}</Typography.Paragraph>
        <ErrorAlert error={alerts.error} />
        {items.length === 0 ? (
          <Empty description={t('ops.alerts.empty')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(a) => {
              const path = targetPath(a.target);
              return (
                <List.Item
                  data-testid="alert-item"
                  actions={[
                    ...(path ? [<Button key="open" size="small" type="link" onClick={() => go(path)}>{t('ops.alerts.open')}</Button>] : []),
                    ...(mayAct(a) ? [
                      <Button key="ack" size="small" loading={busy === a.id} onClick={() => void act(a, 'acknowledge')} data-testid="alert-acknowledge">{t('ops.alerts.acknowledge')}</Button>,
                      <Button key="resolve" size="small" loading={busy === a.id} onClick={() => void act(a, 'resolve')} data-testid="alert-resolve">{t('ops.alerts.resolve')}</Button>,
                    ] : []),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space size={4} wrap>
                        <LevelTag level={a.level} t={t} />
                        {t.label('ops.alerts.kind', a.kind)}
                      </Space>
                    }
                    description={
                      <Space direction="vertical" size={0}>
                        <Typography.Text>{a.message}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatTime(a.createdAt)}
                          {a.staff ? ` · ${t('ops.alerts.staff', { name: a.staff.displayName })}` : ''}
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
