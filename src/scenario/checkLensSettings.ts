import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { nominalValue } from './nominalValue.ts';
import type { ProblemSink } from './problemSink.ts';

/**
 * Warns about a lens setting that cannot act: `behaviour.engineersMinimumShare` floors a project's
 * engineers only when they scale with its size (`engineersSizeExponent` > 0); at exponent 0 every
 * project takes `engineersPerProject` and the floor changes nothing.
 *
 * @param nominal - The resolved scenario tree with nominal values.
 * @param warnings - Where the located warnings go.
 * @example
 * checkLensSettings(nominal, warningSink); // behaviour.engineersMinimumShare: expected it with engineersSizeExponent above 0, …
 */
export function checkLensSettings(nominal: PlainMap, warnings: ProblemSink): void {
  const behaviour = nominal.behaviour;
  if (!isPlainMap(behaviour)) return;
  const floor = nominalValue(behaviour.engineersMinimumShare);
  const exponent = nominalValue(behaviour.engineersSizeExponent);
  if (!(floor > 0) || exponent !== 0) return;
  warnings.add(['behaviour', 'engineersMinimumShare'], 'engineersMinimumShare with engineersSizeExponent above 0', `${floor} with exponent 0`,
    'the floor acts only when engineers scale with a project\'s size: it changes nothing here (docs/model.md §12, condition 5)');
}
