// /ops/morning — 早会看板: the lead's morning view of yesterday (domain_ops.md §5.3): against target per team, SOP
// completion and what is overdue, red flags, the channel table, and the campaigns running with their check-in curves.
import { Alert, Card, Col, DatePicker, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { briefingsApi, type MorningBoard, type SopRow } from '../../../api/briefings';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { AXIS_NAME, Chart, type ChartOption } from '../../reports/Chart';
import { Figure, Labelled, pct, ratioText, yuan } from './display';

const DAY = 'YYYY-MM-DD';
const ALL = 'all';

export function MorningBoardPage() {
  const t = useT();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  // Without a choice in the URL the board is the signed-in person's team (or all teams for those without one).
  const team = params.get('team') ?? (session.staff.teamId === null ? ALL : String(session.staff.teamId));
  const teamId = team === ALL ? undefined : Number(team);
  const date = params.get('date') ?? undefined;
  const load = useLoad(() => briefingsApi.morning({ teamId, date }), [teamId, date]);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const b = load.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap size="middle">
          <Typography.Title level={4} style={{ margin: 0 }}>{t('ops.briefings.morning.title')}</Typography.Title>
          <Select
            style={{ width: 200 }}
            value={team}
            onChange={(v: string) => set('team', v)}
            options={[{ value: ALL, label: t('ops.briefings.morning.allTeams') }, ...(b?.teams ?? []).map((x) => ({ value: String(x.id), label: x.name }))]}
            data-testid="morning-team"
          />
          <DatePicker allowClear={false} value={b ? dayjs(b.date) : date ? dayjs(date) : null} onChange={(d) => set('date', d ? d.format(DAY) : undefined)} data-testid="morning-date" />
          {b && <Typography.Text type="secondary">{t('ops.briefings.morning.about', { day: b.yesterday })}</Typography.Text>}
        </Space>
      </Card>
      <ErrorAlert error={load.error} />
      {b && <Board b={b} />}
    </Space>
  );
}

function sopColumns(t: ReturnType<typeof useT>, d: MorningBoard['definitions'], first: string) {
  return [
    { title: first, dataIndex: 'label' },
    { title: t('ops.briefings.sop.due'), dataIndex: 'due', align: 'right' as const },
    { title: t('ops.briefings.sop.onTime'), dataIndex: 'onTime', align: 'right' as const },
    { title: t('ops.briefings.sop.late'), dataIndex: 'late', align: 'right' as const },
    { title: t('ops.briefings.sop.missed'), dataIndex: 'missed', align: 'right' as const },
    { title: <Labelled label={t('ops.briefings.sop.completion')} definitions={d} field="sop_completion" />, key: 'c', align: 'right' as const, render: (_: unknown, r: SopRow) => `${pct(r.completionRate.value)}（${ratioText(r.completionRate)}）` },
    { title: <Labelled label={t('ops.briefings.sop.punctuality')} definitions={d} field="sop_punctuality" />, key: 'p', align: 'right' as const, render: (_: unknown, r: SopRow) => pct(r.punctualityRate.value) },
  ];
}

function curveOption(b: MorningBoard, dayLabel: (n: number) => string): ChartOption {
  const days = Math.max(0, ...b.campaigns.map((c) => c.dayIndex));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: Array.from({ length: days }, (_, i) => dayLabel(i + 1)) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%', nameTextStyle: AXIS_NAME },
    series: b.campaigns.map((c) => ({
      type: 'line' as const, name: c.key, smooth: false,
      data: c.curve.map((p) => (p.rate.value === null ? null : Math.round(p.rate.value * 1000) / 10)),
    })),
  };
}

function Board({ b }: { b: MorningBoard }) {
  const t = useT();
  const d = b.definitions;
  return (
    <Row gutter={[16, 16]} data-testid="morning-board">
      <Col xs={24}>
        <Card title={t('ops.briefings.morning.goals')} size="small" data-testid="morning-goals">
          <Table
            size="small" rowKey={(a) => `${a.goalId}-${a.team?.id ?? 0}`} pagination={false} dataSource={b.goals.attainment}
            locale={{ emptyText: t('ops.briefings.morning.noGoals') }}
            columns={[
              { title: t('ops.briefings.col.goal'), dataIndex: 'goalName' },
              { title: t('ops.briefings.col.team'), key: 'team', render: (_: unknown, a) => a.team?.name ?? t('ops.briefings.wholeGoal') },
              { title: <Labelled label={t('ops.briefings.morning.planned')} definitions={d} field="goal_planned" />, dataIndex: 'planned', align: 'right' },
              { title: <Labelled label={t('ops.briefings.morning.target')} definitions={d} field="goal_target" />, dataIndex: 'target', align: 'right' },
              { title: <Labelled label={t('ops.briefings.morning.actual')} definitions={d} field="goal_actual" />, dataIndex: 'actual', align: 'right' },
              {
                title: <Labelled label={t('ops.briefings.morning.achievement')} definitions={d} field="goal_achievement" />, key: 'ach', align: 'right',
                render: (_: unknown, a) => <Space>{pct(a.achievement.value)}<Tag color={a.met ? 'green' : 'red'}>{t(a.met ? 'ops.briefings.morning.met' : 'ops.briefings.morning.notMet')}</Tag></Space>,
              },
            ]}
          />
          {b.goals.standings.length > 0 && (
            <Table
              size="small" rowKey={(g) => `${g.goalId}-${g.team?.id ?? 0}`} pagination={false} dataSource={b.goals.standings} style={{ marginTop: 12 }}
              columns={[
                { title: t('ops.briefings.col.goal'), dataIndex: 'goalName' },
                { title: t('ops.briefings.col.team'), key: 'team', render: (_: unknown, g) => g.team?.name ?? t('ops.briefings.wholeGoal') },
                { title: <Labelled label={t('ops.briefings.morning.completion')} definitions={d} field="goal_completion" />, key: 'c', align: 'right', render: (_: unknown, g) => `${pct(g.completion)}（${g.achieved} / ${g.target}）` },
                { title: <Labelled label={t('ops.briefings.morning.timeElapsed')} definitions={d} field="goal_time_elapsed" />, key: 'time', align: 'right', render: (_: unknown, g) => pct(g.timeElapsed) },
                {
                  title: t('ops.briefings.morning.gap'), key: 'gap', align: 'right',
                  render: (_: unknown, g) => <Typography.Text type={g.gapPoints > 10 ? 'danger' : undefined}>{g.gapPoints > 0 ? t('ops.briefings.morning.behind', { n: g.gapPoints.toFixed(1) }) : t('ops.briefings.morning.ahead', { n: (-g.gapPoints).toFixed(1) })}</Typography.Text>,
                },
              ]}
            />
          )}
        </Card>
      </Col>

      <Col xs={24} xl={12}>
        <Card title={t('ops.briefings.morning.sop')} size="small" style={{ height: '100%' }} data-testid="morning-sop">
          <Row gutter={[16, 16]}>
            <Col xs={12}><Figure label={t('ops.briefings.sop.completion')} definitions={d} field="sop_completion" value={pct(b.sop.total.completionRate.value)} ratio={b.sop.total.completionRate} testId="morning-sop-completion" /></Col>
            <Col xs={12}><Figure label={t('ops.briefings.sop.punctuality')} definitions={d} field="sop_punctuality" value={pct(b.sop.total.punctualityRate.value)} ratio={b.sop.total.punctualityRate} testId="morning-sop-punctuality" /></Col>
          </Row>
          <Table size="small" rowKey={(r) => String(r.key)} pagination={false} style={{ marginTop: 12 }} dataSource={b.sop.byStaff.filter((r) => r.due > 0)} columns={sopColumns(t, d, t('ops.briefings.col.staff'))} />
          <Table size="small" rowKey={(r) => String(r.key)} pagination={{ pageSize: 10, hideOnSinglePage: true }} style={{ marginTop: 12 }} dataSource={b.sop.byGroup.filter((r) => r.due > 0)} columns={sopColumns(t, d, t('ops.briefings.col.group'))} />
          <div style={{ marginTop: 12 }}>
            <Labelled label={<Typography.Text strong>{t('ops.briefings.morning.overdue', { n: b.sop.overdue.length })}</Typography.Text>} definitions={d} field="overdue" />
            <Table
              size="small" rowKey="id" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={b.sop.overdue} data-testid="morning-overdue"
              columns={[
                { title: t('ops.briefings.col.task'), dataIndex: 'title' },
                { title: t('ops.briefings.col.due'), dataIndex: 'dueDate' },
                { title: t('ops.briefings.col.group'), key: 'g', render: (_: unknown, x) => x.group?.name ?? '—' },
                { title: t('ops.briefings.col.assignee'), key: 'a', render: (_: unknown, x) => x.assignee?.name ?? '—' },
                { title: t('ops.briefings.col.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'missed' ? 'red' : 'orange'}>{t.label('ops.briefings.taskStatus', s)}</Tag> },
              ]}
            />
          </div>
        </Card>
      </Col>

      <Col xs={24} xl={12}>
        <Card title={t('ops.briefings.morning.redFlags')} size="small" style={{ height: '100%' }} data-testid="morning-red-flags">
          <div><Labelled label={<Typography.Text strong>{t('ops.briefings.morning.alerts', { n: b.redFlags.alerts.length })}</Typography.Text>} definitions={d} field="alerts" /></div>
          <Space direction="vertical" style={{ width: '100%', margin: b.redFlags.alerts.length ? '8px 0' : '0 0 8px' }}>
            {b.redFlags.alerts.map((a) => (
              <Alert key={a.id} type={a.level === 'critical' ? 'error' : a.level === 'warning' ? 'warning' : 'info'} showIcon message={a.message} description={formatTime(a.createdAt)} />
            ))}
          </Space>
          <div><Labelled label={<Typography.Text strong>{t('ops.briefings.morning.missedTwice', { n: b.redFlags.missedTwice.length })}</Typography.Text>} definitions={d} field="missed_twice" /></div>
          <Table
            size="small" rowKey={(m) => `${m.campaignKey}-${m.memberNo}`} pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={b.redFlags.missedTwice} data-testid="morning-missed-twice"
            columns={[
              { title: t('ops.briefings.col.member'), key: 'm', render: (_: unknown, m) => `${m.memberNo} ${m.nickname}` },
              { title: t('ops.briefings.col.campaign'), dataIndex: 'campaignKey' },
              { title: t('ops.briefings.col.group'), key: 'g', render: (_: unknown, m) => m.group?.name ?? '—' },
              { title: t('ops.briefings.col.owner'), key: 'o', render: (_: unknown, m) => m.owner?.name ?? '—' },
              { title: t('ops.briefings.col.lastCheckin'), key: 'l', render: (_: unknown, m) => (m.lastCheckinDay === null ? t('ops.briefings.never') : t('ops.briefings.dayN', { n: m.lastCheckinDay })) },
            ]}
          />
          <div style={{ marginTop: 12 }}>
            <Labelled label={<Typography.Text strong>{t('ops.briefings.morning.leaveRates', { threshold: pct(b.redFlags.leaveThreshold, 0) })}</Typography.Text>} definitions={d} field="leave_rate_7d" />
            <Table
              size="small" rowKey={(g) => g.group.id} pagination={false} dataSource={b.redFlags.leaveRates} data-testid="morning-leave-rates"
              columns={[
                { title: t('ops.briefings.col.group'), key: 'g', render: (_: unknown, g) => g.group.name },
                { title: t('ops.briefings.col.owner'), key: 'o', render: (_: unknown, g) => g.owner?.name ?? '—' },
                { title: t('ops.briefings.morning.leaveRate'), key: 'r', align: 'right', render: (_: unknown, g) => `${pct(g.rate.value)}（${ratioText(g.rate)}）` },
              ]}
            />
          </div>
        </Card>
      </Col>

      <Col xs={24}>
        <Card title={t('ops.briefings.morning.channels')} size="small" data-testid="morning-channels">
          <Table
            size="small" rowKey="channelId" pagination={false} dataSource={b.channels}
            columns={[
              { title: t('ops.briefings.col.channel'), dataIndex: 'name' },
              { title: t('ops.briefings.col.owner'), key: 'o', render: (_: unknown, c) => c.owner?.name ?? '—' },
              { title: <Labelled label={t('ops.briefings.channel.visits')} definitions={d} field="channel_visits" />, dataIndex: 'visits', align: 'right' },
              { title: <Labelled label={t('ops.briefings.channel.uniqueVisitors')} definitions={d} field="channel_unique_visitors" />, dataIndex: 'uniqueVisitors', align: 'right' },
              { title: <Labelled label={t('ops.briefings.channel.signups')} definitions={d} field="channel_signups" />, dataIndex: 'signups', align: 'right' },
              { title: <Labelled label={t('ops.briefings.channel.joins')} definitions={d} field="channel_joins" />, dataIndex: 'joins', align: 'right' },
              { title: <Labelled label={t('ops.briefings.channel.paid')} definitions={d} field="channel_paid" />, dataIndex: 'paid', align: 'right' },
              { title: <Labelled label={t('ops.briefings.channel.cost')} definitions={d} field="channel_cost" />, dataIndex: 'costCents', align: 'right', render: (c: number) => yuan(c) },
              { title: <Labelled label={t('ops.briefings.channel.cac')} definitions={d} field="channel_cac" />, dataIndex: 'cacCents', align: 'right', render: (c: number | null) => yuan(c) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('ops.briefings.morning.campaigns')} size="small" data-testid="morning-campaigns">
          {b.campaigns.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.briefings.morning.noCampaigns')} /> : (
            <>
              <Table
                size="small" rowKey="id" pagination={false} dataSource={b.campaigns}
                columns={[
                  { title: <Labelled label={t('ops.briefings.col.campaign')} definitions={d} field="campaign_day" />, key: 'c', render: (_: unknown, c) => <Space><Tag color="blue">{c.key}</Tag>{t('ops.briefings.dayOf', { day: c.dayIndex, total: c.daysTotal })}</Space> },
                  { title: <Labelled label={t('ops.briefings.morning.participants')} definitions={d} field="participants" />, dataIndex: 'participants', align: 'right' },
                  { title: <Labelled label={t('ops.briefings.morning.checkinRate')} definitions={d} field="checkin_rate" />, key: 'r', align: 'right', render: (_: unknown, c) => `${pct(c.checkinRate.value)}（${ratioText(c.checkinRate)}）` },
                  { title: <Labelled label={t('ops.briefings.standing.met')} definitions={d} field="met" />, dataIndex: 'met', align: 'right' },
                  { title: <Labelled label={t('ops.briefings.standing.on_track')} definitions={d} field="on_track" />, dataIndex: 'onTrack', align: 'right' },
                  { title: <Labelled label={t('ops.briefings.standing.borderline')} definitions={d} field="borderline" />, dataIndex: 'borderline', align: 'right' },
                  { title: <Labelled label={t('ops.briefings.standing.out_of_reach')} definitions={d} field="out_of_reach" />, dataIndex: 'outOfReach', align: 'right' },
                  {
                    title: <Labelled label={t('ops.briefings.morning.expectedRefunds')} definitions={d} field="expected_refunds" />, key: 'refunds', align: 'right',
                    render: (_: unknown, c) => (c.expectedRefunds ? t('ops.briefings.morning.refundsValue', { n: c.expectedRefunds.count, amount: yuan(c.expectedRefunds.cents) }) : t('ops.briefings.morning.noDeposit')),
                  },
                ]}
              />
              <div style={{ marginTop: 12 }}>
                <Labelled label={<Typography.Text strong>{t('ops.briefings.morning.curve')}</Typography.Text>} definitions={d} field="curve" />
                <Chart option={curveOption(b, (n) => t('ops.briefings.dayN', { n }))} height={260} testId="morning-curve" />
              </div>
            </>
          )}
        </Card>
      </Col>

      <Col xs={24}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ops.briefings.generated', { at: formatTime(b.generatedAt), zone: b.timezone })}</Typography.Text>
      </Col>
    </Row>
  );
}
