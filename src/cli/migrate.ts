import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  const ran = await migrate(handle);
  console.log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}
