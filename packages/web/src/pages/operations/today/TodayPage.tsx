// /ops/today — a staff member's SOP tasks for today: overdue ones first, then by window; each with its content ready
// to copy and a button to mark it done with proof. Team leads may open a member's list, SOP managers anyone's
// (?staff=<id>). The team's key focus of the week stands on top.
import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Statistic, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { sopsApi, type Task } from '../../../api/sops';
import { staffApi, teamsApi } from '../../../api/staff';
import type { Staff, Team } from '../../../api/types';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { MetricTitle } from '../../../shared/MetricTitle';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { FocusBanner } from '../work/FocusBanner';
import { CompleteModal } from './CompleteModal';
import { TaskCard } from './TaskCard';

export function TodayPage() {
  const t = useT();
  const notify = useNotify();
  const { session, can } = useSession();
  const me = session.staff.id;
  const [params, setParams] = useSearchParams();
  const asked = params.get('staff');
  const staffId = asked && /^\d+$/.test(asked) ? Number(asked) : me;
  const [staff, setStaff] = useState<Staff[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [completing, setCompleting] = useState<Task | null>(null);
  const list = useLoad(() => sopsApi.today(staffId === me ? undefined : staffId), [staffId]);

  useEffect(() => {
    staffApi.list().then((r) => setStaff(r.items.filter((s) => !s.disabled)), () => setStaff([]));
    teamsApi.list().then((r) => setTeams(r.items), () => setTeams([]));
  }, []);

  // Whose lists I may open: everyone's for SOP managers, my teams' members' for a team lead.
  const viewable = useMemo(() => {
    if (can('sops.manage')) return staff;
    const led = new Set(teams.filter((team) => team.leadStaffId === me).map((team) => team.id));
    return staff.filter((s) => s.id === me || (s.teamId !== null && led.has(s.teamId)));
  }, [staff, teams, me, can]);

  const replace = (task: Task) => list.setData((d) => d && { ...d, items: d.items.map((x) => (x.id === task.id ? task : x)) });
  const undo = async (task: Task) => {
    try {
      replace(await sopsApi.undo(task.id));
      notify.success(t('ops.sops.today.undone'));
      void list.reload();
    } catch (e) {
      notify.error(e);
    }
  };
  const data = list.data;

  return (
    <>
      <FocusBanner />
      <Card
        title={data ? t('ops.sops.today.title', { name: data.staff.displayName, date: data.date }) : t('ops.nav.today')}
        extra={viewable.length > 1 && (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            value={staffId}
            onChange={(id: number) => setParams(id === me ? {} : { staff: String(id) })}
            options={viewable.map((s) => ({ value: s.id, label: s.id === me ? t('ops.sops.today.me', { name: s.displayName }) : s.displayName }))}
            data-testid="today-staff"
          />
        )}
      >
        <ErrorAlert error={list.error} />
        {data && (
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col><Statistic title={<MetricTitle title={t('ops.sops.today.total')} definition={data.definitions.items ?? ''} />} value={data.counts.total} /></Col>
            <Col><Statistic title={t('ops.sops.today.open')} value={data.counts.open} /></Col>
            <Col>
              <Statistic
                title={<MetricTitle title={t('ops.sops.today.overdue')} definition={data.definitions.overdue ?? ''} />}
                value={data.counts.overdue}
                valueStyle={data.counts.overdue > 0 ? { color: '#cf1322' } : undefined}
                formatter={(v) => <span data-testid="today-overdue-count">{v}</span>}
              />
            </Col>
            <Col><Statistic title={t('ops.sops.today.done')} value={data.counts.done} formatter={(v) => <span data-testid="today-done-count">{v}</span>} /></Col>
          </Row>
        )}
        {data && data.items.length === 0 && <Empty description={t('ops.sops.today.empty')} />}
        <div data-testid="today-list">
          {data?.items.map((task) => (
            <TaskCard key={task.id} task={task} t={t} workspaceZone={data.timezone} onComplete={setCompleting} onUndo={(x) => void undo(x)} />
          ))}
        </div>
        {data && (
          <Space style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('ops.sops.today.zoneNote', { zone: data.timezone })}</Typography.Text>
          </Space>
        )}
      </Card>
      <CompleteModal
        task={completing}
        onClose={() => setCompleting(null)}
        onDone={(task) => {
          setCompleting(null);
          replace(task);
          notify.success(task.status === 'done' ? t('ops.sops.today.doneOnTime') : t('ops.sops.today.doneLate'));
          void list.reload();
        }}
      />
    </>
  );
}
