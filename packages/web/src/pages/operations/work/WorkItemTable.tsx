// The work items of a week: one section per category in priority order (规划, 日常, 事务) with how much of it is
// done, or one list by due date. Status changes inline; overdue work is marked.
import { App, Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { WORK_CATEGORIES, WORK_STATUSES, type CategoryCount, type WorkCategory, type WorkItem, type WorkStatus } from '../../../api/workPlan';
import { useT } from '../../../i18n/useT';
import { MetricTitle } from '../../../shared/MetricTitle';

export const CATEGORY_COLOR: Record<WorkCategory, string> = { planning: 'purple', routine: 'blue', transactional: 'default' };

interface Props {
  items: WorkItem[];
  loading: boolean;
  sort: 'category' | 'due';
  counts: CategoryCount[] | null;
  /** Show whose item it is (when looking at a team or everyone). */
  showOwner: boolean;
  onStatus: (item: WorkItem, status: WorkStatus) => void;
  onEdit: (item: WorkItem) => void;
  onDelete: (item: WorkItem) => Promise<void>;
}

export function WorkItemTable({ items, loading, sort, counts, showOwner, onStatus, onEdit, onDelete }: Props) {
  const t = useT();
  const { modal } = App.useApp();

  const columns: ColumnsType<WorkItem> = [
    {
      title: t('ops.work.field.status'),
      key: 'status',
      width: 120,
      render: (_, item) => (
        <Select<WorkStatus>
          size="small"
          value={item.status}
          disabled={!item.mayEdit}
          style={{ width: 104 }}
          onChange={(status) => onStatus(item, status)}
          options={WORK_STATUSES.map((s) => ({ value: s, label: t(`ops.work.status.${s}`) }))}
          data-testid={`work-status-${item.id}`}
        />
      ),
    },
    {
      title: t('ops.work.field.title'),
      key: 'title',
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Space size={6}>
            {sort === 'due' && <Tag color={CATEGORY_COLOR[item.category]}>{t(`ops.work.category.${item.category}`)}</Tag>}
            <Typography.Text
              delete={item.status === 'done' || item.status === 'dropped'}
              type={item.status === 'dropped' ? 'secondary' : undefined}
              data-testid="work-item-title"
              data-category={item.category}
            >
              {item.title}
            </Typography.Text>
          </Space>
          {item.description && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.description}</Typography.Text>}
          {item.createdBy && item.createdBy.id !== item.owner?.id && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ops.work.createdBy', { name: item.createdBy.displayName })}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('ops.work.field.dueOn'),
      key: 'due',
      width: 190,
      render: (_, item) => item.dueOn === null
        ? <Typography.Text type="secondary">{t('ops.work.noDue')}</Typography.Text>
        : (
          <Space size={4}>
            <Typography.Text type={item.overdue ? 'danger' : undefined}>{t('ops.work.due', { date: item.dueOn })}</Typography.Text>
            {item.overdue && <Tag color="red" data-testid="work-item-overdue">{t('ops.work.overdue')}</Tag>}
          </Space>
        ),
    },
    ...(showOwner ? [{ title: t('ops.work.field.owner'), key: 'owner', width: 150, render: (_: unknown, item: WorkItem) => item.owner?.displayName ?? '—' }] : []),
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, item) => (
        <Space size="small">
          {item.mayEdit && <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEdit(item)} />}
          {item.mayDelete && (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => modal.confirm({
                title: t('ops.work.deleteConfirm', { title: item.title }),
                okText: t('common.delete'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () => onDelete(item),
              })}
            />
          )}
        </Space>
      ),
    },
  ];

  const table = (rows: WorkItem[], testId: string) => (
    <Table<WorkItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      showHeader={false}
      locale={{ emptyText: t('ops.work.empty') }}
      data-testid={testId}
    />
  );

  if (sort === 'due') return table(items, 'work-items-by-due');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {WORK_CATEGORIES.map((category) => {
        const count = counts?.find((c) => c.category === category);
        return (
          <section key={category} data-testid={`work-section-${category}`}>
            <Space size="middle" style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                <Tag color={CATEGORY_COLOR[category]} style={{ fontSize: 14, padding: '2px 8px' }}>{t(`ops.work.category.${category}`)}</Tag>
                <Tooltip title={t(`ops.work.categoryHelp.${category}`)}>
                  <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', fontSize: 13 }} aria-label={t(`ops.work.categoryHelp.${category}`)} />
                </Tooltip>
              </Typography.Title>
              {count && (
                <Typography.Text type="secondary" data-testid={`work-count-${category}`}>
                  <MetricTitle title={t('ops.work.count', { done: count.completion.numerator, denominator: count.completion.denominator })} definition={t('ops.work.countHelp')} />
                </Typography.Text>
              )}
              {count && count.overdue > 0 && (
                <Typography.Text type="danger">
                  <MetricTitle title={t('ops.work.overdueCount', { count: count.overdue })} definition={t('ops.work.overdueHelp')} />
                </Typography.Text>
              )}
            </Space>
            {table(items.filter((item) => item.category === category), `work-items-${category}`)}
          </section>
        );
      })}
    </Space>
  );
}
