// Test harness: a real server on a real database (SQLite file, or a fresh PostgreSQL schema when
// QUNYUN_TEST_DB=postgres), reached over HTTP like any client would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { PERMISSIONS, type Role } from '../src/auth/permissions.js';
import { REPO_ROOT } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemContext, type AccessContext } from '../src/http/access.js';
import { createServices, type Services } from '../src/services.js';

export const TEST_DB = process.env.QUNYUN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = process.env.QUNYUN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const PASSWORD = 'correct-horse-battery';

export interface TestServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

export async function startServer(options: { webDist?: string } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-test-'));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase(TEST_DB === 'postgres'
    ? { databaseUrl: TEST_PG_URL, dataDir, pgSchema: schema }
    : { dataDir });
  await migrateToLatest(database);
  const services = createServices(database, { dataDir });
  const app = await buildApp(services, {
    // QUNYUN_TEST_WEB_DIST: a console built elsewhere (parallel builds must not share one dist folder).
    webDist: options.webDist ?? process.env.QUNYUN_TEST_WEB_DIST ?? path.join(REPO_ROOT, 'packages/web/dist'),
    logLevel: 'silent',
    secureCookies: false,
    // Tests play clients at several addresses (login throttling per address) through X-Forwarded-For.
    trustProxy: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    async close() {
      await app.close();
      await database.close();
      if (TEST_DB === 'postgres') {
        const client = new pg.Client({ connectionString: TEST_PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestWorkspace {
  id: number;
  key: string;
  ctx: AccessContext;
  /** Creates a staff account with the given role (password PASSWORD) and returns a signed-in client. */
  as(role: Role, username?: string): Promise<Client>;
}

let workspaceCounter = 0;

export async function createWorkspace(server: TestServer, key = `ws${++workspaceCounter}${randomBytes(2).toString('hex')}`): Promise<TestWorkspace> {
  const workspace = await server.services.workspaces.create({ key, name: `Workspace ${key}` });
  const ctx = systemContext(workspace.id, new Set(PERMISSIONS), 'test');
  return {
    id: workspace.id,
    key,
    ctx,
    async as(role: Role, username = `${role}${randomBytes(3).toString('hex')}`) {
      await server.services.staff.create(ctx, { username, displayName: `${role} ${username}`, password: PASSWORD, role });
      return login(server.url, key, username, PASSWORD);
    },
  };
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client with a cookie jar of one session and its CSRF token, or a bearer token. */
export class Client {
  constructor(readonly baseUrl: string, private cookie: string | null = null, private csrf: string | null = null, private bearer: string | null = null) {}

  static anonymous(baseUrl: string) {
    return new Client(baseUrl);
  }

  static withToken(baseUrl: string, token: string) {
    return new Client(baseUrl, null, null, token);
  }

  withoutCsrf() {
    return new Client(this.baseUrl, this.cookie, null, this.bearer);
  }

  get<T = any>(p: string) { return this.send<T>('GET', p); }
  post<T = any>(p: string, body?: unknown) { return this.send<T>('POST', p, body); }
  patch<T = any>(p: string, body?: unknown) { return this.send<T>('PATCH', p, body); }
  delete<T = any>(p: string) { return this.send<T>('DELETE', p); }

  async send<T = any>(method: string, p: string, body?: unknown, rawBody?: string): Promise<Response<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.baseUrl + p, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await res.text();
    let parsed: any = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed, headers: res.headers };
  }
}

export async function login(baseUrl: string, workspace: string, username: string, password: string): Promise<Client> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workspace, username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return new Client(baseUrl, cookie, body.csrfToken);
}
