// The columns of a group's member list as WeChat/WeCom exports and helper tools write them: which header means
// the group nickname, which an identity, which the join time. Unknown columns are kept in the review row only.
import { normalizeIdentity } from '../members/identities.js';
import type { IdentityKind } from '../members/schema.js';

export type ListColumn =
  | { kind: 'nickname' }
  | { kind: 'memberNo' }
  | { kind: 'joinedAt' }
  /** 'any': a 微信号 column, compared exactly with identities of every kind. */
  | { kind: 'identity'; identity: IdentityKind | 'any' };

const KNOWN: Array<[ListColumn, string[]]> = [
  [{ kind: 'nickname' }, ['群昵称', '群名片', '昵称', '微信昵称', 'nickname', 'groupnickname', 'group_nickname', 'name']],
  [{ kind: 'memberNo' }, ['学号', '会员号', 'member_no', 'memberno']],
  [{ kind: 'joinedAt' }, ['加入时间', '入群时间', '进群时间', 'joinedat', 'joined_at', 'jointime']],
  [{ kind: 'identity', identity: 'phone' }, ['手机', '手机号', '手机号码', '电话', 'phone', 'mobile']],
  [{ kind: 'identity', identity: 'wechat_unionid' }, ['unionid', 'wechat_unionid']],
  [{ kind: 'identity', identity: 'wechat_openid' }, ['openid', 'wechat_openid']],
  [{ kind: 'identity', identity: 'wecom_external_userid' }, ['企业微信id', '企微id', 'external_userid', 'wecom_external_userid', 'userid']],
  [{ kind: 'identity', identity: 'telegram_user_id' }, ['telegram', 'telegram_id', 'telegram_user_id']],
  [{ kind: 'identity', identity: 'email' }, ['email', '邮箱']],
  [{ kind: 'identity', identity: 'any' }, ['微信号', 'wechatid', 'wechat_id', 'wxid', 'wechat']],
];

const BY_ALIAS = new Map<string, ListColumn>(KNOWN.flatMap(([c, aliases]) => aliases.map((a) => [a, c] as const)));

export interface MappedListColumn { index: number; header: string; column: ListColumn }

export function mapListColumns(header: string[]): MappedListColumn[] {
  const out: MappedListColumn[] = [];
  const taken = new Set<string>();
  header.forEach((raw, index) => {
    const column = BY_ALIAS.get(raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ''));
    if (!column) return;
    const slot = column.kind === 'identity' ? `identity:${column.identity}` : column.kind;
    if (taken.has(slot)) return;
    taken.add(slot);
    out.push({ index, header: raw.trim(), column });
  });
  return out;
}

export function describeColumn(c: ListColumn): string {
  switch (c.kind) {
    case 'nickname': return 'group nickname';
    case 'memberNo': return 'member number';
    case 'joinedAt': return 'joined at';
    case 'identity': return c.identity === 'any' ? 'identity (any kind)' : `identity ${c.identity}`;
  }
}

/** All identity kinds; a 微信号 column is compared with every kind, exactly. */
export const ALL_IDENTITY_KINDS: IdentityKind[] = ['wechat_unionid', 'wechat_openid', 'wecom_external_userid', 'phone', 'telegram_user_id', 'email', 'custom'];

/** The identity value in stored form, or null when the cell cannot be one (a phone column holding "n/a"). */
export function identityValue(identity: IdentityKind | 'any', raw: string): string | null {
  if (identity === 'any') return raw.trim() || null;
  try {
    return normalizeIdentity(identity, raw);
  } catch {
    return null;
  }
}

/**
 * Member numbers written into a group nickname ("10023-小明妈妈", "小明妈妈10023"): runs of 5–9 digits not part of a
 * longer number, so an 11-digit phone in a nickname is not read as one.
 */
export function numbersInNickname(nickname: string): number[] {
  const found = new Set<number>();
  for (const match of nickname.normalize('NFKC').matchAll(/(?<!\d)(\d{5,9})(?!\d)/g)) found.add(Number(match[1]));
  return [...found];
}

/** The name part of a nickname for a fuzzy search: without numbers, separators and spaces. */
export function nameFragment(nickname: string): string {
  return nickname.normalize('NFKC').replace(/\d+/g, '').replace(/[\s\-_.·|/\\()（）【】[\]]+/g, '').trim();
}
