/**
 * Sample quantile of sorted data by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7; the default of R's `quantile` and of NumPy).
 *
 * With n values and h = (n − 1)·p, the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * @param sorted - Values sorted ascending, without NaN (not checked, for speed).
 * @param p - Probability in [0, 1].
 * @returns The p-quantile in the unit of the values, or NaN for an empty input.
 * @throws RangeError if p is outside [0, 1].
 * @example
 * quantile(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const fraction = h - lo;
  const a = sorted[lo];
  if (fraction === 0) return a;
  return a + fraction * (sorted[lo + 1] - a);
}
