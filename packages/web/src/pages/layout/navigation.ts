// The console's sections, in menu order, each with the permission that makes it visible.
import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n/zh-CN';

export interface Section {
  path: string;
  label: MessageKey;
  permission: Permission;
}

export const SECTIONS: Section[] = [
  { path: '/members', label: 'nav.members', permission: 'members.read' },
  { path: '/campaigns', label: 'nav.campaigns', permission: 'campaigns.read' },
  { path: '/checkins/review', label: 'nav.checkinReview', permission: 'campaigns.read' },
  { path: '/groups', label: 'nav.groups', permission: 'groups.read' },
  { path: '/matrix', label: 'nav.matrix', permission: 'groups.read' },
  { path: '/channels', label: 'nav.channels', permission: 'channels.read' },
  { path: '/tags', label: 'nav.tags', permission: 'tags.manage' },
  { path: '/staff', label: 'nav.staff', permission: 'staff.read' },
  { path: '/api-tokens', label: 'nav.tokens', permission: 'tokens.manage' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
];
