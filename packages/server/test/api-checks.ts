// Assertions shared by the HTTP tests: the error envelope, and the list of routes the server documents, so a
// table of per-route cases can prove it covers every route (a new route without a case fails the test).
import assert from 'node:assert/strict';
import type { Client, Response } from './harness.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every documented route under /api/v1 as "METHOD /api/v1/path/{param}", read from /api/docs/json. */
export async function documentedRoutes(baseUrl: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/docs/json`);
  assert.equal(res.status, 200, 'the OpenAPI document is served');
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  const routes: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of METHODS) if (operations[method]) routes.push(`${method.toUpperCase()} ${path}`);
  }
  assert.ok(routes.length > 20, `expected the API's routes in the OpenAPI document, found ${routes.length}`);
  return routes.sort();
}

/** The case table and the server's routes must match exactly: no route without a case, no case without a route. */
export function assertCoversRoutes(documented: string[], covered: Iterable<string>, what: string): void {
  const cases = new Set(covered);
  const missing = documented.filter((r) => !cases.has(r));
  const stale = [...cases].filter((r) => !documented.includes(r));
  assert.deepEqual(missing, [], `${what}: routes the server documents but this test has no case for`);
  assert.deepEqual(stale, [], `${what}: cases for routes the server does not document`);
}

/** A 4xx in the envelope {error:{code,message,fields?}}, with the given code and (optionally) naming a field. */
export function assertError(res: Response, status: number, code?: string, field?: string): void {
  const where = `${JSON.stringify(res.body)}`;
  assert.equal(res.status, status, `status ${res.status}, expected ${status}: ${where}`);
  assertErrorShape(res);
  if (code !== undefined) assert.equal(res.body.error.code, code, `error code: ${where}`);
  if (field !== undefined) {
    assert.ok(res.body.error.fields && field in res.body.error.fields, `error.fields should name "${field}": ${where}`);
  }
}

/** Just the envelope: exactly one key `error` holding a string code and message, and fields of strings if any. */
export function assertErrorShape(res: Response): void {
  const where = `${res.status} ${JSON.stringify(res.body)}`;
  assert.ok(res.body !== null && typeof res.body === 'object' && !Array.isArray(res.body), `error body is an object: ${where}`);
  assert.deepEqual(Object.keys(res.body), ['error'], `error body has only "error": ${where}`);
  const { code, message, fields, ...rest } = res.body.error as Record<string, unknown>;
  assert.deepEqual(rest, {}, `error has only code, message, fields: ${where}`);
  assert.equal(typeof code, 'string', `error.code is a string: ${where}`);
  assert.ok((code as string).length > 0, `error.code is not empty: ${where}`);
  assert.equal(typeof message, 'string', `error.message is a string: ${where}`);
  if (fields !== undefined) {
    assert.ok(fields !== null && typeof fields === 'object' && !Array.isArray(fields), `error.fields is an object: ${where}`);
    for (const [k, v] of Object.entries(fields as Record<string, unknown>)) assert.equal(typeof v, 'string', `error.fields.${k} is a string: ${where}`);
  }
}

/** Follows nextCursor until the end; fails on a page that repeats an id. */
export async function allPages<T extends { id: number }>(client: Client, path: string, limit = 200): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<number>();
  let cursor: string | null = null;
  for (let pageNo = 0; pageNo < 1000; pageNo++) {
    const sep = path.includes('?') ? '&' : '?';
    const res: Response<{ items: T[]; nextCursor: string | null }> =
      await client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    for (const item of res.body.items) {
      assert.ok(!seen.has(item.id), `${path}: id ${item.id} appears on two pages`);
      seen.add(item.id);
      items.push(item);
    }
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than 1000 pages`);
}

/** Awaits a response, asserts its status (the body is in the message when it differs) and returns the body. */
// `any` by default: tests read arbitrary JSON bodies and assert on them field by field.
export async function ok<T = any>(res: Promise<Response<T>>, status = 200): Promise<T> {
  const r = await res;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}
