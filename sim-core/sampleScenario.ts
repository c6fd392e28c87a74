import { drawDistribution } from './random/drawDistribution.ts';
import type { Rng } from './random/rng.ts';
import type { ScenarioSpec } from './spec.ts';

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
 * Returns a copy of `spec` with every uncertain parameter replaced by one draw from its
 * distribution, in the order of `spec.uncertainties` (so a stream seeded by (seed, replicate,
 * `parameters`) gives every replicate its own reproducible parameter set). `spec` is not modified;
 * the copy keeps its `uncertainties` list. Event order is not re-sorted after drawing times.
 * @param rng - the replicate's parameter stream, advanced in place
 */
export function sampleScenario(spec: ScenarioSpec, rng: Rng): ScenarioSpec {
  const sampled = copyData(spec);
  for (const uncertainty of spec.uncertainties) {
    setAtPath(sampled, uncertainty.path, drawDistribution(rng, uncertainty.distribution));
  }
  return sampled;
}
