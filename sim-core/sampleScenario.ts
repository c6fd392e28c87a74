import { drawDistribution } from './random/drawDistribution.ts';
import { createStream } from './random/createStream.ts';
import type { ScenarioSpec, UncertaintySpec } from './spec.ts';

/** Deep copy of plain JSON-like data (objects, arrays, numbers, strings, booleans). */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copyData((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** Sets the number at a dotted path (array indices as numbers) in `root`; throws on a bad path. */
function setAtPath(root: unknown, path: string, value: number): void {
  const segments = path.split('.');
  let node = root as Record<string, unknown>;
  for (let i = 0; i < segments.length - 1; i++) {
    const next = node[segments[i]];
    if (typeof next !== 'object' || next === null) throw new Error(`sampleScenario: no container at ${path}`);
    node = next as Record<string, unknown>;
  }
  const last = segments[segments.length - 1];
  if (typeof node[last] !== 'number') throw new Error(`sampleScenario: no number at ${path}`);
  node[last] = value;
}

/**
 * The random stream of one uncertain parameter of one replicate: named after the parameter's label
 * (its id path, e.g. `materials.ndpr.demand.elasticityShortRun`; the index path when a spec has no
 * label), so its draw depends only on (masterSeed, replicate, label), never on which other
 * parameters are uncertain or where they come in the list. Common random numbers therefore survive
 * a scenario that adds, removes or reorders uncertain values elsewhere.
 */
export function parameterStreamName(uncertainty: UncertaintySpec): string {
  return `parameters:${uncertainty.label !== '' ? uncertainty.label : uncertainty.path}`;
}

/**
 * Returns a copy of `spec` with every uncertain parameter replaced by one draw from its
 * distribution, each from its own stream (see {@link parameterStreamName}), so every replicate has
 * its own reproducible parameter set and a parameter's draw does not move when other parameters
 * change. `spec` is not modified; the copy keeps its `uncertainties` list. Event order is not
 * re-sorted after drawing times. Runs once per replicate: one small generator per uncertainty.
 * @param masterSeed - the run's seed
 * @param replicate - replicate index
 */
export function sampleScenario(spec: ScenarioSpec, masterSeed: number, replicate: number): ScenarioSpec {
  const sampled = copyData(spec);
  for (const uncertainty of spec.uncertainties) {
    const rng = createStream(masterSeed, replicate, parameterStreamName(uncertainty));
    setAtPath(sampled, uncertainty.path, drawDistribution(rng, uncertainty.distribution));
  }
  return sampled;
}
