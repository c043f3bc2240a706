import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyFacts, fullYears } from './family-facts.js';

describe('fullYears', () => {
  it('counts a birthday on the day itself, not the day before', () => {
    expect(fullYears('2008-12-04', '2026-12-04')).toBe(18);
    expect(fullYears('2008-12-05', '2026-12-04')).toBe(17);
    expect(fullYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(fullYears('2020-02-29', '2021-03-01')).toBe(1);
  });

  it('agrees with the year difference up to one, and grows by one a year later', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, today] = a <= b ? [a, b] : [b, a];
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        const years = fullYears(iso(birth), iso(today));
        const diff = today.getUTCFullYear() - birth.getUTCFullYear();
        expect(years === diff || years === diff - 1).toBe(true);
        const next = `${today.getUTCFullYear() + 1}${iso(today).slice(4)}`;
        if (!next.endsWith('02-29')) expect(fullYears(iso(birth), next)).toBe(years + 1);
      }),
    );
  });

  it('leaves out children not born yet', () => {
    expect(familyFacts(['2010-01-01', '2030-01-01'], '2026-12-04')).toEqual({ childAges: [16] });
  });
});
