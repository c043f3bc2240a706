import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../platform/db/test-database.js';
import { ageGroupSql, applicationAgeGroup, type AgeRule } from './age-group.js';

// The age-group rule exists in two forms, TypeScript (the wizard, the placement instance, the rules)
// and SQL (queue positions and lists): on any birth and desired dates they give the same group.
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const day = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
// Leap days, month ends and 1 September are where the two forms could part.
const edgeDay = fc.constantFrom(
  '2020-02-29',
  '2021-02-28',
  '2021-03-01',
  '2024-02-29',
  '2023-08-31',
  '2023-09-01',
);
const birth = fc.oneof(day('2012-01-01', '2026-12-31'), edgeDay);
const desired = fc.oneof(
  day('2018-01-01', '2032-12-31'),
  edgeDay,
  fc.constantFrom('2027-09-01', '2028-08-31'),
);

describe('age group: the SQL form agrees with the TypeScript rule', () => {
  for (const rule of ['september_first', 'desired_date'] as AgeRule[]) {
    it(`under the ${rule} rule`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(birth, desired), { minLength: 1, maxLength: 50 }),
          async (pairs) => {
            const rows = sql.join(pairs.map(([b, d], i) => sql`(${i}::int, ${b}::date, ${d}::date)`));
            const { rows: got } = await sql<{ i: number; age_group: number }>`
            select a.i, ${ageGroupSql(rule)} as age_group
            from (values ${rows}) as a(i, birth_date, desired_date)
            join (select i, birth_date from (values ${rows}) as v(i, birth_date, desired_date)) as c using (i)
            order by a.i`.execute(handle.db);
            expect(got.map((r) => r.age_group)).toEqual(
              pairs.map(([b, d]) => applicationAgeGroup(b, d, rule)),
            );
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
