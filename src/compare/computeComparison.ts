import { mcnemarExactPValue } from '../stats/mcnemarExactPValue.ts';
import type { ReplicateResult, ResultLayout, SeriesKey } from '../../sim-core/index.ts';
import { computePairedDifference, type PairedDifference } from './computePairedDifference.ts';
import { extractSummaryColumn } from './extractSummaryColumn.ts';
import { metricDirection, type MetricDirection } from './metricDirection.ts';
import { defaultExceedanceRequests } from '../stats/defaultExceedanceRequests.ts';

/** One arm of a comparison: a scenario's layout and its replicates (same seed and indices as the others). */
export interface ComparisonArm {
  /** Short unique name, e.g. the file name without `.yaml`. */
  label: string;
  layout: ResultLayout;
  /** Results of replicates 0…n−1, sorted by replicate. */
  results: readonly ReplicateResult[];
}

/** P(metric > threshold) in each arm, over the replicates where both arms are defined. */
export interface ExceedanceComparison {
  threshold: number;
  /** In the first arm (A). */
  pA: number;
  /** In the alternative (B). */
  pB: number;
  /** Exact McNemar p-value of pA = pB over the same pairs (mcnemarExactPValue; NaN without any pair). */
  pValue: number;
}

/** The paired comparison of one metric, with its key and direction. */
export interface MetricComparison extends PairedDifference {
  key: SeriesKey;
  direction: MetricDirection;
  /** For the metrics with a default exceedance threshold (summary.json's defaults): P(A), P(B). */
  exceedance?: ExceedanceComparison;
}

/** P(A > threshold) and P(B > threshold) over the pairs where both are defined (NaN without any). */
function compareExceedance(first: ArrayLike<number>, alternative: ArrayLike<number>, threshold: number): ExceedanceComparison {
  let n = 0, aboveA = 0, aboveB = 0, onlyA = 0, onlyB = 0;
  for (let i = 0; i < first.length; i++) {
    if (Number.isNaN(first[i]) || Number.isNaN(alternative[i])) continue;
    n++;
    const a = first[i] > threshold;
    const b = alternative[i] > threshold;
    if (a) aboveA++;
    if (b) aboveB++;
    if (a && !b) onlyA++;
    if (b && !a) onlyB++;
  }
  // Paired: the runs where the two arms disagree decide whether the shares differ (McNemar).
  return { threshold, pA: n === 0 ? NaN : aboveA / n, pB: n === 0 ? NaN : aboveB / n, pValue: n === 0 ? NaN : mcnemarExactPValue(onlyA, onlyB) };
}

/** Every shared metric of one alternative against the first arm, in the first arm's layout order. */
export interface AlternativeComparison {
  label: string;
  metrics: MetricComparison[];
}

/** Identity of a summary key: all five fields. */
function keyId(key: SeriesKey): string {
  return JSON.stringify([key.metric, key.material, key.stage, key.region, key.unit]);
}

/**
 * Compares every alternative arm with the first, metric by metric: for each summary metric
 * present in all arms (matched by its whole {@link SeriesKey}), the paired differences
 * (alternative − first) per replicate, their mean and t interval, and the probability of being
 * better (see `computePairedDifference` and `metricDirection`); for the metrics with a default
 * exceedance threshold (`defaultExceedanceRequests` of the first arm), P(A > t) and P(B > t).
 *
 * @param arms - The first arm (the reference) followed by one or more alternatives.
 * @param level - Confidence level; default 0.95.
 * @returns One entry per alternative, in the order given.
 * @throws RangeError with fewer than two arms, or when arms hold different replicate indices.
 * @example
 * computeComparison([{ label: 'threat', layout, results: a }, { label: 'stockpile', layout, results: b }]);
 */
export function computeComparison(arms: readonly ComparisonArm[], level = 0.95): AlternativeComparison[] {
  if (arms.length < 2) throw new RangeError(`computeComparison: need at least two arms, got ${arms.length}`);
  const replicates = arms[0].results.map((result) => result.replicate);
  for (const arm of arms) {
    const same = arm.results.length === replicates.length && arm.results.every((result, i) => result.replicate === replicates[i]);
    if (!same) throw new RangeError(`computeComparison: arm ${arm.label} does not hold the same replicates as ${arms[0].label}`);
  }
  const indexes = arms.map((arm) => new Map(arm.layout.summaries.map((key, i) => [keyId(key), i])));
  const shared = arms[0].layout.summaries.filter((key) => indexes.every((index) => index.has(keyId(key))));
  const thresholds = new Map(defaultExceedanceRequests(arms[0].layout).map((request) => [keyId(arms[0].layout.summaries[request.index]), request.threshold]));
  return arms.slice(1).map((arm, a) => ({
    label: arm.label,
    metrics: shared.map((key) => {
      const id = keyId(key);
      const first = extractSummaryColumn(arms[0].results, indexes[0].get(id) as number);
      const alternative = extractSummaryColumn(arm.results, indexes[a + 1].get(id) as number);
      const direction = metricDirection(key.metric);
      const threshold = thresholds.get(id);
      const paired = { key, direction, ...computePairedDifference(first, alternative, direction, level) };
      return threshold === undefined ? paired : { ...paired, exceedance: compareExceedance(first, alternative, threshold) };
    }),
  }));
}
