// 工作计划: this week's key focus on top, then the work items of a week grouped by category in priority order,
// with quick add, inline status, a week switcher, a team/everyone view for leads and admins, and their focus editor.
import { useState } from 'react';
import { Button, Card, Segmented, Select, Space, Spin, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { weeklyFocusApi, workItemsApi, type WorkItem, type WorkItemQuery, type WorkStatus } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { LoadMore } from '../../../shared/LoadMore';
import { useCursorList } from '../../../shared/useCursorList';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { FocusAlert } from './FocusAlert';
import { FocusBanner } from './FocusBanner';
import { FocusEditor } from './FocusEditor';
import { QuickAdd } from './QuickAdd';
import { useWorkPeople } from './useWorkPeople';
import { WorkItemModal } from './WorkItemModal';
import { WorkItemTable } from './WorkItemTable';
import { addDays } from './weeks';

export function WorkPlanPage() {
  // Which week is "this week" is the server's answer, read in the workspace time zone.
  const thisWeek = useLoad(() => weeklyFocusApi.ofWeek().then((r) => r.week.start), []);
  if (thisWeek.error) return <ErrorAlert error={thisWeek.error} />;
  if (!thisWeek.data) return <Spin />;
  return <WorkPlan thisWeek={thisWeek.data} />;
}

/** 'me', 'all' or `team:<id>`. */
type Scope = string;

function scopeQuery(scope: Scope): Pick<WorkItemQuery, 'owner' | 'team'> {
  if (scope === 'me' || scope === 'all') return { owner: scope };
  return { team: Number(scope.slice('team:'.length)) };
}

function WorkPlan({ thisWeek }: { thisWeek: string }) {
  const t = useT();
  const notify = useNotify();
  const { can } = useSession();
  const people = useWorkPeople();
  const [week, setWeek] = useState(thisWeek);
  const [scope, setScope] = useState<Scope>('me');
  const [sort, setSort] = useState<'category' | 'due'>('category');
  const [focusVersion, setFocusVersion] = useState(0);
  const [editing, setEditing] = useState<WorkItem | null>(null);
  const current = week === thisWeek;
  const who = scopeQuery(scope);

  const list = useCursorList(
    (cursor) => workItemsApi.list({ ...who, week, carryOver: current, sort, limit: 200, cursor: cursor ?? undefined }),
    [scope, week, sort, current],
  );
  const counts = useLoad(() => workItemsApi.counts({ ...who, week }), [scope, week]);
  const weekFocus = useLoad(() => weeklyFocusApi.ofWeek(week), [week, focusVersion]);
  const refresh = () => Promise.all([list.reload(), counts.reload()]);

  const setStatus = async (item: WorkItem, status: WorkStatus) => {
    list.setItems((items) => items.map((i) => (i.id === item.id ? { ...i, status } : i)));
    try {
      await workItemsApi.update(item.id, { status });
    } catch (e) {
      notify.error(e);
    }
    await refresh();
  };

  const remove = async (item: WorkItem) => {
    try {
      await workItemsApi.delete(item.id);
      notify.success(t('common.deleted'));
      await refresh();
    } catch (e) {
      notify.error(e);
    }
  };

  // Other weeks show their focus here; this week's is the banner every page shares.
  const otherWeekFocus = (weekFocus.data?.items ?? []).filter((f) => people.seesOthers || f.teamId === people.me.teamId);
  const scopes = [
    { value: 'me', label: t('ops.work.scope.mine') },
    ...(people.admin ? people.teams : people.focusTeams).map((team) => ({ value: `team:${team.id}`, label: t('ops.work.scope.team', { name: team.name }) })),
    { value: 'all', label: t('ops.work.scope.all') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {current
        ? <FocusBanner key={focusVersion} />
        : <FocusAlert title={t('ops.work.focus.ofWeek', { start: week, end: addDays(week, 6) })} items={otherWeekFocus} />}
      <Card
        title={t('ops.work.title')}
        extra={
          <Space>
            <Button icon={<LeftOutlined />} aria-label={t('ops.work.week.prev')} onClick={() => setWeek(addDays(week, -7))} data-testid="week-prev" />
            <Typography.Text data-testid="week-label">
              {current && `${t('ops.work.week.this')} · `}
              {t('ops.work.week.range', { start: week, end: addDays(week, 6) })}
            </Typography.Text>
            <Button icon={<RightOutlined />} aria-label={t('ops.work.week.next')} onClick={() => setWeek(addDays(week, 7))} data-testid="week-next" />
            {!current && <Button onClick={() => setWeek(thisWeek)} data-testid="week-this">{t('ops.work.week.this')}</Button>}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('ops.work.help')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          {people.seesOthers && (
            <Select<Scope> value={scope} onChange={setScope} options={scopes} style={{ minWidth: 160 }} aria-label={t('ops.work.scope.label')} data-testid="work-scope" />
          )}
          <Segmented<'category' | 'due'>
            value={sort}
            onChange={setSort}
            options={[{ value: 'category', label: t('ops.work.sort.category') }, { value: 'due', label: t('ops.work.sort.due') }]}
            data-testid="work-sort"
          />
        </Space>
        {can('work.write') && <QuickAdd meId={people.me.id} assignable={people.assignable} onAdded={() => void refresh()} />}
        <ErrorAlert error={list.error ?? counts.error ?? people.error} />
        <WorkItemTable
          items={list.items}
          loading={list.loading}
          sort={sort}
          counts={counts.data?.categories ?? null}
          showOwner={scope !== 'me'}
          onStatus={(item, status) => void setStatus(item, status)}
          onEdit={setEditing}
          onDelete={remove}
        />
        {list.hasMore && <LoadMore list={list} />}
        {current && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('ops.work.carryOverHelp')}</Typography.Paragraph>}
      </Card>
      {can('work.write') && people.focusTeams.length > 0 && (
        <FocusEditor
          teams={people.focusTeams}
          week={{ start: week, end: addDays(week, 6) }}
          focus={weekFocus.data?.items ?? []}
          onChanged={() => setFocusVersion((v) => v + 1)}
        />
      )}
      <WorkItemModal
        item={editing}
        assignable={people.assignable}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          notify.saved();
          void refresh();
        }}
      />
    </Space>
  );
}
