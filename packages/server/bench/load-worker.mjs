// The HTTP client of the API benchmarks, in a worker thread: a real client runs on another machine, so its JSON
// and socket work must not share the server's event loop (on 2 cores it gets the other one). node:http with a
// keep-alive agent, not fetch: fetch's streams cost the client more per request than the server spends on it.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { requests, connections, expectStatus } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const times = new Array(requests.length);
const bodies = new Array(requests.length);
let next = 0;
let failure = null;

function send(r) {
  return new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const headers = { ...r.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = http.request(r.url, { method: r.method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function lane() {
  while (next < requests.length && !failure) {
    const i = next++;
    const t0 = performance.now();
    const res = await send(requests[i]);
    times[i] = performance.now() - t0;
    bodies[i] = res.text;
    if (!expectStatus.includes(res.status)) failure = `request ${i}: ${res.status} ${res.text.slice(0, 300)}`;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, lane));
const seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ seconds, times, bodies, failure });
