// The incentive rules: how many points each kind of event earns and whether it is on. Everyone sees them; managers
// change them all at once, and a change applies from then on (entries already written stay).
import { useEffect, useState } from 'react';
import { Alert, Button, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { incentivesApi, RULE_POINTS_LIMIT, type IncentiveRule, type RuleInput } from '../../../api/incentives';
import { useT } from '../../../i18n/useT';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { kindLabel, signed } from './display';

export function RulesTab({ canManage }: { canManage: boolean }) {
  const t = useT();
  const notify = useNotify();
  const rules = useLoad(() => incentivesApi.rules().then((r) => r.items), []);
  const [draft, setDraft] = useState<RuleInput[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (rules.data) setDraft(rules.data.map(({ kind, points, enabled }) => ({ kind, points, enabled })));
  }, [rules.data]);
  const dirty = rules.data?.some((r, i) => draft[i] && (draft[i].points !== r.points || draft[i].enabled !== r.enabled)) ?? false;
  const edit = (i: number, change: Partial<RuleInput>) => setDraft((d) => d.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      rules.setData((await incentivesApi.setRules(draft)).items);
      notify.saved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('ops.points.rules.forward')} />
      <ErrorAlert error={rules.error ?? error} />
      <Table<IncentiveRule>
        rowKey="kind"
        size="small"
        loading={rules.loading}
        pagination={false}
        dataSource={rules.data ?? []}
        data-testid="points-rules"
        onRow={(r) => ({ 'data-testid': 'rule-row', 'data-kind': r.kind } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: t('ops.points.rules.kind'),
            key: 'kind',
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{kindLabel(t, r.kind)}</Typography.Text>
                <Typography.Text type="secondary">{t.label('ops.points.rules.when', r.kind)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('ops.points.rules.points'),
            key: 'points',
            width: 160,
            render: (_: unknown, r, i) => (canManage && draft[i]
              ? <InputNumber min={-RULE_POINTS_LIMIT} max={RULE_POINTS_LIMIT} precision={0} value={draft[i].points} onChange={(v) => edit(i, { points: v ?? 0 })} data-testid="rule-points" />
              : signed(r.points)),
          },
          {
            title: t('ops.points.rules.enabled'),
            key: 'enabled',
            width: 110,
            render: (_: unknown, r, i) => <Switch checked={draft[i]?.enabled ?? r.enabled} disabled={!canManage} onChange={(on) => edit(i, { enabled: on })} data-testid="rule-enabled" />,
          },
          { title: t('ops.points.rules.default'), key: 'default', width: 110, render: (_: unknown, r) => `${signed(r.default.points)}${r.default.enabled ? '' : ` (${t('ops.points.rules.off')})`}` },
          { title: t('ops.points.rules.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (at: string | null) => (at ? formatTime(at) : t('ops.points.rules.isDefault')) },
        ]}
      />
      {canManage && (
        <Space>
          <Button type="primary" onClick={save} loading={saving} disabled={!dirty} data-testid="rules-save">{t('common.save')}</Button>
          <Button disabled={!dirty} onClick={() => rules.data && setDraft(rules.data.map(({ kind, points, enabled }) => ({ kind, points, enabled })))}>{t('common.reset')}</Button>
        </Space>
      )}
    </Space>
  );
}
