// Keeps every workspace's report rollups fresh in the background, so a report rarely has anything to apply when it
// is asked for. Each pass is the same refresh a report runs first; it is safe beside another process doing the same.
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ActivityRecorder } from './activity.js';
import { refreshAnalytics } from './refresh.js';

export function startAnalyticsRefresh(db: Kysely<DB>, activity: ActivityRecorder, onError: (error: unknown) => void): Cron {
  return new Cron('* * * * *', { protect: true, catch: onError }, () => refreshPendingWorkspaces(db, activity));
}

/** One pass: refreshes each workspace with something waiting, and drops marks of deleted workspaces. */
export async function refreshPendingWorkspaces(db: Kysely<DB>, activity: ActivityRecorder): Promise<void> {
  const pending = await db.selectFrom('activity_log').select('workspace_id').distinct()
    .union(db.selectFrom('analytics_dirty').innerJoin('workspaces', 'workspaces.id', 'analytics_dirty.workspace_id').select('analytics_dirty.workspace_id').distinct())
    .execute();
  for (const { workspace_id } of pending) await refreshAnalytics(db, workspace_id, activity);
  // Marks left by the rows of a deleted workspace (its cascade fired the triggers) have nothing to refresh.
  await db.deleteFrom('analytics_dirty').where(({ not, exists, selectFrom }) => not(exists(
    selectFrom('workspaces').select('workspaces.id').whereRef('workspaces.id', '=', 'analytics_dirty.workspace_id'),
  ))).execute();
}
