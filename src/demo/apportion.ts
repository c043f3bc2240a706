/**
 * Splits `total` whole units over items in proportion to their weights (largest remainder), each item
 * getting at least `min` and at most `max` (when the bounds allow it). Deterministic: ties go to the
 * earlier item.
 */
export function apportion(
  total: number,
  weights: readonly number[],
  min = 0,
  max = Number.POSITIVE_INFINITY,
): number[] {
  const n = weights.length;
  const result = new Array<number>(n).fill(min);
  let left = total - min * n;
  // Share what is left among the items still below their maximum, until nothing is left or all are full.
  while (left > 0) {
    const open = result.flatMap((r, i) => (r < max ? [i] : []));
    if (open.length === 0) break;
    const raw = open.map((i) => Math.max(0, weights[i]!));
    const rawSum = raw.reduce((s, w) => s + w, 0);
    const w = rawSum > 0 ? raw : raw.map(() => 1);
    const sum = rawSum > 0 ? rawSum : open.length;
    const shares = open.map((i, k) => ({ i, exact: (left * w[k]!) / sum }));
    let given = 0;
    for (const s of shares) {
      const add = Math.min(Math.floor(s.exact), max - result[s.i]!);
      result[s.i]! += add;
      given += add;
    }
    left -= given;
    const byRemainder = shares
      .filter((s) => result[s.i]! < max)
      .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.i - b.i);
    if (byRemainder.length === 0) continue;
    for (const s of byRemainder) {
      if (left <= 0) break;
      result[s.i]! += 1;
      left -= 1;
    }
  }
  return result;
}
