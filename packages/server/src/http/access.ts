// Who is calling and what they may do. Every handler starts with one line, `const ctx = access(req, 'perm')`,
// which refuses (401/403) before anything else happens.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { Permission, Role } from '../auth/permissions.js';

export interface Actor {
  kind: 'staff' | 'token' | 'cli' | 'system' | 'member';
  id: number | null;
  name: string;
}

export interface AccessContext {
  workspaceId: number;
  actor: Actor;
  /** The staff member behind the call (null for API tokens and the CLI). */
  staffId: number | null;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  requestId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    accessContext: AccessContext | null;
    sessionId: string | null;
  }
}

export function access(req: FastifyRequest, permission?: Permission): AccessContext {
  const ctx = req.accessContext;
  if (!ctx) throw new AppError(401, 'auth.required', 'Sign in or send an API token');
  if (permission && !ctx.permissions.has(permission)) {
    throw new AppError(403, 'auth.forbidden', `Your role may not do this (needs ${permission})`);
  }
  return ctx;
}

/** A context for commands run on the machine itself (CLI, demo seeding): full rights in one workspace. */
export function systemContext(workspaceId: number, permissions: ReadonlySet<Permission>, name = 'cli'): AccessContext {
  return { workspaceId, actor: { kind: 'cli', id: null, name }, staffId: null, role: null, permissions, requestId: null };
}
