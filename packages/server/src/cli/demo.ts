// `qunyun demo`: create (or with --force, recreate) a demo workspace full of realistic data.
import { DEMO_LOGIN, seedDemo } from '../demo/seed.js';
import { CliError, stringFlag, type ParsedArgs } from './args.js';
import { openRuntime } from './runtime.js';

export async function demoCommand(args: ParsedArgs): Promise<number> {
  const key = stringFlag(args, 'workspace') ?? DEMO_LOGIN.workspace;
  const runtime = await openRuntime(args);
  try {
    const existing = await runtime.services.workspaces.findByKey(key);
    if (existing && !args.flags.force) throw new CliError(`Workspace "${key}" exists; pass --force to delete and recreate it`);
    if (existing) {
      await runtime.services.database.db.deleteFrom('workspaces').where('id', '=', existing.id).execute();
      // Rows go with the workspace; its uploaded files do not.
      await runtime.services.groups.qr.removeWorkspace(existing.id);
      await runtime.services.checkins.photos.removeWorkspace(existing.id);
      await runtime.services.sops.tasks.proofs.removeWorkspace(existing.id);
    }
    const summary = await seedDemo(runtime.services, { key });
    console.log(`demo workspace "${key}": ${summary.members} members, ${summary.staff} staff, ${summary.tags} tags, ${summary.records} service records, ${summary.campaigns} campaigns in ${summary.series} series, ${summary.joins} group joins, ${summary.channels} channels with ${summary.visits} visits, ${summary.enrollments} enrollments, ${summary.checkins} check-ins, ${summary.refunds} refunds, ${summary.events} events`);
    console.log(`login: workspace "${key}", user "${DEMO_LOGIN.username}", password "${DEMO_LOGIN.password}"`);
  } finally {
    await runtime.close();
  }
  return 0;
}
