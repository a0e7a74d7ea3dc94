// Identity providers: how a person proves who they are at signup, giving the identity their member is found (or
// created) by. `dev` (phone or nickname, unverified) stands in on machines without WeChat; `wechat` is WeChat's web
// OAuth (网页授权). See docs/signup-providers.md for plugging in another one.
import type { Config } from '../config.js';
import { AppError } from '../http/errors.js';
import { normalizeIdentity } from '../members/identities.js';
import type { IdentityKind } from '../members/schema.js';

/** What the signup form sent, beyond the channel code and the provider's name. */
export interface SignupCredentials {
  phone?: string;
  nickname?: string;
  /** The `code` WeChat appended to the redirect after the member agreed (WeChat OAuth). */
  authCode?: string;
}

export type Identified =
  | { identity: { kind: IdentityKind; value: string }; nickname: string }
  /** The input is wrong: the field to name and why (answered 400). */
  | { error: { field: string; message: string } };

export interface IdentityProvider {
  /** The value of `provider` in the signup body, and what the landing page lists. */
  readonly name: string;
  identify(input: SignupCredentials): Promise<Identified>;
}

/** The providers a server offers, by name. */
export class IdentityProviders {
  private readonly byName = new Map<string, IdentityProvider>();

  constructor(providers: Iterable<IdentityProvider> = []) {
    for (const provider of providers) this.register(provider);
  }

  /** Adds a provider (or replaces the one of the same name). */
  register(provider: IdentityProvider): void {
    this.byName.set(provider.name, provider);
  }

  get(name: string): IdentityProvider | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

/**
 * The stand-in provider: a phone (identity kind 'phone', normalised like members' phones) or a nickname alone
 * (identity 'custom' `dev:<nickname>`, so the same nickname signs in as the same member). Nothing is verified:
 * anyone may sign in as any phone, so switch it off (QUNYUN_SIGNUP_DEV=0) where members' data matters.
 */
export class DevIdentityProvider implements IdentityProvider {
  readonly name = 'dev';

  async identify(input: SignupCredentials): Promise<Identified> {
    const nickname = input.nickname?.trim() ?? '';
    if (input.phone !== undefined && input.phone.trim() !== '') {
      let phone: string;
      try {
        phone = normalizeIdentity('phone', input.phone, 'phone');
      } catch (error) {
        if (error instanceof AppError) return { error: { field: 'phone', message: error.fields?.phone ?? error.message } };
        throw error;
      }
      return { identity: { kind: 'phone', value: phone }, nickname: nickname || `用户${phone.slice(-4)}` };
    }
    if (nickname) return { identity: { kind: 'custom', value: `dev:${nickname}` }, nickname };
    return { error: { field: 'phone', message: 'give a phone number or a nickname' } };
  }
}

export interface WechatOAuthOptions {
  appId: string;
  secret: string;
  /** https://api.weixin.qq.com unless a test (or a proxy) says otherwise. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Milliseconds per call to WeChat. */
  timeoutMs?: number;
}

interface WechatError { errcode?: number; errmsg?: string }
interface TokenAnswer extends WechatError { access_token?: string; openid?: string; unionid?: string; scope?: string; is_snapshotuser?: number }
interface UserInfoAnswer extends WechatError { nickname?: string; unionid?: string }

/** The provider's own failure (WeChat unreachable or answering nonsense): not the member's fault. */
export class ProviderUnavailable extends AppError {
  constructor(message: string) {
    super(502, 'signup.provider_unavailable', message);
  }
}

/**
 * WeChat web OAuth (公众号网页授权): the member page sends the member to open.weixin.qq.com/connect/oauth2/authorize,
 * WeChat returns with `code`, and the page posts it here as `authCode`. The code is exchanged (sns/oauth2/access_token)
 * for the openid and, when the 公众号 is bound to an Open Platform account, the unionid — the identity used, as it is
 * the same across the company's 公众号 and mini-programs; the nickname comes from sns/userinfo (scope snsapi_userinfo).
 */
export class WechatOAuthProvider implements IdentityProvider {
  readonly name = 'wechat';
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: WechatOAuthOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
    this.fetch = options.fetch ?? fetch;
  }

  async identify(input: SignupCredentials): Promise<Identified> {
    const code = input.authCode?.trim();
    if (!code) return { error: { field: 'authCode', message: 'required: the code WeChat returned to the page' } };
    const token = await this.call<TokenAnswer>('/sns/oauth2/access_token', { appid: this.options.appId, secret: this.options.secret, code, grant_type: 'authorization_code' });
    // 40029 invalid code, 40163 code already used: the member's code, not our configuration.
    if (token.errcode === 40029 || token.errcode === 40163) return { error: { field: 'authCode', message: `WeChat refused the code (${token.errcode}): open the link again` } };
    if (token.errcode) throw new ProviderUnavailable(`WeChat refused the code exchange (${token.errcode} ${token.errmsg ?? ''})`.trim());
    if (!token.openid || !token.access_token) throw new ProviderUnavailable('WeChat answered without an openid');
    // A "snapshot" visitor (朋友圈 preview page) is not a real user yet.
    if (token.is_snapshotuser === 1) return { error: { field: 'authCode', message: 'open the page in WeChat (not the preview) to sign up' } };
    let nickname = '';
    let unionid = token.unionid;
    if (token.scope?.split(',').includes('snsapi_userinfo')) {
      const info = await this.call<UserInfoAnswer>('/sns/userinfo', { access_token: token.access_token, openid: token.openid, lang: 'zh_CN' });
      if (!info.errcode) {
        nickname = (info.nickname ?? '').trim().slice(0, 64);
        unionid ??= info.unionid;
      }
    }
    const identity = unionid ? { kind: 'wechat_unionid' as const, value: unionid } : { kind: 'wechat_openid' as const, value: token.openid };
    return { identity, nickname: input.nickname?.trim() || nickname || '微信用户' };
  }

  private async call<T extends WechatError>(path: string, query: Record<string, string>): Promise<T> {
    const url = `${this.baseUrl}${path}?${new URLSearchParams(query).toString()}`;
    let res: Response;
    try {
      res = await this.fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
    } catch (error) {
      throw new ProviderUnavailable(`WeChat cannot be reached (${(error as Error).name})`);
    }
    if (!res.ok) throw new ProviderUnavailable(`WeChat answered HTTP ${res.status}`);
    try {
      return (await res.json()) as T;
    } catch {
      throw new ProviderUnavailable('WeChat answered something that is not JSON');
    }
  }
}

/** The providers this configuration offers: dev unless switched off, WeChat when its app id and secret are set. */
export function providersFor(config: Pick<Config, 'signupDev' | 'wechat'>): IdentityProvider[] {
  const providers: IdentityProvider[] = [];
  if (config.signupDev) providers.push(new DevIdentityProvider());
  if (config.wechat) providers.push(new WechatOAuthProvider(config.wechat));
  return providers;
}
