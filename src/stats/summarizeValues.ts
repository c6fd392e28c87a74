import { confidenceIntervalOfMean } from './confidenceIntervalOfMean.ts';
import { quantile } from './quantile.ts';
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
}

/**
 * Summarizes replicate values: mean with its t confidence interval, type-7 quantiles, extremes.
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
  };
}
