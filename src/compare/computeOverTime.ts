import type { ReplicateResult } from '../../sim-core/index.ts';
import { quantile } from '../stats/quantile.ts';
import { sortedWithoutNaN } from '../stats/sortedWithoutNaN.ts';
import { computeDifferenceToEnd } from './computeDifferenceToEnd.ts';
import { computePairedDifference } from './computePairedDifference.ts';
import type { OverTimePlan } from './planOverTimeSeries.ts';

/** What a row or series of the "over time" table is about (over-time.csv's key columns). */
export interface OverTimeKey {
  strategy: string;
  material: string;
  /** `consumption`, `price` or `stockpile`. */
  measure: string;
  stage: string;
  region: string;
  unit: string;
}

/** One value of the "over time" table: a strategy, a kept series and a period. */
export interface OverTimeRow extends OverTimeKey {
  /** `YYYY-MM`. */
  period: string;
  /** Calendar year of the period's middle. */
  year: number;
  /** Weeks in the period: a t/week value times it gives the period's tonnes. */
  weeks: number;
  /** Replicates with a value. */
  runs: number;
  median: number;
  p5: number;
  p95: number;
  /** Mean paired difference strategy − reference and its confidence interval (this period alone); NaN for the reference. */
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
  /**
   * The same difference's interval for all periods of the series at once (Bonferroni: each at level
   * 1 − (1 − level)/periods), so that "the months whose interval excludes 0" is a claim about the
   * whole run: a month-by-month difference is autocorrelated, and chance alone makes long runs of
   * pointwise-"clear" months. NaN for the reference.
   */
  simultaneousCiLow: number;
  simultaneousCiHigh: number;
  /**
   * For a t/week measure (consumption), the paired difference in tonnes summed from this period to the
   * run's end, run by run, with its interval (computeDifferenceToEnd): how much of a gain comes after a
   * given month, with the interval monthly ones cannot give. NaN for the reference and other measures.
   */
  differenceToEnd: number;
  differenceToEndCiLow: number;
  differenceToEndCiHigh: number;
}

/** An arm's kept values: its label and, per replicate (in replicate order), series × periods values. */
export interface OverTimeArm {
  label: string;
  values: readonly Float64Array[];
}

/**
 * Month by month, each strategy's level (median and 5th–95th percentiles over its runs) and, for
 * every alternative, the mean paired difference from the reference (the same replicate's draws in
 * both) with its t confidence interval, pointwise and for all periods of the series at once: when
 * in the run a strategy helps, not only by how much in all. Rows go strategy by strategy (reference
 * first), then series, then period.
 *
 * @param plan - The kept series and periods (`planOverTimeSeries`; every arm keeps the same).
 * @param arms - The reference first, then the alternatives, each with the same replicates.
 * @param level - Confidence level of the differences.
 * @returns The table.
 * @throws RangeError when an arm's values do not match the plan's size or the reference's replicate count.
 * @example
 * computeOverTime(plan, [{ label: 'threat', values }, { label: 'stockpile', values: other }], 0.95)[0].median;
 */
export function computeOverTime(plan: OverTimePlan, arms: readonly OverTimeArm[], level: number): OverTimeRow[] {
  const size = plan.series.length * plan.periods.length;
  const replicates = arms[0]?.values.length ?? 0;
  for (const arm of arms) {
    if (arm.values.length !== replicates) throw new RangeError(`computeOverTime: ${arm.label} has ${arm.values.length} replicates, the reference ${replicates}`);
    for (const values of arm.values) if (values.length !== size) throw new RangeError(`computeOverTime: ${arm.label} keeps ${values.length} values a replicate, expected ${size}`);
  }
  const column = (arm: OverTimeArm, i: number): Float64Array => Float64Array.from(arm.values, (values) => values[i]);
  // Bonferroni over one series' periods: the family the report's "clearly more in N months" counts over.
  const simultaneousLevel = 1 - (1 - level) / Math.max(1, plan.periods.length);
  const rows: OverTimeRow[] = [];
  for (const [a, arm] of arms.entries()) {
    plan.series.forEach((series, s) => {
      const columns = (of: OverTimeArm): Float64Array[] => plan.periods.map((_, p) => column(of, s * plan.periods.length + p));
      const toEnd = a === 0 || series.unit !== 't/week' ? undefined : computeDifferenceToEnd(columns(arms[0]), columns(arm), plan.periods.map((p) => p.weeks), level);
      plan.periods.forEach((period, p) => {
        const i = s * plan.periods.length + p;
        const own = column(arm, i);
        const sorted = sortedWithoutNaN(own);
        const difference = a === 0 ? undefined : computePairedDifference(column(arms[0], i), own, 'none', level);
        const simultaneous = a === 0 ? undefined : computePairedDifference(column(arms[0], i), own, 'none', simultaneousLevel);
        rows.push({
          strategy: arm.label, material: series.material, measure: series.measure, stage: series.stage, region: series.region, unit: series.unit,
          period: period.label, year: period.year, weeks: period.weeks, runs: sorted.length,
          median: quantile(sorted, 0.5), p5: quantile(sorted, 0.05), p95: quantile(sorted, 0.95),
          meanDifference: difference?.meanDifference ?? NaN, ciLow: difference?.ciLow ?? NaN, ciHigh: difference?.ciHigh ?? NaN,
          simultaneousCiLow: simultaneous?.ciLow ?? NaN, simultaneousCiHigh: simultaneous?.ciHigh ?? NaN,
          differenceToEnd: toEnd?.mean[p] ?? NaN, differenceToEndCiLow: toEnd?.ciLow[p] ?? NaN, differenceToEndCiHigh: toEnd?.ciHigh[p] ?? NaN,
        });
      });
    });
  }
  return rows;
}

/**
 * Splits results whose summaries are followed by kept values (overTimeWorker.ts) into plain results
 * (the layout's summaries only, as every other consumer expects) and the kept values.
 *
 * @param results - One arm's results.
 * @param summaryCount - The layout's summary count.
 * @returns The trimmed results and, per replicate, the kept values.
 * @example
 * const { results, kept } = splitKeptValues(arm, layout.summaries.length);
 */
export function splitKeptValues(results: readonly ReplicateResult[], summaryCount: number): { results: ReplicateResult[]; kept: Float64Array[] } {
  return {
    results: results.map((r) => ({ ...r, summaries: r.summaries.subarray(0, summaryCount) })),
    kept: results.map((r) => r.summaries.subarray(summaryCount)),
  };
}
