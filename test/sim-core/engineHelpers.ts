import { loadScenario } from '../../src/scenario/loadScenario.ts';
import type { CompiledScenario, ScenarioSpec, World } from '../../sim-core/index.ts';
import { computeSummaries } from '../../sim-core/record/computeSummaries.ts';
import type { Recorder } from '../../sim-core/record/recordTick.ts';

/** The shipped baseline at a small resolution and a short horizon, for engine tests. */
export function smallBaseline(years = 2, firmsPerCell = 3): ScenarioSpec {
  return loadScenario('scenarios/baseline.yaml', {
    set: [`years=${years}`, `resolution.firmsPerCapacityCell=${firmsPerCell}`],
  }).spec;
}

/**
 * Reads a recorded run by key: a series (metric, region field) tick by tick, and a summary computed
 * from the series (base prices 1, so price multiples are prices): for tests that hold event series
 * whose region field is an event's id to the engine's own state.
 */
export function readRecordedRun(compiled: CompiledScenario, recorder: Recorder, world: World) {
  const T = world.ticks;
  const series = (metric: string, id: string) => {
    const i = compiled.layout.series.findIndex((key) => key.metric === metric && key.region === id);
    if (i < 0) throw new Error(`no series ${metric}/${id}`);
    return Array.from(recorder.series.subarray(i * T, (i + 1) * T));
  };
  const summaries = computeSummaries(compiled.layout, compiled.offsets, recorder.series, new Float64Array(compiled.layout.series.length).fill(1), world.materials, world.regions, world.chain.stockpileReleasedByTriggerTonnes, recorder.publicTally);
  const summary = (metric: string, id: string) => summaries[compiled.layout.summaries.findIndex((key) => key.metric === metric && key.region === id)];
  return { series, summary };
}
