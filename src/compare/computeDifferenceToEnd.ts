import { confidenceIntervalOfMean } from '../stats/confidenceIntervalOfMean.ts';

/** Per period, the paired difference in tonnes from that period to the run's end, with its interval. */
export interface DifferenceToEnd {
  mean: number[];
  ciLow: number[];
  ciHigh: number[];
}

/**
 * For a t/week measure kept month by month, per period p the paired difference in tonnes summed
 * from p to the run's end, Σ_{q ≥ p} (alternativeᵣ,q − referenceᵣ,q) · weeks_q, run by run, and its
 * t interval. Summed per run before the interval, because months move together: the interval of a
 * sum of months cannot be rebuilt from the months' own intervals. Its mean equals the months' mean
 * differences × weeks, summed (a mean of sums is the sum of the means), so "how much of the gain
 * comes after month p" gets the interval the months alone cannot give. Runs with a missing month
 * are left out of the periods up to it.
 *
 * @param reference - Per period, the reference's value in each run (t/week, runs in replicate order).
 * @param alternative - The same for the alternative, the same runs.
 * @param weeks - Weeks each period covers.
 * @param level - Confidence level; default 0.95.
 * @returns Per period, the mean and the interval, in t.
 * @example
 * computeDifferenceToEnd([Float64Array.of(1, 2)], [Float64Array.of(2, 4)], [4]).mean; // [6]
 */
export function computeDifferenceToEnd(reference: readonly ArrayLike<number>[], alternative: readonly ArrayLike<number>[], weeks: readonly number[], level = 0.95): DifferenceToEnd {
  const periods = weeks.length;
  const runs = reference[0]?.length ?? 0;
  const suffix = new Float64Array(runs);
  const out: DifferenceToEnd = { mean: new Array<number>(periods), ciLow: new Array<number>(periods), ciHigh: new Array<number>(periods) };
  for (let p = periods - 1; p >= 0; p--) {
    for (let r = 0; r < runs; r++) suffix[r] += (alternative[p][r] - reference[p][r]) * weeks[p];
    const interval = confidenceIntervalOfMean(suffix.filter((v) => !Number.isNaN(v)), level);
    out.mean[p] = interval.mean;
    out.ciLow[p] = interval.low;
    out.ciHigh[p] = interval.high;
  }
  return out;
}
