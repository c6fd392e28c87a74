import { rankStages } from './rankStages.ts';
import type { StressRun } from './runStress.ts';

/**
 * Formats `stress.json`: `{"scenario", "masterSeed", "replicates", "rankingByShortfall",
 * "rankingByPolicyCost" (each [{"stage", "rank"}], most damaging first, ties share a rank), "stages": [{"stage", "capability", "intent", "probability",
 * "replicatesHit", "events", "shortfall": {"unit", "expected": {mean, low, high}, "conditional":
 * {…}}, "expectedShortfallByMaterial", "policyCost": {…}}]}`; NaN as null.
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
    replicatesHit: s.replicatesHit, events: s.events,
    shortfall: { unit: 't', ...s.shortfall }, expectedShortfallByMaterial: s.expectedShortfallByMaterial,
    policyCost: { unit: 'USD', ...s.policyCost },
  }));
  const rankingByShortfall = rankStages(run.stages, 'shortfall');
  const rankingByPolicyCost = rankStages(run.stages, 'policyCost');
  return `${JSON.stringify({ ...info, rankingByShortfall, rankingByPolicyCost, stages }, null, 2)}\n`;
}
