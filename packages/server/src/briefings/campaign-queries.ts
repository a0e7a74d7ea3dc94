// Read-only Kysely queries of the briefings about one campaign: its active enrollments with their members, the facts
// check-ins are counted from, its groups with their owners and known memberships, its goals and its returning members.
import type { Scoped } from '../db/scoped.js';

export function activeEnrollments(s: Scoped, campaignId: number) {
  return s.selectFrom('enrollments').innerJoin('members', 'members.id', 'enrollments.member_id')
    .select([
      'enrollments.id', 'enrollments.member_id', 'enrollments.group_id', 'enrollments.channel_id', 'enrollments.paid_cents',
      'enrollments.refund_cents', 'enrollments.refunded_at', 'enrollments.created_at', 'members.member_no', 'members.nickname',
    ])
    .where('enrollments.campaign_id', '=', campaignId).where('enrollments.status', '=', 'active')
    .orderBy('enrollments.id').execute();
}
export type EnrollmentRow = Awaited<ReturnType<typeof activeEnrollments>>[number];

/** Every check-in of the campaign, reduced to what counting needs (checkins/progress.ts) and when it came. */
export function checkinFacts(s: Scoped, campaignId: number) {
  return s.selectFrom('checkins')
    .select(['enrollment_id', 'day_index', 'makeup', 'review_status', 'flags', 'submitted_at'])
    .where('campaign_id', '=', campaignId).execute();
}
export type FactRow = Awaited<ReturnType<typeof checkinFacts>>[number];

/** The campaign's groups: assigned to it, or the group the live code sent one of its enrollments to. */
export function campaignGroups(s: Scoped, campaignId: number) {
  return s.selectFrom('chat_groups').leftJoin('staff', 'staff.id', 'chat_groups.owner_staff_id')
    .select(['chat_groups.id', 'chat_groups.name', 'chat_groups.owner_staff_id', 'staff.display_name as owner_name'])
    .where((eb) => eb.or([
      eb('chat_groups.campaign_id', '=', campaignId),
      eb('chat_groups.id', 'in', s.selectFrom('enrollments').select('group_id').where('campaign_id', '=', campaignId).where('group_id', 'is not', null)
        .$narrowType<{ group_id: number }>()),
    ]))
    .orderBy('chat_groups.id').execute();
}

export function membershipsIn(s: Scoped, groupIds: readonly number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at', 'left_at']).where('group_id', 'in', groupIds).execute();
}
export type MembershipRow = Awaited<ReturnType<typeof membershipsIn>>[number];

/** Goals scoped to the campaign, not archived, newest first. */
export function campaignGoals(s: Scoped, campaignId: number) {
  return s.selectFrom('goals').select(['id', 'name', 'metric', 'target'])
    .where('scope_kind', '=', 'campaign').where('scope_id', '=', campaignId).where('archived_at', 'is', null)
    .orderBy('id', 'desc').execute();
}

/** Active enrollments in other campaigns of the members enrolled in this one (when each was made). */
export function otherEnrollments(s: Scoped, campaignId: number) {
  return s.selectFrom('enrollments').select(['member_id', 'created_at'])
    .where('status', '=', 'active').where('campaign_id', '!=', campaignId)
    .where('member_id', 'in', s.selectFrom('enrollments').select('member_id').where('campaign_id', '=', campaignId).where('status', '=', 'active'))
    .execute();
}

/** The edition before this one in the same series. */
export function previousEdition(s: Scoped, seriesId: number, edition: number) {
  return s.selectFrom('campaigns').select('id').where('series_id', '=', seriesId).where('edition', '=', edition - 1).executeTakeFirst();
}
