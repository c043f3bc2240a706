import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInstance } from './arbitrary-instance.js';
import { compareAt, effectivePreferences, parseInstance, programCutoffs, solve } from './index.js';

describe('programCutoffs', () => {
  it('names the worst admitted child with its priority there', () => {
    const instance = parseInstance({
      version: 1,
      programs: [
        { id: 'A', capacity: 2 },
        { id: 'B', capacity: 3 },
        { id: 'C', capacity: 1 },
      ],
      children: [
        { id: 'x', preferences: ['A'], priority: [0, 5] },
        { id: 'y', preferences: ['A'], priority: [2, 1], programPriority: { A: [1, 1] } },
        { id: 'z', preferences: ['A', 'B'], priority: [2, 0] },
        { id: 'h', preferences: [], priority: [9, 9], current: 'C' },
      ],
    });
    const cutoffs = programCutoffs(instance, solve(instance).assignments);
    expect(cutoffs.get('A')).toEqual({
      capacity: 2,
      admitted: 2,
      last: { childId: 'y', priority: [1, 1], holdsCurrent: false },
    });
    expect(cutoffs.get('B')).toEqual({
      capacity: 3,
      admitted: 1,
      last: { childId: 'z', priority: [2, 0], holdsCurrent: false },
    });
    expect(cutoffs.get('C')!.last).toEqual({ childId: 'h', priority: [9, 9], holdsCurrent: true });
  });

  it('explains every program a child wanted more than what it got: full, and the child ranks after the cut-off', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxChildren: 8 }), (json) => {
        const instance = parseInstance(json);
        const { assignments } = solve(instance);
        const cutoffs = programCutoffs(instance, assignments);
        for (const child of instance.children) {
          const list = effectivePreferences(child);
          const got = assignments[child.id];
          for (const programId of list.slice(0, got === null ? list.length : list.indexOf(got!))) {
            const { capacity, admitted, last } = cutoffs.get(programId)!;
            expect(admitted).toBe(capacity);
            if (last === null) continue; // capacity 0
            const lastChild = instance.children.find((c) => c.id === last.childId)!;
            expect(compareAt(programId, child, lastChild)).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
