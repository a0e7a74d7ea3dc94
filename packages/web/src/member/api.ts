// The member pages' HTTP client for /api/m/*: same-origin cookie (qy_member), the write header the server demands,
// and the error envelope {error:{code,message,fields}} turned into MemberApiError. Separate from the console's
// client: a member is not staff, has no CSRF token and must never be bounced to the staff login.
import type {
  Landing, Leaderboard, LeaderboardPeriod, Me, MemberCheckin, MemberHome, SignupBody, SignupResult,
} from './types';

export class MemberApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'MemberApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const SIGNIN_REQUIRED = 'member.signin_required';

export function isSigninRequired(error: unknown): boolean {
  return error instanceof MemberApiError && error.code === SIGNIN_REQUIRED;
}

async function toError(response: Response): Promise<MemberApiError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
    if (error && typeof error.code === 'string') {
      const fields = error.fields && typeof error.fields === 'object' ? (error.fields as Record<string, string>) : {};
      return new MemberApiError(response.status, error.code, typeof error.message === 'string' ? error.message : error.code, fields);
    }
  } catch {
    // Not JSON (a proxy page): the status is all we know.
  }
  return new MemberApiError(response.status, `http.${response.status}`, response.statusText || `HTTP ${response.status}`);
}

interface Send {
  json?: unknown;
  form?: FormData;
}

async function call<T>(method: 'GET' | 'POST', path: string, send: Send = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-qunyun-member'] = '1';
  if (send.json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: send.form ?? (send.json === undefined ? undefined : JSON.stringify(send.json)),
    });
  } catch (cause) {
    throw new MemberApiError(0, 'network.unreachable', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) throw await toError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const seg = encodeURIComponent;

export interface CheckinInput {
  text: string;
  /** Only for a make-up of a past day. */
  day?: number;
  /** Already resized; sent as multipart when there are any. */
  photos: File[];
}

export const memberApi = {
  landing: (code: string) => call<Landing>('GET', `/api/m/landing/${seg(code)}`),
  signup: (body: SignupBody) => call<SignupResult>('POST', '/api/m/signup', { json: body }),
  logout: () => call<unknown>('POST', '/api/m/logout', { json: {} }),
  me: () => call<Me>('GET', '/api/m/me'),
  home: (key: string) => call<MemberHome>('GET', `/api/m/campaigns/${seg(key)}`),
  leaderboard: (key: string, period: LeaderboardPeriod) =>
    call<Leaderboard>('GET', `/api/m/campaigns/${seg(key)}/leaderboard?period=${period}`),
  checkin(key: string, input: CheckinInput): Promise<MemberCheckin> {
    const path = `/api/m/campaigns/${seg(key)}/checkins`;
    if (input.photos.length === 0) {
      return call<MemberCheckin>('POST', path, { json: input.day === undefined ? { text: input.text } : { text: input.text, day: input.day } });
    }
    const form = new FormData();
    form.append('text', input.text);
    if (input.day !== undefined) form.append('day', String(input.day));
    for (const photo of input.photos) form.append('photos', photo, photo.name);
    return call<MemberCheckin>('POST', path, { form });
  },
};
