import type { World } from '../world/world.ts';

/**
 * Engineers a project of `capacity` t/tick at (stage, material m) needs while under construction:
 * engineersPerProject · (capacity / typical plant)^engineersSizeExponent, the typical plant being the
 * greenfield plant of the stage and material (World.typicalPlantTonnesPerTick). Exponent 0 (default):
 * engineersPerProject whatever the size, as before gap G24; 1: linear in capacity (a greenfield plant
 * needs engineersPerProject, an expansion a tenth of its size a tenth of that); 0.6: six-tenths rule.
 * No project needs fewer than engineersMinimumShare · engineersPerProject (a small team for a
 * debottlenecking). A stage without capacity in the scenario has no typical plant: its projects need
 * engineersPerProject.
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
