import type { Problem } from '../scenario/scenarioError.ts';
import type { ScenarioNote } from '../scenario/findReversibleDefaults.ts';
import { compileScenario } from '../../sim-core/index.ts';
import type { ArmCache } from './armCache.ts';
import type { LoadedScenario } from '../scenario/loadScenario.ts';
import { type ComparisonArm, computeComparison } from './computeComparison.ts';
import { computeCostEffectiveness } from './computeCostEffectiveness.ts';
import { computeReversalSplit } from './computeReversalSplit.ts';
import { checkSharedTimeBase } from './checkSharedTimeBase.ts';
import { createArmLabels } from './createArmLabels.ts';
import type { ComparisonReport } from './formatComparisonJson.ts';
import { loadScenarios } from './loadScenarios.ts';
import { runScenarioArms } from './runScenarioArms.ts';
import { computeStockpileReleases, type StockpileReleaseRow } from './computeStockpileReleases.ts';
import { computeOverTime, type OverTimeRow, splitKeptValues } from './computeOverTime.ts';
import { chooseOverTimeTargets, planOverTimeSeries } from './planOverTimeSeries.ts';
import { planCapacityAtEnd } from './planCapacityAtEnd.ts';
import { siblingModule } from '../runtime/moduleLocation.ts';
import { locateScenarioKey } from '../scenario/locateScenarioKey.ts';
import { findNonEventDifferences } from './findNonEventDifferences.ts';

/** The worker that keeps each replicate's monthly "over time" values beside its summaries. */
const OVER_TIME_WORKER = siblingModule('./overTimeWorker', import.meta.url);

/** Options of {@link runComparison}. */
export interface ComparisonOptions {
  /** Scenario files: the first is the reference, the others alternatives (at least two in all). */
  paths: readonly string[];
  /** `--set` overrides applied to every scenario. */
  sets?: readonly string[];
  masterSeed: number;
  replicates: number;
  /** Worker threads; 0 = main thread. */
  workers: number;
  /** Confidence level; default 0.95. */
  level?: number;
  signal?: AbortSignal;
  onProgress?: (completed: number, total: number) => void;
  /** Called with each scenario's warnings (valid but probably unintended, e.g. an event outside the run) before anything runs. */
  onWarning?: (warning: Problem) => void;
  /** Called with each scenario's notes (a home policy reversible by default) before anything runs. */
  onNote?: (note: ScenarioNote) => void;
  /** Finished arms kept between attempts (`--resume`, armCache.ts). */
  cache?: ArmCache;
  /** Refuse a comparison estimated to need more memory than this (runScenarioArms); no check without it. */
  memoryLimit?: { bytes: number; source: string };
}

/** A comparison and the scenarios it ran. */
export interface ComparisonRun {
  report: ComparisonReport;
  loaded: LoadedScenario[];
  /** Each arm's label, layout and per-replicate results (summaries only), for replicates.csv. */
  arms: ComparisonArm[];
  /** Month by month, each strategy's home-region levels and paired differences (over-time.csv). */
  overTime: OverTimeRow[];
  /** Per strategy holding a stockpile, material and replicate, when it first released and how much (stockpile-releases.csv). */
  stockpileReleases: StockpileReleaseRow[];
}

/**
 * Runs a paired comparison: loads every scenario (all problems reported at once), runs each
 * with the same master seed and replicate indices (common random numbers), and compares every
 * alternative with the first, metric by metric (see `computeComparison`).
 *
 * @param options - Scenarios, overrides, seed, replicates, workers.
 * @returns The report (for comparison.json/csv and the table), the loaded scenarios, each arm's results and the month-by-month table (over-time.csv: computeOverTime).
 * @throws ScenarioError for invalid scenarios or arms that differ in horizon, ticks per year or start year; RangeError with fewer than two paths.
 * @example
 * const { report } = await runComparison({ paths: ['a.yaml', 'b.yaml'], masterSeed: 1, replicates: 50, workers: 2 });
 */
export async function runComparison(options: ComparisonOptions): Promise<ComparisonRun> {
  if (options.paths.length < 2) throw new RangeError(`runComparison: need at least two scenarios, got ${options.paths.length}`);
  const loaded = loadScenarios(options.paths, options.sets ?? []);
  checkSharedTimeBase(loaded, options.paths, options.sets ?? []);
  for (const warning of loaded.flatMap((scenario) => scenario.warnings)) options.onWarning?.(warning);
  for (const note of loaded.flatMap((scenario) => scenario.notes)) options.onNote?.(note);
  const labels = createArmLabels(options.paths);
  for (const note of noteNonEventDifferences(loaded, options.paths, options.sets ?? [], labels)) options.onNote?.(note);
  const compiled = loaded.map((scenario) => compileScenario(scenario.spec));
  const overTimeTargets = chooseOverTimeTargets(loaded.map((scenario) => scenario.spec));
  const plan = planOverTimeSeries(compiled[0], overTimeTargets);
  const locateKey = (arm: number, path: string) => locateScenarioKey(loaded[arm], options.paths[arm], options.sets ?? [], path);
  // Capacity and demand at the end (the secure-supply ratio's two parts) become compared metrics like the summaries they follow.
  const atEnd = compiled.map((c) => planCapacityAtEnd(c, overTimeTargets.map((t) => t.material)));
  const extraValuesPerReplicate = atEnd[0].length + plan.series.length * plan.periods.length;
  const kept = (await runScenarioArms(compiled, { ...options, workerModule: OVER_TIME_WORKER, taskData: { overTimeTargets }, extraValuesPerReplicate, locateKey }))
    .map((arm, i) => splitKeptValues(arm, compiled[i].layout.summaries.length + atEnd[i].length));
  const level = options.level ?? 0.95;
  const armResults = compiled.map((c, i) => ({ label: labels[i], layout: { ...c.layout, summaries: [...c.layout.summaries, ...atEnd[i].map((v) => v.key)] }, results: kept[i].results }));
  const overTime = computeOverTime(plan, kept.map((arm, i) => ({ label: labels[i], values: arm.kept })), level);
  const stockpileReleases = computeStockpileReleases(plan, kept.map((arm, i) => ({ label: labels[i], values: arm.kept, summaries: { keys: compiled[i].layout.summaries, values: arm.results.map((r) => r.summaries) } })));
  const alternatives = computeComparison(armResults, level);
  // What each alternative adds to the reference: the materials its own events (ids the reference lacks) name.
  const referenceIds = new Set(loaded[0].spec.events.map((e) => e.id));
  const own = loaded.slice(1).map((l) => [...new Set(l.spec.events.filter((e) => !referenceIds.has(e.id)).flatMap((e) => ('material' in e && typeof e.material === 'string' ? [e.material] : [])))]);
  const costEffectiveness = computeCostEffectiveness(armResults, loaded[0].spec.government.region, level, own);
  const reversalSplit = computeReversalSplit(armResults, alternatives, level);
  const arms = labels.map((label, i) => ({ label, path: options.paths[i], name: loaded[i].spec.name }));
  return { report: { arms, masterSeed: options.masterSeed, replicates: options.replicates, level, alternatives, costEffectiveness, reversalSplit }, loaded, arms: armResults, overTime, stockpileReleases };
}

/** At most this many differing keys are named in a note; more are counted. */
const MAX_NAMED_DIFFERENCES = 4;

/**
 * A note per alternative whose scenario differs from the reference's outside its events (findNonEventDifferences):
 * its paired differences then include the effect of those changes, not of its policies alone.
 */
function noteNonEventDifferences(loaded: readonly LoadedScenario[], paths: readonly string[], sets: readonly string[], labels: readonly string[]): ScenarioNote[] {
  return loaded.slice(1).flatMap((scenario, i): ScenarioNote[] => {
    const differences = findNonEventDifferences(loaded[0].resolvedYaml, scenario.resolvedYaml);
    if (differences.length === 0) return [];
    const loc = locateScenarioKey(scenario, paths[i + 1], sets, differences[0]);
    const named = differences.slice(0, MAX_NAMED_DIFFERENCES).join(', ') + (differences.length > MAX_NAMED_DIFFERENCES ? ` and ${differences.length - MAX_NAMED_DIFFERENCES} more` : '');
    return [{
      file: loc.file, line: loc.line, column: loc.column, path: named,
      text: `${labels[i + 1]} differs from the reference (${labels[0]}) here, outside its events: its paired differences include the effect of ${differences.length === 1 ? 'this change' : 'these changes'}, not of its policies alone`,
    }];
  });
}
