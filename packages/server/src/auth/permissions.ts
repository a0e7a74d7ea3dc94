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
  // running the operation (goals, SOPs, problem bank, incentives, work planning, alerts, briefings)
  'operations.read',
  'goals.manage',
  'sops.manage',
  'tasks.complete',
  'problems.write',
  'incentives.manage',
  'work.write',
  'alerts.manage',
  'retros.write',
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
    'operations.read', 'sops.manage', 'tasks.complete', 'problems.write', 'work.write', 'alerts.manage', 'retros.write',
  ]),
  sales: new Set<Permission>([
    'members.read', 'members.tag', 'records.write', 'staff.read', 'campaigns.read', 'groups.read', 'channels.read', 'reports.read',
    'operations.read', 'tasks.complete', 'problems.write', 'work.write',
  ]),
  viewer: new Set<Permission>(['members.read', 'staff.read', 'campaigns.read', 'groups.read', 'channels.read', 'reports.read', 'operations.read']),
};

/** Scopes an API token may carry: a subset of the permissions, chosen for integrations. */
export const TOKEN_SCOPES = [
  'members.read', 'members.write', 'members.tag', 'members.block', 'members.import', 'members.export',
  'records.write', 'audit.read', 'campaigns.read', 'groups.read', 'groups.manage', 'channels.read',
  'events.write', 'enrollments.manage', 'payments.manage', 'reports.read', 'operations.read',
] as const satisfies readonly Permission[];

/** Only an owner may create, promote to or change an owner; admins manage everyone else. */
export function mayAssignRole(actorRole: Role, targetRole: Role): boolean {
  return actorRole === 'owner' || targetRole !== 'owner';
}
