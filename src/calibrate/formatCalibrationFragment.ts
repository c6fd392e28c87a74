import { stringify } from 'yaml';
import type { ParameterSpec } from './calibrationSpec.ts';
import type { CalibrationResult } from './runCalibration.ts';
import { describeBandCount } from './formatCalibrationReport.ts';

/** What the fragment header records about the run that produced it. */
export interface FragmentProvenance {
  /** The command line, e.g. `crm-sim calibrate scenarios/calibration/calibrate.yaml`. */
  command: string;
  seed: number;
  replicates: number;
  /** Scenario the fragment extends (relative to the fragment), if any. */
  extends?: string;
}

/**
 * The fitted values as a scenario fragment: a `behaviour:` map (usable through `extends`, or to be
 * pasted into BEHAVIOUR_DEFAULTS) and, for `demand.<key>` parameters, which apply to every
 * material, a commented block to paste into DEMAND_DEFAULTS (or under `materials.<id>.demand`).
 * The header records the command, seed, replicates, losses and band counts, in sample and on the
 * fresh replicates (runCalibration's out-of-sample check).
 */
export function formatCalibrationFragment(parameters: readonly ParameterSpec[], result: CalibrationResult, provenance: FragmentProvenance): string {
  const behaviour: Record<string, unknown> = {};
  const demand: string[] = [];
  parameters.forEach((p, i) => {
    const [head, ...rest] = p.path.split('.');
    if (head === 'demand') demand.push(`#   ${rest.join('.')}: ${result.best.values[i]}`);
    else setNested(behaviour, rest, result.best.values[i]);
  });
  const header = [
    `# Behavioural parameters fitted by: ${provenance.command}`,
    `# seed ${provenance.seed}, replicates 0-${provenance.replicates - 1} for every evaluation (common random numbers), ${result.evaluations} evaluations;`,
    `# loss ${result.start.loss.toFixed(3)} at the start values, ${result.best.loss.toFixed(3)} fitted; ${describeBandCount(result.best)} (edge: within 2 MCSE of a bound).`,
    `# out of sample, replicates ${result.fresh.replicates.first}-${result.fresh.replicates.first + result.fresh.replicates.count - 1} (same seed, not used by the fit): loss ${result.fresh.loss.toFixed(3)}; ${describeBandCount(result.fresh)}.`,
  ];
  const body: Record<string, unknown> = {};
  if (provenance.extends) body.extends = provenance.extends;
  if (Object.keys(behaviour).length) body.behaviour = behaviour;
  const demandBlock = demand.length ? ['# demand (every material; src/scenario/defaults.ts DEMAND_DEFAULTS or materials.<id>.demand):', ...demand] : [];
  return [...header, stringify(body).trimEnd(), ...demandBlock].join('\n') + '\n';
}

function setNested(root: Record<string, unknown>, keys: string[], value: number): void {
  let node = root;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}
