import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoRoutingDecision } from './auto-routing.js';

describe('automatic routing above a confidence', () => {
  it('routes by the suggested category only at or above the threshold', () => {
    const top = { categoryCode: 'roads.repair', score: 0.91 };
    expect(autoRoutingDecision('education.kindergartens', top, 0.85)).toEqual({
      suggestion: top,
      routeBy: 'roads.repair',
    });
    expect(autoRoutingDecision('education.kindergartens', { ...top, score: 0.84 }, 0.85)).toEqual({
      suggestion: { ...top, score: 0.84 },
      routeBy: null,
    });
    expect(autoRoutingDecision('education.kindergartens', { ...top, score: 0.85 }, 0.85).routeBy).toBe(
      'roads.repair',
    );
  });

  it('records nothing when the classifier agrees, is absent, or names an unknown category', () => {
    expect(autoRoutingDecision('roads.repair', { categoryCode: 'roads.repair', score: 0.99 }, 0.5)).toEqual({
      suggestion: null,
      routeBy: null,
    });
    expect(autoRoutingDecision('roads.repair', undefined, 0.5).suggestion).toBeNull();
    expect(
      autoRoutingDecision('roads.repair', { categoryCode: 'no.such', score: 0.99 }, 0.5).suggestion,
    ).toBeNull();
  });

  it('a threshold above 1 never routes; the decision is monotone in the score', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (s1, s2, threshold) => {
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const d = (score: number, t = threshold) =>
            autoRoutingDecision('education.kindergartens', { categoryCode: 'roads.repair', score }, t);
          if (d(lo).routeBy) expect(d(hi).routeBy).toBe('roads.repair');
          expect(d(hi, 1.01).routeBy).toBeNull();
          expect(d(lo).suggestion).not.toBeNull();
        },
      ),
    );
  });
});
