import { sortedWithoutNaN } from '../stats/sortedWithoutNaN.ts';

/**
 * The largest value v such that at least `share` of the runs reach v or more: with values sorted
 * ascending, the (n − ⌈share·n⌉)-th. "In 90% of runs, at least v weeks" is exact with this v
 * (an order statistic, not an interpolated quantile). NaN values are ignored.
 *
 * @param values - One value per run.
 * @param share - Share of runs in (0, 1].
 * @returns v, or NaN when no value is defined.
 * @example
 * levelReachedInShare([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 0.9); // 2 (9 of 10 runs have ≥ 2)
 */
export function levelReachedInShare(values: ArrayLike<number>, share: number): number {
  if (!(share > 0 && share <= 1)) throw new RangeError(`levelReachedInShare: share must be in (0, 1], got ${share}`);
  const sorted = sortedWithoutNaN(values);
  const n = sorted.length;
  if (n === 0) return NaN;
  const needed = Math.ceil(share * n - 1e-9);
  return sorted[n - needed];
}
