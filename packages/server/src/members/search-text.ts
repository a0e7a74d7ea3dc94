// Fragment search text: what a member can be found by (nicknames, phone) in normalized form, and the n-gram
// documents and queries of the SQLite index. Pure functions, so both databases and the tests agree on them.

/** Lower-case letters and digits only; anything else separates segments ("小明妈妈 (X1)" → ["小明妈妈", "x1"]). */
export function segments(value: string): string[] {
  return value.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The stored search text: distinct segments of all names and numbers, space-separated. */
export function buildSearchText(values: Array<string | null | undefined>): string {
  const seen = new Set<string>();
  for (const value of values) if (value) for (const s of segments(value)) seen.add(s);
  return [...seen].join(' ');
}

// A token no query can produce (queries only yield 1–2 character tokens), placed between segments so a phrase
// cannot match across the end of one name and the start of the next.
const SEPARATOR = 'qqsepqq';

/** The FTS5 row for a search text: single characters and overlapping pairs, per segment. */
export function ngramDocument(searchText: string): { uni: string; bi: string } {
  const uni: string[] = [];
  const bi: string[] = [];
  for (const segment of searchText.split(' ').filter(Boolean)) {
    const chars = [...segment];
    uni.push(...new Set(chars));
    for (let i = 0; i + 1 < chars.length; i++) bi.push(chars[i]! + chars[i + 1]!);
    bi.push(SEPARATOR);
  }
  return { uni: uni.join(' '), bi: bi.join(' ') };
}

/** The FTS5 MATCH expression for a fragment, or null when the fragment has no letters or digits. */
export function ngramQuery(fragment: string, workspaceId: number): string | null {
  const chars = [...segments(fragment).join('')];
  if (chars.length === 0) return null;
  const scope = `ws : w${workspaceId}`;
  if (chars.length === 1) return `${scope} AND uni : ${quote(chars[0]!)}`;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return `${scope} AND bi : ${quote(pairs.join(' '))}`;
}

/** The LIKE pattern for PostgreSQL (pg_trgm index), or null as above. */
export function likePattern(fragment: string): string | null {
  const joined = segments(fragment).join('');
  return joined ? `%${joined}%` : null;
}

function quote(phrase: string): string {
  return `"${phrase.replaceAll('"', '""')}"`;
}
