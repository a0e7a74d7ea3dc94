// /ops/goals — 目标拆解: every goal with its metric, scope, dates and target, and where it stands now (the whole goal
// and each team: completion against time elapsed); create a goal.
import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { goalsApi, type Goal, type Metric } from '../../../api/goals';
import { useLang, useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { StandingBar, StateTag, formatValue, scopeLabel } from './display';
import { GoalFormModal } from './GoalFormModal';

export function GoalsPage() {
  const t = useT();
  const { lang } = useLang();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useSession();
  const [status, setStatus] = useState<'active' | 'archived'>('active');
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => goalsApi.list(status), [status]);
  const metrics = useLoad(() => goalsApi.metrics(), []);
  const metricOf = (key: string) => metrics.data?.items.find((m: Metric) => m.key === key);

  return (
    <Card
      title={t('ops.goals.title')}
      extra={can('goals.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-goal">{t('ops.goals.create')}</Button>
      )}
    >
      <Typography.Paragraph type="secondary">{t('ops.goals.intro')}</Typography.Paragraph>
      <Segmented<'active' | 'archived'>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={setStatus}
        options={[{ value: 'active', label: t('ops.goals.filter.active') }, { value: 'archived', label: t('ops.goals.filter.archived') }]}
        data-testid="goals-status"
      />
      <ErrorAlert error={list.error} />
      <Table<Goal>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('ops.goals.empty') }}
        data-testid="goals-table"
        onRow={(g) => ({ onDoubleClick: () => navigate(`/ops/goals/${g.id}`) })}
        columns={[
          { title: t('ops.goals.field.name'), dataIndex: 'name', render: (name: string, g) => <Link to={`/ops/goals/${g.id}`}>{name}</Link> },
          {
            title: t('ops.goals.field.metric'),
            render: (_, g) => {
              const metric = metricOf(g.metric);
              return metric ? <MetricTitle title={metric.name[lang]} definition={metric.definition[lang].numerator} /> : g.metric;
            },
          },
          { title: t('ops.goals.field.scope'), render: (_, g) => scopeLabel(g, t) },
          { title: t('ops.goals.field.dates'), render: (_, g) => `${g.startsOn} ~ ${g.endsOn}`, width: 200 },
          { title: t('ops.goals.field.target'), align: 'right', render: (_, g) => formatValue(g.unit, g.target) },
          { title: t('ops.goals.field.state'), width: 90, render: (_, g) => <StateTag state={g.state} /> },
          {
            title: <MetricTitle title={t('ops.goals.field.standing')} definition={t('ops.goals.field.standingHelp')} />,
            width: 260,
            render: (_, g) => (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <StandingBar standing={g.standing} testId={`goal-standing-${g.id}`} />
                {g.teamStandings.map((s) => <StandingBar key={s.teamId} standing={s} label={s.teamName} />)}
              </Space>
            ),
          },
        ]}
      />
      <GoalFormModal
        open={creating}
        metrics={metrics.data?.items ?? []}
        onClose={() => setCreating(false)}
        onSaved={(goal) => {
          setCreating(false);
          notify.success(t('ops.goals.created', { name: goal.name }));
          navigate(`/ops/goals/${goal.id}`);
        }}
      />
    </Card>
  );
}
