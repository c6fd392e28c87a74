import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { createWorld, step, type World } from '../../sim-core/index.ts';
import { shipGoods } from '../../sim-core/phases/shipGoods.ts';

/** Fills every per-origin work array trade uses with a value, as another market's trade could leave it. */
function leaveScratch(world: World, value: number): void {
  const sc = world.scratch;
  for (const column of [sc.available, sc.quotaLeft, sc.orderLeft, sc.requested, sc.weight, sc.limit, sc.localCover, sc.offerLeft, sc.quotaRequested, sc.offerShare, sc.quotaShare, sc.wantedByRoute]) column.fill(value);
}

describe('shipGoods', () => {
  it('trades a market the same whatever the previous market left in the scratch arrays (licensing in force)', () => {
    const spec = loadScenario('scenarios/threat-graphite-licensing.yaml', { set: ['years=2', 'resolution.firmsPerCapacityCell=3'] }).spec;
    const world = createWorld(spec, 1, 0);
    const m = spec.materials.findIndex((material) => material.id === 'graphite');
    const R = world.regions;
    const licensed = () => world.effective.licenceDelayTicks.subarray(m * 3 * R * R, (m * 3 + 2) * R * R).some((ticks) => ticks > 0);
    while (!licensed() && world.tick < world.ticks - 10) step(world, null);
    for (let i = 0; i < 5; i++) step(world, null);
    expect(licensed()).toBe(true);
    const [plenty, none] = [structuredClone(world), structuredClone(world)];
    leaveScratch(plenty, 1e9);
    leaveScratch(none, 0);
    for (const k of [0, 1]) {
      shipGoods(plenty, m, k);
      shipGoods(none, m, k);
      expect(Array.from(plenty.scratch.orderLeft)).toEqual(Array.from(none.scratch.orderLeft));
    }
    for (const column of ['exportedTonnes', 'importedTonnes', 'tradeTonnes', 'transitAlliedTonnes', 'transitOtherTonnes'] as const) {
      expect(Array.from(plenty.markets[column])).toEqual(Array.from(none.markets[column]));
    }
    // Something was shipped, so the comparison means something.
    expect(plenty.markets.exportedTonnes.subarray(m * 3 * R, (m * 3 + 2) * R).some((tonnes) => tonnes > 0)).toBe(true);
  });
});
