// The one place that talks HTTP to the Qunyun server: session cookie, CSRF header on writes, the error
// envelope turned into ApiError, and the jump to /login when the session is gone.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** Anything else the server put into the envelope (e.g. the holder's memberNo on identity.taken). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

let csrfToken: string | null = null;

/** Called with the token from login or /auth/me; every later non-GET request carries it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  /** A multipart body (file uploads); the browser sets its content type. */
  form?: FormData;
  query?: Query;
  body?: unknown;
  /** Login itself answers 401 for wrong passwords; it must not bounce to /login. */
  redirectOn401?: boolean;
}

const BASE = '/api/v1';

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

function redirectToLogin(): void {
  if (window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: Record<string, unknown> };
    const { code, message, fields, ...details } = parsed.error ?? {};
    if (typeof code === 'string') {
      return new ApiError(
        response.status,
        code,
        typeof message === 'string' ? message : code,
        fields && typeof fields === 'object' ? (fields as Record<string, string>) : {},
        details,
      );
    }
  } catch {
    // Not JSON (a proxy error page, for instance): fall through to a generic error carrying the status.
  }
  return new ApiError(response.status, `http.${response.status}`, text.slice(0, 200) || response.statusText);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (cause) {
    throw new ApiError(0, 'network.unreachable', cause instanceof Error ? cause.message : String(cause));
  }

  if (response.status === 401 && options.redirectOn401 !== false) redirectToLogin();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
