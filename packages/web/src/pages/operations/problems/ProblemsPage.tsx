// /ops/problems — 问题库: the category tree on the left; search (Chinese substrings over titles, descriptions, tags
// and answers), filters and the problem list with status and reuse on the right; the reuse statistics in a tab.
import { useEffect, useState } from 'react';
import { Button, Card, Col, Input, Row, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { campaignsApi } from '../../../api/campaigns';
import { groupsApi } from '../../../api/groups';
import { problemsApi, PROBLEM_STATUSES, type ProblemFilter, type ProblemSummary, type StatusFilter } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { useSession } from '../../../session/context';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { LoadMore } from '../../../shared/LoadMore';
import { MetricTitle } from '../../../shared/MetricTitle';
import { formatTime } from '../../../shared/time';
import { useCursorList } from '../../../shared/useCursorList';
import { useLoad } from '../../../shared/useLoad';
import { useNotify } from '../../../shared/useNotify';
import { CategoryPanel } from './CategoryPanel';
import { excerpt, StatusTag, WhereMet } from './display';
import { ProblemFormModal } from './ProblemFormModal';
import { ReuseStatsCard } from './ReuseStatsCard';

const positive = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

function filterFromParams(p: URLSearchParams): ProblemFilter {
  const category = p.get('category');
  const status = p.get('status');
  return {
    q: p.get('q') ?? undefined,
    category: category === 'none' ? 'none' : positive(category),
    tag: p.get('tag') ?? undefined,
    status: status && ([...PROBLEM_STATUSES, 'all'] as string[]).includes(status) ? status as StatusFilter : undefined,
    campaignId: positive(p.get('campaignId')),
    groupId: positive(p.get('groupId')),
    sort: p.get('sort') === 'reuse' ? 'reuse' : 'newest',
  };
}

function paramsFromFilter(f: ProblemFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.category !== undefined) p.set('category', String(f.category));
  if (f.tag) p.set('tag', f.tag);
  if (f.status) p.set('status', f.status);
  if (f.campaignId) p.set('campaignId', String(f.campaignId));
  if (f.groupId) p.set('groupId', String(f.groupId));
  if (f.sort === 'reuse') p.set('sort', 'reuse');
  return p;
}

export function ProblemsPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  // The filter lives in state and is mirrored into the URL, so coming back from a problem restores the list.
  const [filter, setFilter] = useState<ProblemFilter>(() => filterFromParams(params));
  const filterKey = paramsFromFilter(filter).toString();
  const urlKey = params.toString();
  useEffect(() => {
    if (urlKey !== filterKey) setFilter(filterFromParams(new URLSearchParams(urlKey)));
  }, [urlKey]);
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState('list');

  const categories = useLoad(() => problemsApi.categories(), []);
  const tags = useLoad(() => problemsApi.tags(), []);
  const campaigns = useLoad(() => (can('campaigns.read') ? campaignsApi.list({}).then((r) => r.items) : Promise.resolve([])), []);
  const groups = useLoad(() => (can('groups.read') && filter.campaignId ? groupsApi.list({ campaignId: filter.campaignId }, null).then((r) => r.items) : Promise.resolve([])), [filter.campaignId]);
  const list = useCursorList((cursor) => problemsApi.list(filter, cursor), [filterKey]);

  const change = (next: Partial<ProblemFilter>) => {
    const merged = { ...filter, ...next };
    setFilter(merged);
    setParams(paramsFromFilter(merged));
  };
  const refreshCounts = () => {
    void categories.reload();
    void tags.reload();
    void list.reload();
  };

  return (
    <Card
      title={t('ops.nav.problems')}
      extra={can('problems.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="problem-create">{t('ops.problems.create')}</Button>
      )}
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: t('ops.problems.tab.list'),
            children: (
              <Row gutter={16}>
                <Col xs={24} md={7} xl={6}>
                  <CategoryPanel
                    data={categories.data}
                    selected={filter.category}
                    onSelect={(category) => change({ category })}
                    canManage={can('problems.write')}
                    onChanged={refreshCounts}
                  />
                </Col>
                <Col xs={24} md={17} xl={18}>
                  <Space wrap size="middle" style={{ marginBottom: 16 }}>
                    <Space.Compact style={{ width: 380 }}>
                      <Input
                        allowClear
                        prefix={<SearchOutlined />}
                        value={text}
                        onChange={(e) => {
                          setText(e.target.value);
                          if (e.type === 'click' && !e.target.value) change({ q: undefined });
                        }}
                        onPressEnter={() => change({ q: text.trim() || undefined })}
                        placeholder={t('ops.problems.searchPlaceholder')}
                        data-testid="problem-search"
                      />
                      <Button type="primary" onClick={() => change({ q: text.trim() || undefined })} data-testid="problem-search-submit">{t('common.search')}</Button>
                    </Space.Compact>
                    <Select
                      allowClear showSearch style={{ width: 160 }} placeholder={t('ops.problems.filter.tag')} value={filter.tag}
                      onChange={(tag) => change({ tag })} options={(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
                      data-testid="problem-tag-filter"
                    />
                    <Select<StatusFilter | 'active'>
                      style={{ width: 150 }} value={filter.status ?? 'active'}
                      onChange={(status) => change({ status: status === 'active' ? undefined : status })}
                      options={[
                        { value: 'active', label: t('ops.problems.filter.active') },
                        ...PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`ops.problems.status.${s}`) })),
                        { value: 'all', label: t('ops.problems.filter.all') },
                      ]}
                      data-testid="problem-status-filter"
                    />
                    <Select
                      allowClear showSearch optionFilterProp="label" style={{ width: 220 }} placeholder={t('ops.problems.filter.campaign')}
                      value={filter.campaignId} onChange={(campaignId) => change({ campaignId, groupId: undefined })}
                      options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.key} ${c.name}` }))}
                      data-testid="problem-campaign-filter"
                    />
                    {filter.campaignId && (
                      <Select
                        allowClear showSearch optionFilterProp="label" style={{ width: 180 }} placeholder={t('ops.problems.filter.group')}
                        value={filter.groupId} onChange={(groupId) => change({ groupId })}
                        options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
                        data-testid="problem-group-filter"
                      />
                    )}
                    <Segmented<'newest' | 'reuse'>
                      value={filter.sort}
                      onChange={(sort) => change({ sort })}
                      options={[{ value: 'newest', label: t('ops.problems.sort.newest') }, { value: 'reuse', label: t('ops.problems.sort.reuse') }]}
                      data-testid="problem-sort"
                    />
                  </Space>
                  <ErrorAlert error={list.error ?? categories.error} />
                  <ProblemTable items={list.items} loading={list.loading} onOpen={(p) => navigate(`/ops/problems/${p.id}`)} />
                  <div style={{ marginTop: 16 }}>
                    <LoadMore list={list} definition={t(filter.sort === 'reuse' ? 'ops.problems.loadedReuseHelp' : 'ops.problems.loadedNewestHelp')} />
                  </div>
                </Col>
              </Row>
            ),
          },
          { key: 'stats', label: t('ops.problems.tab.stats'), children: tab === 'stats' && <ReuseStatsCard /> },
        ]}
      />
      <ProblemFormModal
        open={creating}
        problem={null}
        categories={categories.data}
        defaultCategoryId={typeof filter.category === 'number' ? filter.category : undefined}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          notify.success(t('ops.problems.created', { title: p.title }));
          navigate(`/ops/problems/${p.id}`);
        }}
      />
    </Card>
  );
}

function ProblemTable({ items, loading, onOpen }: { items: ProblemSummary[]; loading: boolean; onOpen: (p: ProblemSummary) => void }) {
  const t = useT();
  return (
    <Table<ProblemSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('ops.problems.empty') }}
      onRow={(p) => ({ onDoubleClick: () => onOpen(p), 'data-testid': 'problem-row' } as React.HTMLAttributes<HTMLElement>)}
      data-testid="problems-table"
      columns={[
        {
          title: t('ops.problems.field.title'),
          render: (_, p) => (
            <Space direction="vertical" size={2}>
              <Link to={`/ops/problems/${p.id}`} data-testid="problem-link">{p.title}</Link>
              {p.description && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{excerpt(p.description)}</Typography.Text>}
              {p.tags.length > 0 && <Space size={[0, 4]} wrap>{p.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Space>}
            </Space>
          ),
        },
        { title: t('ops.problems.field.category'), width: 110, render: (_, p) => p.category?.name ?? '—' },
        { title: t('ops.problems.field.status'), width: 84, render: (_, p) => <StatusTag status={p.status} t={t} /> },
        {
          title: <MetricTitle title={t('ops.problems.answerCount')} definition={t('ops.problems.answerCountHelp')} />,
          dataIndex: 'answerCount', width: 76, align: 'right',
        },
        {
          title: <MetricTitle title={t('ops.problems.useCount')} definition={t('ops.problems.useCountHelp')} />,
          width: 96, align: 'right', render: (_, p) => <span data-testid="problem-use-count">{p.useCount}</span>,
        },
        {
          title: t('ops.problems.field.where'), width: 170,
          render: (_, p) => (
            <Space direction="vertical" size={0}>
              <WhereMet problem={p} t={t} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(p.createdAt)}</Typography.Text>
            </Space>
          ),
        },
      ]}
    />
  );
}
