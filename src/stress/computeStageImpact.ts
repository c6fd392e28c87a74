import { confidenceIntervalOfMean, type MeanInterval } from '../stats/confidenceIntervalOfMean.ts';

/** The impact of one stage's disruption on one outcome, in the outcome's unit. */
export interface StageImpact {
  /** Mean over replicates of (disturbed − undisturbed) where the disruption struck, 0 elsewhere, with its t interval. */
  expected: MeanInterval;
  /** Mean over all replicates of (disturbed − undisturbed): the impact when the disruption happens. */
  conditional: MeanInterval;
}

/**
 * The impact of a disruption that strikes some replicates: per replicate the paired difference
 * dᵢ = disturbedᵢ − undisturbedᵢ (same seed and replicate, common random numbers). The expected
 * impact averages hitᵢ·dᵢ (the disruption's probability is in the hits); the conditional impact
 * averages dᵢ over every replicate, since the disturbed scenario is run for all of them.
 * Replicates with an undefined value on either side are left out.
 *
 * @param undisturbed - Outcome per replicate without the disruption.
 * @param disturbed - Outcome per replicate with it.
 * @param hits - 1 where the disruption struck.
 * @param level - Confidence level; default 0.95.
 * @returns Expected and conditional impact with intervals.
 * @example
 * computeStageImpact([1, 1], [3, 5], Uint8Array.of(1, 0)).expected.mean; // 1
 */
export function computeStageImpact(
  undisturbed: ArrayLike<number>,
  disturbed: ArrayLike<number>,
  hits: ArrayLike<number>,
  level = 0.95,
): StageImpact {
  const weighted: number[] = [];
  const differences: number[] = [];
  for (let r = 0; r < undisturbed.length; r++) {
    const d = disturbed[r] - undisturbed[r];
    if (Number.isNaN(d)) continue;
    differences.push(d);
    weighted.push(hits[r] === 1 ? d : 0);
  }
  return { expected: confidenceIntervalOfMean(weighted, level), conditional: confidenceIntervalOfMean(differences, level) };
}
