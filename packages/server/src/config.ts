// Runtime configuration from the environment and command-line flags.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The built console (packages/web/dist). */
  webDist: string;
  logLevel: string;
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address (login throttling, logs) from X-Forwarded-For. */
  trustProxy: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');

export function loadConfig(flags: { data?: string; port?: string } = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(flags.port ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${flags.port ?? env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(flags.data ?? env.QUNYUN_DATA_DIR ?? path.join(process.cwd(), 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    webDist: path.join(REPO_ROOT, 'packages/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.QUNYUN_SECURE_COOKIES === '1',
    trustProxy: env.QUNYUN_TRUST_PROXY === '1',
  };
}
