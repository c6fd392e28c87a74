import type { ScenarioSpec } from '../../sim-core/index.ts';

/** A number to put at an index path of a ScenarioSpec (`materials.0.demand.growthPerYear`). */
export interface FixedValue {
  path: string;
  value: number;
}

/**
 * A copy of `spec` in which no parameter is uncertain: `uncertainties` is emptied, so every
 * uncertain parameter keeps the nominal value the loader left in place, except those in `values`,
 * which are set as given. Replicates of the copy still differ by the engine's own random streams.
 *
 * @param spec - A resolved scenario (not modified).
 * @param values - Numbers to set, by index path as in `spec.uncertainties[i].path`.
 * @returns The copy.
 * @throws Error when a path does not lead to a number.
 * @example
 * fixParameters(spec, [{ path: spec.uncertainties[0].path, value: 0.04 }]);
 */
export function fixParameters(spec: ScenarioSpec, values: readonly FixedValue[]): ScenarioSpec {
  const copy = structuredClone(spec);
  copy.uncertainties = [];
  for (const { path, value } of values) {
    const segments = path.split('.');
    let node: unknown = copy;
    for (const segment of segments.slice(0, -1)) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    }
    const last = segments[segments.length - 1];
    if (typeof node !== 'object' || node === null || typeof (node as Record<string, unknown>)[last] !== 'number') {
      throw new Error(`fixParameters: no number at ${path}`);
    }
    (node as Record<string, unknown>)[last] = value;
  }
  return copy;
}
