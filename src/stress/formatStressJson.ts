import { STRESS_UNITS } from './formatStressCsv.ts';
import { type RankMeasure, rankStages } from './rankStages.ts';
import type { StressRun } from './runStress.ts';

/** stress.json's `shortfallShareOf`: the share measures are of the undisturbed run's demand (computeShortfallShareChange, session 32). */
export const SHORTFALL_SHARE_OF = 'undisturbedDemand';

/**
 * Formats `stress.json`: `{"scenario", "masterSeed", "replicates", "strippedEvents",
 * "rankingByShortfallShare", "rankingByEconomicCost", "rankingByShortfall", "rankingByPolicyCost"
 * (each [{"stage", "rank"}], most damaging first, ties share a rank), "firstVsSecond": {"shortfallShare",
 * "economicCost", "shortfall", "policyCost": {"unit", "first", "second", "n", "meanDifference", "low",
 * "high", "pValue", "clearlyFirst"} or null}, "stages": [{"stage",
 * "capability", "intent", "probability", "events", "shortfall": {"unit",
 * "expected": {mean, low, high}, "conditional": {…}}, "expectedShortfallByMaterial", "policyCost",
 * "shortfallShare", "expectedShortfallShareByMaterial", "economicCost", "extraSpending",
 * "forgoneConsumptionValue", "unmetValueAtPrice", "surplusTriangleLoss", "endUserSpending", "unmetValue"}],
 * "horizonYears", "shortfallShareOf"}`; NaN as null. `horizonYears` (the years every arm ran, after `--years`; added last)
 * tells a reader which standard disruptions the horizon cut short; `shortfallShareOf` (`"undisturbedDemand"`, added
 * last, session 32) says what the share measures are a share of: a file without it differences each arm's own share. Each measure's `unit` is the one stress.csv writes for it
 * (`shortfallShare`: `share`, the change in home end-use demand unmet as a share of the undisturbed
 * run's demand, value-weighted, `computeShortfallShareChange`; `expectedShortfallShareByMaterial`
 * the same per material, before session 32 each arm's own share differenced); `expected`/`conditional`
 * `{mean, low, high}` are stress.csv's `expectedImpact`, `ciLow`, `ciHigh` and
 * `conditionalImpact`, `conditionalCiLow`, `conditionalCiHigh`; `expected` is `probability` ×
 * `conditional` (mean and bounds). `firstVsSecond` compares, per ranking, the first stage with the
 * second replicate by replicate (`compareFirstAndSecond`: mean of p₁·d₁ᵢ − p₂·d₂ᵢ with its 95% t
 * interval; `clearlyFirst` when it lies above 0). The fields of earlier versions (shortfall in t, policy cost, their
 * rankings) keep their place and meaning, except `replicatesHit` (the replicates a random draw said
 * the disruption struck, which the expected impact averaged over): gone, as the draws are, since
 * `expected` is `probability` × `conditional`; the share and economic measures were added after them.
 * `economicCost` is the end users' loss of `computeEndUserLoss` (extra spending on what they still
 * received + consumption the higher price removed + change in unmet demand); before, it was the
 * change in what their demand cost at market prices, which counted buying less as a saving.
 * `extraSpending`, `forgoneConsumptionValue` and `unmetValueAtPrice` are its three parts;
 * `surplusTriangleLoss` the net alternative (priced-out consumption by its consumer-surplus triangle).
 *
 * @param run - From `runStress`.
 * @param info - Scenario path, seed and replicates.
 * @returns The file's text.
 * @example
 * formatStressJson(run, { scenario: 'scenarios/baseline.yaml', masterSeed: 1, replicates: 100 });
 */
export function formatStressJson(run: StressRun, info: { scenario: string; masterSeed: number; replicates: number }): string {
  const stages = run.stages.map((s) => ({
    stage: s.stage, capability: s.capability, intent: s.intent, probability: s.probability,
    events: s.events,
    shortfall: { unit: STRESS_UNITS.shortfall, ...s.shortfall }, expectedShortfallByMaterial: s.expectedShortfallByMaterial,
    policyCost: { unit: STRESS_UNITS.policyCost, ...s.policyCost },
    shortfallShare: { unit: STRESS_UNITS.shortfallShare, ...s.shortfallShare },
    expectedShortfallShareByMaterial: s.expectedShortfallShareByMaterial,
    economicCost: { unit: STRESS_UNITS.economicCost, ...s.economicCost },
    extraSpending: { unit: 'USD', ...s.extraSpending },
    forgoneConsumptionValue: { unit: 'USD', ...s.forgoneConsumptionValue },
    unmetValueAtPrice: { unit: 'USD', ...s.unmetValueAtPrice },
    surplusTriangleLoss: { unit: 'USD', ...s.surplusTriangleLoss },
    endUserSpending: { unit: 'USD', ...s.endUserSpending },
    unmetValue: { unit: 'USD', ...s.unmetValue },
  }));
  const rankingByShortfall = rankStages(run.stages, 'shortfall');
  const rankingByPolicyCost = rankStages(run.stages, 'policyCost');
  const rankingByShortfallShare = rankStages(run.stages, 'shortfallShare');
  const rankingByEconomicCost = rankStages(run.stages, 'economicCost');
  const measures: RankMeasure[] = ['shortfallShare', 'economicCost', 'shortfall', 'policyCost'];
  const firstVsSecond = Object.fromEntries(measures.map((measure) => {
    const comparison = run.firstVsSecond[measure];
    return [measure, comparison === undefined ? null : { unit: STRESS_UNITS[measure], ...comparison }];
  }));
  // Added at the end (readers of earlier files find every earlier field in its place): the horizon the arms ran, which the stages' disruptions may outlast.
  return `${JSON.stringify({ ...info, strippedEvents: run.strippedEvents, rankingByShortfallShare, rankingByEconomicCost, rankingByShortfall, rankingByPolicyCost, firstVsSecond, stages,
    horizonYears: run.base.spec.years, shortfallShareOf: SHORTFALL_SHARE_OF }, null, 2)}\n`;
}
