import { mean } from './mean.ts';

/**
 * Unbiased sample variance, Σ(x − x̄)² / (n − 1), by the two-pass algorithm
 * (Chan, Golub & LeVeque, "Algorithms for computing the sample variance", 1983).
 *
 * As with {@link mean}, pass values sorted ascending when the result must not depend on order.
 *
 * @param values - Numbers without NaN.
 * @returns The variance in squared units of the values; NaN when fewer than two values.
 * @example
 * sampleVariance([1, 2, 3, 4]); // 1.6666666666666667
 */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const average = mean(values);
  const deviations = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i] - average;
    deviations[i] = d * d;
  }
  return (mean(deviations) * n) / (n - 1);
}
