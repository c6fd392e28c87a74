import { compileScenario, type EventSpec, STAGES, type Stage } from '../../sim-core/index.ts';
import { runScenarioArms } from '../compare/runScenarioArms.ts';
import { type LoadedScenario, loadScenario } from '../scenario/loadScenario.ts';
import { computeStageImpact, type StageImpact } from './computeStageImpact.ts';
import { computeStressMeasures } from './computeStressMeasures.ts';
import { computeThreatScore } from './computeThreatScore.ts';
import { createDisturbedSpec } from './createDisturbedSpec.ts';
import { createStageDisruption } from './createStageDisruption.ts';
import { drawStressHits } from './drawStressHits.ts';

/** Options of {@link runStress}. */
export interface StressOptions {
  path: string;
  sets?: readonly string[];
  masterSeed: number;
  replicates: number;
  workers: number;
  signal?: AbortSignal;
  onProgress?: (completed: number, total: number) => void;
}

/** The stress result of one stage. */
export interface StageStress {
  stage: Stage;
  /** The study's qualitative matrix at this stage (spec.foreignActor.threat). */
  capability: number;
  intent: number;
  /** capability × intent / 9, also the probability of the disruption per replicate. */
  probability: number;
  /** The standard disruption added to the scenario. */
  events: EventSpec[];
  /** Replicates the disruption struck. */
  replicatesHit: number;
  /** Home cumulative end-use shortfall summed over materials, t. */
  shortfall: StageImpact;
  /** Expected shortfall impact per material, t. */
  expectedShortfallByMaterial: Record<string, number>;
  /** Home policy cost, USD. */
  policyCost: StageImpact;
}

/** Results of a stress test, stages in chain order. */
export interface StressRun {
  base: LoadedScenario;
  stages: StageStress[];
}

/**
 * Stress-tests a scenario stage by stage: adds each stage's standard disruption
 * (`createStageDisruption`) to a copy of the spec, runs the undisturbed scenario and the six
 * disturbed ones with the same seed and replicate indices (common random numbers), draws per
 * replicate whether each disruption strikes (probability = threat score, `drawStressHits`) and
 * measures expected and conditional impact on home shortfall and policy cost.
 * Stages whose score is 0 add no event and show zero impact without being run.
 *
 * @param options - Scenario, overrides and Monte Carlo settings.
 * @returns Per stage, the threat matrix, the events and the measured impact.
 * @throws ScenarioError for an invalid scenario.
 * @example
 * const { stages } = await runStress({ path: 'scenarios/baseline.yaml', masterSeed: 1, replicates: 100, workers: 2 });
 */
export async function runStress(options: StressOptions): Promise<StressRun> {
  const base = loadScenario(options.path, { set: [...(options.sets ?? [])] });
  const spec = base.spec;
  const disruptions = STAGES.map((stage) => createStageDisruption(spec, stage));
  const active = STAGES.filter((_, i) => disruptions[i].length > 0);
  const compiled = [spec, ...active.map((stage) => createDisturbedSpec(spec, disruptions[STAGES.indexOf(stage)]))].map(compileScenario);
  const results = await runScenarioArms(compiled, options);
  const home = spec.government.region;
  const undisturbed = computeStressMeasures(compiled[0].layout, results[0], home);
  const probabilities = Object.fromEntries(STAGES.map((s) => [s, computeThreatScore(spec.foreignActor.threat[s])])) as Record<Stage, number>;
  const hits = drawStressHits(options.masterSeed, options.replicates, probabilities);
  const stages = STAGES.map((stage, i): StageStress => {
    const arm = active.indexOf(stage);
    const disturbed = arm < 0 ? undisturbed : computeStressMeasures(compiled[arm + 1].layout, results[arm + 1], home);
    const byMaterial = Object.keys(undisturbed.shortfallByMaterial).map((m) => [m, computeStageImpact(
      undisturbed.shortfallByMaterial[m], disturbed.shortfallByMaterial[m], hits[stage]).expected.mean]);
    return {
      stage, ...spec.foreignActor.threat[stage], probability: probabilities[stage], events: disruptions[i],
      replicatesHit: hits[stage].reduce((a, b) => a + b, 0),
      shortfall: computeStageImpact(undisturbed.shortfall, disturbed.shortfall, hits[stage]),
      expectedShortfallByMaterial: Object.fromEntries(byMaterial),
      policyCost: computeStageImpact(undisturbed.policyCost, disturbed.policyCost, hits[stage]),
    };
  });
  return { base, stages };
}
