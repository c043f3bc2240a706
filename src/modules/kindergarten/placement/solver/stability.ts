// Checks a result against its instance straight from the definitions in effective-order.ts, sharing
// none of the solver's machinery: used by the tests and meant for a public "verify this placement" page.

import { compareAt, effectivePreferences } from './effective-order.js';
import type { Assignments, Child, Instance } from './instance.js';
import { quote } from './instance.js';

export interface BlockingPair {
  readonly childId: string;
  readonly programId: string;
}

/** Assignments may come from parsed JSON (with Object.prototype), so read own properties only. */
const assignmentOf = (assignments: Assignments, childId: string): string | null | undefined =>
  Object.hasOwn(assignments, childId) ? assignments[childId] : undefined;

/**
 * The first problem making `assignments` infeasible, or null: a missing or extra key, an unknown
 * program, a program the child does not accept (after the `current` rules), an unplaced holder of a
 * seat, or more children than seats.
 */
export function findInfeasibility(instance: Instance, assignments: Assignments): string | null {
  const capacityOf = new Map(instance.programs.map((p) => [p.id, p.capacity]));
  const admitted = new Map<string, number>();
  const childIds = new Set<string>();
  for (const child of instance.children) {
    childIds.add(child.id);
    const who = `child ${quote(child.id)}`;
    const assigned = assignmentOf(assignments, child.id);
    if (assigned === undefined) return `${who} has no assignment`;
    if (assigned === null) {
      if (child.current !== undefined) return `${who} lost its current seat at ${quote(child.current)}`;
      continue;
    }
    if (!capacityOf.has(assigned)) return `${who} is assigned to unknown program ${quote(assigned)}`;
    if (!effectivePreferences(child).includes(assigned)) return `${who} does not accept ${quote(assigned)}`;
    admitted.set(assigned, (admitted.get(assigned) ?? 0) + 1);
  }
  for (const key of Object.keys(assignments))
    if (!childIds.has(key)) return `assignment for unknown child ${quote(key)}`;
  for (const [programId, count] of admitted)
    if (count > capacityOf.get(programId)!)
      return `program ${quote(programId)} admits ${count} children for ${capacityOf.get(programId)} seats`;
  return null;
}

/**
 * A child and a program it prefers to its assignment that has a free seat or admits someone it ranks
 * below the child; null when the (feasible) assignments are stable.
 */
export function findBlockingPair(instance: Instance, assignments: Assignments): BlockingPair | null {
  const seats = new Map<string, { capacity: number; admitted: number; worst: Child | undefined }>();
  for (const { id, capacity } of instance.programs)
    seats.set(id, { capacity, admitted: 0, worst: undefined });
  for (const child of instance.children) {
    const assigned = assignmentOf(assignments, child.id);
    const program = assigned === null || assigned === undefined ? undefined : seats.get(assigned);
    if (program === undefined) continue;
    program.admitted++;
    if (program.worst === undefined || compareAt(assigned!, child, program.worst) > 0) program.worst = child;
  }
  for (const child of instance.children) {
    const preferences = effectivePreferences(child);
    const assigned = assignmentOf(assignments, child.id);
    const held = assigned === null || assigned === undefined ? -1 : preferences.indexOf(assigned);
    const better = held === -1 ? preferences.length : held;
    for (let k = 0; k < better; k++) {
      const programId = preferences[k]!;
      const { capacity, admitted, worst } = seats.get(programId)!;
      if (admitted < capacity || (worst !== undefined && compareAt(programId, child, worst) < 0))
        return { childId: child.id, programId };
    }
  }
  return null;
}

/** Null when `assignments` are feasible and stable for `instance`, otherwise the first problem found. */
export function verifyAssignments(instance: Instance, assignments: Assignments): string | null {
  const infeasible = findInfeasibility(instance, assignments);
  if (infeasible !== null) return infeasible;
  const blocking = findBlockingPair(instance, assignments);
  return blocking === null
    ? null
    : `child ${quote(blocking.childId)} and program ${quote(blocking.programId)} block: the child prefers it and it has a free seat or admits someone ranked below the child`;
}
