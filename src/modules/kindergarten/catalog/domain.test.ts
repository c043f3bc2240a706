import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../platform/files/spreadsheet-cell.js';
import { parseCsv, toCsv } from '../open-data/csv.js';
import { CatalogCache } from './catalog-cache.js';
import { distanceKm } from './distance.js';
import { freePlaceHistory, historyDays } from './free-place-history.js';
import { freePlaces, groupTakesAge } from './free-places.js';
import { childCoefficient, occupancy, totalOccupancy } from './occupancy.js';
import { pressure, pressureLevel } from './pressure.js';
import { addressTsQuery, prefixTsQuery } from './search-query.js';

describe('free places', () => {
  it('is capacity − enrolled, never negative', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(80), (c, e) => {
        const f = freePlaces(c, e);
        expect(f).toBeGreaterThanOrEqual(0);
        if (e <= c) expect(f).toBe(c - e);
      }),
    );
  });
  it('groups take ages in [ageFrom, ageTo)', () => {
    expect(groupTakesAge({ ageFrom: 3, ageTo: 4 }, 3)).toBe(true);
    expect(groupTakesAge({ ageFrom: 3, ageTo: 4 }, 4)).toBe(false);
  });
});

describe('occupancy (eVaka)', () => {
  it('counts 1.75 under 3 years, 1.0 from the third birthday', () => {
    expect(childCoefficient('2023-06-01', '2026-05-31')).toBe(1.75);
    expect(childCoefficient('2023-06-01', '2026-06-01')).toBe(1);
  });
  it('is Σ coefficients / (caretakers × 7)', () => {
    expect(occupancy(14, 2)).toBe(1);
    expect(occupancy(3, 0)).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.record({ coefficientSum: fc.nat(40), caretakers: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
        }),
        (gs) => {
          const total = totalOccupancy(gs)!;
          const each = gs.map((g) => occupancy(g.coefficientSum, g.caretakers)!);
          expect(total).toBeGreaterThanOrEqual(Math.min(...each) - 1e-9);
          expect(total).toBeLessThanOrEqual(Math.max(...each) + 1e-9);
        },
      ),
    );
  });
});

describe('pressure', () => {
  it('is applicants per free place, unbounded (high) when nothing is free', () => {
    expect(pressure(10, 5)).toBe(2);
    expect(pressure(0, 0)).toBe(0);
    expect(pressure(3, 0)).toBeNull();
    expect(pressureLevel(null)).toBe('high');
    expect(pressureLevel(0.5)).toBe('low');
    expect(pressureLevel(1.5)).toBe('medium');
    expect(pressureLevel(2.5)).toBe('high');
  });
});

describe('search query', () => {
  it('makes every word a prefix and can never emit tsquery syntax', () => {
    expect(prefixTsQuery('Детский  сад Солныш')).toBe('детский:* & сад:* & солныш:*');
    expect(prefixTsQuery("'):*&|!")).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = prefixTsQuery(s);
        if (q !== null) expect(q).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
      }),
    );
  });
  it('drops house numbers and address noise words', () => {
    expect(addressTsQuery('г. Киров, ул. Ленина, д. 5')).toBe('киров:* & ленина:*');
  });
});

describe('distance', () => {
  it('is symmetric and zero at the same point', () => {
    expect(distanceKm(58.6, 49.6, 58.6, 49.6)).toBe(0);
    expect(distanceKm(58.6, 49.6, 58.7, 49.6)).toBeCloseTo(11.12, 1);
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        (a, b, c, d) => {
          expect(distanceKm(a, b, c, d)).toBeCloseTo(distanceKm(c, d, a, b), 6);
        },
      ),
    );
  });
});

describe('free-place history', () => {
  it('reads the capacity in force and the children attending on each day', () => {
    const days = historyDays('2026-03-15', 3);
    expect(days).toEqual(['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15']);
    const points = freePlaceHistory(
      days,
      [
        { groupId: 1, validFrom: '2020-01-01', capacity: 10 },
        { groupId: 1, validFrom: '2026-02-01', capacity: 12 },
      ],
      [
        { groupId: 1, enrolledOn: '2025-09-01', leftOn: null },
        { groupId: 1, enrolledOn: '2025-09-01', leftOn: '2026-01-31' },
      ],
      [{ registeredOn: '2026-01-10', leftOn: '2026-03-01' }],
    );
    expect(points.map((p) => [p.capacity, p.enrolled, p.freePlaces, p.applicants])).toEqual([
      [10, 2, 8, 0],
      [10, 1, 9, 1],
      [12, 1, 11, 1],
      [12, 1, 11, 0],
    ]);
  });
});

describe('free-place history of a kindergarten under construction', () => {
  it('counts no places before it opens, though its groups are declared, as its card does', () => {
    const days = historyDays('2026-12-04', 2);
    const capacity = [{ groupId: 1, validFrom: '2026-01-01', capacity: 114 }];
    const queue = [{ registeredOn: '2026-10-01', leftOn: null }];
    const building = freePlaceHistory(days, capacity, [], queue, { opensOn: '2027-09-01' });
    expect(building.map((p) => [p.capacity, p.freePlaces, p.applicants])).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    const unknown = freePlaceHistory(days, capacity, [], queue, { opensOn: null });
    expect(unknown.every((p) => p.freePlaces === 0)).toBe(true);
    const opened = freePlaceHistory(days, capacity, [], queue, { opensOn: '2026-11-15' });
    expect(opened.map((p) => p.freePlaces)).toEqual([0, 114, 114]);
  });
});

describe('RFC 4180 CSV', () => {
  it('round-trips any text through quoting (text that would start a formula comes back neutralised)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const text = toCsv(['a', 'b'], rows);
          expect(text.endsWith('\r\n')).toBe(true);
          expect(parseCsv(text)).toEqual([['a', 'b'], ...rows.map((r) => r.map(neutraliseFormula))]);
        },
      ),
    );
    expect(toCsv(['x'], [['say "hi", ok']])).toBe('\uFEFFx\r\n"say ""hi"", ok"\r\n');
  });
});

describe('catalog cache', () => {
  it('builds once, serves the stale snapshot while rebuilding, and refreshes on demand', async () => {
    let now = 0;
    let builds = 0;
    const cache = new CatalogCache(
      async () => ({ version: String(++builds) }) as never,
      1000,
      () => now,
    );
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(builds).toBe(1);
    now = 500;
    expect((await cache.get()).version).toBe('1');
    now = 1500;
    // Expired: the reader gets the old one at once, a rebuild runs behind it.
    expect((await cache.get()).version).toBe('1');
    await new Promise((r) => setTimeout(r, 0));
    expect((await cache.get()).version).toBe('2');
    expect((await cache.refresh()).version).toBe('3');
    expect((await cache.get()).version).toBe('3');
  });

  it('keeps an expired snapshot when its data is unchanged, rebuilds when it changed', async () => {
    let now = 0;
    let builds = 0;
    let same = true;
    const cache = new CatalogCache(
      async () => ({ version: String(++builds) }) as never,
      1000,
      () => now,
      () => undefined,
      async () => same,
    );
    expect((await cache.get()).version).toBe('1');
    now = 1500;
    await cache.get();
    await new Promise((r) => setTimeout(r, 0));
    expect(builds).toBe(1);
    // Checked at 1500: fresh again until 2500, no further check before.
    now = 2400;
    await cache.get();
    expect(builds).toBe(1);
    now = 2600;
    same = false;
    expect((await cache.get()).version).toBe('1');
    await new Promise((r) => setTimeout(r, 0));
    expect((await cache.get()).version).toBe('2');
    // A write always rebuilds, whatever the check says.
    same = true;
    expect((await cache.refresh()).version).toBe('3');
  });

  it('shares one follow-up build among writes that arrive during a build', async () => {
    let builds = 0;
    let release: () => void = () => undefined;
    const cache = new CatalogCache(
      () =>
        new Promise((resolve) => {
          const n = ++builds;
          release = () => resolve({ version: String(n) } as never);
        }),
      60_000,
    );
    const first = cache.refresh();
    const a = cache.refresh();
    const b = cache.refresh();
    release();
    expect((await first).version).toBe('1');
    await new Promise((r) => setTimeout(r, 0));
    release();
    expect((await a).version).toBe('2');
    expect(await b).toBe(await a);
    expect(builds).toBe(2);
  });
});
