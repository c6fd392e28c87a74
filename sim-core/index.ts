/**
 * crm-sim's engine: the public face. Pure and deterministic: no I/O, no clock, no Math.random.
 *
 * Typical use:
 * ```ts
 * const compiled = compileScenario(spec);
 * const run = createReplicateRunner(compiled);
 * const result = run(42, 0); // seed 42, replicate 0
 * ```
 */
import type { ScenarioSpec } from './spec.ts';
import type { ReplicateResult, ResultLayout } from './results.ts';
import { createWorld } from './world/createWorld.ts';
import { createResultLayout, type SeriesOffsets } from './record/resultLayout.ts';
import { createRecorder } from './record/recordTick.ts';
import { computeSummaries } from './record/computeSummaries.ts';
import { runTicks } from './step.ts';
import { sampleScenario } from './sampleScenario.ts';
import type { CellSplit } from './phases/cellTasks.ts';
import type { World } from './world/world.ts';
import type { Recorder } from './record/recordTick.ts';

export type * from './spec.ts';
export type * from './results.ts';
export type { World } from './world/world.ts';
export type { Recorder } from './record/recordTick.ts';
export type { Rng } from './random/rng.ts';
export { STAGES, TRADED_STAGES } from './spec.ts';
export { createWorld } from './world/createWorld.ts';
export { step, runTicks } from './step.ts';
export { createRecorder, recordTick } from './record/recordTick.ts';
export { createResultLayout, STOCKPILE_RELEASE_METRICS } from './record/resultLayout.ts';
export { computeSummaries, SHORTFALL_THRESHOLD_SHARE } from './record/computeSummaries.ts';
export { BUY_PRICE_CEILING_MULTIPLE, STABILISATION_PRICE_MULTIPLE } from './phases/advanceGovernment.ts';
export { PAYBACK_YEARS } from './phases/evaluateInvestment.ts';
export { compileEvents, isReversibleByDefault, POLICY_KINDS } from './world/compileEvents.ts';
export { createStream } from './random/createStream.ts';
export { sampleScenario, parameterStreamName } from './sampleScenario.ts';
export { measureMaterialStocks, measureMoney } from './measureBalances.ts';
export { shareWorld } from './world/shareWorld.ts';
export { runCellTask } from './phases/runCellTask.ts';
export { CELL_SUMS, END_USE_CELLS, PRODUCE_CELLS, SETTLE_END_USER_CELLS, SETTLE_FIRM_CELLS, type CellSplit } from './phases/cellTasks.ts';

/** A scenario prepared for running: plain, structured-cloneable data (it crosses to worker threads). */
export interface CompiledScenario {
  readonly spec: ScenarioSpec;
  readonly layout: ResultLayout;
  readonly offsets: SeriesOffsets;
}

/** Prepares a resolved scenario for running. */
export function compileScenario(spec: ScenarioSpec): CompiledScenario {
  const { layout, offsets } = createResultLayout(spec);
  return { spec, layout, offsets };
}

/** The layout (series and summaries) of every replicate of a compiled scenario. */
export function describeResults(compiled: CompiledScenario): ResultLayout {
  return compiled.layout;
}

/**
 * Threads that step one replicate together (see src/threads): `attach` takes a new world (and may
 * move it to shared memory) and returns how the agents' loops are split; `detach` ends the replicate.
 */
export interface ReplicateThreads {
  attach(world: World): CellSplit;
  detach(): void;
}

/** Options of {@link createReplicateRunner}. */
export interface ReplicateRunnerOptions {
  /**
   * Record every replicate into one series buffer, allocated once per runner and zero-filled at
   * the start of each replicate (the state a fresh buffer has, so results are identical): the
   * returned `series` is then valid only until the next call, and a caller that keeps results
   * copies it first (pool workers copy it into shared memory anyway). Default false: fresh arrays.
   */
  reuseSeries?: boolean;
}

/**
 * Creates a function that runs one replicate: draws its uncertain parameters (each from its own
 * stream, see sampleScenario), builds its world, runs the horizon and returns its arrays (fresh ones, or with
 * `reuseSeries` the runner's own series buffer, overwritten by the next call).
 * The result depends only on (scenario, masterSeed, replicate), with or without `threads` or reuse.
 * @param threads - steps each replicate across threads (null: this thread only)
 * @param options - buffer reuse
 */
export function createReplicateRunner(compiled: CompiledScenario, threads: ReplicateThreads | null = null, options: ReplicateRunnerOptions = {}): (masterSeed: number, replicate: number) => ReplicateResult {
  let reused: Recorder | null = null;
  const recorderFor = (world: World): Recorder => {
    if (options.reuseSeries !== true) return createRecorder(world, compiled.layout.series.length, compiled.offsets);
    if (reused === null || reused.ticks !== world.ticks) reused = createRecorder(world, compiled.layout.series.length, compiled.offsets);
    else { reused.series.fill(0); reused.publicTally.fill(0); }
    return reused;
  };
  return (masterSeed, replicate) => {
    const spec = compiled.spec.uncertainties.length > 0 ? sampleScenario(compiled.spec, masterSeed, replicate) : compiled.spec;
    const world = createWorld(spec, masterSeed, replicate);
    const cells = threads === null ? null : threads.attach(world);
    let recorder: Recorder;
    // Attached threads hold this world until detach: whatever throws from here on must detach them.
    try {
      recorder = recorderFor(world);
      runTicks(world, recorder, world.ticks, cells);
    } finally {
      if (threads !== null) threads.detach();
    }
    const summaries = computeSummaries(compiled.layout, compiled.offsets, recorder.series, world.markets.basePriceUsdPerTonne, world.materials, world.regions, world.chain.stockpileReleasedByTriggerTonnes, recorder.publicTally);
    return { replicate, series: recorder.series, summaries };
  };
}
