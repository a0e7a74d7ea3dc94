// /ops/daily — 日报: one staff member's day, generated from the data (domain_ops.md §5.2). Staff read their own;
// a lead picks someone of the team, an admin anyone. The day defaults to yesterday (the server's, in the workspace zone).
import { Card, Col, DatePicker, Descriptions, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { briefingsApi, type DailyReport } from '../../../api/briefings';
import { staffApi, teamsApi } from '../../../api/staff';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useLoad } from '../../../shared/useLoad';
import { Def, Figure, Labelled, pct, ratioText, StandingTag, yuan } from './display';

const DAY = 'YYYY-MM-DD';

/** The staff the signed-in person may pick: everyone for owners and admins, else themselves and the teams they lead. */
function usePickable() {
  const { session } = useSession();
  const me = session.staff;
  const load = useLoad(async () => {
    const [staff, teams] = await Promise.all([staffApi.list(), teamsApi.list()]);
    if (me.role === 'owner' || me.role === 'admin') return staff.items;
    const led = new Set(teams.items.filter((t) => t.leadStaffId === me.id).map((t) => t.id));
    return staff.items.filter((s) => s.id === me.id || (s.teamId !== null && led.has(s.teamId)));
  }, [me.id, me.role]);
  return load.data ?? [];
}

export function DailyReportPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const staffId = params.get('staffId') ? Number(params.get('staffId')) : undefined;
  const date = params.get('date') ?? undefined;
  const load = useLoad(() => briefingsApi.daily({ staffId, date }), [staffId, date]);
  const pickable = usePickable();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const r = load.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap size="middle">
          <Typography.Title level={4} style={{ margin: 0 }}>{t('ops.briefings.daily.title')}</Typography.Title>
          <Select
            style={{ width: 220 }}
            showSearch
            optionFilterProp="label"
            value={r?.staff.id ?? staffId}
            onChange={(v: number) => set('staffId', String(v))}
            options={pickable.map((s) => ({ value: s.id, label: s.displayName }))}
            data-testid="daily-staff"
          />
          <DatePicker
            allowClear={false}
            value={r ? dayjs(r.date) : date ? dayjs(date) : null}
            onChange={(d) => set('date', d ? d.format(DAY) : undefined)}
            data-testid="daily-date"
          />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('ops.briefings.daily.intro')}</Typography.Paragraph>
      </Card>
      <ErrorAlert error={load.error} />
      {r && <DailyBody r={r} />}
    </Space>
  );
}

function DailyBody({ r }: { r: DailyReport }) {
  const t = useT();
  const d = r.definitions;
  const fig = (key: string, label: string, value: string | number, field = key, ratio?: DailyReport['service']['checkinRate']) => (
    <Col xs={12} md={6} key={key}>
      <Figure label={label} definitions={d} field={field} value={value} ratio={ratio} testId={`daily-fig-${key}`} />
    </Col>
  );
  return (
    <Row gutter={[16, 16]} data-testid="daily-report">
      <Col xs={24}>
        <Card title={t('ops.briefings.daily.basics')} size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('ops.briefings.daily.date')}>{r.date}</Descriptions.Item>
            <Descriptions.Item label={t('ops.briefings.daily.staff')}>
              <span data-testid="daily-staff-name">{r.staff.displayName}</span>{r.staff.team && <Tag style={{ marginLeft: 8 }}>{r.staff.team.name}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={<Labelled label={t('ops.briefings.daily.groups', { n: r.groups.length })} definitions={d} field="groups" />}>
              <Space wrap size={[4, 4]}>{r.groups.map((g) => <Tag key={g.id}>{g.name}</Tag>)}</Space>
            </Descriptions.Item>
            <Descriptions.Item label={<Labelled label={t('ops.briefings.daily.campaigns')} definitions={d} field="campaigns" />}>
              <Space wrap size={[4, 4]}>
                {r.campaigns.length === 0 ? '—' : r.campaigns.map((c) => <Tag color="blue" key={c.id}>{t('ops.briefings.campaignDay', { key: c.key, day: c.dayIndex, total: c.daysTotal })}</Tag>)}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>

      <Col xs={24} xl={12}>
        <Card title={t('ops.briefings.daily.growth')} size="small" style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            {fig('joins', t('ops.briefings.daily.joins'), r.growth.joins)}
            {fig('leaves', t('ops.briefings.daily.leaves'), r.growth.leaves)}
            {fig('net', t('ops.briefings.daily.net'), r.growth.net)}
            {fig('signups', t('ops.briefings.daily.signups'), r.growth.signups)}
          </Row>
          <Table
            size="small" rowKey="groupId" pagination={false} style={{ marginTop: 12 }} dataSource={r.growth.byGroup}
            columns={[
              { title: t('ops.briefings.col.group'), dataIndex: 'name' },
              { title: t('ops.briefings.daily.joins'), dataIndex: 'joins', align: 'right' },
              { title: t('ops.briefings.daily.leaves'), dataIndex: 'leaves', align: 'right' },
              { title: t('ops.briefings.daily.net'), dataIndex: 'net', align: 'right' },
            ]}
          />
          {r.growth.byChannel.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {r.growth.byChannel.map((c) => `${c.name} ${c.signups}`).join(' · ')}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>

      <Col xs={24} xl={12}>
        <Card title={t('ops.briefings.daily.sop')} size="small" style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            {fig('sopCompletion', t('ops.briefings.sop.completion'), pct(r.sop.completionRate.value), 'sop_completion', r.sop.completionRate)}
            {fig('sopPunctuality', t('ops.briefings.sop.punctuality'), pct(r.sop.punctualityRate.value), 'sop_punctuality', r.sop.punctualityRate)}
            {fig('sopDue', t('ops.briefings.sop.due'), r.sop.due, 'sop')}
            {fig('sopMissed', t('ops.briefings.sop.missed'), r.sop.missed, 'sop')}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="daily-sop-counts">
            {t('ops.briefings.sop.counts', { due: r.sop.due, onTime: r.sop.onTime, late: r.sop.late, missed: r.sop.missed, skipped: r.sop.skipped, open: r.sop.open })}
          </Typography.Paragraph>
        </Card>
      </Col>

      <Col xs={24}>
        <Card title={t('ops.briefings.daily.service')} size="small">
          <Row gutter={[16, 16]}>
            {fig('checkinRate', t('ops.briefings.daily.checkinRate'), pct(r.service.checkinRate.value), 'checkin_rate', r.service.checkinRate)}
            {fig('absentees', t('ops.briefings.daily.absentees'), r.service.absentees.length)}
            {fig('short', t('ops.briefings.daily.short'), r.service.short.length)}
          </Row>
          <Table
            size="small" rowKey="groupId" pagination={false} style={{ marginTop: 12 }} dataSource={r.service.byGroup} data-testid="daily-rates"
            locale={{ emptyText: t('ops.briefings.daily.noCampaign') }}
            columns={[
              { title: t('ops.briefings.col.group'), dataIndex: 'name' },
              { title: t('ops.briefings.col.campaign'), key: 'c', render: (_: unknown, g) => t('ops.briefings.campaignDayShort', { key: g.campaignKey, day: g.dayIndex }) },
              { title: <Labelled label={t('ops.briefings.daily.checkinRate')} definitions={d} field="checkin_rate" />, key: 'rate', align: 'right', render: (_: unknown, g) => `${pct(g.rate.value)}（${ratioText(g.rate)}）` },
            ]}
          />
          <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Typography.Text strong>{t('ops.briefings.daily.absentees')}</Typography.Text> <Def definitions={d} field="absentees" />
              <Table
                size="small" rowKey={(a) => `${a.campaignKey}-${a.memberNo}`} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={r.service.absentees}
                data-testid="daily-absentees"
                columns={[
                  { title: t('ops.briefings.col.member'), key: 'm', render: (_: unknown, a) => `${a.memberNo} ${a.nickname}` },
                  { title: t('ops.briefings.col.group'), key: 'g', render: (_: unknown, a) => a.group.name },
                  { title: t('ops.briefings.col.progress'), key: 'p', align: 'right', render: (_: unknown, a) => t('ops.briefings.progress', { counted: a.counted, required: a.required, remaining: a.remaining }) },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Text strong>{t('ops.briefings.daily.short')}</Typography.Text> <Def definitions={d} field="short" />
              <Table
                size="small" rowKey={(a) => `${a.campaignKey}-${a.memberNo}`} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={r.service.short}
                data-testid="daily-short"
                columns={[
                  { title: t('ops.briefings.col.member'), key: 'm', render: (_: unknown, a) => `${a.memberNo} ${a.nickname}` },
                  { title: t('ops.briefings.col.group'), key: 'g', render: (_: unknown, a) => a.group.name },
                  { title: t('ops.briefings.col.short'), key: 's', align: 'right', render: (_: unknown, a) => <Space>{t('ops.briefings.shortBy', { n: a.short })}<StandingTag standing={a.standing} /></Space> },
                ]}
              />
            </Col>
          </Row>
        </Card>
      </Col>

      <Col xs={24} xl={12}>
        <Card title={t('ops.briefings.daily.conversion')} size="small" style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            {fig('paid', t('ops.briefings.daily.paid'), r.conversion.paid)}
            {fig('revenue', t('ops.briefings.daily.revenue'), yuan(r.conversion.revenueCents))}
            {fig('refunds', t('ops.briefings.daily.refunds'), r.conversion.refunds)}
            {fig('refundCents', t('ops.briefings.daily.refundAmount'), yuan(r.conversion.refundCents), 'refunds')}
          </Row>
        </Card>
      </Col>

      <Col xs={24} xl={12}>
        <Card title={t('ops.briefings.daily.problemsAndPoints')} size="small" style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            {fig('problems', t('ops.briefings.daily.problemsRecorded'), r.problems.recorded, 'problems_recorded')}
            {fig('answers', t('ops.briefings.daily.answersUsed'), r.problems.answersUsed, 'answers_used')}
            {fig('points', t('ops.briefings.daily.points'), r.points.total)}
          </Row>
          {r.points.entries.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {r.points.entries.map((e) => `${e.points > 0 ? '+' : ''}${e.points} ${e.reason}`).join(' · ')}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>

      <Col xs={24}>
        <Card title={<Space>{t('ops.briefings.daily.plan', { date: r.tomorrow })}</Space>} size="small">
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Labelled label={<Typography.Text strong>{t('ops.briefings.daily.planTasks')}</Typography.Text>} definitions={d} field="plan_tasks" />
              <List
                size="small" dataSource={r.plan.sopTasks} data-testid="daily-plan-tasks"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.briefings.none')} /> }}
                renderItem={(task) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>{task.title}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.group?.name ?? '—'} · {formatTime(task.windowStartAt)} – {formatTime(task.windowEndAt).slice(11)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Labelled label={<Typography.Text strong>{t('ops.briefings.daily.planWork')}</Typography.Text>} definitions={d} field="plan_work" />
              <List
                size="small" dataSource={r.plan.workItems} data-testid="daily-plan-work"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.briefings.none')} /> }}
                renderItem={(w) => (
                  <List.Item extra={w.overdue ? <Tag color="red">{t('ops.briefings.overdue')}</Tag> : <Tag>{w.dueOn}</Tag>}>
                    <span>{w.title}</span>
                  </List.Item>
                )}
              />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ops.briefings.generated', { at: formatTime(r.generatedAt), zone: r.timezone })}</Typography.Text>
      </Col>
    </Row>
  );
}
