import type { ScenarioSpec, UncertaintySpec } from '../../sim-core/index.ts';
import { fixParameters } from './fixParameters.ts';
import { type UncertaintyRange, uncertaintyRange } from './uncertaintyRange.ts';

/** One uncertain parameter of a tornado with its ends and nominal value. */
export interface TornadoParameter {
  uncertainty: UncertaintySpec;
  range: UncertaintyRange;
  nominal: number;
}

/** The scenarios a tornado runs: every parameter at nominal, then each parameter at its low and high ends. */
export interface TornadoSpecs {
  parameters: TornadoParameter[];
  /** `specs[0]`: all nominal; `specs[1 + 2i]` / `specs[2 + 2i]`: parameter i at its low / high end. */
  specs: ScenarioSpec[];
}

/** Reads the number at an index path of a spec. */
function readNumber(spec: ScenarioSpec, path: string): number {
  let node: unknown = spec;
  for (const segment of path.split('.')) node = (node as Record<string, unknown>)?.[segment];
  if (typeof node !== 'number') throw new Error(`createTornadoSpecs: no number at ${path}`);
  return node;
}

/**
 * Builds the one-at-a-time design over a scenario's uncertain parameters (`spec.uncertainties`):
 * a run with all of them at nominal, and for each a run at its low and a run at its high end
 * (see `uncertaintyRange`) with the others at nominal. No spec keeps any uncertainty, so the runs
 * differ only in the parameter moved.
 *
 * @param spec - The resolved scenario (not modified).
 * @returns 1 + 2 × uncertainties specs and the parameters' ranges.
 * @example
 * createTornadoSpecs(loadScenario('scenarios/baseline.yaml').spec).specs.length; // 13
 */
export function createTornadoSpecs(spec: ScenarioSpec): TornadoSpecs {
  const parameters = spec.uncertainties.map((uncertainty) => ({
    uncertainty,
    range: uncertaintyRange(uncertainty.distribution),
    nominal: readNumber(spec, uncertainty.path),
  }));
  const specs = [fixParameters(spec, [])];
  for (const { uncertainty, range } of parameters) {
    specs.push(fixParameters(spec, [{ path: uncertainty.path, value: range.low }]));
    specs.push(fixParameters(spec, [{ path: uncertainty.path, value: range.high }]));
  }
  return { parameters, specs };
}
