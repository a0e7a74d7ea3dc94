// SOPs through HTTP on a real database: template validation, task generation per trigger kind and time zone
// (idempotent, new groups picked up, a rolling horizon), the rendered content, completion on time and late at the
// window's edge, the close job's missed, skip / undo / reassign rules, stopping, proof screenshots and the stats.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { JOBS } from '../src/scheduler/registry.js';
import { runDueJobs } from '../src/scheduler/runner.js';
import { assertError, ok } from './api-checks.js';
import { Client, createWorkspace, startServer, type TestServer } from './harness.js';
import { fetchRaw, PNG_1PX, upload } from './multipart.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  server.services.clock.set(null);
  await server?.close();
});

const at = (instant: string) => server.services.clock.set(instant);

interface Task {
  id: number; status: string; onTime: boolean | null; dueDate: string; windowStartAt: string; windowEndAt: string; overdue: boolean;
  group: { id: number; name: string }; step: { title: string }; assignee: { id: number } | null; content: string; unfilled: string[];
  groupCheckinRate: { numerator: number; denominator: number; value: number | null; date: string } | null; doneBy: { id: number } | null;
  proof: { text: string | null; link: string | null; screenshot: boolean }; window: { timezone: string }; campaignDay: number | null;
}

/**
 * A workspace (Asia/Shanghai) with: team T led by L (sales) with member A (sales); B (sales, no team); O (operator,
 * manages SOPs); V (viewer); campaign X1 in America/New_York, 2026-03-10 … 03-12 (3 days); groups G1 (owner A) and
 * G2 (owner B) in it, and G3 (owner A) in no campaign. The clock stands at 2026-03-08 12:00 UTC.
 */
async function world() {
  at('2026-03-08T12:00:00Z');
  const W = await createWorkspace(server);
  const owner = await W.as('owner');
  const client = async (role: 'sales' | 'operator' | 'viewer') => {
    const c = await W.as(role);
    return { c, id: (await ok(c.get('/api/v1/auth/me'))).staff.id as number };
  };
  const [L, A, B, O, V] = [await client('sales'), await client('sales'), await client('sales'), await client('operator'), await client('viewer')];
  const team = await server.services.staff.createTeam(W.ctx, { name: '运营一组', leadStaffId: L.id });
  for (const who of [L, A]) await server.services.staff.update(W.ctx, who.id, { teamId: team.id });
  const series = await ok(owner.post('/api/v1/series', { key: 'X', name: '单词打卡' }), 201);
  const campaign = await ok(owner.post('/api/v1/campaigns', {
    seriesId: series.id, name: '单词营', startsOn: '2026-03-10', endsOn: '2026-03-12', timezone: 'America/New_York',
    rules: { daysTotal: 3, daysRequiredForCompletion: 2, daysRequiredForRefund: 2 },
  }), 201);
  const group = async (name: string, ownerStaffId: number, campaignId?: number) => (await ok(owner.post('/api/v1/groups', { platform: 'wechat', name, ownerStaffId, ...(campaignId ? { campaignId } : {}) }), 201)).id as number;
  const G1 = await group('X1 打卡1群', A.id, campaign.id);
  const G2 = await group('X1 打卡2群', B.id, campaign.id);
  const G3 = await group('长期群', A.id);
  // Groups were made now (real time); the group-age trigger is tested against a known creation instant.
  await server.services.database.db.updateTable('chat_groups').set({ created_at: '2026-03-07T16:00:00.000Z' }).where('workspace_id', '=', W.id).execute();
  return { W, owner, L, A, B, O, V, teamId: team.id, campaignId: campaign.id, G1, G2, G3 };
}

const STEPS = [
  { title: '发群公告', triggerKind: 'campaign_day', triggerValue: '-1', windowStart: '09:00', windowEnd: '10:00', action: 'post_material', role: 'group_owner', content: '欢迎来到{群名}' },
  { title: '早安', triggerKind: 'campaign_day', triggerValue: '1..3', windowStart: '08:30', windowEnd: '09:00', action: 'message', role: 'group_owner', content: '{营期} 第{第几天}天（共{总天数}天），昨日打卡率 {打卡率}，剩余{剩余天数}天。{昵称}加油' },
  { title: '周二周四', triggerKind: 'weekday', triggerValue: '2,4', windowStart: '10:00', windowEnd: '11:00', action: 'other', role: 'assistant' },
  { title: '指定日', triggerKind: 'date', triggerValue: '2026-03-11', windowStart: '12:00', windowEnd: '13:00', action: 'review_checkins', role: 'team_lead' },
  { title: '建群第2天', triggerKind: 'group_age', triggerValue: '2', windowStart: '14:00', windowEnd: '15:00', action: 'private_followup', role: 'group_owner' },
];

async function tasksOf(client: Client, query: string): Promise<Task[]> {
  return (await ok(client.get(`/api/v1/sops/tasks?from=2026-03-01&to=2026-03-31&limit=200&${query}`))).items;
}

const find = (tasks: Task[], title: string, groupId: number, dueDate: string) => {
  const t = tasks.find((x) => x.step.title === title && x.group.id === groupId && x.dueDate === dueDate);
  assert.ok(t, `a task "${title}" for group ${groupId} on ${dueDate}`);
  return t;
};

test('templates: steps are checked, unknown variables are refused naming the step and the variable', async () => {
  const { owner, A } = await world();
  const body = (step: Record<string, unknown>) => ({ name: 'T', steps: [{ ...STEPS[0], ...step }] });
  const bad = await owner.post('/api/v1/sops/templates', body({ content: '请{昵称}在{班级}群里回复' }));
  assertError(bad, 400, 'sop.unknown_variable', 'steps.0.content');
  assert.match(bad.body.error.fields['steps.0.content'], /\{班级\}/);
  assert.doesNotMatch(bad.body.error.fields['steps.0.content'], /unknown variable \{昵称\}/);
  assertError(await owner.post('/api/v1/sops/templates', body({ triggerValue: '0' })), 400, 'validation.failed', 'steps.0.triggerValue');
  assertError(await owner.post('/api/v1/sops/templates', body({ triggerValue: '-1..2' })), 400, 'validation.failed', 'steps.0.triggerValue');
  assertError(await owner.post('/api/v1/sops/templates', body({ triggerKind: 'weekday', triggerValue: '8' })), 400, 'validation.failed', 'steps.0.triggerValue');
  assertError(await owner.post('/api/v1/sops/templates', body({ triggerKind: 'date', triggerValue: '2026-02-30' })), 400, 'validation.failed', 'steps.0.triggerValue');
  assertError(await owner.post('/api/v1/sops/templates', body({ windowEnd: '09:00' })), 400, 'validation.failed', 'steps.0.windowEnd');
  const link = { kind: 'link', name: '打卡说明', url: 'https://example.com/a' };
  assertError(await owner.post('/api/v1/sops/templates', body({ attachments: Array(10).fill(link) })), 400, 'validation.failed', 'steps.0.attachments');
  assertError(await owner.post('/api/v1/sops/templates', body({ attachments: [{ ...link, url: 'javascript:alert(1)' }] })), 400, 'validation.failed', 'steps.0.attachments.0.url');
  assertError(await A.c.post('/api/v1/sops/templates', body({})), 403, 'auth.forbidden');

  const created = await ok(owner.post('/api/v1/sops/templates', { name: '模板', steps: STEPS.map((s, i) => (i === 0 ? { ...s, attachments: [link] } : s)) }), 201);
  assert.deepEqual(created.steps.map((s: { position: number }) => s.position), [1, 2, 3, 4, 5]);
  assert.deepEqual(created.steps[0].attachments, [link]);
  const copy = await ok(owner.post(`/api/v1/sops/templates/${created.id}/duplicate`), 201);
  assert.equal(copy.name, '模板 (副本)');
  assert.equal(copy.steps.length, 5);
  assert.notEqual(copy.steps[0].id, created.steps[0].id);
  const starter = await ok(owner.get('/api/v1/sops/starter-template'));
  const fromStarter = await ok(owner.post('/api/v1/sops/templates', starter), 201);
  assert.ok(fromStarter.steps.some((s: { triggerValue: string }) => s.triggerValue === '-1'), 'the 21-day camp template starts the day before');
  // Never applied: it may be deleted; archived ones leave the default list.
  await ok(owner.delete(`/api/v1/sops/templates/${copy.id}`), 204);
  await ok(owner.patch(`/api/v1/sops/templates/${fromStarter.id}`, { archived: true }));
  const listed = (await ok(owner.get('/api/v1/sops/templates'))).items.map((t: { id: number }) => t.id);
  assert.deepEqual(listed, [created.id]);
  assert.deepEqual((await ok(owner.get('/api/v1/sops/templates?archived=true'))).items.map((t: { id: number }) => t.id), [fromStarter.id]);
});

test('generation: each trigger kind, a campaign in New York and a group in Shanghai, roles, idempotent, later groups, rolling horizon', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: STEPS }), 201);
  const app = await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  assert.equal(app.startsOn, '2026-03-08', "today in the campaign's zone");
  assert.equal(app.tasks.total, 16, '8 per group: D-1, D1…D3, two weekdays, one date, group age 2');
  const groupApp = await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, groupId: w.G3, assistantStaffId: w.O.id }), 201);
  assert.equal(groupApp.tasks.total, 6, 'no campaign days; Tuesdays and Thursdays 03-10 … 03-19, the date, group age 2');
  assertError(await w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, groupId: w.G1 }), 409, 'sop.already_applied', 'templateId');

  const all = await tasksOf(w.owner, '');
  // Campaign tasks: the campaign's zone (EDT since 2026-03-08).
  const d1 = find(all, '发群公告', w.G1, '2026-03-09');
  assert.equal(d1.windowStartAt, '2026-03-09T13:00:00.000Z');
  assert.equal(d1.windowEndAt, '2026-03-09T14:00:00.000Z');
  assert.equal(d1.campaignDay, -1);
  assert.equal(d1.window.timezone, 'America/New_York');
  assert.deepEqual(all.filter((t) => t.step.title === '早安' && t.group.id === w.G2).map((t) => [t.dueDate, t.windowStartAt]),
    [['2026-03-10', '2026-03-10T12:30:00.000Z'], ['2026-03-11', '2026-03-11T12:30:00.000Z'], ['2026-03-12', '2026-03-12T12:30:00.000Z']]);
  // The same weekday step at 10:00: New York (campaign) against Shanghai (the workspace, for a group application).
  assert.equal(find(all, '周二周四', w.G1, '2026-03-10').windowStartAt, '2026-03-10T14:00:00.000Z');
  assert.equal(find(all, '周二周四', w.G3, '2026-03-10').windowStartAt, '2026-03-10T02:00:00.000Z');
  assert.equal(find(all, '周二周四', w.G3, '2026-03-10').window.timezone, 'Asia/Shanghai');
  assert.deepEqual(all.filter((t) => t.step.title === '周二周四' && t.group.id === w.G1).map((t) => t.dueDate), ['2026-03-10', '2026-03-12'], "a campaign's weekly steps run on its days");
  assert.deepEqual(all.filter((t) => t.step.title === '周二周四' && t.group.id === w.G3).map((t) => t.dueDate), ['2026-03-10', '2026-03-12', '2026-03-17', '2026-03-19']);
  assert.equal(find(all, '指定日', w.G3, '2026-03-11').windowStartAt, '2026-03-11T04:00:00.000Z');
  // Group age 2: created 2026-03-07 11:00 in New York (→ 03-09) and 2026-03-08 00:00 in Shanghai (→ 03-10).
  assert.equal(find(all, '建群第2天', w.G1, '2026-03-09').windowStartAt, '2026-03-09T18:00:00.000Z');
  assert.equal(find(all, '建群第2天', w.G3, '2026-03-10').windowStartAt, '2026-03-10T06:00:00.000Z');
  // Roles: owner; assistant (none named → the owner; named → them); team lead (of the owner's team, else the owner).
  assert.equal(find(all, '早安', w.G1, '2026-03-10').assignee?.id, w.A.id);
  assert.equal(find(all, '周二周四', w.G1, '2026-03-10').assignee?.id, w.A.id);
  assert.equal(find(all, '周二周四', w.G3, '2026-03-10').assignee?.id, w.O.id);
  assert.equal(find(all, '指定日', w.G1, '2026-03-11').assignee?.id, w.L.id);
  assert.equal(find(all, '指定日', w.G2, '2026-03-11').assignee?.id, w.B.id);

  // Twice → the same rows; the nightly job too.
  const rows = async () => server.services.database.db.selectFrom('sop_tasks').selectAll().where('workspace_id', '=', w.W.id).orderBy('id').execute();
  const before = await rows();
  assert.equal((await server.services.sops.applications.generateAll(w.W.ctx)).created, 0);
  const outcomes = await runDueJobs(server.services, JOBS, new Date('2026-03-08T16:10:00Z'), { only: ['sops.generate'], workspaceId: w.W.id });
  assert.deepEqual(outcomes.map((o) => [o.job, o.status]), [['sops.generate', 'done']]);
  assert.deepEqual(await rows(), before);

  // A group added to the campaign later gets its tasks at the next run.
  const G4 = (await ok(w.owner.post('/api/v1/groups', { platform: 'wechat', name: 'X1 打卡3群', ownerStaffId: w.B.id, campaignId: w.campaignId }), 201)).id;
  await server.services.database.db.updateTable('chat_groups').set({ created_at: '2026-03-01T00:00:00.000Z' }).where('id', '=', G4).execute();
  assert.equal((await server.services.sops.applications.generateAll(w.W.ctx)).created, 7, 'all but its group-age task, whose day (03-03) is past');
  assert.equal((await tasksOf(w.owner, `groupId=${G4}`)).length, 7);
  // A week on, the horizon moves: G3 gets the Tuesday and Thursday after.
  at('2026-03-15T12:00:00Z');
  assert.equal((await server.services.sops.applications.generateAll(w.W.ctx)).created, 2);
  assert.deepEqual((await tasksOf(w.owner, `groupId=${w.G3}`)).filter((t) => t.step.title === '周二周四').map((t) => t.dueDate).slice(-2), ['2026-03-24', '2026-03-26']);
});

test('content is rendered with the group variables of its day; the check-in rate is of the day before', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: [STEPS[1]] }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  const db = server.services.database.db;
  const stamp = '2026-03-09T00:00:00.000Z';
  const enrolled: number[] = [];
  for (const [i, nickname] of ['甲', '乙', '丙'].entries()) {
    const m = await ok(w.owner.post('/api/v1/members', { nickname }), 201);
    // Two in G1 by the enrollment's group; the third in G2.
    const { id } = await db.insertInto('enrollments').values({
      workspace_id: w.W.id, campaign_id: w.campaignId, member_id: m.id, group_id: i < 2 ? w.G1 : w.G2, source: 'staff', status: 'active',
      amount_due_cents: 0, created_at: stamp, updated_at: stamp,
    }).returning('id').executeTakeFirstOrThrow();
    enrolled.push(id);
    if (i === 0 || i === 2) {
      await db.insertInto('checkins').values({
        workspace_id: w.W.id, campaign_id: w.campaignId, enrollment_id: id, member_id: m.id, day_index: 1, day_date: '2026-03-10',
        text: '打卡', submitted_at: '2026-03-10T15:00:00.000Z', updated_at: '2026-03-10T15:00:00.000Z',
      }).execute();
    }
  }
  const all = await tasksOf(w.owner, '');
  const day2 = find(all, '早安', w.G1, '2026-03-11');
  assert.equal(day2.content, 'X1 单词营 第2天（共3天），昨日打卡率 50%，剩余1天。{昵称}加油');
  assert.deepEqual(day2.unfilled, ['昵称']);
  assert.deepEqual(day2.groupCheckinRate, { numerator: 1, denominator: 2, value: 0.5, date: '2026-03-10' });
  assert.equal(find(all, '早安', w.G2, '2026-03-11').groupCheckinRate?.value, 1);
  const day1 = find(all, '早安', w.G1, '2026-03-10');
  assert.equal(day1.groupCheckinRate, null, 'day 1 has no day before in the campaign');
  assert.deepEqual(day1.unfilled, ['打卡率', '昵称']);
});

test('on time within the window, late one millisecond after it; missed by the close job when its day ends, then done late', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: STEPS.slice(0, 2) }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  const all = await tasksOf(w.owner, '');
  const a = find(all, '早安', w.G1, '2026-03-10');
  const b = find(all, '早安', w.G2, '2026-03-10');
  at('2026-03-09T00:00:00Z');
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${a.id}/complete`, {}), 409, 'sop_task.not_due');
  at(a.windowEndAt);
  const done = await ok(w.A.c.post(`/api/v1/sops/tasks/${a.id}/complete`, { proofText: '已发', proofLink: 'https://example.com/msg/1' }));
  assert.equal(done.status, 'done');
  assert.equal(done.onTime, true);
  assert.deepEqual(done.proof, { text: '已发', link: 'https://example.com/msg/1', screenshot: false });
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${a.id}/complete`, {}), 409, 'sop_task.already_done');
  at(new Date(Date.parse(b.windowEndAt) + 1).toISOString());
  const late = await ok(w.B.c.post(`/api/v1/sops/tasks/${b.id}/complete`, {}));
  assert.equal(late.status, 'late');
  assert.equal(late.onTime, false);

  // D-1 (03-09 in New York) ends at 03-10 04:00 UTC: before that the task stays todo, though its window has passed.
  const notice = find(all, '发群公告', w.G1, '2026-03-09');
  const close = (instant: string) => runDueJobs(server.services, JOBS, new Date(instant), { only: ['sops.close'], workspaceId: w.W.id });
  await close('2026-03-10T03:59:00Z');
  assert.equal((await ok(w.owner.get(`/api/v1/sops/tasks/${notice.id}`))).status, 'todo');
  const outcomes = await close('2026-03-10T04:00:00Z');
  assert.match(outcomes[0]!.detail ?? '', /^2 tasks missed/, "both groups' notices");
  const missed = await ok(w.owner.get(`/api/v1/sops/tasks/${notice.id}`));
  assert.equal(missed.status, 'missed');
  assert.equal(missed.overdue, true);
  at('2026-03-10T05:00:00Z');
  const lateAfterMissed = await ok(w.A.c.post(`/api/v1/sops/tasks/${notice.id}/complete`, {}));
  assert.equal(lateAfterMissed.status, 'late');
  assert.equal(lateAfterMissed.onTime, false);
  assert.equal((await close('2026-03-10T05:15:00Z'))[0]!.detail, '0 tasks missed');

  // The points follow every change (incentives: on time +1, late −1, missed −2 by default).
  const points = async (taskId: number) => Number((await server.services.database.db.selectFrom('points_ledger')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('points'), e.lit(0)).as('p')).where('workspace_id', '=', w.W.id).where('source', '=', `sop_task:${taskId}`)
    .executeTakeFirstOrThrow()).p);
  assert.deepEqual([await points(a.id), await points(b.id), await points(notice.id)], [1, -1, -1]);
});

test('who may complete, skip, undo and reassign', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: [STEPS[1]] }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  const all = await tasksOf(w.owner, '');
  const [t1, t2, t3] = ['2026-03-10', '2026-03-11', '2026-03-12'].map((d) => find(all, '早安', w.G1, d)) as [Task, Task, Task];
  at('2026-03-10T12:40:00Z');
  // Only the assignee (A), A's team lead (L) or an SOP manager (O); a viewer has no tasks.complete at all.
  assertError(await w.B.c.post(`/api/v1/sops/tasks/${t1.id}/complete`, {}), 403, 'sop_task.not_allowed');
  assertError(await w.V.c.post(`/api/v1/sops/tasks/${t1.id}/complete`, {}), 403, 'auth.forbidden');
  assert.equal((await ok(w.A.c.get(`/api/v1/sops/tasks/${t1.id}`))).may.complete, true);
  assert.equal((await ok(w.B.c.get(`/api/v1/sops/tasks/${t1.id}`))).may.complete, false);
  const byLead = await ok(w.L.c.post(`/api/v1/sops/tasks/${t1.id}/complete`, {}));
  assert.equal(byLead.doneBy.id, w.L.id);
  // Undo: the person who completed it, the same day; not someone else (not even the assignee).
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${t1.id}/undo`), 403, 'sop_task.not_allowed');
  assert.equal((await ok(w.L.c.post(`/api/v1/sops/tasks/${t1.id}/undo`))).status, 'todo');
  assertError(await w.L.c.post(`/api/v1/sops/tasks/${t1.id}/undo`), 409, 'sop_task.not_done');
  await ok(w.A.c.post(`/api/v1/sops/tasks/${t1.id}/complete`, {}));
  at('2026-03-11T12:40:00Z');
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${t1.id}/undo`), 403, 'sop_task.not_allowed');
  const reopened = await ok(w.O.c.post(`/api/v1/sops/tasks/${t1.id}/undo`));
  assert.equal(reopened.status, 'missed', 'its day is over: back to missed, not todo');

  // Skip: with a reason, by the lead or a manager; never by the assignee or another member.
  assertError(await w.L.c.post(`/api/v1/sops/tasks/${t2.id}/skip`, {}), 400, 'validation.failed', 'reason');
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${t2.id}/skip`, { reason: '群已解散' }), 403, 'sop_task.not_allowed');
  assertError(await w.B.c.post(`/api/v1/sops/tasks/${t2.id}/skip`, { reason: '群已解散' }), 403, 'sop_task.not_allowed');
  const skipped = await ok(w.L.c.post(`/api/v1/sops/tasks/${t2.id}/skip`, { reason: '今天停课' }));
  assert.equal(skipped.status, 'skipped');
  assert.equal(skipped.skipReason, '今天停课');
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${t2.id}/complete`, {}), 409, 'sop_task.skipped');
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${t2.id}/undo`), 403, 'sop_task.not_allowed');
  assert.equal((await ok(w.O.c.post(`/api/v1/sops/tasks/${t2.id}/undo`))).status, 'todo');

  // Reassign: managers only, to an active staff member of the workspace.
  assertError(await w.L.c.post(`/api/v1/sops/tasks/${t3.id}/reassign`, { staffId: w.B.id }), 403, 'auth.forbidden');
  assertError(await w.O.c.post(`/api/v1/sops/tasks/${t3.id}/reassign`, { staffId: 999999 }), 404, 'staff.not_found', 'staffId');
  assert.equal((await ok(w.O.c.post(`/api/v1/sops/tasks/${t3.id}/reassign`, { staffId: w.B.id }))).assignee.id, w.B.id);
  at('2026-03-12T12:40:00Z');
  assertError(await w.A.c.post(`/api/v1/sops/tasks/${t3.id}/complete`, {}), 403, 'sop_task.not_allowed');
  await ok(w.B.c.post(`/api/v1/sops/tasks/${t3.id}/complete`, {}));
  assertError(await w.O.c.post(`/api/v1/sops/tasks/${t3.id}/reassign`, { staffId: w.A.id }), 409, 'sop_task.not_open');
});

test("the today list: mine by default, overdue first; a lead sees the team's, a manager anyone's", async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: STEPS }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  // Shanghai 2026-03-10 is the workspace's today; New York 03-09's group-age task (window 18:00–19:00 UTC) is overdue.
  at('2026-03-10T01:00:00Z');
  const today = await ok(w.A.c.get('/api/v1/sops/tasks/today'));
  assert.equal(today.date, '2026-03-10');
  assert.equal(today.staff.id, w.A.id);
  const titles = today.items.map((t: Task) => `${t.step.title}@${t.dueDate}${t.overdue ? '!' : ''}`);
  assert.deepEqual(titles, ['发群公告@2026-03-09!', '建群第2天@2026-03-09!', '早安@2026-03-10', '周二周四@2026-03-10']);
  assert.deepEqual(today.counts, { total: 4, open: 4, overdue: 2, done: 0 });
  assert.equal((await ok(w.L.c.get(`/api/v1/sops/tasks/today?staffId=${w.A.id}`))).items.length, 4, "the lead sees a team member's list");
  assert.equal((await ok(w.O.c.get(`/api/v1/sops/tasks/today?staffId=${w.B.id}`))).staff.id, w.B.id, 'a manager sees anyone');
  assertError(await w.B.c.get(`/api/v1/sops/tasks/today?staffId=${w.A.id}`), 403, 'sop.not_your_team', 'staffId');
  assertError(await w.A.c.get(`/api/v1/sops/tasks/today?staffId=${w.L.id}`), 403, 'sop.not_your_team', 'staffId');
});

test('stopping an application removes its upcoming todo tasks and keeps the done ones', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: STEPS }), 201);
  const app = await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, groupId: w.G3, assistantStaffId: w.O.id }), 201);
  const tuesday = find(await tasksOf(w.owner, ''), '周二周四', w.G3, '2026-03-10');
  at('2026-03-10T02:30:00Z');
  await ok(w.O.c.post(`/api/v1/sops/tasks/${tuesday.id}/complete`, {}));
  at('2026-03-10T02:40:00Z');
  const stopped = await ok(w.owner.post(`/api/v1/sops/applications/${app.id}/stop`));
  assert.ok(stopped.stoppedAt);
  assert.deepEqual(stopped.tasks, { total: 1, todo: 0, done: 1, late: 0, missed: 0, skipped: 0 });
  assertError(await w.owner.post(`/api/v1/sops/applications/${app.id}/stop`), 409, 'sop.application_stopped');
  assert.equal((await server.services.sops.applications.generateAll(w.W.ctx)).created, 0, 'a stopped application gets no more tasks');
  // The template now has history: its step with a done task cannot be removed, the others can; it cannot be deleted.
  const steps = tpl.steps.map(({ position: _p, ...s }: { position: number }) => s);
  assertError(await w.owner.patch(`/api/v1/sops/templates/${tpl.id}`, { steps: steps.filter((s: { title: string }) => s.title !== '周二周四') }), 409, 'sop.step_in_use', 'steps');
  assert.equal((await ok(w.owner.patch(`/api/v1/sops/templates/${tpl.id}`, { steps: steps.slice(1, 3) }))).steps.length, 2);
  assertError(await w.owner.delete(`/api/v1/sops/templates/${tpl.id}`), 409, 'sop.template_in_use', 'templateId');
  assertError(await w.owner.patch(`/api/v1/sops/templates/${tpl.id}`, { steps: [{ ...steps[0], id: 999999 }] }), 400, 'sop.unknown_step', 'steps.0.id');
});

test('editing a step re-plans its upcoming todo tasks; archived templates cannot be applied', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: [STEPS[1]] }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  const first = find(await tasksOf(w.owner, ''), '早安', w.G1, '2026-03-10');
  at('2026-03-10T12:45:00Z');
  await ok(w.A.c.post(`/api/v1/sops/tasks/${first.id}/complete`, {}));
  const [step] = tpl.steps;
  const { position: _p, ...rest } = step;
  await ok(w.owner.patch(`/api/v1/sops/templates/${tpl.id}`, { steps: [{ ...rest, windowStart: '07:00', windowEnd: '07:30', content: '早上好 {群名}' }] }));
  const after = (await tasksOf(w.owner, `groupId=${w.G1}`)).map((t) => [t.dueDate, t.status, t.windowStartAt, t.content]);
  assert.deepEqual(after, [
    ['2026-03-10', 'done', '2026-03-10T12:30:00.000Z', '早上好 X1 打卡1群'],
    ['2026-03-11', 'todo', '2026-03-11T11:00:00.000Z', '早上好 X1 打卡1群'],
    ['2026-03-12', 'todo', '2026-03-12T11:00:00.000Z', '早上好 X1 打卡1群'],
  ]);
  await ok(w.owner.patch(`/api/v1/sops/templates/${tpl.id}`, { archived: true }));
  assertError(await w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, groupId: w.G3 }), 409, 'sop.template_archived', 'templateId');
});

test('proof screenshots: only PNG or JPEG up to 2 MB, shown to the workspace staff only', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: [STEPS[1]] }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  const task = find(await tasksOf(w.owner, ''), '早安', w.G1, '2026-03-10');
  at('2026-03-10T12:40:00Z');
  const url = `/api/v1/sops/tasks/${task.id}/complete-with-screenshot`;
  const png = { name: 'shot.png', type: 'image/png', bytes: PNG_1PX };
  assertError(await upload(w.A.c, url, { name: 'shot.png', type: 'image/png', bytes: 'not an image' }), 400, 'upload.not_an_image', 'file');
  assertError(await upload(w.A.c, url, { name: 'shot.gif', type: 'image/gif', bytes: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') }), 400, 'upload.not_an_image', 'file');
  assertError(await upload(w.A.c, url, { name: 'big.png', type: 'image/png', bytes: Buffer.concat([PNG_1PX, Buffer.alloc(2 * 1024 * 1024)]) }), 413, 'upload.too_large', 'file');
  assertError(await upload(w.A.c, url, { name: 'e.png', type: 'image/png', bytes: Buffer.alloc(0) }), 400, 'upload.empty', 'file');
  assertError(await upload(w.A.c, url, null, { proofText: 'x' }), 400, 'upload.missing', 'file');
  assertError(await upload(w.A.c, url, png, { other: 'x' }), 400, 'validation.failed', 'other');
  assertError(await upload(w.A.c, url, png, { proofLink: 'not a link' }), 400, 'validation.failed', 'proofLink');
  assertError(await upload(w.B.c, url, png), 403, 'sop_task.not_allowed');
  assert.equal((await ok(w.owner.get(`/api/v1/sops/tasks/${task.id}`))).status, 'todo', 'nothing was completed by the refused uploads');
  const done = await upload(w.A.c, url, png, { proofText: '群里发了' });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'done');
  assert.deepEqual(done.body.proof, { text: '群里发了', link: null, screenshot: true });
  const image = await fetchRaw(w.B.c, `/api/v1/sops/tasks/${task.id}/screenshot`);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await image.arrayBuffer()), PNG_1PX);
  const token = await ok(w.owner.post('/api/v1/api-tokens', { name: 'reader', scopes: ['operations.read'] }), 201);
  assertError(await Client.withToken(server.url, token.token).get(`/api/v1/sops/tasks/${task.id}/screenshot`), 403, 'auth.session_required');
  const other = await createWorkspace(server);
  assertError(await (await other.as('owner')).get(`/api/v1/sops/tasks/${task.id}/screenshot`), 404, 'sop_task.not_found');
  // Undo takes the proof away with the completion.
  await ok(w.A.c.post(`/api/v1/sops/tasks/${task.id}/undo`));
  assertError(await w.A.c.get(`/api/v1/sops/tasks/${task.id}/screenshot`), 404, 'sop_task.no_screenshot');
});

test('stats: completion (done + late) / (due − skipped) and punctuality on time / (done + late), per staff, group, team and day', async () => {
  const w = await world();
  const tpl = await ok(w.owner.post('/api/v1/sops/templates', { name: '模板', steps: [{ ...STEPS[1], triggerValue: '1..2' }] }), 201);
  await ok(w.owner.post('/api/v1/sops/applications', { templateId: tpl.id, campaignId: w.campaignId }), 201);
  const all = await tasksOf(w.owner, '');
  // A (G1): day 1 on time, day 2 late. B (G2): day 1 missed, day 2 skipped.
  at('2026-03-10T12:45:00Z');
  await ok(w.A.c.post(`/api/v1/sops/tasks/${find(all, '早安', w.G1, '2026-03-10').id}/complete`, {}));
  at('2026-03-11T15:00:00Z');
  await ok(w.A.c.post(`/api/v1/sops/tasks/${find(all, '早安', w.G1, '2026-03-11').id}/complete`, {}));
  await ok(w.O.c.post(`/api/v1/sops/tasks/${find(all, '早安', w.G2, '2026-03-11').id}/skip`, { reason: '群主请假' }));
  await server.services.sops.tasks.close(w.W.ctx);
  const stats = async (q: string) => ok(w.owner.get(`/api/v1/sops/stats?from=2026-03-10&to=2026-03-12&${q}`));
  const r = (n: number, d: number) => ({ numerator: n, denominator: d, value: d === 0 ? null : n / d });
  const byStaff = await stats('groupBy=staff');
  const a = byStaff.rows.find((x: { key: number }) => x.key === w.A.id);
  const b = byStaff.rows.find((x: { key: number }) => x.key === w.B.id);
  assert.deepEqual([a.due, a.done, a.onTime, a.late, a.missed, a.skipped, a.open], [2, 1, 1, 1, 0, 0, 0]);
  assert.deepEqual([a.completionRate, a.punctualityRate], [r(2, 2), r(1, 2)]);
  assert.deepEqual([b.due, b.missed, b.skipped, b.completionRate, b.punctualityRate], [2, 1, 1, r(0, 1), r(0, 0)]);
  assert.deepEqual([byStaff.total.due, byStaff.total.completionRate, byStaff.total.punctualityRate], [4, r(2, 3), r(1, 2)]);
  assert.ok(byStaff.definitions.completionRate.denominator.includes('skipped'));
  const byDay = await stats('groupBy=day');
  assert.deepEqual(byDay.rows.map((x: { key: string; completionRate: unknown; punctualityRate: unknown }) => [x.key, x.completionRate, x.punctualityRate]),
    [['2026-03-10', r(1, 2), r(1, 1)], ['2026-03-11', r(1, 1), r(0, 1)]]);
  const byTeam = await stats('groupBy=team');
  assert.deepEqual(byTeam.rows.map((x: { key: number | null; label: string; due: number }) => [x.key, x.label, x.due]), [[w.teamId, '运营一组', 2], [null, 'no team', 2]]);
  const byGroup = await stats('groupBy=group');
  assert.deepEqual(byGroup.rows.map((x: { label: string; completionRate: unknown }) => [x.label, x.completionRate]), [['X1 打卡1群', r(2, 2)], ['X1 打卡2群', r(0, 1)]]);
  assert.equal((await stats(`groupBy=staff&teamId=${w.teamId}`)).rows.length, 1);
  assert.deepEqual((await stats(`groupBy=day&staffId=${w.B.id}`)).total.completionRate, r(0, 1));
  // The service contract other features call.
  const rows = await server.services.sops.stats(w.W.ctx, { from: '2026-03-10', to: '2026-03-12', groupBy: 'staff' });
  assert.deepEqual(rows, byStaff.rows);
  assertError(await w.owner.get('/api/v1/sops/stats?from=2026-03-12&to=2026-03-10'), 400, 'validation.failed', 'to');
});
