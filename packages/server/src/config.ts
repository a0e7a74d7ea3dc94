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
  /** Where people reach this server (QUNYUN_PUBLIC_URL), for absolute links in channel QR codes; else the request's origin. */
  publicUrl: string | undefined;
  /** The unverified `dev` signup provider (phone or nickname); on unless QUNYUN_SIGNUP_DEV=0. */
  signupDev: boolean;
  /** WeChat web OAuth for signup (QUNYUN_WECHAT_APPID and QUNYUN_WECHAT_SECRET); off unless both are set. */
  wechat: { appId: string; secret: string } | undefined;
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
    publicUrl: publicUrl(env.QUNYUN_PUBLIC_URL),
    signupDev: env.QUNYUN_SIGNUP_DEV !== '0',
    wechat: wechat(env.QUNYUN_WECHAT_APPID, env.QUNYUN_WECHAT_SECRET),
  };
}

function wechat(appId: string | undefined, secret: string | undefined): Config['wechat'] {
  if (!appId && !secret) return undefined;
  if (!appId || !secret) throw new Error('WeChat signup needs both QUNYUN_WECHAT_APPID and QUNYUN_WECHAT_SECRET');
  return { appId, secret };
}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(value)) throw new Error(`QUNYUN_PUBLIC_URL must be an http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, '');
}
