// The pages of 运营管理 (running the operation), in menu order. Kept free of page code: the console layout imports
// this list for its menu, while the pages load lazily.
import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n/zh-CN';

export interface OperationsSection {
  path: string;
  label: MessageKey;
  permission: Permission;
}

export const OPERATIONS_ROOT = '/ops';

export const OPERATIONS_SECTIONS: OperationsSection[] = [
  { path: '/ops/today', label: 'ops.nav.today', permission: 'operations.read' },
  { path: '/ops/morning', label: 'ops.nav.morning', permission: 'operations.read' },
  { path: '/ops/daily', label: 'ops.nav.daily', permission: 'operations.read' },
  { path: '/ops/goals', label: 'ops.nav.goals', permission: 'operations.read' },
  { path: '/ops/sops', label: 'ops.nav.sops', permission: 'operations.read' },
  { path: '/ops/problems', label: 'ops.nav.problems', permission: 'operations.read' },
  { path: '/ops/points', label: 'ops.nav.points', permission: 'operations.read' },
  { path: '/ops/work', label: 'ops.nav.work', permission: 'operations.read' },
  { path: '/ops/alerts', label: 'ops.nav.alerts', permission: 'operations.read' },
  { path: '/ops/retros', label: 'ops.nav.retros', permission: 'operations.read' },
  { path: '/ops/scheduler', label: 'ops.nav.scheduler', permission: 'operations.read' },
];
