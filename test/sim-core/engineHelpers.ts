import { loadScenario } from '../../src/scenario/loadScenario.ts';
import type { ScenarioSpec } from '../../sim-core/index.ts';

/** The shipped baseline at a small resolution and a short horizon, for engine tests. */
export function smallBaseline(years = 2, firmsPerCell = 3): ScenarioSpec {
  return loadScenario('scenarios/baseline.yaml', {
    set: [`years=${years}`, `resolution.firmsPerCapacityCell=${firmsPerCell}`],
  }).spec;
}
