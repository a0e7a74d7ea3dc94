// The demo's running of the operation, in the order one feature feeds the next: goals, SOP tasks on the running
// camp, the problem bank, work plans, points (SOP points arrive with the tasks; goal-day points from the settle
// job), alerts from the data, and a retrospective of an ended camp. Each seed goes through its feature's service.
import type { AccessContext } from '../http/access.js';
import type { Services } from '../services.js';
import type { SeededRandom } from './random.js';
import { seedAlerts } from './seed-alerts.js';
import { seedBriefings } from './seed-briefings.js';
import { seedGoals } from './seed-goals.js';
import { seedIncentives } from './seed-incentives.js';
import { seedProblems } from './seed-problems.js';
import { seedSops } from './seed-sops.js';
import { seedWorkPlan } from './seed-work-plan.js';

export async function seedOperations(services: Services, ctx: AccessContext, rng: SeededRandom, now: Date): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const seed of [seedGoals, seedSops, seedProblems, seedWorkPlan, seedIncentives, seedAlerts, seedBriefings]) {
    Object.assign(totals, await seed(services, ctx, rng, now));
  }
  return totals;
}
