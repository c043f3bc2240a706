/**
 * Catalog load test: the filtered public list and the kindergarten page API at a fixed request rate
 * on loopback, against a server on the PostgreSQL server seeded at the `region` scale.
 *
 *   psql -h 127.0.0.1 -U postgres -c 'create database catalog_bench'
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/catalog_bench npx tsx src/cli/seed.ts --scale region
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/catalog_bench npx tsx bench/catalog/run.ts
 *
 * Options (env): BENCH_RATE (req/s, default 1000), BENCH_SECONDS (default 20), BENCH_CONNECTIONS
 * (at most, default 64), BENCH_PORT (default 3191). The fixed rate is open loop (bench/support/open-loop.ts).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openLoop } from '../support/open-loop.js';
import { serverNodeArgs } from '../../scripts/server-process.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/catalog_bench';
const rate = Number(process.env.BENCH_RATE ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3191);
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, [...serverNodeArgs, 'src/cli/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    SEED_ON_START: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    // Production as deployed: no demo mode, a (never contacted) sign-in provider of its own.
    NODE_ENV: 'production',
    DEMO_MODE: 'false',
    OIDC_ISSUER: 'https://oidc.bench.invalid',
    OIDC_CLIENT_SECRET: 'bench-only',
    QUEUE_MASK_KEY: process.env.QUEUE_MASK_KEY ?? 'bench-catalog-queue-mask-key-throw-away-0000',
    // The bench is one client on loopback: the per-IP public limit would answer 429 otherwise.
    RATE_LIMIT_PUBLIC_PER_MINUTE: String(rate * 60 * 10),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

interface Scenario {
  name: string;
  paths: string[];
}

/** Open-loop at the fixed rate (latency from each request's due time), or one connection back to back. */
async function run(s: Scenario, serial = false) {
  if (serial) {
    let i = 0;
    const result = await autocannon({
      url: base,
      connections: 1,
      duration: 10,
      requests: [
        {
          method: 'GET',
          setupRequest: (req: { path: string }) => ({ ...req, path: s.paths[i++ % s.paths.length]! }),
        },
      ],
    });
    return {
      scenario: `${s.name}, one connection back to back`,
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      non2xx: result.non2xx,
      errors: result.errors,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    };
  }
  const result = await openLoop({
    base,
    rate,
    seconds,
    maxConnections: Number(process.env.BENCH_CONNECTIONS ?? 64),
    warmupSeconds: 3,
    request: (i) => ({ method: 'GET', path: s.paths[i % s.paths.length]! }),
  });
  return { scenario: `${s.name} at ${rate} req/s (open loop)`, ...result };
}

try {
  await waitForServer();
  const region = (await (await fetch(`${base}/api/region`)).json()) as {
    municipalities: { id: number; centerLat: number; centerLon: number }[];
  };
  const list = (await (await fetch(`${base}/api/kindergartens?pageSize=100`)).json()) as {
    total: number;
    items: { id: number }[];
  };
  const ids: number[] = [];
  for (let page = 1; page <= Math.ceil(list.total / 100); page++) {
    const p = (await (await fetch(`${base}/api/kindergartens?pageSize=100&page=${page}`)).json()) as {
      items: { id: number }[];
    };
    ids.push(...p.items.map((k) => k.id));
  }
  // Filter mixes a parent would use: municipality, age with free places, orientation, distance sort, search.
  const listPaths: string[] = [];
  for (const m of region.municipalities) {
    for (const age of [1, 3, 5]) {
      listPaths.push(`/api/kindergartens?municipalityId=${m.id}&age=${age}&freeOnly=true&sort=free`);
      listPaths.push(
        `/api/kindergartens?age=${age}&freeOnly=true&lat=${m.centerLat + 0.01}&lon=${m.centerLon - 0.01}&sort=distance`,
      );
    }
    listPaths.push(
      `/api/kindergartens?municipalityId=${m.id}&orientation=general&stayMode=full&accessible=true`,
    );
  }
  listPaths.push(
    '/api/kindergartens?q=%D1%81%D0%BE%D0%BB%D0%BD&age=3',
    '/api/kindergartens?status=under_construction',
  );
  const pagePaths = ids.map((id) => `/api/kindergartens/${id}`);
  // Warm up: the first request builds the snapshot.
  await fetch(`${base}${listPaths[0]}`);
  const results = [];
  results.push(await run({ name: 'filtered list', paths: listPaths }));
  results.push(await run({ name: 'kindergarten page', paths: pagePaths }));
  results.push(await run({ name: 'filtered list', paths: listPaths }, true));
  results.push(await run({ name: 'kindergarten page', paths: pagePaths }, true));
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        // Other work on the machine: the p99 at a fixed rate depends on it more than on the server.
        loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
        maxConnections: Number(process.env.BENCH_CONNECTIONS ?? 64),
        rate,
        seconds,
        kindergartens: ids.length,
        results,
      },
      null,
      2,
    ),
  );
} finally {
  server.kill('SIGTERM');
}
