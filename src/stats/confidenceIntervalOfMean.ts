import { mean } from './mean.ts';
import { sampleVariance } from './sampleVariance.ts';
import { sortedWithoutNaN } from './sortedWithoutNaN.ts';
import { studentTQuantile } from './studentTQuantile.ts';

/** A mean with the bounds of its two-sided confidence interval, all in the unit of the values. */
export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
}

/**
 * Two-sided confidence interval of the mean from Student's t distribution:
 * x̄ ± t((1 + level)/2, n − 1) · s/√n.
 *
 * NaN values are ignored; the remaining values are sorted first so the result is a pure function
 * of their multiset. With one value the bounds are NaN (no spread to estimate); with none,
 * everything is NaN.
 *
 * @param values - Replicate values (any unit).
 * @param level - Confidence level in (0, 1); default 0.95.
 * @returns The mean and the interval's low and high bounds.
 * @example
 * confidenceIntervalOfMean([1, 2, 3, 4]); // { mean: 2.5, low: 0.4457…, high: 4.5542… }
 */
export function confidenceIntervalOfMean(values: ArrayLike<number>, level = 0.95): MeanInterval {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidenceIntervalOfMean: level must be in (0, 1), got ${level}`);
  }
  const sorted = sortedWithoutNaN(values);
  const n = sorted.length;
  const average = mean(sorted);
  if (n < 2) return { mean: average, low: NaN, high: NaN };
  const halfWidth =
    studentTQuantile((1 + level) / 2, n - 1) * Math.sqrt(sampleVariance(sorted) / n);
  return { mean: average, low: average - halfWidth, high: average + halfWidth };
}
