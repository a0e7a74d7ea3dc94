// Which import column means what: Chinese and English headers for the member's own fields and identities, any
// other header a profile attribute. The mapping is shown to the user before a row is written.
import type { IdentityKind } from './schema.js';

export type ColumnTarget =
  | { kind: 'memberNo' }
  | { kind: 'nickname' }
  | { kind: 'tags' }
  | { kind: 'createdAt' }
  | { kind: 'identity'; identity: IdentityKind }
  | { kind: 'attribute'; key: string };

export interface MappedColumn {
  index: number;
  header: string;
  target: ColumnTarget;
  /** True when the header is none of the known names, so it became an attribute by default. */
  unknown: boolean;
}

export interface ColumnMapping {
  columns: MappedColumn[];
  /** Columns not imported, with the reason (duplicate meaning, no header, invalid attribute name). */
  ignored: Array<{ index: number; header: string; reason: string }>;
}

/** Headers written as `attr:城市` are attributes even when the name is also a known column (export uses this). */
export const ATTRIBUTE_PREFIX = 'attr:';

const KNOWN: Array<[ColumnTarget, string[]]> = [
  [{ kind: 'memberNo' }, ['学号', '会员号', 'member_no', 'memberno', 'number']],
  [{ kind: 'nickname' }, ['昵称', '群昵称', '姓名', 'nickname', 'name']],
  [{ kind: 'tags' }, ['标签', 'tags', 'tag']],
  [{ kind: 'createdAt' }, ['创建时间', '加入时间', 'created_at', 'createdat']],
  [{ kind: 'identity', identity: 'phone' }, ['手机', '手机号', '手机号码', '电话', 'phone', 'mobile']],
  [{ kind: 'identity', identity: 'wechat_unionid' }, ['unionid', 'wechat_unionid', '微信unionid']],
  [{ kind: 'identity', identity: 'wechat_openid' }, ['openid', 'wechat_openid', '微信openid']],
  [{ kind: 'identity', identity: 'wecom_external_userid' }, ['企业微信id', '企微id', 'wecom_external_userid', 'external_userid']],
  [{ kind: 'identity', identity: 'telegram_user_id' }, ['telegram_user_id', 'telegram', 'telegram_id']],
  [{ kind: 'identity', identity: 'email' }, ['email', 'e-mail', '邮箱', '电子邮箱']],
  [{ kind: 'identity', identity: 'custom' }, ['custom', '自定义id']],
];

const BY_ALIAS = new Map<string, ColumnTarget>(KNOWN.flatMap(([target, aliases]) => aliases.map((a) => [a, target] as const)));

/** Header text compared loosely: full-width forms folded, case and surrounding or inner spaces ignored. */
function normalizeHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
}

export function isKnownHeader(header: string): boolean {
  return BY_ALIAS.has(normalizeHeader(header));
}

/** The attribute-name rule of the API (members/schema.ts `attributes`): 1–40 characters after trimming. */
const MAX_ATTRIBUTE_NAME = 40;

export function mapColumns(header: string[]): ColumnMapping {
  const columns: MappedColumn[] = [];
  const ignored: ColumnMapping['ignored'] = [];
  const single = new Map<string, MappedColumn>();
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) {
      ignored.push({ index, header: raw, reason: 'no header' });
      return;
    }
    const normalized = normalizeHeader(text);
    let target = normalized.startsWith(ATTRIBUTE_PREFIX) ? null : BY_ALIAS.get(normalized) ?? null;
    const unknown = target === null && !normalized.startsWith(ATTRIBUTE_PREFIX);
    if (!target) {
      const key = normalized.startsWith(ATTRIBUTE_PREFIX) ? text.slice(ATTRIBUTE_PREFIX.length).trim() : text;
      if (!key || key.length > MAX_ATTRIBUTE_NAME) {
        ignored.push({ index, header: raw, reason: `attribute names are 1–${MAX_ATTRIBUTE_NAME} characters` });
        return;
      }
      target = { kind: 'attribute', key };
    }
    // Identities and tags may come from several columns (two phone columns are two phones); anything else means
    // one value, so a second column with the same meaning is ambiguous and the first one wins.
    if (target.kind !== 'identity' && target.kind !== 'tags') {
      const slot = target.kind === 'attribute' ? `attribute:${target.key}` : target.kind;
      const earlier = single.get(slot);
      if (earlier) {
        ignored.push({ index, header: raw, reason: `ambiguous: column ${earlier.index + 1} "${earlier.header}" already means ${describeTarget(target)}` });
        return;
      }
      single.set(slot, { index, header: text, target, unknown });
    }
    columns.push({ index, header: text, target, unknown });
  });
  return { columns, ignored };
}

export function describeTarget(target: ColumnTarget): string {
  switch (target.kind) {
    case 'memberNo': return 'member number (学号)';
    case 'nickname': return 'nickname (昵称)';
    case 'tags': return 'tags (标签)';
    case 'createdAt': return 'created at (创建时间)';
    case 'identity': return `identity ${target.identity}`;
    case 'attribute': return `attribute "${target.key}"`;
  }
}

/** The mapping as lines for the terminal: every column, with unknown and ignored ones marked. */
export function describeMapping(mapping: ColumnMapping): string[] {
  const lines = mapping.columns.map((c) => `  ${c.index + 1}. ${c.header} → ${describeTarget(c.target)}${c.unknown ? '  (not a known column: kept as a profile attribute)' : ''}`);
  for (const i of mapping.ignored) lines.push(`  ${i.index + 1}. ${i.header || '(empty)'} → ignored: ${i.reason}`);
  return lines;
}
