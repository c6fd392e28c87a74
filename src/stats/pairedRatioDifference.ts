import { confidenceIntervalOfMean } from './confidenceIntervalOfMean.ts';

/** The difference of two ratios of means, with its interval. */
export interface RatioDifference {
  /** C̄_A/Ḡ_A − C̄_B/Ḡ_B. */
  difference: number;
  ciLow: number;
  ciHigh: number;
  /** Pairs used (both arms defined). */
  n: number;
}

/**
 * The difference between two ratios of means measured on the same runs, R_A − R_B with
 * R = C̄/Ḡ (e.g. two strategies' extra cost per tonne gained against one reference), and its t
 * interval by the delta method on paired runs: each run's influence on R_A − R_B is
 * (C_A − R_A·G_A)/Ḡ_A − (C_B − R_B·G_B)/Ḡ_B, whose mean is 0 and whose spread gives the standard
 * error. The runs are shared, so the two ratios' noise largely cancels: two intervals that overlap
 * can still leave a difference clearly away from 0. Meant for benefits clearly above 0 (a Ḡ near 0
 * makes a ratio, and this linearisation, meaningless). Runs undefined in any column are left out.
 *
 * @param costA - Per run, A's numerator (e.g. extra cost).
 * @param gainA - Per run, A's denominator (e.g. tonnes gained).
 * @param costB - Per run, B's numerator.
 * @param gainB - Per run, B's denominator.
 * @param level - Confidence level; default 0.95.
 * @returns The difference and its interval.
 * @example
 * pairedRatioDifference([2, 4], [1, 2], [3, 6], [1, 2]).difference; // 2 − 3 = −1
 */
export function pairedRatioDifference(costA: ArrayLike<number>, gainA: ArrayLike<number>, costB: ArrayLike<number>, gainB: ArrayLike<number>, level = 0.95): RatioDifference {
  const runs: number[] = [];
  for (let r = 0; r < costA.length; r++) if (![costA[r], gainA[r], costB[r], gainB[r]].some(Number.isNaN)) runs.push(r);
  const n = runs.length;
  const mean = (values: ArrayLike<number>): number => runs.reduce((sum, r) => sum + values[r], 0) / n;
  const [meanCostA, meanGainA, meanCostB, meanGainB] = [costA, gainA, costB, gainB].map(mean);
  const ratioA = meanCostA / meanGainA;
  const ratioB = meanCostB / meanGainB;
  const influence = runs.map((r) => (costA[r] - ratioA * gainA[r]) / meanGainA - (costB[r] - ratioB * gainB[r]) / meanGainB);
  const interval = confidenceIntervalOfMean(influence, level);
  const difference = ratioA - ratioB;
  // The influences have mean 0 up to rounding: the interval is the difference ± its half-width.
  const half = (interval.high - interval.low) / 2;
  return { difference, ciLow: difference - half, ciHigh: difference + half, n };
}
