// /ops/alerts/rules — the thresholds that raise alerts: per kind up to one rule per level, each enabled or not,
// with what the kind measures; add, change and delete them (alerts.manage).
import { useMemo, useState } from 'react';
import { Button, Card, Form, InputNumber, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ALERT_KINDS, ALERT_LEVELS, alertsApi, type AlertKind, type AlertKindInfo, type AlertLevel, type AlertRule } from '../../../api/alerts';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { FormModal } from '../../../shared/FormModal';
import { MetricTitle } from '../../../shared/MetricTitle';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { conditionText, LevelTag } from './display';

interface RuleForm {
  kind: AlertKind;
  level: AlertLevel;
  threshold: number;
  enabled: boolean;
}

export function AlertRulesPage() {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const canManage = can('alerts.manage');
  const load = useLoad(() => alertsApi.rules(), []);
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const kindOf = useMemo(() => new Map((load.data?.kinds ?? []).map((k) => [k.kind, k])), [load.data]);
  const rules = useMemo(
    () => [...(load.data?.items ?? [])].sort((a, b) => ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind) || ALERT_LEVELS.indexOf(a.level) - ALERT_LEVELS.indexOf(b.level)),
    [load.data],
  );
  const chosenKind = Form.useWatch('kind', form) ?? (editing && editing !== 'new' ? editing.kind : undefined);
  const info = chosenKind ? kindOf.get(chosenKind) : undefined;

  const change = async (rule: AlertRule, patch: Partial<RuleForm>) => {
    setBusy(rule.id);
    try {
      await alertsApi.updateRule(rule.id, patch);
      notify.saved();
      await load.reload();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (rule: AlertRule) => {
    try {
      await alertsApi.deleteRule(rule.id);
      notify.success(t('common.deleted'));
      await load.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  const submit = async (values: RuleForm) => {
    if (editing === 'new') await alertsApi.createRule(values);
    else if (editing) await alertsApi.updateRule(editing.id, { level: values.level, threshold: values.threshold, enabled: values.enabled });
    notify.saved();
    setEditing(null);
    await load.reload();
  };

  const kindTitle = (kind: AlertKind) => (
    <MetricTitle title={t.label('ops.alerts.kind', kind)} definition={t(`ops.alerts.definition.${kind}` as MessageKey)} />
  );

  return (
    <Card
      title={t('ops.alerts.rules')}
      extra={
        <Space>
          <Link to="/ops/alerts"><Button icon={<ArrowLeftOutlined />}>{t('ops.alerts.inbox')}</Button></Link>
          {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-add">{t('ops.alerts.rule.add')}</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('ops.alerts.rules.help')}</Typography.Paragraph>
      <ErrorAlert error={load.error} />
      <Table<AlertRule>
        rowKey="id"
        size="small"
        loading={load.loading}
        dataSource={rules}
        pagination={false}
        data-testid="rules-table"
        onRow={(r) => ({ 'data-testid': `rule-${r.kind}-${r.level}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('ops.alerts.rule.kind'), dataIndex: 'kind', render: (kind: AlertKind) => kindTitle(kind) },
          { title: t('ops.alerts.rule.level'), dataIndex: 'level', width: 100, render: (level: string) => <LevelTag level={level} t={t} /> },
          {
            title: t('ops.alerts.rule.condition'),
            key: 'condition',
            render: (_: unknown, r) => {
              const kind = kindOf.get(r.kind);
              return kind ? <span data-testid="rule-condition">{conditionText(t, kind, r.threshold)}</span> : r.threshold;
            },
          },
          {
            title: t('ops.alerts.rule.enabled'),
            dataIndex: 'enabled',
            width: 90,
            render: (enabled: boolean, r) => (
              <Switch size="small" checked={enabled} disabled={!canManage} loading={busy === r.id} onChange={(v) => void change(r, { enabled: v })} data-testid="rule-enabled" />
            ),
          },
          ...(canManage ? [{
            title: t('ops.alerts.column.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, r: AlertRule) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r)} data-testid="rule-edit">{t('common.edit')}</Button>
                <Popconfirm title={t('ops.alerts.rule.deleteConfirm')} onConfirm={() => void remove(r)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" danger data-testid="rule-delete">{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <FormModal<RuleForm>
        open={editing !== null}
        title={t(editing === 'new' ? 'ops.alerts.rule.add' : 'ops.alerts.rule.edit')}
        form={form}
        onSubmit={submit}
        onClose={() => setEditing(null)}
        initialValues={editing && editing !== 'new' ? { kind: editing.kind, level: editing.level, threshold: editing.threshold, enabled: editing.enabled } : { enabled: true }}
      >
        <Form.Item name="kind" label={t('ops.alerts.rule.kind')} rules={[{ required: true, message: t('ops.alerts.rule.required') }]}>
          <Select<AlertKind>
            disabled={editing !== 'new'}
            options={ALERT_KINDS.map((k) => ({ value: k, label: t.label('ops.alerts.kind', k) }))}
            data-testid="rule-kind-select"
          />
        </Form.Item>
        <Form.Item name="level" label={t('ops.alerts.rule.level')} rules={[{ required: true, message: t('ops.alerts.rule.required') }]}>
          <Select<AlertLevel> options={ALERT_LEVELS.map((l) => ({ value: l, label: t.label('ops.alerts.level', l) }))} data-testid="rule-level-select" />
        </Form.Item>
        <Form.Item
          name="threshold"
          label={t('ops.alerts.rule.threshold')}
          rules={[{ required: true, message: t('ops.alerts.rule.required') }]}
          extra={info ? thresholdHelp(t, info) : undefined}
        >
          <InputNumber<number> min={info?.min} max={info?.max} style={{ width: 160 }} data-testid="rule-threshold-input" />
        </Form.Item>
        <Form.Item name="enabled" label={t('ops.alerts.rule.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function thresholdHelp(t: ReturnType<typeof useT>, info: AlertKindInfo): string {
  return `${t('ops.alerts.rule.thresholdHelp', { comparison: conditionText(t, info, 'N'), min: info.min, max: info.max })} · ${t(`ops.alerts.definition.${info.kind}` as MessageKey)}`;
}
