import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { registerPreparedStatement } from './prepared-statements.js';
import { createTestDatabase, TEST_BACKEND } from './test-database.js';

describe('prepared statements', () => {
  it('runs a registered query under its name on PostgreSQL, and the same SQL unnamed on PGlite', async () => {
    const handle = await createTestDatabase();
    try {
      const compiled = sql<{ n: number }>`select ${1}::int + 1 as n`.compile(handle.db);
      registerPreparedStatement('test_add_one', compiled);
      // Same text, new parameters: the cached statement answers with the new value.
      for (const v of [1, 41]) {
        const { rows } = await handle.db.executeQuery({ ...compiled, parameters: [v] });
        expect(rows).toEqual([{ n: v + 1 }]);
      }
      // pg_prepared_statements lists the current session's statements: ask on the same connection.
      const names = await handle.db.connection().execute(async (conn) => {
        await conn.executeQuery({ ...compiled, parameters: [2] });
        return (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(conn)).rows.map(
          (r) => r.name,
        );
      });
      if (TEST_BACKEND === 'postgres') expect(names).toContain('test_add_one');
      else expect(names).not.toContain('test_add_one');
      // Unregistered queries stay unnamed.
      expect(names.filter((n) => n !== 'test_add_one')).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('refuses one name for two texts and two names for one text', () => {
    const a = { sql: 'select 101', parameters: [], query: {} } as never;
    const b = { sql: 'select 102', parameters: [], query: {} } as never;
    registerPreparedStatement('test_a', a);
    registerPreparedStatement('test_a', a);
    expect(() => registerPreparedStatement('test_a', b)).toThrow(/two different texts/);
    expect(() => registerPreparedStatement('test_other', a)).toThrow(/already prepared/);
  });
});
