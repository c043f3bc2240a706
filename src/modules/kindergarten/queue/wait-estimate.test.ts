import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWait } from './wait-estimate.js';

const base = { windowMonths: 12, today: '2026-12-04', desiredDate: '2027-01-01' };

describe('estimateWait', () => {
  it('speaks in whole months, never «38.8»', () => {
    const e = estimateWait({ ...base, position: 58, placedInWindow: 20, arrivalsAheadInWindow: 2 });
    expect(e.months).toBe(39);
    expect(e.expectedDate).toBe('2030-03-04');
  });

  it('is a whole number of at least one month, never before the desired date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (position, placed, arrivals) => {
          const e = estimateWait({
            ...base,
            position,
            placedInWindow: placed,
            arrivalsAheadInWindow: arrivals,
          });
          if (placed <= arrivals) return e.months === null && e.expectedDate === null;
          return Number.isInteger(e.months) && e.months! >= 1 && e.expectedDate! >= base.desiredDate;
        },
      ),
    );
  });
});
