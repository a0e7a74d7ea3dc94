// The service container: one instance of each feature's service over one database, shared by HTTP and CLI.
import { ActivityRecorder } from './analytics/activity.js';
import { AlertService } from './alerts/service.js';
import { BriefingService } from './briefings/service.js';
import { searchAudit } from './audit/service.js';
import { ROLE_PERMISSIONS, type Role } from './auth/permissions.js';
import { AuthService } from './auth/service.js';
import { CampaignService } from './campaigns/service.js';
import { Clock } from './clock.js';
import { ChannelService } from './channels/service.js';
import { CheckinService } from './checkins/service.js';
import type { Database } from './db/connection.js';
import { PaymentImport } from './enrollments/payment-import.js';
import { PaymentService } from './enrollments/payments.js';
import { EnrollmentService } from './enrollments/service.js';
import { EventService } from './events/service.js';
import { GoalService } from './goals/service.js';
import { GroupService } from './groups/service.js';
import { IncentiveService } from './incentives/service.js';
import type { AccessContext } from './http/access.js';
import { eraseMember } from './members/erase.js';
import { MemberMerges } from './members/merge.js';
import { ServiceRecords } from './members/records.js';
import { MemberService } from './members/service.js';
import { MemberSessions } from './member-session/service.js';
import { ProblemService } from './problems/service.js';
import { ReportService } from './reports/service.js';
import { SettlementService } from './settlement/service.js';
import { DevIdentityProvider, IdentityProviders, type IdentityProvider } from './signup/providers.js';
import { SignupService } from './signup/service.js';
import { SopService } from './sops/service.js';
import { StaffService } from './staff/service.js';
import { TagService } from './tags/service.js';
import { TokenService } from './tokens/service.js';
import { WorkPlanService } from './work-plan/service.js';
import { WorkspaceService } from './workspaces/service.js';
import type { AuditFilter } from './audit/queries.js';

export interface ServiceOptions {
  /** The data folder: uploaded files live under it (SQLite's file too, when SQLite is used). */
  dataDir: string;
  /** "Now" for date rules; tests pass their own to simulate campaign days. */
  clock?: Clock;
  /** How members sign in at signup (signup/providers.ts); the dev provider when not given. */
  identityProviders?: IdentityProvider[];
}

export function createServices(database: Database, options: ServiceOptions) {
  const { db } = database;
  const clock = options.clock ?? new Clock();
  const activity = new ActivityRecorder(database.sqlite);
  const tags = new TagService(db);
  const members = new MemberService(db, database.dialect, tags);
  const campaigns = new CampaignService(db, clock);
  const staff = new StaffService(db);
  const workspaces = new WorkspaceService(db);
  const groups = new GroupService(db, members, campaigns, staff, options.dataDir);
  const checkins = new CheckinService(db, options.dataDir, clock, campaigns, activity);
  const channels = new ChannelService(db, groups, staff, workspaces, campaigns);
  const memberSessions = new MemberSessions(db, clock);
  const identityProviders = new IdentityProviders(options.identityProviders ?? [new DevIdentityProvider()]);
  const enrollments = new EnrollmentService(db, clock, members, campaigns, channels, groups);
  const payments = new PaymentService(db, clock, enrollments);
  // Running the operation: constructed in dependency order (points follow goals and tasks; briefings read them all).
  const goals = new GoalService(db, clock);
  const incentives = new IncentiveService(db, clock, { goals });
  const sops = new SopService(db, clock, { dataDir: options.dataDir, incentives, campaigns, groups });
  const problems = new ProblemService(db, clock, { members, campaigns, checkins });
  const workPlan = new WorkPlanService(db, clock);
  const alerts = new AlertService(db, clock, { goals });
  const briefings = new BriefingService(db, clock, { goals, sops, incentives, alerts, workPlan, problems, campaigns });
  return {
    database,
    dataDir: options.dataDir,
    clock,
    activity,
    memberSessions,
    auth: new AuthService(db),
    workspaces,
    staff,
    tokens: new TokenService(db),
    tags,
    campaigns,
    members,
    groups,
    channels,
    enrollments,
    payments,
    paymentImport: new PaymentImport(db, clock, options.dataDir, members, campaigns, payments),
    identityProviders,
    signup: new SignupService(db, clock, members, campaigns, channels, enrollments, memberSessions, identityProviders),
    events: new EventService(db, database.dialect, members, activity, database.sqlite),
    settlement: new SettlementService(db, database.dialect, clock),
    reports: new ReportService(db, clock, activity),
    records: new ServiceRecords(members),
    goals,
    incentives,
    sops,
    problems,
    workPlan,
    alerts,
    briefings,
    merges: new MemberMerges(members),
    checkins,
    erase: (ctx: AccessContext, memberNo: number, confirm: number) => eraseMember(members, checkins, ctx, memberNo, confirm),
    audit: (ctx: AccessContext, filter: AuditFilter) => searchAudit(db, ctx, filter),
    permissionsOf: (role: Role) => ROLE_PERMISSIONS[role],
  };
}

export type Services = ReturnType<typeof createServices>;
