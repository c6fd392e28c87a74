import type { World } from '../world/world.ts';

/**
 * Engineers a project of `capacity` t/tick at (stage, material m) needs while under construction:
 * engineersPerProject · max(engineersMinimumShare, (capacity / typical plant)^engineersSizeExponent),
 * the typical plant being the greenfield plant of the stage and material
 * (World.typicalPlantTonnesPerTick). Exponent 0 (default): engineersPerProject whatever the size (gap
 * G24); 1: linear in capacity (a greenfield plant needs engineersPerProject, an expansion a tenth of
 * its size a tenth of that); 0.6: the six-tenths rule. engineersMinimumShare keeps a small team on
 * the smallest jobs (a debottlenecking still needs a few people). A stage without capacity in the
 * scenario has no typical plant: its projects need engineersPerProject.
 *
 * @example
 * engineersNeeded(world, 1, 4, world.typicalPlantTonnesPerTick[1 * world.materials + 4]); // engineersPerProject
 */
export function engineersNeeded(world: World, stage: number, m: number, capacity: number): number {
  const behaviour = world.spec.behaviour;
  const exponent = behaviour.engineersSizeExponent;
  if (exponent === 0) return behaviour.engineersPerProject;
  const typical = world.typicalPlantTonnesPerTick[stage * world.materials + m];
  if (!(typical > 0)) return behaviour.engineersPerProject;
  const ratio = capacity / typical;
  return behaviour.engineersPerProject * Math.max(behaviour.engineersMinimumShare, exponent === 1 ? ratio : Math.pow(ratio, exponent));
}

/**
 * Engineers region r's projects under construction take this tick: with exponent 0, projects ×
 * engineersPerProject; else the summed needs (RegionState.engineersInUse).
 *
 * @example
 * engineersInUse(world, r) - world.regionState.engineers[r]; // how far the pool is overrun (a greenfield start may, by less than its need)
 */
export function engineersInUse(world: World, r: number): number {
  const behaviour = world.spec.behaviour;
  return behaviour.engineersSizeExponent === 0
    ? world.regionState.projectsUnderConstruction[r] * behaviour.engineersPerProject
    : world.regionState.engineersInUse[r];
}

/**
 * Whether region r has the engineers an expansion of `need` (engineersNeeded) takes: all of them
 * free. At exponent 0 the expression is the one used before the lens existed,
 * `(projects + 1) · engineersPerProject ≤ engineers`, so the default gives the same bits for any
 * engineersPerProject (a running sum `projects · e + e` can round differently).
 *
 * @example
 * if (!hasEngineersForExpansion(world, r, need)) continue;
 */
export function hasEngineersForExpansion(world: World, r: number, need: number): boolean {
  const behaviour = world.spec.behaviour;
  const engineers = world.regionState.engineers[r];
  return behaviour.engineersSizeExponent === 0
    ? (world.regionState.projectsUnderConstruction[r] + 1) * behaviour.engineersPerProject <= engineers
    : world.regionState.engineersInUse[r] + need <= engineers;
}

/**
 * Whether a greenfield project in region r may start construction: while any of the region's
 * engineers are free (the plant builds its team up from them), so the pool may be overrun by less
 * than one plant's need. At exponent 0: `projects · engineersPerProject < engineers`, as before.
 *
 * @example
 * if (ready && hasEngineersForGreenfield(world, r)) startConstruction();
 */
export function hasEngineersForGreenfield(world: World, r: number): boolean {
  return engineersInUse(world, r) < world.regionState.engineers[r];
}
