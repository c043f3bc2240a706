import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { insertApiClient } from '../modules/feedback/open311/open311-queries.js';
import { sha256 } from '../modules/feedback/open311/open311-service.js';
import { SYSTEM_ACTOR, recordAudit } from '../platform/audit/audit-log.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { inTransaction } from '../platform/db/transaction.js';

// `npm run --silent feedback:api-key -- --name "Приложение «Мой город»"`: issues an Open311 API key.
// The key is printed once on stdout; only its sha256 is stored.
function fail(message: string): never {
  console.error(`feedback:api-key: ${message}`);
  process.exit(2);
}

let name = '';
try {
  const { values } = parseArgs({ options: { name: { type: 'string' } }, strict: true });
  name = values.name?.trim() ?? '';
} catch (err) {
  fail(`${(err as Error).message}. Usage: npm run --silent feedback:api-key -- --name "client name"`);
}
if (name === '' || name.length > 200)
  fail('--name is required: the client application, at most 200 characters');

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  await migrate(handle);
  const key = crypto.randomBytes(24).toString('base64url');
  const id = await inTransaction(handle.db, async (tx) => {
    const row = await insertApiClient(tx, name, sha256(key));
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'feedback.open311.key_issued',
      subjectType: 'feedback_api_client',
      subjectId: String(row!.id),
      summary: { name },
    });
    return row!.id;
  });
  console.error(`feedback:api-key: client ${id} «${name}»; keep the key, it is not shown again`);
  console.log(key);
} finally {
  await handle.close();
}
