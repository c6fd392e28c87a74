import { confidenceIntervalOfMean } from '../stats/confidenceIntervalOfMean.ts';
import { meanDifferencePValue } from '../stats/meanDifferencePValue.ts';
import { mean } from '../stats/mean.ts';
import { sortedWithoutNaN } from '../stats/sortedWithoutNaN.ts';
import type { MetricDirection } from './metricDirection.ts';

/** Paired comparison of one metric between a first arm (A) and an alternative (B), in the metric's unit. */
export interface PairedDifference {
  /** Number of replicates where both arms have a defined (non-NaN) value. */
  n: number;
  /** Mean of A over those replicates. */
  meanA: number;
  /** Mean of B over those replicates. */
  meanB: number;
  /** Mean of the per-replicate differences B − A. */
  meanDifference: number;
  /** Bounds of the t-based confidence interval of the mean difference (NaN when n < 2). */
  ciLow: number;
  ciHigh: number;
  /** Share of the n replicates where B is strictly better than A (NaN without a direction or n = 0). */
  pBetter: number;
  /** Share of the n replicates where B is strictly worse than A (ties count in neither). */
  pWorse: number;
  /**
   * Two-sided p-value of the paired t test of a zero mean difference (NaN when n < 2): per metric,
   * unadjusted; for Holm or Benjamini–Hochberg over a family of metrics (docs/statistics.md).
   */
  pValue: number;
}

/**
 * Compares two arms run with common random numbers: replicate i of A and replicate i of B saw
 * the same random draws, so the differences bᵢ − aᵢ carry little of the shared noise and their
 * t interval (src/stats `confidenceIntervalOfMean` on the differences) is much narrower than one
 * built from two independent samples.
 *
 * Replicates where either value is NaN (undefined, e.g. no recovery time without a shortfall) are
 * left out of every statistic. Values are sorted before summation, so the result is a pure
 * function of the set of pairs.
 *
 * @param first - Arm A's values, indexed by replicate.
 * @param alternative - Arm B's values, same length and replicate order.
 * @param direction - Which way the metric improves (for pBetter and pWorse).
 * @param level - Confidence level; default 0.95.
 * @returns The paired statistics.
 * @throws RangeError when the arms have different lengths.
 * @example
 * computePairedDifference([1, 2, 3], [0.5, 1.4, 2.6], 'lower').pBetter; // 1
 */
export function computePairedDifference(
  first: ArrayLike<number>,
  alternative: ArrayLike<number>,
  direction: MetricDirection,
  level = 0.95,
): PairedDifference {
  if (first.length !== alternative.length) {
    throw new RangeError(`computePairedDifference: ${first.length} values against ${alternative.length}`);
  }
  const a: number[] = [];
  const b: number[] = [];
  const differences: number[] = [];
  let better = 0;
  let worse = 0;
  for (let i = 0; i < first.length; i++) {
    const x = first[i];
    const y = alternative[i];
    // A NaN value, or the same infinity in both (∞ − ∞): no difference to count, in n or in the interval.
    if (Number.isNaN(y - x)) continue;
    a.push(x);
    b.push(y);
    differences.push(y - x);
    if (direction !== 'none' && y !== x) {
      if ((y < x) === (direction === 'lower')) better++;
      else worse++;
    }
  }
  const n = differences.length;
  const interval = confidenceIntervalOfMean(differences, level);
  const share = (count: number): number => (direction === 'none' || n === 0 ? NaN : count / n);
  return {
    n,
    meanA: mean(sortedWithoutNaN(a)),
    meanB: mean(sortedWithoutNaN(b)),
    meanDifference: interval.mean,
    ciLow: interval.low,
    ciHigh: interval.high,
    pBetter: share(better),
    pWorse: share(worse),
    pValue: meanDifferencePValue(differences),
  };
}
