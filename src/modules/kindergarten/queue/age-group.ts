import { sql } from 'kysely';
import type { AgeRule } from '../../../contracts/kindergarten-age-group.js';

/**
 * The age-group rule (src/contracts/kindergarten-age-group.ts, shared with the wizard) and its SQL
 * form, side by side so they change together; age-group.db.test.ts proves they agree on any dates.
 */
export {
  ageGroupFor,
  applicationAgeGroup,
  enrollmentSeptemberFirst,
  fullYears,
  type AgeRule,
} from '../../../contracts/kindergarten-age-group.js';

/**
 * `applicationAgeGroup(c.birth_date, a.desired_date, rule)` in SQL, for a query joining the
 * application as `a` and the child as `c`.
 */
export function ageGroupSql(rule: AgeRule) {
  return rule === 'desired_date'
    ? sql<number>`greatest(0, date_part('year', age(a.desired_date, c.birth_date)))::int`
    : sql<number>`greatest(0, date_part('year', age(make_date((extract(year from a.desired_date)::int - case when extract(month from a.desired_date) < 9 then 1 else 0 end), 9, 1), c.birth_date)))::int`;
}
