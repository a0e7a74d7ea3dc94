// Sends a list of prepared HTTP requests over a few concurrent keep-alive connections from a worker thread and
// reports the wall time and each request's latency (see load-worker.mjs for why a worker).
import { Worker } from 'node:worker_threads';

export interface LoadRequest { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }

export interface LoadResult {
  seconds: number;
  /** Latency of each request in ms, in request order. */
  times: number[];
  /** Each response body as text, in request order. */
  bodies: string[];
}

export function runLoad(requests: LoadRequest[], connections: number, expectStatus: number[] = [200, 201]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { requests, connections, expectStatus } });
    worker.once('message', (m: LoadResult & { failure: string | null }) => {
      void worker.terminate();
      if (m.failure) reject(new Error(m.failure));
      else resolve({ seconds: m.seconds, times: m.times, bodies: m.bodies });
    });
    worker.once('error', reject);
  });
}

/** The value at quantile q (0..1) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
