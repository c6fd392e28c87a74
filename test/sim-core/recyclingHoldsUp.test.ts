import { describe, expect, it } from 'vitest';
import { createWorld, step, type EventSpec } from '../../sim-core/index.ts';
import { materialIndex, regionIndexOf } from '../../sim-core/world/indexOf.ts';
import { cellCapacityOf } from '../../sim-core/world/firmTotals.ts';
import { RECYCLING } from '../../sim-core/world/world.ts';
import { smallBaseline } from './engineHelpers.ts';

/**
 * Recyclers hold a leaner stock (4 weeks) than the processors they sell beside (8 weeks). With sales
 * shared pro rata to stock, each tick they sold about 5/9 of their expected sales, so expected sales,
 * and output, shrank towards zero although scrap was plentiful and recycling paid.
 */
describe('recycled output under a collection mandate', () => {
  const spec = smallBaseline(3, 3);
  const mandate: EventSpec = { kind: 'recyclingMandate', region: 'US', material: 'lithium', collectionShare: 0.6, start: 0 };
  const world = createWorld({ ...spec, events: [...spec.events, mandate], uncertainties: [] }, 5, 0);
  const m = materialIndex(world, 'lithium');
  const r = regionIndexOf(world, 'US');
  const c = m * world.regions + r;
  const index = (RECYCLING * world.materials + m) * world.regions + r;
  const output: number[] = [];
  const scrap: number[] = [];
  for (let t = 0; t < 156; t++) {
    step(world, null);
    output.push(world.flows.productionTonnes[index]);
    scrap.push(world.scratch.scrapTonnes[c]);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const yieldShare = spec.materials[m].recycling.yield;

  it('has scrap beyond what the recyclers use and beyond their capacity (control: scrap does not bind)', () => {
    const capacity = cellCapacityOf(world, RECYCLING, c);
    expect(Math.min(...scrap.slice(-26)) * yieldShare).toBeGreaterThan(capacity);
    expect(Math.max(...output.slice(-26))).toBeLessThan(capacity);
  });

  it('recycling pays: the US refined price is above the recyclers\' unit cost', () => {
    const store = world.stores[RECYCLING];
    let highestCost = 0;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) if (store.alive[f] === 1) highestCost = Math.max(highestCost, store.unitCostUsdPerTonne[f]);
    expect(highestCost).toBeGreaterThan(0);
    expect(world.markets.priceUsdPerTonne[(m * 3 + 1) * world.regions + r]).toBeGreaterThan(highestCost);
  });

  it('recycled output in the third year holds at least 80% of its first month', () => {
    expect(mean(output.slice(0, 4))).toBeGreaterThan(0);
    expect(mean(output.slice(-52))).toBeGreaterThan(0.8 * mean(output.slice(0, 4)));
  });
});
