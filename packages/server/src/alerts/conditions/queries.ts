// Read-only Kysely queries the conditions need on the groups, memberships and teams tables (no feature service
// offers these aggregates): new groups with their first join, their early memberships, QR expiries, team leads.
import type { Scoped } from '../../db/scoped.js';

/** Groups still running (open or full) created at or after `since`, with their earliest known join. */
export function groupsCreatedSince(s: Scoped, since: string) {
  return s.selectFrom('chat_groups')
    .select((eb) => [
      'chat_groups.id', 'chat_groups.name', 'chat_groups.owner_staff_id', 'chat_groups.created_at',
      eb.selectFrom('group_memberships').select((e) => e.fn.min<string>('group_memberships.joined_at').as('first'))
        .whereRef('group_memberships.group_id', '=', 'chat_groups.id').as('first_join'),
    ])
    .where('chat_groups.status', 'in', ['open', 'full']).where('chat_groups.created_at', '>=', since)
    .orderBy('chat_groups.id').execute();
}

/** Memberships of these groups that began before `before`. */
export function membershipsBefore(s: Scoped, groupIds: number[], before: string) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return s.selectFrom('group_memberships').select(['group_id', 'member_id', 'joined_at', 'left_at'])
    .where('group_id', 'in', groupIds).where('joined_at', '<', before).execute();
}

/** Every group with an uploaded QR: its status and expiry. */
export function groupsWithQr(s: Scoped) {
  return s.selectFrom('chat_groups').select(['id', 'name', 'status', 'owner_staff_id', 'qr_expires_at'])
    .where('qr_file', 'is not', null).where('qr_expires_at', 'is not', null).orderBy('id').execute();
}

/** The owners of a campaign's groups. */
export async function campaignGroupOwners(s: Scoped, campaignId: number): Promise<number[]> {
  const rows = await s.selectFrom('chat_groups').select('owner_staff_id').distinct()
    .where('campaign_id', '=', campaignId).where('owner_staff_id', 'is not', null).orderBy('owner_staff_id').execute();
  return rows.map((r) => r.owner_staff_id!);
}

export async function teamLeads(s: Scoped): Promise<Map<number, number | null>> {
  const rows = await s.selectFrom('teams').select(['id', 'lead_staff_id']).execute();
  return new Map(rows.map((r) => [r.id, r.lead_staff_id]));
}
