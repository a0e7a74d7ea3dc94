// Demo events, as the member pages and a group connector would have sent them: page views with their dwell time on
// the days a camp's members checked in (and on some days they only looked), and messages in their camp's group.
// They go through the event service, so the operations index counts them as activity the way it does live.
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';

const PAGES = ['checkin', 'progress', 'leaderboard', 'calendar', 'card'];
const BATCH = 1000;

export async function seedEvents(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<number> {
  const db = services.database.db;
  // Each active enrollment with its member number, the group the live code sent them to, and their check-in times.
  const enrollments = await db.selectFrom('enrollments').innerJoin('members', 'members.id', 'enrollments.member_id')
    .select(['enrollments.id', 'enrollments.group_id', 'members.member_no'])
    .where('enrollments.workspace_id', '=', ctx.workspaceId).where('enrollments.status', '=', 'active').execute();
  const checkins = await db.selectFrom('checkins').select(['enrollment_id', 'submitted_at']).where('workspace_id', '=', ctx.workspaceId).execute();
  const byEnrollment = new Map<number, string[]>();
  for (const c of checkins) {
    if (!byEnrollment.has(c.enrollment_id)) byEnrollment.set(c.enrollment_id, []);
    byEnrollment.get(c.enrollment_id)!.push(c.submitted_at);
  }
  const events: Array<{ id: string; member: number; name: string; at: string; props: Record<string, unknown> }> = [];
  for (const e of enrollments) {
    for (const [k, submitted] of (byEnrollment.get(e.id) ?? []).entries()) {
      const checkedInAt = Date.parse(submitted);
      // Opened the page a few minutes before checking in, sometimes came back later to see the leaderboard.
      for (let v = 1 + rng.int(3); v > 0; v--) {
        const at = checkedInAt + (v === 1 ? -(1 + rng.int(10)) * 60_000 : rng.int(3 * 3_600_000));
        if (at > now.getTime()) continue;
        events.push({ id: `demo-pv-${e.id}-${k}-${v}`, member: e.member_no, name: 'page_view', at: new Date(at).toISOString(), props: { page: rng.pick(PAGES), duration_ms: 5_000 + rng.int(240_000) } });
      }
      if (e.group_id !== null && rng.chance(0.35)) {
        const at = checkedInAt + rng.int(2 * 3_600_000);
        if (at <= now.getTime()) events.push({ id: `demo-msg-${e.id}-${k}`, member: e.member_no, name: 'message', at: new Date(at).toISOString(), props: { group: e.group_id } });
      }
    }
  }
  let accepted = 0;
  for (let i = 0; i < events.length; i += BATCH) accepted += (await services.events.ingest(ctx, events.slice(i, i + BATCH))).accepted;
  return accepted;
}
