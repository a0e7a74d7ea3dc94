// Roles and what each may do. The server enforces this matrix; the console only hides what the server would refuse.
export const PERMISSIONS = [
  'members.read',
  'members.write',
  'members.tag',
  'members.block',
  'members.merge',
  'members.erase',
  'members.import',
  'members.export',
  'records.write',
  'tags.manage',
  'staff.read',
  'staff.manage',
  'tokens.manage',
  'audit.read',
  'campaigns.read',
  'campaigns.manage',
  'groups.read',
  'groups.manage',
  'channels.read',
  'channels.manage',
  'events.write',
  'enrollments.manage',
  'payments.manage',
  'checkins.review',
  'settlement.manage',
  'reports.read',
  'reports.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'admin', 'operator', 'sales', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const all = new Set<Permission>(PERMISSIONS);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: all,
  admin: all,
  operator: new Set<Permission>([
    'members.read', 'members.write', 'members.tag', 'members.block', 'members.import', 'members.export',
    'records.write', 'tags.manage', 'staff.read', 'campaigns.read', 'campaigns.manage', 'groups.read', 'groups.manage',
    'channels.read', 'channels.manage', 'enrollments.manage', 'checkins.review', 'reports.read',
  ]),
  sales: new Set<Permission>(['members.read', 'members.tag', 'records.write', 'staff.read', 'campaigns.read', 'groups.read', 'channels.read', 'reports.read']),
  viewer: new Set<Permission>(['members.read', 'staff.read', 'campaigns.read', 'groups.read', 'channels.read', 'reports.read']),
};

/** Scopes an API token may carry: a subset of the permissions, chosen for integrations. */
export const TOKEN_SCOPES = [
  'members.read', 'members.write', 'members.tag', 'members.block', 'members.import', 'members.export',
  'records.write', 'audit.read', 'campaigns.read', 'groups.read', 'groups.manage', 'channels.read',
  'events.write', 'enrollments.manage', 'payments.manage', 'reports.read',
] as const satisfies readonly Permission[];

/** Only an owner may create, promote to or change an owner; admins manage everyone else. */
export function mayAssignRole(actorRole: Role, targetRole: Role): boolean {
  return actorRole === 'owner' || targetRole !== 'owner';
}
