// `qunyun serve`: the API, the console and the member pages in one process. On the very first start (no
// workspace at all) it creates the demo workspace, so a new user has something to look at.
import { buildApp } from '../app.js';
import { DEMO_LOGIN, seedDemo } from '../demo/seed.js';
import { verifyPassword } from '../auth/passwords.js';
import { startAbsenteeReminder } from '../checkins/reminder.js';
import { startAnalyticsRefresh } from '../analytics/scheduler.js';
import { startScheduler } from '../scheduler/start.js';
import type { ParsedArgs } from './args.js';
import { openRuntime } from './runtime.js';

export async function serveCommand(args: ParsedArgs): Promise<number> {
  const runtime = await openRuntime(args);
  const { services, config } = runtime;
  const anyWorkspace = await services.database.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (!anyWorkspace && !args.flags['no-demo']) {
    console.log('First start: creating the demo workspace …');
    await seedDemo(services, { key: DEMO_LOGIN.workspace });
  }
  const app = await buildApp(services, config);
  // The 20:00 absentee reminder: a pass every minute (tests call remindAbsentees themselves, with their own clock).
  const reminder = startAbsenteeReminder(services.database.db, services.clock, (error) => app.log.error({ err: error }, 'absentee reminder failed'));
  const analytics = startAnalyticsRefresh(services.database.db, services.activity, (error) => app.log.error({ err: error }, 'report rollup refresh failed'));
  const jobs = startScheduler(services, (error) => app.log.error({ err: error }, 'scheduled job failed'));
  const close = async () => {
    reminder.stop();
    analytics.stop();
    jobs.stop();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`\nQunyun console:  http://localhost:${port}/`);
  console.log(`API docs:        http://localhost:${port}/api/docs`);
  console.log(`Database:        ${services.database.dialect} ${services.database.location}`);
  if (await demoLoginWorks(runtime)) {
    console.log(`Demo login:      workspace "${DEMO_LOGIN.workspace}", user "${DEMO_LOGIN.username}", password "${DEMO_LOGIN.password}"`);
  }
  return new Promise<number>(() => undefined);
}

async function demoLoginWorks(runtime: Awaited<ReturnType<typeof openRuntime>>): Promise<boolean> {
  const row = await runtime.services.database.db.selectFrom('staff').innerJoin('workspaces', 'workspaces.id', 'staff.workspace_id')
    .select('staff.password_hash').where('workspaces.key', '=', DEMO_LOGIN.workspace).where('staff.username', '=', DEMO_LOGIN.username)
    .executeTakeFirst();
  return row ? verifyPassword(DEMO_LOGIN.password, row.password_hash) : false;
}
