import { describe, expect, it } from 'vitest';
import { MalformedInstanceError, parseInstance } from './instance.js';

const valid = () => ({
  version: 1,
  programs: [
    { id: 'A', capacity: 2 },
    { id: 'B', capacity: 0 },
  ],
  children: [
    { id: 'x', preferences: ['A', 'B'], priority: [2, 100] },
    { id: 'y', preferences: [], priority: [1, 50], programPriority: { B: [0, 50] }, current: 'A' },
  ],
});
type Json = ReturnType<typeof valid> & Record<string, unknown>;

const malformed = (change: (json: Json) => unknown): string => {
  const json = valid() as Json;
  const replaced = change(json);
  try {
    parseInstance(replaced === undefined ? json : replaced);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedInstanceError);
    const { message } = error as Error;
    expect(message).not.toMatch(/\n/);
    return message;
  }
  throw new Error('expected a MalformedInstanceError');
};
const child = (json: Json, i: number) => json.children[i] as Record<string, unknown>;

describe('parseInstance', () => {
  it('accepts a valid instance, reading null as absent and ignoring unknown fields', () => {
    const json = valid() as Json;
    json.note = 'exported 2025-04-01';
    Object.assign(child(json, 0), { current: null, programPriority: null, name: 'ignored' });
    const instance = parseInstance(json);
    expect(instance.programs).toEqual([
      { id: 'A', capacity: 2 },
      { id: 'B', capacity: 0 },
    ]);
    const [x, y] = instance.children;
    expect(x).toEqual({
      id: 'x',
      preferences: ['A', 'B'],
      priority: [2, 100],
      programPriority: undefined,
      current: undefined,
    });
    expect(y!.programPriority).toEqual(new Map([['B', [0, 50]]]));
    expect(y!.current).toBe('A');
  });

  it('keeps __proto__ and constructor as ordinary ids and keys', () => {
    const instance = parseInstance(
      JSON.parse(`{ "version": 1,
        "programs": [{ "id": "__proto__", "capacity": 1 }, { "id": "constructor", "capacity": 1 }],
        "children": [{ "id": "__proto__", "preferences": ["constructor"], "priority": [],
                       "programPriority": { "__proto__": [], "constructor": [] }, "current": "__proto__" }] }`),
    );
    expect([...instance.children[0]!.programPriority!.keys()]).toEqual(['__proto__', 'constructor']);
    expect(instance.children[0]!.current).toBe('__proto__');
  });

  it('accepts empty priority arrays and extreme safe integers', () => {
    expect(() =>
      parseInstance({ version: 1, programs: [], children: [{ id: 'x', preferences: [], priority: [] }] }),
    ).not.toThrow();
    const max = Number.MAX_SAFE_INTEGER;
    expect(() =>
      parseInstance({
        version: 1,
        programs: [],
        children: [{ id: 'x', preferences: [], priority: [-max, max] }],
      }),
    ).not.toThrow();
  });

  it.each([
    ['not an object', () => [1], /instance must be a JSON object/],
    ['version 2', (j: Json) => void (j.version = 2), /version must be 1, got 2/],
    ['no version', (j: Json) => void delete (j as Partial<Json>).version, /version must be 1, got nothing/],
    ['programs not an array', (j: Json) => void (j.programs = {} as never), /programs must be an array/],
    ['children missing', (j: Json) => void delete (j as Partial<Json>).children, /children must be an array/],
    [
      'program id not a string',
      (j: Json) => void (j.programs[0]!.id = 7 as never),
      /program #0: id must be a string/,
    ],
    ['duplicate program', (j: Json) => void (j.programs[1]!.id = 'A'), /program "A": duplicate id/],
    [
      'negative capacity',
      (j: Json) => void (j.programs[0]!.capacity = -1),
      /program "A": capacity must be an integer >= 0, got -1/,
    ],
    [
      'fractional capacity',
      (j: Json) => void (j.programs[0]!.capacity = 1.5),
      /program "A": capacity must be an integer/,
    ],
    [
      'capacity as text',
      (j: Json) => void (j.programs[1]!.capacity = '3' as never),
      /program "B": capacity .* got "3"/,
    ],
    ['duplicate child', (j: Json) => void (child(j, 1).id = 'x'), /child "x": duplicate id/],
    [
      'unknown preference',
      (j: Json) => void (child(j, 0).preferences = ['A', 'Q']),
      /child "x": preferences name unknown program "Q"/,
    ],
    [
      'repeated preference',
      (j: Json) => void (child(j, 0).preferences = ['A', 'B', 'A']),
      /child "x": program "A" is repeated in preferences/,
    ],
    [
      'preferences not an array',
      (j: Json) => void (child(j, 0).preferences = 'A'),
      /child "x": preferences must be an array/,
    ],
    [
      'priority missing',
      (j: Json) => void delete child(j, 0).priority,
      /child "x": priority must be an array of safe integers/,
    ],
    [
      'fractional priority',
      (j: Json) => void (child(j, 0).priority = [2, 0.5]),
      /child "x": priority must be .* found 0.5/,
    ],
    [
      'unsafe priority',
      (j: Json) => void (child(j, 0).priority = [2, 2 ** 53]),
      /child "x": priority must be an array of safe integers/,
    ],
    [
      'priority as text',
      (j: Json) => void (child(j, 0).priority = [2, '1']),
      /child "x": priority .* found "1"/,
    ],
    [
      'priority lengths differ',
      (j: Json) => void (child(j, 1).priority = [1]),
      /child "y": priority has 1 values, but child "x" priority has 2/,
    ],
    [
      'programPriority length differs',
      (j: Json) => void (child(j, 1).programPriority = { B: [0] }),
      /child "y": programPriority for "B" has 1 values, but child "x" priority has 2/,
    ],
    [
      'programPriority for an unknown program',
      (j: Json) => void (child(j, 1).programPriority = { Q: [0, 0] }),
      /child "y": programPriority names unknown program "Q"/,
    ],
    [
      'programPriority not an object',
      (j: Json) => void (child(j, 1).programPriority = [[0, 0]]),
      /child "y": programPriority must be an object/,
    ],
    [
      'unknown current',
      (j: Json) => void (child(j, 1).current = 'Q'),
      /child "y": current names unknown program "Q"/,
    ],
    [
      'current not a string',
      (j: Json) => void (child(j, 1).current = 1),
      /child "y": current must be a program id/,
    ],
    [
      'capacity below holders',
      (j: Json) => void (child(j, 0).current = 'B'),
      /program "B": capacity 0 is smaller than the 1 children whose current program it is/,
    ],
  ])('rejects %s', (_, change, message) => {
    expect(malformed(change as (json: Json) => unknown)).toMatch(message);
  });

  it('names the first problem only', () => {
    const message = malformed((j) => {
      j.programs[0]!.capacity = -1;
      child(j, 0).preferences = ['Q'];
    });
    expect(message).toMatch(/^program "A"/);
  });

  it('keeps the message on one line whatever the id holds', () => {
    expect(
      malformed((j) => {
        child(j, 0).id = 'line\nbreak';
        child(j, 1).id = 'line\nbreak';
      }),
    ).toBe('child "line\\nbreak": duplicate id');
  });
});
