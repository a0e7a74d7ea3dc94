// GET /meta: roles, the role × permission matrix, identity kinds and token scopes. The doc names these four
// things but not their exact wire shape, so this module accepts the plausible shapes and hands pages one form.
import { api } from './client';
import { IDENTITY_KINDS, type Meta, type Role } from './types';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list item may be a plain string or an object naming itself under one of a few usual keys. */
function nameOf(item: unknown): string | null {
  if (typeof item === 'string') return item;
  if (isObject(item)) {
    for (const key of ['key', 'name', 'id', 'role', 'scope', 'kind', 'permission']) {
      if (typeof item[key] === 'string') return item[key];
    }
  }
  return null;
}

const names = (list: unknown): string[] =>
  Array.isArray(list) ? list.map(nameOf).filter((n): n is string => n !== null) : [];

/** Permissions granted to one role: a list, or a map of permission → boolean. */
function granted(value: unknown): string[] {
  if (Array.isArray(value)) return names(value);
  if (isObject(value)) return Object.entries(value).filter(([, on]) => on === true).map(([p]) => p);
  return [];
}

export function normalizeMeta(raw: unknown): Meta {
  const body = isObject(raw) ? raw : {};
  const matrix: Record<string, string[]> = {};

  const matrixSource = body.matrix ?? body.permissionMatrix ?? body.rolePermissions;
  if (isObject(matrixSource)) {
    for (const [role, perms] of Object.entries(matrixSource)) matrix[role] = granted(perms);
  }
  if (Array.isArray(body.roles)) {
    for (const role of body.roles) {
      const name = nameOf(role);
      if (name && isObject(role) && role.permissions !== undefined && !matrix[name]) matrix[name] = granted(role.permissions);
    }
  }

  const roles = names(body.roles);
  const allPermissions = new Set(names(body.permissions));
  for (const perms of Object.values(matrix)) perms.forEach((p) => allPermissions.add(p));

  const identityKinds = names(body.identityKinds);
  return {
    roles: (roles.length ? roles : Object.keys(matrix)) as Role[],
    permissions: [...allPermissions],
    matrix,
    identityKinds: identityKinds.length ? identityKinds : [...IDENTITY_KINDS],
    tokenScopes: names(body.tokenScopes ?? body.scopes),
  };
}

let cached: Promise<Meta> | null = null;

/** Meta only changes with a server release, so one fetch per page load is enough. */
export function loadMeta(): Promise<Meta> {
  cached ??= api.get<unknown>('/meta').then(normalizeMeta);
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
