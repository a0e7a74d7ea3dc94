// Each member's plan: the campaigns they enrol in (mostly a few favourite series, re-enrolling in the next edition
// about a third of the time), their check-in days, their group stay, how many events they send. Pure and seeded per
// member, so each pass of generate.ts rebuilds a member's plan instead of holding ten million enrollments in memory.
import { SeededRandom } from '../../src/demo/random.js';
import { DATA_END, drawIndex, EVENT_HOURS, FIRST_START, LAST_START, MINUTES_PER_DAY, minuteOfDay, SIGNUP_HOURS, type CampaignShape, type Shape } from './shape.js';

export const MAX_ENROLLMENTS = 400;
/** Re-enrolment in the next edition, by how the member did in this one (about a third on the whole). */
const CONTINUE = { none: 0.22, early: 0.27, middle: 0.4, completed: 0.62 };

/**
 * One member's plan, in reusable typed arrays (struct of arrays: a pass over a million members allocates nothing
 * per member). Times are absolute local minutes (day × 1440 + minute of day).
 */
export class MemberPlan {
  count = 0;
  readonly campaign = new Int32Array(MAX_ENROLLMENTS);
  readonly channel = new Int32Array(MAX_ENROLLMENTS);
  readonly enrolledAt = new Int32Array(MAX_ENROLLMENTS);
  readonly paid = new Uint8Array(MAX_ENROLLMENTS);
  /** Cancelled a few hours after signing up (no group, no check-ins); the enrollment stays, inactive. */
  readonly cancelled = new Uint8Array(MAX_ENROLLMENTS);
  /** Deposit refunded three days after the end (those who paid and met the requirement). */
  readonly refunded = new Uint8Array(MAX_ENROLLMENTS);
  /** Where in the campaign's groups the member lands (× group count), or -1 for no group. */
  readonly groupShare = new Float64Array(MAX_ENROLLMENTS);
  readonly joinedAt = new Int32Array(MAX_ENROLLMENTS);
  /** -1 while still in the group. */
  readonly leftAt = new Int32Array(MAX_ENROLLMENTS);
  /** Bit d-1 set: checked in on campaign day d (days 1…28). */
  readonly checkinDays = new Int32Array(MAX_ENROLLMENTS);
  /** The last campaign day with a check-in (0: none). */
  readonly lastDay = new Int32Array(MAX_ENROLLMENTS);
  createdAt = 0;
  events = 0;
  /** Seed for the member's check-in times and events, so each is drawn only in the pass that writes it. */
  detailSeed = 0;

  constructor(private readonly shape: Shape, private readonly seed: number) {}

  build(member: number): this {
    const rng = new SeededRandom(mix(this.seed, member));
    const { shape } = this;
    this.count = 0;
    this.detailSeed = mix(this.seed ^ 0x5bd1e995, member);
    // A heavy-tailed number of "entries" (a first enrolment in some series, maybe followed by the next editions);
    // 15 % of members never enrol (they only visit and read).
    const entries = rng.chance(0.15) ? 0 : Math.min(120, Math.ceil(4.2 * rng.next() ** (-1 / 1.7)));
    const anchor = FIRST_START - 20 + rng.int(LAST_START - FIRST_START + 20);
    const lifespan = 30 + rng.int(700);
    const favourites = [drawIndex(shape.seriesCumulative, rng.next()), drawIndex(shape.seriesCumulative, rng.next()), drawIndex(shape.seriesCumulative, rng.next())];
    const favouriteCount = 1 + rng.int(3);
    const channel = drawIndex(shape.channelCumulative, rng.next());
    let firstAt = Number.MAX_SAFE_INTEGER;
    for (let k = 0; k < entries && this.count < MAX_ENROLLMENTS; k++) {
      // An edition of a favourite series (or any, by popularity) running around some time in the member's life;
      // a few more tries when the member is already in it, so small workspaces keep the ratios.
      let c = -1;
      for (let attempt = 0; attempt < 4 && (c < 0 || this.has(c)); attempt++) {
        const series = shape.series[rng.chance(0.8) ? favourites[rng.int(favouriteCount)]! : drawIndex(shape.seriesCumulative, rng.next())]!;
        c = series.campaigns[Math.min(series.campaigns.length - 1, upperBound(series.starts, anchor + rng.int(lifespan)))]!;
      }
      // Enrol, then perhaps in the next edition, and the next: how likely depends on how this one went.
      while (c >= 0 && this.count < MAX_ENROLLMENTS) {
        if (this.has(c)) break;
        const i = this.count++;
        const campaign = shape.campaigns[c]!;
        this.campaign[i] = c;
        this.channel[i] = rng.chance(0.5) ? channel : drawIndex(shape.channelCumulative, rng.next());
        const day = campaign.startDay - 1 - Math.floor(rng.next() ** 2 * 14);
        this.enrolledAt[i] = day * MINUTES_PER_DAY + minuteOfDay(rng, SIGNUP_HOURS);
        firstAt = Math.min(firstAt, this.enrolledAt[i]!);
        this.paid[i] = rng.chance(0.92) ? 1 : 0;
        this.cancelled[i] = rng.chance(0.025) ? 1 : 0;
        if (this.cancelled[i]) {
          this.groupShare[i] = -1;
          this.leftAt[i] = -1;
          this.checkinDays[i] = 0;
          this.lastDay[i] = 0;
          this.refunded[i] = 0;
          break;
        }
        if (rng.chance(0.85)) {
          this.groupShare[i] = rng.next();
          this.joinedAt[i] = this.enrolledAt[i]! + 1 + rng.int(30);
          const leave = rng.next();
          this.leftAt[i] = leave < 0.07 ? this.joinedAt[i]! + 1 + rng.int(7 * MINUTES_PER_DAY - 2)
            : leave < 0.25 ? (campaign.startDay + campaign.daysTotal + rng.int(30)) * MINUTES_PER_DAY + minuteOfDay(rng, EVENT_HOURS)
              : -1;
        } else {
          this.groupShare[i] = -1;
          this.leftAt[i] = -1;
        }
        const outcome = this.drawCheckins(rng, i, campaign);
        this.refunded[i] = outcome === 'completed' && this.paid[i] ? 1 : 0;
        c = rng.chance(CONTINUE[outcome]) ? campaign.next : -1;
      }
    }
    this.createdAt = this.count > 0
      ? firstAt - 1 - rng.int(30 * MINUTES_PER_DAY)
      : (FIRST_START - 60 + rng.int(DATA_END - FIRST_START + 59)) * MINUTES_PER_DAY + minuteOfDay(rng, SIGNUP_HOURS);
    // Events: Pareto-tailed (α = 1.5), members who enrol more send more; tuned so the mean is ~100 per member.
    const base = this.count > 0 ? 14 + 2.4 * Math.min(this.count, 40) : 8;
    this.events = Math.min(60_000, Math.floor(base * rng.next() ** (-1 / 1.5)));
    return this;
  }

  /**
   * Check-ins per enrollment, 0 … daysTotal. The sizes give about one check-in per enrollment, so most
   * enrollments never check in, most who start drop within three days, and a few percent complete.
   */
  private drawCheckins(rng: SeededRandom, i: number, campaign: CampaignShape): keyof typeof CONTINUE {
    const u = rng.next();
    const total = campaign.daysTotal;
    let mask = 0;
    let outcome: keyof typeof CONTINUE;
    if (u < 0.71) {
      outcome = 'none';
    } else if (u < 0.96) {
      outcome = 'early';
      const days = 1 + Math.floor(rng.next() ** 2 * 3);
      for (let d = 1; d <= days; d++) mask |= 1 << (d - 1);
    } else if (u < 0.975) {
      outcome = 'middle';
      const days = 4 + rng.int(campaign.daysRequired - 4);
      const reach = Math.min(total, days + 4);
      for (let placed = 0; placed < days;) {
        const d = 1 + rng.int(reach);
        if (!(mask & (1 << (d - 1)))) { mask |= 1 << (d - 1); placed++; }
      }
    } else {
      outcome = 'completed';
      const days = campaign.daysRequired + rng.int(total - campaign.daysRequired + 1);
      for (let placed = 0; placed < days;) {
        const d = 1 + rng.int(total);
        if (!(mask & (1 << (d - 1)))) { mask |= 1 << (d - 1); placed++; }
      }
    }
    this.checkinDays[i] = mask;
    this.lastDay[i] = mask === 0 ? 0 : 32 - Math.clz32(mask);
    return outcome;
  }

  private has(campaign: number): boolean {
    for (let i = 0; i < this.count; i++) if (this.campaign[i] === campaign) return true;
    return false;
  }
}

/** The index of the first start day after `at` (the edition running or next at that time), clamped by the caller. */
function upperBound(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1 + (lo > 0 && at - starts[lo - 1]! > 7 ? 1 : 0));
}

/** A member's own seed from the run's seed (murmur-style finalizer: neighbouring members get unrelated streams). */
export function mix(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

