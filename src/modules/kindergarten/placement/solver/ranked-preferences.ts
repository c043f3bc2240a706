// Gives every (child, program) pair a number that orders the program's applicants strictly (smaller
// = admitted first), aligned with the preference lists, for deferred acceptance. The keys need not be
// dense ranks, only ordered, so one radix sort of all children by (priority, id) orders every program
// at once: an ordinary applicant's key is its position in that global order. Only the few "special"
// pairs need more: children holding a seat there (`current`: below every other key) and children whose
// `programPriority` overrides their priority there (slotted between two global positions).

import { compareIds } from './effective-order.js';
import type { IndexedInstance } from './indexed-instance.js';
import { orderByPriority } from './priority-order.js';

export interface RankedPreferences {
  readonly childCount: number;
  readonly programCount: number;
  /** Seats per program, clamped to the number of children who accept it so heaps stay small. */
  readonly capacity: Int32Array;
  /** Child c accepts program[k] for k in [start[c], start[c + 1]), best first. */
  readonly start: Int32Array;
  readonly program: Int32Array;
  /** key[k]: where the child stands in program[k]'s order, smaller first; distinct within a program. */
  readonly key: Float64Array;
}

export function rankPreferences(indexed: IndexedInstance): RankedPreferences {
  const { programIds, childIds, start, program, holds, priority, overridePair, overridePriority } = indexed;
  const programCount = programIds.length;
  const childCount = childIds.length;
  const pairs = program.length;
  const width = priority.length;

  const order = orderByPriority(priority, childIds);
  const position = new Int32Array(childCount);
  for (let i = 0; i < childCount; i++) position[order[i]!] = i;

  const special = new Uint8Array(pairs);
  for (let k = 0; k < pairs; k++) special[k] = holds[k]!;
  for (let o = 0; o < overridePair.length; o++) special[overridePair[o]!] = 1;

  // Special pairs grouped by program, each with its child and override row (-1 for none).
  const specialStart = new Int32Array(programCount + 1);
  for (let k = 0; k < pairs; k++) if (special[k] === 1) specialStart[program[k]! + 1]!++;
  for (let p = 0; p < programCount; p++) specialStart[p + 1]! += specialStart[p]!;
  const specials = specialStart[programCount]!;
  const specialPair = new Int32Array(specials);
  const specialChild = new Int32Array(specials);
  const specialOverride = new Int32Array(specials);
  const cursor = specialStart.slice(0, programCount);
  let o = 0;
  for (let c = 0; c < childCount; c++)
    for (let k = start[c]!, end = start[c + 1]!; k < end; k++) {
      const row = o < overridePair.length && overridePair[o] === k ? o++ : -1;
      if (special[k] === 0) continue;
      const s = cursor[program[k]!]!++;
      specialPair[s] = k;
      specialChild[s] = c;
      specialOverride[s] = row;
    }

  const valueOf = (s: number, j: number): number => {
    const row = specialOverride[s]!;
    return row === -1 ? priority[j]![specialChild[s]!]! : overridePriority[j]![row]!;
  };
  /** Negative when special s, with its effective priority, comes before child d with its base priority. */
  const compareToChild = (s: number, d: number): number => {
    for (let j = 0; j < width; j++) {
      const x = valueOf(s, j);
      const y = priority[j]![d]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return compareIds(childIds[specialChild[s]!]!, childIds[d]!);
  };
  // Insertion point in the global order: how many children come before s by base priority and id.
  const insertion = new Int32Array(specials);
  for (let s = 0; s < specials; s++) {
    let lo = 0;
    let hi = childCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareToChild(s, order[mid]!) > 0) lo = mid + 1;
      else hi = mid;
    }
    insertion[s] = lo;
  }
  const holdsAt = (s: number) => holds[specialPair[s]!]!;
  const compareSpecials = (s: number, t: number): number => {
    if (holdsAt(s) !== holdsAt(t)) return holdsAt(t) - holdsAt(s);
    if (insertion[s] !== insertion[t]) return insertion[s]! - insertion[t]!;
    // Same insertion point: both fall between the same two ordinary children, compare them fully.
    for (let j = 0; j < width; j++) {
      const x = valueOf(s, j);
      const y = valueOf(t, j);
      if (x !== y) return x < y ? -1 : 1;
    }
    return compareIds(childIds[specialChild[s]!]!, childIds[specialChild[t]!]!);
  };

  // Per program, keys are position * spread + slot: ordinary pairs take the last slot of their
  // position, overrides inserted at that position the slots before it, holders negative keys.
  const key = new Float64Array(pairs);
  const spread = new Float64Array(programCount).fill(1);
  const sorted = new Int32Array(specials);
  for (let s = 0; s < specials; s++) sorted[s] = s;
  for (let p = 0; p < programCount; p++) {
    const mine = sorted.subarray(specialStart[p]!, specialStart[p + 1]!);
    if (mine.length === 0) continue;
    if (mine.length > 1) mine.sort(compareSpecials);
    let holders = 0;
    while (holders < mine.length && holdsAt(mine[holders]!) === 1) holders++;
    let widest = 0;
    for (let i = holders, run = 0; i < mine.length; i++) {
      run = i > holders && insertion[mine[i]!] === insertion[mine[i - 1]!] ? run + 1 : 1;
      widest = Math.max(widest, run);
    }
    const slots = widest + 1;
    if ((childCount + 1) * slots > Number.MAX_SAFE_INTEGER)
      throw new RangeError(`program ${JSON.stringify(programIds[p])}: too many overrides to order exactly`);
    spread[p] = slots;
    for (let i = 0; i < holders; i++) key[specialPair[mine[i]!]!] = i - holders;
    for (let i = holders, slot = 0; i < mine.length; i++) {
      slot = i > holders && insertion[mine[i]!] === insertion[mine[i - 1]!] ? slot + 1 : 0;
      key[specialPair[mine[i]!]!] = insertion[mine[i]!]! * slots + slot;
    }
  }

  const listers = new Int32Array(programCount);
  for (let c = 0; c < childCount; c++) {
    const at = position[c]!;
    for (let k = start[c]!, end = start[c + 1]!; k < end; k++) {
      const p = program[k]!;
      listers[p]!++;
      if (special[k] === 0) key[k] = at * spread[p]! + spread[p]! - 1;
    }
  }
  const capacity = new Int32Array(programCount);
  for (let p = 0; p < programCount; p++) capacity[p] = Math.min(indexed.capacity[p]!, listers[p]!);
  return { childCount, programCount, capacity, start, program, key };
}
