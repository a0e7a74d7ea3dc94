// The records of the file, one JSON object per line with `type` first, checked on their own (references are
// resolved later, against the whole file). Each reader returns the record in the database's terms.
import { canonicalTimeZone, checkinRulesInput, daysBetween, ruleProblems, type CheckinRules } from '../campaigns/rules.js';
import { seriesBody } from '../campaigns/schema.js';
import { MAX_TEXT } from '../checkins/schema.js';
import { DEFAULT_CAPACITY, MAX_CAPACITY, PLATFORMS } from '../groups/schema.js';
import { AppError } from '../http/errors.js';
import { normalizeIdentity } from '../members/identities.js';
import { attributes as attributesSchema, IDENTITY_KINDS, type Attributes, type IdentityKind } from '../members/schema.js';
import { fileRules } from './campaign-rules.js';
import { RecordError } from './errors.js';
import { Fields, type RawRecord } from './fields.js';

export const RECORD_TYPES = ['workspace', 'series', 'campaign', 'channel', 'group', 'member', 'enrollment', 'membership', 'checkin', 'event'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
const TYPES = new Set<string>(RECORD_TYPES);

const MAX_CENTS = 1_000_000_000;
const MAX_MEMBER_NO = 999_999_999_999;
const MAX_IDENTITIES = 20;
const KINDS = new Set<string>(IDENTITY_KINDS);
const CAMPAIGN_KEY = /^[A-Za-z0-9_-]{1,20}$/;

export function parseLine(text: string): { type: RecordType; raw: RawRecord } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RecordError(`not valid JSON (${(error as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new RecordError('must be a JSON object');
  const type = (raw as RawRecord).type;
  if (type === undefined) throw new RecordError('type: required');
  if (typeof type !== 'string' || !TYPES.has(type)) throw new RecordError(`unknown type ${JSON.stringify(type)} (expected ${RECORD_TYPES.join(', ')})`);
  return { type: type as RecordType, raw: raw as RawRecord };
}

/**
 * A line's type read from its start, without parsing: the file writes `type` first, and the pass that does not
 * handle a type skips its lines at this cost. null when the line does not start that way (it is then parsed).
 */
export function typeOf(text: string): RecordType | null {
  if (!text.startsWith('{"type":"')) return null;
  const end = text.indexOf('"', 9);
  const after = text.charCodeAt(end + 1);
  // ',' or '}' after the closing quote: the string held no escapes and the name is complete.
  if (end < 0 || (after !== 44 && after !== 125)) return null;
  const type = text.slice(9, end);
  return TYPES.has(type) ? (type as RecordType) : null;
}

export const isSecondPass = (type: RecordType) => type === 'event' || type === 'checkin' || type === 'enrollment' || type === 'membership';

// ---- first pass ---------------------------------------------------------------------------------------------

export interface WorkspaceRecord { name: string | null; timezone: string | null }

export function readWorkspace(raw: RawRecord): WorkspaceRecord {
  const f: Fields = new Fields('workspace', raw);
  const name = f.has('name') ? f.text('name', 60) : null;
  const timezone = f.has('timezone') ? timeZone(f, f.text('timezone', 64)) : null;
  f.done();
  return { name, timezone };
}

export interface SeriesRecord { key: string; name: string }

export function readSeries(raw: RawRecord): SeriesRecord {
  const f: Fields = new Fields('series', raw);
  const record = { key: f.key('key'), name: f.text('name', 60) };
  f.done();
  const checked = seriesBody.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    f.fail(issue.path.map(String).join('.'), issue.message);
  }
  return record;
}

export interface CampaignRecord {
  key: string;
  series: string;
  name: string;
  /** The edition the key names (X3 → 3), or null: the next one of the series. */
  edition: number | null;
  startsOn: string;
  endsOn: string;
  /** null: the workspace's zone. */
  timezone: string | null;
  priceCents: number;
  depositCents: number;
  rules: CheckinRules;
}

export function readCampaign(raw: RawRecord): CampaignRecord {
  const f: Fields = new Fields('campaign', raw);
  const key = f.key('key');
  if (!CAMPAIGN_KEY.test(key)) f.fail('key', 'must be 1–20 letters, digits, "_" or "-"');
  const series = f.key('series');
  const name = f.text('name', 60);
  const startsOn = f.date('starts_on');
  const endsOn = f.date('ends_on');
  if (endsOn < startsOn) f.fail('ends_on', 'must not be before starts_on');
  const span = daysBetween(startsOn, endsOn) + 1;
  const timezone = f.has('timezone') ? timeZone(f, f.text('timezone', 64)) : null;
  const daysTotal = f.optionalInt('days_total', 1, 366) ?? Math.min(span, 366);
  if (daysTotal > span) f.fail('days_total', `must fit between starts_on and ends_on (${span} days)`);
  const daysRequired = f.optionalInt('days_required', 0, 366) ?? daysTotal;
  if (daysRequired > daysTotal) f.fail('days_required', 'must not exceed days_total');
  const priceCents = f.optionalInt('price_cents', 0, MAX_CENTS) ?? 0;
  const depositCents = f.optionalInt('deposit_cents', 0, MAX_CENTS) ?? 0;
  const extra = f.object('rules');
  f.done();
  let rules: CheckinRules;
  if (extra) {
    const checked = checkinRulesInput.safeParse(extra);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      f.fail(['rules', ...issue.path.map(String)].join('.'), issue.message);
    }
    rules = fileRules(daysTotal, daysRequired, checked.data);
    if (rules.daysTotal > span) f.fail('rules.daysTotal', `must fit between starts_on and ends_on (${span} days)`);
  } else {
    rules = fileRules(daysTotal, daysRequired);
  }
  const problems = Object.entries(ruleProblems(rules));
  if (problems.length) f.fail(problems[0]![0], problems[0]![1]);
  const edition = key.startsWith(series) && /^\d{1,6}$/.test(key.slice(series.length)) ? Number(key.slice(series.length)) : null;
  return { key, series, name, edition: edition === 0 ? null : edition, startsOn, endsOn, timezone, priceCents, depositCents, rules };
}

function timeZone(f: Fields, name: string): string {
  const canonical = canonicalTimeZone(name);
  if (canonical === null) f.fail('timezone', `unknown time zone "${name}" (e.g. Asia/Shanghai)`);
  return canonical;
}

export interface ChannelRecord { key: string; name: string; parent: string | null; costCents: number }

export function readChannel(raw: RawRecord): ChannelRecord {
  const f: Fields = new Fields('channel', raw);
  const record = { key: f.key('key'), name: f.text('name', 60), parent: f.optionalKey('parent'), costCents: f.optionalInt('cost_cents', 0, MAX_CENTS) ?? 0 };
  f.done();
  if (record.parent === record.key) f.fail('parent', 'must be another channel');
  return record;
}

export interface GroupRecord { key: string; name: string; platform: string; campaign: string | null; capacity: number }

export function readGroup(raw: RawRecord): GroupRecord {
  const f: Fields = new Fields('group', raw);
  const key = f.key('key');
  const name = f.text('name', 60);
  const platform = f.text('platform', 20);
  if (!(PLATFORMS as readonly string[]).includes(platform)) f.fail('platform', `must be one of ${PLATFORMS.join(', ')}`);
  const record = { key, name, platform, campaign: f.optionalKey('campaign'), capacity: f.optionalInt('capacity', 1, MAX_CAPACITY) ?? DEFAULT_CAPACITY };
  f.done();
  return record;
}

export interface MemberRecord {
  key: string;
  number: number | null;
  nickname: string;
  /** Normalized; also one of `identities`. */
  phone: string | null;
  /** Normalized, without repeats; the phone first when there is one. */
  identities: Array<{ kind: IdentityKind; value: string }>;
  attributes: Attributes;
  /** null: the time of the import. */
  createdAt: string | null;
}

export function readMember(raw: RawRecord): MemberRecord {
  const f: Fields = new Fields('member', raw);
  const key = f.key('key');
  const number = f.optionalInt('number', 1, MAX_MEMBER_NO);
  const nickname = f.text('nickname', 64);
  const phoneText = f.optionalText('phone', 32);
  const phone = phoneText === '' ? null : identity(f, 'phone', 'phone', phoneText);
  const identities: MemberRecord['identities'] = phone === null ? [] : [{ kind: 'phone', value: phone }];
  const list = f.value('identities');
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) f.fail('identities', 'must be a list of {"kind", "value"}');
    if (list.length > MAX_IDENTITIES) f.fail('identities', `at most ${MAX_IDENTITIES}`);
    const seen = new Set(identities.map((i) => `${i.kind}\u0000${i.value}`));
    list.forEach((item: unknown, index) => {
      const at = `identities.${index}`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) f.fail(at, 'must be {"kind", "value"}');
      const { kind, value, ...rest } = item as RawRecord;
      for (const extra in rest) f.fail(`${at}.${extra}`, 'unknown field');
      if (typeof kind !== 'string' || !KINDS.has(kind)) f.fail(`${at}.kind`, `must be one of ${IDENTITY_KINDS.join(', ')}`);
      if (typeof value !== 'string' || value.trim() === '' || value.length > 128) f.fail(`${at}.value`, 'must be 1–128 characters');
      const normalized = identity(f, `${at}.value`, kind as IdentityKind, value);
      const unique = `${kind}\u0000${normalized}`;
      if (!seen.has(unique)) identities.push({ kind: kind as IdentityKind, value: normalized });
      seen.add(unique);
    });
  }
  const attributeValues = f.object('attributes', {})!;
  const checked = attributesSchema.safeParse(attributeValues);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    f.fail(['attributes', ...issue.path.map(String)].join('.'), issue.message);
  }
  const createdAt = f.optionalInstant('created_at') ?? null;
  f.done();
  return { key, number, nickname, phone, identities, attributes: checked.data, createdAt };
}

function identity(f: Fields, field: string, kind: IdentityKind, value: string): string {
  try {
    return normalizeIdentity(kind, value, field);
  } catch (error) {
    if (error instanceof AppError) f.fail(field, error.fields?.[field] ?? error.message);
    throw error;
  }
}

// ---- second pass --------------------------------------------------------------------------------------------

export interface EnrollmentRecord {
  member: string;
  campaign: string;
  channel: string | null;
  at: string;
  /** null: the campaign's price and deposit. */
  amountDueCents: number | null;
  paidCents: number;
  /** undefined: `at` once the amount due is paid. */
  paidAt: string | null | undefined;
  refundedCents: number | null;
  refundedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export function readEnrollment(raw: RawRecord): EnrollmentRecord {
  const f: Fields = new Fields('enrollment', raw);
  const record: EnrollmentRecord = {
    member: f.key('member'),
    campaign: f.key('campaign'),
    channel: f.optionalKey('channel'),
    at: f.instant('at'),
    amountDueCents: f.optionalInt('amount_due_cents', 0, 2 * MAX_CENTS),
    paidCents: f.optionalInt('paid_cents', 0, 2 * MAX_CENTS) ?? 0,
    paidAt: f.optionalInstant('paid_at'),
    refundedCents: f.optionalInt('refunded_cents', 0, MAX_CENTS),
    refundedAt: f.optionalInstant('refunded_at') ?? null,
    cancelledAt: f.optionalInstant('cancelled_at') ?? null,
    cancelReason: null,
  };
  const reason = f.optionalText('cancel_reason', 500);
  f.done();
  if (record.refundedAt !== null && record.refundedCents === null) f.fail('refunded_at', 'given without refunded_cents');
  if (reason !== '' && record.cancelledAt === null) f.fail('cancel_reason', 'given without cancelled_at');
  record.cancelReason = reason === '' ? null : reason;
  return record;
}

export interface MembershipRecord { member: string; group: string; joinedAt: string; leftAt: string | null }

export function readMembership(raw: RawRecord): MembershipRecord {
  const f: Fields = new Fields('membership', raw);
  const record = { member: f.key('member'), group: f.key('group'), joinedAt: f.instant('joined_at'), leftAt: f.optionalInstant('left_at') ?? null };
  f.done();
  if (record.leftAt !== null && record.leftAt < record.joinedAt) f.fail('left_at', 'must not be before joined_at');
  return record;
}

export interface CheckinRecord {
  member: string;
  campaign: string;
  at: string;
  /** The campaign day a make-up counts for; null: the day of `at`. */
  day: number | null;
  text: string;
}

export function readCheckin(raw: RawRecord): CheckinRecord {
  const f: Fields = new Fields('checkin', raw);
  const record = { member: f.key('member'), campaign: f.key('campaign'), at: f.instant('at'), day: f.optionalInt('day', 1, 366), text: f.optionalText('text', MAX_TEXT) };
  f.done();
  return record;
}

/** An event's member reference, and the rest as the event API takes it (checked there: events/validate.ts). */
export function readEvent(raw: RawRecord): { member: string; event: RawRecord } {
  const f: Fields = new Fields('event', raw);
  const member = f.key('member');
  const event = { id: f.value('id'), member: 1, name: f.value('name'), at: f.value('at'), props: f.value('props') ?? undefined };
  f.done();
  return { member, event };
}
