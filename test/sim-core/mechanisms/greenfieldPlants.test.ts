/**
 * Greenfield plants the investment review starts (gap G30): sized to their region's industry,
 * min(5%, max(greenfieldPlantMinWorldShare, greenfieldPlantCellShare × cell ÷ world)) of the stage's
 * world capacity, and commissioned in greenfieldRampTranches equal tranches over greenfieldRampYears.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, step, type World } from '../../../sim-core/index.ts';
import { PHASE_COMMISSIONING, PHASE_CONSTRUCTION, RAMPED_PLANT } from '../../../sim-core/world/projectStore.ts';
import { MANUFACTURING, oneMaterial, PROCESSING, regionOf } from './mechanismHelpers.ts';

/** Every active project's fields, in slot order. */
function projects(world: World) {
  const p = world.projects;
  return Array.from({ length: p.slots }, (_, i) => i).filter((i) => p.active[i] === 1)
    .map((i) => ({ i, stage: p.stage[i], region: p.region[i], capacity: p.capacityTonnesPerTick[i], phase: p.phase[i], target: p.targetFirm[i], tranches: p.ticksWaiting[i] }));
}

describe('greenfield plants the investment review starts', () => {
  it('are min(5%, max(1%, 0.25 × cell ÷ world)) of the stage\'s world capacity, the cell\'s and the world\'s the scenario\'s', () => {
    const spec = oneMaterial('graphite', 2);
    const world = createWorld(spec, 1, 0);
    // Past the first investment review (week 13).
    for (let t = 0; t < 14; t++) step(world, null);
    const plants = projects(world).filter((p) => p.target === RAMPED_PLANT);
    expect(plants.length).toBeGreaterThan(0);
    for (const plant of plants) {
      const stageSpec = plant.stage === PROCESSING ? spec.materials[0].processing : plant.stage === MANUFACTURING ? spec.materials[0].manufacturing : spec.materials[0].recycling;
      const worldCapacity = Object.values(stageSpec.capacityByRegion).reduce((a, b) => a + b, 0);
      const cell = stageSpec.capacityByRegion[spec.regions[plant.region].id] ?? 0;
      const expected = Math.min(0.05 * worldCapacity, Math.max(0.01 * worldCapacity, 0.25 * cell));
      expect(plant.capacity * world.ticksPerYear).toBeCloseTo(expected, 6);
    }
    // The US graphite anode cell (70 kt/yr of 2.25 Mt): the 1% floor (22.5 kt/yr), not 5% of the world (112 kt/yr, more than the cell).
    const us = plants.find((p) => p.stage === MANUFACTURING && p.region === regionOf(world, 'US'));
    expect(us).toBeDefined();
    expect(us!.capacity * world.ticksPerYear).toBeLessThan(0.35 * spec.materials[0].manufacturing.capacityByRegion.US);
  });

  it('are 5% of the world with greenfieldPlantMinWorldShare 0.05, and start whole with greenfieldRampTranches 1 (the engine until session 22)', () => {
    const spec = oneMaterial('graphite', 2, (s) => { s.behaviour.greenfieldPlantMinWorldShare = 0.05; s.behaviour.greenfieldRampTranches = 1; });
    const world = createWorld(spec, 1, 0);
    for (let t = 0; t < 14; t++) step(world, null);
    const plants = projects(world).filter((p) => p.target < 0 && p.phase !== PHASE_CONSTRUCTION);
    expect(plants.length).toBeGreaterThan(0);
    expect(plants.every((p) => p.target === -1)).toBe(true);
    const worldManufacturing = Object.values(spec.materials[0].manufacturing.capacityByRegion).reduce((a, b) => a + b, 0);
    for (const plant of plants.filter((p) => p.stage === MANUFACTURING)) expect(plant.capacity * world.ticksPerYear).toBeCloseTo(0.05 * worldManufacturing, 6);
  });

  it('come on stream in four equal tranches, the first at completion and one every 26 weeks', () => {
    // Without the steady-growth cohorts, which every live firm of a cell shares when they land (the entrant too).
    const spec = oneMaterial('graphite', 4, (s) => { s.behaviour.initialGrowthPipeline = 0; });
    const world = createWorld(spec, 1, 0);
    for (let t = 0; t < 14; t++) step(world, null);
    const plant = projects(world).find((p) => p.target === RAMPED_PLANT && p.stage === MANUFACTURING)!;
    expect(plant).toBeDefined();
    // Finish its construction next tick (its lead time is years: shorten it, as a policy might).
    const p = world.projects;
    p.phase[plant.i] = PHASE_CONSTRUCTION;
    p.ticksLeft[plant.i] = 0.5;
    const store = world.stores[MANUFACTURING];
    const c = plant.region; // one material: cell = region
    const slotsBefore = new Set(Array.from({ length: store.cellUsedSlots[c] }, (_, k) => store.cellStart[c] + k).filter((f) => store.alive[f] === 1));
    step(world, null);
    const entrant = Array.from({ length: store.cellUsedSlots[c] }, (_, k) => store.cellStart[c] + k).find((f) => store.alive[f] === 1 && !slotsBefore.has(f))!;
    expect(entrant).toBeDefined();
    const whole = plant.capacity;
    const capacities = [store.capacityTonnesPerTick[entrant]];
    const commissioning = projects(world).find((x) => x.phase === PHASE_COMMISSIONING && x.target === entrant)!;
    expect(commissioning).toMatchObject({ tranches: 3 });
    expect(commissioning.capacity).toBeCloseTo(0.75 * whole, 9);
    expect(store.pipelineCapacityTonnesPerTick[entrant]).toBeCloseTo(0.75 * whole, 9);
    for (let week = 1; week <= 80; week++) {
      step(world, null);
      capacities.push(store.capacityTonnesPerTick[entrant]);
    }
    // A quarter now, then a quarter after 26, 52 and 78 weeks (the entrant's own expansions, if any, take years to build).
    expect(capacities[0]).toBeCloseTo(0.25 * whole, 9);
    const added = capacities.slice(1).map((x, week) => x - capacities[week]);
    added.forEach((step, index) => expect(step, `week ${index + 1}`).toBeCloseTo([26, 52, 78].includes(index + 1) ? 0.25 * whole : 0, 9));
    expect(store.pipelineCapacityTonnesPerTick[entrant]).toBeCloseTo(0, 9);
    expect(projects(world).some((x) => x.phase === PHASE_COMMISSIONING && x.target === entrant)).toBe(false);
  });
});
