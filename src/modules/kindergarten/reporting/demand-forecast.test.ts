import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthsHistory, forecastMunicipalityDemand, takeUpByAge } from './demand-forecast.js';

const births = new Map<number, number>();
for (let y = 2012; y <= 2025; y++) births.set(y, 1000 - (y - 2012) * 20);

const input = {
  municipalityId: 1,
  births,
  demandNowByAge: [0, 300, 600, 700, 700, 700, 600, 50],
  referenceYear: 2026,
  capacityNow: 3000,
  planned: [{ openingDate: '2027-08-15', capacity: 200 }],
};

describe('demand forecast per municipality', () => {
  it('ages births forward: P(a, t) = ½ (B(t − a − 1) + B(t − a))', () => {
    // B(y) = 1000 − 20 (y − 2012): P(0, 2020) = ½ (860 + 840) = 850, each older age 20 more.
    const h = birthsHistory(births);
    expect(h.population.get(2020)).toEqual([850, 870, 890, 910, 930, 950, 970, 990]);
  });

  it('take-up rates reproduce the current demand in the current year', () => {
    const { takeUp, years } = forecastMunicipalityDemand(input, null, {
      withoutPlanned: false,
      additions: [],
    });
    const now = years.find((y) => y.year === 2026)!;
    now.demand.forEach((d, a) => expect(d).toBeCloseTo(input.demandNowByAge[a]!, 0));
    expect(takeUp[0]).toBe(0);
  });

  it('scenarios: the planned kindergarten counts from its opening year; a what-if adds places', () => {
    const withPlanned = forecastMunicipalityDemand(input, null, {
      withoutPlanned: false,
      additions: [],
    }).years;
    const without = forecastMunicipalityDemand(input, null, { withoutPlanned: true, additions: [] }).years;
    const whatIf = forecastMunicipalityDemand(input, null, {
      withoutPlanned: true,
      additions: [{ municipalityId: 1, fromYear: 2028, places: 120 }],
    }).years;
    expect(withPlanned.find((y) => y.year === 2026)!.capacity).toBe(3000);
    expect(withPlanned.find((y) => y.year === 2027)!.capacity).toBe(3200);
    expect(without.find((y) => y.year === 2027)!.capacity).toBe(3000);
    expect(whatIf.find((y) => y.year === 2028)!.capacity).toBe(3120);
    for (const y of withPlanned) expect(y.deficit).toBeCloseTo(Math.max(0, y.totalDemand - y.capacity), 0);
  });

  it('intervals contain the forecast and widen with the horizon', () => {
    const { years } = forecastMunicipalityDemand(input, null, { withoutPlanned: false, additions: [] });
    for (const y of years)
      expect(y.totalDemandLower <= y.totalDemand && y.totalDemand <= y.totalDemandUpper).toBe(true);
    const widths = years.map((y) => (y.totalDemandUpper - y.totalDemandLower) / y.totalDemand);
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThanOrEqual(widths[i - 1]! - 1e-9);
  });

  it('take-up is never negative and capped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(5000), { minLength: 8, maxLength: 8 }),
        fc.array(fc.nat(5000), { minLength: 8, maxLength: 8 }),
        (p, d) => takeUpByAge(p, d).every((x) => x >= 0 && x <= 1.5),
      ),
    );
  });
});
