import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_BACKEND } from './test-database.js';

// A PostgreSQL restart or an administrator terminating connections must not take the server down.
describe.skipIf(TEST_BACKEND !== 'postgres')('PostgreSQL pool', () => {
  it('survives an idle connection terminated by the server, and keeps answering', async () => {
    const handle = await createTestDatabase();
    try {
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]!
        .pid;
      // The connection that ran the query is idle in the pool now; terminate it from outside the pool.
      const admin = new pg.Client({
        connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
