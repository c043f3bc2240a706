// Child-proposing deferred acceptance (Gale–Shapley with capacities) over ranked preferences. Each
// program keeps its tentatively admitted children in a max-heap of keys, so the worst admitted is
// at the root and a better proposal replaces it in O(log capacity). Everything lives in typed arrays
// allocated up front: no allocation per proposal.

import type { RankedPreferences } from './ranked-preferences.js';

export interface Matching {
  /** Program index per child, -1 for unplaced. */
  readonly assigned: Int32Array;
  readonly proposals: number;
}

export function deferredAcceptance(ranked: RankedPreferences): Matching {
  const { childCount, programCount, capacity, start, program, key } = ranked;
  const heapStart = new Int32Array(programCount + 1);
  for (let p = 0; p < programCount; p++) heapStart[p + 1] = heapStart[p]! + capacity[p]!;
  const heapKey = new Float64Array(heapStart[programCount]!);
  const heapChild = new Int32Array(heapStart[programCount]!);
  const heapSize = new Int32Array(programCount);

  const next = start.slice(0, childCount);
  // The stable matching does not depend on who proposes first; a stack is simply the cheapest queue.
  const free = new Int32Array(childCount);
  let top = 0;
  for (let c = childCount - 1; c >= 0; c--) free[top++] = c;

  let proposals = 0;
  while (top > 0) {
    const c = free[--top]!;
    const end = start[c + 1]!;
    let k = next[c]!;
    while (k < end) {
      const p = program[k]!;
      const r = key[k]!;
      k++;
      proposals++;
      const base = heapStart[p]!;
      const size = heapSize[p]!;
      if (size < capacity[p]!) {
        siftUp(heapKey, heapChild, base, size, r, c);
        heapSize[p] = size + 1;
        break;
      }
      if (size > 0 && r < heapKey[base]!) {
        free[top++] = heapChild[base]!;
        siftDown(heapKey, heapChild, base, size, r, c);
        break;
      }
    }
    next[c] = k;
  }

  const assigned = new Int32Array(childCount).fill(-1);
  for (let p = 0; p < programCount; p++)
    for (let i = heapStart[p]!, end = i + heapSize[p]!; i < end; i++) assigned[heapChild[i]!] = p;
  return { assigned, proposals };
}

/** Inserts (r, c) into the heap at `base` holding `size` entries. */
function siftUp(keys: Float64Array, children: Int32Array, base: number, size: number, r: number, c: number) {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const parentKey = keys[base + parent]!;
    if (parentKey >= r) break;
    keys[base + i] = parentKey;
    children[base + i] = children[base + parent]!;
    i = parent;
  }
  keys[base + i] = r;
  children[base + i] = c;
}

/** Replaces the root (the worst admitted) of the heap at `base` with (r, c). */
function siftDown(
  keys: Float64Array,
  children: Int32Array,
  base: number,
  size: number,
  r: number,
  c: number,
) {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && keys[base + child + 1]! > keys[base + child]!) child++;
    const childKey = keys[base + child]!;
    if (childKey <= r) break;
    keys[base + i] = childKey;
    children[base + i] = children[base + child]!;
    i = child;
  }
  keys[base + i] = r;
  children[base + i] = c;
}
