// The placement engine's entry points: `solve` for an Instance (library use, tests) and `place` for an
// IndexedInstance, which lets a caller drop the object graph first (the CLI, a million children).

import { deferredAcceptance } from './deferred-acceptance.js';
import { indexInstance } from './indexed-instance.js';
import type { IndexedInstance } from './indexed-instance.js';
import type { Assignments, Instance, Result } from './instance.js';
import { rankPreferences } from './ranked-preferences.js';

export interface SolveOptions {
  /**
   * Clock for `millis`, e.g. `() => performance.now()`. The solver reads none by default so that
   * solving the same instance twice gives identical results (millis 0).
   */
  now?: () => number;
}

/** The child-optimal stable matching by integer ids. */
export interface Placement {
  /** Program index per child, -1 for unplaced. */
  readonly assigned: Int32Array;
  readonly placed: number;
  readonly proposals: number;
  /** Ranking and deferred acceptance. */
  readonly millis: number;
}

const noClock = () => 0;

export function place(indexed: IndexedInstance, options: SolveOptions = {}): Placement {
  const now = options.now ?? noClock;
  const started = now();
  const { assigned, proposals } = deferredAcceptance(rankPreferences(indexed));
  let placed = 0;
  for (let c = 0; c < assigned.length; c++) if (assigned[c] !== -1) placed++;
  return { assigned, placed, proposals, millis: now() - started };
}

/** The child-optimal stable matching of `instance`; `stats.millis` covers indexing, solving and the result. */
export function solve(instance: Instance, options: SolveOptions = {}): Result {
  const now = options.now ?? noClock;
  const started = now();
  const indexed = indexInstance(instance);
  const { assigned, placed, proposals } = place(indexed);
  const { programIds, childIds } = indexed;
  const assignments = Object.create(null) as Assignments;
  for (let c = 0; c < childIds.length; c++) {
    const p = assigned[c]!;
    assignments[childIds[c]!] = p === -1 ? null : programIds[p]!;
  }
  const millis = now() - started;
  return { version: 1, assignments, stats: { children: childIds.length, placed, proposals, millis } };
}
