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
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0)),
);
