import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../../demo/calendar.js';
import { seedDemoRegion } from '../../../demo/load-region.js';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import { createTestDatabase } from '../../../platform/db/test-database.js';
import { clubsModule } from '../module.js';

describe('the demo region’s clubs', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it('holds programmes, groups and enrolments whose seats, waitlist and requests agree', async () => {
    await seedDemoRegion(handle, { scale: 'tiny', reference: dayOf(2026, 11, 15), modules: [clubsModule] });
    const count = async (table: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(handle.db))
        .rows[0]!.n;
    expect(await count('clubs_programme')).toBeGreaterThan(5);
    expect(await count('clubs_group')).toBeGreaterThan(5);
    const enrolments = await count('clubs_enrolment');
    expect(enrolments).toBeGreaterThan(0);
    const requests = await sql<{
      n: number;
    }>`select count(*)::int as n from family_request where module = 'clubs'`.execute(handle.db);
    expect(requests.rows[0]!.n).toBe(enrolments);
    // Every group's seat counter equals the enrolments holding a seat.
    const mismatched = await sql`
      select g.id from clubs_group g
      where g.seats_taken <> (select count(*) from clubs_enrolment e where e.group_id = g.id
        and e.status in ('offered', 'registered', 'under_review', 'invited', 'approved', 'studying'))`.execute(
      handle.db,
    );
    expect(mismatched.rows).toEqual([]);
  });
});
