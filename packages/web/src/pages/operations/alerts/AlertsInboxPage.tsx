// /ops/alerts — the alert inbox: open, in progress (acknowledged) and resolved alerts, filtered by level, kind and
// "mine", each with a link to what it is about; acknowledge and resolve (alerts.manage, or the addressee).
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { SettingOutlined, SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ALERT_KINDS, ALERT_LEVELS, alertsApi, alertsChanged, onAlertsChanged, targetPath, type Alert, type AlertLevel, type LevelCounts } from '../../../api/alerts';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { LoadMore } from '../../../shared/LoadMore';
import { MetricTitle } from '../../../shared/MetricTitle';
import { formatTime } from '../../../shared/time';
import { useCursorList } from '../../../shared/useCursorList';
import { useNotify } from '../../../shared/useNotify';
import { useAlertActions } from './useAlertActions';
import { LevelTag } from './display';

type Tab = 'open' | 'acknowledged' | 'resolved';
const TABS: Tab[] = ['open', 'acknowledged', 'resolved'];

export function AlertsInboxPage() {
  const t = useT();
  const notify = useNotify();
  const [tab, setTab] = useState<Tab>('open');
  const [level, setLevel] = useState<AlertLevel | undefined>(undefined);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [mine, setMine] = useState(false);
  const [counts, setCounts] = useState<{ open: LevelCounts; acknowledged: LevelCounts } | null>(null);
  const [evaluating, setEvaluating] = useState(false);
  const list = useCursorList(async (cursor) => {
    const page = await alertsApi.list({ status: tab, level, kind, mine }, cursor);
    setCounts(page.counts);
    return page;
  }, [tab, level, kind, mine]);
  const { reload } = list;
  useEffect(() => onAlertsChanged(() => void reload()), [reload]);
  const { can } = useSession();
  const { busy, mayAct, act } = useAlertActions();

  const evaluate = async () => {
    setEvaluating(true);
    try {
      const result = await alertsApi.evaluate();
      notify.success(t('ops.alerts.evaluated', { raised: result.raised, escalated: result.escalated, cleared: result.cleared }));
      if (result.failed.length > 0) notify.error(new Error(t('ops.alerts.evaluateFailed', { kinds: result.failed.map((f) => f.kind).join(', ') })));
      alertsChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setEvaluating(false);
    }
  };

  const tabLabel = (key: Tab) => {
    const count = key === 'resolved' ? null : counts?.[key].total ?? null;
    const title = t(`ops.alerts.tab.${key}`);
    return count === null ? title : (
      <Space size={6}>
        <MetricTitle title={title} definition={t(`ops.alerts.countHelp.${key as 'open' | 'acknowledged'}`)} />
        <Badge count={count} showZero color={key === 'open' && (counts?.open.critical ?? 0) > 0 ? 'red' : 'gray'} data-testid={`alerts-count-${key}`} />
      </Space>
    );
  };

  const handling = (a: Alert) => {
    const lines: string[] = [];
    if (a.acknowledgedAt) lines.push(t('ops.alerts.acknowledgedBy', { name: a.acknowledgedBy?.displayName ?? '—', time: formatTime(a.acknowledgedAt) }));
    if (a.resolvedAt) {
      lines.push(a.resolution === 'cleared'
        ? t('ops.alerts.cleared', { time: formatTime(a.resolvedAt) })
        : t('ops.alerts.resolvedBy', { name: a.resolvedBy?.displayName ?? '—', time: formatTime(a.resolvedAt) }));
    }
    return lines.length === 0 ? '—' : <Space direction="vertical" size={0}>{lines.map((l) => <Typography.Text key={l} type="secondary">{l}</Typography.Text>)}</Space>;
  };

  return (
    <Card
      title={t('ops.alerts.inbox')}
      extra={
        <Space>
          {can('alerts.manage') && <Button icon={<SyncOutlined />} loading={evaluating} onClick={() => void evaluate()} data-testid="alerts-evaluate">{t('ops.alerts.evaluate')}</Button>}
          <Link to="/ops/alerts/rules" data-testid="alerts-rules-link"><Button icon={<SettingOutlined />}>{t('ops.alerts.rules')}</Button></Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('ops.alerts.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select<AlertLevel>
          allowClear
          placeholder={t('ops.alerts.filter.level')}
          style={{ width: 120 }}
          value={level}
          onChange={(v) => setLevel(v ?? undefined)}
          options={ALERT_LEVELS.map((l) => ({ value: l, label: t.label('ops.alerts.level', l) }))}
          data-testid="alerts-filter-level"
        />
        <Select<string>
          allowClear
          placeholder={t('ops.alerts.filter.kind')}
          style={{ width: 200 }}
          value={kind}
          onChange={(v) => setKind(v ?? undefined)}
          options={[...ALERT_KINDS, 'checkin.absentees'].map((k) => ({ value: k, label: t.label('ops.alerts.kind', k) }))}
          data-testid="alerts-filter-kind"
        />
        <Space size={4}>
          <Switch size="small" checked={mine} onChange={setMine} data-testid="alerts-filter-mine" />
          {t('ops.alerts.filter.mine')}
        </Space>
      </Space>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} items={TABS.map((key) => ({ key, label: <span data-testid={`alerts-tab-${key}`}>{tabLabel(key)}</span> }))} />
      <ErrorAlert error={list.error} />
      <Table<Alert>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid="alerts-table"
        onRow={(a) => ({ 'data-testid': `alert-row-${a.id}` } as React.HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: t('ops.alerts.empty') }}
        columns={[
          { title: t('ops.alerts.column.level'), dataIndex: 'level', width: 80, render: (l: string) => <LevelTag level={l} t={t} /> },
          { title: t('ops.alerts.column.kind'), dataIndex: 'kind', width: 150, render: (k: string) => t.label('ops.alerts.kind', k) },
          {
            title: t('ops.alerts.column.message'),
            dataIndex: 'message',
            render: (message: string, a) => {
              const path = targetPath(a.target);
              return <Space direction="vertical" size={0}><span>{message}</span>{path && <Link to={path} data-testid="alert-target">{t('ops.alerts.open')}</Link>}</Space>;
            },
          },
          { title: t('ops.alerts.column.staff'), dataIndex: 'staff', width: 130, render: (s: Alert['staff']) => s?.displayName ?? <Typography.Text type="secondary">{t('ops.alerts.nobody')}</Typography.Text> },
          { title: t('ops.alerts.column.createdAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
          { title: t('ops.alerts.column.handling'), key: 'handling', width: 220, render: (_: unknown, a) => handling(a) },
          {
            title: t('ops.alerts.column.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, a) => a.resolvedAt === null && mayAct(a) && (
              <Space>
                {a.acknowledgedAt === null && (
                  <Button size="small" loading={busy === a.id} onClick={() => void act(a, 'acknowledge')} data-testid={`alert-acknowledge-${a.id}`}>{t('ops.alerts.acknowledge')}</Button>
                )}
                <Button size="small" type="primary" loading={busy === a.id} onClick={() => void act(a, 'resolve')} data-testid={`alert-resolve-${a.id}`}>{t('ops.alerts.resolve')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}><LoadMore list={list} /></div>
    </Card>
  );
}
