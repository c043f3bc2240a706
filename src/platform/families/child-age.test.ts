import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateProblem } from './child-age.js';

describe('birth date of a child', () => {
  it('refuses tomorrow and an 18th birthday, accepts today and the day after', () => {
    expect(birthDateProblem('2026-12-05', '2026-12-04')).toMatch(/future/);
    expect(birthDateProblem('2026-12-04', '2026-12-04')).toBeNull();
    expect(birthDateProblem('2008-12-04', '2026-12-04')).toMatch(/under 18/);
    expect(birthDateProblem('2008-12-05', '2026-12-04')).toBeNull();
    // Born on 29 February: 18 on 1 March of a common year (the day after 28 February).
    expect(birthDateProblem('2008-02-29', '2026-02-28')).toBeNull();
    expect(birthDateProblem('2008-02-29', '2026-03-01')).toMatch(/under 18/);
  });

  const day = fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('property: accepted exactly when not after today and less than 18 years before', () => {
    fc.assert(
      fc.property(day, day, (birth, today) => {
        const age = (Date.parse(today) - Date.parse(birth)) / (365.2425 * 86_400_000);
        const problem = birthDateProblem(birth, today);
        if (birth > today) expect(problem).toMatch(/future/);
        else if (age < 17.99) expect(problem).toBeNull();
        else if (age > 18.01) expect(problem).toMatch(/under 18/);
      }),
    );
  });
});
