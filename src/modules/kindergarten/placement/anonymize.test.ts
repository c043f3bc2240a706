import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymize } from './anonymize.js';
import { arbitraryInstance } from './solver/arbitrary-instance.js';
import { parseInstance, solve } from './solver/index.js';

describe('anonymize', () => {
  it('re-solving the published instance gives the published result, with no original id left', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxChildren: 8 }), fc.integer(), (instance, seed) => {
        const { assignments } = solve(parseInstance(instance));
        let n = seed >>> 0;
        const token = () => `t${((n = (Math.imul(n, 1103515245) + 12345) >>> 0) % 1e6).toString(36)}`;
        const published = anonymize(instance, { ...assignments }, token);
        const resolved = solve(parseInstance(published.instance)).assignments;
        expect({ ...resolved }).toEqual({ ...published.result.assignments });
        const placed = (a: Record<string, string | null>) =>
          Object.values(a)
            .filter((v) => v !== null)
            .sort();
        expect(placed(published.result.assignments)).toEqual(placed({ ...assignments }));
        const ids = new Set(instance.children.map((c) => c.id));
        for (const c of published.instance.children)
          expect(ids.has(c.id) && !c.id.startsWith('t')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
