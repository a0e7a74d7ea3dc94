// The HTTP client of the API benchmarks, in a worker thread: a real client runs on another machine, so its JSON
// and socket work must not share the server's event loop (on 2 cores it gets the other one).
import { parentPort, workerData } from 'node:worker_threads';

const { requests, connections, expectStatus } = workerData;
const times = new Array(requests.length);
const bodies = new Array(requests.length);
let next = 0;
let failure = null;

async function lane() {
  while (next < requests.length && !failure) {
    const i = next++;
    const r = requests[i];
    const t0 = performance.now();
    const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
    const text = await res.text();
    times[i] = performance.now() - t0;
    bodies[i] = text;
    if (!expectStatus.includes(res.status)) failure = `request ${i}: ${res.status} ${text.slice(0, 300)}`;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, lane));
const seconds = (performance.now() - started) / 1000;
parentPort.postMessage({ seconds, times, bodies, failure });
