// An instance as integer ids and flat typed arrays. A million children as JS objects are ~10 million
// heap objects, and every major GC has to walk them (close to a second on a small machine); this form
// holds the same facts in a few dozen objects, so the object graph can be dropped before solving.

import type { Instance } from './instance.js';

export interface IndexedInstance {
  readonly programIds: readonly string[];
  /** Seats per program (a double: the spec allows any integer >= 0). */
  readonly capacity: Float64Array;
  readonly childIds: readonly string[];
  /** Child c accepts program[k] for k in [start[c], start[c + 1]), best first, `current` rules applied. */
  readonly start: Int32Array;
  readonly program: Int32Array;
  /** 1 where program[k] is the child's `current`: it then ranks first there. Always the child's last pair. */
  readonly holds: Uint8Array;
  /** Base priority by column: priority[j][c] is value j of child c's `priority`. */
  readonly priority: readonly Float64Array[];
  /** Pairs where `programPriority` replaces the base priority, ascending, and the replacing values by column. */
  readonly overridePair: Int32Array;
  readonly overridePriority: readonly Float64Array[];
}

export function indexInstance(instance: Instance): IndexedInstance {
  const { programs, children } = instance;
  const childCount = children.length;
  const indexOf = new Map<string, number>();
  const capacity = new Float64Array(programs.length);
  for (let p = 0; p < programs.length; p++) {
    indexOf.set(programs[p]!.id, p);
    capacity[p] = programs[p]!.capacity;
  }
  const width = children[0]?.priority.length ?? 0;
  const priority = Array.from({ length: width }, () => new Float64Array(childCount));

  let bound = 0;
  let overrides = 0;
  for (let c = 0; c < childCount; c++) {
    const child = children[c]!;
    bound += child.preferences.length + (child.current === undefined ? 0 : 1);
    overrides += child.programPriority?.size ?? 0;
  }
  const childIds = new Array<string>(childCount);
  const start = new Int32Array(childCount + 1);
  const program = new Int32Array(bound);
  const holds = new Uint8Array(bound);
  const overridePair = new Int32Array(overrides);
  const overridePriority = Array.from({ length: width }, () => new Float64Array(overrides));

  let pairs = 0;
  let overridden = 0;
  for (let c = 0; c < childCount; c++) {
    const { id, preferences, priority: base, programPriority, current } = children[c]!;
    childIds[c] = id;
    for (let j = 0; j < width; j++) priority[j]![c] = base[j]!;
    start[c] = pairs;
    const held = current === undefined ? -1 : indexOf.get(current)!;
    let reachedHeld = false;
    for (let i = 0; i < preferences.length && !reachedHeld; i++) {
      const p = indexOf.get(preferences[i]!)!;
      program[pairs++] = p;
      reachedHeld = p === held;
    }
    if (held !== -1) {
      if (!reachedHeld) program[pairs++] = held;
      holds[pairs - 1] = 1;
    }
    if (programPriority !== undefined)
      for (let k = start[c]!; k < pairs; k++) {
        const replaced = programPriority.get(programs[program[k]!]!.id);
        if (replaced === undefined) continue;
        overridePair[overridden] = k;
        for (let j = 0; j < width; j++) overridePriority[j]![overridden] = replaced[j]!;
        overridden++;
      }
  }
  start[childCount] = pairs;
  return {
    programIds: programs.map((p) => p.id),
    capacity,
    childIds,
    start,
    program: program.subarray(0, pairs),
    holds: holds.subarray(0, pairs),
    priority,
    overridePair: overridePair.subarray(0, overridden),
    overridePriority: overridePriority.map((column) => column.subarray(0, overridden)),
  };
}
