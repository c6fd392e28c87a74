import type { LoadedScenario } from '../scenario/loadScenario.ts';
import { locateScenarioKey } from '../scenario/locateScenarioKey.ts';
import { type Problem, ScenarioError } from '../scenario/scenarioError.ts';

/** The keys that fix which calendar week a tick is: arms that differ in one are not paired tick by tick. */
const TIME_BASE_KEYS = ['years', 'ticksPerYear', 'startYear'] as const;

/**
 * Refuses arms that do not share the reference arm's time base (horizon, ticks per year, start
 * year): a paired difference of summaries over different horizons or steps measures the horizon,
 * not the strategy (a 5-year arm "loses" half the decade's consumption). One problem per key and
 * arm, located where that arm's file (or its `extends` chain) sets the key.
 *
 * @param loaded - The arms' loaded scenarios; the first is the reference.
 * @param paths - The arms' paths as given on the command line.
 * @param sets - The overrides every arm was loaded with.
 * @throws ScenarioError (exit 3) listing every difference.
 * @example
 * checkSharedTimeBase(loadScenarios(paths, sets), paths, sets); // throws when an arm has years: 5 and the reference 10
 */
export function checkSharedTimeBase(loaded: readonly LoadedScenario[], paths: readonly string[], sets: readonly string[]): void {
  const reference = loaded[0].spec;
  const problems: Problem[] = [];
  for (let arm = 1; arm < loaded.length; arm++) {
    for (const key of TIME_BASE_KEYS) {
      const value = loaded[arm].spec[key];
      if (value === reference[key]) continue;
      const set = locateScenarioKey(loaded[0], paths[0], sets, key);
      const where = set.line > 0 ? `${set.file}:${set.line}` : set.file;
      problems.push({
        ...locateScenarioKey(loaded[arm], paths[arm], sets, key), path: key,
        expected: `${reference[key]}, as in the reference ${paths[0]} (set at ${where}; compared arms are paired tick by tick)`,
        found: String(value),
        message: key === 'years' ? 'give --years to set every arm\'s horizon, or make the files agree' : 'make the files agree, or give --set ' + key + '=<value> for every arm',
      });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
}
