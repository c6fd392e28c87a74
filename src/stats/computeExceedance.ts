import type { ResultLayout, SeriesKey } from '../../sim-core/index.ts';
import type { ReplicateSummaries } from './computeSummaryStatistics.ts';
import { wilsonInterval } from './wilsonInterval.ts';

/** An exceedance question: P(summary metric `index` of the layout > threshold). */
export interface ExceedanceRequest {
  /** Index in `layout.summaries`. */
  index: number;
  /** Threshold in the metric's unit. */
  threshold: number;
}

/** The estimated probability, with its Wilson interval and the replicates it counts. */
export interface ExceedanceResult {
  key: SeriesKey;
  threshold: number;
  /** Share of replicates with a defined value above the threshold (NaN when none is defined). */
  probability: number;
  ciLow: number;
  ciHigh: number;
  /** Replicates with a defined (non-NaN) value. */
  n: number;
}

/**
 * Estimates P(X > threshold) for summary metrics across replicates: the share of replicates whose
 * value is strictly above the threshold (NaN values are left out of both counts), with a Wilson
 * score interval at `level`. Counting is exact, so the result does not depend on replicate order.
 *
 * @param layout - The run's layout (names the metrics).
 * @param results - Summaries of every replicate, any order.
 * @param requests - Metric indexes and thresholds, answered in the order given.
 * @param level - Confidence level; default 0.95.
 * @returns One result per request.
 * @example
 * computeExceedance(layout, summaries, [{ index: 12, threshold: 8 }])[0].probability;
 */
export function computeExceedance(
  layout: ResultLayout,
  results: readonly ReplicateSummaries[],
  requests: readonly ExceedanceRequest[],
  level = 0.95,
): ExceedanceResult[] {
  return requests.map(({ index, threshold }) => {
    let n = 0;
    let above = 0;
    for (const result of results) {
      const x = result.summaries[index];
      if (Number.isNaN(x)) continue;
      n++;
      if (x > threshold) above++;
    }
    const { low, high } = wilsonInterval(above, n, level);
    return { key: layout.summaries[index], threshold, probability: n === 0 ? NaN : above / n, ciLow: low, ciHigh: high, n };
  });
}
