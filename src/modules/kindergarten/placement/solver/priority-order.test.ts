import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, comparePriority } from './effective-order.js';
import { orderByPriority } from './priority-order.js';

const value = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: 0, max: 2 ** 40 }),
  fc.maxSafeInteger(),
  fc.constantFrom(-0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);

const children = fc.integer({ min: 0, max: 4 }).chain((width) =>
  fc.uniqueArray(
    fc.record({
      id: fc.string({ unit: 'grapheme', maxLength: 3 }),
      priority: fc.array(value, { minLength: width, maxLength: width }),
    }),
    { selector: (child) => child.id, maxLength: 60 },
  ),
);

describe('orderByPriority', () => {
  it('sorts like a comparator on (priority, id), whatever the value ranges', () => {
    fc.assert(
      fc.property(children, (list) => {
        const width = list[0]?.priority.length ?? 0;
        const columns = Array.from({ length: width }, (_, j) =>
          Float64Array.from(list, (c) => c.priority[j]!),
        );
        const order = [
          ...orderByPriority(
            columns,
            list.map((c) => c.id),
          ),
        ];
        const expected = list
          .map((_, i) => i)
          .sort(
            (a, b) =>
              comparePriority(list[a]!.priority, list[b]!.priority) || compareIds(list[a]!.id, list[b]!.id),
          );
        expect(order).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts 200,000 children with one tied run', () => {
    const n = 200_000;
    const ids = Array.from({ length: n }, (_, i) => `A-${(n - i) % 1000}-${i}`);
    const classes = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : 2));
    const stamps = Float64Array.from({ length: n }, (_, i) => (i < 1000 ? 5 : 1.7e9 + ((i * 7919) % 9e7)));
    const order = orderByPriority([classes, stamps], ids);
    let misordered = 0;
    for (let i = 1; i < n; i++) {
      const a = order[i - 1]!;
      const b = order[i]!;
      if ((classes[a]! - classes[b]! || stamps[a]! - stamps[b]! || compareIds(ids[a]!, ids[b]!)) >= 0)
        misordered++;
    }
    expect(new Set(order).size).toBe(n);
    expect(misordered).toBe(0);
  });
});
