import { buildApp } from '../app/build-app.js';
import { MODULES } from '../app/modules.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { connectSharedStore, describeRedisUrl, type SharedStore } from '../platform/shared-store/redis.js';

const started = Date.now();
const config = loadConfig();
// Checked first: a process that cannot share its rate-limit counters must not serve with its own.
let sharedStore: SharedStore | null = null;
if (config.REDIS_URL) {
  try {
    sharedStore = await connectSharedStore(config.REDIS_URL);
  } catch (err) {
    console.error(`open-region: ${(err as Error).message}`);
    process.exit(1);
  }
  console.log(`open-region: rate limits shared through Redis at ${describeRedisUrl(config.REDIS_URL)}`);
}
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
const where = config.DATABASE_URL ? 'PostgreSQL server' : `PGlite in ${config.dataDir}/pglite`;
console.log(`open-region: database ${where}`);
const ran = await migrate(handle);
if (ran.length) console.log(`open-region: applied migrations ${ran.join(', ')}`);

if (config.SEED_ON_START) {
  const { seedDemoRegion } = await import('../demo/load-region.js');
  await seedDemoRegion(handle, {
    scale: config.SEED_SCALE,
    modules: MODULES,
    log: (line: string) => console.log(`open-region: ${line}`),
  });
}

const { app, worker } = await buildApp(config, handle, { sharedStore });
await app.listen({ port: config.PORT, host: config.HOST });
if (config.JOBS_ENABLED) worker.start();

const region = await handle.db.selectFrom('region').select('config').executeTakeFirst();
const logins =
  (region?.config.demoLogins as { login: string; password: string; description: string }[] | undefined) ?? [];
console.log(`\nopen-region is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${config.publicUrl}`);
if (config.DEMO_MODE && logins.length) {
  console.log('Demo sign-in (staff, password in brackets); citizens use «Войти через Госуслуги»:');
  for (const l of logins.slice(0, 12))
    console.log(`  ${l.login.padEnd(24)} (${l.password})  ${l.description}`);
  if (logins.length > 12) console.log(`  … and ${logins.length - 12} more on the sign-in page`);
}

// Graceful shutdown: stop accepting connections and let the requests in flight finish (Fastify's
// close), let the job worker finish the job in hand but take no next one, then close the database.
// A shutdown that hangs (a request that never ends) is cut after SHUTDOWN_GRACE_MS.
const SHUTDOWN_GRACE_MS = 15_000;
let stopping = false;
async function shutdown(reason: string) {
  if (stopping) return;
  stopping = true;
  console.log(`open-region: ${reason}, stopping`);
  setTimeout(() => {
    console.error(`open-region: still stopping after ${SHUTDOWN_GRACE_MS / 1000} s, exiting`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  await Promise.all([worker.stop(), app.close()]);
  await handle.close();
  console.log('open-region: stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// Started by `npm start` (scripts/start.mjs) with an IPC channel: when that launcher is gone however
// it went (even SIGKILL), the channel closes and the server stops instead of living on as an orphan.
process.on('disconnect', () => void shutdown('launcher gone'));
