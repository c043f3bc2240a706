import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInstance, shuffledInstance } from './arbitrary-instance.js';
import {
  findBlockingPair,
  findInfeasibility,
  indexInstance,
  parseInstance,
  place,
  resultJsonChunks,
  solve,
} from './index.js';
import type { InstanceJson } from './index.js';

const solveJson = (json: InstanceJson) => solve(parseInstance(json)).assignments;
/** Assignments as sorted entries: independent of key order and of the object's prototype. */
const entries = (assignments: Record<string, string | null>) =>
  Object.keys(assignments)
    .sort()
    .map((id) => [id, assignments[id]]);

const program = (id: string, capacity: number) => ({ id, capacity });

describe('solve: properties', () => {
  it('gives a feasible, stable result that keeps every current seat', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxPrograms: 5, maxChildren: 10 }), (json) => {
        const instance = parseInstance(json);
        const { assignments, stats } = solve(instance);
        expect(findInfeasibility(instance, assignments)).toBeNull();
        expect(findBlockingPair(instance, assignments)).toBeNull();
        expect(stats.children).toBe(json.children.length);
        expect(stats.placed).toBe(Object.values(assignments).filter((p) => p !== null).length);
        for (const child of json.children)
          if (typeof child.current === 'string') expect(assignments[child.id]).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of programs, children or programPriority keys', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxPrograms: 5, maxChildren: 10 }), fc.integer(), (json, seed) => {
        const shuffled = shuffledInstance(json, seed);
        expect(entries(solveJson(shuffled))).toEqual(entries(solveJson(json)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes chunk by chunk the same JSON as JSON.stringify of solve()', () => {
    fc.assert(
      fc.property(arbitraryInstance(), (json) => {
        const instance = parseInstance(json);
        const indexed = indexInstance(instance);
        const text = [...resultJsonChunks(indexed, place(indexed))].join('');
        // Key order differs (objects list integer-like keys first), which the spec allows.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(solve(instance))));
      }),
      { numRuns: 200 },
    );
  });

  it('solves a larger random instance stably', () => {
    const json = fc.sample(arbitraryInstance({ maxPrograms: 14, maxChildren: 14, maxCapacity: 2 }), {
      seed: 7,
      numRuns: 30,
    });
    for (const sample of json) {
      const instance = parseInstance(sample);
      const { assignments } = solve(instance);
      expect(findInfeasibility(instance, assignments)).toBeNull();
      expect(findBlockingPair(instance, assignments)).toBeNull();
    }
  });
});

describe('solve: adversarial cases', () => {
  it('leaves a child with empty preferences unplaced', () => {
    expect(
      solveJson({
        version: 1,
        programs: [program('A', 5)],
        children: [{ id: 'x', preferences: [], priority: [] }],
      }),
    ).toEqual({ x: null });
  });

  it('places nobody in a program with zero capacity', () => {
    const result = solveJson({
      version: 1,
      programs: [program('A', 0), program('B', 1)],
      children: [
        { id: 'x', preferences: ['A', 'B'], priority: [0] },
        { id: 'y', preferences: ['A'], priority: [1] },
      ],
    });
    expect(entries(result)).toEqual([
      ['x', 'B'],
      ['y', null],
    ]);
  });

  it('decides equal priorities by id in UTF-16 order', () => {
    // Code point order would put U+FB00 'ﬀ' before U+1D49C '𝒜'; UTF-16 (JS `<`) compares 0xD835 < 0xFB00.
    const ids = ['z', 'Я', '𝒜', 'ﬀ', 'a'];
    const children = ids.map((id) => ({ id, preferences: ['A'], priority: [1, 1] }));
    const winnerOf = (list: typeof children) =>
      Object.entries(solveJson({ version: 1, programs: [program('A', 1)], children: list })).find(
        ([, p]) => p,
      )?.[0];
    expect(winnerOf(children)).toBe('a');
    expect(winnerOf(children.filter((c) => c.id !== 'a'))).toBe('z');
    expect(winnerOf(children.filter((c) => c.id === 'Я' || c.id === '𝒜'))).toBe('Я');
    expect(winnerOf(children.filter((c) => c.id === '𝒜' || c.id === 'ﬀ'))).toBe('𝒜');
  });

  it('orders by id when priority arrays are empty', () => {
    const result = solveJson({
      version: 1,
      programs: [program('A', 2)],
      children: ['c', 'a', 'b'].map((id) => ({ id, preferences: ['A'], priority: [] })),
    });
    expect(entries(result)).toEqual([
      ['a', 'A'],
      ['b', 'A'],
      ['c', null],
    ]);
  });

  it('compares negative and extreme priorities numerically', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const priorities = [
      [0, -1],
      [-max, max],
      [-5, 0],
      [max, -max],
      [-5, -max],
    ];
    const result = solveJson({
      version: 1,
      programs: [program('A', 3)],
      children: priorities.map((priority, i) => ({ id: `c${i}`, preferences: ['A'], priority })),
    });
    expect(entries(result)).toEqual([
      ['c0', null],
      ['c1', 'A'],
      ['c2', 'A'],
      ['c3', null],
      ['c4', 'A'],
    ]);
  });

  it('accepts __proto__ and constructor as child and program ids', () => {
    const json = JSON.parse(`{
      "version": 1,
      "programs": [{ "id": "__proto__", "capacity": 1 }, { "id": "constructor", "capacity": 1 }],
      "children": [
        { "id": "constructor", "preferences": ["__proto__", "constructor"], "priority": [1] },
        { "id": "__proto__", "preferences": ["__proto__"], "priority": [2],
          "programPriority": { "__proto__": [0] } },
        { "id": "toString", "preferences": ["constructor"], "priority": [0] }
      ]
    }`) as InstanceJson;
    const { assignments } = solve(parseInstance(json));
    expect(Object.getPrototypeOf(assignments)).toBeNull();
    expect(Object.keys(assignments).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(assignments['__proto__']).toBe('__proto__');
    expect(assignments['constructor']).toBeNull();
    expect(assignments['toString']).toBe('constructor');
    expect(JSON.parse(JSON.stringify(assignments))).toEqual(
      JSON.parse('{"__proto__":"__proto__","constructor":null,"toString":"constructor"}'),
    );
  });

  it('applies programPriority at that program only', () => {
    const result = solveJson({
      version: 1,
      programs: [program('A', 1), program('B', 1)],
      children: [
        { id: 'sibling', preferences: ['A', 'B'], priority: [2, 50], programPriority: { A: [-1, 50] } },
        { id: 'benefit', preferences: ['A', 'B'], priority: [0, 10] },
        { id: 'late', preferences: ['B'], priority: [2, 40] },
      ],
    });
    expect(entries(result)).toEqual([
      ['benefit', 'B'],
      ['late', null],
      ['sibling', 'A'],
    ]);
  });

  describe('current', () => {
    const base = (current: string, preferences: string[]): InstanceJson => ({
      version: 1,
      programs: [program('A', 1), program('B', 1), program('C', 1)],
      children: [
        { id: 'mover', preferences, priority: [9], current },
        { id: 'rival', preferences: ['A', 'B', 'C'], priority: [0] },
      ],
    });

    it('keeps the seat and ignores later preferences when current comes first', () => {
      expect(entries(solveJson(base('A', ['A', 'B'])))).toEqual([
        ['mover', 'A'],
        ['rival', 'B'],
      ]);
    });

    it('moves up when a preferred program has room, freeing the held seat', () => {
      const json = base('C', ['B', 'C']);
      json.children[1]!.preferences = ['C', 'A'];
      expect(entries(solveJson(json))).toEqual([
        ['mover', 'B'],
        ['rival', 'C'],
      ]);
    });

    it('keeps the seat when everything preferred is full (current last)', () => {
      const json = base('C', ['B', 'C']);
      json.programs[1] = program('B', 0);
      expect(entries(solveJson(json))).toEqual([
        ['mover', 'C'],
        ['rival', 'A'],
      ]);
    });

    it('appends current when absent from preferences and ranks its holder first there', () => {
      const json = base('C', ['A']);
      json.children[1]!.preferences = ['C'];
      expect(entries(solveJson(json))).toEqual([
        ['mover', 'A'],
        ['rival', 'C'],
      ]);
      json.children[1]!.preferences = ['A', 'C'];
      expect(entries(solveJson(json))).toEqual([
        ['mover', 'C'],
        ['rival', 'A'],
      ]);
    });

    it('treats null current and programPriority as absent', () => {
      const json = base('A', ['A']);
      const mover = json.children[0]!;
      mover.current = null;
      mover.programPriority = null;
      expect(entries(solveJson(json))).toEqual([
        ['mover', null],
        ['rival', 'A'],
      ]);
    });
  });

  it('handles a capacity far beyond the number of children', () => {
    const result = solveJson({
      version: 1,
      programs: [program('A', 1e300)],
      children: [{ id: 'x', preferences: ['A'], priority: [] }],
    });
    expect(result).toEqual({ x: 'A' });
  });

  it('reads no clock unless given one', () => {
    const json: InstanceJson = { version: 1, programs: [], children: [] };
    expect(solve(parseInstance(json)).stats).toEqual({ children: 0, placed: 0, proposals: 0, millis: 0 });
    let tick = 0;
    expect(solve(parseInstance(json), { now: () => (tick += 5) }).stats.millis).toBe(5);
  });
});
