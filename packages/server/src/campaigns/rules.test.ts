import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveStatus } from './service.js';
import { campaignDay, canonicalTimeZone, checkinRules, checkinRulesInput, DEFAULT_RULES, isIsoDate, mergeRules, parseStoredRules, ruleProblems } from './rules.js';

const shanghai = { startsOn: '2026-03-01', endsOn: '2026-03-21', timezone: 'Asia/Shanghai', rules: DEFAULT_RULES };
const at = (iso: string) => new Date(iso);

test('Asia/Shanghai: 23:59:59 is still the day, 00:00:00 is the next one', () => {
  assert.deepEqual(campaignDay(shanghai, at('2026-03-01T23:59:59+08:00')), { dayIndex: 1, date: '2026-03-01', inWindow: true });
  assert.deepEqual(campaignDay(shanghai, at('2026-03-02T00:00:00+08:00')), { dayIndex: 2, date: '2026-03-02', inWindow: true });
  assert.deepEqual(campaignDay(shanghai, at('2026-03-01T00:00:00+08:00')), { dayIndex: 1, date: '2026-03-01', inWindow: true });
  // 23:59:30 is inside the end minute 23:59, which the window includes.
  assert.equal(campaignDay(shanghai, at('2026-03-21T23:59:30+08:00')).inWindow, true);
});

test('days before and after the campaign have indexes below 1 and above daysTotal', () => {
  assert.equal(campaignDay(shanghai, at('2026-02-28T23:59:59+08:00')).dayIndex, 0);
  assert.equal(campaignDay(shanghai, at('2026-02-27T12:00:00+08:00')).dayIndex, -1);
  assert.equal(campaignDay(shanghai, at('2026-03-22T00:00:00+08:00')).dayIndex, 22);
});

test("the member's device zone is irrelevant: the instant is absolute", () => {
  // 2026-03-01 17:30 in New York (UTC-5) is 2026-03-02 06:30 in Shanghai: day 2, whatever the phone says.
  const fromNewYork = at('2026-03-01T17:30:00-05:00');
  const sameInUtc = at('2026-03-01T22:30:00Z');
  assert.deepEqual(campaignDay(shanghai, fromNewYork), campaignDay(shanghai, sameInUtc));
  assert.deepEqual(campaignDay(shanghai, fromNewYork), { dayIndex: 2, date: '2026-03-02', inWindow: true });
  // 16:00Z is exactly Shanghai midnight.
  assert.equal(campaignDay(shanghai, at('2026-03-01T15:59:59Z')).dayIndex, 1);
  assert.equal(campaignDay(shanghai, at('2026-03-01T16:00:00Z')).dayIndex, 2);
});

test('a window crossing midnight (06:00–01:00): the small hours count for yesterday, 01:01–05:59 for no day', () => {
  const late = { ...shanghai, rules: mergeRules(DEFAULT_RULES, { dayWindow: { start: '06:00', end: '01:00' } }) };
  assert.deepEqual(campaignDay(late, at('2026-03-01T06:00:00+08:00')), { dayIndex: 1, date: '2026-03-01', inWindow: true });
  assert.deepEqual(campaignDay(late, at('2026-03-01T23:59:59+08:00')), { dayIndex: 1, date: '2026-03-01', inWindow: true });
  assert.deepEqual(campaignDay(late, at('2026-03-02T00:30:00+08:00')), { dayIndex: 1, date: '2026-03-01', inWindow: true });
  assert.deepEqual(campaignDay(late, at('2026-03-02T01:00:59+08:00')), { dayIndex: 1, date: '2026-03-01', inWindow: true });
  assert.deepEqual(campaignDay(late, at('2026-03-02T01:01:00+08:00')), { dayIndex: 2, date: '2026-03-02', inWindow: false });
  assert.deepEqual(campaignDay(late, at('2026-03-02T05:59:59+08:00')), { dayIndex: 2, date: '2026-03-02', inWindow: false });
  assert.deepEqual(campaignDay(late, at('2026-03-02T06:00:00+08:00')), { dayIndex: 2, date: '2026-03-02', inWindow: true });
  // The first small hours of the campaign belong to the day before it.
  assert.equal(campaignDay(late, at('2026-03-01T00:30:00+08:00')).dayIndex, 0);
});

test('a window inside the day (07:00–22:00): outside it the day is the calendar date, not in the window', () => {
  const day = { ...shanghai, rules: mergeRules(DEFAULT_RULES, { dayWindow: { start: '07:00', end: '22:00' } }) };
  assert.deepEqual(campaignDay(day, at('2026-03-03T06:59:59+08:00')), { dayIndex: 3, date: '2026-03-03', inWindow: false });
  assert.deepEqual(campaignDay(day, at('2026-03-03T22:00:59+08:00')), { dayIndex: 3, date: '2026-03-03', inWindow: true });
  assert.deepEqual(campaignDay(day, at('2026-03-03T22:01:00+08:00')), { dayIndex: 3, date: '2026-03-03', inWindow: false });
});

test('America/New_York across the DST change: local midnight moves from 05:00Z to 04:00Z', () => {
  // DST began on 2026-03-08 at 02:00 local: EST (UTC-5) before, EDT (UTC-4) after.
  const ny = { startsOn: '2026-03-07', endsOn: '2026-03-20', timezone: 'America/New_York', rules: DEFAULT_RULES };
  assert.equal(campaignDay(ny, at('2026-03-08T04:59:59Z')).dayIndex, 1, '23:59:59 EST on the 7th');
  assert.equal(campaignDay(ny, at('2026-03-08T05:00:00Z')).dayIndex, 2, '00:00 EST on the 8th');
  assert.deepEqual(campaignDay(ny, at('2026-03-09T03:59:59Z')), { dayIndex: 2, date: '2026-03-08', inWindow: true }, '23:59:59 EDT on the 8th');
  assert.deepEqual(campaignDay(ny, at('2026-03-09T04:00:00Z')), { dayIndex: 3, date: '2026-03-09', inWindow: true }, '00:00 EDT on the 9th');
  // The 23-hour day: 01:59:59 EST is followed by 03:00:00 EDT, both on day 2.
  assert.equal(campaignDay(ny, at('2026-03-08T06:59:59Z')).dayIndex, 2);
  assert.equal(campaignDay(ny, at('2026-03-08T07:00:00Z')).dayIndex, 2);
  // And back in autumn: the 25-hour day of 2026-11-01.
  const fall = { ...ny, startsOn: '2026-11-01', endsOn: '2026-11-10' };
  assert.equal(campaignDay(fall, at('2026-11-02T04:59:59Z')).dayIndex, 1, '23:59:59 EST on Nov 1');
  assert.equal(campaignDay(fall, at('2026-11-02T05:00:00Z')).dayIndex, 2);
  assert.equal(campaignDay(fall, at('2026-11-01T03:59:59Z')).dayIndex, 0, '23:59:59 EDT on Oct 31');
});

test('rule validation: defaults, times, counts, unknown fields, cross-field problems', () => {
  assert.deepEqual(checkinRules.parse(DEFAULT_RULES), DEFAULT_RULES);
  assert.equal(DEFAULT_RULES.reminderTime, '20:00');
  assert.equal(DEFAULT_RULES.borderlineDays, 2);
  assert.deepEqual(DEFAULT_RULES.dayWindow, { start: '00:00', end: '23:59' });
  const bad = (input: unknown) => {
    const r = checkinRulesInput.safeParse(input);
    assert.ok(!r.success, JSON.stringify(input));
    return r.error.issues.map((i) => i.path.join('.'));
  };
  assert.deepEqual(bad({ reminderTime: '24:00' }), ['reminderTime']);
  assert.deepEqual(bad({ reminderTime: '8:00' }), ['reminderTime']);
  assert.deepEqual(bad({ dayWindow: { start: '06:00', end: '06:00' } }), ['dayWindow.end']);
  assert.deepEqual(bad({ dayWindow: { start: '06:00' } }), ['dayWindow.end']);
  assert.deepEqual(bad({ daysTotal: 0 }), ['daysTotal']);
  assert.deepEqual(bad({ daysTotal: 1.5 }), ['daysTotal']);
  assert.deepEqual(bad({ graceDays: -1 }), ['graceDays']);
  assert.deepEqual(bad({ makeup: { allowed: 'yes' } }), ['makeup.allowed']);
  assert.deepEqual(bad({ streak: true }), ['']);
  // A partial make-up policy keeps the rest of the base.
  const merged = mergeRules(DEFAULT_RULES, checkinRulesInput.parse({ makeup: { allowed: true } }));
  assert.deepEqual(merged.makeup, { ...DEFAULT_RULES.makeup, allowed: true });
  // Completion and refund thresholds may differ, each at most daysTotal.
  assert.deepEqual(ruleProblems(mergeRules(DEFAULT_RULES, { daysRequiredForCompletion: 18, daysRequiredForRefund: 21 })), {});
  assert.deepEqual(Object.keys(ruleProblems(mergeRules(DEFAULT_RULES, { daysTotal: 10 }))).sort(),
    ['rules.daysRequiredForCompletion', 'rules.daysRequiredForRefund']);
  assert.deepEqual(Object.keys(ruleProblems(mergeRules(DEFAULT_RULES, { borderlineDays: 16 }))), ['rules.borderlineDays']);
  // Stored rules missing newer fields read back with the defaults.
  assert.equal(parseStoredRules(JSON.stringify({ daysTotal: 7 })).borderlineDays, 2);
});

test('dates and zones', () => {
  assert.ok(isIsoDate('2028-02-29'));
  assert.ok(!isIsoDate('2026-02-29'));
  assert.ok(!isIsoDate('2026-2-1'));
  assert.equal(canonicalTimeZone('asia/shanghai'), 'Asia/Shanghai');
  assert.equal(canonicalTimeZone('Mars/Olympus'), null);
});

test('derived status follows the dates in the campaign zone', () => {
  const c = { startsOn: '2026-03-01', endsOn: '2026-03-21', timezone: 'Asia/Shanghai', signupOpensAt: null, signupClosesAt: null, archivedAt: null };
  assert.deepEqual(deriveStatus(c, at('2026-02-28T23:59:59+08:00')), { status: 'draft', signupOpen: false, locked: false });
  assert.deepEqual(deriveStatus(c, at('2026-03-01T00:00:00+08:00')), { status: 'running', signupOpen: false, locked: true });
  assert.equal(deriveStatus(c, at('2026-03-21T23:59:59+08:00')).status, 'running');
  assert.equal(deriveStatus(c, at('2026-03-22T00:00:00+08:00')).status, 'ended');
  const withSignup = { ...c, signupOpensAt: '2026-02-20T02:00:00.000Z', signupClosesAt: '2026-03-02T16:00:00.000Z' };
  assert.equal(deriveStatus(withSignup, at('2026-02-20T01:59:59Z')).status, 'draft');
  assert.deepEqual(deriveStatus(withSignup, at('2026-02-20T02:00:00Z')), { status: 'signup', signupOpen: true, locked: false });
  assert.deepEqual(deriveStatus(withSignup, at('2026-03-02T12:00:00Z')), { status: 'running', signupOpen: true, locked: true });
  assert.equal(deriveStatus({ ...c, archivedAt: '2026-03-05T00:00:00Z' }, at('2026-03-05T12:00:00Z')).status, 'archived');
});
