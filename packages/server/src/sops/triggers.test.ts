// The pure rules of SOP triggers and assignment: which campaign day a date is, the dates a trigger fires on, the
// concrete UTC window of a local time, and who does a step when its role has nobody.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveAssignee, taskZone } from './generate.js';
import { campaignDayOf, campaignDays, dateOfCampaignDay, isoWeekday, localInstant, triggerProblem } from './triggers.js';

test('trigger values: what each kind accepts and refuses', () => {
  for (const ok of ['-1', '1', '21', '1..21', '-3..-1', '400', '-60']) assert.equal(triggerProblem('campaign_day', ok), null, ok);
  for (const bad of ['0', '-1..1', '3..3', '5..2', '401', '-61', 'D1', '1..', '']) assert.ok(triggerProblem('campaign_day', bad), bad);
  for (const ok of ['1', '7', '1,3,5']) assert.equal(triggerProblem('weekday', ok), null, ok);
  for (const bad of ['0', '8', '1,1', '1, 3', 'mon']) assert.ok(triggerProblem('weekday', bad), bad);
  assert.equal(triggerProblem('date', '2026-02-28'), null);
  assert.ok(triggerProblem('date', '2026-02-29'));
  assert.equal(triggerProblem('group_age', '0'), null);
  assert.ok(triggerProblem('group_age', '-1'));
  assert.ok(triggerProblem('group_age', '3651'));
});

test('campaign days: D-1 is the day before D1, there is no D0', () => {
  assert.deepEqual(campaignDays('1..3'), [1, 2, 3]);
  assert.equal(dateOfCampaignDay('2026-03-10', 1), '2026-03-10');
  assert.equal(dateOfCampaignDay('2026-03-10', -1), '2026-03-09');
  assert.equal(dateOfCampaignDay('2026-03-10', 21), '2026-03-30');
  assert.equal(campaignDayOf('2026-03-10', '2026-03-09'), -1);
  assert.equal(campaignDayOf('2026-03-10', '2026-03-10'), 1);
  assert.equal(isoWeekday('2026-03-09'), 1, 'a Monday');
  assert.equal(isoWeekday('2026-03-15'), 7, 'a Sunday');
});

test('local wall-clock times to UTC, across a daylight-saving change', () => {
  assert.equal(localInstant('2026-03-10', '08:30', 'Asia/Shanghai'), '2026-03-10T00:30:00.000Z');
  assert.equal(localInstant('2026-03-07', '08:30', 'America/New_York'), '2026-03-07T13:30:00.000Z', 'EST');
  assert.equal(localInstant('2026-03-09', '08:30', 'America/New_York'), '2026-03-09T12:30:00.000Z', 'EDT');
  // 02:30 does not exist on 2026-03-08 in New York: the clocks jump from 02:00 to 03:00.
  assert.equal(localInstant('2026-03-08', '02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z');
  assert.equal(localInstant('2026-03-01', '00:00', 'Asia/Shanghai'), '2026-02-28T16:00:00.000Z');
});

test("zones and roles: a campaign's tasks follow its zone; roles fall back to the group owner", () => {
  assert.equal(taskZone({ applicationCampaignId: 1, triggerKind: 'weekday', campaignTimezone: 'America/New_York' }, 'Asia/Shanghai'), 'America/New_York');
  assert.equal(taskZone({ applicationCampaignId: null, triggerKind: 'campaign_day', campaignTimezone: 'America/New_York' }, 'Asia/Shanghai'), 'America/New_York');
  assert.equal(taskZone({ applicationCampaignId: null, triggerKind: 'weekday', campaignTimezone: 'America/New_York' }, 'Asia/Shanghai'), 'Asia/Shanghai');
  const directory = new Map([[1, { disabled: 0, lead: 3 }], [2, { disabled: 1, lead: null }], [3, { disabled: 0, lead: null }], [4, { disabled: 0, lead: null }]]);
  assert.equal(resolveAssignee('group_owner', 1, null, directory), 1);
  assert.equal(resolveAssignee('assistant', 1, 4, directory), 4);
  assert.equal(resolveAssignee('assistant', 1, 2, directory), 1, 'a disabled assistant: the owner');
  assert.equal(resolveAssignee('team_lead', 1, null, directory), 3);
  assert.equal(resolveAssignee('team_lead', 4, null, directory), 4, 'no lead: the owner');
  assert.equal(resolveAssignee('group_owner', null, 4, directory), null);
});
