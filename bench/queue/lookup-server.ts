import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';

// The API server for the lookup benchmark, in its own process so autocannon does not share its event loop.
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_LOOKUP_PER_MINUTE: '100000000',
  JOBS_ENABLED: 'false',
} as never);
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
const { app } = await buildApp(config, handle, { logger: false });
await app.listen({ port: Number(process.env.BENCH_PORT ?? 3917), host: '127.0.0.1' });
process.send?.('ready');
// How long the event loop was blocked (a stall here is the server's own; otherwise PostgreSQL or the OS).
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
// Blocks longer than 15 ms, with the wall-clock time, to line them up with the generator's slow seconds.
let last = performance.now();
const blocks: string[] = [];
setInterval(() => {
  const now = performance.now();
  if (now - last > 15) blocks.push(`${new Date().toISOString().slice(11, 22)} ${(now - last).toFixed(0)} ms`);
  last = now;
}, 1).unref();
process.on('SIGTERM', () => {
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(
    `lookup server event loop delay ms: p50 ${ms(loopDelay.percentile(50))}, p99 ${ms(loopDelay.percentile(99))}, max ${ms(loopDelay.max)}; blocks > 15 ms: ${blocks.join(', ') || 'none'}`,
  );
  void app
    .close()
    .then(() => handle.close())
    .then(() => process.exit(0));
});
