// The operations-index benchmark's data: a whole workspace in the JSON Lines import format (one record a line,
// `type` first), written as a stream. Deterministic for a seed and scale; memory stays bounded (per-campaign
// counters and one member's plan) because each pass rebuilds every member's plan from its own seed (plan.ts).
import fs from 'node:fs';
import { CHILD_NAMES, DECORATIONS, RELATIONS } from '../../src/demo/names.js';
import { SeededRandom } from '../../src/demo/random.js';
import { MemberPlan } from './plan.js';
import { buildShape, CHANNELS, CHECKIN_HOURS, DATA_END, dateOf, EVENT_HOURS, MINUTES_PER_DAY, minuteOfDay, sizesOf, TIMEZONE, type CampaignShape, type Shape } from './shape.js';
import { bytes, LineWriter } from './writer.js';

/** Bumped whenever the output for a seed and scale changes, so cached files of an older generator are not reused. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20260105;
const GROUP_CAPACITY = 500;
const DEPOSIT_CENTS = 9900;

export interface GeneratedWorkspace {
  file: string;
  seed: number;
  scale: number;
  version: number;
  lines: Record<string, number>;
  bytes: number;
  seconds: number;
  /** CPU time of the generating process (user + system): the rate per CPU second does not depend on other load. */
  cpuSeconds: number;
  /** Active enrollments per campaign key, for choosing large, median and small campaigns to report on. */
  participants: Record<string, number>;
  /** Campaign keys per series key, in edition order. */
  series: Record<string, string[]>;
  firstDay: string;
  lastDay: string;
}

/** Writes the workspace to `file` (through `file.partial`, renamed at the end) and returns what it holds. */
export async function generateWorkspace(file: string, scale: number, seed = DEFAULT_SEED, log: (message: string) => void = () => {}): Promise<GeneratedWorkspace> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const shape = buildShape(sizesOf(scale), seed);
  const { members } = shape.sizes;
  const plan = new MemberPlan(shape, seed);

  // Pass 0, nothing written: how many join each campaign, to give it enough groups of 500.
  const enrolled = new Int32Array(shape.campaigns.length);
  const joined = new Int32Array(shape.campaigns.length);
  for (let m = 0; m < members; m++) {
    plan.build(m);
    for (let i = 0; i < plan.count; i++) {
      enrolled[plan.campaign[i]!]!++;
      if (plan.groupShare[i]! >= 0) joined[plan.campaign[i]!]!++;
    }
  }
  const groupCount = Int32Array.from(joined, (n) => Math.max(1, Math.ceil(n / (GROUP_CAPACITY * 0.9))));
  const firstGroup = new Int32Array(shape.campaigns.length);
  for (let c = 1; c < shape.campaigns.length; c++) firstGroup[c] = firstGroup[c - 1]! + groupCount[c - 1]!;
  log(`planned ${members.toLocaleString('en-US')} members, ${enrolled.reduce((a, b) => a + b, 0).toLocaleString('en-US')} enrollments in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const out = new LineWriter(`${file}.partial`);
  const lines: Record<string, number> = {};
  const line = (type: string, text: string) => {
    lines[type] = (lines[type] ?? 0) + 1;
    out.text(text).end();
  };
  line('workspace', `{"type":"workspace","timezone":"${TIMEZONE}","name":"bench"}`);
  for (const s of shape.series) line('series', `{"type":"series","key":"${s.key}","name":"${s.name}"}`);
  for (const c of shape.campaigns) {
    const series = shape.series[c.series]!;
    line('campaign', `{"type":"campaign","key":"${c.key}","series":"${series.key}","name":"${series.name}第${c.edition}期","starts_on":"${dateOf(c.startDay)}","ends_on":"${dateOf(c.startDay + c.daysTotal - 1)}","timezone":"${TIMEZONE}","days_total":${c.daysTotal},"days_required":${c.daysRequired},"deposit_cents":${DEPOSIT_CENTS}}`);
  }
  for (const ch of CHANNELS) {
    line('channel', `{"type":"channel","key":"${ch.key}","name":"${ch.name}","parent":${ch.parent === null ? 'null' : `"${ch.parent}"`},"cost_cents":${ch.costCents}}`);
  }
  for (let c = 0; c < shape.campaigns.length; c++) {
    const key = shape.campaigns[c]!.key;
    for (let g = 0; g < groupCount[c]!; g++) {
      line('group', `{"type":"group","key":"g${firstGroup[c]! + g + 1}","name":"${key} 打卡${g + 1}群","platform":"wechat","campaign":"${key}","capacity":${GROUP_CAPACITY}}`);
    }
  }

  // One pass per record type, so the file reads like an export (all members, then all enrollments, …).
  const pass = async (type: string, salt: number, write: (m: number, rng: SeededRandom) => void) => {
    const at = performance.now();
    const cpuAt = process.cpuUsage();
    const before = out.lines;
    for (let m = 0; m < members; m++) {
      plan.build(m);
      write(m, new SeededRandom(plan.detailSeed ^ salt));
      if (out.full) await out.flush();
    }
    const n = out.lines - before;
    lines[type] = n;
    const seconds = (performance.now() - at) / 1000;
    const cpu = cpuSecondsSince(cpuAt);
    log(`${type}: ${n.toLocaleString('en-US')} lines in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en-US')} lines/s; ${Math.round(n / cpu).toLocaleString('en-US')} per CPU second)`);
  };

  const names = new SeededRandom(seed ^ 0x1234567);
  await pass('member', 1, (m) => {
    out.text(`{"type":"member","key":"m${m + 1}","nickname":"${names.pick(CHILD_NAMES)}${names.pick(RELATIONS)}${names.pick(DECORATIONS)}","identities":[{"kind":"wechat_unionid","value":"${unionid(m)}"}],"created_at":"`)
      .time(plan.createdAt, 0).raw(CLOSE).end();
  });
  const campaignKeys = shape.campaigns.map((c) => bytes(c.key));
  const channelKeys = CHANNELS.map((c) => bytes(c.key));
  await pass('enrollment', 2, (m) => {
    for (let i = 0; i < plan.count; i++) {
      const c = plan.campaign[i]!;
      out.raw(ENROLLMENT).int(m + 1).raw(CAMPAIGN).raw(campaignKeys[c]!).raw(CHANNEL).raw(channelKeys[plan.channel[i]!]!)
        .raw(AT).time(plan.enrolledAt[i]!, 0).raw(PAID).int(plan.paid[i] ? DEPOSIT_CENTS : 0);
      if (plan.cancelled[i]) out.raw(CANCELLED).time(plan.enrolledAt[i]! + 180, 0).raw(CLOSE);
      else if (plan.refunded[i]) out.raw(REFUNDED).int(DEPOSIT_CENTS).raw(REFUNDED_AT).time(refundMinute(shape.campaigns[c]!), 0).raw(CLOSE);
      else out.raw(BRACE);
      out.end();
    }
  });
  const groupOf = (i: number) => plan.groupShare[i]! < 0 ? -1 : firstGroup[plan.campaign[i]!]! + Math.floor(plan.groupShare[i]! * groupCount[plan.campaign[i]!]!) + 1;
  await pass('membership', 3, (m) => {
    for (let i = 0; i < plan.count; i++) {
      const g = groupOf(i);
      if (g < 0) continue;
      out.raw(MEMBERSHIP).int(m + 1).raw(GROUP).int(g).raw(JOINED).time(plan.joinedAt[i]!, 0);
      const left = plan.leftAt[i]!;
      if (left < 0 || left >= (DATA_END + 1) * MINUTES_PER_DAY) out.raw(LEFT_NULL).end();
      else out.raw(LEFT).time(left, 0).raw(CLOSE).end();
    }
  });
  await pass('checkin', 4, (m, rng) => {
    for (let i = 0; i < plan.count; i++) {
      const c = plan.campaign[i]!;
      const startDay = shape.campaigns[c]!.startDay;
      for (let mask = plan.checkinDays[i]!, d = 1; mask !== 0; mask >>>= 1, d++) {
        if (!(mask & 1)) continue;
        const at = (startDay + d - 1) * MINUTES_PER_DAY + minuteOfDay(rng, CHECKIN_HOURS);
        out.raw(CHECKIN).int(m + 1).raw(CAMPAIGN).raw(campaignKeys[c]!).raw(AT).time(at, rng.int(60)).raw(CLOSE).end();
      }
    }
  });
  let eventId = 0;
  await pass('event', 5, (m, rng) => {
    const createdDay = Math.floor(plan.createdAt / MINUTES_PER_DAY);
    for (let e = 0; e < plan.events; e++) {
      // Most events fall around a campaign the member is in (from signup to a couple of days after their last
      // check-in), the rest anywhere in their life; evening peak hours.
      let day: number;
      let i = -1;
      if (plan.count > 0 && rng.chance(0.8)) {
        i = rng.int(plan.count);
        const campaign = shape.campaigns[plan.campaign[i]!]!;
        const from = Math.floor(plan.enrolledAt[i]! / MINUTES_PER_DAY);
        const to = Math.min(DATA_END, campaign.startDay + Math.max(plan.lastDay[i]!, 1) + 1);
        day = from + rng.int(to - from + 1);
      } else {
        day = createdDay + rng.int(DATA_END - createdDay + 1);
      }
      let at = day * MINUTES_PER_DAY + minuteOfDay(rng, EVENT_HOURS);
      if (at < plan.createdAt) at = plan.createdAt + rng.int(600);
      const kind = rng.next();
      const group = i >= 0 ? groupOf(i) : -1;
      out.raw(EVENT).int(++eventId).raw(MEMBER).int(m + 1);
      if (kind < 0.25 && group > 0) out.raw(MESSAGE).time(at, rng.int(60)).raw(PROPS_GROUP).int(group).raw(CLOSE_PROPS);
      else if (kind < 0.85) out.raw(PAGE_VIEW).time(at, rng.int(60)).raw(PROPS_DURATION).int(Math.min(3_600_000, Math.floor(2000 * rng.next() ** -0.8))).raw(CLOSE_NUMBER_PROPS);
      else if (kind < 0.93) out.raw(VIDEO_PLAY).time(at, rng.int(60)).raw(PROPS_VIDEO).int(rng.int(300)).raw(SECONDS).int(rng.int(900)).raw(CLOSE_NUMBER_PROPS);
      else if (kind < 0.98) out.raw(QUIZ_ANSWER).time(at, rng.int(60)).raw(PROPS_QUESTION).int(rng.int(50)).raw(rng.chance(0.7) ? CORRECT : WRONG);
      else out.raw(SHARE).time(at, rng.int(60)).raw(EMPTY_PROPS);
      out.end();
    }
  });
  await out.close();
  fs.renameSync(`${file}.partial`, file);

  const participants: Record<string, number> = {};
  shape.campaigns.forEach((c, i) => (participants[c.key] = enrolled[i]!));
  return {
    file, seed, scale, version: GENERATOR_VERSION, lines, bytes: out.bytes, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpuStarted),
    participants, series: seriesKeys(shape), firstDay: dateOf(Math.min(...shape.campaigns.map((c) => c.startDay)) - 60), lastDay: dateOf(DATA_END),
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Deposits go back three days after the campaign ends, at 10:00. */
function refundMinute(campaign: CampaignShape): number {
  return (campaign.startDay + campaign.daysTotal + 2) * MINUTES_PER_DAY + 600;
}

function seriesKeys(shape: Shape): Record<string, string[]> {
  return Object.fromEntries(shape.series.map((s) => [s.key, s.campaigns.map((c) => shape.campaigns[c]!.key)]));
}

/** A unique, random-looking unionid per member. */
function unionid(m: number): string {
  return `o6_${(Math.imul(m + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')}${(m + 1).toString(36)}`;
}

// The fixed pieces of the high-volume lines.
const CLOSE = bytes('"}');
const BRACE = bytes('}');
const ENROLLMENT = bytes('{"type":"enrollment","member":"m');
const CAMPAIGN = bytes('","campaign":"');
const CHANNEL = bytes('","channel":"');
const AT = bytes('","at":"');
const PAID = bytes('","paid_cents":');
const CANCELLED = bytes(',"cancelled_at":"');
const REFUNDED = bytes(',"refunded_cents":');
const REFUNDED_AT = bytes(',"refunded_at":"');
const MEMBERSHIP = bytes('{"type":"membership","member":"m');
const GROUP = bytes('","group":"g');
const JOINED = bytes('","joined_at":"');
const LEFT_NULL = bytes('","left_at":null}');
const LEFT = bytes('","left_at":"');
const CHECKIN = bytes('{"type":"checkin","member":"m');
const EVENT = bytes('{"type":"event","id":"e');
const MEMBER = bytes('","member":"m');
const MESSAGE = bytes('","name":"message","at":"');
const PAGE_VIEW = bytes('","name":"page_view","at":"');
const VIDEO_PLAY = bytes('","name":"video_play","at":"');
const QUIZ_ANSWER = bytes('","name":"quiz_answer","at":"');
const SHARE = bytes('","name":"share","at":"');
const PROPS_GROUP = bytes('","props":{"group":"g');
const CLOSE_PROPS = bytes('"}}');
const PROPS_DURATION = bytes('","props":{"duration_ms":');
const CLOSE_NUMBER_PROPS = bytes('}}');
const PROPS_VIDEO = bytes('","props":{"video":');
const SECONDS = bytes(',"seconds":');
const PROPS_QUESTION = bytes('","props":{"question":');
const CORRECT = bytes(',"correct":true}}');
const WRONG = bytes(',"correct":false}}');
const EMPTY_PROPS = bytes('","props":{}}');
