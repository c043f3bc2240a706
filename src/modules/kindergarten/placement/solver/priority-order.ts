// Sorting a million children by (priority array, id) with a comparator costs seconds; this is a
// stable LSD radix sort over the priority columns instead, with ids compared only inside runs of
// children whose whole priority arrays are equal (rare in real queues: the serial is unique).

import { compareIds } from './effective-order.js';

const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;
const TWO_POW_32 = 2 ** 32;

/**
 * Child indices, best first by (priority, id): the order of every program where nobody holds a seat
 * and nobody has an override. `priority[j][c]` is value j of child c's priority array.
 */
export function orderByPriority(priority: readonly Float64Array[], childIds: readonly string[]): Int32Array {
  const n = childIds.length;
  let order = new Int32Array(n);
  for (let c = 0; c < n; c++) order[c] = c;
  if (n < 2) return order;

  let spare = new Int32Array(n);
  const keys = new Uint32Array(n);
  const counts = new Int32Array(DIGITS);
  // Least significant column first; every pass is stable, so earlier columns end up deciding.
  for (let j = priority.length - 1; j >= 0; j--) {
    const largest = columnKeys(priority[j]!, keys);
    for (let shift = 0; shift < 32 && largest >= 2 ** shift; shift += DIGIT_BITS) {
      countingPass(order, spare, keys, counts, shift);
      [order, spare] = [spare, order];
    }
  }
  breakTiesById(priority, childIds, order);
  return order;
}

/**
 * Writes a uint32 sort key per child and returns the largest. Values are offset by the minimum when
 * they span less than 2^32 (classes, timestamps, serials); otherwise they are replaced by their rank
 * among the distinct values.
 */
function columnKeys(column: Float64Array, keys: Uint32Array): number {
  const n = column.length;
  let min = Infinity;
  let max = -Infinity;
  for (let c = 0; c < n; c++) {
    const value = column[c]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max - min < TWO_POW_32) {
    for (let c = 0; c < n; c++) keys[c] = column[c]! - min;
    return max - min;
  }
  const distinct = column.slice().sort();
  let size = 0;
  for (let i = 0; i < n; i++)
    if (size === 0 || distinct[i] !== distinct[size - 1]) distinct[size++] = distinct[i]!;
  for (let c = 0; c < n; c++) {
    const value = column[c]!;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    keys[c] = lo;
  }
  return size - 1;
}

/** One stable counting-sort pass on the 16-bit digit of `keys` at `shift`, from `from` into `to`. */
function countingPass(
  from: Int32Array,
  to: Int32Array,
  keys: Uint32Array,
  counts: Int32Array,
  shift: number,
) {
  const n = from.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(keys[from[i]!]! >>> shift) & (DIGITS - 1)]!++;
  let sum = 0;
  for (let d = 0; d < DIGITS; d++) {
    const count = counts[d]!;
    counts[d] = sum;
    sum += count;
  }
  for (let i = 0; i < n; i++) {
    const c = from[i]!;
    to[counts[(keys[c]! >>> shift) & (DIGITS - 1)]!++] = c;
  }
}

function samePriority(priority: readonly Float64Array[], a: number, b: number): boolean {
  for (let j = 0; j < priority.length; j++) if (priority[j]![a] !== priority[j]![b]) return false;
  return true;
}

function breakTiesById(priority: readonly Float64Array[], childIds: readonly string[], order: Int32Array) {
  const n = order.length;
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && samePriority(priority, order[i - 1]!, order[i]!)) continue;
    if (i - runStart > 1) order.subarray(runStart, i).sort((a, b) => compareIds(childIds[a]!, childIds[b]!));
    runStart = i;
  }
}
