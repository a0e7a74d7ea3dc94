// Every /api/v1 route refuses what it should, in the error envelope and never with a 5xx: wrong types, oversized
// strings and unknown fields (400 naming the field), malformed JSON, no session, no CSRF header, the wrong role, a
// token without the scope, a revoked token, ids that do not exist. The route list comes from the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../src/auth/permissions.js';
import { assertCoversRoutes, assertError, assertErrorShape, documentedRoutes } from './api-checks.js';
import { Client, createWorkspace, PASSWORD, startServer, type Response, type TestServer, type TestWorkspace } from './harness.js';
import { csvFile, PNG_1PX, upload } from './multipart.js';
import { badInputModules } from './route-cases/index.js';
import type { Spec } from './route-cases/types.js';

const extraModules = badInputModules();

let server: TestServer;
let W: TestWorkspace;
let owner: Client;
const roles = {} as Record<Role, Client>;
let tokenAuditOnly: Client; // scopes: audit.read
let tokenReadOnly: Client; // scopes: members.read
let revokedToken: Client;
const responses: Array<{ what: string; res: Response }> = [];

/** Ids of real rows, so a refusal is about the caller or the input, never about a missing row. */
const f = { identityId: 0, tagId: 0, groupId: 0, otherGroupId: 0, staffId: 0, teamId: 0, tokenId: 0, mergeId: 0 };
const NO_SUCH = 987654; // an id no row has
/** Campaign fixtures (series with one campaign; an empty series to delete). */
const cf = { seriesId: 0, emptySeriesId: 0, campaignId: 0 };
const NO_SUCH_MEMBER = 99999;

const long = (n: number, ch = 'x') => ch.repeat(n);
/** Chat group fixtures: a group with a QR, member 10001 in it, and one review row from a member-list import. */
const gf = { groupId: 0, reviewId: 0 };
const g = (p = '') => `/api/v1/groups/${gf.groupId}${p}`;
/** For faults in the query string, which is checked before the group is looked up: any well-formed id. */
const anyGroup = (p: string) => `/api/v1/groups/${NO_SUCH}${p}`;
/** Channel fixtures: a channel with an empty pool, visited once, so it has an open alert. */
const chf = { channelId: 0 };

const m = (path = '') => `/api/v1/members/10001${path}`;

const coreSpecs: Record<string, Spec> = {
  'POST /api/v1/auth/login': {
    perm: null,
    url: () => '/api/v1/auth/login',
    body: () => ({ workspace: W.key, username: 'nobody-here', password: 'whatever-password' }),
    bad: [
      { what: 'number for string', body: { workspace: 1, username: 'a', password: 'b' }, field: 'workspace' },
      { what: 'array for string', body: { workspace: 'w', username: ['a'], password: 'b' }, field: 'username' },
      { what: 'object for string', body: { workspace: 'w', username: 'a', password: {} }, field: 'password' },
      { what: 'workspace too long', body: { workspace: long(61), username: 'a', password: 'b' }, field: 'workspace' },
      { what: 'username too long', body: { workspace: 'w', username: long(61), password: 'b' }, field: 'username' },
      { what: 'password too long', body: { workspace: 'w', username: 'a', password: long(201) }, field: 'password' },
      { what: 'password missing', body: { workspace: 'w', username: 'a' }, field: 'password' },
      { what: 'unknown field', body: { workspace: 'w', username: 'a', password: 'b', remember: true }, field: 'remember' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
  },
  'POST /api/v1/auth/logout': { perm: null, url: () => '/api/v1/auth/logout', bad: [] },
  'GET /api/v1/auth/me': { perm: null, url: () => '/api/v1/auth/me', bad: [] },
  'GET /api/v1/meta': { perm: null, url: () => '/api/v1/meta', bad: [] },
  'GET /api/v1/members': {
    perm: 'members.read',
    url: () => '/api/v1/members?q=10001',
    bad: [
      { what: 'q too long', url: `/api/v1/members?q=${long(65)}`, field: 'q' },
      { what: 'q twice (array for string)', url: '/api/v1/members?q=a&q=b', field: 'q' },
      { what: 'tags not ids', url: '/api/v1/members?tags=abc', field: 'tags' },
      { what: 'tags with a hole', url: '/api/v1/members?tags=1,,2', field: 'tags' },
      { what: 'blocked not a boolean', url: '/api/v1/members?blocked=yes', field: 'blocked' },
      { what: 'limit not a number', url: '/api/v1/members?limit=ten', field: 'limit' },
      { what: 'limit zero', url: '/api/v1/members?limit=0', field: 'limit' },
      { what: 'limit too big', url: '/api/v1/members?limit=201', field: 'limit' },
      { what: 'limit a fraction', url: '/api/v1/members?limit=1.5', field: 'limit' },
      { what: 'cursor not a cursor', url: '/api/v1/members?cursor=abc', field: 'cursor' },
      { what: 'unknown parameter', url: '/api/v1/members?sort=name', field: 'sort' },
    ],
    missing: [{ url: () => `/api/v1/members?tags=${NO_SUCH}`, code: 'tag.not_found', field: 'tags' }],
  },
  'POST /api/v1/members': {
    perm: 'members.write',
    wrongRole: 'viewer',
    url: () => '/api/v1/members',
    body: () => ({ nickname: '不该创建' }),
    bad: [
      { what: 'number for nickname', body: { nickname: 5 }, field: 'nickname' },
      { what: 'nickname missing', body: {}, field: 'nickname' },
      { what: 'nickname blank', body: { nickname: '   ' }, field: 'nickname' },
      { what: 'nickname over 64', body: { nickname: long(65, '明') }, field: 'nickname' },
      { what: 'number for phone', body: { nickname: 'a', phone: 13800138000 }, field: 'phone' },
      { what: 'phone over 32', body: { nickname: 'a', phone: long(33, '1') }, field: 'phone' },
      { what: 'object for identities', body: { nickname: 'a', identities: { kind: 'custom', value: 'x' } }, field: 'identities' },
      { what: 'unknown identity kind', body: { nickname: 'a', identities: [{ kind: 'qq', value: '1' }] }, field: 'identities.0.kind' },
      { what: 'number for identity value', body: { nickname: 'a', identities: [{ kind: 'custom', value: 129 }] }, field: 'identities.0.value' },
      { what: 'identity value over 128', body: { nickname: 'a', identities: [{ kind: 'custom', value: long(129) }] }, field: 'identities.0.value' },
      { what: 'unknown identity field', body: { nickname: 'a', identities: [{ kind: 'custom', value: 'x', primary: true }] }, field: 'identities.0.primary' },
      { what: 'more than 20 identities', body: { nickname: 'a', identities: Array.from({ length: 21 }, (_, i) => ({ kind: 'custom', value: `v${i}` })) }, field: 'identities' },
      { what: 'array for attributes', body: { nickname: 'a', attributes: [] }, field: 'attributes' },
      { what: 'string for attributes', body: { nickname: 'a', attributes: 'city=x' }, field: 'attributes' },
      { what: 'object as attribute value', body: { nickname: 'a', attributes: { city: { name: 'x' } } }, field: 'attributes.city' },
      { what: 'attribute value over 500', body: { nickname: 'a', attributes: { note: long(501) } }, field: 'attributes.note' },
      { what: 'attribute name over 40', body: { nickname: 'a', attributes: { [long(41, 'k')]: 1 } }, field: `attributes.${long(41, 'k')}` },
      { what: 'more than 50 attributes', body: { nickname: 'a', attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, field: 'attributes' },
      { what: 'unknown field (a chosen number)', body: { nickname: 'a', memberNo: 10001 }, field: 'memberNo' },
      { what: 'array for the body', body: [{ nickname: 'a' }], field: '(body)' },
      { what: 'phone that is not a phone', body: { nickname: 'a', phone: 'call me' }, field: 'phone', code: 'identity.invalid_phone' },
      { what: 'email identity that is not an email', body: { nickname: 'a', identities: [{ kind: 'email', value: 'nope' }] }, field: 'identities.0.value', code: 'identity.invalid_email' },
    ],
  },
  'GET /api/v1/members/{memberNo}': {
    perm: 'members.read',
    url: () => m(),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/abc', field: 'memberNo' },
      { what: 'member number zero', url: '/api/v1/members/0', field: 'memberNo' },
      { what: 'member number negative', url: '/api/v1/members/-5', field: 'memberNo' },
      { what: 'member number a fraction', url: '/api/v1/members/10001.5', field: 'memberNo' },
      { what: 'member number too big', url: '/api/v1/members/1000000000000', field: 'memberNo' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}`, code: 'member.not_found' }],
  },
  'GET /api/v1/members/lookup': {
    perm: 'members.read',
    url: () => '/api/v1/members/lookup?kind=custom&value=nobody',
    bad: [
      { what: 'unknown kind', url: '/api/v1/members/lookup?kind=qq&value=1', field: 'kind' },
      { what: 'value missing', url: '/api/v1/members/lookup?kind=custom', field: 'value' },
      { what: 'value too long', url: `/api/v1/members/lookup?kind=custom&value=${long(129)}`, field: 'value' },
      { what: 'unknown parameter', url: '/api/v1/members/lookup?kind=custom&value=1&extra=1', field: 'extra' },
      { what: 'not a phone number', url: '/api/v1/members/lookup?kind=phone&value=abc', field: 'value', code: 'identity.invalid_phone' },
    ],
    missing: [{ url: () => '/api/v1/members/lookup?kind=wechat_unionid&value=o6_nobody', code: 'member.not_found' }],
  },
  'PATCH /api/v1/members/{memberNo}': {
    perm: 'members.write',
    wrongRole: 'sales',
    url: () => m(),
    body: () => ({ nickname: '不该改名' }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/abc', field: 'memberNo' },
      { what: 'number for nickname', body: { nickname: 7 }, field: 'nickname' },
      { what: 'nickname over 64', body: { nickname: long(65) }, field: 'nickname' },
      { what: 'array for attributes', body: { attributes: [1] }, field: 'attributes' },
      { what: 'unknown field (phone is an identity)', body: { phone: '13800138000' }, field: 'phone' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}`, body: { nickname: 'x' }, code: 'member.not_found' }],
  },
  'GET /api/v1/members/{memberNo}/nicknames': {
    perm: 'members.read',
    url: () => m('/nicknames'),
    bad: [{ what: 'member number not a number', url: '/api/v1/members/x/nicknames', field: 'memberNo' }],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/nicknames`, code: 'member.not_found' }],
  },
  'POST /api/v1/members/{memberNo}/identities': {
    perm: 'members.write',
    wrongRole: 'sales',
    url: () => m('/identities'),
    body: () => ({ kind: 'custom', value: 'not-added' }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/identities', field: 'memberNo' },
      { what: 'number for kind', body: { kind: 5, value: 'x' }, field: 'kind' },
      { what: 'unknown kind', body: { kind: 'qq', value: 'x' }, field: 'kind' },
      { what: 'kind missing', body: { value: 'x' }, field: 'kind' },
      { what: 'number for value', body: { kind: 'custom', value: 5 }, field: 'value' },
      { what: 'value empty', body: { kind: 'custom', value: '  ' }, field: 'value' },
      { what: 'value over 128', body: { kind: 'custom', value: long(129) }, field: 'value' },
      { what: 'unknown field', body: { kind: 'custom', value: 'x', verified: true }, field: 'verified' },
      { what: 'phone that is not a phone', body: { kind: 'phone', value: '12ab' }, field: 'value', code: 'identity.invalid_phone' },
      { what: 'telegram id that is not a number', body: { kind: 'telegram_user_id', value: '@name' }, field: 'value', code: 'identity.invalid_telegram_id' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/identities`, body: { kind: 'custom', value: 'x' }, code: 'member.not_found' }],
  },
  'DELETE /api/v1/members/{memberNo}/identities/{id}': {
    perm: 'members.write',
    wrongRole: 'viewer',
    url: () => m(`/identities/${f.identityId}`),
    bad: [
      { what: 'id not a number', url: m('/identities/abc'), field: 'id' },
      { what: 'id zero', url: m('/identities/0'), field: 'id' },
      { what: 'member number not a number', url: '/api/v1/members/x/identities/1', field: 'memberNo' },
    ],
    missing: [
      { url: () => m(`/identities/${NO_SUCH}`), code: 'identity.not_found' },
      { url: () => `/api/v1/members/${NO_SUCH_MEMBER}/identities/${f.identityId}`, code: 'member.not_found' },
    ],
  },
  'POST /api/v1/members/{memberNo}/tags': {
    perm: 'members.tag',
    wrongRole: 'viewer',
    url: () => m('/tags'),
    body: () => ({ tagId: f.tagId }),
    bad: [
      { what: 'string for tagId', body: { tagId: '1' }, field: 'tagId' },
      { what: 'fraction for tagId', body: { tagId: 1.5 }, field: 'tagId' },
      { what: 'negative tagId', body: { tagId: -1 }, field: 'tagId' },
      { what: 'array for tagId', body: { tagId: [1] }, field: 'tagId' },
      { what: 'tagId missing', body: {}, field: 'tagId' },
      { what: 'unknown field', body: { tagId: 1, tagIds: [1] }, field: 'tagIds' },
    ],
    missing: [
      { url: () => m('/tags'), body: { tagId: NO_SUCH }, code: 'tag.not_found', field: 'tagId' },
      { url: () => `/api/v1/members/${NO_SUCH_MEMBER}/tags`, code: 'member.not_found' },
    ],
  },
  'DELETE /api/v1/members/{memberNo}/tags/{tagId}': {
    perm: 'members.tag',
    wrongRole: 'viewer',
    url: () => m(`/tags/${f.tagId}`),
    bad: [
      { what: 'tagId not a number', url: m('/tags/abc'), field: 'tagId' },
      { what: 'member number not a number', url: '/api/v1/members/x/tags/1', field: 'memberNo' },
    ],
    missing: [
      { url: () => m(`/tags/${NO_SUCH}`), code: 'tag.not_found' },
      { url: () => `/api/v1/members/${NO_SUCH_MEMBER}/tags/${f.tagId}`, code: 'member.not_found' },
    ],
  },
  'GET /api/v1/members/{memberNo}/records': {
    perm: 'members.read',
    url: () => m('/records'),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/records', field: 'memberNo' },
      { what: 'limit not a number', url: m('/records?limit=all'), field: 'limit' },
      { what: 'limit too big', url: m('/records?limit=500'), field: 'limit' },
      { what: 'cursor with bad characters', url: m('/records?cursor=***'), field: 'cursor' },
      { what: 'cursor that was never issued', url: m('/records?cursor=abc'), field: 'cursor' },
      { what: 'unknown parameter', url: m('/records?kind=note'), field: 'kind' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/records`, code: 'member.not_found' }],
  },
  'POST /api/v1/members/{memberNo}/records': {
    perm: 'records.write',
    wrongRole: 'viewer',
    url: () => m('/records'),
    body: () => ({ kind: 'note', content: '不该写入' }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/records', field: 'memberNo' },
      { what: 'unknown kind', body: { kind: 'email', content: 'x' }, field: 'kind' },
      { what: 'number for kind', body: { kind: 1, content: 'x' }, field: 'kind' },
      { what: 'number for content', body: { kind: 'note', content: 5 }, field: 'content' },
      { what: 'content blank', body: { kind: 'note', content: '  ' }, field: 'content' },
      { what: 'content over 5000', body: { kind: 'note', content: long(5001) }, field: 'content' },
      { what: 'occurredAt not a date', body: { kind: 'note', content: 'x', occurredAt: 'yesterday' }, field: 'occurredAt' },
      { what: 'number for occurredAt', body: { kind: 'note', content: 'x', occurredAt: 1767225600000 }, field: 'occurredAt' },
      { what: 'occurredAt on a day that does not exist', body: { kind: 'note', content: 'x', occurredAt: '2026-02-30T10:00:00Z' }, field: 'occurredAt' },
      { what: 'unknown field', body: { kind: 'note', content: 'x', staffId: 1 }, field: 'staffId' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/records`, body: { kind: 'note', content: 'x' }, code: 'member.not_found' }],
  },
  'POST /api/v1/members/{memberNo}/block': {
    perm: 'members.block',
    wrongRole: 'sales',
    url: () => m('/block'),
    body: () => ({ reason: '不该拉黑' }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/block', field: 'memberNo' },
      { what: 'reason missing', body: {}, field: 'reason' },
      { what: 'number for reason', body: { reason: 5 }, field: 'reason' },
      { what: 'reason over 500', body: { reason: long(501) }, field: 'reason' },
      { what: 'unknown field', body: { reason: 'x', until: '2027-01-01' }, field: 'until' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/block`, body: { reason: 'x' }, code: 'member.not_found' }],
  },
  'POST /api/v1/members/{memberNo}/unblock': {
    perm: 'members.block',
    wrongRole: 'viewer',
    url: () => '/api/v1/members/10002/unblock',
    body: () => ({ reason: '不该解除' }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/unblock', field: 'memberNo' },
      { what: 'number for reason', body: { reason: 5 }, field: 'reason' },
      { what: 'reason over 500', body: { reason: long(501) }, field: 'reason' },
      { what: 'unknown field', body: { force: true }, field: 'force' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/unblock`, body: {}, code: 'member.not_found' }],
  },
  'POST /api/v1/members/{memberNo}/merge': {
    perm: 'members.merge',
    wrongRole: 'operator',
    url: () => m('/merge'),
    body: () => ({ fromMemberNo: 10002 }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/merge', field: 'memberNo' },
      { what: 'string for fromMemberNo', body: { fromMemberNo: '10002' }, field: 'fromMemberNo' },
      { what: 'fromMemberNo missing', body: {}, field: 'fromMemberNo' },
      { what: 'fromMemberNo zero', body: { fromMemberNo: 0 }, field: 'fromMemberNo' },
      { what: 'fraction for fromMemberNo', body: { fromMemberNo: 10002.5 }, field: 'fromMemberNo' },
      { what: 'unknown field', body: { fromMemberNo: 10002, keep: 'both' }, field: 'keep' },
      { what: 'merging a member into itself', body: { fromMemberNo: 10001 }, field: 'fromMemberNo', code: 'member.merge_self' },
    ],
    missing: [
      { url: () => m('/merge'), body: { fromMemberNo: NO_SUCH_MEMBER }, code: 'member.not_found', field: 'fromMemberNo' },
      { url: () => `/api/v1/members/${NO_SUCH_MEMBER}/merge`, body: { fromMemberNo: 10002 }, code: 'member.not_found' },
    ],
  },
  'GET /api/v1/members/{memberNo}/merges': {
    perm: 'members.read',
    url: () => m('/merges'),
    bad: [{ what: 'member number not a number', url: '/api/v1/members/x/merges', field: 'memberNo' }],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/merges`, code: 'member.not_found' }],
  },
  'POST /api/v1/merges/{id}/undo': {
    perm: 'members.merge',
    wrongRole: 'operator',
    url: () => `/api/v1/merges/${f.mergeId}/undo`,
    bad: [
      { what: 'id not a number', url: '/api/v1/merges/abc/undo', field: 'id' },
      { what: 'id zero', url: '/api/v1/merges/0/undo', field: 'id' },
      { what: 'id a fraction', url: '/api/v1/merges/1.5/undo', field: 'id' },
    ],
    missing: [{ url: () => `/api/v1/merges/${NO_SUCH}/undo`, code: 'merge.not_found' }],
  },
  'POST /api/v1/members/{memberNo}/erase': {
    perm: 'members.erase',
    wrongRole: 'operator',
    url: () => m('/erase'),
    body: () => ({ confirmMemberNo: 10001 }),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/erase', field: 'memberNo' },
      { what: 'string for confirmMemberNo', body: { confirmMemberNo: '10001' }, field: 'confirmMemberNo' },
      { what: 'confirmMemberNo missing', body: {}, field: 'confirmMemberNo' },
      { what: 'unknown field', body: { confirmMemberNo: 10001, reason: 'asked' }, field: 'reason' },
      { what: 'confirmation of another number', body: { confirmMemberNo: 10002 }, field: 'confirmMemberNo', code: 'member.erase_unconfirmed' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/erase`, body: { confirmMemberNo: NO_SUCH_MEMBER }, code: 'member.not_found' }],
  },
  'GET /api/v1/members/{memberNo}/audit': {
    perm: 'audit.read',
    wrongRole: 'viewer',
    url: () => m('/audit'),
    bad: [
      { what: 'member number not a number', url: '/api/v1/members/x/audit', field: 'memberNo' },
      { what: 'limit not a number', url: m('/audit?limit=x'), field: 'limit' },
      { what: 'cursor not a cursor', url: m('/audit?cursor=abc'), field: 'cursor' },
      { what: 'unknown parameter', url: m('/audit?action=member.create'), field: 'action' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/audit`, code: 'member.not_found' }],
  },
  'GET /api/v1/series': { perm: 'campaigns.read', url: () => '/api/v1/series', bad: [] },
  'POST /api/v1/series': {
    perm: 'campaigns.manage',
    wrongRole: 'sales',
    url: () => '/api/v1/series',
    body: () => ({ key: 'NEVER', name: '不该创建' }),
    bad: [
      { what: 'lower-case key', body: { key: 'x', name: 'n' }, field: 'key' },
      { what: 'key starting with a digit', body: { key: '1X', name: 'n' }, field: 'key' },
      { what: 'key over 8', body: { key: 'ABCDEFGHI', name: 'n' }, field: 'key' },
      { what: 'number for key', body: { key: 1, name: 'n' }, field: 'key' },
      { what: 'name missing', body: { key: 'Q' }, field: 'name' },
      { what: 'name over 60', body: { key: 'Q', name: long(61) }, field: 'name' },
      { what: 'theme over 60', body: { key: 'Q', name: 'n', theme: long(61) }, field: 'theme' },
      { what: 'unknown field', body: { key: 'Q', name: 'n', edition: 1 }, field: 'edition' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
  },
  'GET /api/v1/series/{id}': {
    perm: 'campaigns.read',
    url: () => `/api/v1/series/${cf.seriesId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/series/abc', field: 'id' }, { what: 'id zero', url: '/api/v1/series/0', field: 'id' }],
    missing: [{ url: () => `/api/v1/series/${NO_SUCH}`, code: 'series.not_found', field: 'seriesId' }],
  },
  'PATCH /api/v1/series/{id}': {
    perm: 'campaigns.manage',
    wrongRole: 'viewer',
    url: () => `/api/v1/series/${cf.seriesId}`,
    body: () => ({ name: '不该改名' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/series/abc', field: 'id' },
      { what: 'bad key', body: { key: 'x-1' }, field: 'key' },
      { what: 'name blank', body: { name: ' ' }, field: 'name' },
      { what: 'unknown field', body: { campaignCount: 0 }, field: 'campaignCount' },
    ],
    missing: [{ url: () => `/api/v1/series/${NO_SUCH}`, body: { name: 'x' }, code: 'series.not_found' }],
  },
  'DELETE /api/v1/series/{id}': {
    perm: 'campaigns.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/series/${cf.emptySeriesId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/series/abc', field: 'id' }],
    missing: [{ url: () => `/api/v1/series/${NO_SUCH}`, code: 'series.not_found' }],
  },
  'GET /api/v1/campaigns': {
    perm: 'campaigns.read',
    url: () => '/api/v1/campaigns',
    bad: [
      { what: 'seriesId not a number', url: '/api/v1/campaigns?seriesId=x', field: 'seriesId' },
      { what: 'unknown status', url: '/api/v1/campaigns?status=live', field: 'status' },
      { what: 'status twice', url: '/api/v1/campaigns?status=draft&status=ended', field: 'status' },
      { what: 'unknown parameter', url: '/api/v1/campaigns?q=X1', field: 'q' },
    ],
    missing: [{ url: () => `/api/v1/campaigns?seriesId=${NO_SUCH}`, code: 'series.not_found', field: 'seriesId' }],
  },
  'POST /api/v1/campaigns': {
    perm: 'campaigns.manage',
    wrongRole: 'sales',
    url: () => '/api/v1/campaigns',
    body: () => ({ seriesId: cf.seriesId, name: '不该创建', startsOn: '2030-05-01', endsOn: '2030-05-21' }),
    bad: [
      ...((b: Record<string, unknown>) => [
        { what: 'seriesId missing', body: { ...b, seriesId: undefined }, field: 'seriesId' },
        { what: 'string for seriesId', body: { ...b, seriesId: '1' }, field: 'seriesId' },
        { what: 'name over 60', body: { ...b, name: long(61) }, field: 'name' },
        { what: 'startsOn not a date', body: { ...b, startsOn: 'tomorrow' }, field: 'startsOn' },
        { what: 'endsOn on a day that does not exist', body: { ...b, endsOn: '2030-02-30' }, field: 'endsOn' },
        { what: 'signupOpensAt not a date-time', body: { ...b, signupOpensAt: '2030-04-01' }, field: 'signupOpensAt' },
        { what: 'fraction for priceCents', body: { ...b, priceCents: 99.5 }, field: 'priceCents' },
        { what: 'negative depositCents', body: { ...b, depositCents: -100 }, field: 'depositCents' },
        { what: 'zero capacity', body: { ...b, capacity: 0 }, field: 'capacity' },
        { what: 'timezone over 64', body: { ...b, timezone: long(65) }, field: 'timezone' },
        { what: 'string for rules', body: { ...b, rules: '21/15' }, field: 'rules' },
        { what: 'daysTotal zero', body: { ...b, rules: { daysTotal: 0 } }, field: 'rules.daysTotal' },
        { what: 'reminder time 24:00', body: { ...b, rules: { reminderTime: '24:00' } }, field: 'rules.reminderTime' },
        { what: 'unknown make-up field', body: { ...b, rules: { makeup: { perWeek: 1 } } }, field: 'rules.makeup.perWeek' },
        { what: 'unknown field', body: { ...b, key: 'X9' }, field: 'key' },
        { what: 'unknown time zone', body: { ...b, timezone: 'Mars/Olympus' }, field: 'timezone', code: 'campaign.invalid' },
        { what: 'ends before it starts', body: { ...b, endsOn: '2030-04-30' }, field: 'endsOn', code: 'campaign.invalid' },
        { what: 'refund days over daysTotal', body: { ...b, rules: { daysRequiredForRefund: 22 } }, field: 'rules.daysRequiredForRefund', code: 'campaign.invalid' },
      ])({ seriesId: 1, name: 'n', startsOn: '2030-05-01', endsOn: '2030-05-21' }),
    ],
    missing: [{ url: () => '/api/v1/campaigns', body: { seriesId: NO_SUCH, name: 'x', startsOn: '2030-05-01', endsOn: '2030-05-21' }, code: 'series.not_found', field: 'seriesId' }],
  },
  'GET /api/v1/campaigns/{id}': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/campaigns/X1', field: 'id' }, { what: 'id a fraction', url: '/api/v1/campaigns/1.5', field: 'id' }],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'PATCH /api/v1/campaigns/{id}': {
    perm: 'campaigns.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/campaigns/${cf.campaignId}`,
    body: () => ({ name: '不该改名' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc', field: 'id' },
      { what: 'null name', body: { name: null }, field: 'name' },
      { what: 'overrideReason blank', body: { overrideReason: ' ' }, field: 'overrideReason' },
      { what: 'overrideReason over 500', body: { overrideReason: long(501) }, field: 'overrideReason' },
      { what: 'string for capacity', body: { capacity: '200' }, field: 'capacity' },
      { what: 'window end not a time', body: { rules: { dayWindow: { start: '00:00', end: '24:00' } } }, field: 'rules.dayWindow.end' },
      { what: 'unknown field (series is fixed)', body: { seriesId: 1 }, field: 'seriesId' },
      { what: 'daysTotal beyond the dates', body: { rules: { daysTotal: 22 } }, field: 'rules.daysTotal', code: 'campaign.invalid' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}`, body: { name: 'x' }, code: 'campaign.not_found' }],
  },
  'POST /api/v1/campaigns/{id}/archive': {
    perm: 'campaigns.manage',
    wrongRole: 'viewer',
    url: () => `/api/v1/campaigns/${cf.campaignId}/archive`,
    bad: [{ what: 'id not a number', url: '/api/v1/campaigns/abc/archive', field: 'id' }],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/archive`, code: 'campaign.not_found' }],
  },
  'POST /api/v1/campaigns/{id}/unarchive': {
    perm: 'campaigns.manage',
    wrongRole: 'viewer',
    url: () => `/api/v1/campaigns/${cf.campaignId}/unarchive`,
    bad: [{ what: 'id not a number', url: '/api/v1/campaigns/abc/unarchive', field: 'id' }],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/unarchive`, code: 'campaign.not_found' }],
  },
  'GET /api/v1/channels': {
    perm: 'channels.read',
    url: () => '/api/v1/channels?archived=false',
    bad: [
      { what: 'archived not a boolean', url: '/api/v1/channels?archived=yes', field: 'archived' },
      { what: 'unknown parameter', url: '/api/v1/channels?level=1', field: 'level' },
    ],
  },
  'POST /api/v1/channels': {
    perm: 'channels.manage',
    wrongRole: 'sales',
    url: () => '/api/v1/channels',
    body: () => ({ name: '不该创建' }),
    bad: [
      { what: 'name missing', body: {}, field: 'name' },
      { what: 'name blank', body: { name: '  ' }, field: 'name' },
      { what: 'name over 60', body: { name: long(61) }, field: 'name' },
      { what: 'code too short', body: { name: 'n', code: 'ab' }, field: 'code' },
      { what: 'code with a slash', body: { name: 'n', code: 'a/bcd' }, field: 'code' },
      { what: 'threshold zero', body: { name: 'n', threshold: 0 }, field: 'threshold' },
      { what: 'threshold a fraction', body: { name: 'n', threshold: 1.5 }, field: 'threshold' },
      { what: 'negative cost', body: { name: 'n', costCents: -1 }, field: 'costCents' },
      { what: 'fallback over 500', body: { name: 'n', fallbackMessage: long(501) }, field: 'fallbackMessage' },
      { what: 'string for parentId', body: { name: 'n', parentId: 'top' }, field: 'parentId' },
      { what: 'unknown field', body: { name: 'n', level: 1 }, field: 'level' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
    missing: [
      { url: () => '/api/v1/channels', body: { name: 'n', parentId: NO_SUCH }, code: 'channel.not_found', field: 'parentId' },
      { url: () => '/api/v1/channels', body: { name: 'n', ownerStaffId: NO_SUCH }, code: 'staff.not_found', field: 'ownerStaffId' },
    ],
  },
  'GET /api/v1/channels/{id}': {
    perm: 'channels.read',
    url: () => `/api/v1/channels/${chf.channelId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/channels/abc', field: 'id' }, { what: 'id zero', url: '/api/v1/channels/0', field: 'id' }],
    missing: [{ url: () => `/api/v1/channels/${NO_SUCH}`, code: 'channel.not_found' }],
  },
  'PATCH /api/v1/channels/{id}': {
    perm: 'channels.manage',
    wrongRole: 'viewer',
    url: () => `/api/v1/channels/${chf.channelId}`,
    body: () => ({ archived: true }),
    bad: [
      { what: 'id not a number', url: '/api/v1/channels/abc', field: 'id' },
      { what: 'string for archived', body: { archived: 'yes' }, field: 'archived' },
      { what: 'threshold over 500', body: { threshold: 501 }, field: 'threshold' },
      { what: 'code cannot change', body: { code: 'newcode' }, field: 'code' },
      { what: 'parent cannot change', body: { parentId: 1 }, field: 'parentId' },
    ],
    missing: [
      { url: () => `/api/v1/channels/${NO_SUCH}`, body: { name: 'x' }, code: 'channel.not_found' },
      { url: () => `/api/v1/channels/${chf.channelId}`, body: { ownerStaffId: NO_SUCH }, code: 'staff.not_found', field: 'ownerStaffId' },
    ],
  },
  'PUT /api/v1/channels/{id}/pool': {
    perm: 'channels.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/channels/${chf.channelId}/pool`,
    body: () => ({ groupIds: [] }),
    bad: [
      { what: 'id not a number', url: '/api/v1/channels/abc/pool', field: 'id' },
      { what: 'groupIds missing', body: {}, field: 'groupIds' },
      { what: 'object for groupIds', body: { groupIds: { 0: 1 } }, field: 'groupIds' },
      { what: 'a zero group id', body: { groupIds: [0] }, field: 'groupIds.0' },
      { what: 'more than 50 groups', body: { groupIds: Array.from({ length: 51 }, (_, i) => i + 1) }, field: 'groupIds' },
      { what: 'a group twice', body: { groupIds: [5, 5] }, field: 'groupIds.1', code: 'channel.duplicate_group' },
      { what: 'unknown field', body: { groupIds: [], mode: 'random' }, field: 'mode' },
    ],
    missing: [
      { url: () => `/api/v1/channels/${NO_SUCH}/pool`, body: { groupIds: [] }, code: 'channel.not_found' },
      { url: () => `/api/v1/channels/${chf.channelId}/pool`, body: { groupIds: [NO_SUCH] }, code: 'group.not_found', field: 'groupIds.0' },
    ],
  },
  'GET /api/v1/channels/{id}/stats': {
    perm: 'channels.read',
    url: () => `/api/v1/channels/${chf.channelId}/stats`,
    bad: [
      { what: 'from not a date', url: `/api/v1/channels/${NO_SUCH}/stats?from=2026-1-1`, field: 'from' },
      { what: 'to twice', url: `/api/v1/channels/${NO_SUCH}/stats?to=2026-01-01&to=2026-01-02`, field: 'to' },
      { what: 'unknown parameter', url: `/api/v1/channels/${NO_SUCH}/stats?groupId=1`, field: 'groupId' },
    ],
    missing: [{ url: () => `/api/v1/channels/${NO_SUCH}/stats`, code: 'channel.not_found' }],
  },
  'GET /api/v1/channels/{id}/qr.png': {
    perm: 'channels.read',
    url: () => `/api/v1/channels/${chf.channelId}/qr.png`,
    bad: [
      { what: 'size too small', url: `/api/v1/channels/${NO_SUCH}/qr.png?size=255`, field: 'size' },
      { what: 'size too big', url: `/api/v1/channels/${NO_SUCH}/qr.png?size=1025`, field: 'size' },
      { what: 'size not a number', url: `/api/v1/channels/${NO_SUCH}/qr.png?size=big`, field: 'size' },
    ],
    missing: [{ url: () => `/api/v1/channels/${NO_SUCH}/qr.png`, code: 'channel.not_found' }],
  },
  'GET /api/v1/channels/{id}/qr.svg': {
    perm: 'channels.read',
    url: () => `/api/v1/channels/${chf.channelId}/qr.svg`,
    bad: [{ what: 'id not a number', url: '/api/v1/channels/abc/qr.svg', field: 'id' }],
    missing: [{ url: () => `/api/v1/channels/${NO_SUCH}/qr.svg`, code: 'channel.not_found' }],
  },
  'POST /api/v1/events': {
    perm: 'events.write',
    wrongRole: 'viewer',
    url: () => '/api/v1/events',
    body: () => ({ events: [{ id: 'bad-input-1', member: 10001, name: 'page.view', at: '2026-05-01T08:00:00Z' }] }),
    bad: [
      { what: 'array for the body', body: [], field: '(body)' },
      { what: 'events missing', body: {}, field: 'events' },
      { what: 'object for events', body: { events: { 0: {} } }, field: 'events' },
      { what: 'no events', body: { events: [] }, field: 'events' },
      { what: 'more than 1,000 events', body: { events: Array.from({ length: 1001 }, () => ({})) }, field: 'events' },
      { what: 'body over 2 MB', body: { events: [{ id: 'x', props: { s: long(2 * 1024 * 1024) } }] }, field: '(body)' },
      { what: 'unknown field', body: { events: [{}], source: 'x' }, field: 'source' },
    ],
  },
  'GET /api/v1/members/{memberNo}/events': {
    perm: 'members.read',
    url: () => m('/events'),
    bad: [
      { what: 'memberNo not a number', url: '/api/v1/members/abc/events', field: 'memberNo' },
      { what: 'limit too big', url: m('/events?limit=201'), field: 'limit' },
      { what: 'cursor not a cursor', url: m('/events?cursor=a%20b'), field: 'cursor' },
      { what: 'unknown parameter', url: m('/events?name=page.view'), field: 'name' },
    ],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/events`, code: 'member.not_found' }],
  },
  'GET /api/v1/campaigns/{id}/settlement': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}/settlement`,
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc/settlement', field: 'id' },
      { what: 'id zero', url: '/api/v1/campaigns/0/settlement', field: 'id' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/settlement`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'POST /api/v1/campaigns/{id}/settlement/decisions': {
    perm: 'settlement.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/campaigns/${cf.campaignId}/settlement/decisions`,
    body: () => ({ class: 'eligible', decision: 'refund' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc/settlement/decisions', field: 'id' },
      { what: 'decision missing', body: { class: 'eligible' }, field: 'decision' },
      { what: 'unknown decision', body: { class: 'eligible', decision: 'keep' }, field: 'decision' },
      { what: 'unknown class', body: { class: 'almost', decision: 'refund' }, field: 'class' },
      { what: 'both enrollmentIds and class', body: { enrollmentIds: [1], class: 'eligible', decision: 'refund' }, field: 'enrollmentIds' },
      { what: 'neither enrollmentIds nor class', body: { decision: 'refund' }, field: 'class' },
      { what: 'no enrollment ids', body: { enrollmentIds: [], decision: 'refund' }, field: 'enrollmentIds' },
      { what: 'more than 1,000 ids', body: { enrollmentIds: Array.from({ length: 1001 }, (_, i) => i + 1), decision: 'refund' }, field: 'enrollmentIds' },
      { what: 'string for an id', body: { enrollmentIds: ['1'], decision: 'refund' }, field: 'enrollmentIds.0' },
      { what: 'an id twice', body: { enrollmentIds: [5, 6, 5], decision: 'refund' }, field: 'enrollmentIds.2' },
      { what: 'reason blank', body: { class: 'eligible', decision: 'forfeit', reason: ' ' }, field: 'reason' },
      { what: 'reason over 500', body: { class: 'eligible', decision: 'forfeit', reason: long(501) }, field: 'reason' },
      { what: 'unknown field', body: { class: 'eligible', decision: 'refund', amountCents: 1 }, field: 'amountCents' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/settlement/decisions`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'POST /api/v1/enrollments/{id}/refund': {
    perm: 'settlement.manage',
    wrongRole: 'viewer',
    // This workspace has no enrollment; the caller and the input are checked before the enrollment is looked up.
    url: () => `/api/v1/enrollments/${NO_SUCH}/refund`,
    body: () => ({ amountCents: 9900, reference: 'WX1' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/enrollments/abc/refund', field: 'id' },
      { what: 'amount missing', body: { reference: 'x' }, field: 'amountCents' },
      { what: 'amount zero', body: { amountCents: 0, reference: 'x' }, field: 'amountCents' },
      { what: 'amount a fraction', body: { amountCents: 1.5, reference: 'x' }, field: 'amountCents' },
      { what: 'string for amount', body: { amountCents: '99', reference: 'x' }, field: 'amountCents' },
      { what: 'reference missing', body: { amountCents: 1 }, field: 'reference' },
      { what: 'reference over 100', body: { amountCents: 1, reference: long(101) }, field: 'reference' },
      { what: 'refundedAt a date only', body: { amountCents: 1, reference: 'x', refundedAt: '2026-12-23' }, field: 'refundedAt' },
      { what: 'unknown field', body: { amountCents: 1, reference: 'x', decision: 'refund' }, field: 'decision' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
    missing: [{ url: () => `/api/v1/enrollments/${NO_SUCH}/refund`, code: 'enrollment.not_found', field: 'enrollmentId' }],
  },
  'GET /api/v1/campaigns/{id}/settlement/refunds.xlsx': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}/settlement/refunds.xlsx`,
    bad: [
      { what: 'unknown format', url: `/api/v1/campaigns/${NO_SUCH}/settlement/refunds.xlsx?format=pdf`, field: 'format' },
      { what: 'format twice', url: `/api/v1/campaigns/${NO_SUCH}/settlement/refunds.xlsx?format=csv&format=xlsx`, field: 'format' },
      { what: 'unknown parameter', url: `/api/v1/campaigns/${NO_SUCH}/settlement/refunds.xlsx?class=eligible`, field: 'class' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/settlement/refunds.xlsx`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'GET /api/v1/campaigns/{id}/checkins': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}/checkins?day=1&memberNo=10001`,
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc/checkins', field: 'id' },
      { what: 'day zero', url: `/api/v1/campaigns/${NO_SUCH}/checkins?day=0`, field: 'day' },
      { what: 'day not a number', url: `/api/v1/campaigns/${NO_SUCH}/checkins?day=first`, field: 'day' },
      { what: 'memberNo not a number', url: `/api/v1/campaigns/${NO_SUCH}/checkins?memberNo=abc`, field: 'memberNo' },
      { what: 'limit too big', url: `/api/v1/campaigns/${NO_SUCH}/checkins?limit=201`, field: 'limit' },
      { what: 'cursor not a cursor', url: `/api/v1/campaigns/${NO_SUCH}/checkins?cursor=x`, field: 'cursor' },
      { what: 'unknown parameter', url: `/api/v1/campaigns/${NO_SUCH}/checkins?flag=late`, field: 'flag' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/checkins`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'GET /api/v1/checkins/review': {
    perm: 'campaigns.read',
    url: () => `/api/v1/checkins/review?campaignId=${cf.campaignId}&status=pending`,
    bad: [
      { what: 'unknown status', url: '/api/v1/checkins/review?status=open', field: 'status' },
      { what: 'campaignId not a number', url: '/api/v1/checkins/review?campaignId=X1', field: 'campaignId' },
      { what: 'limit zero', url: '/api/v1/checkins/review?limit=0', field: 'limit' },
      { what: 'unknown parameter', url: '/api/v1/checkins/review?flag=late', field: 'flag' },
    ],
    missing: [{ url: () => `/api/v1/checkins/review?campaignId=${NO_SUCH}`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'POST /api/v1/checkins/{id}/review': {
    perm: 'checkins.review',
    wrongRole: 'sales',
    url: () => `/api/v1/checkins/${NO_SUCH}/review`,
    body: () => ({ decision: 'approve' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/checkins/abc/review', field: 'id' },
      { what: 'decision missing', body: {}, field: 'decision' },
      { what: 'unknown decision', body: { decision: 'maybe' }, field: 'decision' },
      { what: 'number for reason', body: { decision: 'reject', reason: 5 }, field: 'reason' },
      { what: 'reason over 500', body: { decision: 'reject', reason: long(501) }, field: 'reason' },
      { what: 'unknown field', body: { decision: 'approve', note: 'x' }, field: 'note' },
      { what: 'reject without a reason', body: { decision: 'reject' }, field: 'reason', code: 'checkin.reason_required' },
    ],
    missing: [{ url: () => `/api/v1/checkins/${NO_SUCH}/review`, code: 'checkin.not_found' }],
  },
  'POST /api/v1/checkins/review': {
    perm: 'checkins.review',
    wrongRole: 'viewer',
    url: () => '/api/v1/checkins/review',
    body: () => ({ ids: [NO_SUCH], decision: 'approve' }),
    bad: [
      { what: 'array for the body', body: [], field: '(body)' },
      { what: 'ids missing', body: { decision: 'approve' }, field: 'ids' },
      { what: 'no ids', body: { ids: [], decision: 'approve' }, field: 'ids' },
      { what: 'more than 500 ids', body: { ids: Array.from({ length: 501 }, (_, i) => i + 1), decision: 'approve' }, field: 'ids' },
      { what: 'an id not a number', body: { ids: ['a'], decision: 'approve' }, field: 'ids.0' },
      { what: 'unknown decision', body: { ids: [1], decision: 'skip' }, field: 'decision' },
      { what: 'reject without a reason', body: { ids: [1], decision: 'reject' }, field: 'reason', code: 'checkin.reason_required' },
    ],
    missing: [{ url: () => '/api/v1/checkins/review', body: { ids: [NO_SUCH], decision: 'approve' }, code: 'checkin.not_found', field: 'ids.0' }],
  },
  'GET /api/v1/checkins/{id}/photos/{photoId}': {
    perm: 'campaigns.read',
    url: () => `/api/v1/checkins/${NO_SUCH}/photos/${NO_SUCH}`,
    bad: [
      { what: 'id not a number', url: `/api/v1/checkins/abc/photos/${NO_SUCH}`, field: 'id' },
      { what: 'photoId zero', url: `/api/v1/checkins/${NO_SUCH}/photos/0`, field: 'photoId' },
    ],
    missing: [{ url: () => `/api/v1/checkins/${NO_SUCH}/photos/${NO_SUCH}`, code: 'photo.not_found' }],
  },
  'GET /api/v1/campaigns/{id}/leaderboard': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}/leaderboard?period=week`,
    bad: [
      { what: 'unknown period', url: `/api/v1/campaigns/${NO_SUCH}/leaderboard?period=month`, field: 'period' },
      { what: 'unknown parameter', url: `/api/v1/campaigns/${NO_SUCH}/leaderboard?limit=10`, field: 'limit' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/leaderboard`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'GET /api/v1/campaigns/{id}/absentees': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}/absentees`,
    bad: [
      { what: 'date not a date', url: `/api/v1/campaigns/${NO_SUCH}/absentees?date=2030-13-01`, field: 'date' },
      { what: 'date twice', url: `/api/v1/campaigns/${NO_SUCH}/absentees?date=2030-03-01&date=2030-03-02`, field: 'date' },
      { what: 'unknown parameter', url: `/api/v1/campaigns/${NO_SUCH}/absentees?groupId=1`, field: 'groupId' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/absentees`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'GET /api/v1/campaigns/{id}/enrollments': {
    perm: 'campaigns.read',
    url: () => `/api/v1/campaigns/${cf.campaignId}/enrollments`,
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc/enrollments', field: 'id' },
      { what: 'unknown payment filter', url: `/api/v1/campaigns/${NO_SUCH}/enrollments?payment=refunded`, field: 'payment' },
      { what: 'unknown status', url: `/api/v1/campaigns/${NO_SUCH}/enrollments?status=paid`, field: 'status' },
      { what: 'q over 64', url: `/api/v1/campaigns/${NO_SUCH}/enrollments?q=${long(65)}`, field: 'q' },
      { what: 'limit zero', url: `/api/v1/campaigns/${NO_SUCH}/enrollments?limit=0`, field: 'limit' },
      { what: 'cursor not a cursor', url: `/api/v1/campaigns/${NO_SUCH}/enrollments?cursor=x`, field: 'cursor' },
      { what: 'unknown parameter', url: `/api/v1/campaigns/${NO_SUCH}/enrollments?sort=id`, field: 'sort' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/enrollments`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'POST /api/v1/campaigns/{id}/enrollments': {
    perm: 'enrollments.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/campaigns/${cf.campaignId}/enrollments`,
    body: () => ({ memberNo: 10001 }),
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc/enrollments', field: 'id' },
      { what: 'memberNo missing', body: {}, field: 'memberNo' },
      { what: 'string for memberNo', body: { memberNo: '10001' }, field: 'memberNo' },
      { what: 'memberNo zero', body: { memberNo: 0 }, field: 'memberNo' },
      { what: 'string for channelId', body: { memberNo: 10001, channelId: 'top' }, field: 'channelId' },
      { what: 'unknown field', body: { memberNo: 10001, source: 'import' }, field: 'source' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
    missing: [
      { url: () => `/api/v1/campaigns/${NO_SUCH}/enrollments`, code: 'campaign.not_found', field: 'campaignId' },
      { url: () => `/api/v1/campaigns/${cf.campaignId}/enrollments`, body: { memberNo: NO_SUCH_MEMBER }, code: 'member.not_found', field: 'memberNo' },
      { url: () => `/api/v1/campaigns/${cf.campaignId}/enrollments`, body: { memberNo: 10001, channelId: NO_SUCH }, code: 'channel.not_found', field: 'channelId' },
    ],
  },
  'POST /api/v1/enrollments/{id}/cancel': {
    perm: 'enrollments.manage',
    wrongRole: 'sales',
    // Nobody is enrolled here: the caller and the input are checked before the enrollment is looked up.
    url: () => `/api/v1/enrollments/${NO_SUCH}/cancel`,
    body: () => ({ reason: '不该取消' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/enrollments/abc/cancel', field: 'id' },
      { what: 'reason missing', body: {}, field: 'reason' },
      { what: 'reason blank', body: { reason: '  ' }, field: 'reason' },
      { what: 'reason over 500', body: { reason: long(501) }, field: 'reason' },
      { what: 'unknown field', body: { reason: 'x', refund: true }, field: 'refund' },
    ],
    missing: [{ url: () => `/api/v1/enrollments/${NO_SUCH}/cancel`, code: 'enrollment.not_found' }],
  },
  'POST /api/v1/enrollments/{id}/payments': {
    perm: 'payments.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/enrollments/${NO_SUCH}/payments`,
    body: () => ({ amountCents: 100 }),
    bad: [
      { what: 'id not a number', url: '/api/v1/enrollments/abc/payments', field: 'id' },
      { what: 'amountCents missing', body: {}, field: 'amountCents' },
      { what: 'amountCents zero', body: { amountCents: 0 }, field: 'amountCents' },
      { what: 'amountCents a fraction', body: { amountCents: 99.5 }, field: 'amountCents' },
      { what: 'string for amountCents', body: { amountCents: '100' }, field: 'amountCents' },
      { what: 'amountCents too big', body: { amountCents: 100_000_001 }, field: 'amountCents' },
      { what: 'paidAt not a date-time', body: { amountCents: 100, paidAt: '2026-03-01' }, field: 'paidAt' },
      { what: 'reference blank', body: { amountCents: 100, reference: ' ' }, field: 'reference' },
      { what: 'reference over 128', body: { amountCents: 100, reference: long(129) }, field: 'reference' },
      { what: 'unknown field', body: { amountCents: 100, currency: 'CNY' }, field: 'currency' },
    ],
    missing: [{ url: () => `/api/v1/enrollments/${NO_SUCH}/payments`, code: 'enrollment.not_found' }],
  },
  'POST /api/v1/campaigns/{id}/payments/import': {
    perm: 'payments.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/campaigns/${cf.campaignId}/payments/import`,
    bad: [
      { what: 'id not a number', url: '/api/v1/campaigns/abc/payments/import', field: 'id' },
      { what: 'JSON instead of multipart', body: { file: 'payments.csv' }, field: 'file', code: 'upload.not_multipart' },
    ],
    missing: [{ url: () => `/api/v1/campaigns/${NO_SUCH}/payments/import`, code: 'campaign.not_found', field: 'campaignId' }],
  },
  'POST /api/v1/payments/webhook-secret': {
    perm: 'payments.manage',
    wrongRole: 'operator',
    url: () => '/api/v1/payments/webhook-secret',
    body: () => ({}),
    bad: [
      { what: 'unknown field', body: { secret: 'mine' }, field: 'secret' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
  },
  'GET /api/v1/reports/composition': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/composition?campaign=X1',
    bad: [
      { what: 'campaign missing', url: '/api/v1/reports/composition', field: 'campaign' },
      { what: 'campaign too long', url: `/api/v1/reports/composition?campaign=${long(41)}`, field: 'campaign' },
      { what: 'as_of not a date', url: '/api/v1/reports/composition?campaign=X1&as_of=yesterday', field: 'as_of' },
      { what: 'as_of on a day that does not exist', url: '/api/v1/reports/composition?campaign=X1&as_of=2026-02-30', field: 'as_of' },
      { what: 'unknown parameter', url: '/api/v1/reports/composition?campaign=X1&group=1', field: 'group' },
    ],
    missing: [{ url: () => '/api/v1/reports/composition?campaign=X99', code: 'campaign.not_found' }],
  },
  'GET /api/v1/reports/series': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/series?series=X',
    bad: [
      { what: 'series missing', url: '/api/v1/reports/series', field: 'series' },
      { what: 'series too long', url: `/api/v1/reports/series?series=${long(21)}`, field: 'series' },
      { what: 'unknown parameter', url: '/api/v1/reports/series?series=X&campaign=X1', field: 'campaign' },
    ],
    missing: [{ url: () => '/api/v1/reports/series?series=QQ', code: 'series.not_found' }],
  },
  'GET /api/v1/reports/reenrolment': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/reenrolment?campaign=X1',
    bad: [
      { what: 'campaign missing', url: '/api/v1/reports/reenrolment?as_of=2026-01-01', field: 'campaign' },
      { what: 'as_of not a date', url: '/api/v1/reports/reenrolment?campaign=X1&as_of=2026-1-1', field: 'as_of' },
      { what: 'unknown parameter', url: '/api/v1/reports/reenrolment?campaign=X1&asOf=2026-01-01', field: 'asOf' },
    ],
    missing: [{ url: () => '/api/v1/reports/reenrolment?campaign=X99', code: 'campaign.not_found' }],
  },
  'GET /api/v1/reports/funnel': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/funnel?campaign=X1',
    bad: [
      { what: 'campaign missing', url: '/api/v1/reports/funnel', field: 'campaign' },
      { what: 'campaign twice', url: '/api/v1/reports/funnel?campaign=X1&campaign=X2', field: 'campaign' },
    ],
    missing: [{ url: () => '/api/v1/reports/funnel?campaign=X99', code: 'campaign.not_found' }],
  },
  'GET /api/v1/reports/daily': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/daily?from=2026-01-01&to=2026-01-31',
    bad: [
      { what: 'from missing', url: '/api/v1/reports/daily?to=2026-01-31', field: 'from' },
      { what: 'to not a date', url: '/api/v1/reports/daily?from=2026-01-01&to=tomorrow', field: 'to' },
      { what: 'to before from', url: '/api/v1/reports/daily?from=2026-02-01&to=2026-01-31', field: 'to' },
      { what: 'more than 366 days', url: '/api/v1/reports/daily?from=2025-01-01&to=2026-01-31', field: 'to', code: 'report.range_too_long' },
    ],
  },
  'GET /api/v1/reports/retention': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/retention?period=week&periods=4&from=2026-01-01&to=2026-01-31',
    bad: [
      { what: 'period unknown', url: '/api/v1/reports/retention?period=month&periods=4&from=2026-01-01&to=2026-01-31', field: 'period' },
      { what: 'periods not a number', url: '/api/v1/reports/retention?period=day&periods=many&from=2026-01-01&to=2026-01-31', field: 'periods' },
      { what: 'periods over 60', url: '/api/v1/reports/retention?period=day&periods=61&from=2026-01-01&to=2026-01-31', field: 'periods' },
      { what: 'more than 120 cohorts', url: '/api/v1/reports/retention?period=day&periods=4&from=2026-01-01&to=2026-12-31', field: 'to', code: 'report.range_too_long' },
    ],
  },
  'GET /api/v1/reports/channels': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/channels',
    bad: [
      { what: 'campaign empty', url: '/api/v1/reports/channels?campaign=', field: 'campaign' },
      { what: 'campaign too long', url: `/api/v1/reports/channels?campaign=${long(41)}`, field: 'campaign' },
      { what: 'unknown parameter', url: '/api/v1/reports/channels?channel=1', field: 'channel' },
    ],
    missing: [{ url: () => '/api/v1/reports/channels?campaign=X99', code: 'campaign.not_found' }],
  },
  'GET /api/v1/reports/activity': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/activity?campaign=X1&from=2026-01-01&to=2026-01-31',
    bad: [
      { what: 'neither campaign nor group', url: '/api/v1/reports/activity?from=2026-01-01&to=2026-01-31', field: 'campaign' },
      { what: 'both campaign and group', url: `/api/v1/reports/activity?campaign=X1&group=${NO_SUCH}&from=2026-01-01&to=2026-01-31`, field: 'campaign' },
      { what: 'group not a number', url: '/api/v1/reports/activity?group=abc&from=2026-01-01&to=2026-01-31', field: 'group' },
      { what: 'from missing', url: '/api/v1/reports/activity?campaign=X1&to=2026-01-31', field: 'from' },
      { what: 'to before from', url: '/api/v1/reports/activity?campaign=X1&from=2026-02-01&to=2026-01-31', field: 'to' },
      { what: 'more than 92 days', url: '/api/v1/reports/activity?campaign=X1&from=2026-01-01&to=2026-04-30', field: 'to', code: 'report.range_too_long' },
    ],
    missing: [
      { url: () => '/api/v1/reports/activity?campaign=X99&from=2026-01-01&to=2026-01-31', code: 'campaign.not_found' },
      { url: () => `/api/v1/reports/activity?group=${NO_SUCH}&from=2026-01-01&to=2026-01-31`, code: 'group.not_found' },
    ],
  },
  'GET /api/v1/reports/groups': {
    perm: 'reports.read',
    url: () => '/api/v1/reports/groups?campaign=X1&from=2026-01-01&to=2026-01-31',
    bad: [
      { what: 'neither campaign nor group', url: '/api/v1/reports/groups?from=2026-01-01&to=2026-01-31', field: 'campaign' },
      { what: 'both campaign and group', url: `/api/v1/reports/groups?campaign=X1&group=${NO_SUCH}&from=2026-01-01&to=2026-01-31`, field: 'campaign' },
      { what: 'group not a number', url: '/api/v1/reports/groups?group=abc&from=2026-01-01&to=2026-01-31', field: 'group' },
      { what: 'from missing', url: '/api/v1/reports/groups?campaign=X1&to=2026-01-31', field: 'from' },
      { what: 'to before from', url: '/api/v1/reports/groups?campaign=X1&from=2026-02-01&to=2026-01-31', field: 'to' },
      { what: 'more than 92 days', url: '/api/v1/reports/groups?campaign=X1&from=2026-01-01&to=2026-04-30', field: 'to', code: 'report.range_too_long' },
    ],
    missing: [
      { url: () => '/api/v1/reports/groups?campaign=X99&from=2026-01-01&to=2026-01-31', code: 'campaign.not_found' },
      { url: () => `/api/v1/reports/groups?group=${NO_SUCH}&from=2026-01-01&to=2026-01-31`, code: 'group.not_found' },
    ],
  },
  'GET /api/v1/reports/settings': { perm: 'reports.read', url: () => '/api/v1/reports/settings', bad: [] },
  'PUT /api/v1/reports/settings': {
    perm: 'reports.manage',
    wrongRole: 'operator',
    url: () => '/api/v1/reports/settings',
    body: () => ({ activityEvents: null }),
    bad: [
      { what: 'activityEvents missing', body: {}, field: 'activityEvents' },
      { what: 'string for the list', body: { activityEvents: 'page_view' }, field: 'activityEvents' },
      { what: 'blank event name', body: { activityEvents: [''] }, field: 'activityEvents.0' },
      { what: 'event name over 100', body: { activityEvents: [long(101)] }, field: 'activityEvents.0' },
      { what: 'unknown field', body: { activityEvents: null, rebuild: true }, field: 'rebuild' },
    ],
  },
  'GET /api/v1/tag-groups': { perm: 'members.read', url: () => '/api/v1/tag-groups', bad: [] },
  'POST /api/v1/tag-groups': {
    perm: 'tags.manage',
    wrongRole: 'sales',
    url: () => '/api/v1/tag-groups',
    body: () => ({ name: '不该创建的组' }),
    bad: [
      { what: 'number for name', body: { name: 5 }, field: 'name' },
      { what: 'name blank', body: { name: ' ' }, field: 'name' },
      { what: 'name over 40', body: { name: long(41) }, field: 'name' },
      { what: 'unknown field', body: { name: 'x', color: '#000000' }, field: 'color' },
      { what: 'array for the body', body: ['x'], field: '(body)' },
    ],
  },
  'PATCH /api/v1/tag-groups/{id}': {
    perm: 'tags.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/tag-groups/${f.groupId}`,
    body: () => ({ name: '不该改的组名' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/tag-groups/abc', field: 'id' },
      { what: 'name over 40', body: { name: long(41) }, field: 'name' },
      { what: 'array for name', body: { name: ['x'] }, field: 'name' },
      { what: 'unknown field', body: { name: 'x', order: 1 }, field: 'order' },
    ],
    missing: [{ url: () => `/api/v1/tag-groups/${NO_SUCH}`, body: { name: 'x' }, code: 'tag_group.not_found' }],
  },
  'DELETE /api/v1/tag-groups/{id}': {
    perm: 'tags.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/tag-groups/${f.otherGroupId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/tag-groups/abc', field: 'id' }],
    missing: [{ url: () => `/api/v1/tag-groups/${NO_SUCH}`, code: 'tag_group.not_found' }],
  },
  'POST /api/v1/tags': {
    perm: 'tags.manage',
    wrongRole: 'sales',
    url: () => '/api/v1/tags',
    body: () => ({ groupId: f.groupId, name: '不该创建的标签' }),
    bad: [
      { what: 'string for groupId', body: { groupId: 'x', name: 'x' }, field: 'groupId' },
      { what: 'name over 40', body: { groupId: 1, name: long(41) }, field: 'name' },
      { what: 'colour not a colour', body: { groupId: 1, name: 'x', color: 'red' }, field: 'color' },
      { what: 'number for colour', body: { groupId: 1, name: 'x', color: 0x1677ff }, field: 'color' },
      { what: 'unknown field', body: { groupId: 1, name: 'x', icon: 'star' }, field: 'icon' },
    ],
    missing: [{ url: () => '/api/v1/tags', body: { groupId: NO_SUCH, name: 'x' }, code: 'tag_group.not_found', field: 'groupId' }],
  },
  'PATCH /api/v1/tags/{id}': {
    perm: 'tags.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/tags/${f.tagId}`,
    body: () => ({ name: '不该改的标签' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/tags/abc', field: 'id' },
      { what: 'name over 40', body: { name: long(41) }, field: 'name' },
      { what: 'colour too short', body: { color: '#12345' }, field: 'color' },
      { what: 'unknown field (moving groups)', body: { groupId: 1 }, field: 'groupId' },
    ],
    missing: [{ url: () => `/api/v1/tags/${NO_SUCH}`, body: { name: 'x' }, code: 'tag.not_found' }],
  },
  'DELETE /api/v1/tags/{id}': {
    perm: 'tags.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/tags/${f.tagId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/tags/abc', field: 'id' }],
    missing: [{ url: () => `/api/v1/tags/${NO_SUCH}`, code: 'tag.not_found' }],
  },
  'GET /api/v1/groups': {
    perm: 'groups.read',
    url: () => '/api/v1/groups?status=open',
    bad: [
      { what: 'unknown status', url: '/api/v1/groups?status=closed', field: 'status' },
      { what: 'campaignId not a number', url: '/api/v1/groups?campaignId=x', field: 'campaignId' },
      { what: 'seriesId zero', url: '/api/v1/groups?seriesId=0', field: 'seriesId' },
      { what: 'q over 60', url: `/api/v1/groups?q=${long(61)}`, field: 'q' },
      { what: 'limit too big', url: '/api/v1/groups?limit=201', field: 'limit' },
      { what: 'cursor not a cursor', url: '/api/v1/groups?cursor=abc', field: 'cursor' },
      { what: 'unknown parameter', url: '/api/v1/groups?platform=wechat', field: 'platform' },
    ],
    missing: [
      { url: () => `/api/v1/groups?campaignId=${NO_SUCH}`, code: 'campaign.not_found', field: 'campaignId' },
      { url: () => `/api/v1/groups?seriesId=${NO_SUCH}`, code: 'series.not_found', field: 'seriesId' },
    ],
  },
  'POST /api/v1/groups': {
    perm: 'groups.manage',
    wrongRole: 'sales',
    url: () => '/api/v1/groups',
    body: () => ({ platform: 'wechat', name: '不该创建' }),
    bad: [
      { what: 'unknown platform', body: { platform: 'qq', name: 'n' }, field: 'platform' },
      { what: 'platform missing', body: { name: 'n' }, field: 'platform' },
      { what: 'name blank', body: { platform: 'wechat', name: '  ' }, field: 'name' },
      { what: 'name over 60', body: { platform: 'wechat', name: long(61) }, field: 'name' },
      { what: 'capacity over 500', body: { platform: 'wechat', name: 'n', capacity: 501 }, field: 'capacity' },
      { what: 'capacity zero', body: { platform: 'wechat', name: 'n', capacity: 0 }, field: 'capacity' },
      { what: 'capacity a fraction', body: { platform: 'wechat', name: 'n', capacity: 200.5 }, field: 'capacity' },
      { what: 'string for ownerStaffId', body: { platform: 'wechat', name: 'n', ownerStaffId: 'me' }, field: 'ownerStaffId' },
      { what: 'unknown status', body: { platform: 'wechat', name: 'n', status: 'closed' }, field: 'status' },
      { what: 'theme over 60', body: { platform: 'wechat', name: 'n', theme: long(61) }, field: 'theme' },
      { what: 'unknown field', body: { platform: 'wechat', name: 'n', memberCount: 3 }, field: 'memberCount' },
      { what: 'array for the body', body: [], field: '(body)' },
    ],
    missing: [
      { url: () => '/api/v1/groups', body: { platform: 'wechat', name: 'n', ownerStaffId: NO_SUCH }, code: 'staff.not_found', field: 'ownerStaffId' },
      { url: () => '/api/v1/groups', body: { platform: 'wechat', name: 'n', campaignId: NO_SUCH }, code: 'campaign.not_found', field: 'campaignId' },
      { url: () => '/api/v1/groups', body: { platform: 'wechat', name: 'n', seriesId: NO_SUCH }, code: 'series.not_found', field: 'seriesId' },
    ],
  },
  'GET /api/v1/groups/reminders': { perm: 'groups.read', url: () => '/api/v1/groups/reminders', bad: [] },
  'GET /api/v1/groups/{id}': {
    perm: 'groups.read',
    url: () => g(),
    bad: [{ what: 'id not a number', url: '/api/v1/groups/abc', field: 'id' }, { what: 'id zero', url: '/api/v1/groups/0', field: 'id' }],
    missing: [{ url: () => `/api/v1/groups/${NO_SUCH}`, code: 'group.not_found' }],
  },
  'PATCH /api/v1/groups/{id}': {
    perm: 'groups.manage',
    wrongRole: 'viewer',
    url: () => g(),
    body: () => ({ status: 'dissolved' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/groups/abc', field: 'id' },
      { what: 'capacity over 500', body: { capacity: 1000 }, field: 'capacity' },
      { what: 'number for name', body: { name: 5 }, field: 'name' },
      { what: 'unknown status', body: { status: 'paused' }, field: 'status' },
      { what: 'unknown field', body: { qrExpiresAt: '2030-01-01T00:00:00Z' }, field: 'qrExpiresAt' },
    ],
    missing: [
      { url: () => `/api/v1/groups/${NO_SUCH}`, body: { name: 'x' }, code: 'group.not_found' },
      { url: () => g(), body: { ownerStaffId: NO_SUCH }, code: 'staff.not_found', field: 'ownerStaffId' },
    ],
  },
  'POST /api/v1/groups/{id}/qr': {
    perm: 'groups.manage',
    wrongRole: 'sales',
    url: () => g('/qr'),
    bad: [
      { what: 'id not a number', url: '/api/v1/groups/abc/qr', field: 'id' },
      { what: 'JSON instead of multipart', body: { file: 'qr.png' }, field: 'file', code: 'upload.not_multipart' },
    ],
    missing: [{ url: () => `/api/v1/groups/${NO_SUCH}/qr`, code: 'group.not_found' }],
  },
  'GET /api/v1/groups/{id}/qr': {
    perm: 'groups.read',
    url: () => g('/qr'),
    bad: [{ what: 'id not a number', url: '/api/v1/groups/abc/qr', field: 'id' }],
    missing: [{ url: () => `/api/v1/groups/${NO_SUCH}/qr`, code: 'group.not_found' }],
  },
  'GET /api/v1/groups/{id}/members': {
    perm: 'groups.read',
    url: () => g('/members?period=all'),
    bad: [
      { what: 'unknown period', url: anyGroup('/members?period=past'), field: 'period' },
      { what: 'limit zero', url: anyGroup('/members?limit=0'), field: 'limit' },
      { what: 'cursor not a cursor', url: anyGroup('/members?cursor=x'), field: 'cursor' },
      { what: 'unknown parameter', url: anyGroup('/members?source=import'), field: 'source' },
    ],
    missing: [{ url: () => `/api/v1/groups/${NO_SUCH}/members`, code: 'group.not_found' }],
  },
  'POST /api/v1/groups/{id}/members': {
    perm: 'groups.manage',
    wrongRole: 'viewer',
    url: () => g('/members'),
    body: () => ({ memberNo: 10003 }),
    bad: [
      { what: 'memberNo missing', body: {}, field: 'memberNo' },
      { what: 'string for memberNo', body: { memberNo: '10003' }, field: 'memberNo' },
      { what: 'joinedAt not a date', body: { memberNo: 10003, joinedAt: 'yesterday' }, field: 'joinedAt' },
      { what: 'groupNickname over 64', body: { memberNo: 10003, groupNickname: long(65) }, field: 'groupNickname' },
      { what: 'unknown field', body: { memberNo: 10003, source: 'connector' }, field: 'source' },
    ],
    missing: [
      { url: () => `/api/v1/groups/${NO_SUCH}/members`, body: { memberNo: 10003 }, code: 'group.not_found' },
      { url: () => g('/members'), body: { memberNo: NO_SUCH_MEMBER }, code: 'member.not_found' },
    ],
  },
  'POST /api/v1/groups/{id}/members/{memberNo}/leave': {
    perm: 'groups.manage',
    wrongRole: 'sales',
    url: () => g('/members/10001/leave'),
    body: () => ({}),
    bad: [
      { what: 'member number not a number', url: anyGroup('/members/x/leave'), field: 'memberNo' },
      { what: 'leftAt not a date', body: { leftAt: 'now' }, field: 'leftAt' },
      { what: 'unknown field', body: { reason: 'x' }, field: 'reason' },
    ],
    missing: [
      { url: () => `/api/v1/groups/${NO_SUCH}/members/10001/leave`, body: {}, code: 'group.not_found' },
      { url: () => g(`/members/${NO_SUCH_MEMBER}/leave`), body: {}, code: 'member.not_found' },
    ],
  },
  'GET /api/v1/members/{memberNo}/groups': {
    perm: 'groups.read',
    url: () => m('/groups'),
    bad: [{ what: 'member number not a number', url: '/api/v1/members/x/groups', field: 'memberNo' }],
    missing: [{ url: () => `/api/v1/members/${NO_SUCH_MEMBER}/groups`, code: 'member.not_found' }],
  },
  'POST /api/v1/groups/{id}/import': {
    perm: 'groups.manage',
    wrongRole: 'viewer',
    url: () => g('/import?snapshot=true'),
    bad: [
      { what: 'snapshot not a boolean', url: anyGroup('/import?snapshot=yes'), field: 'snapshot' },
      { what: 'unknown parameter', url: anyGroup('/import?dryRun=true'), field: 'dryRun' },
      { what: 'JSON instead of multipart', body: { rows: [] }, field: 'file', code: 'upload.not_multipart' },
    ],
    missing: [{ url: () => `/api/v1/groups/${NO_SUCH}/import`, code: 'group.not_found' }],
  },
  'GET /api/v1/groups/{id}/reviews': {
    perm: 'groups.read',
    url: () => g('/reviews'),
    bad: [{ what: 'unknown status', url: anyGroup('/reviews?status=done'), field: 'status' }],
    missing: [{ url: () => `/api/v1/groups/${NO_SUCH}/reviews`, code: 'group.not_found' }],
  },
  'POST /api/v1/group-reviews/{id}/resolve': {
    perm: 'groups.manage',
    wrongRole: 'sales',
    url: () => `/api/v1/group-reviews/${gf.reviewId}/resolve`,
    body: () => ({ ignore: true }),
    bad: [
      { what: 'id not a number', url: '/api/v1/group-reviews/x/resolve', field: 'id' },
      { what: 'nothing decided', body: {}, field: 'memberNo' },
      { what: 'two decisions', body: { ignore: true, memberNo: 10001 }, field: 'memberNo' },
      { what: 'ignore false', body: { ignore: false }, field: 'ignore' },
      { what: 'new member without nickname', body: { createMember: {} }, field: 'createMember.nickname' },
      { what: 'unknown field', body: { ignore: true, note: 'x' }, field: 'note' },
    ],
    missing: [
      { url: () => `/api/v1/group-reviews/${NO_SUCH}/resolve`, body: { ignore: true }, code: 'group_review.not_found' },
      { url: () => `/api/v1/group-reviews/${gf.reviewId}/resolve`, body: { memberNo: NO_SUCH_MEMBER }, code: 'member.not_found' },
    ],
  },
  'GET /api/v1/matrix': { perm: 'groups.read', url: () => '/api/v1/matrix', bad: [] },
  'GET /api/v1/staff': { perm: 'staff.read', url: () => '/api/v1/staff', bad: [] },
  'POST /api/v1/staff': {
    perm: 'staff.manage',
    wrongRole: 'operator',
    url: () => '/api/v1/staff',
    body: () => ({ username: 'never-created', displayName: '不该创建', password: PASSWORD, role: 'viewer' }),
    bad: [
      { what: 'username too short', body: { username: 'a', displayName: 'x', password: PASSWORD, role: 'viewer' }, field: 'username' },
      { what: 'username with a space', body: { username: 'two words', displayName: 'x', password: PASSWORD, role: 'viewer' }, field: 'username' },
      { what: 'number for username', body: { username: 12345, displayName: 'x', password: PASSWORD, role: 'viewer' }, field: 'username' },
      { what: 'username over 40', body: { username: long(41), displayName: 'x', password: PASSWORD, role: 'viewer' }, field: 'username' },
      { what: 'displayName over 60', body: { username: 'abc', displayName: long(61), password: PASSWORD, role: 'viewer' }, field: 'displayName' },
      { what: 'password too short', body: { username: 'abc', displayName: 'x', password: 'short', role: 'viewer' }, field: 'password' },
      { what: 'password over 200', body: { username: 'abc', displayName: 'x', password: long(201), role: 'viewer' }, field: 'password' },
      { what: 'unknown role', body: { username: 'abc', displayName: 'x', password: PASSWORD, role: 'god' }, field: 'role' },
      { what: 'role missing', body: { username: 'abc', displayName: 'x', password: PASSWORD }, field: 'role' },
      { what: 'string for teamId', body: { username: 'abc', displayName: 'x', password: PASSWORD, role: 'viewer', teamId: '1' }, field: 'teamId' },
      { what: 'unknown field', body: { username: 'abc', displayName: 'x', password: PASSWORD, role: 'viewer', workspaceId: 1 }, field: 'workspaceId' },
    ],
    missing: [{ url: () => '/api/v1/staff', body: { username: 'abc', displayName: 'x', password: PASSWORD, role: 'viewer', teamId: NO_SUCH }, code: 'team.not_found', field: 'teamId' }],
  },
  'PATCH /api/v1/staff/{id}': {
    perm: 'staff.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/staff/${f.staffId}`,
    body: () => ({ displayName: '不该改名' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/staff/abc', field: 'id' },
      { what: 'unknown role', body: { role: 'root' }, field: 'role' },
      { what: 'string for disabled', body: { disabled: 'yes' }, field: 'disabled' },
      { what: 'password too short', body: { password: 'short' }, field: 'password' },
      { what: 'displayName over 60', body: { displayName: long(61) }, field: 'displayName' },
      { what: 'string for teamId', body: { teamId: 'x' }, field: 'teamId' },
      { what: 'unknown field (username is fixed)', body: { username: 'renamed' }, field: 'username' },
    ],
    missing: [
      { url: () => `/api/v1/staff/${NO_SUCH}`, body: { displayName: 'x' }, code: 'staff.not_found' },
      { url: () => `/api/v1/staff/${f.staffId}`, body: { teamId: NO_SUCH }, code: 'team.not_found', field: 'teamId' },
    ],
  },
  'GET /api/v1/teams': { perm: 'staff.read', url: () => '/api/v1/teams', bad: [] },
  'POST /api/v1/teams': {
    perm: 'staff.manage',
    wrongRole: 'operator',
    url: () => '/api/v1/teams',
    body: () => ({ name: '不该创建的小组' }),
    bad: [
      { what: 'number for name', body: { name: 5 }, field: 'name' },
      { what: 'name over 60', body: { name: long(61) }, field: 'name' },
      { what: 'string for leadStaffId', body: { name: 'x', leadStaffId: 'me' }, field: 'leadStaffId' },
      { what: 'unknown field', body: { name: 'x', members: [] }, field: 'members' },
    ],
    missing: [{ url: () => '/api/v1/teams', body: { name: 'x', leadStaffId: NO_SUCH }, code: 'staff.not_found', field: 'leadStaffId' }],
  },
  'PATCH /api/v1/teams/{id}': {
    perm: 'staff.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/teams/${f.teamId}`,
    body: () => ({ name: '不该改的小组' }),
    bad: [
      { what: 'id not a number', url: '/api/v1/teams/abc', field: 'id' },
      { what: 'name over 60', body: { name: long(61) }, field: 'name' },
      { what: 'string for leadStaffId', body: { leadStaffId: '1' }, field: 'leadStaffId' },
      { what: 'unknown field', body: { color: '#000000' }, field: 'color' },
    ],
    missing: [{ url: () => `/api/v1/teams/${NO_SUCH}`, body: { name: 'x' }, code: 'team.not_found' }],
  },
  'DELETE /api/v1/teams/{id}': {
    perm: 'staff.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/teams/${f.teamId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/teams/abc', field: 'id' }],
    missing: [{ url: () => `/api/v1/teams/${NO_SUCH}`, code: 'team.not_found' }],
  },
  'GET /api/v1/api-tokens': { perm: 'tokens.manage', wrongRole: 'operator', url: () => '/api/v1/api-tokens', bad: [] },
  'POST /api/v1/api-tokens': {
    perm: 'tokens.manage',
    wrongRole: 'operator',
    url: () => '/api/v1/api-tokens',
    body: () => ({ name: '不该创建', scopes: ['members.read'] }),
    bad: [
      { what: 'name over 80', body: { name: long(81), scopes: ['members.read'] }, field: 'name' },
      { what: 'number for name', body: { name: 1, scopes: ['members.read'] }, field: 'name' },
      { what: 'string for scopes', body: { name: 'x', scopes: 'members.read' }, field: 'scopes' },
      { what: 'no scopes', body: { name: 'x', scopes: [] }, field: 'scopes' },
      { what: 'a scope tokens may not have', body: { name: 'x', scopes: ['staff.manage'] }, field: 'scopes.0' },
      { what: 'number as a scope', body: { name: 'x', scopes: ['members.read', 1] }, field: 'scopes.1' },
      { what: 'unknown field', body: { name: 'x', scopes: ['members.read'], expiresAt: '2030-01-01' }, field: 'expiresAt' },
    ],
  },
  'DELETE /api/v1/api-tokens/{id}': {
    perm: 'tokens.manage',
    wrongRole: 'operator',
    url: () => `/api/v1/api-tokens/${f.tokenId}`,
    bad: [{ what: 'id not a number', url: '/api/v1/api-tokens/abc', field: 'id' }],
    missing: [{ url: () => `/api/v1/api-tokens/${NO_SUCH}`, code: 'api_token.not_found' }],
  },
  'GET /api/v1/audit': {
    perm: 'audit.read',
    wrongRole: 'operator',
    url: () => '/api/v1/audit',
    bad: [
      { what: 'entity over 40', url: `/api/v1/audit?entity=${long(41)}`, field: 'entity' },
      { what: 'entityId over 40', url: `/api/v1/audit?entityId=${long(41, '1')}`, field: 'entityId' },
      { what: 'actorStaffId not a number', url: '/api/v1/audit?actorStaffId=me', field: 'actorStaffId' },
      { what: 'limit not a number', url: '/api/v1/audit?limit=x', field: 'limit' },
      { what: 'cursor not a cursor', url: '/api/v1/audit?cursor=x', field: 'cursor' },
      { what: 'unknown parameter', url: '/api/v1/audit?action=x', field: 'action' },
    ],
  },
};

/** The core table and every feature module's (route-cases/). */
const specs: Record<string, Spec> = Object.assign({}, coreSpecs, ...extraModules.map((m) => m.specs));

function parse(route: string): { method: string; path: string } {
  const [method, path] = route.split(' ') as [string, string];
  return { method, path };
}

/** Sends and remembers the response, so a last test can check that nothing answered 5xx. */
async function call(client: Client, what: string, method: string, url: string, body?: unknown, raw?: string): Promise<Response> {
  const res = await client.send(method, url, body, raw);
  responses.push({ what: `${what}: ${method} ${url}`, res });
  return res;
}

before(async () => {
  server = await startServer();
  W = await createWorkspace(server);
  owner = await W.as('owner');
  for (const role of ['admin', 'operator', 'sales', 'viewer'] as const) roles[role] = await W.as(role);
  roles.owner = owner;
  const ok = async (res: Promise<Response>, status: number) => {
    const r = await res;
    assert.equal(r.status, status, JSON.stringify(r.body));
    return r.body;
  };
  const m1 = await ok(owner.post('/api/v1/members', { nickname: '一号', identities: [{ kind: 'custom', value: 'one' }] }), 201);
  f.identityId = m1.identities[0].id;
  await ok(owner.post('/api/v1/members', { nickname: '二号' }), 201);
  await ok(owner.post('/api/v1/members/10002/block', { reason: '测试' }), 200);
  await ok(owner.post('/api/v1/members', { nickname: '三号' }), 201);
  await ok(owner.post('/api/v1/members', { nickname: '四号' }), 201);
  f.mergeId = (await ok(owner.post('/api/v1/members/10003/merge', { fromMemberNo: 10004 }), 200)).merge.id;
  f.groupId = (await ok(owner.post('/api/v1/tag-groups', { name: '组' }), 201)).id;
  f.otherGroupId = (await ok(owner.post('/api/v1/tag-groups', { name: '另一组' }), 201)).id;
  f.tagId = (await ok(owner.post('/api/v1/tags', { groupId: f.groupId, name: '标签' }), 201)).id;
  f.teamId = (await ok(owner.post('/api/v1/teams', { name: '小组' }), 201)).id;
  // campaigns: series X with campaign X1, and an empty series Y
  cf.seriesId = (await ok(owner.post('/api/v1/series', { key: 'X', name: '系列' }), 201)).id;
  cf.emptySeriesId = (await ok(owner.post('/api/v1/series', { key: 'Y', name: '空系列' }), 201)).id;
  cf.campaignId = (await ok(owner.post('/api/v1/campaigns', { seriesId: cf.seriesId, name: '一期', startsOn: '2030-03-01', endsOn: '2030-03-21' }), 201)).id;
  f.staffId = (await ok(owner.post('/api/v1/staff', { username: 'target', displayName: 'Target', password: PASSWORD, role: 'sales' }), 201)).id;
  const token = await ok(owner.post('/api/v1/api-tokens', { name: 'target', scopes: ['members.read'] }), 201);
  f.tokenId = token.id;
  tokenAuditOnly = Client.withToken(server.url, (await ok(owner.post('/api/v1/api-tokens', { name: 'audit', scopes: ['audit.read'] }), 201)).token);
  tokenReadOnly = Client.withToken(server.url, token.token);
  const revoked = await ok(owner.post('/api/v1/api-tokens', { name: 'revoked', scopes: ['members.read', 'members.write', 'audit.read'] }), 201);
  await ok(owner.delete(`/api/v1/api-tokens/${revoked.id}`), 204);
  revokedToken = Client.withToken(server.url, revoked.token);
  // groups: one group with a QR, member 10001 in it, and a review row (a nickname nobody has)
  gf.groupId = (await ok(owner.post('/api/v1/groups', { platform: 'wechat', name: '测试群' }), 201)).id;
  assert.equal((await upload(owner, g('/qr'), { name: 'qr.png', type: 'image/png', bytes: PNG_1PX })).status, 200);
  await ok(owner.post(g('/members'), { memberNo: 10001 }), 201);
  assert.equal((await upload(owner, g('/import?snapshot=false'), csvFile(['群昵称', '查无此人']))).body.toReview, 1);
  gf.reviewId = (await ok(owner.get(g('/reviews')), 200)).items[0].id;
  const channel = await ok(owner.post('/api/v1/channels', { name: '渠道' }), 201);
  chf.channelId = channel.id;
  assert.equal((await fetch(`${server.url}/c/${channel.code}`)).status, 200);
  const env = {
    server, W, owner, roles, noSuch: NO_SUCH,
    fixtures: { campaignId: cf.campaignId, groupId: gf.groupId, teamId: f.teamId, staffId: f.staffId, memberNo: 10001 },
  };
  for (const module of extraModules) await module.setup(env);
});

after(async () => {
  await server?.close();
});

test('there is a bad-input case for every /api/v1 route the server documents', async () => {
  assertCoversRoutes(await documentedRoutes(server.url), Object.keys(specs), 'bad input');
});

test('wrong types, oversized strings and unknown fields → 400 naming the field', async (t) => {
  for (const [route, spec] of Object.entries(specs)) {
    const { method } = parse(route);
    const client = route === 'POST /api/v1/auth/login' ? Client.anonymous(server.url) : owner;
    for (const bad of spec.bad) {
      await t.test(`${route}: ${bad.what}`, async () => {
        const body = 'body' in bad ? bad.body : spec.body?.();
        const res = await call(client, bad.what, method, bad.url ?? spec.url(), body);
        assertError(res, 400, bad.code ?? 'validation.failed', bad.field);
      });
    }
  }
});

test('malformed JSON → 400 on every route that takes a body', async (t) => {
  for (const [route] of Object.entries(specs)) {
    const { method } = parse(route);
    if (method === 'GET') continue;
    const client = route === 'POST /api/v1/auth/login' ? Client.anonymous(server.url) : owner;
    const url = specs[route]!.url();
    await t.test(route, async () => {
      for (const raw of ['{"nickname":', '{nickname: "x"}', "{'a':1}", '[1,2', 'undefined']) {
        assertError(await call(client, 'malformed JSON', method, url, undefined, raw), 400);
      }
    });
  }
});

test('no session → 401 auth.required on every route but login', async (t) => {
  const anon = Client.anonymous(server.url);
  for (const [route, spec] of Object.entries(specs)) {
    if (route === 'POST /api/v1/auth/login') continue;
    const { method } = parse(route);
    await t.test(route, async () => {
      assertError(await call(anon, 'anonymous', method, spec.url(), spec.body?.()), 401, 'auth.required');
    });
  }
});

test('a cookie session without (or with a wrong) x-csrf-token → 403 auth.csrf on every write', async (t) => {
  const withoutCsrf = owner.withoutCsrf();
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspace: W.key, username: (await owner.get('/api/v1/auth/me')).body.staff.username, password: PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const wrongCsrf = new Client(server.url, cookie, 'not-the-token');
  for (const [route, spec] of Object.entries(specs)) {
    const { method } = parse(route);
    if (method === 'GET' || route === 'POST /api/v1/auth/login') continue;
    await t.test(route, async () => {
      assertError(await call(withoutCsrf, 'no csrf', method, spec.url(), spec.body?.()), 403, 'auth.csrf');
      assertError(await call(wrongCsrf, 'wrong csrf', method, spec.url(), spec.body?.()), 403, 'auth.csrf');
    });
  }
  // The refused writes did nothing: the session is still signed in and member 10001 still exists unchanged.
  assert.equal((await owner.get('/api/v1/members/10001')).body.nickname, '一号');
  assert.equal((await wrongCsrf.get('/api/v1/auth/me')).status, 200);
});

test('the wrong role → 403 auth.forbidden', async (t) => {
  const meta = (await owner.get('/api/v1/meta')).body as { roles: Array<{ role: Role; permissions: string[] }> };
  for (const [route, spec] of Object.entries(specs)) {
    if (!spec.wrongRole) continue;
    const { method } = parse(route);
    await t.test(`${route} as ${spec.wrongRole}`, async () => {
      assertError(await call(roles[spec.wrongRole!], 'wrong role', method, spec.url(), spec.body?.()), 403, 'auth.forbidden');
      // The matrix the console is given agrees with what the server enforced.
      assert.ok(!meta.roles.find((r) => r.role === spec.wrongRole)!.permissions.includes(spec.perm!));
    });
  }
  // Nothing the refused callers tried took effect.
  const m1 = (await owner.get('/api/v1/members/10001')).body;
  assert.equal(m1.nickname, '一号');
  assert.equal(m1.blocked, null);
  assert.equal(m1.erasedAt, null);
  assert.deepEqual(m1.mergedNumbers, []);
  assert.deepEqual((await owner.get('/api/v1/members/10004')).body.resolvedFrom, 10004, 'the merge was not undone');
  assert.equal((await owner.get('/api/v1/api-tokens')).body.items.find((x: { id: number }) => x.id === f.tokenId).revokedAt, null);
});

test('the documented role examples are refused', async () => {
  assertError(await roles.viewer.post('/api/v1/members', { nickname: 'x' }), 403, 'auth.forbidden');
  assertError(await roles.sales.post('/api/v1/tag-groups', { name: 'x' }), 403, 'auth.forbidden');
  assertError(await roles.operator.post('/api/v1/staff', { username: 'xyz', displayName: 'x', password: PASSWORD, role: 'viewer' }), 403, 'auth.forbidden');
  assertError(await roles.operator.post('/api/v1/api-tokens', { name: 'x', scopes: ['members.read'] }), 403, 'auth.forbidden');
  assertError(await roles.viewer.get('/api/v1/audit'), 403, 'auth.forbidden');
  // and the same callers may do what their role allows, so the refusals above are about the permission
  assert.equal((await roles.viewer.get('/api/v1/members')).status, 200);
  assert.equal((await roles.sales.post('/api/v1/members/10001/tags', { tagId: f.tagId })).status, 200);
  assert.equal((await roles.operator.get('/api/v1/staff')).status, 200);
});

test('an API token without the needed scope → 403 auth.forbidden', async (t) => {
  for (const [route, spec] of Object.entries(specs)) {
    if (!spec.perm) continue;
    const { method } = parse(route);
    const token = spec.perm === 'audit.read' ? tokenReadOnly : tokenAuditOnly;
    await t.test(route, async () => {
      assertError(await call(token, 'token without scope', method, spec.url(), spec.body?.()), 403, 'auth.forbidden');
    });
  }
  // A token is not a staff session.
  assertError(await tokenReadOnly.get('/api/v1/auth/me'), 403, 'auth.session_required');
  // Control: the tokens do work within their scopes.
  assert.equal((await tokenReadOnly.get('/api/v1/members')).status, 200);
  assert.equal((await tokenAuditOnly.get('/api/v1/audit')).status, 200);
});

test('a revoked (or unknown, or malformed) token → 401 auth.invalid_token on every route but login', async (t) => {
  const unknown = Client.withToken(server.url, 'qy_not-a-real-token');
  for (const [route, spec] of Object.entries(specs)) {
    if (route === 'POST /api/v1/auth/login') continue;
    const { method } = parse(route);
    await t.test(route, async () => {
      assertError(await call(revokedToken, 'revoked token', method, spec.url(), spec.body?.()), 401, 'auth.invalid_token');
      assertError(await call(unknown, 'unknown token', method, spec.url(), spec.body?.()), 401, 'auth.invalid_token');
    });
  }
  for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', '']) {
    const res = await fetch(`${server.url}/api/v1/members`, { headers: { authorization } });
    assert.equal(res.status, 401, `authorization "${authorization}"`);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'auth.invalid_token');
  }
});

test('ids that do not exist → 404', async (t) => {
  for (const [route, spec] of Object.entries(specs)) {
    const { method } = parse(route);
    for (const missing of spec.missing ?? []) {
      await t.test(`${route} ${missing.url()}`, async () => {
        const body = 'body' in missing ? missing.body : spec.body?.();
        assertError(await call(owner, 'missing', method, missing.url(), body), 404, missing.code, missing.field);
      });
    }
  }
});

test('odd but well-formed input never causes a 5xx', async (t) => {
  const cursor = (s: string) => Buffer.from(s).toString('base64url');
  const cases: Array<[string, string, string, unknown?]> = [
    ['NUL in a nickname', 'POST', '/api/v1/members', { nickname: 'a\u0000b' }],
    ['NUL in a search', 'GET', `/api/v1/members?q=${encodeURIComponent('ab\u0000')}`],
    ['NUL in a record', 'POST', '/api/v1/members/10001/records', { kind: 'note', content: 'x\u0000y' }],
    ['NUL in an identity', 'POST', '/api/v1/members/10001/identities', { kind: 'custom', value: 'v\u0000' }],
    ['NUL in an attribute', 'PATCH', '/api/v1/members/10001', { attributes: { k: 'v\u0000' } }],
    ['NUL in a tag group name', 'POST', '/api/v1/tag-groups', { name: 'g\u0000' }],
    ['NUL in an audit filter', 'GET', `/api/v1/audit?entity=${encodeURIComponent('m\u0000')}`],
    ['a lone surrogate in a nickname', 'POST', '/api/v1/members', { nickname: 'a\ud800b' }],
    ['search with only punctuation', 'GET', `/api/v1/members?q=${encodeURIComponent('%_"*()\'')}`],
    ['search with FTS syntax', 'GET', `/api/v1/members?q=${encodeURIComponent('a OR b NEAR(c) ws:w1')}`],
    ['search with a 15-digit number', 'GET', '/api/v1/members?q=999999999999999'],
    ['the largest member number', 'GET', '/api/v1/members/999999999999'],
    ['the largest id', 'PATCH', `/api/v1/tags/${Number.MAX_SAFE_INTEGER}`, { name: 'x' }],
    ['the largest tag filter', 'GET', '/api/v1/members?tags=999999999999999'],
    ['the largest cursor', 'GET', '/api/v1/members?cursor=999999999999999'],
    ['the largest merge source', 'POST', '/api/v1/members/10001/merge', { fromMemberNo: Number.MAX_SAFE_INTEGER }],
    ['a forged record cursor with a huge id', 'GET', `/api/v1/members/10001/records?cursor=${cursor('2026-01-01T00:00:00.000Z|99999999999999999999999')}`],
    ['a forged record cursor with NUL', 'GET', `/api/v1/members/10001/records?cursor=${cursor('\u0000|1')}`],
    ['a forged audit cursor', 'GET', '/api/v1/audit?cursor=999999999999999'],
    ['the largest audit actor', 'GET', `/api/v1/audit?actorStaffId=${Number.MAX_SAFE_INTEGER}`],
    ['a record from the year 0001', 'POST', '/api/v1/members/10001/records', { kind: 'note', content: 'x', occurredAt: '0001-01-01T00:00:00Z' }],
    ['a record with an offset', 'POST', '/api/v1/members/10001/records', { kind: 'note', content: 'x', occurredAt: '2026-01-01T08:00:00+08:00' }],
    ['NUL in a login', 'POST', '/api/v1/auth/login', { workspace: W.key, username: 'a\u0000', password: 'x' }],
  ];
  for (const [what, method, url, body] of cases) {
    await t.test(what, async () => {
      const client = url === '/api/v1/auth/login' ? Client.anonymous(server.url) : owner;
      const res = await call(client, what, method, url, body);
      assert.ok(res.status < 500, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status >= 400) assertErrorShape(res);
    });
  }
});

test('transport faults: empty JSON body, wrong content type, oversized body, bad cookie', async () => {
  assertError(await call(owner, 'empty JSON', 'POST', '/api/v1/members', undefined, ''), 400);
  const xml = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<login/>' });
  assert.equal(xml.status, 415);
  assertErrorShape({ status: 415, body: await xml.json(), headers: xml.headers });
  // text/plain is parsed as a string, which is not the object the route wants
  const text = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
  assertError({ status: text.status, body: await text.json(), headers: text.headers }, 400, 'validation.failed', '(body)');
  const huge = await call(Client.anonymous(server.url), 'oversized', 'POST', '/api/v1/auth/login', undefined, JSON.stringify({ workspace: long(2 * 1024 * 1024) }));
  assertError(huge, 413);
  const badCookie = await fetch(`${server.url}/api/v1/members`, { headers: { cookie: 'qy_session=%E0%A4%A; other=1' } });
  assert.equal(badCookie.status, 401);
  assertErrorShape({ status: 401, body: await badCookie.json(), headers: badCookie.headers });
});

test('no response in this file was a 5xx, and every 4xx had the error envelope', () => {
  assert.ok(responses.length > 300, `only ${responses.length} responses were checked`);
  const failures = responses.filter(({ res }) => res.status >= 500).map(({ what, res }) => `${what} → ${res.status}`);
  assert.deepEqual(failures, []);
  for (const { res } of responses) if (res.status >= 400) assertErrorShape(res);
});
