// How the problem bank's parts look everywhere on its pages: the status tag, where a problem was met, the reason a
// variable stayed unfilled, and the category tree as options for pickers.
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Category, ProblemStatus, ProblemSummary, UnfilledReason } from '../../../api/problems';
import type { Translate } from '../../../i18n/useT';

const STATUS_COLORS: Record<ProblemStatus, string> = { open: 'orange', answered: 'green', archived: 'default' };

export function StatusTag({ status, t }: { status: ProblemStatus; t: Translate }) {
  return <Tag color={STATUS_COLORS[status]} data-testid="problem-status">{t(`ops.problems.status.${status}`)}</Tag>;
}

export function WhereMet({ problem, t }: { problem: Pick<ProblemSummary, 'campaign' | 'group' | 'member'>; t: Translate }) {
  const { campaign, group, member } = problem;
  if (!campaign && !group && !member) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      {campaign && <Tag color="geekblue">{campaign.key}</Tag>}
      {group && <span>{group.name}</span>}
      {member && <Link to={`/members/${member.memberNo}`}>{t('ops.problems.memberRef', { no: member.memberNo, nickname: member.nickname })}</Link>}
    </Space>
  );
}

export function reasonText(reason: UnfilledReason, t: Translate): string {
  return t(`ops.problems.reason.${reason}`);
}

export interface CategoryNode {
  value: number;
  title: string;
  key: number;
  children: CategoryNode[];
  /** Problems here and in every category below (not archived). */
  total: number;
  depth: number;
}

/** The flat, depth-first list from the server as a tree, with subtree totals. */
export function categoryTree(items: Category[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const c of items) nodes.set(c.id, { value: c.id, key: c.id, title: c.name, children: [], total: c.problemCount, depth: 1 });
  for (const c of items) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sum = (node: CategoryNode, depth: number): number => {
    node.depth = depth;
    node.total += node.children.reduce((acc, child) => acc + sum(child, depth + 1), 0);
    return node.total;
  };
  roots.forEach((r) => sum(r, 1));
  return roots;
}

/** Ids of a category and every category below it. */
export function subtreeIds(node: CategoryNode): number[] {
  return [node.value, ...node.children.flatMap(subtreeIds)];
}

export function findNode(nodes: CategoryNode[], id: number): CategoryNode | undefined {
  for (const node of nodes) {
    if (node.value === id) return node;
    const below = findNode(node.children, id);
    if (below) return below;
  }
  return undefined;
}

/** An excerpt of a long text for one table cell. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
