import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { type Problem, ScenarioError } from '../../src/scenario/scenarioError.ts';

/** The problems a load throws, failing the test when it does not throw a ScenarioError. */
export function problemsOf(path: string, set?: string[], setLabels?: (string | undefined)[]): Problem[] {
  try {
    loadScenario(path, { set, setLabels });
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error(`${path} loaded without problems`);
}
