// The strict orders of spec v1 stated plainly, one comparison at a time: what "prefers" and "ranks
// before" mean once the `current` rules are applied. The solver computes the same orders in bulk
// (priority-order.ts, ranked-preferences.ts); the stability checker and the cut-offs use these.

import type { Child, Priority } from './instance.js';

/** Lexicographic, smaller is better; negative when `a` is better. Arrays of an instance share one length. */
export function comparePriority(a: Priority, b: Priority): number {
  for (let j = 0; j < a.length; j++) {
    const x = a[j]!;
    const y = b[j]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** Equal priorities go to the smaller id in UTF-16 code unit order (JavaScript `<`). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The programs a child accepts, best first: with `current`, everything after it is dropped and it is
 * appended when missing, so the child never ends worse than the seat it holds.
 */
export function effectivePreferences(child: Child): readonly string[] {
  const { preferences, current } = child;
  if (current === undefined) return preferences;
  const at = preferences.indexOf(current);
  return at === -1 ? [...preferences, current] : preferences.slice(0, at + 1);
}

/** The priority array that counts at `programId`. */
export const priorityAt = (child: Child, programId: string): Priority =>
  child.programPriority?.get(programId) ?? child.priority;

/** Negative when `a` ranks before `b` at `programId`: holders of a seat there first, then priority, then id. */
export function compareAt(programId: string, a: Child, b: Child): number {
  const aHolds = a.current === programId;
  if (aHolds !== (b.current === programId)) return aHolds ? -1 : 1;
  return comparePriority(priorityAt(a, programId), priorityAt(b, programId)) || compareIds(a.id, b.id);
}
