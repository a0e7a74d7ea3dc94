// /ops/goals/:id — one goal: what it measures and how it is split, where the whole goal and each team stand, and per
// line (whole goal, each team, unassigned) the daily plan, the re-planned targets and the actuals, as a chart and a
// table in which a manual goal's values are typed in.
import { useState } from 'react';
import { Button, Card, Descriptions, Popconfirm, Space, Statistic, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { goalsApi, type Line, type Progress } from '../../../api/goals';
import { useLang, useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { DayTable } from './DayTable';
import { Defined, StandingBar, StateTag, formatRatio, formatValue, scopeLabel } from './display';
import { GoalChart } from './GoalChart';
import { GoalEditModal } from './GoalEditModal';

const lineKey = (l: Line) => (l.kind === 'team' ? `team-${l.teamId}` : l.kind);

function Standings({ progress }: { progress: Progress }) {
  const t = useT();
  const { goal } = progress;
  const def = progress.definitions;
  const s = goal.standing;
  return (
    <Space size={48} wrap align="start">
      <Statistic
        title={<Defined label={t('ops.goals.figure.achieved')} definition={def.cumulative} />}
        value={formatValue(goal.unit, s.achieved)}
        suffix={`/ ${formatValue(goal.unit, s.target)}`}
        valueStyle={{ fontSize: 22 }}
        data-testid="goal-achieved"
      />
      <Statistic title={<Defined label={t('ops.goals.figure.completion')} definition={def.cumulativeCompletion} />} value={formatRatio(s.completion)} valueStyle={{ fontSize: 22 }} data-testid="goal-completion" />
      <Statistic
        title={<Defined label={t('ops.goals.figure.timeElapsed')} definition={def.timeElapsed} />}
        value={formatRatio(s.timeElapsed)}
        suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${s.timeElapsed.numerator} / ${s.timeElapsed.denominator}`}</Typography.Text>}
        valueStyle={{ fontSize: 22 }}
        data-testid="goal-time-elapsed"
      />
      <Statistic title={<Defined label={t('ops.goals.figure.gap')} definition={def.gapPoints} />} value={t('ops.goals.figure.gapPoints', { points: s.gapPoints })} valueStyle={{ fontSize: 22 }} />
      {goal.teamStandings.length > 0 && (
        <Space direction="vertical" size={4} style={{ minWidth: 240 }} data-testid="goal-team-standings">
          {goal.teamStandings.map((st) => <StandingBar key={st.teamId} standing={st} label={`${st.teamName} · ${formatValue(goal.unit, st.achieved)} / ${formatValue(goal.unit, st.target)}`} />)}
        </Space>
      )}
    </Space>
  );
}

export function GoalDetailPage() {
  const t = useT();
  const { lang } = useLang();
  const notify = useNotify();
  const { can } = useSession();
  const id = Number(useParams().id);
  const progress = useLoad(() => goalsApi.progress(id), [id]);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('total');
  const p = progress.data;
  const canManage = can('goals.manage');
  const lineLabel = (l: Line) => (l.kind === 'team' ? l.teamName ?? '—' : t(`ops.goals.line.${l.kind}`));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Link to="/ops/goals"><ArrowLeftOutlined /> {t('ops.goals.detail.back')}</Link>
      <ErrorAlert error={progress.error} />
      {p && (
        <>
          <Card
            title={<Space><span data-testid="goal-title">{p.goal.name}</span><StateTag state={p.goal.state} /></Space>}
            extra={canManage && p.goal.state !== 'archived' && (
              <Space>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="goal-edit">{t('common.edit')}</Button>
                <Popconfirm
                  title={t('ops.goals.archiveConfirm')}
                  onConfirm={async () => {
                    try {
                      await goalsApi.archive(p.goal.id);
                      notify.success(t('ops.goals.archived'));
                      void progress.reload();
                    } catch (error) {
                      notify.error(error);
                    }
                  }}
                >
                  <Button icon={<InboxOutlined />}>{t('ops.goals.archive')}</Button>
                </Popconfirm>
              </Space>
            )}
          >
            <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={<Defined label={t('ops.goals.field.metric')} definition={p.definitions.metric} testId="def-metric" />}>
                {p.metric.name[lang]}
              </Descriptions.Item>
              <Descriptions.Item label={t('ops.goals.field.scope')}>{scopeLabel(p.goal, t)}</Descriptions.Item>
              <Descriptions.Item label={t('ops.goals.field.dates')}>{t('ops.goals.detail.dates', { from: p.goal.startsOn, to: p.goal.endsOn, days: p.goal.days })}</Descriptions.Item>
              <Descriptions.Item label={t('ops.goals.field.target')}><span data-testid="goal-target-value">{formatValue(p.goal.unit, p.goal.target)}</span></Descriptions.Item>
              <Descriptions.Item label={t('ops.goals.field.split')}>
                {t(`ops.goals.split.${p.goal.split}`)}
                {p.goal.weekdayWeights && ` (${p.goal.weekdayWeights.map((w, i) => `${t(`ops.goals.weekday.${i + 1}` as Parameters<typeof t>[0])} ${w}`).join(' · ')})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('ops.goals.detail.teams')}>
                {p.goal.teams.map((x) => `${x.teamName ?? t('ops.goals.line.total')} ${formatValue(p.goal.unit, x.target)}`).join('、')}
              </Descriptions.Item>
              {p.goal.description && <Descriptions.Item label={t('ops.goals.field.description')} span={2}>{p.goal.description}</Descriptions.Item>}
            </Descriptions>
            <Standings progress={p} />
          </Card>
          <Card title={t('ops.goals.chart.title')} extra={p.metric.key === 'manual' && canManage && <Typography.Text type="secondary">{t('ops.goals.manualHelp')}</Typography.Text>}>
            <Tabs
              activeKey={p.lines.some((l) => lineKey(l) === tab) ? tab : 'total'}
              onChange={setTab}
              data-testid="goal-lines"
              items={p.lines.map((l) => ({
                key: lineKey(l),
                label: <span data-testid={`goal-line-${lineKey(l)}`}>{lineLabel(l)}</span>,
                children: (
                  <Space direction="vertical" style={{ width: '100%' }} size={12}>
                    {l.kind === 'unassigned' && <Typography.Text type="secondary">{p.definitions.unassigned[lang].numerator}</Typography.Text>}
                    <GoalChart progress={p} line={l} />
                    <DayTable progress={p} line={l} canEnter={canManage && p.goal.state !== 'archived'} onSaved={(next) => progress.setData(next)} />
                  </Space>
                ),
              }))}
            />
          </Card>
          <GoalEditModal
            open={editing}
            goal={p.goal}
            onClose={() => setEditing(false)}
            onSaved={() => { setEditing(false); notify.saved(); void progress.reload(); }}
          />
        </>
      )}
    </Space>
  );
}
