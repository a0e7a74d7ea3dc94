// Multipart uploads for the HTTP tests (the harness Client speaks JSON): one file in the field `file` plus text
// fields, sent with the client's session cookie and CSRF header, or its bearer token.
import type { Client, Response } from './harness.js';

export interface TestFile { name: string; type: string; bytes: Buffer | string }

/** A real 1×1 PNG. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The client's credentials as headers, for requests the JSON Client cannot make (multipart, binary answers). */
function credentials(client: Client): Record<string, string> {
  // The Client keeps its credentials private to steer tests through send(); these requests need them directly.
  const creds = client as unknown as { cookie: string | null; csrf: string | null; bearer: string | null };
  const headers: Record<string, string> = {};
  if (creds.cookie) headers.cookie = creds.cookie;
  if (creds.csrf) headers['x-csrf-token'] = creds.csrf;
  if (creds.bearer) headers.authorization = `Bearer ${creds.bearer}`;
  return headers;
}

/** A GET whose answer is not JSON (an image): the raw fetch Response. */
export function fetchRaw(client: Client, path: string): Promise<globalThis.Response> {
  return fetch(client.baseUrl + path, { headers: credentials(client) });
}

export async function upload(client: Client, path: string, file: TestFile | null, fields: Record<string, string> = {}, fieldName = 'file'): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append(fieldName, new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(client.baseUrl + path, { method: 'POST', headers: credentials(client), body: form });
  const text = await res.text();
  let body: unknown = text;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
  return { status: res.status, body, headers: res.headers };
}

/** CSV text as a file part. */
export function csvFile(lines: string[], name = 'group.csv'): TestFile {
  return { name, type: 'text/csv', bytes: `${lines.join('\r\n')}\r\n` };
}
