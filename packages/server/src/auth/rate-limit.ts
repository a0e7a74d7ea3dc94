// Login throttling: failed attempts per account and per address in a sliding window, kept in memory
// (one service process; a restart forgives, which is acceptable for a throttle).
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  isLimited(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  fail(key: string, now = Date.now()): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  /** Seconds until the oldest failure in the window expires. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    return list.length ? Math.ceil((list[0]! + this.windowMs - now) / 1000) : 0;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
}
