// Points of SOP tasks on a real database: syncTaskPoints after every status change (done, late, missed, skipped,
// reopened, completed after being missed), reassignment, idempotence, disabled rules, and rule changes that apply
// from then on. The task rows are written here as the SOP service stores them, each change followed by the sync in
// the same transaction, as the SOP service does; its own API is tested by its feature.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Updateable } from 'kysely';
import type { SopTasksTable } from '../src/db/schema.js';
import { ok } from './api-checks.js';
import { createWorkspace, startServer, type Client, type TestServer, type TestWorkspace } from './harness.js';

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
const staff = { li: 0, zhao: 0 };
const fx = { groupId: 0, stepId: 0, applicationId: 0 };
let dueCounter = 0;

const db = () => server.services.database.db;
const at = '2026-12-01T01:00:00.000Z';

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  staff.li = (await ok(owner.post('/api/v1/staff', { username: 'li', displayName: '李老师', password: 'correct-horse-battery', role: 'operator' }), 201)).id;
  staff.zhao = (await ok(owner.post('/api/v1/staff', { username: 'zhao', displayName: '赵助教', password: 'correct-horse-battery', role: 'operator' }), 201)).id;
  fx.groupId = (await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: '3群' }), 201)).id;
  const template = await db().insertInto('sop_templates').values({ workspace_id: W.id, name: '21天打卡营', description: '', created_by: null, created_at: at, updated_at: at, archived_at: null })
    .returning('id').executeTakeFirstOrThrow();
  fx.stepId = (await db().insertInto('sop_steps').values({
    workspace_id: W.id, template_id: template.id, position: 1, title: '早安+昨日打卡榜', trigger_kind: 'campaign_day', trigger_value: '1',
    window_start: '07:00', window_end: '08:00', action: 'message', content: '', attachments: '[]', role: 'group_owner',
  }).returning('id').executeTakeFirstOrThrow()).id;
  fx.applicationId = (await db().insertInto('sop_applications').values({
    workspace_id: W.id, template_id: template.id, campaign_id: null, group_id: fx.groupId, assistant_staff_id: null,
    starts_on: '2026-12-01', ends_on: null, created_by: null, created_at: at, stopped_at: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
});

after(async () => {
  await server?.close();
});

/** A new task to do, assigned to `assignee`; each on its own due date unless given (the unique key includes it). */
async function newTask(assignee: number | null, dueDate?: string) {
  const due = dueDate ?? `2027-01-${String(++dueCounter).padStart(2, '0')}`;
  const row = await db().insertInto('sop_tasks').values({
    workspace_id: W.id, application_id: fx.applicationId, step_id: fx.stepId, group_id: fx.groupId, campaign_id: null, due_date: due,
    window_start_at: `${due}T07:00:00+08:00`, window_end_at: `${due}T08:00:00+08:00`, assignee_staff_id: assignee, status: 'todo', on_time: null,
    done_at: null, done_by: null, proof_text: null, proof_link: null, proof_file: null, proof_mime: null, skip_reason: null, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const STATUS: Record<string, Updateable<SopTasksTable>> = {
  todo: { status: 'todo', on_time: null },
  done: { status: 'done', on_time: 1 },
  late: { status: 'late', on_time: 0 },
  missed: { status: 'missed', on_time: null },
  skipped: { status: 'skipped', on_time: null, skip_reason: '群已解散' },
};

/** What the SOP service does on a status change: update the row, then sync the points, in one transaction. */
async function change(taskId: number, patch: Updateable<SopTasksTable>) {
  await db().transaction().execute(async (tx) => {
    await tx.updateTable('sop_tasks').set({ ...patch, updated_at: at }).where('id', '=', taskId).where('workspace_id', '=', W.id).execute();
    await server.services.incentives.syncTaskPoints(tx, W.id, taskId);
  });
}

async function entries(taskId: number) {
  return db().selectFrom('points_ledger').selectAll().where('workspace_id', '=', W.id).where('source', '=', `sop_task:${taskId}`).orderBy('id').execute();
}

const brief = (rows: Awaited<ReturnType<typeof entries>>) => rows.map((r) => [r.staff_id, r.rule_kind, r.points]);

function sumFor(rows: Awaited<ReturnType<typeof entries>>, staffId: number) {
  return rows.filter((r) => r.staff_id === staffId).reduce((n, r) => n + r.points, 0);
}

test('done on time gives +1 to the assignee, on the due day, with a readable reason; a second sync adds nothing', async () => {
  const id = await newTask(staff.li, '2026-12-01');
  await change(id, STATUS.done!);
  const rows = await entries(id);
  assert.equal(rows.length, 1);
  assert.deepEqual({ staff: rows[0]!.staff_id, points: rows[0]!.points, kind: rows[0]!.kind, rule: rows[0]!.rule_kind, day: rows[0]!.day, by: rows[0]!.created_by },
    { staff: staff.li, points: 1, kind: 'rule', rule: 'sop_on_time', day: '2026-12-01', by: null });
  assert.equal(rows[0]!.reason, 'SOP「早安+昨日打卡榜」3群 2026-12-01 准时完成');
  await db().transaction().execute((tx) => server.services.incentives.syncTaskPoints(tx, W.id, id));
  await change(id, STATUS.done!);
  assert.equal((await entries(id)).length, 1, 'syncing an unchanged task adds nothing');
});

test('each status earns its rule: late −1, missed −2, skipped 0 (no entry), todo 0', async () => {
  const late = await newTask(staff.li);
  await change(late, STATUS.late!);
  assert.deepEqual(brief(await entries(late)), [[staff.li, 'sop_late', -1]]);
  assert.match((await entries(late))[0]!.reason, /超时完成$/);

  const missed = await newTask(staff.li);
  await change(missed, STATUS.missed!);
  assert.deepEqual(brief(await entries(missed)), [[staff.li, 'sop_missed', -2]]);

  const skipped = await newTask(staff.li);
  await change(skipped, STATUS.skipped!);
  assert.deepEqual(await entries(skipped), [], 'skipping is worth 0 by default: nothing to write');

  const todo = await newTask(staff.li);
  await db().transaction().execute((tx) => server.services.incentives.syncTaskPoints(tx, W.id, todo));
  assert.deepEqual(await entries(todo), []);
});

test('a missed task completed later takes back the "missed" points and gives the "late" ones', async () => {
  const id = await newTask(staff.li);
  await change(id, STATUS.missed!);
  await change(id, STATUS.late!);
  const rows = await entries(id);
  assert.deepEqual(brief(rows), [[staff.li, 'sop_missed', -2], [staff.li, 'sop_missed', 2], [staff.li, 'sop_late', -1]]);
  assert.equal(sumFor(rows, staff.li), -1, 'the task is worth what "late" earns');
  assert.match(rows[1]!.reason, /状态改为「超时完成」，收回「未完成」的积分$/);
  await change(id, STATUS.late!);
  assert.equal((await entries(id)).length, 3, 'idempotent');
});

test('reopening a done task takes its points back; done again gives them again', async () => {
  const id = await newTask(staff.li);
  await change(id, STATUS.done!);
  await change(id, STATUS.todo!);
  let rows = await entries(id);
  assert.deepEqual(brief(rows), [[staff.li, 'sop_on_time', 1], [staff.li, 'sop_on_time', -1]]);
  assert.match(rows[1]!.reason, /状态改为「待完成」/);
  await change(id, STATUS.done!);
  rows = await entries(id);
  assert.equal(rows.length, 3);
  assert.equal(sumFor(rows, staff.li), 1);
  // skipped after done: the +1 goes back, and skipping gives nothing
  await change(id, STATUS.skipped!);
  assert.equal(sumFor(await entries(id), staff.li), 0);
});

test('reassigning moves the points: the old assignee back to 0, the new one gets them; unassigned: nobody has them', async () => {
  const id = await newTask(staff.li);
  await change(id, STATUS.done!);
  await change(id, { assignee_staff_id: staff.zhao });
  let rows = await entries(id);
  assert.deepEqual(brief(rows), [[staff.li, 'sop_on_time', 1], [staff.li, 'sop_on_time', -1], [staff.zhao, 'sop_on_time', 1]]);
  assert.match(rows[1]!.reason, /已改由他人负责/);
  // a missed task reassigned and then completed late
  const other = await newTask(staff.li);
  await change(other, STATUS.missed!);
  await change(other, { assignee_staff_id: staff.zhao, ...STATUS.late! });
  rows = await entries(other);
  assert.equal(sumFor(rows, staff.li), 0);
  assert.equal(sumFor(rows, staff.zhao), -1);
  assert.equal(rows.length, 3, 'one entry back for 李, one for 赵');
  await change(other, { assignee_staff_id: null });
  rows = await entries(other);
  assert.equal(sumFor(rows, staff.zhao), 0);
  assert.equal(rows.reduce((n, r) => n + r.points, 0), 0);
});

test('a rule change applies from then on: entries already written stay, the next status change uses the new rule', async () => {
  const before = await newTask(staff.li);
  await change(before, STATUS.done!);
  type RuleIn = { kind: string; points: number; enabled: boolean };
  const defaults: RuleIn[] = (await ok(owner.get('/api/v1/incentive-rules'))).items.map((r: RuleIn) => ({ kind: r.kind, points: r.points, enabled: r.enabled }));
  const rules = defaults.map((r) => ({ ...r, points: r.kind === 'sop_on_time' ? 3 : r.points, enabled: r.kind === 'sop_late' ? false : r.enabled }));
  await ok(owner.send('PUT', '/api/v1/incentive-rules', { rules }));
  assert.deepEqual(brief(await entries(before)), [[staff.li, 'sop_on_time', 1]], 'the past entry is untouched');

  const after = await newTask(staff.li);
  await change(after, STATUS.done!);
  assert.deepEqual(brief(await entries(after)), [[staff.li, 'sop_on_time', 3]]);
  // the old task reopened gives back what it had (1), and done again it earns today's rule (3)
  await change(before, STATUS.todo!);
  await change(before, STATUS.done!);
  assert.deepEqual(brief(await entries(before)), [[staff.li, 'sop_on_time', 1], [staff.li, 'sop_on_time', -1], [staff.li, 'sop_on_time', 3]]);
  // a disabled rule earns nothing
  const late = await newTask(staff.li);
  await change(late, STATUS.late!);
  assert.deepEqual(await entries(late), []);
  await ok(owner.send('PUT', '/api/v1/incentive-rules', { rules: defaults }));
});

test('the task counts in the ledger and in the leaderboard of the week of its due day', async () => {
  const id = await newTask(staff.zhao, '2026-11-30');
  await change(id, STATUS.done!);
  const ledger = await ok(owner.get(`/api/v1/points/ledger?staffId=${staff.zhao}&from=2026-11-30&to=2026-11-30`));
  assert.deepEqual(ledger.items.map((e: { source: string; points: number }) => [e.source, e.points]), [[`sop_task:${id}`, 1]]);
  const board = await ok(owner.get('/api/v1/points/leaderboard?period=week&date=2026-12-02'));
  const zhao = board.items.find((x: { staff: { id: number } }) => x.staff.id === staff.zhao);
  assert.equal(zhao.breakdown.sop_on_time, 1, 'the Monday 11-30 task counts in the week of 12-02');
});

test('a task of another workspace, or none, is refused', async () => {
  const other = await createWorkspace(server);
  const id = await newTask(staff.li);
  await assert.rejects(db().transaction().execute((tx) => server.services.incentives.syncTaskPoints(tx, other.id, id)), /not found/);
  await assert.rejects(db().transaction().execute((tx) => server.services.incentives.syncTaskPoints(tx, W.id, 999_999)), /not found/);
});
