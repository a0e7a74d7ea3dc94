// The service container: one instance of each feature's service over one database, shared by HTTP and CLI.
import { searchAudit } from './audit/service.js';
import { ROLE_PERMISSIONS, type Role } from './auth/permissions.js';
import { AuthService } from './auth/service.js';
import { CampaignService } from './campaigns/service.js';
import { Clock } from './clock.js';
import { ChannelService } from './channels/service.js';
import type { Database } from './db/connection.js';
import { EventService } from './events/service.js';
import { GroupService } from './groups/service.js';
import type { AccessContext } from './http/access.js';
import { eraseMember } from './members/erase.js';
import { MemberMerges } from './members/merge.js';
import { ServiceRecords } from './members/records.js';
import { MemberService } from './members/service.js';
import { MemberSessions } from './member-session/service.js';
import { StaffService } from './staff/service.js';
import { TagService } from './tags/service.js';
import { TokenService } from './tokens/service.js';
import { WorkspaceService } from './workspaces/service.js';
import type { AuditFilter } from './audit/queries.js';

export interface ServiceOptions {
  /** The data folder: uploaded files live under it (SQLite's file too, when SQLite is used). */
  dataDir: string;
  /** "Now" for date rules; tests pass their own to simulate campaign days. */
  clock?: Clock;
}

export function createServices(database: Database, options: ServiceOptions) {
  const { db } = database;
  const clock = options.clock ?? new Clock();
  const tags = new TagService(db);
  const members = new MemberService(db, database.dialect, tags);
  const campaigns = new CampaignService(db);
  const staff = new StaffService(db);
  const workspaces = new WorkspaceService(db);
  const groups = new GroupService(db, members, campaigns, staff, options.dataDir);
  return {
    database,
    dataDir: options.dataDir,
    clock,
    memberSessions: new MemberSessions(db, clock),
    auth: new AuthService(db),
    workspaces,
    staff,
    tokens: new TokenService(db),
    tags,
    campaigns,
    members,
    groups,
    channels: new ChannelService(db, groups, staff, workspaces),
    events: new EventService(db, database.dialect, members),
    records: new ServiceRecords(members),
    merges: new MemberMerges(members),
    erase: (ctx: AccessContext, memberNo: number, confirm: number) => eraseMember(members, ctx, memberNo, confirm),
    audit: (ctx: AccessContext, filter: AuditFilter) => searchAudit(db, ctx, filter),
    permissionsOf: (role: Role) => ROLE_PERMISSIONS[role],
  };
}

export type Services = ReturnType<typeof createServices>;
