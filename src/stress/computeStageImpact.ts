import { confidenceIntervalOfMean, type MeanInterval } from '../stats/confidenceIntervalOfMean.ts';

/** The impact of one stage's disruption on one outcome, in the outcome's unit. */
export interface StageImpact {
  /**
   * The disruption's probability p times `conditional` (mean and both bounds): the expected impact
   * p·E[d], with the t interval of p·dᵢ (exactly the conditional one scaled by the known p).
   */
  expected: MeanInterval;
  /** Mean over all replicates of (disturbed − undisturbed): the impact when the disruption happens. */
  conditional: MeanInterval;
}

/**
 * Per replicate the paired difference dᵢ = disturbedᵢ − undisturbedᵢ (same seed and replicate,
 * common random numbers), NaN where either side is undefined; replicate order kept, so two
 * stages' differences pair by index.
 *
 * @param undisturbed - Outcome per replicate without the disruption.
 * @param disturbed - Outcome per replicate with it.
 * @returns The differences.
 * @example
 * pairedStageDifferences([1, 1], [3, 5]); // Float64Array [2, 4]
 */
export function pairedStageDifferences(undisturbed: ArrayLike<number>, disturbed: ArrayLike<number>): Float64Array {
  const differences = new Float64Array(undisturbed.length);
  for (let r = 0; r < undisturbed.length; r++) differences[r] = disturbed[r] - undisturbed[r];
  return differences;
}

/**
 * The impact of a disruption that strikes with a known probability p per replicate. The disturbed
 * scenario is run for every replicate, so the conditional impact (if struck) is the mean of the
 * paired differences dᵢ over all of them with its t interval, and the expected impact is p times
 * it: p·mean(d), p·low, p·high (the t interval of the values p·dᵢ). Drawing per replicate whether
 * the disruption struck and averaging hitᵢ·dᵢ, as earlier versions did, estimates the same p·E[d]
 * with extra sampling noise, and its interval collapses to [0, 0] when the few struck replicates
 * happen to have d = 0. Replicates with an undefined value on either side are left out.
 *
 * @param undisturbed - Outcome per replicate without the disruption.
 * @param disturbed - Outcome per replicate with it.
 * @param probability - The disruption's probability per replicate, in [0, 1].
 * @param level - Confidence level; default 0.95.
 * @returns Expected and conditional impact with intervals.
 * @throws RangeError when the probability is not in [0, 1].
 * @example
 * computeStageImpact([1, 1], [3, 5], 0.5).expected.mean; // 1.5
 */
export function computeStageImpact(
  undisturbed: ArrayLike<number>,
  disturbed: ArrayLike<number>,
  probability: number,
  level = 0.95,
): StageImpact {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`computeStageImpact: probability must be in [0, 1], got ${probability}`);
  const conditional = confidenceIntervalOfMean(pairedStageDifferences(undisturbed, disturbed), level);
  return { expected: scaleInterval(conditional, probability), conditional };
}

/** A mean interval times p ≥ 0 (an undefined bound stays undefined; −0 is written 0). */
function scaleInterval(interval: MeanInterval, p: number): MeanInterval {
  return { mean: p * interval.mean + 0, low: p * interval.low + 0, high: p * interval.high + 0 };
}
