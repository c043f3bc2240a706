// fast-check generator of small valid instances for the solver's property tests. Ids come from a pool
// chosen to break naive code (`__proto__`, `constructor`, '', digits that become array indices,
// Cyrillic, a non-BMP letter and a BMP letter above the surrogates), priorities from a tiny range so
// that ties (decided by id) are common, plus the extremes of the safe integers.

import fc from 'fast-check';
import type { InstanceJson } from './instance.js';

export const TRICKY_IDS = [
  'a',
  'b',
  'z',
  'Я',
  '𝒜',
  'ﬀ',
  '__proto__',
  'constructor',
  'toString',
  '',
  ' ',
  '0',
  '10',
  '9',
] as const;

const priorityValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -2, max: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, -0) },
);

export interface InstanceBounds {
  maxPrograms?: number;
  maxChildren?: number;
  maxCapacity?: number;
  maxWidth?: number;
}

type ChildJson = InstanceJson['children'][number];

export function arbitraryInstance(bounds: InstanceBounds = {}): fc.Arbitrary<InstanceJson> {
  const { maxPrograms = 4, maxChildren = 6, maxCapacity = 3, maxWidth = 2 } = bounds;
  return fc
    .record({
      programIds: fc.uniqueArray(fc.constantFrom(...TRICKY_IDS), { maxLength: maxPrograms }),
      childIds: fc.uniqueArray(fc.constantFrom(...TRICKY_IDS), { maxLength: maxChildren }),
      width: fc.integer({ min: 0, max: maxWidth }),
    })
    .chain(({ programIds, childIds, width }) => {
      const priority = fc.array(priorityValue, { minLength: width, maxLength: width });
      const programId: fc.Arbitrary<string | undefined> =
        programIds.length === 0 ? fc.constant(undefined) : fc.constantFrom<string>(...programIds);
      const child = (id: string): fc.Arbitrary<ChildJson> =>
        fc
          .record({
            preferences: fc.shuffledSubarray(programIds),
            priority,
            overrides: fc.array(fc.tuple(programId, priority), { maxLength: 2 }),
            absentOverrides: fc.constantFrom(undefined, null),
            current: fc.oneof(fc.constant(undefined), fc.constant(null), programId),
          })
          .map(({ preferences, priority, overrides, absentOverrides, current }) => {
            const json: ChildJson = { id, preferences, priority };
            const entries = overrides.filter((entry): entry is [string, number[]] => entry[0] !== undefined);
            // Object.fromEntries defines own properties, so a `__proto__` key stays a key.
            json.programPriority = entries.length > 0 ? Object.fromEntries(entries) : absentOverrides;
            if (current !== undefined) json.current = current;
            return json;
          });
      return fc
        .record({
          capacities: fc.array(fc.integer({ min: 0, max: maxCapacity }), {
            minLength: programIds.length,
            maxLength: programIds.length,
          }),
          children: fc.tuple(...childIds.map(child)),
        })
        .map(({ capacities, children }): InstanceJson => {
          // A program must have a seat for every child already holding one there.
          const held = new Map<string, number>();
          for (const { current } of children)
            if (typeof current === 'string') held.set(current, (held.get(current) ?? 0) + 1);
          const programs = programIds.map((id, p) => ({
            id,
            capacity: Math.max(capacities[p]!, held.get(id) ?? 0),
          }));
          return { version: 1, programs, children };
        });
    });
}

/** The same instance with programs, children and `programPriority` keys in another order. */
export function shuffledInstance(instance: InstanceJson, seed: number): InstanceJson {
  let state = seed >>> 0;
  // A linear congruential generator is plenty for permuting a dozen items reproducibly.
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return {
    version: 1,
    programs: shuffle(instance.programs),
    children: shuffle(instance.children).map((child) => ({
      ...child,
      programPriority:
        child.programPriority && Object.fromEntries(shuffle(Object.entries(child.programPriority))),
    })),
  };
}
