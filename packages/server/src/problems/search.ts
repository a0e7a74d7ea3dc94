// How problems are found: the stored search text (what a substring search matches), the LIKE patterns for a query,
// and the list cursors. Pure, so SQLite and PostgreSQL are given exactly the same strings.
import { invalid } from '../http/errors.js';

/** One form for stored text and queries: compatibility forms folded (全角 → half-width) and lower-cased. */
export function normalize(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/**
 * problems.search_text: title, description, tags and every answer, one per line, so a query (which never holds a
 * line break) cannot match across the end of one part and the start of the next.
 */
export function buildSearchText(problem: { title: string; description: string; tags: readonly string[] }, answers: readonly string[]): string {
  return [problem.title, problem.description, ...problem.tags, ...answers].map((part) => normalize(part).replace(/\s+/g, ' ')).join('\n');
}

/** The words of a query: every one must occur (退款 押金 → both). */
export function searchTerms(q: string | undefined): string[] {
  return q ? [...new Set(normalize(q).split(/\s+/).filter(Boolean))] : [];
}

/** A LIKE pattern matching `text` anywhere, with %, _ and the escape character itself taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The list is ordered by (uses, id) or by id alone; the cursor carries the last row's keys. */
export interface ListCursor {
  uses: number | null;
  id: number;
}

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(c.uses === null ? `${c.id}` : `${c.uses}|${c.id}`).toString('base64url');
}

export function decodeCursor(cursor: string, sort: 'newest' | 'reuse'): ListCursor {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  const ok = (s: string | undefined) => s !== undefined && /^\d{1,15}$/.test(s);
  if (sort === 'newest' && parts.length === 1 && ok(parts[0])) return { uses: null, id: Number(parts[0]) };
  if (sort === 'reuse' && parts.length === 2 && ok(parts[0]) && ok(parts[1])) return { uses: Number(parts[0]), id: Number(parts[1]) };
  throw invalid('validation.failed', 'Invalid cursor', { cursor: 'must be a cursor returned by the previous page (with the same sort)' });
}
