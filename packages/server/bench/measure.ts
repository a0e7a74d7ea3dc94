// Timing helpers: run an operation over samples and summarize the latencies as percentiles.

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Runs `op` once per sample (after a short warm-up that is not counted) and returns latencies in ms. */
export async function measure<T>(samples: T[], op: (sample: T) => Promise<unknown>, warmUp = 50): Promise<Latency> {
  for (let i = 0; i < Math.min(warmUp, samples.length); i++) await op(samples[i]!);
  const times: number[] = [];
  for (const sample of samples) {
    const start = performance.now();
    await op(sample);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { samples: times.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1]! };
}

/** `count` samples drawn from `pool` with a seeded generator, so runs compare like for like. */
export function draw<T>(pool: readonly T[], count: number, next: () => number): T[] {
  if (pool.length === 0) return [];
  return Array.from({ length: count }, () => pool[Math.floor(next() * pool.length)]!);
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
