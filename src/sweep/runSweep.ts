import type { Problem } from '../scenario/scenarioError.ts';
import { compileScenario, type ScenarioSpec, type SeriesKey } from '../../sim-core/index.ts';
import type { ArmCache } from '../compare/armCache.ts';
import { locateScenarioKey } from '../scenario/locateScenarioKey.ts';
import { runScenarioArms } from '../compare/runScenarioArms.ts';
import { extractSummaryColumn } from '../compare/extractSummaryColumn.ts';
import { type LoadedScenario, loadScenario } from '../scenario/loadScenario.ts';
import { createAbortError } from '../montecarlo/createAbortError.ts';
import { computeSummaryStatistics, type SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { computeSweepDifferences, type SweepDifference } from './computeSweepDifferences.ts';
import { computeSweepPreviousDifferences } from './computeSweepPreviousDifferences.ts';
import { computeTornado, type TornadoRow } from './computeTornado.ts';
import { createTornadoSpecs } from './createTornadoSpecs.ts';
import { defaultSweepMetric } from './defaultSweepMetric.ts';
import { resolveMetricIndex } from './resolveMetricIndex.ts';
import { type SweepPoint, toSetLabels, toSetOverrides } from './sweepPoint.ts';

/** Options of {@link runSweep}. */
export interface SweepOptions {
  /** The scenario file. */
  path: string;
  /** `--set` overrides applied before every point's own. */
  sets?: readonly string[];
  /** The design's points (may be empty: tornado only). */
  points: readonly SweepPoint[];
  /** Run the one-at-a-time tornado over `spec.uncertainties` (skipped when there are none). */
  tornado: boolean;
  /** Output metric of the tornado and the stdout table (summary id); default defaultSweepMetric: the home region's cumulative end-use consumption of the first material (in the scenario's order) an event names, else of the first material. */
  metric?: string;
  masterSeed: number;
  replicates: number;
  workers: number;
  signal?: AbortSignal;
  onProgress?: (completed: number, total: number) => void;
  /** Called with the warnings of every point and, when the tornado runs, of the scenario (valid but probably unintended) before anything runs. */
  onWarning?: (warning: Problem) => void;
  /** Finished arms kept between attempts (`--resume`, armCache.ts). */
  cache?: ArmCache;
  /** Refuse a run estimated to need more memory than this (runScenarioArms); no check without it. */
  memoryLimit?: { bytes: number; source: string };
}

/** Results of a sweep. */
export interface SweepRun {
  /** The scenario with `sets` only. */
  base: LoadedScenario;
  /**
   * Each point with its scenario, the summary of every metric (mean, t interval, quantiles) and its
   * paired difference from point 0 (`vsFirstPoint[i]` for `stats[i]`; undefined on point 0, see
   * computeSweepDifferences) and from the point before it in design order (`vsPreviousPoint`, the
   * same way; undefined on point 0, computeSweepPreviousDifferences).
   */
  points: {
    point: SweepPoint; loaded: LoadedScenario; stats: SummaryStatistic[];
    vsFirstPoint: (SweepDifference | undefined)[] | undefined; vsPreviousPoint: (SweepDifference | undefined)[] | undefined;
  }[];
  /** The tornado's output metric. */
  metric: SeriesKey;
  /** Ranked tornado rows, or null when not run. */
  tornado: TornadoRow[] | null;
}

/** Default metric (defaultSweepMetric): the scenario's materials in order, those its events name, its home region. */
function defaultMetric(spec: ScenarioSpec): string {
  const named = spec.events.flatMap((event) => ('material' in event && typeof event.material === 'string' ? [event.material] : []));
  return defaultSweepMetric(spec.materials.map((m) => m.id), named, spec.government.region) ?? '';
}

/**
 * Runs a parameter sweep with common random numbers: every design point (applied through the
 * loader's `set` option, so values may carry units) and every tornado run uses the same master
 * seed and replicate indices, so differences between points are not masked by engine noise.
 *
 * @param options - Scenario, points, tornado switch and metric, Monte Carlo settings.
 * @returns Per-point summaries and the tornado ranking.
 * @throws ScenarioError when a point makes the scenario invalid; UsageError for an unknown metric.
 * @example
 * await runSweep({ path: 'scenarios/baseline.yaml', points: expandGrid(grid), tornado: true, masterSeed: 1, replicates: 50, workers: 2 });
 */
export async function runSweep(options: SweepOptions): Promise<SweepRun> {
  const sets = options.sets ?? [];
  const base = loadScenario(options.path, { set: [...sets] });
  const baseLayout = compileScenario(base.spec).layout;
  const metricIndex = resolveMetricIndex(baseLayout, options.metric ?? defaultMetric(base.spec));
  // A point's problems name the --grid option or --lhs range its values came from, not a --set.
  const loadedPoints: LoadedScenario[] = [];
  for (const point of options.points) {
    // Thousands of points take a while to load: let Ctrl-C through between them.
    if (loadedPoints.length % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw createAbortError(options.signal.reason);
    loadedPoints.push(loadScenario(options.path, {
      set: [...sets, ...toSetOverrides(point)], setLabels: [...sets.map(() => undefined), ...toSetLabels(point)],
    }));
  }
  const tornado = options.tornado && base.spec.uncertainties.length > 0 ? createTornadoSpecs(base.spec) : null;
  // The base scenario itself runs only in the tornado: warn about it only then.
  for (const warning of [...(tornado === null ? [] : [base]), ...loadedPoints].flatMap((loaded) => loaded.warnings)) options.onWarning?.(warning);
  const compiled = [...loadedPoints.map((loaded) => loaded.spec), ...(tornado?.specs ?? [])].map(compileScenario);
  // Tornado arms are the scenario with one parameter moved: located in its file, like the points.
  const locateKey = (arm: number, path: string) => locateScenarioKey(loadedPoints[arm] ?? base, options.path, sets, path);
  const results = await runScenarioArms(compiled, { ...options, locateKey });
  const summarized = loadedPoints.map((loaded, i) => ({
    point: options.points[i], loaded, stats: computeSummaryStatistics(compiled[i].layout, results[i]),
  }));
  // The paired differences read each column from the results when needed: no copy of every point's values.
  const replicateValues = summarized.map((p, i) => ({ stats: p.stats, columnOf: (index: number) => extractSummaryColumn(results[i], index) }));
  const differences = computeSweepDifferences(replicateValues);
  // The step between neighbouring points of the design, paired the same way (the report's step table reads it).
  const previous = computeSweepPreviousDifferences(replicateValues);
  const points = summarized.map((p, i) => ({ ...p, vsFirstPoint: differences[i], vsPreviousPoint: previous[i] }));
  let rows: TornadoRow[] | null = null;
  if (tornado !== null) {
    const column = (arm: number) => extractSummaryColumn(results[loadedPoints.length + arm], metricIndex);
    const arms = tornado.parameters.map((parameter, i) => ({ ...parameter, atLow: column(1 + 2 * i), atHigh: column(2 + 2 * i) }));
    rows = computeTornado(arms, column(0));
  }
  return { base, points, metric: baseLayout.summaries[metricIndex], tornado: rows };
}

