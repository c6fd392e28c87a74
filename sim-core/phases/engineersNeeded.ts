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
 * engineersPerProject (a product, as before the exponent existed, not a running sum of needs that
 * could round differently); else the summed needs (RegionState.engineersInUse).
 *
 * @example
 * if (engineersInUse(world, r) + need > world.regionState.engineers[r]) continue; // no engineers free
 */
export function engineersInUse(world: World, r: number): number {
  const behaviour = world.spec.behaviour;
  return behaviour.engineersSizeExponent === 0
    ? world.regionState.projectsUnderConstruction[r] * behaviour.engineersPerProject
    : world.regionState.engineersInUse[r];
}
