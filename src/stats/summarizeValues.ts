import { confidenceIntervalOfMean } from './confidenceIntervalOfMean.ts';
import { quantile } from './quantile.ts';
import { quantileInterval } from './quantileInterval.ts';
import { sortedWithoutNaN } from './sortedWithoutNaN.ts';

/** Distribution of one metric across replicates; every value in the metric's unit except n. */
export interface ValueSummary {
  /** Number of defined (non-NaN) values. */
  n: number;
  mean: number;
  /** Lower bound of the 95% t confidence interval of the mean. */
  ciLow: number;
  /** Upper bound of the 95% t confidence interval of the mean. */
  ciHigh: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
  /**
   * Distribution-free 95% intervals of the 5th, 50th and 95th percentiles of the model's
   * distribution (order statistics, quantileInterval): how far p5, p50 and p95 may be from what
   * more runs would give. NaN where the runs are too few to bound that side (p5's low end and p95's high end below 72 runs).
   */
  p5CiLow: number;
  p5CiHigh: number;
  p50CiLow: number;
  p50CiHigh: number;
  p95CiLow: number;
  p95CiHigh: number;
}

/**
 * Summarizes replicate values: mean with its t confidence interval, type-7 quantiles, extremes,
 * and distribution-free intervals of p5, p50 and p95.
 *
 * NaN values (undefined, e.g. no recovery because no shortfall) are ignored and not counted in n.
 * Values are sorted before any arithmetic, so the summary is a pure function of their multiset.
 * With no defined value every field but n is NaN.
 *
 * @param values - Replicate values of one metric.
 * @param level - Confidence level of [ciLow, ciHigh]; default 0.95.
 * @returns The summary.
 * @example
 * summarizeValues([4, NaN, 1, 3, 2]).p50; // 2.5
 */
export function summarizeValues(values: ArrayLike<number>, level = 0.95): ValueSummary {
  const sorted = sortedWithoutNaN(values);
  const n = sorted.length;
  const interval = confidenceIntervalOfMean(sorted, level);
  return {
    n,
    mean: interval.mean,
    ciLow: interval.low,
    ciHigh: interval.high,
    p5: quantile(sorted, 0.05),
    p25: quantile(sorted, 0.25),
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    min: n === 0 ? NaN : sorted[0],
    max: n === 0 ? NaN : sorted[n - 1],
    ...percentileIntervals(sorted),
  };
}

/** p5, p50 and p95's distribution-free 95% intervals (quantileInterval). */
function percentileIntervals(sorted: ArrayLike<number>): Pick<ValueSummary, 'p5CiLow' | 'p5CiHigh' | 'p50CiLow' | 'p50CiHigh' | 'p95CiLow' | 'p95CiHigh'> {
  const [p5, p50, p95] = [0.05, 0.5, 0.95].map((q) => quantileInterval(sorted, q));
  return { p5CiLow: p5.low, p5CiHigh: p5.high, p50CiLow: p50.low, p50CiHigh: p50.high, p95CiLow: p95.low, p95CiHigh: p95.high };
}
