import type { ExceedanceResult } from '../stats/computeExceedance.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { formatKeyFields } from './formatKeyFields.ts';
import { formatMetricId } from './formatMetricId.ts';

/**
 * Formats `summary.json`: `{"metrics": {"<id>": {"unit", "n", "mean", "ciLow", "ciHigh", "p5",
 * "p25", "p50", "p75", "p95", "min", "max", "metric", "material", "stage", "region", "p5CiLow",
 * "p5CiHigh", "p50CiLow", "p50CiHigh", "p95CiLow", "p95CiHigh"}}}` with ids
 * from {@link formatMetricId}, metrics in layout order, keys in that fixed order (the four key
 * parts were added after the statistics, the percentiles' distribution-free 95% intervals after them), two-space indent and a final LF; then, when given,
 * `"exceedance": [{"metric", "material", "stage", "region", "unit", "threshold", "probability",
 * "ciLow", "ciHigh", "n"}]` (P(metric > threshold) with its 95% Wilson interval). A key part that
 * does not apply is `null` ({@link formatKeyFields}), never `""`. Numbers are written shortest
 * round-trip; NaN and ±Infinity (undefined) become `null`.
 *
 * @param summaryStats - Statistics from `computeSummaryStatistics`, in layout order.
 * @param exceedance - Exceedance probabilities from `computeExceedance` (omitted: no block).
 * @returns The file's text.
 * @throws Error if two metrics share an id.
 * @example
 * formatSummaryJson(computeSummaryStatistics(layout, results));
 */
export function formatSummaryJson(summaryStats: readonly SummaryStatistic[], exceedance?: readonly ExceedanceResult[]): string {
  const metrics: Record<string, unknown> = {};
  for (const statistic of summaryStats) {
    const id = formatMetricId(statistic.key);
    if (Object.hasOwn(metrics, id)) throw new Error(`summary.json: duplicate metric id '${id}'`);
    metrics[id] = {
      unit: statistic.key.unit,
      n: statistic.n,
      mean: statistic.mean,
      ciLow: statistic.ciLow,
      ciHigh: statistic.ciHigh,
      p5: statistic.p5,
      p25: statistic.p25,
      p50: statistic.p50,
      p75: statistic.p75,
      p95: statistic.p95,
      min: statistic.min,
      max: statistic.max,
      ...formatKeyFields(statistic.key),
      // Added in session 18, after the key parts, so earlier keys keep their places.
      p5CiLow: statistic.p5CiLow,
      p5CiHigh: statistic.p5CiHigh,
      p50CiLow: statistic.p50CiLow,
      p50CiHigh: statistic.p50CiHigh,
      p95CiLow: statistic.p95CiLow,
      p95CiHigh: statistic.p95CiHigh,
    };
  }
  if (exceedance === undefined) return `${JSON.stringify({ metrics }, null, 2)}\n`;
  const rows = exceedance.map(({ key, threshold, probability, ciLow, ciHigh, n }) => ({
    ...formatKeyFields(key), unit: key.unit,
    threshold, probability, ciLow, ciHigh, n,
  }));
  return `${JSON.stringify({ metrics, exceedance: rows }, null, 2)}\n`;
}
