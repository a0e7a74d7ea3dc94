// Create a goal: the metric (with what it counts), the scope, the dates, the target, the teams and their shares,
// and how each team's target is split over the days (evenly, by weekday weights, or by hand in a grid whose rows
// become the teams' targets).
import { useEffect, useMemo, useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { goalsApi, type Goal, type GoalDraft, type Metric, type MetricKey, type ScopeKind, type SplitMethod } from '../../../api/goals';
import { teamsApi } from '../../../api/staff';
import type { Team } from '../../../api/types';
import { useLang, useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';
import { ScopePicker } from './ScopePicker';
import { HandSplitGrid, WeekdayWeights, type GridRow } from './SplitInputs';

const DAY = 'YYYY-MM-DD';
const MAX_GRID_DAYS = 62;

type TeamsMode = 'all' | 'chosen' | 'none';

interface Values {
  name: string;
  description?: string;
  metric: MetricKey;
  scopeKind: ScopeKind;
  scopeId?: number | null;
  startsOn: Dayjs;
  endsOn: Dayjs;
  /** For a rate, in percent. */
  target: number;
  teamsMode: TeamsMode;
  teamIds?: number[];
  handSet?: boolean;
  teamTargets?: Record<string, number | null>;
  split: SplitMethod;
  weekdayWeights?: number[];
  grid?: Record<string, Record<string, number | null>>;
}

function daysOf(from: Dayjs | undefined, to: Dayjs | undefined): string[] {
  if (!from || !to || to.isBefore(from, 'day') || to.diff(from, 'day') >= MAX_GRID_DAYS) return [];
  const out: string[] = [];
  for (let d = from; !d.isAfter(to, 'day'); d = d.add(1, 'day')) out.push(d.format(DAY));
  return out;
}

function toDraft(v: Values, metric: Metric | undefined, teams: Team[]): GoalDraft {
  const rate = metric?.kind === 'rate';
  const chosen = v.teamsMode === 'all' ? teams.map((x) => x.id) : v.teamsMode === 'chosen' ? (v.teamIds ?? []) : [];
  const draft: GoalDraft = {
    name: v.name.trim(), description: v.description?.trim() || undefined, metric: v.metric, scopeKind: v.scopeKind,
    scopeId: v.scopeKind === 'workspace' ? null : v.scopeId ?? null,
    target: rate ? Math.round(v.target * 100) / 10_000 : v.target,
    startsOn: v.startsOn.format(DAY), endsOn: v.endsOn.format(DAY), split: v.split,
    teams: v.teamsMode === 'all' ? 'all' : v.teamsMode === 'none' ? [] : chosen.map((teamId) => (
      v.handSet && !rate ? { teamId, target: v.teamTargets?.[String(teamId)] ?? 0 } : { teamId }
    )),
  };
  if (v.split === 'weekday') draft.weekdayWeights = v.weekdayWeights ?? [];
  if (v.split === 'manual') {
    // The grid's rows are the teams' targets: what the user sees adding up is what the server checks.
    const rows = chosen.length && v.scopeKind !== 'team' ? chosen.map(String) : v.scopeKind === 'team' && v.scopeId ? [String(v.scopeId)] : ['whole'];
    const sum = (key: string) => Object.values(v.grid?.[key] ?? {}).reduce<number>((a, x) => a + (x ?? 0), 0);
    draft.manualTargets = rows.flatMap((key) => Object.entries(v.grid?.[key] ?? {})
      .filter(([, target]) => target)
      .map(([day, target]) => ({ teamId: key === 'whole' ? null : Number(key), day, target: target! })));
    if (v.scopeKind !== 'team' && chosen.length) draft.teams = chosen.map((teamId) => ({ teamId, target: sum(String(teamId)) }));
  }
  return draft;
}

interface Props {
  open: boolean;
  metrics: Metric[];
  onClose: () => void;
  onSaved: (goal: Goal) => void;
}

export function GoalFormModal({ open, metrics, onClose, onSaved }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [teams, setTeams] = useState<Team[]>([]);
  useEffect(() => {
    if (open) teamsApi.list().then((r) => setTeams(r.items), () => setTeams([]));
  }, [open]);

  const metricKey = Form.useWatch('metric', form);
  const scopeKind = Form.useWatch('scopeKind', form) ?? 'workspace';
  const scopeId = Form.useWatch('scopeId', form);
  const teamsMode = Form.useWatch('teamsMode', form) ?? 'all';
  const teamIds = Form.useWatch('teamIds', form) ?? [];
  const handSet = Form.useWatch('handSet', form);
  const split = Form.useWatch('split', form) ?? 'even';
  const startsOn = Form.useWatch('startsOn', form);
  const endsOn = Form.useWatch('endsOn', form);
  const metric = metrics.find((m) => m.key === metricKey);
  const flow = !metric || metric.kind === 'flow';
  const days = useMemo(() => daysOf(startsOn, endsOn), [startsOn, endsOn]);
  const gridRows: GridRow[] = scopeKind === 'team'
    ? [{ key: String(scopeId ?? 'whole'), label: teams.find((x) => x.id === scopeId)?.name ?? '—' }]
    : teamsMode === 'none' || (teamsMode === 'all' && teams.length === 0)
      ? [{ key: 'whole', label: t('ops.goals.line.total') }]
      : (teamsMode === 'all' ? teams : teams.filter((x) => teamIds.includes(x.id))).map((x) => ({ key: String(x.id), label: x.name }));

  // A metric that cannot be cut by the chosen scope, or a rate with a split over days, falls back to what it can do.
  useEffect(() => {
    if (metric && !metric.scopes.includes(scopeKind)) form.setFieldsValue({ scopeKind: 'workspace', scopeId: null });
    if (metric && metric.kind !== 'flow' && split !== 'even') form.setFieldValue('split', 'even');
  }, [metricKey]);

  const submit = async (values: Values) => {
    onSaved(await goalsApi.create(toDraft(values, metric, teams)));
  };

  const start = dayjs().add(1, 'day');
  return (
    <FormModal<Values>
      open={open}
      title={t('ops.goals.create')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      width={860}
      fieldAlias={{ teams: 'teamIds', manualTargets: 'split' }}
      initialValues={{
        metric: 'signups', scopeKind: 'workspace', teamsMode: 'all', split: 'even', startsOn: start, endsOn: start.add(4, 'day'),
        weekdayWeights: [1, 1, 1, 1, 1, 1, 1],
      }}
    >
      <Form.Item name="name" label={t('ops.goals.field.name')} rules={[{ required: true, whitespace: true, message: t('common.nameRequired') }]}>
        <Input maxLength={80} autoFocus data-testid="goal-name" />
      </Form.Item>
      <Form.Item name="metric" label={t('ops.goals.field.metric')} extra={metric && <span data-testid="goal-metric-definition">{metric.definition[lang].numerator}</span>}>
        <Select options={metrics.map((m) => ({ value: m.key, label: m.name[lang] }))} data-testid="goal-metric" style={{ width: 320 }} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="scopeKind" label={t('ops.goals.field.scopeKind')}>
          <Select
            style={{ width: 160 }}
            options={(metric?.scopes ?? ['workspace']).map((k) => ({ value: k, label: t(`ops.goals.scope.${k}`) }))}
            onChange={() => form.setFieldValue('scopeId', null)}
            data-testid="goal-scope-kind"
          />
        </Form.Item>
        {scopeKind !== 'workspace' && (
          <Form.Item name="scopeId" label={t('ops.goals.field.scopeId')} rules={[{ required: true, message: t('ops.goals.scopeRequired') }]}>
            <ScopePicker kind={scopeKind} />
          </Form.Item>
        )}
      </Space>
      <Space align="start" wrap>
        <Form.Item name="startsOn" label={t('ops.goals.field.startsOn')} rules={[{ required: true, message: t('ops.goals.dateRequired') }]}>
          <DatePicker format={DAY} allowClear={false} data-testid="goal-starts-on" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('ops.goals.field.endsOn')} rules={[{ required: true, message: t('ops.goals.dateRequired') }]}>
          <DatePicker format={DAY} allowClear={false} data-testid="goal-ends-on" />
        </Form.Item>
        <Form.Item
          name="target"
          label={metric?.kind === 'rate' ? t('ops.goals.field.targetRate') : t('ops.goals.field.target')}
          rules={[{ required: true, message: t('ops.goals.targetRequired') }]}
        >
          <InputNumber min={0} max={metric?.kind === 'rate' ? 100 : undefined} precision={metric?.whole ? 0 : 2} style={{ width: 180 }} data-testid="goal-target" />
        </Form.Item>
      </Space>
      {scopeKind !== 'team' && (
        <Form.Item name="teamsMode" label={t('ops.goals.field.teams')} extra={t('ops.goals.teamsHelp')}>
          <Radio.Group
            data-testid="goal-teams-mode"
            options={(['all', 'chosen', 'none'] as const).map((m) => ({ value: m, label: t(`ops.goals.teamsMode.${m}`) }))}
          />
        </Form.Item>
      )}
      {scopeKind !== 'team' && teamsMode === 'chosen' && (
        <>
          <Form.Item name="teamIds" rules={[{ required: true, message: t('ops.goals.teamsRequired') }]}>
            <Select mode="multiple" options={teams.map((x) => ({ value: x.id, label: x.name }))} style={{ width: 420 }} data-testid="goal-team-ids" />
          </Form.Item>
          {flow && split !== 'manual' && (
            <Form.Item name="handSet" valuePropName="checked">
              <Checkbox data-testid="goal-hand-set">{t('ops.goals.teams.handSet')}</Checkbox>
            </Form.Item>
          )}
          {handSet && flow && split !== 'manual' && (
            <Space wrap style={{ marginBottom: 16 }}>
              {teams.filter((x) => teamIds.includes(x.id)).map((x) => (
                <Space key={x.id} size={4}>
                  <Typography.Text>{x.name}</Typography.Text>
                  <Form.Item name={['teamTargets', String(x.id)]} noStyle>
                    <InputNumber min={0} style={{ width: 120 }} data-testid={`goal-team-target-${x.id}`} />
                  </Form.Item>
                </Space>
              ))}
            </Space>
          )}
        </>
      )}
      <Form.Item name="split" label={t('ops.goals.field.split')} extra={flow ? t(`ops.goals.splitHelp.${split}`) : t('ops.goals.splitHelp.notFlow')}>
        <Radio.Group
          disabled={!flow}
          data-testid="goal-split"
          options={(['even', 'weekday', 'manual'] as const).map((m) => ({ value: m, label: t(`ops.goals.split.${m}`) }))}
        />
      </Form.Item>
      {flow && split === 'weekday' && (
        <Form.Item label={t('ops.goals.field.weights')} required>
          <WeekdayWeights />
        </Form.Item>
      )}
      {flow && split === 'manual' && (
        <Form.Item label={t('ops.goals.field.grid')} extra={t('ops.goals.grid.help')}>
          {days.length ? <HandSplitGrid rows={gridRows} days={days} whole={gridRows[0]?.key === 'whole'} />
            : <Typography.Text type="secondary">{t('ops.goals.grid.pickDates', { max: MAX_GRID_DAYS })}</Typography.Text>}
        </Form.Item>
      )}
      <Form.Item name="description" label={t('ops.goals.field.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
