import { describe, expect, it } from 'vitest';
import { createWorld, step, type ScenarioSpec, type World } from '../../sim-core/index.ts';
import { smallBaseline } from './engineHelpers.ts';

/**
 * Invariants the engine's fast paths rely on (docs/performance.md): firm loops stop at a cell's
 * used slots, miners' and recyclers' settlement ignores their input stock, and the recorder's
 * capacity total is re-summed only for cells marked stale.
 */

/** A small world with entry (new plants, discoveries), exits and outages, run for a few years. */
function busySpec(): ScenarioSpec {
  const base = smallBaseline(4, 4);
  const region = base.regions[0].id;
  const material = base.materials[0].id;
  return {
    ...base,
    behaviour: { ...base.behaviour, exitAfterLossWeeks: 4 },
    events: [
      { kind: 'tailingsReassessment', material, region, capacityTonnesPerYear: 5e4, leadYears: 0.1, start: 0.2 },
      { kind: 'cyberattack', stage: 'mining', region, facilityShare: 0.5, downtimeYears: 0.2, start: 0.5 },
      { kind: 'demandShock', material, multiplier: 0.3, start: 1 },
    ],
  } as ScenarioSpec;
}

/** Violations of the invariants in a world as it stands, as messages (none expected). */
function violations(world: World): string[] {
  const found: string[] = [];
  world.stores.forEach((store, stage) => {
    for (let c = 0; c < world.materials * world.regions; c++) {
      const start = store.cellStart[c];
      if (store.cellUsedSlots[c] > store.cellSlots[c]) found.push(`stage ${stage} cell ${c}: more used slots than slots`);
      let capacity = 0;
      for (let f = start; f < start + store.cellSlots[c]; f++) {
        if (store.alive[f] === 1 && f - start >= store.cellUsedSlots[c]) found.push(`stage ${stage} cell ${c}: live firm ${f} beyond the used slots`);
        if ((stage === 0 || stage === 3) && store.inputInventoryTonnes[f] !== 0) found.push(`stage ${stage}: firm ${f} holds input`);
        capacity += store.alive[f] * store.capacityTonnesPerTick[f];
      }
      const sc = stage * world.materials * world.regions + c;
      // Bit for bit: the cached total must be what a fresh sum in slot order gives.
      if (world.firmTotals.capacityStale[sc] === 0 && !Object.is(world.firmTotals.capacityTonnesPerTick[sc], capacity)) found.push(`stage ${stage} cell ${c}: capacity total ${world.firmTotals.capacityTonnesPerTick[sc]} != ${capacity}`);
    }
  });
  return found;
}

describe('firm store invariants of the fast paths', () => {
  it('holds after every tick of a world with entries, exits and outages', () => {
    const world = createWorld(busySpec(), 7, 0);
    let entries = 0;
    let exits = 0;
    for (let t = 0; t < world.ticks; t++) {
      step(world, null);
      expect(violations(world), `tick ${t}`).toEqual([]);
      entries += world.entries.reduce((a, b) => a + b, 0);
      exits += world.exits.reduce((a, b) => a + b, 0);
    }
    // The run must exercise what the invariants are about.
    expect(entries).toBeGreaterThan(0);
    expect(exits).toBeGreaterThan(0);
  });
});
