// Per program, where admission stopped: the worst-ranked admitted child. A child who listed the
// program before its own assignment ranks after this child there (or the program has a free seat),
// which is the honest answer to "why not this kindergarten?".

import { compareAt, priorityAt } from './effective-order.js';
import type { Assignments, Child, Instance, Priority } from './instance.js';

export interface Cutoff {
  readonly capacity: number;
  readonly admitted: number;
  /** The worst-ranked admitted child, null when nobody was admitted. */
  readonly last: {
    readonly childId: string;
    /** Its priority at this program (`programPriority` applied). */
    readonly priority: Priority;
    /** It already held a seat here, which ranks it before every priority. */
    readonly holdsCurrent: boolean;
  } | null;
}

export function programCutoffs(instance: Instance, assignments: Assignments): Map<string, Cutoff> {
  const worst = new Map<string, { admitted: number; child: Child }>();
  for (const child of instance.children) {
    const programId = Object.hasOwn(assignments, child.id) ? assignments[child.id] : null;
    if (programId === null || programId === undefined) continue;
    const seen = worst.get(programId);
    if (seen === undefined) worst.set(programId, { admitted: 1, child });
    else {
      seen.admitted++;
      if (compareAt(programId, child, seen.child) > 0) seen.child = child;
    }
  }
  const cutoffs = new Map<string, Cutoff>();
  for (const { id, capacity } of instance.programs) {
    const seen = worst.get(id);
    cutoffs.set(id, {
      capacity,
      admitted: seen?.admitted ?? 0,
      last:
        seen === undefined
          ? null
          : {
              childId: seen.child.id,
              priority: priorityAt(seen.child, id),
              holdsCurrent: seen.child.current === id,
            },
    });
  }
  return cutoffs;
}
