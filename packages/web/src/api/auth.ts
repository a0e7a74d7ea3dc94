// Staff session endpoints. The CSRF token travels with the session, so both calls store it for the client.
import { api, request, setCsrfToken } from './client';
import type { Session } from './types';

export async function login(workspace: string, username: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/auth/login', {
    body: { workspace, username, password },
    redirectOn401: false,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function fetchMe(): Promise<Session> {
  const session = await api.get<Session>('/auth/me');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  await request<void>('POST', '/auth/logout', { redirectOn401: false });
  setCsrfToken(null);
}
