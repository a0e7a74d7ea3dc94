// Keeps a member findable by fragment: members.search_text on both databases (pg_trgm indexes it on PostgreSQL),
// plus the n-gram FTS5 row on SQLite.
import { sql } from 'kysely';
import type { DialectName } from '../db/connection.js';
import { scoped, type Executor } from '../db/scoped.js';
import { buildSearchText, ngramDocument } from './search-text.js';

const MAX_FORMER_NICKNAMES = 20;

export async function refreshSearch(db: Executor, dialect: DialectName, workspaceId: number, memberId: number): Promise<void> {
  const s = scoped(db, workspaceId);
  const member = await s.selectFrom('members').select(['nickname', 'merged_into_id', 'erased_at']).where('id', '=', memberId).executeTakeFirst();
  if (!member) return;
  const live = member.merged_into_id === null && member.erased_at === null;
  let searchText = '';
  if (live) {
    const [names, phones] = await Promise.all([
      s.selectFrom('nickname_history').select('nickname').where('member_id', '=', memberId)
        .orderBy('at', 'desc').limit(MAX_FORMER_NICKNAMES).execute(),
      s.selectFrom('member_identities').select('value').where('member_id', '=', memberId).where('kind', '=', 'phone').execute(),
    ]);
    searchText = buildSearchText([member.nickname, ...names.map((n) => n.nickname), ...phones.map((p) => p.value)]);
  }
  await s.updateTable('members').set({ search_text: searchText }).where('id', '=', memberId).execute();
  if (dialect === 'sqlite') await writeNgramRow(db, workspaceId, memberId, searchText);
}

export async function writeNgramRow(db: Executor, workspaceId: number, memberId: number, searchText: string): Promise<void> {
  await sql`DELETE FROM member_search WHERE rowid = ${memberId}`.execute(db);
  if (!searchText) return;
  const doc = ngramDocument(searchText);
  await sql`INSERT INTO member_search (rowid, ws, uni, bi) VALUES (${memberId}, ${`w${workspaceId}`}, ${doc.uni}, ${doc.bi})`.execute(db);
}
