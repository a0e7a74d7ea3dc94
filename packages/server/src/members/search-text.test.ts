import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSearchText, likePattern, ngramDocument, ngramQuery, segments } from './search-text.js';

test('segments keep letters and digits, lower-cased, split on everything else', () => {
  assert.deepEqual(segments('小明妈妈🌸（X1群）'), ['小明妈妈', 'x1群']);
  assert.deepEqual(segments('Ｔｏｍ'), ['tom'], 'full-width letters are folded by NFKC');
  assert.deepEqual(segments(' - '), []);
});

test('search text holds each distinct segment once', () => {
  assert.equal(buildSearchText(['小明妈妈', '10023-小明妈妈', null, '139 1234 5678']), '小明妈妈 10023 139 1234 5678');
});

test('the n-gram document has single characters and pairs, with a separator between segments', () => {
  const doc = ngramDocument('小明妈妈 x1');
  assert.equal(doc.uni, '小 明 妈 x 1');
  assert.equal(doc.bi, '小明 明妈 妈妈 qqsepqq x1 qqsepqq');
});

test('queries: one character uses the single-character column, longer fragments a phrase of pairs', () => {
  assert.equal(ngramQuery('明', 7), 'ws : w7 AND uni : "明"');
  assert.equal(ngramQuery('小明妈', 7), 'ws : w7 AND bi : "小明 明妈"');
  assert.equal(ngramQuery('小明 妈', 7), 'ws : w7 AND bi : "小明 明妈"', 'spaces in the query are ignored');
  assert.equal(ngramQuery('🌸', 7), null, 'no letters or digits: no query');
  assert.equal(likePattern('明妈'), '%明妈%');
  assert.equal(likePattern('%_'), null, 'LIKE wildcards never reach the pattern');
});
