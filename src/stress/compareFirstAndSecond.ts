import type { Stage } from '../../sim-core/index.ts';
import { computePairedDifference } from '../compare/computePairedDifference.ts';
import type { StageRank } from './rankStages.ts';

/** Whether the stage ranked first by expected impact is clearly ahead of the second (paired over replicates). */
export interface FirstVsSecond {
  first: Stage;
  second: Stage;
  /** Replicates where both stages' impacts are defined. */
  n: number;
  /**
   * Mean over replicates of p₁·d₁ᵢ − p₂·d₂ᵢ (the first's expected impact minus the second's, in
   * the measure's unit), with its t interval: every stage's disturbed arm runs the same replicates
   * as the undisturbed one, so the stages pair replicate by replicate.
   */
  meanDifference: number;
  low: number;
  high: number;
  /** Two-sided p-value of the paired t test (NaN when n < 2). */
  pValue: number;
  /** True when the interval lies above 0: the first is clearly first. False otherwise, also when it is undefined. */
  clearlyFirst: boolean;
}

/**
 * Compares the first two stages of a ranking by expected impact with a paired test: per replicate
 * pₐ·dₐ,ᵢ against p_b·d_b,ᵢ (`computePairedDifference`), replicates undefined on either side left out.
 * A ranking says which mean is larger; this says whether the gap is clear of Monte Carlo noise.
 *
 * @param ranking - From `rankStages`, most damaging first.
 * @param weighted - Per stage, p·dᵢ per replicate (replicate order, NaN where undefined).
 * @param level - Confidence level; default 0.95.
 * @returns The comparison, or undefined with fewer than two stages.
 * @example
 * compareFirstAndSecond(rankStages(stages, 'shortfallShare'), (stage) => weightedShare[stage]).clearlyFirst;
 */
export function compareFirstAndSecond(ranking: readonly StageRank[], weighted: (stage: Stage) => ArrayLike<number>, level = 0.95): FirstVsSecond | undefined {
  if (ranking.length < 2) return undefined;
  const [first, second] = [ranking[0].stage, ranking[1].stage];
  const paired = computePairedDifference(weighted(second), weighted(first), 'none', level);
  return {
    first, second, n: paired.n, meanDifference: paired.meanDifference, low: paired.ciLow, high: paired.ciHigh, pValue: paired.pValue,
    clearlyFirst: paired.ciLow > 0,
  };
}
