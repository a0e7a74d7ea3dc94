// The arithmetic of a goal's plan, without a database: splits that add up exactly, weekday weights, the re-plan of
// seed 003 (10,000 in 5 days; 1,500 on day 1 → 2,125 a day) and its floor at 0, and the plan's refusals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../src/http/errors.js';
import { metricOf } from '../src/goals/metrics.js';
import { buildPlan, type PlanRequest } from '../src/goals/plan.js';
import { allocate, replan, weekdayIndex } from '../src/goals/split.js';

const request = (over: Partial<PlanRequest>): PlanRequest => ({
  metric: metricOf('signups'), scopeTeamId: null, target: 10_000, startsOn: '2030-03-04', endsOn: '2030-03-08',
  teams: [], split: 'even', weekdayWeights: null, manualTargets: null, ...over,
});

function refused(fn: () => unknown, field: string, status = 400): void {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.status === status && e.fields !== undefined && field in e.fields, `expected ${status} naming ${field}`);
}

test('allocate: parts add up exactly; the remainder goes to the largest fractions, earlier days first', () => {
  assert.deepEqual(allocate(10_000, [1, 1, 1, 1, 1]), [2000, 2000, 2000, 2000, 2000]);
  assert.deepEqual(allocate(10, [1, 1, 1]), [4, 3, 3]);
  assert.deepEqual(allocate(100, [1, 1, 1, 1, 1, 2, 3]), [10, 10, 10, 10, 10, 20, 30]);
  assert.deepEqual(allocate(7, [1, 2]), [2, 5], '7/3 = 2.33, 14/3 = 4.67: the larger fraction gets the unit');
  assert.deepEqual(allocate(100.5, [1, 1]), [50.25, 50.25], 'a total with cents is split in cents');
  assert.deepEqual(allocate(0.1, [1, 1, 1]), [0.04, 0.03, 0.03]);
  assert.deepEqual(allocate(5, [0, 0]), [0, 0], 'no weight: nothing to spread');
  const parts = allocate(9_999, [3, 1, 4, 1, 5, 9, 2, 6]);
  assert.equal(parts.reduce((a, b) => a + b, 0), 9_999);
  assert.ok(parts.every(Number.isInteger));
});

test('seed 003: 10,000 people in 5 days → 2,000 a day; 1,500 on day 1 → 2,125 a day for the remaining four', () => {
  const planned = allocate(10_000, [1, 1, 1, 1, 1]);
  assert.deepEqual(planned, [2000, 2000, 2000, 2000, 2000]);
  assert.deepEqual(replan(10_000, planned, [0, 0, 0, 0, 0], 0), planned, 'before anything happened the re-plan is the plan');
  assert.deepEqual(replan(10_000, planned, [1500, 0, 0, 0, 0], 1), [2000, 2125, 2125, 2125, 2125]);
  // Day 2 brings 2,125: the plan for days 3–5 stays 2,125; a past day keeps the target it had at its start.
  assert.deepEqual(replan(10_000, planned, [1500, 2125, 0, 0, 0], 2), [2000, 2125, 2125, 2125, 2125]);
  // A short day 2 (1,000) is spread over days 3–5: (10,000 − 2,500) / 3 = 2,500.
  assert.deepEqual(replan(10_000, planned, [1500, 1000, 0, 0, 0], 2), [2000, 2125, 2500, 2500, 2500]);
  // After the goal ended every day is re-planned as of its own start.
  assert.deepEqual(replan(10_000, planned, [1500, 1000, 2500, 2500, 2500], 5), [2000, 2125, 2500, 2500, 2500]);
  // 8,501 left over four days: whole people, adding up.
  assert.deepEqual(replan(10_000, planned, [1499, 0, 0, 0, 0], 1), [2000, 2126, 2125, 2125, 2125]);
});

test('the re-plan never goes below 0 and follows the shape of the plan', () => {
  assert.deepEqual(replan(10, [2, 2, 2, 2, 2], [12, 0, 0, 0, 0], 1), [2, 0, 0, 0, 0]);
  assert.deepEqual(replan(10, [2, 2, 2, 2, 2], [9, 5, 0, 0, 0], 3), [2, 1, 0, 0, 0], 'one left at the start of day 2 (whole people: on day 2), over target after it');
  // Weekday-shaped plan: nothing on day 1 puts day 2 at 60 × 15/55 = 16.4 → 16; 40 left after day 2 is split 10 / 30.
  assert.deepEqual(replan(60, [5, 15, 10, 30], [0, 20, 0, 0], 2), [5, 16, 10, 30]);
  assert.deepEqual(replan(60, [5, 15, 10, 30], [0, 0, 0, 0], 2), [5, 16, 15, 45]);
});

test('weekday weights: Monday first, over the days of the range; a team split evenly first', () => {
  assert.equal(weekdayIndex('2030-03-04'), 0, '2030-03-04 is a Monday');
  assert.equal(weekdayIndex('2030-03-10'), 6);
  const plan = buildPlan(request({ target: 100, startsOn: '2030-03-04', endsOn: '2030-03-10', teams: 'all', split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 2, 3] }), [7, 9]);
  assert.deepEqual(plan.teams.map((t) => [t.teamId, t.target]), [[7, 50], [9, 50]]);
  assert.deepEqual(plan.teams[0]!.planned, [5, 5, 5, 5, 5, 10, 15]);
  assert.deepEqual(plan.weekdayWeights, [1, 1, 1, 1, 1, 2, 3]);
  refused(() => buildPlan(request({ split: 'weekday' }), []), 'weekdayWeights');
  refused(() => buildPlan(request({ split: 'weekday', weekdayWeights: [0, 0, 0, 0, 0, 0, 0] }), []), 'weekdayWeights');
  refused(() => buildPlan(request({ startsOn: '2030-03-09', endsOn: '2030-03-10', split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 0, 0] }), []), 'weekdayWeights');
});

test('teams: all evenly, chosen with hand-set targets that add up, or one whole', () => {
  assert.deepEqual(buildPlan(request({ teams: 'all', target: 10 }), [1, 2, 3]).teams.map((t) => t.target), [4, 3, 3]);
  assert.deepEqual(buildPlan(request({ teams: 'all' }), []).teams.map((t) => t.teamId), [null], 'no teams in the workspace: one whole');
  assert.deepEqual(buildPlan(request({ teams: [] }), [1, 2]).teams.map((t) => t.teamId), [null]);
  assert.deepEqual(buildPlan(request({ teams: [{ teamId: 2, target: 6000 }, { teamId: 1, target: 4000 }] }), [1, 2]).teams.map((t) => [t.teamId, t.target]), [[2, 6000], [1, 4000]]);
  refused(() => buildPlan(request({ teams: [{ teamId: 1, target: 6000 }, { teamId: 2, target: 3000 }] }), [1, 2]), 'teams');
  refused(() => buildPlan(request({ teams: [{ teamId: 1, target: 6000 }, { teamId: 2 }] }), [1, 2]), 'teams.1.target');
  refused(() => buildPlan(request({ teams: [{ teamId: 1 }, { teamId: 1 }] }), [1, 2]), 'teams.1.teamId');
  refused(() => buildPlan(request({ teams: [{ teamId: 5 }] }), [1, 2]), 'teams.0.teamId', 404);
  refused(() => buildPlan(request({ teams: [{ teamId: 1, target: 5000.5 }, { teamId: 2, target: 4999.5 }] }), [1, 2]), 'teams.0.target');
  assert.deepEqual(buildPlan(request({ teams: 'all', scopeTeamId: 2 }), [1, 2]).teams.map((t) => t.teamId), [2], "a team's goal is that team's");
  refused(() => buildPlan(request({ teams: [{ teamId: 1 }], scopeTeamId: 2 }), [1, 2]), 'teams.0.teamId');
});

test('a hand split must add up per team, on days of the goal, for the goal\'s teams', () => {
  const teams = [{ teamId: 1, target: 6 }, { teamId: 2, target: 4 }];
  const base = { target: 10, startsOn: '2030-03-04', endsOn: '2030-03-05', teams, split: 'manual' as const };
  const grid = [{ teamId: 1, day: '2030-03-04', target: 2 }, { teamId: 1, day: '2030-03-05', target: 4 }, { teamId: 2, day: '2030-03-04', target: 4 }];
  const plan = buildPlan(request({ ...base, manualTargets: grid }), [1, 2]);
  assert.deepEqual(plan.teams.map((t) => t.planned), [[2, 4], [4, 0]], 'a day left out is 0');
  refused(() => buildPlan(request({ ...base, manualTargets: null }), [1, 2]), 'manualTargets');
  refused(() => buildPlan(request({ ...base, manualTargets: [...grid.slice(0, 2), { teamId: 2, day: '2030-03-04', target: 3 }] }), [1, 2]), 'manualTargets');
  refused(() => buildPlan(request({ ...base, manualTargets: [{ teamId: 1, day: '2030-03-06', target: 6 }] }), [1, 2]), 'manualTargets.0.day');
  refused(() => buildPlan(request({ ...base, manualTargets: [{ teamId: 3, day: '2030-03-04', target: 6 }] }), [1, 2, 3]), 'manualTargets.0.teamId');
  refused(() => buildPlan(request({ ...base, manualTargets: [{ teamId: 1, day: '2030-03-04', target: 1.5 }] }), [1, 2]), 'manualTargets.0.target');
  refused(() => buildPlan(request({ ...base, manualTargets: [grid[0]!, grid[0]!] }), [1, 2]), 'manualTargets.1');
});

test('targets and dates: whole people, a rate at most 1, at most 366 days, rate and level goals not split over days', () => {
  refused(() => buildPlan(request({ target: 10.5 }), []), 'target');
  refused(() => buildPlan(request({ metric: metricOf('checkin_rate'), target: 1.2 }), []), 'target');
  refused(() => buildPlan(request({ startsOn: '2030-03-08', endsOn: '2030-03-07' }), []), 'endsOn');
  refused(() => buildPlan(request({ startsOn: '2030-01-01', endsOn: '2031-01-02' }), []), 'endsOn');
  assert.equal(buildPlan(request({ startsOn: '2030-01-01', endsOn: '2031-01-01' }), []).days.length, 366);
  refused(() => buildPlan(request({ metric: metricOf('checkin_rate'), target: 0.6, split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 1, 1] }), []), 'split');
  refused(() => buildPlan(request({ metric: metricOf('checkin_rate'), target: 0.6, teams: [{ teamId: 1, target: 0.6 }] }), [1]), 'teams.0.target');
  const rate = buildPlan(request({ metric: metricOf('checkin_rate'), target: 0.6, teams: 'all' }), [1, 2]);
  assert.deepEqual(rate.teams.map((t) => t.target), [0.6, 0.6], 'every team aims at the rate');
  assert.deepEqual(rate.teams[0]!.planned, [0.6, 0.6, 0.6, 0.6, 0.6]);
  const level = buildPlan(request({ metric: metricOf('members_meeting_requirement'), target: 30, teams: 'all', startsOn: '2030-03-04', endsOn: '2030-03-06' }), [1, 2]);
  assert.deepEqual(level.teams.map((t) => t.planned), [[15, 15, 15], [15, 15, 15]], 'a level goal aims at its level every day');
  assert.deepEqual(buildPlan(request({ metric: metricOf('revenue'), target: 1000.5, startsOn: '2030-03-04', endsOn: '2030-03-05' }), []).teams[0]!.planned, [500.25, 500.25]);
});
