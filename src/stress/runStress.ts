import type { Problem } from '../scenario/scenarioError.ts';
import { compileScenario, type EventSpec, type ScenarioSpec, STAGES, type Stage } from '../../sim-core/index.ts';
import type { ArmCache } from '../compare/armCache.ts';
import { siblingModule } from '../runtime/moduleLocation.ts';
import { locateScenarioKey } from '../scenario/locateScenarioKey.ts';
import { runScenarioArms } from '../compare/runScenarioArms.ts';
import { type LoadedScenario, loadScenario } from '../scenario/loadScenario.ts';
import { computeEndUserLoss, type EndUserLoss } from './computeEndUserLoss.ts';
import { compareFirstAndSecond, type FirstVsSecond } from './compareFirstAndSecond.ts';
import { computeStageImpact, pairedStageDifferences, type StageImpact } from './computeStageImpact.ts';
import { computeShortfallShareChange } from './computeShortfallShareChange.ts';
import { computeStressMeasures } from './computeStressMeasures.ts';
import { computeThreatScore } from './computeThreatScore.ts';
import { createDisturbedSpec } from './createDisturbedSpec.ts';
import { createStageDisruption } from './createStageDisruption.ts';
import { type RankMeasure, rankStages } from './rankStages.ts';
import { STRESS_EXTRAS_PER_MATERIAL } from './stressWorker.ts';

/** Options of {@link runStress}. */
export interface StressOptions {
  path: string;
  sets?: readonly string[];
  masterSeed: number;
  replicates: number;
  workers: number;
  signal?: AbortSignal;
  onProgress?: (completed: number, total: number) => void;
  /** Called with the scenario's warnings (valid but probably unintended) before anything runs. */
  onWarning?: (warning: Problem) => void;
  /** Remove the scenario's own threat events (THREAT_EVENT_KINDS) before adding each stage's disruption. */
  stripEvents?: boolean;
  /** Finished arms kept between attempts (`--resume`, armCache.ts). */
  cache?: ArmCache;
  /** Refuse a run estimated to need more memory than this (runScenarioArms); no check without it. */
  memoryLimit?: { bytes: number; source: string };
}

/** Event kinds of the foreign actor's toolbox, removed by `stripEvents` (policies and exogenous shocks stay). */
export const THREAT_EVENT_KINDS: ReadonlySet<string> = new Set(['exportControl', 'technologyBan', 'priceManipulation', 'cyberattack', 'disinformation', 'mineAcquisition']);

const STRESS_WORKER = siblingModule('./stressWorker', import.meta.url);

/** The stress result of one stage. */
export interface StageStress {
  stage: Stage;
  /** The study's qualitative matrix at this stage (spec.foreignActor.threat). */
  capability: number;
  intent: number;
  /** capability × intent / 9, also the probability of the disruption per replicate: expected = probability × conditional. */
  probability: number;
  /** The standard disruption added to the scenario. */
  events: EventSpec[];
  /** Home cumulative end-use shortfall summed over materials, t. */
  shortfall: StageImpact;
  /** Expected shortfall impact per material, t. */
  expectedShortfallByMaterial: Record<string, number>;
  /** Home policy cost, USD (zero unless the scenario has a home policy). */
  policyCost: StageImpact;
  /**
   * Change in the value-weighted share of home end-use demand unmet, of the undisturbed run's demand:
   * Σ (S₁ − S₀)·base price / Σ D₀·base price per replicate (`computeShortfallShareChange`).
   */
  shortfallShare: StageImpact;
  /** Expected change in each material's unmet demand as a share of its undisturbed home end-use demand, (S₁ − S₀) / D₀. */
  expectedShortfallShareByMaterial: Record<string, number>;
  /**
   * Home end users' economic cost (their loss against the undisturbed run, `computeEndUserLoss`):
   * extra spending on what they still received + consumption the higher price removed at the
   * undisturbed price + change in unmet demand at market prices, USD.
   */
  economicCost: StageImpact;
  /** Its parts: (P̄₁ − P̄₀)·Q₁, USD. */
  extraSpending: StageImpact;
  /** P̄₀·(D₀ − D₁), USD. */
  forgoneConsumptionValue: StageImpact;
  /** P̄₁·S₁ − P̄₀·S₀, USD. */
  unmetValueAtPrice: StageImpact;
  /** The net alternative: the priced-out consumption by its consumer-surplus triangle ½(P̄₁ − P̄₀)(D₀ − D₁), USD. */
  surplusTriangleLoss: StageImpact;
  /** Spending on what they received, USD (falls when they buy less: not a measure of their loss). */
  endUserSpending: StageImpact;
  /** Value of unmet demand at base component prices, USD (the shortfall-share weights). */
  unmetValue: StageImpact;
}

/** Results of a stress test, stages in chain order. */
export interface StressRun {
  base: LoadedScenario;
  stages: StageStress[];
  /** Ids of the scenario's own events removed by `stripEvents` (empty without it). */
  strippedEvents: string[];
  /** Per ranked measure, the paired test of the first stage against the second (undefined with fewer than two stages). */
  firstVsSecond: Record<RankMeasure, FirstVsSecond | undefined>;
}

/**
 * The spec without its threat events (see THREAT_EVENT_KINDS), and their ids; uncertainties of
 * removed events are dropped and those of kept events follow their new index (`events.<i>.…`).
 */
function stripThreatEvents(spec: ScenarioSpec): { spec: ScenarioSpec; stripped: string[] } {
  const newIndex = new Map<number, number>();
  const events = spec.events.filter((event, i) => {
    if (THREAT_EVENT_KINDS.has(event.kind)) return false;
    newIndex.set(i, newIndex.size);
    return true;
  });
  const uncertainties = spec.uncertainties.flatMap((u) => {
    const match = /^events\.(\d+)(\..*)?$/.exec(u.path);
    if (match === null) return [u];
    const index = newIndex.get(Number(match[1]));
    return index === undefined ? [] : [{ ...u, path: `events.${index}${match[2] ?? ''}` }];
  });
  const stripped = spec.events.filter((event) => THREAT_EVENT_KINDS.has(event.kind)).map((event) => event.id ?? event.kind);
  return { spec: { ...spec, events, uncertainties }, stripped };
}

/**
 * Stress-tests a scenario stage by stage: adds each stage's standard disruption
 * (`createStageDisruption`) to a copy of the spec, runs the undisturbed scenario and the six
 * disturbed ones with the same seed and replicate indices (common random numbers), and measures the
 * conditional impact (if the disruption strikes: the mean paired difference over every replicate)
 * and the expected impact (the disruption's probability, the threat score, times the conditional
 * one, `computeStageImpact`) on home end-use shortfall (tonnes, and as a share of the undisturbed
 * run's home demand, per material and value-weighted: `computeShortfallShareChange`), the home end users' economic cost (their loss
 * against the undisturbed twin, `computeEndUserLoss`) and the policy cost; stages are ranked by
 * the expected impact, and the first two of each ranking compared replicate by replicate
 * (`compareFirstAndSecond`). The scenario's own events stay (the impact is on top of them: a stage whose standard
 * disruption repeats an event the scenario already has shows about none) unless `stripEvents`
 * removes its threat events first, from every arm. Stages whose score is 0 add no event and show
 * zero impact without being run.
 *
 * @param options - Scenario, overrides and Monte Carlo settings.
 * @returns Per stage, the threat matrix, the events and the measured impact.
 * @throws ScenarioError for an invalid scenario.
 * @example
 * const { stages } = await runStress({ path: 'scenarios/baseline.yaml', masterSeed: 1, replicates: 100, workers: 2 });
 */
export async function runStress(options: StressOptions): Promise<StressRun> {
  const base = loadScenario(options.path, { set: [...(options.sets ?? [])] });
  for (const warning of base.warnings) options.onWarning?.(warning);
  const { spec, stripped } = options.stripEvents ? stripThreatEvents(base.spec) : { spec: base.spec, stripped: [] };
  const disruptions = STAGES.map((stage) => createStageDisruption(spec, stage));
  const active = STAGES.filter((_, i) => disruptions[i].length > 0);
  const compiled = [spec, ...active.map((stage) => createDisturbedSpec(spec, disruptions[STAGES.indexOf(stage)]))].map(compileScenario);
  const results = await runScenarioArms(compiled, {
    ...options, workerModule: STRESS_WORKER, extraValuesPerReplicate: spec.materials.length * STRESS_EXTRAS_PER_MATERIAL,
    locateKey: (_arm, path) => locateScenarioKey(base, options.path, options.sets ?? [], path),
  });
  const home = spec.government.region;
  const materials = { ids: spec.materials.map((m) => m.id), basePrices: spec.materials.map((m) => m.basePriceUsdPerTonne.manufacturing) };
  const undisturbed = computeStressMeasures(compiled[0].layout, results[0], home, materials);
  const probabilities = Object.fromEntries(STAGES.map((s) => [s, computeThreatScore(spec.foreignActor.threat[s])])) as Record<Stage, number>;
  // Per ranked measure and stage, p·dᵢ per replicate: what the paired test of first against second compares.
  const weighted = { shortfall: {}, policyCost: {}, shortfallShare: {}, economicCost: {} } as Record<RankMeasure, Record<Stage, Float64Array>>;
  const stages = STAGES.map((stage, i): StageStress => {
    const arm = active.indexOf(stage);
    const p = probabilities[stage];
    const disturbed = arm < 0 ? undisturbed : computeStressMeasures(compiled[arm + 1].layout, results[arm + 1], home, materials);
    const impact = (measure: 'shortfall' | 'policyCost' | 'unmetValue' | 'endUserSpending') =>
      computeStageImpact(undisturbed[measure], disturbed[measure], p);
    // The loss is already a paired difference: measured against zero (NaN where a side has no extras).
    const loss = computeEndUserLoss(undisturbed, disturbed, materials);
    const lossImpact = (part: keyof EndUserLoss) => computeStageImpact(new Float64Array(loss[part].length), loss[part], p);
    // The share change is a paired difference already, on the undisturbed run's demand: measured against zero.
    const shareChange = computeShortfallShareChange(undisturbed, disturbed, materials);
    const zeros = new Float64Array(shareChange.share.length);
    const expectedShortfallByMaterial = Object.fromEntries(materials.ids.map((m) =>
      [m, computeStageImpact(undisturbed.shortfallByMaterial[m], disturbed.shortfallByMaterial[m], p).expected.mean]));
    const expectedShortfallShareByMaterial = Object.fromEntries(materials.ids.map((m) =>
      [m, computeStageImpact(zeros, shareChange.byMaterial[m], p).expected.mean]));
    for (const measure of ['shortfall', 'policyCost'] as const) {
      weighted[measure][stage] = pairedStageDifferences(undisturbed[measure], disturbed[measure]).map((d) => p * d);
    }
    weighted.shortfallShare[stage] = Float64Array.from(shareChange.share, (d) => p * d);
    weighted.economicCost[stage] = Float64Array.from(loss.loss, (d) => p * d);
    return {
      stage, ...spec.foreignActor.threat[stage], probability: p, events: disruptions[i],
      shortfall: impact('shortfall'),
      expectedShortfallByMaterial,
      policyCost: impact('policyCost'),
      shortfallShare: computeStageImpact(zeros, shareChange.share, p),
      expectedShortfallShareByMaterial,
      economicCost: lossImpact('loss'),
      extraSpending: lossImpact('extraSpending'),
      forgoneConsumptionValue: lossImpact('forgoneConsumptionValue'),
      unmetValueAtPrice: lossImpact('unmetValueAtPrice'),
      surplusTriangleLoss: lossImpact('surplusTriangleLoss'),
      endUserSpending: impact('endUserSpending'),
      unmetValue: impact('unmetValue'),
    };
  });
  const firstVsSecond = Object.fromEntries((['shortfall', 'policyCost', 'shortfallShare', 'economicCost'] as const).map((measure) =>
    [measure, compareFirstAndSecond(rankStages(stages, measure), (stage) => weighted[measure][stage])])) as Record<RankMeasure, FirstVsSecond | undefined>;
  return { base, stages, strippedEvents: stripped, firstVsSecond };
}
