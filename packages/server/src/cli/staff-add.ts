// `qunyun staff add`: create a staff account from the shell (the first owner of a new workspace, or a reset).
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../auth/permissions.js';
import { createStaffBody } from '../staff/schema.js';
import { CliError, requireFlag, stringFlag, validate, type ParsedArgs } from './args.js';
import { cliContext, openRuntime } from './runtime.js';

export async function staffAddCommand(args: ParsedArgs): Promise<number> {
  const role = requireFlag(args, 'role') as Role;
  if (!ROLES.includes(role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
  const runtime = await openRuntime(args);
  try {
    const ctx = await cliContext(runtime, args);
    const generated = stringFlag(args, 'password') === undefined;
    const password = stringFlag(args, 'password') ?? randomBytes(9).toString('base64url');
    const staff = await runtime.services.staff.create(ctx, validate(createStaffBody, {
      username: requireFlag(args, 'username'),
      displayName: stringFlag(args, 'name') ?? requireFlag(args, 'username'),
      password,
      role,
    }));
    console.log(`created staff #${staff.id} ${staff.username} (${staff.role})`);
    if (generated) console.log(`password: ${password}`);
  } finally {
    await runtime.close();
  }
  return 0;
}
