// The database schema as TypeScript types: the one place Kysely learns our tables, so the compiler finds every
// query a migration breaks. Times are ISO 8601 UTC strings; JSON columns hold serialized text on both databases.
import type { Generated } from 'kysely';

type Id = Generated<number>;
/** A JSON document stored as text (SQLite and PostgreSQL alike). */
type JsonText = string;

export interface WorkspacesTable {
  id: Id;
  key: string;
  name: string;
  timezone: string;
  /** Signs payment notices (POST /api/hooks/payments/<workspace>); null until an admin creates one. */
  payment_webhook_secret: string | null;
  created_at: string;
}

/** Per-workspace sequences (member numbers); incremented inside the writing transaction, so no gaps or reuse. */
export interface CountersTable {
  workspace_id: number;
  name: string;
  value: number;
}

export interface TeamsTable {
  id: Id;
  workspace_id: number;
  name: string;
  lead_staff_id: number | null;
  created_at: string;
}

export interface StaffTable {
  id: Id;
  workspace_id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  team_id: number | null;
  disabled: Generated<number>;
  created_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value, so a leaked database does not leak live sessions. */
  id: string;
  workspace_id: number;
  staff_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: Id;
  workspace_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: JsonText;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface AuditLogTable {
  id: Id;
  workspace_id: number;
  at: string;
  actor_kind: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  /** Set when the entry concerns a member, so the profile shows its trail and erase can redact it. */
  member_id: number | null;
  before_json: JsonText | null;
  after_json: JsonText | null;
  request_id: string | null;
}

export interface MembersTable {
  id: Id;
  workspace_id: number;
  member_no: number;
  nickname: string;
  /** The first phone identity, kept here for lists; the identity row is the source of truth. */
  phone: string | null;
  attributes: JsonText;
  /** Text the fragment search matches (nickname, former nicknames, phone); PostgreSQL indexes it with pg_trgm. */
  search_text: Generated<string>;
  merged_into_id: number | null;
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberIdentitiesTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  kind: string;
  value: string;
  created_at: string;
}

export interface NicknameHistoryTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  nickname: string;
  /** Where the name was seen: a platform or group ("wechat", "group:X1 打卡1群"), or "console". */
  context: string;
  at: string;
}

export interface TagGroupsTable {
  id: Id;
  workspace_id: number;
  name: string;
  created_at: string;
}

export interface TagsTable {
  id: Id;
  workspace_id: number;
  group_id: number;
  name: string;
  color: string;
  created_at: string;
}

export interface MemberTagsTable {
  workspace_id: number;
  member_id: number;
  tag_id: number;
  added_by: number | null;
  added_at: string;
}

export interface ServiceRecordsTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  kind: string;
  content: string;
  occurred_at: string;
  staff_id: number | null;
  created_at: string;
}

export interface MemberBlocksTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  reason: string;
  blocked_by: number | null;
  blocked_at: string;
  lifted_at: string | null;
  lifted_by: number | null;
  lift_reason: string | null;
}

export interface MemberMergesTable {
  id: Id;
  workspace_id: number;
  survivor_id: number;
  merged_id: number;
  /** What moved from the merged member to the survivor, so undo can move exactly that back. */
  snapshot: JsonText;
  merged_by: number | null;
  merged_at: string;
  undone_at: string | null;
  undone_by: number | null;
}

export interface SeriesTable {
  id: Id;
  workspace_id: number;
  /** The series letter(s) operators use: X in X1, X2, X3. */
  key: string;
  name: string;
  theme: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface CampaignsTable {
  id: Id;
  workspace_id: number;
  series_id: number;
  /** Series key + edition: X3. */
  key: string;
  edition: number;
  name: string;
  theme: Generated<string>;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  /** Calendar dates (YYYY-MM-DD) in the campaign's own time zone. */
  starts_on: string;
  ends_on: string;
  timezone: string;
  price_cents: Generated<number>;
  deposit_cents: Generated<number>;
  capacity: number | null;
  /** The check-in rule as JSON (campaigns/rules.ts); locked once the campaign starts. */
  rules: JsonText;
  /** Active enrollments: the place counter checked against capacity in one conditional UPDATE. */
  enrolled_count: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChatGroupsTable {
  id: Id;
  workspace_id: number;
  platform: string;
  name: string;
  owner_staff_id: number | null;
  capacity: number;
  campaign_id: number | null;
  series_id: number | null;
  theme: Generated<string>;
  status: string;
  /** The platform's own id of the group, when a connector knows it. */
  external_id: string | null;
  /** The uploaded group QR image: a file name under the data folder, its checked type, and when it stops working. */
  qr_file: string | null;
  qr_mime: string | null;
  qr_uploaded_at: string | null;
  qr_expires_at: string | null;
  /** Scans routed to this group (live codes); a proxy for the member count where the platform gives none. */
  scan_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GroupMembershipsTable {
  id: Id;
  workspace_id: number;
  group_id: number;
  member_id: number;
  joined_at: string;
  left_at: string | null;
  source: string;
  group_nickname: string | null;
}

export interface GroupListReviewsTable {
  id: Id;
  workspace_id: number;
  group_id: number;
  group_nickname: string;
  /** The original row of the group's member list, as JSON. */
  row: JsonText;
  reason: string;
  /** Member ids that could be this person, as a JSON array. */
  candidate_ids: JsonText;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  /** 'member:<id>', 'new' or 'ignored'. */
  resolution: string | null;
}

export interface ChannelsTable {
  id: Id;
  workspace_id: number;
  /** null for a first-level channel (一级渠道); a second-level one (二级) names its parent. */
  parent_id: number | null;
  name: string;
  /** The short link /c/<code>, unique across workspaces. */
  code: string;
  owner_staff_id: number | null;
  cost_cents: Generated<number>;
  /** Live code: a group takes visitors while its members (or scans, when unknown) stay below this. */
  threshold: Generated<number>;
  /** Shown when every group of the pool is full, expired or closed. */
  fallback_message: Generated<string>;
  /** When set, /c/<code> leads to this campaign's landing page (signup) before the group QR. */
  campaign_id: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelPoolGroupsTable {
  workspace_id: number;
  channel_id: number;
  group_id: number;
  position: number;
}

export interface ChannelVisitsTable {
  id: Id;
  workspace_id: number;
  channel_id: number;
  /** A hash of the visitor's cookie id: counts unique visitors without keeping who they are. */
  visitor: string;
  at: string;
  group_id: number | null;
  exhausted: Generated<number>;
}

export interface AlertsTable {
  id: Id;
  workspace_id: number;
  kind: string;
  level: string;
  /** What the alert is about, as 'channel:12' or 'group:7'. */
  subject: string;
  message: string;
  /** The staff member to tell (the owner of the channel or group). */
  staff_id: number | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
  /** The alert rule that raised it (null for alerts raised by a feature itself, such as an exhausted live code). */
  rule_id: number | null;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
}

/** One recorded event (a visit, a dwell time, an answer); `event_id` is the sender's, unique per workspace. */
export interface EventsTable {
  id: Id;
  workspace_id: number;
  event_id: string;
  member_id: number;
  name: string;
  at: string;
  props: JsonText;
  received_at: string;
  /** 'token:<id>' or 'staff:<id>'. */
  source: string;
}

/** A member signed in on the mobile pages (check-in app); `id` is the sha256 of the cookie value. */
export interface MemberSessionsTable {
  id: string;
  workspace_id: number;
  member_id: number;
  /** The identity provider that signed the member in ('dev', 'wechat'). */
  provider: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export type EnrollmentStatus = 'active' | 'cancelled';
export type SettlementDecision = 'refund' | 'forfeit';
export type SettlementClass = 'eligible' | 'borderline' | 'not_eligible';

export interface EnrollmentsTable {
  id: Id;
  workspace_id: number;
  campaign_id: number;
  member_id: number;
  channel_id: number | null;
  /** The group the live code sent the member to. */
  group_id: number | null;
  /** 'signup', 'staff' or 'import'. */
  source: string;
  status: EnrollmentStatus;
  amount_due_cents: number;
  /** Sum of the enrollment's payments (kept in the same transaction as each payment). */
  paid_cents: Generated<number>;
  paid_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  settlement_decision: SettlementDecision | null;
  /** The class and counted days the decision was taken on. */
  settlement_class: SettlementClass | null;
  settlement_days: number | null;
  settlement_reason: string | null;
  settled_by: number | null;
  settled_at: string | null;
  refund_cents: number | null;
  refunded_at: string | null;
  refund_ref: string | null;
  refunded_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PaymentsTable {
  id: Id;
  workspace_id: number;
  enrollment_id: number;
  amount_cents: number;
  paid_at: string;
  reference: string | null;
  /** 'manual', 'csv' or 'webhook'. */
  source: string;
  recorded_by: number | null;
  created_at: string;
}

export type ReviewStatus = 'none' | 'pending' | 'approved' | 'rejected';
export type CheckinFlag = 'missing_media' | 'duplicate_photo' | 'late' | 'edited' | 'makeup';

export interface CheckinsTable {
  id: Id;
  workspace_id: number;
  campaign_id: number;
  enrollment_id: number;
  member_id: number;
  day_index: number;
  day_date: string;
  text: string;
  photo_count: Generated<number>;
  submitted_at: string;
  updated_at: string;
  edit_count: Generated<number>;
  makeup: Generated<number>;
  /** JSON array of CheckinFlag. */
  flags: Generated<JsonText>;
  review_status: Generated<ReviewStatus>;
  review_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
}

export interface CheckinPhotosTable {
  id: Id;
  workspace_id: number;
  checkin_id: number;
  campaign_id: number;
  position: number;
  file: string;
  mime: string;
  bytes: number;
  sha256: string;
  created_at: string;
}

/** Per workspace: which events count as activity, and when the report aggregates were last brought up to date. */
export interface AnalyticsStateTable {
  workspace_id: number;
  /** JSON array of event names, or null: every event counts. */
  activity_events: JsonText | null;
  refreshed_at: string | null;
}

/** A day (YYYY-MM-DD, workspace time zone) on which a member checked in or sent a counted event. */
export interface MemberActivityDaysTable {
  workspace_id: number;
  member_id: number;
  day: string;
}

/** Activity days added (+1) or removed (-1) and not yet applied to activity_daily and retention_cells. */
export interface ActivityLogTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  day: string;
  op: number;
}

export interface ActivityDailyTable {
  workspace_id: number;
  day: string;
  dau: number;
  wau: number;
  mau: number;
}

export interface RetentionCellsTable {
  workspace_id: number;
  period: 'day' | 'week';
  cohort: string;
  offset: number;
  members: number;
}

export interface MemberRollupsTable {
  member_id: number;
  workspace_id: number;
  first_campaign_id: number | null;
  last_campaign_id: number | null;
  first_active_day: string | null;
  /** JSON array of [campaign id, first campaign of its series] pairs, exactly as counted into campaign_series_firsts. */
  series_segments: Generated<JsonText>;
}

/** Participants of a campaign by the campaign they first appeared in within its series. */
export interface CampaignSeriesFirstsTable {
  workspace_id: number;
  campaign_id: number;
  first_campaign_id: number;
  members: number;
}

export interface MemberSeriesRollupsTable {
  workspace_id: number;
  series_id: number;
  member_id: number;
  first_campaign_id: number;
}

/** Members whose rollups need recomputing ('member': campaigns; 'activity': activity days), written by triggers. */
export interface AnalyticsDirtyTable {
  workspace_id: number;
  kind: 'member' | 'activity';
  member_id: number;
}

/** SQLite only: the FTS5 n-gram index of members.search_text (rowid = members.id); see members/search-text.ts. */
export interface MemberSearchTable {
  rowid: number;
  ws: string;
  uni: string;
  bi: string;
}

// ---- running the operation (0007) ----

export interface GoalsTable {
  id: Id;
  workspace_id: number;
  name: string;
  /** A metric of the catalogue (goals/metrics.ts) or 'manual'. */
  metric: string;
  scope_kind: string;
  scope_id: number | null;
  /** Local dates (workspace time zone), both included. */
  starts_on: string;
  ends_on: string;
  target: number;
  /** 'even' | 'weekday' | 'manual'. */
  split: string;
  /** JSON: seven weights, Monday first (split 'weekday'). */
  weekday_weights: JsonText | null;
  description: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface GoalTeamsTable {
  id: Id;
  workspace_id: number;
  goal_id: number;
  /** Null: the goal is not split among teams. */
  team_id: number | null;
  target: number;
}

export interface GoalDayTargetsTable {
  id: Id;
  workspace_id: number;
  goal_team_id: number;
  day: string;
  planned: number;
}

export interface GoalActualsTable {
  id: Id;
  workspace_id: number;
  goal_team_id: number;
  day: string;
  value: number;
  entered_by: number | null;
  entered_at: string;
}

export interface SopTemplatesTable {
  id: Id;
  workspace_id: number;
  name: string;
  description: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface SopStepsTable {
  id: Id;
  workspace_id: number;
  template_id: number;
  position: number;
  title: string;
  /** 'campaign_day' | 'weekday' | 'date' | 'group_age'. */
  trigger_kind: string;
  /** Campaign day offset ('-1', '1'…), ISO weekday '1'–'7', a date, or days after the group was created. */
  trigger_value: string;
  /** Local 'HH:MM'. */
  window_start: string;
  window_end: string;
  /** 'message' | 'private_followup' | 'post_material' | 'review_checkins' | 'other'. */
  action: string;
  content: string;
  /** JSON array of { kind, name, url }. */
  attachments: JsonText;
  /** Who does it: 'group_owner' | 'assistant' | 'team_lead'. */
  role: string;
}

export interface SopApplicationsTable {
  id: Id;
  workspace_id: number;
  template_id: number;
  campaign_id: number | null;
  group_id: number | null;
  assistant_staff_id: number | null;
  starts_on: string;
  ends_on: string | null;
  created_by: number | null;
  created_at: string;
  stopped_at: string | null;
}

export interface SopTasksTable {
  id: Id;
  workspace_id: number;
  application_id: number;
  step_id: number;
  group_id: number;
  campaign_id: number | null;
  /** The local date the task is for. */
  due_date: string;
  window_start_at: string;
  window_end_at: string;
  assignee_staff_id: number | null;
  /** 'todo' | 'done' | 'late' | 'missed' | 'skipped'. */
  status: string;
  /** 1 done within the window, 0 done after it, null not done. */
  on_time: number | null;
  done_at: string | null;
  done_by: number | null;
  proof_text: string | null;
  proof_link: string | null;
  proof_file: string | null;
  proof_mime: string | null;
  skip_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProblemCategoriesTable {
  id: Id;
  workspace_id: number;
  parent_id: number | null;
  name: string;
  position: number;
  created_at: string;
}

export interface ProblemsTable {
  id: Id;
  workspace_id: number;
  title: string;
  description: string;
  category_id: number | null;
  /** JSON array of strings. */
  tags: JsonText;
  campaign_id: number | null;
  group_id: number | null;
  member_id: number | null;
  /** 'open' | 'answered' | 'archived'. */
  status: string;
  /** Lower-cased title, description, tags and answers, for substring search. */
  search_text: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProblemAnswersTable {
  id: Id;
  workspace_id: number;
  problem_id: number;
  content: string;
  use_count: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AnswerUsesTable {
  id: Id;
  workspace_id: number;
  answer_id: number;
  member_id: number | null;
  staff_id: number | null;
  at: string;
}

export interface IncentiveRulesTable {
  id: Id;
  workspace_id: number;
  kind: string;
  points: number;
  enabled: number;
  updated_at: string;
}

export interface PointsLedgerTable {
  id: Id;
  workspace_id: number;
  staff_id: number;
  points: number;
  /** 'rule' | 'manual'. */
  kind: string;
  rule_kind: string | null;
  /** What a rule entry is about ('sop_task:12', 'goal_day:3:team:2:2026-12-01'); null for manual entries. */
  source: string | null;
  reason: string;
  /** The local day the points count for (leaderboards group by it). */
  day: string;
  created_by: number | null;
  created_at: string;
}

export interface WorkItemsTable {
  id: Id;
  workspace_id: number;
  title: string;
  description: string;
  /** 'planning' | 'routine' | 'transactional'. */
  category: string;
  due_on: string | null;
  owner_staff_id: number | null;
  /** 'todo' | 'doing' | 'done' | 'dropped'. */
  status: string;
  done_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WeeklyFocusTable {
  id: Id;
  workspace_id: number;
  team_id: number;
  /** The Monday of the week. */
  week_start: string;
  title: string;
  description: string;
  set_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AlertRulesTable {
  id: Id;
  workspace_id: number;
  kind: string;
  /** 'info' | 'warning' | 'critical'. */
  level: string;
  threshold: number;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface RetrospectivesTable {
  id: Id;
  workspace_id: number;
  campaign_id: number;
  goal_note: string;
  result_note: string;
  analysis: string;
  insight: string;
  /** JSON array of { what, owner, due }. */
  actions: JsonText;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface JobRunsTable {
  workspace_id: number;
  job: string;
  period: string;
  /** 'running' | 'done' | 'failed'. */
  status: string;
  started_at: string;
  finished_at: string | null;
  detail: string | null;
}

export interface DB {
  workspaces: WorkspacesTable;
  counters: CountersTable;
  teams: TeamsTable;
  staff: StaffTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  members: MembersTable;
  member_identities: MemberIdentitiesTable;
  nickname_history: NicknameHistoryTable;
  tag_groups: TagGroupsTable;
  tags: TagsTable;
  member_tags: MemberTagsTable;
  service_records: ServiceRecordsTable;
  member_blocks: MemberBlocksTable;
  member_merges: MemberMergesTable;
  member_search: MemberSearchTable;
  series: SeriesTable;
  campaigns: CampaignsTable;
  chat_groups: ChatGroupsTable;
  group_memberships: GroupMembershipsTable;
  group_list_reviews: GroupListReviewsTable;
  channels: ChannelsTable;
  channel_pool_groups: ChannelPoolGroupsTable;
  channel_visits: ChannelVisitsTable;
  alerts: AlertsTable;
  events: EventsTable;
  member_sessions: MemberSessionsTable;
  enrollments: EnrollmentsTable;
  payments: PaymentsTable;
  checkins: CheckinsTable;
  checkin_photos: CheckinPhotosTable;
  analytics_state: AnalyticsStateTable;
  member_activity_days: MemberActivityDaysTable;
  activity_log: ActivityLogTable;
  activity_daily: ActivityDailyTable;
  retention_cells: RetentionCellsTable;
  member_rollups: MemberRollupsTable;
  member_series_rollups: MemberSeriesRollupsTable;
  campaign_series_firsts: CampaignSeriesFirstsTable;
  analytics_dirty: AnalyticsDirtyTable;
  goals: GoalsTable;
  goal_teams: GoalTeamsTable;
  goal_day_targets: GoalDayTargetsTable;
  goal_actuals: GoalActualsTable;
  sop_templates: SopTemplatesTable;
  sop_steps: SopStepsTable;
  sop_applications: SopApplicationsTable;
  sop_tasks: SopTasksTable;
  problem_categories: ProblemCategoriesTable;
  problems: ProblemsTable;
  problem_answers: ProblemAnswersTable;
  answer_uses: AnswerUsesTable;
  incentive_rules: IncentiveRulesTable;
  points_ledger: PointsLedgerTable;
  work_items: WorkItemsTable;
  weekly_focus: WeeklyFocusTable;
  alert_rules: AlertRulesTable;
  retrospectives: RetrospectivesTable;
  job_runs: JobRunsTable;
}

/** Tables whose rows belong to one workspace: every query on them goes through `scoped()`. */
export type WorkspaceTable = { [K in keyof DB]: DB[K] extends { workspace_id: number } ? K : never }[keyof DB];
