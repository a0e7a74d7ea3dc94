// Checks each event of a batch on its own: a bad event becomes a rejection naming its index, field and reason,
// and the good ones go on to be stored. Hand-written rather than zod: this loop runs 50,000 times a second.
import { AppError } from '../http/errors.js';
import { normalizeIdentity } from '../members/identities.js';
import { IDENTITY_KINDS, type IdentityKind } from '../members/schema.js';
import { EARLIEST_AT, MAX_FUTURE_MS, MAX_PROPS_BYTES, MAX_PROPS_KEYS, type RejectedEvent } from './schema.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const NAME = /^[a-z][a-z0-9_.]{0,63}$/;
/** ISO 8601 date-time with seconds optional, a fraction of up to 9 digits, and a required offset. */
const AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;
const EARLIEST_MS = Date.parse(EARLIEST_AT);
const KINDS = new Set<string>(IDENTITY_KINDS);
const EVENT_KEYS = new Set(['id', 'member', 'name', 'at', 'props']);
const MAX_MEMBER_NO = 999_999_999_999;

/** Who an event is about, before it is looked up: a member number, or an identity in canonical form. */
export type MemberRef = { no: number } | { kind: IdentityKind; value: string };

export interface ValidEvent {
  index: number;
  eventId: string;
  member: MemberRef;
  name: string;
  /** ISO UTC. */
  at: string;
  /** Serialized JSON object. */
  props: string;
}

export interface Checked {
  valid: ValidEvent[];
  rejected: RejectedEvent[];
  /** Later events of the batch whose id an earlier one already had. */
  repeated: number;
}

class Reject {
  constructor(readonly field: string, readonly reason: string) {}
}

export function checkEvents(events: readonly unknown[], now = Date.now()): Checked {
  const valid: ValidEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  const latest = now + MAX_FUTURE_MS;
  for (let index = 0; index < events.length; index++) {
    const raw = events[index];
    const id = isObject(raw) && typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : null;
    // The first event with an id counts (even when it is rejected); later ones with that id are duplicates.
    if (id !== null) {
      if (seen.has(id)) { repeated++; continue; }
      seen.add(id);
    }
    try {
      valid.push(checkEvent(raw, id, index, EARLIEST_MS, latest));
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      rejected.push({ index, id: isObject(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 64) : null, reason: error.reason, field: error.field });
    }
  }
  return { valid, rejected, repeated };
}

function checkEvent(raw: unknown, id: string | null, index: number, earliest: number, latest: number): ValidEvent {
  if (!isObject(raw)) throw new Reject('(event)', 'must be an object');
  for (const key in raw) if (!EVENT_KEYS.has(key)) throw new Reject(key, 'unknown field');
  if (id === null) throw new Reject('id', raw.id === undefined ? 'required' : 'must be 1–64 characters of A–Z a–z 0–9 _ . : -');
  const name = raw.name;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new Reject('name', name === undefined ? 'required' : 'must be 1–64 characters: a lower-case letter, then a–z 0–9 _ .');
  }
  return { index, eventId: id, member: checkMember(raw.member), name, at: checkAt(raw.at, earliest, latest), props: checkProps(raw.props) };
}

function checkMember(member: unknown): MemberRef {
  if (typeof member === 'number') {
    if (!Number.isInteger(member) || member < 1 || member > MAX_MEMBER_NO) throw new Reject('member', 'must be a member number (a positive integer)');
    return { no: member };
  }
  if (member === undefined) throw new Reject('member', 'required');
  if (!isObject(member)) throw new Reject('member', 'must be a member number or an identity {kind, value}');
  for (const key in member) if (key !== 'kind' && key !== 'value') throw new Reject(`member.${key}`, 'unknown field');
  const { kind, value } = member;
  if (typeof kind !== 'string' || !KINDS.has(kind)) throw new Reject('member.kind', `must be one of ${IDENTITY_KINDS.join(', ')}`);
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 128) throw new Reject('member.value', 'must be 1–128 characters');
  try {
    return { kind: kind as IdentityKind, value: normalizeIdentity(kind as IdentityKind, value, 'member.value') };
  } catch (error) {
    if (error instanceof AppError) throw new Reject('member.value', error.fields?.['member.value'] ?? error.message);
    throw error;
  }
}

function checkAt(at: unknown, earliest: number, latest: number): string {
  if (at === undefined) throw new Reject('at', 'required');
  const parts = typeof at === 'string' ? AT.exec(at) : null;
  if (!parts) throw new Reject('at', 'must be an ISO 8601 date-time with an offset (2026-05-01T08:30:00+08:00)');
  const [, , month, day, hour, minute, second, offsetHour, offsetMinute] = parts;
  if (+month! < 1 || +month! > 12 || +day! < 1 || +day! > 31 || +hour! > 23 || +minute! > 59 || +(second ?? 0) > 59
    || +(offsetHour ?? 0) > 23 || +(offsetMinute ?? 0) > 59) {
    throw new Reject('at', 'not a real date and time');
  }
  const ms = Date.parse(at as string);
  // Date.parse rolls 2026-02-30 over to March: a day that does not exist in its month is refused.
  if (Number.isNaN(ms) || new Date(Date.UTC(+parts[1]!, +month! - 1, +day!)).getUTCDate() !== +day!) throw new Reject('at', 'not a real date and time');
  if (ms < earliest) throw new Reject('at', 'must not be before 2015');
  if (ms > latest) throw new Reject('at', 'must not be more than 5 minutes in the future');
  return new Date(ms).toISOString();
}

function checkProps(props: unknown): string {
  if (props === undefined) return '{}';
  if (!isObject(props)) throw new Reject('props', 'must be a JSON object');
  let keys = 0;
  for (const _ in props) if (++keys > MAX_PROPS_KEYS) throw new Reject('props', `at most ${MAX_PROPS_KEYS} keys`);
  const text = JSON.stringify(props);
  // Characters are at most 3 UTF-8 bytes in JSON text (astral ones are 2 UTF-16 units for 4 bytes), so the exact
  // count is only needed near the limit.
  if (text.length * 3 > MAX_PROPS_BYTES && Buffer.byteLength(text) > MAX_PROPS_BYTES) throw new Reject('props', `must be at most ${MAX_PROPS_BYTES} bytes as JSON`);
  return text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
