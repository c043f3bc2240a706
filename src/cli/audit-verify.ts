import { verifyAuditChain } from '../platform/audit/audit-log.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';

// `npm run audit:verify`: exit 0 when the whole chain holds, 1 with the first broken row otherwise.
const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
let exitCode = 0;
try {
  const started = Date.now();
  const verdict = await verifyAuditChain(handle.db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (verdict.ok) {
    console.log(`Audit chain intact: ${verdict.checked} events verified in ${seconds} s.`);
  } else {
    const b = verdict.firstBroken!;
    console.error(
      `Audit chain BROKEN at event #${b.seq}: ${b.reason === 'content' ? 'its content does not match its hash (altered)' : 'it does not point at the previous event (a row was removed or inserted)'}. ${verdict.checked} events before it are intact.`,
    );
    exitCode = 1;
  }
} finally {
  await handle.close();
}
// PGlite's runtime resets process.exitCode when it shuts down; state the verdict explicitly.
process.exit(exitCode);
