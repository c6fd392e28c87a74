import type { Stage } from '../../sim-core/index.ts';
import type { StageStress } from './runStress.ts';

/** The measures stages can be ranked by (each a `StageImpact` of `StageStress`). */
export type RankMeasure = 'shortfall' | 'policyCost' | 'shortfallShare' | 'economicCost';

/** A stage's place in a ranking. */
export interface StageRank {
  stage: Stage;
  /** 1 + the number of stages with a strictly larger expected impact (equal impacts share a rank). */
  rank: number;
}

/**
 * Ranks stages by the expected impact of their disruption on an outcome, largest increase first;
 * equal impacts share a rank and keep chain order; undefined impacts come last.
 *
 * @param stages - Stress results.
 * @param measure - `shortfallShare` (value-weighted share of home end-use demand unmet),
 *   `economicCost` (home end users' loss, `computeEndUserLoss`), `shortfall` (tonnes summed over
 *   materials) or `policyCost`.
 * @returns Stages with their ranks, most damaging first.
 * @example
 * rankStages(run.stages, 'shortfall')[0].stage; // e.g. 'endUse'
 */
export function rankStages(stages: readonly StageStress[], measure: RankMeasure): StageRank[] {
  const size = (s: StageStress): number => {
    const value = s[measure].expected.mean;
    return Number.isNaN(value) ? -Infinity : value;
  };
  return [...stages]
    .sort((a, b) => size(b) - size(a))
    .map((s) => ({ stage: s.stage, rank: 1 + stages.filter((other) => size(other) > size(s)).length }));
}
