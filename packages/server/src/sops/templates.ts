// SOP templates and their ordered steps: create, edit (steps keep their ids and tasks; a changed time or role
// re-plans the upcoming todo tasks), duplicate, archive, delete while never applied; content variables are checked.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { Clock } from '../clock.js';
import { nowIso, scoped, type Executor } from '../db/scoped.js';
import type { DB } from '../db/schema.js';
import type { AccessContext } from '../http/access.js';
import { AppError, conflict, invalid } from '../http/errors.js';
import { VARIABLES, variablesIn } from '../variables/fill.js';
import { WorkspaceService } from '../workspaces/service.js';
import { generateTasks } from './generate.js';
import * as q from './queries.js';
import type { CreateTemplateInput, StepInput, StepOut, TemplateOut, UpdateTemplateInput } from './schema.js';
import { STARTER_TEMPLATE } from './starter.js';

const templateNotFound = () => new AppError(404, 'sop_template.not_found', 'SOP template not found', { templateId: 'no such template' });

/** What decides when and by whom a step is done: a change re-plans the step's upcoming tasks. */
const TIMING = ['trigger_kind', 'trigger_value', 'window_start', 'window_end', 'role'] as const;

export function toStepOut(row: q.StepRow): StepOut {
  return {
    id: row.id, position: row.position, title: row.title, triggerKind: row.trigger_kind as StepOut['triggerKind'], triggerValue: row.trigger_value,
    windowStart: row.window_start, windowEnd: row.window_end, action: row.action as StepOut['action'], content: row.content,
    attachments: JSON.parse(row.attachments) as StepOut['attachments'], role: row.role as StepOut['role'],
  };
}

function stepColumns(step: StepInput, position: number) {
  return {
    position, title: step.title, trigger_kind: step.triggerKind, trigger_value: step.triggerValue, window_start: step.windowStart,
    window_end: step.windowEnd, action: step.action, content: step.content, attachments: JSON.stringify(step.attachments), role: step.role,
  };
}

/** Unknown variables in step contents, as error fields naming the step and the variable. */
function checkVariables(steps: StepInput[]): void {
  const known = new Set<string>(VARIABLES);
  const problems: Record<string, string> = {};
  steps.forEach((step, i) => {
    const unknown = variablesIn(step.content).filter((v) => !known.has(v));
    if (unknown.length) problems[`steps.${i}.content`] = `unknown variable ${unknown.map((v) => `{${v}}`).join(', ')} (known: ${VARIABLES.map((v) => `{${v}}`).join(' ')})`;
  });
  if (Object.keys(problems).length) {
    throw invalid('sop.unknown_variable', `Unknown variables: ${Object.entries(problems).map(([k, v]) => `${k}: ${v}`).join('; ')}`, problems);
  }
}

export class SopTemplates {
  constructor(private readonly db: Kysely<DB>, private readonly clock: Clock) {}

  starter() {
    return STARTER_TEMPLATE;
  }

  async requireRow(db: Executor, ctx: AccessContext, id: number): Promise<q.TemplateRow> {
    const row = await q.findTemplate(scoped(db, ctx.workspaceId), id);
    if (!row) throw templateNotFound();
    return row;
  }

  async list(ctx: AccessContext, archived: boolean): Promise<TemplateOut[]> {
    const s = scoped(this.db, ctx.workspaceId);
    const rows = await q.listTemplates(s, archived);
    const steps = await q.stepsOf(s, rows.map((r) => r.id));
    return rows.map((r) => this.out(r, steps.filter((st) => st.template_id === r.id)));
  }

  async get(ctx: AccessContext, id: number, db: Executor = this.db): Promise<TemplateOut> {
    const row = await this.requireRow(db, ctx, id);
    return this.out(row, await q.stepsOf(scoped(db, ctx.workspaceId), [id]));
  }

  async create(ctx: AccessContext, input: CreateTemplateInput): Promise<TemplateOut> {
    checkVariables(input.steps);
    const stray = input.steps.findIndex((s) => s.id !== undefined);
    if (stray >= 0) throw invalid('sop.unknown_step', 'A new template has no steps yet: leave out the step ids', { [`steps.${stray}.id`]: 'not a step of this template' });
    return this.db.transaction().execute(async (tx) => {
      const now = nowIso();
      const id = await q.insertTemplate(tx, {
        workspace_id: ctx.workspaceId, name: input.name, description: input.description, created_by: ctx.staffId, created_at: now, updated_at: now, archived_at: null,
      });
      await q.insertSteps(tx, input.steps.map((step, i) => ({ workspace_id: ctx.workspaceId, template_id: id, ...stepColumns(step, i + 1) })));
      const out = await this.get(ctx, id, tx);
      await recordAudit(tx, ctx, { action: 'sop_template.create', entity: 'sop_template', entityId: id, after: out });
      return out;
    });
  }

  async duplicate(ctx: AccessContext, id: number): Promise<TemplateOut> {
    const source = await this.get(ctx, id);
    const copy = await this.create(ctx, {
      name: `${source.name} (副本)`.slice(0, 60),
      description: source.description,
      steps: source.steps.map(({ id: _id, position: _position, ...step }) => step),
    });
    return copy;
  }

  async update(ctx: AccessContext, id: number, input: UpdateTemplateInput): Promise<TemplateOut> {
    if (input.steps) checkVariables(input.steps);
    const now = this.clock.now();
    return this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.get(ctx, id, tx);
      const stamp = nowIso();
      let replan: number[] = [];
      let stepsChanged = false;
      if (input.steps) {
        const current = new Map(before.steps.map((st) => [st.id, st]));
        input.steps.forEach((step, i) => {
          if (step.id !== undefined && !current.has(step.id)) {
            throw invalid('sop.unknown_step', `Step ${step.id} is not a step of this template`, { [`steps.${i}.id`]: 'not a step of this template' });
          }
        });
        const kept = new Set(input.steps.map((st) => st.id).filter((x): x is number => x !== undefined));
        const removed = before.steps.filter((st) => !kept.has(st.id));
        const used = await q.stepsWithHistory(s, removed.map((st) => st.id));
        if (used.size > 0) {
          const titles = removed.filter((st) => used.has(st.id)).map((st) => `"${st.title}"`).join(', ');
          throw conflict('sop.step_in_use', `Steps with done, missed or skipped tasks cannot be removed: ${titles} (duplicate the template instead)`, { steps: `${titles} already have task history` });
        }
        await q.deleteSteps(s, removed.map((st) => st.id));
        const added = [];
        for (const [i, step] of input.steps.entries()) {
          const columns = stepColumns(step, i + 1);
          if (step.id === undefined) {
            added.push({ workspace_id: ctx.workspaceId, template_id: id, ...columns });
            continue;
          }
          const old = current.get(step.id)!;
          const oldColumns = stepColumns({ ...old, id: old.id }, old.position);
          if (TIMING.some((k) => columns[k] !== oldColumns[k])) replan.push(step.id);
          await q.updateStep(s, step.id, columns);
        }
        await q.insertSteps(tx, added);
        stepsChanged = removed.length > 0 || added.length > 0 || replan.length > 0;
      }
      await q.updateTemplate(s, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.archived !== undefined ? { archived_at: input.archived ? before.archivedAt ?? stamp : null } : {}),
        updated_at: stamp,
      });
      if (stepsChanged) await this.replan(tx, ctx, id, replan, now);
      const after = await this.get(ctx, id, tx);
      await recordAudit(tx, ctx, { action: 'sop_template.update', entity: 'sop_template', entityId: id, before, after });
      return after;
    });
  }

  async delete(ctx: AccessContext, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const s = scoped(tx, ctx.workspaceId);
      const before = await this.get(ctx, id, tx);
      const applications = await q.countApplications(s, id);
      if (applications > 0) {
        throw conflict('sop.template_in_use', `This template was applied ${applications} time(s): archive it instead`, { templateId: 'has applications' });
      }
      await q.deleteTemplate(s, id);
      await recordAudit(tx, ctx, { action: 'sop_template.delete', entity: 'sop_template', entityId: id, before });
    });
  }

  /** After a step edit: the changed steps' upcoming todo tasks go, and every running application is filled again. */
  private async replan(tx: Executor, ctx: AccessContext, templateId: number, changedSteps: number[], now: Date): Promise<void> {
    const s = scoped(tx, ctx.workspaceId);
    const applications = await q.activeApplications(s, templateId);
    await q.deleteUpcomingTodo(s, { applicationIds: applications.map((a) => a.id), stepIds: changedSteps }, now.toISOString());
    const workspace = await new WorkspaceService(tx as Kysely<DB>).get(ctx.workspaceId);
    for (const app of applications) await generateTasks(tx, workspace, app, now);
  }

  private out(row: q.TemplateRow, steps: q.StepRow[]): TemplateOut {
    return {
      id: row.id, name: row.name, description: row.description, steps: steps.map(toStepOut),
      activeApplications: Number(row.active_applications ?? 0), createdAt: row.created_at, updatedAt: row.updated_at, archivedAt: row.archived_at,
    };
  }
}
