import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullMonths, halfYearBand } from './age-bands.js';
import { HAND_ANSWERS, HAND_DAYS, expectedSummary } from './hand-region-answers.js';
import { PURE_IDS, handRegionHistory } from './hand-region-history.js';
import { availability, histogramMedian, summarize } from './indicators.js';
import { reconstructCounts } from './reconstruct-history.js';
import { defaultPeriodFrom, endOfDay, localDay } from './report-day.js';

describe('indicators of the hand-made region (answers computed on paper)', () => {
  for (const day of HAND_DAYS) {
    const counts = reconstructCounts(handRegionHistory(), day, defaultPeriodFrom(day));
    it(`region on ${day}`, () => {
      expect(summarize(counts)).toEqual(expectedSummary(HAND_ANSWERS[day].region));
    });
    it(`municipality A on ${day}`, () => {
      expect(summarize(counts, { municipalityId: PURE_IDS.muni.A })).toEqual(
        expectedSummary(HAND_ANSWERS[day].A),
      );
    });
    it(`municipality B on ${day}`, () => {
      expect(summarize(counts, { municipalityId: PURE_IDS.muni.B })).toEqual(
        expectedSummary(HAND_ANSWERS[day].B),
      );
    });
  }

  it('the age-band filter keeps only those bands in the stock indicators', () => {
    const counts = reconstructCounts(handRegionHistory(), '2024-10-01', '2023-10-02');
    const s = summarize(counts, { bands: [6, 7] });
    // Band 6: app5 directed; band 7: app2 actual (class first).
    expect([s.actualDemand, s.deferredDemand, s.placed, s.availability37]).toEqual([1, 0, 1, 50]);
    expect(s.queueByClass).toEqual({ extraordinary: 0, first: 1, sibling: 0, general: 0 });
  });
});

describe('building blocks', () => {
  it('bands: 0–0.5 years is band 0, 7.5–8 is band 15, 8 years is outside', () => {
    expect(halfYearBand('2020-01-15', '2020-07-14')).toBe(0);
    expect(halfYearBand('2020-01-15', '2020-07-15')).toBe(1);
    expect(halfYearBand('2016-01-15', '2024-01-14')).toBe(15);
    expect(halfYearBand('2016-01-15', '2024-01-15')).toBeNull();
    expect(halfYearBand('2024-02-01', '2024-01-15')).toBeNull();
  });

  it('full months never decrease as the day advances', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 40 }),
        (birth, a, step) => {
          const b = birth.toISOString().slice(0, 10);
          const d1 = new Date(birth.getTime() + a * 86_400_000).toISOString().slice(0, 10);
          const d2 = new Date(birth.getTime() + (a + step) * 86_400_000).toISOString().slice(0, 10);
          return fullMonths(b, d2) >= fullMonths(b, d1) && fullMonths(b, d1) >= 0;
        },
      ),
    );
  });

  it('median of a histogram equals the median of the expanded list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const n = sorted.length;
        const median = (sorted[Math.floor((n - 1) / 2)]! + sorted[Math.floor(n / 2)]!) / 2;
        const hist = new Map<number, number>();
        for (const x of xs) hist.set(x, (hist.get(x) ?? 0) + 1);
        return histogramMedian([...hist].map(([value, count]) => ({ value, count }))) === median;
      }),
    );
    expect(histogramMedian([])).toBeNull();
  });

  it('availability is a percentage in [0, 100], null on an empty base', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (p, a) => {
        const v = availability(p, a);
        return p + a === 0 ? v === null : v! >= 0 && v! <= 100;
      }),
    );
  });

  it('the end of a local day is 21:00 UTC for UTC+3', () => {
    expect(new Date(endOfDay('2024-03-01')).toISOString()).toBe('2024-03-01T21:00:00.000Z');
    expect(localDay(Date.parse('2024-03-01T21:30:00Z'))).toBe('2024-03-02');
    expect(defaultPeriodFrom('2024-02-29')).toBe('2023-03-01');
  });

  it('stocks add up: every counted child is in exactly one band of one municipality', () => {
    for (const day of HAND_DAYS) {
      const counts = reconstructCounts(handRegionHistory(), day, defaultPeriodFrom(day));
      const region = summarize(counts);
      const parts = [PURE_IDS.muni.A, PURE_IDS.muni.B].map((m) => summarize(counts, { municipalityId: m }));
      for (const key of [
        'actualDemand',
        'deferredDemand',
        'placed',
        'capacity',
        'freePlaces',
        'noShows',
      ] as const)
        expect(parts[0]![key] + parts[1]![key]).toBe(region[key]);
    }
  });
});
