import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../app/testing/test-app.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { TEST_BACKEND } from '../db/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { recordAudit, SYSTEM_ACTOR } from './audit-log.js';
import type { Db } from '../db/database.js';

const run = promisify(execFile);

async function recordAndTamper(db: Db): Promise<number> {
  for (let i = 0; i < 4; i++)
    await inTransaction(db, (tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action: 'test.event',
        subjectType: 'thing',
        subjectId: i,
        summary: { i },
      }),
    );
  const target = await db
    .selectFrom('audit_event')
    .select('seq')
    .orderBy('seq', 'desc')
    .offset(1)
    .limit(1)
    .executeTakeFirstOrThrow();
  // Someone with owner rights switches the guard off and edits history directly.
  await sql`alter table audit_event disable trigger audit_event_no_update`.execute(db);
  await sql`update audit_event set actor_id = null, summary = '{"i": 42}'::jsonb where seq = ${target.seq}`.execute(
    db,
  );
  await sql`alter table audit_event enable trigger audit_event_no_update`.execute(db);
  return target.seq;
}

describe.runIf(TEST_BACKEND === 'pglite')('npm run audit:verify on the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-region-audit-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact chain and 1 naming the row altered in the database', async () => {
    const handle = await openDatabase({ dataDir: dir });
    await migrate(handle);
    await inTransaction(handle.db, (tx) =>
      recordAudit(tx, SYSTEM_ACTOR, { action: 'test.first', subjectType: 'thing' }),
    );
    await handle.close();
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dir };
    const ok = await run('node', ['--import', 'tsx', 'src/cli/audit-verify.ts'], { env });
    expect(ok.stdout).toMatch(/Audit chain intact: 1 events/);

    const again = await openDatabase({ dataDir: dir });
    const seq = await recordAndTamper(again.db);
    await again.close();
    await expect(run('node', ['--import', 'tsx', 'src/cli/audit-verify.ts'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`BROKEN at event #${seq}`),
    });
  });
});

describe('GET /api/audit/verify', () => {
  it('lets the auditor find the first broken link', async () => {
    const t = await startTestApp();
    try {
      const auditor = await t.asFixture('auditor');
      const before = (await auditor.get('/api/audit/verify')).json();
      expect(before.ok).toBe(true);
      const seq = await recordAndTamper(t.db);
      const res = await auditor.get('/api/audit/verify');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: false, firstBroken: { seq, reason: 'content' } });
      expect((await (await t.asFixture('officerA')).get('/api/audit/verify')).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
