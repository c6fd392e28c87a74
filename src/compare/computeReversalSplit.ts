import type { SeriesKey } from '../../sim-core/index.ts';
import { welchInterval } from '../stats/welchInterval.ts';
import type { AlternativeComparison, ComparisonArm } from './computeComparison.ts';
import { computePairedDifference } from './computePairedDifference.ts';
import type { MetricDirection } from './metricDirection.ts';
import { extractSummaryColumn } from './extractSummaryColumn.ts';

/** The paired difference (alternative − first) over one group of runs. */
export interface SplitGroup {
  /** Runs of the group where both arms are defined. */
  n: number;
  mean: number;
  /** t-based confidence interval of the mean (NaN when n < 2). */
  ciLow: number;
  ciHigh: number;
}

/** One metric's paired effect where the alternative's policies were kept and where an election reversed one. */
export interface MetricReversalSplit {
  key: SeriesKey;
  reversed: SplitGroup;
  kept: SplitGroup;
  /** kept mean − reversed mean, with Welch's interval (the two groups are different runs). */
  difference: { mean: number; ciLow: number; ciHigh: number };
}

/** The runs split by one policy alone: reversed (by an election) or kept, whatever became of the others. */
export interface PolicyReversalSplit {
  /** The policy's event id. */
  id: string;
  runsReversed: number;
  /**
   * As {@link ReversalSplit.metrics}, with this policy's reversal as the split, for the metrics of
   * the policy's material and those of no material (all metrics for a policy of no material).
   */
  metrics: MetricReversalSplit[];
}

/** An alternative's runs split by whether an election reversed any of its reversible policies. */
export interface ReversalSplit {
  label: string;
  /** Ids of the alternative's reversible policies (the region of its `policyReversed` summaries). */
  policies: string[];
  /** Per policy, the runs in which an election reversed it (same order as `policies`). */
  runsReversedByPolicy: number[];
  /** Runs in which at least one of them was reversed. */
  runsReversed: number;
  runs: number;
  /**
   * The metrics of the comparison whose paired difference is not zero in every run (the others are
   * zero in both groups); empty when all runs or none had a reversal (no split possible).
   */
  metrics: MetricReversalSplit[];
  /**
   * With two or more policies, the split by each policy alone (with several policies and a few
   * elections, nearly every run may reverse one of them, leaving "any" nothing to split); else empty.
   */
  byPolicy: PolicyReversalSplit[];
}

const keyId = (key: SeriesKey): string => JSON.stringify([key.metric, key.material, key.stage, key.region, key.unit]);

/** The values of `column` at the runs where `mask` is `wanted`. */
function pick(column: Float64Array, mask: readonly boolean[], wanted: boolean): Float64Array {
  return Float64Array.from(column.filter((_, i) => mask[i] === wanted));
}

/** A metric's two columns: the first arm's and the alternative's, by replicate. */
interface MetricColumns {
  key: SeriesKey;
  direction: MetricDirection;
  first: Float64Array;
  alternative: Float64Array;
}

/** Each metric's paired difference over the runs `reversed` marks and over the others; [] when either group is empty. */
function splitMetrics(columns: readonly MetricColumns[], reversed: readonly boolean[], level: number): MetricReversalSplit[] {
  const count = reversed.filter(Boolean).length;
  if (count === 0 || count === reversed.length) return [];
  return columns.map(({ key, direction, first, alternative }) => {
    const group = (wanted: boolean): { stats: SplitGroup; differences: Float64Array } => {
      const x = pick(first, reversed, wanted);
      const y = pick(alternative, reversed, wanted);
      const paired = computePairedDifference(x, y, direction, level);
      return { stats: { n: paired.n, mean: paired.meanDifference, ciLow: paired.ciLow, ciHigh: paired.ciHigh }, differences: y.map((v, i) => v - x[i]) };
    };
    const gone = group(true);
    const kept = group(false);
    const gap = welchInterval(kept.differences, gone.differences, level);
    return { key, reversed: gone.stats, kept: kept.stats, difference: { mean: gap.mean, ciLow: gap.low, ciHigh: gap.high } };
  });
}

/** Whether B − A is non-zero in some run where both are defined (else the split is zero on both sides). */
function differsSomewhere(first: Float64Array, alternative: Float64Array): boolean {
  return first.some((x, i) => !Number.isNaN(x) && !Number.isNaN(alternative[i]) && x !== alternative[i]);
}

/**
 * Splits each alternative's paired effects by election reversal: a run counts as reversed when
 * any of the alternative's `policyReversed` summaries is 1 in it. For every metric of
 * `alternatives` whose paired difference is not zero throughout, the paired difference
 * (alternative − first, `computePairedDifference`) over the reversed runs and over the kept runs,
 * and kept − reversed with Welch's t interval; with several policies, the same split by each
 * policy alone (its material's metrics and those of no material). Descriptive: runs with a reversal also drew, on average, a higher reversal
 * probability (which investors priced in from the start), so the gap is not the causal effect of
 * the reversal alone.
 *
 * @param arms - As given to `computeComparison` (the first is the reference).
 * @param alternatives - `computeComparison(arms, level)`: which metrics to split.
 * @param level - Confidence level; default 0.95.
 * @returns One entry per alternative with at least one reversible policy, in arm order.
 * @example
 * computeReversalSplit(arms, computeComparison(arms))[0]?.runsReversed;
 */
export function computeReversalSplit(arms: readonly ComparisonArm[], alternatives: readonly AlternativeComparison[], level = 0.95): ReversalSplit[] {
  const firstIndex = new Map(arms[0].layout.summaries.map((key, i) => [keyId(key), i]));
  const out: ReversalSplit[] = [];
  arms.slice(1).forEach((arm, a) => {
    const policyIndexes = arm.layout.summaries.flatMap((key, i) => (key.metric === 'policyReversed' ? [i] : []));
    if (policyIndexes.length === 0) return;
    const policies = policyIndexes.map((i) => arm.layout.summaries[i].region);
    const reversedBy = policyIndexes.map((i) => Array.from(extractSummaryColumn(arm.results, i), (v) => v === 1));
    const any = arm.results.map((_, r) => reversedBy.some((runs) => runs[r]));
    const ownIndex = new Map(arm.layout.summaries.map((key, i) => [keyId(key), i]));
    const columns = alternatives[a].metrics.map((m) => ({
      key: m.key, direction: m.direction,
      first: extractSummaryColumn(arms[0].results, firstIndex.get(keyId(m.key)) as number),
      alternative: extractSummaryColumn(arm.results, ownIndex.get(keyId(m.key)) as number),
    })).filter((c) => differsSomewhere(c.first, c.alternative));
    out.push({
      label: arm.label,
      policies,
      runsReversedByPolicy: reversedBy.map((runs) => runs.filter(Boolean).length),
      runsReversed: any.filter(Boolean).length,
      runs: any.length,
      metrics: splitMetrics(columns, any, level),
      byPolicy: policies.length < 2 ? [] : policies.map((id, p) => {
        // A policy's own material and the material-free metrics (policy cost): keeps comparison.json to a sane size.
        const material = arm.layout.summaries[policyIndexes[p]].material;
        const own = columns.filter((c) => c.key.material === '' || material === '' || c.key.material === material);
        return { id, runsReversed: reversedBy[p].filter(Boolean).length, metrics: splitMetrics(own, reversedBy[p], level) };
      }),
    });
  });
  return out;
}
