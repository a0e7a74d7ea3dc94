// The access context of a member acting on the member pages: no staff permission at all, only a workspace and an
// actor the audit log can name (kind 'member', their id and nickname).
import type { AccessContext } from '../http/access.js';

export function memberAccess(member: { workspaceId: number; memberId: number | null; nickname: string }, requestId: string | null): AccessContext {
  return {
    workspaceId: member.workspaceId,
    actor: { kind: 'member', id: member.memberId, name: member.nickname },
    staffId: null,
    role: null,
    permissions: new Set(),
    requestId,
  };
}
