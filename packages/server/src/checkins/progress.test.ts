import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RULES, mergeRules, type CheckinRules } from '../campaigns/rules.js';
import type { ReviewStatus } from '../db/schema.js';
import { counts, progressOf, settlementClass, type CheckinFacts } from './progress.js';

const day = (dayIndex: number, extra: Partial<CheckinFacts> = {}): CheckinFacts => ({ dayIndex, makeup: false, reviewStatus: 'none', flags: [], ...extra });
const days = (...list: number[]) => list.map((d) => day(d));
const rules = (input: Parameters<typeof mergeRules>[1] = {}): CheckinRules => mergeRules(DEFAULT_RULES, input);

test('counts: flagged check-ins count until rejected; make-ups needing approval only once approved; never outside the campaign', () => {
  const r = rules({ makeup: { allowed: true, needsApproval: true } });
  for (const [status, expected] of [['none', true], ['pending', true], ['approved', true], ['rejected', false]] as Array<[ReviewStatus, boolean]>) {
    assert.equal(counts(day(3, { reviewStatus: status, flags: ['late'] }), r), expected, `plain, ${status}`);
  }
  for (const [status, expected] of [['pending', false], ['approved', true], ['rejected', false]] as Array<[ReviewStatus, boolean]>) {
    assert.equal(counts(day(3, { makeup: true, reviewStatus: status, flags: ['makeup'] }), r), expected, `make-up, ${status}`);
  }
  const noApproval = rules({ makeup: { allowed: true, needsApproval: false } });
  assert.equal(counts(day(3, { makeup: true }), noApproval), true);
  assert.equal(counts(day(0), r), false);
  assert.equal(counts(day(22), r), false);
  assert.equal(counts(day(21), r), true);
});

test('15 of 21 days: counted, remaining, completion, streak (today open), longest streak', () => {
  const pattern = days(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17);
  const atDay18 = progressOf(pattern, DEFAULT_RULES, 18);
  assert.deepEqual(atDay18, {
    counted: 15, countedForRefund: 15, requiredForRefund: 15, requiredForCompletion: 15, remaining: 0, completed: true,
    streak: 4, longestStreak: 6, makeupsUsed: 0, makeupsLeft: 0, daysTotal: 21,
  });
  assert.equal(progressOf(pattern, DEFAULT_RULES, 17).streak, 4, 'checked in today: today is part of the streak');
  assert.equal(progressOf(pattern, DEFAULT_RULES, 19).streak, 0, 'yesterday missed: the streak is broken');
  assert.equal(progressOf(pattern, DEFAULT_RULES, 30).streak, 0, 'after the campaign, the streak is the one at its last day');
  const fourteen = progressOf(pattern.slice(1), DEFAULT_RULES, 21);
  assert.deepEqual([fourteen.counted, fourteen.remaining, fourteen.completed], [14, 1, false]);
  const none = progressOf([], DEFAULT_RULES, 0);
  assert.deepEqual([none.counted, none.remaining, none.completed, none.streak, none.longestStreak], [0, 15, false, 0, 0], 'before the campaign: nothing');
});

test('make-ups: toward the refund and the streak only as the policy says; the quota is spent when asked', () => {
  const base = { allowed: true, maxPerCampaign: 3, needsApproval: true };
  const pattern = [...days(1, 2, 4, 5), day(3, { makeup: true, reviewStatus: 'approved' }), day(6, { makeup: true, reviewStatus: 'rejected' })];
  const generous = progressOf(pattern, rules({ makeup: { ...base, countsForRefund: true, countsForStreak: true } }), 6);
  assert.deepEqual([generous.counted, generous.countedForRefund, generous.streak, generous.longestStreak], [5, 5, 5, 5]);
  assert.deepEqual([generous.makeupsUsed, generous.makeupsLeft], [2, 1], 'the rejected one was used too');
  const strict = progressOf(pattern, rules({ makeup: { ...base, countsForRefund: false, countsForStreak: false } }), 6);
  assert.deepEqual([strict.counted, strict.countedForRefund, strict.remaining, strict.streak, strict.longestStreak], [5, 4, 11, 2, 2]);
  const forbidden = progressOf(pattern, rules({ makeup: { allowed: false } }), 6);
  assert.equal(forbidden.makeupsLeft, 0);
});

test('settlement class: grace days added, short by at most borderlineDays is borderline', () => {
  const r = { daysRequiredForRefund: 15, graceDays: 1, borderlineDays: 2 };
  assert.deepEqual(settlementClass(15, r), { class: 'eligible', days: 16, short: 0 });
  assert.deepEqual(settlementClass(14, r), { class: 'eligible', days: 15, short: 0 });
  assert.deepEqual(settlementClass(13, r), { class: 'borderline', days: 14, short: 1 });
  assert.deepEqual(settlementClass(12, r), { class: 'borderline', days: 13, short: 2 });
  assert.deepEqual(settlementClass(11, r), { class: 'not_eligible', days: 12, short: 3 });
  assert.deepEqual(settlementClass(0, { ...r, graceDays: 0, borderlineDays: 0 }), { class: 'not_eligible', days: 0, short: 15 });
});
