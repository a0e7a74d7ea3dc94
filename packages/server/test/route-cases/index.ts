// The feature modules of the per-route tables (see types.ts).
import type { BadInputModule, IsolationModule } from './types.js';
import * as alerts from './alerts.js';
import * as briefings from './briefings.js';
import * as goals from './goals.js';
import * as incentives from './incentives.js';
import * as problems from './problems.js';
import * as scheduler from './scheduler.js';
import * as sops from './sops.js';
import * as workPlan from './work-plan.js';

const modules: Array<{ isolation: () => IsolationModule; badInput: () => BadInputModule }> = [
  goals, sops, problems, incentives, workPlan, alerts, briefings, scheduler,
];

export const isolationModules = (): IsolationModule[] => modules.map((m) => m.isolation());
export const badInputModules = (): BadInputModule[] => modules.map((m) => m.badInput());
