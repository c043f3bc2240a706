import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  DEFAULT_DUPLICATE_RULES,
  distanceMetres,
  duplicateMatch,
  jaccard,
  rankDuplicates,
  textStems,
  type DuplicateSubject,
} from './similarity.js';

const rules = DEFAULT_DUPLICATE_RULES;
const stemSet = fc.uniqueArray(fc.constantFrom('холод', 'батаре', 'групп', 'ям', 'дорог', 'свет', 'мусор'), {
  maxLength: 7,
});
const point = fc.record({
  lat: fc.double({ min: -70, max: 70, noNaN: true }),
  lon: fc.double({ min: -179, max: 179, noNaN: true }),
});

const subject = (over: Partial<DuplicateSubject> = {}): DuplicateSubject => ({
  categoryCode: 'education.kindergartens',
  organisationId: 7,
  point: null,
  registeredOn: '2026-03-02',
  stems: textStems('В группе холодно, батареи еле тёплые'),
  ...over,
});

describe('text similarity', () => {
  it('finds the same complaint in other words and forms', () => {
    const a = textStems('В группе «Солнышко» холодно, батареи еле тёплые.');
    const b = textStems('Холодно в группах, батарея чуть тёплая!');
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(rules.minSimilarity);
    expect(jaccard(a, textStems('Яма на дороге у остановки'))).toBe(0);
  });

  it('ignores case, ё, HTML and stop words', () => {
    expect(textStems('<b>ЁЛКА</b> очень пожалуйста')).toEqual(textStems('елка'));
  });

  it('is symmetric, within 0…1, and 1 exactly for equal non-empty sets', () => {
    fc.assert(
      fc.property(stemSet, stemSet, (xs, ys) => {
        const a = new Set(xs);
        const b = new Set(ys);
        const s = jaccard(a, b);
        expect(s).toBe(jaccard(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (xs.length > 0) expect(jaccard(a, new Set(xs))).toBe(1);
      }),
    );
  });

  it('never falls when a shared stem is added to both', () => {
    fc.assert(
      fc.property(stemSet, stemSet, (xs, ys) => {
        const before = jaccard(new Set(xs), new Set(ys));
        const after = jaccard(new Set([...xs, 'общ']), new Set([...ys, 'общ']));
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });
});

describe('distance and radius', () => {
  it('is symmetric, zero for the same point, and the bounding box holds the radius', () => {
    fc.assert(
      fc.property(
        point,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (p, bearing, metres) => {
          expect(distanceMetres(p, p)).toBe(0);
          // A point `metres` away along `bearing` (small-distance approximation, 0.5 % margin).
          const q = {
            lat: p.lat + ((metres * 0.995 * Math.cos(bearing)) / 6_371_008.8) * (180 / Math.PI),
            lon:
              p.lon +
              ((metres * 0.995 * Math.sin(bearing)) / (6_371_008.8 * Math.cos((p.lat * Math.PI) / 180))) *
                (180 / Math.PI),
          };
          expect(Math.abs(distanceMetres(p, q) - distanceMetres(q, p))).toBeLessThan(1e-6);
          expect(distanceMetres(p, q)).toBeLessThanOrEqual(metres);
          const box = boundingBox(p, metres);
          expect(q.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(q.lat).toBeLessThanOrEqual(box.maxLat);
          expect(q.lon).toBeGreaterThanOrEqual(box.minLon);
          expect(q.lon).toBeLessThanOrEqual(box.maxLon);
        },
      ),
    );
  });

  it('matches points within the radius and not beyond it', () => {
    const here = { lat: 58.6035, lon: 49.668 };
    const near = { lat: 58.6035 + 250 / 111_195, lon: 49.668 }; // ≈ 250 m north
    const far = { lat: 58.6035 + 350 / 111_195, lon: 49.668 }; // ≈ 350 m north
    const a = subject({ organisationId: null, point: here });
    expect(duplicateMatch(a, subject({ organisationId: null, point: near }), rules)).not.toBeNull();
    expect(duplicateMatch(a, subject({ organisationId: null, point: far }), rules)).toBeNull();
    expect(
      duplicateMatch(a, subject({ organisationId: null, point: far }), { ...rules, radiusMetres: 400 }),
    ).not.toBeNull();
  });
});

describe('duplicate rules', () => {
  it('needs the same category, the window, the place and similar text', () => {
    const a = subject();
    expect(duplicateMatch(a, subject(), rules)).toMatchObject({ similarity: 1, sameOrganisation: true });
    expect(duplicateMatch(a, subject({ categoryCode: 'education.schools' }), rules)).toBeNull();
    expect(duplicateMatch(a, subject({ registeredOn: '2026-04-01' }), rules)).not.toBeNull(); // 30 days
    expect(duplicateMatch(a, subject({ registeredOn: '2026-04-02' }), rules)).toBeNull(); // 31 days
    expect(duplicateMatch(a, subject({ organisationId: 8 }), rules)).toBeNull();
    expect(duplicateMatch(a, subject({ stems: textStems('Не работает освещение') }), rules)).toBeNull();
  });

  it('is symmetric and every match obeys each rule', () => {
    const arb = fc.record({
      categoryCode: fc.constantFrom('a.x', 'a.y'),
      organisationId: fc.option(fc.constantFrom(1, 2), { nil: null }),
      point: fc.option(
        fc.record({
          lat: fc.double({ min: 58.59, max: 58.61, noNaN: true }),
          lon: fc.double({ min: 49.66, max: 49.68, noNaN: true }),
        }),
        { nil: null },
      ),
      registeredOn: fc.constantFrom('2026-01-01', '2026-01-20', '2026-02-05', '2026-03-10'),
      stems: stemSet.map((xs) => new Set(xs)),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const m = duplicateMatch(a, b, rules);
        const n = duplicateMatch(b, a, rules);
        expect(m === null).toBe(n === null);
        if (!m) return;
        expect(a.categoryCode).toBe(b.categoryCode);
        expect(m.similarity).toBeGreaterThanOrEqual(rules.minSimilarity);
        expect(
          m.sameOrganisation || (m.distanceMetres !== null && m.distanceMetres <= rules.radiusMetres),
        ).toBe(true);
      }),
    );
  });

  it('ranks the most similar first and keeps at most the limit', () => {
    const a = subject();
    const ranked = rankDuplicates(
      a,
      [
        { ...subject({ stems: textStems('В группе холодно, батареи еле тёплые, дети болеют') }), id: 1 },
        { ...subject(), id: 2 },
        { ...subject({ categoryCode: 'education.schools' }), id: 3 },
      ],
      rules,
      5,
    );
    expect(ranked.map((r) => r.candidate.id)).toEqual([2, 1]);
    expect(rankDuplicates(a, [{ ...subject(), id: 2 }], rules, 0)).toEqual([]);
  });
});
