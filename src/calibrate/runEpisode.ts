import { compileScenario, createReplicateRunner, type ScenarioSpec } from '../../sim-core/index.ts';
import type { LoadedEpisode } from './loadCalibrationSpec.ts';
import type { ParameterSpec } from './calibrationSpec.ts';
import { applyParameters } from './applyParameters.ts';
import { createRunSeries, indexSeries, type RunSeries } from './runSeries.ts';
import { extractTarget } from './extractTarget.ts';
import type { Steps } from './runSteps.ts';

/** Per-replicate values of an episode's targets, in the order of `episode.targets`. */
export interface EpisodeValues {
  readonly targetIds: string[];
  /** values[i][j]: target i in replicate j. */
  readonly values: number[][];
}

/**
 * Runs replicates first…first+replicates−1 (first 0 unless given) of an episode with the calibrated parameters set (and of its
 * control run, same seed and replicate indices: common random numbers), and extracts every target
 * from each replicate. An extractor that throws (e.g. a division by zero it cannot handle) gives NaN.
 * Runs inline: each evaluation of a calibration is a handful of short runs. A generator that pauses
 * after each replicate (see runSteps.ts), so a long evaluation can be interrupted.
 */
export function* runEpisode(loaded: LoadedEpisode, parameters: readonly ParameterSpec[], values: readonly number[], seed: number, replicates: number, first = 0): Steps<EpisodeValues> {
  const { main, control } = createEpisodeRunners(loaded, parameters, values);
  const targets = Object.entries(loaded.episode.targets);
  const out = targets.map(() => [] as number[]);
  for (let replicate = first; replicate < first + replicates; replicate++) {
    const run = main(seed, replicate);
    const controlRun = control?.(seed, replicate);
    targets.forEach(([, target], i) => out[i].push(safely(() => extractTarget(target, run, controlRun))));
    yield;
  }
  return { targetIds: targets.map(([id]) => id), values: out };
}

/** Runs one replicate of an episode (or of its control) and wraps its series. */
export type EpisodeRunner = (seed: number, replicate: number) => RunSeries;

/**
 * Runners of an episode with the calibrated parameters set, and of its paired control (the same
 * scenario without the control's events) when it has one.
 */
export function createEpisodeRunners(loaded: LoadedEpisode, parameters: readonly ParameterSpec[], values: readonly number[]): { main: EpisodeRunner; control?: EpisodeRunner } {
  const spec = applyParameters(loaded.scenario, parameters, values);
  const main = runnerOf(spec);
  const control = loaded.episode.control ? runnerOf(deferEventsPastHorizon(spec, loaded.episode.control.withoutEvents)) : undefined;
  return { main, control };
}

function runnerOf(spec: ScenarioSpec): (seed: number, replicate: number) => RunSeries {
  const compiled = compileScenario(spec);
  const index = indexSeries(compiled.layout);
  const run = createReplicateRunner(compiled);
  return (seed, replicate) => createRunSeries(compiled.layout, index, run(seed, replicate));
}

/**
 * The same scenario with the named events deferred past the horizon (start a year after the run ends,
 * no announcement): the paired control of a shock in a calibration episode.
 *
 * Why defer rather than remove (compare `removeEvents` in src/impact/findStageDisruptions.ts): the
 * events stay in the list at their indices, so every uncertainty keeps its path and stream name and
 * the control draws exactly what the main run draws; the pairing under common random numbers holds by
 * construction, whatever the labels. Caveat: an uncertain `start` or `end` on a deferred event is
 * still drawn and would bring the event back inside the horizon.
 */
function deferEventsPastHorizon(spec: ScenarioSpec, ids: readonly string[]): ScenarioSpec {
  const copy = structuredClone(spec);
  for (const event of copy.events) {
    if (!ids.includes(event.id ?? '')) continue;
    event.start = copy.years + 1;
    event.end = copy.years + 2;
    delete event.announced;
  }
  return copy;
}

function safely(extract: () => number): number {
  try {
    return extract();
  } catch (error) {
    if (error instanceof RangeError) throw error;
    return NaN;
  }
}
