// A member on the mobile pages, for the HTTP tests: the qy_member cookie jar and the write header of /api/m/*.
import type { Response } from './harness.js';
import type { TestFile } from './multipart.js';

export class MemberClient {
  constructor(readonly baseUrl: string, public cookie: string | null = null, private readonly writeHeader = true) {}

  /** A client signed in with a session created directly (services.memberSessions.create): for tests of later steps. */
  static withSession(baseUrl: string, token: string): MemberClient {
    return new MemberClient(baseUrl, `qy_member=${token}`);
  }

  /** The same member, sending writes without the x-qunyun-member header (to test that it is required). */
  withoutWriteHeader(): MemberClient {
    return new MemberClient(this.baseUrl, this.cookie, false);
  }

  get<T = any>(p: string) { return this.send<T>('GET', p); }
  post<T = any>(p: string, body?: unknown) { return this.send<T>('POST', p, body); }

  async send<T = any>(method: string, p: string, body?: unknown): Promise<Response<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.fetch<T>(method, p, headers, body === undefined ? undefined : JSON.stringify(body));
  }

  /** multipart/form-data: text fields plus files (each under its own field name, e.g. several `photos`). */
  async form<T = any>(p: string, fields: Record<string, string>, files: Array<{ field: string; file: TestFile }> = []): Promise<Response<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const { field, file } of files) {
      form.append(field, new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type }), file.name);
    }
    return this.fetch<T>('POST', p, {}, form);
  }

  /** A GET whose answer is not JSON (an image). */
  raw(p: string): Promise<globalThis.Response> {
    return fetch(this.baseUrl + p, { headers: this.cookie ? { cookie: this.cookie } : {} });
  }

  private async fetch<T>(method: string, p: string, headers: Record<string, string>, body?: string | FormData): Promise<Response<T>> {
    if (this.cookie) headers.cookie = this.cookie;
    if (this.writeHeader && method !== 'GET') headers['x-qunyun-member'] = '1';
    const res = await fetch(this.baseUrl + p, { method, headers, body, redirect: 'manual' });
    // Keep the session the server sets (signup) or clears (logout).
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair!.startsWith('qy_member=')) this.cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) || pair === 'qy_member=' ? null : pair!;
    }
    const text = await res.text();
    let parsed: any = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
