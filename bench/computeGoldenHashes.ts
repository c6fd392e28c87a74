/**
 * The golden check's cases and hashes: a few replicates of shipped scenarios at a small resolution,
 * hashed over the exact bytes of their series and summaries. It pins behaviour, not truth: any
 * optimisation of the engine must leave every hash unchanged, and a deliberate change of behaviour
 * re-records them (`npm run golden -- --record`).
 */
import { createHash } from 'node:crypto';
import { loadScenario } from '../src/scenario/loadScenario.ts';
import { compileScenario, createReplicateRunner } from '../sim-core/index.ts';

/** One golden case: a shipped scenario with settings, run for replicates 0…replicates−1. */
export interface GoldenCase {
  readonly scenario: string;
  readonly set: readonly string[];
  readonly seed: number;
  readonly replicates: number;
}

/**
 * The cases: export controls (trade rules, price pools), cyberattacks (outages), subsidies (floors and
 * capex; then the NdPr floor turned into an offtake guarantee, which no shipped scenario has) with
 * quick exits (firms leave after 3 weeks of losses: shipped scenarios have none), stockpiles of
 * refined material and of components, and price manipulation by price leadership (scripted, then
 * the actor's rule-driven price wars led too).
 */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  { scenario: 'scenarios/threat-export-quota.yaml', set: ['resolution.firmsPerCapacityCell=3'], seed: 11, replicates: 3 },
  { scenario: 'scenarios/threat-cyberattacks.yaml', set: ['resolution.firmsPerCapacityCell=4'], seed: 12, replicates: 3 },
  { scenario: 'scenarios/mitigation-subsidies.yaml', set: ['resolution.firmsPerCapacityCell=3', 'behaviour.exitAfterLossWeeks=3'], seed: 13, replicates: 2 },
  { scenario: 'scenarios/mitigation-subsidies.yaml', set: ['resolution.firmsPerCapacityCell=3', 'behaviour.exitAfterLossWeeks=3', 'events.usFloorNdpr.mode=offtake'], seed: 16, replicates: 2 },
  { scenario: 'scenarios/mitigation-stockpile-60d.yaml', set: ['resolution.firmsPerCapacityCell=3'], seed: 14, replicates: 2 },
  { scenario: 'scenarios/mitigation-stockpile-magnets.yaml', set: ['resolution.firmsPerCapacityCell=3'], seed: 15, replicates: 2 },
  { scenario: 'scenarios/threat-price-manipulation.yaml', set: ['resolution.firmsPerCapacityCell=3'], seed: 17, replicates: 2 },
  { scenario: 'scenarios/threat-price-manipulation.yaml', set: ['resolution.firmsPerCapacityCell=3', 'foreignActor.rules.priceWarMode=leadership'], seed: 18, replicates: 2 },
  // The engineer-size lens (gap G24), with a US pool small enough to bind.
  { scenario: 'scenarios/mitigation-graphite-subsidy.yaml', set: ['resolution.firmsPerCapacityCell=3', 'behaviour.engineersSizeExponent=0.6', 'behaviour.engineersMinimumShare=0.25', 'regions.US.engineers=100'], seed: 19, replicates: 2 },
];

/** Label of a case, the key of its hash. */
export function goldenCaseLabel(goldenCase: GoldenCase): string {
  return `${goldenCase.scenario} ${goldenCase.set.join(' ')} seed=${goldenCase.seed} replicates=${goldenCase.replicates}`;
}

/**
 * SHA-256 over every replicate's series bytes then summaries bytes, in replicate order.
 * @param root - folder the scenario paths are relative to (the repository root)
 */
export function computeGoldenHash(goldenCase: GoldenCase, root = '.'): string {
  const { spec } = loadScenario(`${root}/${goldenCase.scenario}`, { set: [...goldenCase.set] });
  const run = createReplicateRunner(compileScenario(spec));
  const hash = createHash('sha256');
  for (let replicate = 0; replicate < goldenCase.replicates; replicate++) {
    const result = run(goldenCase.seed, replicate);
    hash.update(new Uint8Array(result.series.buffer, result.series.byteOffset, result.series.byteLength));
    hash.update(new Uint8Array(result.summaries.buffer, result.summaries.byteOffset, result.summaries.byteLength));
  }
  return hash.digest('hex');
}

/** Hashes of every golden case, keyed by label. */
export function computeGoldenHashes(root = '.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const goldenCase of GOLDEN_CASES) out[goldenCaseLabel(goldenCase)] = computeGoldenHash(goldenCase, root);
  return out;
}
