import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../../src/app/build-app.js';
import { MODULES } from '../../src/app/modules.js';
import { seedDemoRegion } from '../../src/demo/load-region.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

/**
 * HTTP load on loopback: the real app (all modules, helmet, sessions hook, rate limiter, zod
 * serialization) on PGlite and on the PostgreSQL server, hit by autocannon with keep-alive.
 *
 *   npx tsx bench/http/run.ts [--seconds 10] [--connections 10] [--backends pglite,postgres] [--scale tiny]
 */
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '10'));
const backends = arg('backends', 'pglite,postgres').split(',');
const scale = arg('scale', 'tiny') as 'tiny' | 'demo';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGETS = ['/api/health', '/api/region'];

async function open(backend: string): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-region-bench-http-'));
    const handle = await openDatabase({ dataDir: dir });
    return { handle, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `or_bench_http_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
  return {
    handle,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const rows: string[] = [];
for (const backend of backends) {
  const { handle, cleanup } = await open(backend);
  await migrate(handle);
  await seedDemoRegion(handle, { scale, modules: MODULES });
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
    // The benchmark measures throughput, not the per-IP budget for the public.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
  });
  const { app } = await buildApp(config, handle, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const target of TARGETS) {
    await autocannon({ url: `${address}${target}`, connections, duration: 2 }); // warm-up
    const r = await autocannon({ url: `${address}${target}`, connections, duration: seconds });
    const line = `| ${backend} | \`GET ${target}\` | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`;
    console.log(line);
    rows.push(line);
  }
  await app.close();
  await handle.close();
  await cleanup();
}
console.log(
  `\n| backend | request | req/s (mean) | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|---|\n${rows.join('\n')}`,
);
