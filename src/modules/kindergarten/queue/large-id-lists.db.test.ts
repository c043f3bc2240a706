import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../platform/db/test-database.js';
import { migrate } from '../../../platform/db/migrate.js';
import * as q from './queries.js';

// A recalculation after one change can move every waiting child of a big municipality: the lists of
// ids it queries with must not be bound one parameter per id (PostgreSQL's limit is 65,535).
describe('queries over many applications', () => {
  it('looks up notice state for 70,000 applications at once', async () => {
    const handle = await createTestDatabase();
    try {
      await migrate(handle);
      const ids = Array.from({ length: 70_000 }, () => crypto.randomUUID());
      expect(await q.noticesFor(handle.db, ids)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
