import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryInstance } from './arbitrary-instance.js';
import { findBlockingPair, findInfeasibility, parseInstance, solve, verifyAssignments } from './index.js';

const instance = parseInstance({
  version: 1,
  programs: [
    { id: 'A', capacity: 1 },
    { id: 'B', capacity: 1 },
  ],
  children: [
    { id: 'x', preferences: ['A', 'B'], priority: [0] },
    { id: 'y', preferences: ['A', 'B'], priority: [1] },
    { id: 'h', preferences: [], priority: [2], current: 'B' },
  ],
});

describe('stability checks', () => {
  it('accepts the solver result', () => {
    const { assignments } = solve(instance);
    expect({ ...assignments }).toEqual({ x: 'A', y: null, h: 'B' });
    expect(verifyAssignments(instance, assignments)).toBeNull();
  });

  it('finds a blocking pair', () => {
    expect(findBlockingPair(instance, { x: 'B', y: 'A', h: null })).toEqual({ childId: 'x', programId: 'A' });
    expect(findBlockingPair(instance, { x: null, y: null, h: 'B' })).toEqual({
      childId: 'x',
      programId: 'A',
    });
    expect(verifyAssignments(instance, { x: null, y: 'A', h: 'B' })).toMatch(
      /child "x" and program "A" block/,
    );
  });

  it('reports infeasible assignments', () => {
    expect(findInfeasibility(instance, { x: 'A', h: 'B' })).toBe('child "y" has no assignment');
    expect(findInfeasibility(instance, { x: 'A', y: 'A', h: 'B' })).toBe(
      'program "A" admits 2 children for 1 seats',
    );
    expect(findInfeasibility(instance, { x: 'A', y: null, h: 'A' })).toBe('child "h" does not accept "A"');
    expect(findInfeasibility(instance, { x: 'A', y: null, h: null })).toBe(
      'child "h" lost its current seat at "B"',
    );
    expect(findInfeasibility(instance, { x: 'Q', y: null, h: 'B' })).toBe(
      'child "x" is assigned to unknown program "Q"',
    );
    expect(findInfeasibility(instance, { x: 'A', y: null, h: 'B', z: null })).toBe(
      'assignment for unknown child "z"',
    );
  });

  it('reads assignments parsed from JSON without trusting their prototype', () => {
    const proto = parseInstance({
      version: 1,
      programs: [{ id: 'A', capacity: 1 }],
      children: [{ id: 'constructor', preferences: ['A'], priority: [] }],
    });
    expect(findInfeasibility(proto, JSON.parse('{}'))).toBe('child "constructor" has no assignment');
  });

  it('detects any single change to a solved assignment that makes it unstable', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxChildren: 8 }), fc.nat(), fc.nat(), (json, who, where) => {
        const parsed = parseInstance(json);
        if (parsed.children.length === 0) return;
        const { assignments } = solve(parsed);
        const child = parsed.children[who % parsed.children.length]!;
        const options = [null, ...parsed.programs.map((p) => p.id)];
        const changed = Object.assign(Object.create(null), assignments) as typeof assignments;
        changed[child.id] = options[where % options.length]!;
        // Stable matchings place the same children and fill each program equally (rural hospitals
        // theorem), so moving one child always breaks feasibility or stability.
        if (changed[child.id] !== assignments[child.id])
          expect(verifyAssignments(parsed, changed)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
