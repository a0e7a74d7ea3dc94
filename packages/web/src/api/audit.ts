// The workspace-wide audit log.
import { api } from './client';
import type { AuditEntry, Page } from './types';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorStaffId?: number;
}

export const auditApi = {
  list: (filter: AuditFilter, cursor: string | null) =>
    api.get<Page<AuditEntry>>('/audit', { ...filter, cursor, limit: 50 }),
};
