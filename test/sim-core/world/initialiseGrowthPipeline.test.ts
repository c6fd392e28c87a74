import { describe, expect, it } from 'vitest';
import { createWorld, step } from '../../../sim-core/index.ts';
import { CELL_EXPANSION } from '../../../sim-core/world/projectStore.ts';
import { MINING } from '../../../sim-core/world/world.ts';
import { materialIndex, regionIndexOf } from '../../../sim-core/world/indexOf.ts';
import { smallBaseline } from '../engineHelpers.ts';

/** The steady-growth initial state (gap G29): the expansions under construction when a run starts. */
describe('initialiseGrowthPipeline', () => {
  const spec = { ...smallBaseline(1, 3), uncertainties: [] };
  const seededOf = (world: ReturnType<typeof createWorld>, stage: number, m: number, r: number) => {
    const p = world.projects;
    let total = 0;
    let last = 0;
    for (let i = 0; i < p.slots; i++) {
      if (p.active[i] === 1 && p.seeded[i] === 1 && p.stage[i] === stage && p.material[i] === m && p.region[i] === r) {
        total += p.capacityTonnesPerTick[i];
        last = Math.max(last, p.ticksLeft[i] - 1);
        expect(p.targetFirm[i]).toBe(CELL_EXPANSION);
      }
    }
    return { total, last };
  };

  it('builds each cell up to K0 (1+g)^t by the last cohort, arriving before the run\'s own first expansions', () => {
    const world = createWorld(spec, 1, 0);
    const m = materialIndex(world, 'ndpr');
    const cn = regionIndexOf(world, 'CN');
    const { total, last } = seededOf(world, MINING, m, cn);
    const material = spec.materials[m];
    const start = material.mining.capacityByRegion.CN / spec.ticksPerYear;
    expect(total).toBeCloseTo(start * (Math.pow(1 + material.demand.growthPerYear, last / spec.ticksPerYear) - 1), 6);
    // The first review (tick 12) commits expansions that arrive at 12 + 4 years: the last seeded cohort comes one review before.
    expect(last).toBe(12 + material.mining.expansionLeadYears * spec.ticksPerYear - 13);
    // Every live firm has its share in its pipeline.
    const store = world.stores[MINING];
    const c = m * world.regions + cn;
    let pipeline = 0;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) pipeline += store.pipelineCapacityTonnesPerTick[f];
    expect(pipeline).toBeCloseTo(total, 9);
  });

  it('seeds nothing at initialGrowthPipeline 0 (the no-growth start)', () => {
    const world = createWorld({ ...spec, behaviour: { ...spec.behaviour, initialGrowthPipeline: 0 } }, 1, 0);
    let seeded = 0;
    for (let i = 0; i < world.projects.slots; i++) seeded += world.projects.active[i] === 1 && world.projects.seeded[i] === 1 ? 1 : 0;
    expect(seeded).toBe(0);
  });

  it('takes no engineers from the regions\' pools', () => {
    const seededWorld = createWorld(spec, 1, 0);
    const emptyWorld = createWorld({ ...spec, behaviour: { ...spec.behaviour, initialGrowthPipeline: 0 } }, 1, 0);
    step(seededWorld, null);
    step(emptyWorld, null);
    expect(Array.from(seededWorld.regionState.projectsUnderConstruction)).toEqual(Array.from(emptyWorld.regionState.projectsUnderConstruction));
  });

  it('arrives as capacity of the cell\'s incumbents, in proportion to their size', () => {
    const world = createWorld(spec, 1, 0);
    const m = materialIndex(world, 'ndpr');
    const cn = regionIndexOf(world, 'CN');
    const store = world.stores[MINING];
    const c = m * world.regions + cn;
    const before = Array.from({ length: store.cellUsedSlots[c] }, (_, i) => store.capacityTonnesPerTick[store.cellStart[c] + i]);
    while (world.tick < 20) step(world, null);
    const after = Array.from({ length: store.cellUsedSlots[c] }, (_, i) => store.capacityTonnesPerTick[store.cellStart[c] + i]);
    expect(after.reduce((a, b) => a + b)).toBeGreaterThan(before.reduce((a, b) => a + b));
    for (let i = 1; i < before.length; i++) expect(after[i] / after[0]).toBeCloseTo(before[i] / before[0], 9);
  });
});
