import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * An open-loop load generator: request i is due at start + i / rate, whether or not earlier ones have
 * answered (wrk2 / vegeta semantics). Latency is measured from the moment a request was *due*, so a
 * stalled server or a late generator counts against the result instead of silently lowering the
 * rate ("coordinated omission"). autocannon's `overallRate` is not this: each connection sends its
 * per-second quota back to back at the start of every second and then idles, which measures a burst.
 */
export interface OpenLoopRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Sent as they are (a session cookie, a CSRF token). */
  headers?: Record<string, string>;
}

export interface OpenLoopOptions {
  /** http://host:port */
  base: string;
  rate: number;
  seconds: number;
  /** Keep-alive connections at most; a due request waits for a free one (and that wait is counted). */
  maxConnections?: number;
  /** Sent first at the same rate on the same connections and left out of the result (JIT, sockets). */
  warmupSeconds?: number;
  request: (i: number) => OpenLoopRequest;
}

export interface OpenLoopResult {
  target: number;
  achieved: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** From the due time (what a client at that rate would see). */
  latency: Percentiles;
  /** From the moment the request was written (the service time on a busy connection pool). */
  service: Percentiles;
  /** How late the generator itself sent requests, p99 (a large value means the generator was starved). */
  sendLagP99: number;
  /** Wall-clock start of the measured part. */
  startedAt: string;
  /** The five seconds (from the start) with the slowest request, to tell a periodic stall from noise. */
  worstSeconds: { second: number; max: number; over20ms: number }[];
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export function percentiles(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: round(sorted.at(-1) ?? 0) };
}

function worstSeconds(latency: Float64Array, rate: number) {
  const seconds: { second: number; max: number; over20ms: number }[] = [];
  for (let i = 0; i < latency.length; i++) {
    const second = Math.floor(i / rate);
    const bucket = (seconds[second] ??= { second, max: 0, over20ms: 0 });
    bucket.max = Math.max(bucket.max, round(latency[i]!));
    if (latency[i]! > 20) bucket.over20ms++;
  }
  return seconds.sort((a, b) => b.max - a.max).slice(0, 5);
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(o.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxConnections ?? 64 });
  const warm = Math.round(o.rate * (o.warmupSeconds ?? 0));
  const total = warm + Math.round(o.rate * o.seconds);
  const latency = new Float64Array(total);
  const service = new Float64Array(total);
  const lag = new Float64Array(total);
  let done = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  const interval = 1000 / o.rate;
  const start = performance.now() + 5;
  const measuredFrom = start + warm * interval;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const send = (i: number, due: number) => {
    const r = o.request(i);
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
          ...r.headers,
        },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          const now = performance.now();
          latency[i] = now - due;
          service[i] = now - written;
          if (i >= warm && (res.statusCode === undefined || res.statusCode < 200 || res.statusCode > 299))
            non2xx++;
          if (++done === total) finish();
        });
      },
    );
    let written = performance.now();
    lag[i] = written - due;
    req.on('socket', () => (written = performance.now()));
    req.on('error', () => {
      if (i >= warm) errors++;
      latency[i] = performance.now() - due;
      if (++done === total) finish();
    });
    req.end(body);
  };

  // A 1 ms tick sends everything that has fallen due; timers are never exact, and the lag is recorded.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        send(sent, start + sent * interval);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + sent * interval - now)));
      else resolve();
    };
    setTimeout(tick, 5);
  });
  await finished;
  const elapsed = (performance.now() - measuredFrom) / 1000;
  agent.destroy();
  const measured = latency.subarray(warm);
  return {
    target: o.rate,
    achieved: Math.round((total - warm) / elapsed),
    requests: total - warm,
    non2xx,
    errors,
    latency: percentiles(measured),
    service: percentiles(service.subarray(warm)),
    sendLagP99: percentiles(lag.subarray(warm)).p99,
    startedAt: new Date(Date.now() - (performance.now() - measuredFrom)).toISOString(),
    worstSeconds: worstSeconds(measured, o.rate),
  };
}
