import { parseArgs } from 'node:util';
import { MODULES } from '../app/modules.js';
import { seedDemoRegion } from '../demo/load-region.js';
import { isScaleName, SCALE_NAMES } from '../demo/scales.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';

// `npm run seed -- --scale demo|city|region|national`: load the demo region into an empty database.
function fail(message: string): never {
  console.error(`seed: ${message}`);
  process.exit(2);
}

let scale = 'demo';
try {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'demo' } }, strict: true });
  scale = values.scale ?? 'demo';
} catch (err) {
  fail(`${(err as Error).message}. Usage: npm run seed -- --scale ${SCALE_NAMES.join('|')}`);
}
if (!isScaleName(scale)) fail(`unknown --scale "${scale}"; expected one of ${SCALE_NAMES.join(', ')}`);

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  await migrate(handle);
  const outcome = await seedDemoRegion(handle, {
    scale,
    modules: MODULES,
    log: (line) => console.log(`seed: ${line}`),
  });
  if (outcome.skipped) {
    console.log(
      'seed: the database already holds a region; nothing loaded. Use an empty database (or remove ./data) to reseed.',
    );
  }
} finally {
  await handle.close();
}
