import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { createTestDatabase, TEST_BACKEND } from '../db/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from './audit-log.js';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  for (let i = 0; i < 5; i++) {
    await inTransaction(h.db, (tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action: 'test.event',
        subjectType: 'thing',
        subjectId: i,
        summary: { i },
      }),
    );
  }
});
afterAll(() => h.close());

describe('audit chain', () => {
  it('links every event to the previous one', async () => {
    const rows = await h.db
      .selectFrom('audit_event')
      .select(['seq', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('forbids UPDATE and DELETE in the database itself', async () => {
    await expect(sql`update audit_event set action = 'x' where seq = 1`.execute(h.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event where seq = 1`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('a rolled-back change leaves no audit event', async () => {
    await expect(
      inTransaction(h.db, async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.rolled_back', subjectType: 'thing' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const n = await h.db
      .selectFrom('audit_event')
      .select('seq')
      .where('action', '=', 'test.rolled_back')
      .execute();
    expect(n).toHaveLength(0);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds the first row altered directly in the database', async () => {
    // An attacker with superuser rights disables the guard and edits history.
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(h.db);
    await sql`update audit_event set summary = '{"i": 99}'::jsonb where seq = (select min(seq) + 2 from audit_event)`.execute(
      h.db,
    );
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(h.db);
    const first = await h.db.selectFrom('audit_event').select('seq').orderBy('seq').executeTakeFirstOrThrow();
    const verdict = await verifyAuditChain(h.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toEqual({ seq: first.seq + 2, reason: 'content' });
  });
});

describe.runIf(TEST_BACKEND === 'postgres')('npm run audit:verify', () => {
  it('exits 1 and names the altered row', async () => {
    const url = (h as unknown as { url?: string }).url;
    expect(url).toBeTruthy();
    const run = promisify(execFile)('node', ['--import', 'tsx', 'src/cli/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: url },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/BROKEN at event #\d+/),
    });
  });
});
