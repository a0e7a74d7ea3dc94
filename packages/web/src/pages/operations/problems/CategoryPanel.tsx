// The category tree on the left of the problem bank: all problems, each category with the problems in it and below
// it, and the problems in none; with problems.write, each category's menu adds, renames, reorders, moves and deletes.
import { useMemo, useState } from 'react';
import { App, Button, Card, Dropdown, Form, Space, Tree, TreeSelect, Typography } from 'antd';
import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { MAX_CATEGORY_DEPTH, problemsApi, type Categories } from '../../../api/problems';
import { useT } from '../../../i18n/useT';
import { FormModal } from '../../../shared/FormModal';
import { MetricTitle } from '../../../shared/MetricTitle';
import { useNotify } from '../../../shared/useNotify';
import { NameModal } from '../../tags/NameModal';
import { categoryTree, findNode, subtreeIds, type CategoryNode } from './display';

export type CategorySelection = number | 'none' | undefined;

interface Props {
  data: Categories | null;
  selected: CategorySelection;
  onSelect: (selection: CategorySelection) => void;
  canManage: boolean;
  /** After any change to the tree (counts and names may have changed). */
  onChanged: () => void;
}

type Editing = { kind: 'create'; parentId: number | null } | { kind: 'rename'; node: CategoryNode } | { kind: 'move'; node: CategoryNode } | null;

interface TreeNode { key: React.Key; title: React.ReactNode; children: TreeNode[] }
interface ParentOption { value: number; title: string; disabled: boolean; children: ParentOption[] }

const TOP = -1; // the "top level" choice of the move dialog (ids are positive)

export function CategoryPanel({ data, selected, onSelect, canManage, onChanged }: Props) {
  const t = useT();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  // Everything is open unless folded by hand, so a new category shows where it was put.
  const [collapsed, setCollapsed] = useState<number[]>([]);
  const [moveForm] = Form.useForm<{ parentId: number }>();
  const tree = useMemo(() => categoryTree(data?.items ?? []), [data]);
  const total = tree.reduce((sum, n) => sum + n.total, 0) + (data?.uncategorizedCount ?? 0);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };

  const siblingsOf = (node: CategoryNode): CategoryNode[] => {
    const parent = data?.items.find((c) => c.id === node.value)?.parentId ?? null;
    return parent === null ? tree : findNode(tree, parent)?.children ?? [];
  };

  const remove = (node: CategoryNode) => {
    modal.confirm({
      title: t('ops.problems.category.deleteTitle', { name: node.title }),
      content: t('ops.problems.category.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => act(async () => {
        await problemsApi.deleteCategory(node.value);
        if (selected === node.value) onSelect(undefined);
        notify.success(t('common.deleted'));
      }),
    });
  };

  const menu = (node: CategoryNode) => {
    const siblings = siblingsOf(node);
    const index = siblings.findIndex((s) => s.value === node.value);
    return {
      items: [
        { key: 'child', label: t('ops.problems.category.addChild'), disabled: node.depth >= MAX_CATEGORY_DEPTH },
        { key: 'rename', label: t('common.rename') },
        { key: 'up', label: t('ops.problems.category.moveUp'), disabled: index <= 0 },
        { key: 'down', label: t('ops.problems.category.moveDown'), disabled: index < 0 || index >= siblings.length - 1 },
        { key: 'move', label: t('ops.problems.category.moveTo') },
        { type: 'divider' as const },
        { key: 'delete', label: t('common.delete'), danger: true },
      ],
      onClick: ({ key, domEvent }: { key: string; domEvent: { stopPropagation: () => void } }) => {
        domEvent.stopPropagation();
        if (key === 'child') setEditing({ kind: 'create', parentId: node.value });
        if (key === 'rename') setEditing({ kind: 'rename', node });
        if (key === 'move') setEditing({ kind: 'move', node });
        if (key === 'delete') remove(node);
        if (key === 'up' || key === 'down') void act(() => problemsApi.updateCategory(node.value, { position: index + (key === 'up' ? -1 : 1) }));
      },
    };
  };

  const title = (node: CategoryNode) => (
    <Space size={4} data-testid="category-node" data-category={node.title}>
      <span>{node.title}</span>
      <Typography.Text type="secondary">{node.total}</Typography.Text>
      {canManage && (
        <Dropdown menu={menu(node)} trigger={['click']}>
          <Button size="small" type="text" icon={<MoreOutlined />} onClick={(e) => e.stopPropagation()} aria-label={t('ops.problems.category.actions')} data-testid="category-actions" />
        </Dropdown>
      )}
    </Space>
  );

  const toTreeData = (nodes: CategoryNode[]): TreeNode[] =>
    nodes.map((n) => ({ key: n.value, title: title(n), children: toTreeData(n.children) }));

  const moving = editing?.kind === 'move' ? editing.node : null;
  // A category cannot move below itself, nor so deep that its own subtree would pass the depth limit.
  const height = (n: CategoryNode): number => 1 + Math.max(0, ...n.children.map(height));
  const parentOptions = (nodes: CategoryNode[]): ParentOption[] =>
    nodes.map((n) => ({
      value: n.value, title: n.title, children: parentOptions(n.children),
      disabled: moving !== null && (subtreeIds(moving).includes(n.value) || n.depth + height(moving) > MAX_CATEGORY_DEPTH),
    }));

  return (
    <Card
      size="small"
      title={<MetricTitle title={t('ops.problems.category.title')} definition={t('ops.problems.category.countHelp')} />}
      extra={canManage && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create', parentId: null })} data-testid="category-create">
          {t('ops.problems.category.create')}
        </Button>
      )}
      data-testid="category-panel"
    >
      <Tree
        blockNode
        expandedKeys={(data?.items ?? []).map((c) => c.id).filter((id) => !collapsed.includes(id))}
        onExpand={(_, { expanded, node }) => {
          const id = Number(node.key);
          setCollapsed((c) => (expanded ? c.filter((x) => x !== id) : [...c, id]));
        }}
        selectedKeys={[selected === undefined ? 'all' : selected]}
        onSelect={(keys) => {
          const key = keys[0];
          if (key === undefined) return;
          onSelect(key === 'all' ? undefined : key === 'none' ? 'none' : Number(key));
        }}
        treeData={[
          { key: 'all', title: <Space size={4} data-testid="category-all"><span>{t('ops.problems.category.all')}</span><Typography.Text type="secondary">{total}</Typography.Text></Space>, children: [] },
          ...toTreeData(tree),
          { key: 'none', title: <Space size={4} data-testid="category-none"><span>{t('ops.problems.category.none')}</span><Typography.Text type="secondary">{data?.uncategorizedCount ?? 0}</Typography.Text></Space>, children: [] },
        ]}
      />
      <NameModal
        open={editing?.kind === 'create' || editing?.kind === 'rename'}
        title={editing?.kind === 'rename' ? t('common.rename') : t('ops.problems.category.create')}
        initialName={editing?.kind === 'rename' ? editing.node.title : ''}
        onClose={() => setEditing(null)}
        onSubmit={async (name) => {
          if (editing?.kind === 'create') await problemsApi.createCategory({ name, parentId: editing.parentId });
          if (editing?.kind === 'rename') await problemsApi.updateCategory(editing.node.value, { name });
          setEditing(null);
          notify.saved();
          onChanged();
        }}
      />
      <FormModal<{ parentId: number }>
        open={moving !== null}
        title={t('ops.problems.category.moveTitle', { name: moving?.title ?? '' })}
        form={moveForm}
        initialValues={{ parentId: data?.items.find((c) => c.id === moving?.value)?.parentId ?? TOP }}
        onClose={() => setEditing(null)}
        onSubmit={async ({ parentId }) => {
          await problemsApi.updateCategory(moving!.value, { parentId: parentId === TOP ? null : parentId });
          setEditing(null);
          notify.saved();
          onChanged();
        }}
      >
        <Form.Item name="parentId" label={t('ops.problems.category.parent')} extra={t('ops.problems.category.moveHelp')}>
          <TreeSelect
            treeDefaultExpandAll
            treeData={[{ value: TOP, title: t('ops.problems.category.top'), disabled: false, children: [] }, ...parentOptions(tree)]}
            data-testid="category-move-parent"
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
