// Every error shown to staff carries the server's message and its stable code, so support can search for it.
import { ApiError } from '../api/client';

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client.error', error instanceof Error ? error.message : String(error));
}

export function errorText(error: unknown): string {
  const e = asApiError(error);
  return `${e.message} (${e.code})`;
}
