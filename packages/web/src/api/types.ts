// Wire types of API v1 (docs/api-v1.md), mirroring the server's zod schemas (packages/server/src/*/schema.ts)
// by hand: the console does not import server code, so a contract change must be copied here.

export type Role = 'owner' | 'admin' | 'operator' | 'sales' | 'viewer';

export type Permission =
  | 'members.read'
  | 'members.write'
  | 'members.tag'
  | 'members.block'
  | 'members.merge'
  | 'members.erase'
  | 'members.import'
  | 'members.export'
  | 'records.write'
  | 'tags.manage'
  | 'campaigns.read'
  | 'campaigns.manage'
  | 'groups.read'
  | 'groups.manage'
  | 'channels.read'
  | 'channels.manage'
  | 'staff.read'
  | 'staff.manage'
  | 'tokens.manage'
  | 'audit.read'
  | 'events.write'
  | 'enrollments.manage'
  | 'payments.manage'
  | 'checkins.review'
  | 'settlement.manage'
  | 'reports.read'
  | 'reports.manage'
  | 'operations.read'
  | 'goals.manage'
  | 'sops.manage'
  | 'tasks.complete'
  | 'problems.write'
  | 'incentives.manage'
  | 'work.write'
  | 'alerts.manage'
  | 'retros.write';

/** A ratio as the server returns it: numerator and denominator, and their quotient (null when nothing to divide by). */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface Session {
  staff: {
    id: number;
    username: string;
    displayName: string;
    role: Role;
    teamId: number | null;
    permissions: string[];
  };
  workspace: { id: number; key: string; name: string; timezone: string };
  csrfToken: string;
}

export interface Tag {
  id: number;
  name: string;
  color: string | null;
  groupId: number;
  /** Present on /tag-groups; absent where a tag is embedded in a member. */
  memberCount?: number;
}

export interface TagGroup {
  id: number;
  name: string;
  tags: Tag[];
}

/** A member number (学号): sequential, five digits and up, never reused. */
export type MemberNo = number;

export interface StaffRef {
  id: number;
  displayName: string;
}

export interface MemberSummary {
  id: number;
  memberNo: MemberNo;
  nickname: string;
  phone: string | null;
  tags: Tag[];
  blocked: boolean;
  erased: boolean;
  createdAt: string;
}

export const IDENTITY_KINDS = [
  'wechat_unionid',
  'wechat_openid',
  'wecom_external_userid',
  'phone',
  'telegram_user_id',
  'email',
  'custom',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export interface Identity {
  id: number;
  kind: IdentityKind;
  value: string;
  createdAt: string;
}

export type AttributeValue = string | number | boolean;

export interface Member {
  id: number;
  memberNo: MemberNo;
  nickname: string;
  phone: string | null;
  attributes: Record<string, AttributeValue>;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
  blocked: null | { reason: string; by: StaffRef | null; at: string };
  identities: Identity[];
  tags: Tag[];
  mergedNumbers: MemberNo[];
  resolvedFrom: MemberNo | null;
}

export interface NicknameChange {
  id: number;
  nickname: string;
  context: string;
  at: string;
}

export const RECORD_KINDS = ['note', 'call', 'chat_summary'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface ServiceRecord {
  id: number;
  kind: RecordKind;
  content: string;
  occurredAt: string;
  staff: StaffRef | null;
  createdAt: string;
}

export interface Merge {
  id: number;
  survivorNo: MemberNo;
  mergedNo: MemberNo;
  at: string;
  by: StaffRef | null;
  undoneAt: string | null;
}

export interface Staff {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Team {
  id: number;
  name: string;
  leadStaffId: number | null;
  memberCount: number;
  createdAt: string;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: StaffRef | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { kind: string; id: number | null; name: string };
  action: string;
  entity: string;
  entityId: string;
  memberId: number | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** GET /meta, normalised by api/meta.ts so pages do not depend on the exact wire shape. */
export interface Meta {
  roles: Role[];
  permissions: string[];
  matrix: Record<string, string[]>;
  identityKinds: string[];
  tokenScopes: string[];
}
