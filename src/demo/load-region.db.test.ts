import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../platform/db/database.js';
import { createTestDatabase } from '../platform/db/test-database.js';
import { dayOf } from './calendar.js';
import { seedDemoRegion } from './load-region.js';

describe('demo region loader', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('loads the tiny region once and is idempotent', async () => {
    const reference = dayOf(2026, 11, 15);
    const first = await seedDemoRegion(handle, { scale: 'tiny', reference });
    expect(first.skipped).toBe(false);
    expect(first.municipalities).toBe(2);
    expect(first.applications).toBeGreaterThan(300);
    const counted = await sql<{ n: number }>`select count(*)::int as n from application`.execute(handle.db);
    expect(counted.rows[0]!.n).toBe(first.applications);
    const second = await seedDemoRegion(handle, { scale: 'tiny', reference });
    expect(second.skipped).toBe(true);
    const again = await sql<{ n: number }>`select count(*)::int as n from application`.execute(handle.db);
    expect(again.rows[0]!.n).toBe(first.applications);
    // Identity sequences continue after the generator's ids.
    const kg = await handle.db
      .insertInto('kindergarten')
      .values({ municipality_id: 1, code: 'NEW-1', name_ru: 'Новый сад', address: 'ул. Новая, 1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(kg.id).toBeGreaterThan(first.kindergartens);
    const region = await handle.db.selectFrom('region').select('config').executeTakeFirstOrThrow();
    expect((region.config.demoLogins as unknown[]).length).toBeGreaterThan(3);
  });
});
