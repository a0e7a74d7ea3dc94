// The community matrix (社群矩阵): every series with its campaigns in order and its groups, plus groups in no
// series, with the totals the console shows and what each total means.
import { scoped } from '../db/scoped.js';
import type { AccessContext } from '../http/access.js';
import * as q from './queries.js';
import { toGroupOut } from './group-out.js';
import type { GroupService } from './service.js';

export const MATRIX_DEFINITIONS = {
  members: 'Distinct people with an open membership period (joined, not left) in any group of the series; one person in two groups counts once.',
  groups: 'Groups placed in the series (directly or through one of its campaigns), whatever their status.',
  groupsOpen: 'Of those, groups whose status is open (taking new members).',
  memberCount: 'People currently in the group (open membership periods).',
};

export async function communityMatrix(groups: GroupService, ctx: AccessContext) {
  const s = scoped(groups.db, ctx.workspaceId);
  const [[series, campaigns], rows, memberships] = await Promise.all([q.seriesWithCampaigns(s), q.allGroups(s), q.currentMembersBySeries(s)]);
  const now = Date.now();
  const cells = rows.map((r) => {
    const g = toGroupOut(r, now);
    return {
      seriesId: r.series_id,
      out: { id: g.id, name: g.name, platform: g.platform, status: g.status, theme: g.theme, memberCount: g.memberCount, capacity: g.capacity, qrStatus: g.qrStatus, campaignId: g.campaign?.id ?? null, campaignKey: g.campaign?.key ?? null },
    };
  });
  const totals = (seriesId: number | null) => {
    const inSeries = cells.filter((c) => c.seriesId === seriesId).map((c) => c.out);
    const people = new Set(memberships.filter((m) => m.series_id === seriesId).map((m) => m.member_id));
    return { groups: inSeries, totals: { members: people.size, groups: inSeries.length, groupsOpen: inSeries.filter((g) => g.status === 'open').length } };
  };
  return {
    series: series.map((x) => ({
      id: x.id, key: x.key, name: x.name, theme: x.theme,
      campaigns: campaigns.filter((c) => c.series_id === x.id).map((c) => ({ id: c.id, key: c.key, name: c.name, startsOn: c.starts_on, endsOn: c.ends_on })),
      ...totals(x.id),
    })),
    unassigned: totals(null),
    definitions: MATRIX_DEFINITIONS,
  };
}
