import { mean } from './mean.ts';
import { sampleVariance } from './sampleVariance.ts';
import { sortedWithoutNaN } from './sortedWithoutNaN.ts';
import { studentTUpperTail } from './studentTUpperTail.ts';

/**
 * Two-sided p-value of Student's one-sample t test that the values' mean is 0: for paired
 * differences, the paired t test. t = x̄ / (s/√n) with n − 1 degrees of freedom, the same
 * statistic as {@link confidenceIntervalOfMean}'s interval, so p < 1 − level exactly when that interval
 * excludes 0 (up to rounding at the edge).
 *
 * NaN values are ignored. With fewer than two values the result is NaN. With no spread (every
 * value equal) it is 0 when they differ from 0 (a difference without noise) and 1 when all are 0.
 *
 * @param values - Per-replicate differences (any unit).
 * @returns The p-value in [0, 1].
 * @example
 * meanDifferencePValue([1, 2, 3, 4]); // ≈ 0.0305 (t = 3.873, 3 df)
 */
export function meanDifferencePValue(values: ArrayLike<number>): number {
  const sorted = sortedWithoutNaN(values);
  const n = sorted.length;
  if (n < 2) return NaN;
  const average = mean(sorted);
  const standardError = Math.sqrt(sampleVariance(sorted) / n);
  if (standardError === 0) return average === 0 ? 1 : 0;
  return Math.min(1, 2 * studentTUpperTail(Math.abs(average) / standardError, n - 1));
}
