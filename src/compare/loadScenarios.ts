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
  // Each problem once, with the files it came from: one located at an override (`--set #1 (…)`) names no file of its own.
  const problems = new Map<string, { problem: Problem; paths: string[] }>();
  const loaded: LoadedScenario[] = [];
  for (const path of paths) {
    try {
      loaded.push(loadScenario(path, { set: [...sets] }));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const problem of error.problems) {
        const key = formatProblem(problem);
        const seen = problems.get(key);
        if (seen === undefined) problems.set(key, { problem, paths: [path] });
        else seen.paths.push(path);
      }
    }
  }
  if (problems.size > 0) {
    throw new ScenarioError(sortProblems([...problems.values()].map(({ problem, paths: from }) => namingScenarios(problem, from, paths))));
  }
  return loaded;
}

/**
 * An override's problem that only some of the compared files have names them (`--set
 * events.usStockpileNdpr.targetDays=…` fails in the threat, which has no such event, and not in the
 * stockpile: research audit 24, L7), as `in A, not in B` (formatProblem puts the message in
 * parentheses: no second pair inside). One every file has, one located in a file, or one that names
 * its file already (a scenario file that does not exist) is unchanged.
 */
function namingScenarios(problem: Problem, from: readonly string[], all: readonly string[]): Problem {
  if (from.length === all.length || problem.line > 0 || from.includes(problem.file)) return problem;
  const which = `in ${from.join(', ')}, not in ${all.filter((p) => !from.includes(p)).join(', ')}`;
  return { ...problem, message: problem.message === '' ? which : `${problem.message}; ${which}` };
}
