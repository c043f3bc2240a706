import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibility, expertWeighted, practiceResult } from './expert-review.js';

const criteria = [
  { code: 'effect', weight: 60, maxScore: 10 },
  { code: 'scale', weight: 40, maxScore: 10 },
];

describe('expert review', () => {
  it('bars an expert from their own region and organisation, and after a declared conflict', () => {
    const p = { id: 'p-0001', regionCode: '43', organisationId: 7 };
    expect(eligibility({ userId: 'e', regionCode: '43', organisationId: null }, p, new Set())).toBe(
      'own_region',
    );
    expect(eligibility({ userId: 'e', regionCode: '77', organisationId: 7 }, p, new Set())).toBe(
      'own_organisation',
    );
    expect(
      eligibility({ userId: 'e', regionCode: '77', organisationId: 8 }, p, new Set(['p-0001\u0000e'])),
    ).toBe('conflict');
    expect(eligibility({ userId: 'e', regionCode: '77', organisationId: null }, p, new Set())).toBe('open');
  });

  it('weights the criteria on 0…100 and needs every criterion', () => {
    expect(
      expertWeighted(
        criteria,
        new Map([
          ['effect', 8],
          ['scale', 5],
        ]),
      ),
    ).toBe(68);
    expect(expertWeighted(criteria, new Map([['effect', 8]]))).toBeNull();
  });

  it('shows a result only when every eligible expert is in, and it lies within their scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { maxLength: 8 }),
        (xs) => {
          const r = practiceResult(xs);
          const done = xs.filter((x) => x !== null);
          expect(r.in).toBe(done.length);
          if (xs.length === 0 || done.length < xs.length) expect(r.weighted).toBeNull();
          else {
            expect(r.weighted!).toBeGreaterThanOrEqual(Math.min(...done) - 0.01);
            expect(r.weighted!).toBeLessThanOrEqual(Math.max(...done) + 0.01);
          }
        },
      ),
    );
  });
});
