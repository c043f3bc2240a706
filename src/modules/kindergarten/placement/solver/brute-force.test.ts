// The solver against exhaustive search on tiny instances, with the spec's definitions re-implemented
// here from scratch: it must return the child-optimal stable matching, and no child may gain by
// reporting any other preference list (deferred acceptance is strategy-proof for children).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInstance } from './arbitrary-instance.js';
import { parseInstance, solve } from './index.js';
import type { InstanceJson } from './index.js';

type ChildJson = InstanceJson['children'][number];
type Matching = (string | null)[]; // program per child, by index in instance.children

const currentOf = (child: ChildJson) => (typeof child.current === 'string' ? child.current : undefined);

function acceptable(child: ChildJson): string[] {
  const current = currentOf(child);
  if (current === undefined) return child.preferences;
  const at = child.preferences.indexOf(current);
  return at === -1 ? [...child.preferences, current] : child.preferences.slice(0, at + 1);
}

/** The child's standing at a program as a tuple compared lexicographically; smaller is better. */
function standing(child: ChildJson, programId: string): (number | string)[] {
  const overrides = child.programPriority ?? {};
  const priority = Object.hasOwn(overrides, programId) ? overrides[programId]! : child.priority;
  return [currentOf(child) === programId ? 0 : 1, ...priority, child.id];
}

function before(a: (number | string)[], b: (number | string)[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** Every assignment of children to acceptable programs (or nothing) within capacities. */
function allMatchings(instance: InstanceJson): Matching[] {
  const seats = new Map(instance.programs.map((p) => [p.id, p.capacity]));
  const matchings: Matching[] = [];
  const partial: Matching = [];
  const extend = (c: number) => {
    if (c === instance.children.length) return void matchings.push([...partial]);
    for (const option of [null, ...acceptable(instance.children[c]!)]) {
      if (option !== null && seats.get(option)! === 0) continue;
      if (option !== null) seats.set(option, seats.get(option)! - 1);
      partial[c] = option;
      extend(c + 1);
      if (option !== null) seats.set(option, seats.get(option)! + 1);
    }
  };
  extend(0);
  return matchings;
}

function isStable(instance: InstanceJson, matching: Matching): boolean {
  const { children, programs } = instance;
  return children.every((child, c) => {
    const list = acceptable(child);
    const held = matching[c] === null ? list.length : list.indexOf(matching[c]!);
    return list.slice(0, held).every((programId) => {
      const admitted = children.filter((_, d) => matching[d] === programId);
      const capacity = programs.find((p) => p.id === programId)!.capacity;
      const wouldDisplace = admitted.some((other) =>
        before(standing(child, programId), standing(other, programId)),
      );
      return admitted.length === capacity && !wouldDisplace;
    });
  });
}

/** Position of `programId` in the child's true list; unplaced after it, unacceptable programs last. */
function utility(trueList: readonly string[], programId: string | null): number {
  if (programId === null) return trueList.length;
  const at = trueList.indexOf(programId);
  return at === -1 ? trueList.length + 1 : at;
}

function childOptimal(instance: InstanceJson): Matching | undefined {
  const stable = allMatchings(instance).filter((m) => isStable(instance, m));
  const lists = instance.children.map(acceptable);
  return stable.find((m) =>
    stable.every((other) => lists.every((list, c) => utility(list, m[c]!) <= utility(list, other[c]!))),
  );
}

const solved = (instance: InstanceJson): Matching => {
  const { assignments } = solve(parseInstance(instance));
  return instance.children.map((child) => assignments[child.id]!);
};

/** All ordered selections of `items`: every preference list a child could report. */
function orderedSubsets(items: readonly string[]): string[][] {
  const lists: string[][] = [[]];
  for (let i = 0; i < items.length; i++) {
    const rest = items.filter((_, j) => j !== i);
    for (const tail of orderedSubsets(rest)) lists.push([items[i]!, ...tail]);
  }
  return lists;
}

const tiny = arbitraryInstance({ maxPrograms: 3, maxChildren: 5, maxCapacity: 2 });

describe('solve against brute force', () => {
  it('returns the child-optimal stable matching', () => {
    fc.assert(
      fc.property(tiny, (instance) => {
        const optimal = childOptimal(instance);
        expect(optimal).toBeDefined();
        expect(solved(instance)).toEqual(optimal);
      }),
      { numRuns: 400 },
    );
  });

  it('gives no child a better program for any misreported preference list', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxPrograms: 3, maxChildren: 4, maxCapacity: 2 }), (instance) => {
        const truthful = solved(instance);
        const programIds = instance.programs.map((p) => p.id);
        instance.children.forEach((child, c) => {
          const trueList = acceptable(child);
          const honest = utility(trueList, truthful[c]!);
          for (const report of orderedSubsets(programIds)) {
            const children = instance.children.map((other, d) =>
              d === c ? { ...other, preferences: report } : other,
            );
            const outcome = solved({ ...instance, children })[c]!;
            expect(
              utility(trueList, outcome),
              `${child.id} reporting ${JSON.stringify(report)}`,
            ).toBeGreaterThanOrEqual(honest);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
