import { loadScenario } from '../src/scenario/loadScenario.ts';
import { compileScenario, createRecorder, createWorld, type CompiledScenario, type Recorder, type ScenarioSpec, type World } from '../sim-core/index.ts';

/** A scenario at a benchmark resolution (more `--set` items may follow). */
export function loadBenchSpec(scenario: string, firmsPerCapacityCell: number, set: readonly string[] = []): ScenarioSpec {
  return loadScenario(scenario, { set: [`resolution.firmsPerCapacityCell=${firmsPerCapacityCell}`, ...set] }).spec;
}

/** A world ready to step, with its recorder. */
export interface BenchWorld {
  readonly world: World;
  readonly recorder: Recorder;
  readonly compiled: CompiledScenario;
}

/** Creates the world of (seed, replicate) and its recorder, as createReplicateRunner does (no uncertainty sampling). */
export function createBenchWorld(spec: ScenarioSpec, seed: number, replicate: number, compiled = compileScenario(spec)): BenchWorld {
  const world = createWorld(spec, seed, replicate);
  return { world, recorder: createRecorder(world, compiled.layout.series.length, compiled.offsets), compiled };
}

/** Agents of a world: live firms of the four stores plus end users. */
export function countAgents(world: World): number {
  let agents = world.endUsers.count;
  for (const store of world.stores) for (let f = 0; f < store.slots; f++) agents += store.alive[f];
  return agents;
}

/** Live firms of the four stores (the agents less the end users, whose per-tick work is per cell). */
export function countLiveFirms(world: World): number {
  return countAgents(world) - world.endUsers.count;
}

/** Firm slots (live or free) plus end users: what the per-agent loops walk. */
export function countSlots(world: World): number {
  return world.endUsers.count + world.stores.reduce((n, store) => n + store.slots, 0);
}

/** The firmsPerCapacityCell that gives about `agents` agents on a scenario (agents grow linearly with it). */
export function findFirmsPerCapacityCell(scenario: string, agents: number): { firmsPerCapacityCell: number; agents: number } {
  const probe = 100;
  const perUnit = countAgents(createWorld(loadBenchSpec(scenario, probe), 1, 0)) / probe;
  const firmsPerCapacityCell = Math.max(1, Math.round(agents / perUnit)); // the engine rounds it
  return { firmsPerCapacityCell, agents: countAgents(createWorld(loadBenchSpec(scenario, firmsPerCapacityCell), 1, 0)) };
}
