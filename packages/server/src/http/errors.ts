// Client-facing errors: a stable code (`member.not_found`), a message, and the fields at fault.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (entity: string, what = entity) => new AppError(404, `${entity}.not_found`, `${what} not found`);
export const conflict = (code: string, message: string, fields?: Record<string, string>) => new AppError(409, code, message, fields);
export const invalid = (code: string, message: string, fields?: Record<string, string>) => new AppError(400, code, message, fields);

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
