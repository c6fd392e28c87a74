import type { ScenarioSpec } from '../../sim-core/index.ts';
import type { ParameterSpec } from './calibrationSpec.ts';

/**
 * A copy of `spec` with the calibrated parameters set: `behaviour.<key>` (nested keys allowed, e.g.
 * `behaviour.greenfield.permittingYears`) on the scenario's behaviour, `demand.<key>` on every
 * material's demand. Uncertainties on those paths are dropped, so every replicate uses the value.
 * @throws RangeError when a path does not lead to a number of the spec
 * @example applyParameters(spec, [{ path: 'behaviour.priceCoverageExponent', ... }], [2]).behaviour.priceCoverageExponent // 2
 */
export function applyParameters(spec: ScenarioSpec, parameters: readonly Pick<ParameterSpec, 'path'>[], values: readonly number[]): ScenarioSpec {
  const copy = structuredClone(spec);
  const setPaths = new Set<string>();
  parameters.forEach(({ path }, i) => {
    const [head, ...rest] = path.split('.');
    if (head === 'behaviour') {
      setNumber(copy.behaviour as unknown as Record<string, unknown>, rest, values[i], path);
      setPaths.add(path);
    } else {
      copy.materials.forEach((material, m) => {
        setNumber(material.demand as unknown as Record<string, unknown>, rest, values[i], path);
        setPaths.add(`materials.${m}.demand.${rest.join('.')}`);
      });
    }
  });
  copy.uncertainties = copy.uncertainties.filter((u) => !setPaths.has(u.path));
  return copy;
}

function setNumber(root: Record<string, unknown>, keys: string[], value: number, path: string): void {
  let node: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) throw new RangeError(`no parameter ${path}`);
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (typeof node[last] !== 'number') throw new RangeError(`no numeric parameter ${path}`);
  node[last] = value;
}

/** The value of a parameter path in a resolved spec (for `demand.<key>`, the first material's). */
export function readParameter(spec: ScenarioSpec, path: string): number {
  const [head, ...rest] = path.split('.');
  let node: unknown = head === 'behaviour' ? spec.behaviour : spec.materials[0]?.demand;
  for (const key of rest) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  if (typeof node !== 'number') throw new RangeError(`no numeric parameter ${path}`);
  return node;
}
