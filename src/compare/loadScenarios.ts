import { type LoadedScenario, loadScenario } from '../scenario/loadScenario.ts';
import { type Problem, ScenarioError, formatProblem, sortProblems } from '../scenario/scenarioError.ts';

/**
 * Loads several scenario files with the same overrides before anything runs, and reports the
 * problems of all of them at once (a bad `--set` override is reported once, not once per file).
 *
 * @param paths - Scenario files.
 * @param sets - `--set` overrides applied to each.
 * @returns The loaded scenarios, in order.
 * @throws ScenarioError listing every problem of every file.
 * @example
 * loadScenarios(['scenarios/threat-export-quota.yaml', 'scenarios/mitigation-stockpile-60d.yaml'], ['years=3']);
 */
export function loadScenarios(paths: readonly string[], sets: readonly string[]): LoadedScenario[] {
  const problems: Problem[] = [];
  const loaded: LoadedScenario[] = [];
  for (const path of paths) {
    try {
      loaded.push(loadScenario(path, { set: [...sets] }));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) {
    const unique = new Map(problems.map((problem) => [formatProblem(problem), problem]));
    throw new ScenarioError(sortProblems([...unique.values()]));
  }
  return loaded;
}
