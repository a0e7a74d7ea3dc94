// The generated workspace's fixed shape: its calendar, series and campaigns (sizes by scale, Zipf-like), channels,
// and the hours of the day people act at. Pure and seeded; members' plans (plan.ts) draw from it.
import { SeededRandom } from '../../src/demo/random.js';

/**
 * Scale 1: the sizes. The member plans are tuned so that enrollments, check-ins and events come to about
 * 10^7, 10^7 and 10^8 at this scale (fewer per member in small workspaces, which have fewer campaigns to join).
 */
const FULL = { members: 1_000_000, campaigns: 10_000, series: 300 };

// Days are numbers counted from 2023-01-01 (a Sunday); all local times are Asia/Shanghai (+08:00, no DST since 1991).
const EPOCH = Date.UTC(2023, 0, 1);
export const TIMEZONE = 'Asia/Shanghai';
/** Campaigns start from 2023-03-06 to 2026-01-31 (about three years). */
export const FIRST_START = 64;
export const LAST_START = 1126;
/** The last day with data (check-ins, events): 2026-03-15. */
export const DATA_END = 1169;
export const CALENDAR_DAYS = 1200;
export const MINUTES_PER_DAY = 1440;

export function dateOf(day: number): string {
  return new Date(EPOCH + day * 86_400_000).toISOString().slice(0, 10);
}

export interface SeriesShape {
  key: string;
  name: string;
  /** Campaign indices, in edition order (which is also report order: start days strictly rise). */
  campaigns: number[];
  /** Start days of those campaigns, for finding the edition running at a time. */
  starts: Int32Array;
}

export interface CampaignShape {
  key: string;
  series: number;
  edition: number;
  startDay: number;
  daysTotal: number;
  daysRequired: number;
  /** The next edition of the series that starts after this one ends (re-enrolment goes there), or -1. */
  next: number;
}

export interface ChannelShape {
  key: string;
  name: string;
  parent: string | null;
  costCents: number;
  weight: number;
}

export const CHANNELS: ChannelShape[] = [
  { key: 'article', name: '公众号推文', parent: null, costCents: 0, weight: 10 },
  { key: 'article-morning', name: '公众号早报', parent: 'article', costCents: 0, weight: 12 },
  { key: 'article-column', name: '公众号专栏', parent: 'article', costCents: 0, weight: 6 },
  { key: 'moments', name: '朋友圈海报', parent: null, costCents: 20_000, weight: 8 },
  { key: 'moments-staff', name: '员工朋友圈', parent: 'moments', costCents: 10_000, weight: 9 },
  { key: 'referral', name: '老带新', parent: null, costCents: 0, weight: 25 },
  { key: 'live', name: '视频号直播', parent: null, costCents: 150_000, weight: 7 },
  { key: 'live-replay', name: '直播回放', parent: 'live', costCents: 0, weight: 3 },
  { key: 'ads', name: '信息流投放', parent: null, costCents: 5_000_000, weight: 12 },
  { key: 'ads-douyin', name: '抖音投放', parent: 'ads', costCents: 3_000_000, weight: 8 },
];

const THEMES = ['单词打卡', '晨读', '英语听力', '数学思维', '练字', '跑步', '写作', '亲子阅读', '绘本共读', '古诗词', '口算', '冥想', '早起', '编程启蒙', '科学小实验'];

export interface Sizes {
  scale: number;
  members: number;
  campaigns: number;
  series: number;
}

export function sizesOf(scale: number): Sizes {
  const series = Math.max(1, Math.round(FULL.series * scale));
  return { scale, members: Math.max(10, Math.round(FULL.members * scale)), campaigns: Math.max(series, Math.round(FULL.campaigns * scale)), series };
}

/** A, B, … Z, AA, AB, … */
export function seriesKey(index: number): string {
  let key = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) key = String.fromCharCode(65 + ((n - 1) % 26)) + key;
  return key;
}

export interface Shape {
  sizes: Sizes;
  series: SeriesShape[];
  campaigns: CampaignShape[];
  /** Cumulative series popularity (Zipf, s = 1), for drawing a series. */
  seriesCumulative: Float64Array;
  channelCumulative: Float64Array;
}

export function buildShape(sizes: Sizes, seed: number): Shape {
  const rng = new SeededRandom(seed);
  // Editions per series are mildly skewed (s = 0.6: the largest series runs a new edition every few days at full
  // size, the smallest a few a year); participants per series are Zipf (s = 1), through the members' choices.
  const weights = Array.from({ length: sizes.series }, (_, s) => (s + 1) ** -0.6);
  const total = weights.reduce((a, b) => a + b, 0);
  const editions = weights.map((w) => Math.max(1, Math.floor((w / total) * sizes.campaigns)));
  for (let s = 0, left = sizes.campaigns - editions.reduce((a, b) => a + b, 0); left > 0; s = (s + 1) % sizes.series, left--) editions[s]!++;
  const series: SeriesShape[] = [];
  const campaigns: CampaignShape[] = [];
  for (let s = 0; s < sizes.series; s++) {
    const key = seriesKey(s);
    const theme = THEMES[s % THEMES.length]!;
    const name = s < THEMES.length ? theme : `${theme}${Math.floor(s / THEMES.length) + 1}`;
    const n = editions[s]!;
    const cadence = (LAST_START - FIRST_START) / n;
    const first = FIRST_START + rng.int(Math.max(1, Math.floor(cadence)));
    const shape: SeriesShape = { key, name, campaigns: [], starts: new Int32Array(n) };
    let previous = -1;
    for (let e = 0; e < n; e++) {
      const startDay = Math.max(previous + 1, first + Math.floor(e * cadence));
      previous = startDay;
      const kind = rng.next();
      const daysTotal = kind < 0.7 ? 21 : kind < 0.85 ? 14 : 28;
      shape.campaigns.push(campaigns.length);
      shape.starts[e] = startDay;
      campaigns.push({ key: `${key}${e + 1}`, series: s, edition: e + 1, startDay, daysTotal, daysRequired: Math.round(daysTotal * 0.7), next: -1 });
    }
    for (let e = 0; e < n; e++) {
      const c = campaigns[shape.campaigns[e]!]!;
      const end = c.startDay + c.daysTotal;
      let f = e + 1;
      while (f < n && shape.starts[f]! < end) f++;
      c.next = f < n ? shape.campaigns[f]! : -1;
    }
    series.push(shape);
  }
  return { sizes, series, campaigns, seriesCumulative: cumulative(Array.from({ length: sizes.series }, (_, s) => 1 / (s + 1))), channelCumulative: cumulative(CHANNELS.map((c) => c.weight)) };
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** The first index whose cumulative share reaches u. */
export function drawIndex(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Hours people act at, Asia/Shanghai: a morning bump, lunch, and the evening peak (check-ins peak harder).
export const EVENT_HOURS = cumulative([1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4, 4, 3, 3, 3, 4, 4, 3, 3, 3, 4, 5, 7, 10, 12, 9, 4]);
export const CHECKIN_HOURS = cumulative([0.5, 0.2, 0.05, 0.05, 0.05, 0.5, 3, 6, 4, 2, 1, 1, 2, 2, 1, 1, 1, 2, 3, 6, 12, 14, 10, 4]);
export const SIGNUP_HOURS = cumulative([0.3, 0.1, 0.05, 0.05, 0.05, 0.2, 1, 3, 5, 6, 6, 5, 6, 6, 5, 5, 5, 5, 6, 8, 10, 10, 7, 2]);

/** A minute of the day, drawn from an hour profile. */
export function minuteOfDay(rng: SeededRandom, hours: Float64Array): number {
  return drawIndex(hours, rng.next()) * 60 + rng.int(60);
}
