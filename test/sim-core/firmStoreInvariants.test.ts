import { describe, expect, it } from 'vitest';
import { createRecorder, createWorld, compileScenario, step, type ScenarioSpec, type World } from '../../sim-core/index.ts';
import { allocateAllFirmSlots } from '../../sim-core/world/growFirmCell.ts';
import { smallBaseline } from './engineHelpers.ts';

/**
 * Invariants the engine's fast paths rely on (docs/performance.md): cells lie end to end in their
 * allocated slots, firm loops stop at a cell's used slots, miners' and recyclers' settlement ignores their input stock, and the recorder's
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
      if (store.cellUsedSlots[c] > store.cellAllocatedSlots[c]) found.push(`stage ${stage} cell ${c}: more used slots than allocated`);
      if (store.cellAllocatedSlots[c] > store.cellSlots[c]) found.push(`stage ${stage} cell ${c}: more slots allocated than it may hold`);
      const next = c + 1 < store.cellStart.length ? store.cellStart[c + 1] : store.slots;
      if (next !== start + store.cellAllocatedSlots[c]) found.push(`stage ${stage} cell ${c}: allocated slots do not end where the next cell starts`);
      let capacity = 0;
      for (let f = start; f < start + store.cellAllocatedSlots[c]; f++) {
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

describe('firm slots allocated as entrants need them', () => {
  /** A run with the resolution where cells start with few spare slots and entrants must grow them. */
  function growingSpec(): ScenarioSpec {
    const spec = busySpec();
    const region = spec.regions[0].id;
    const material = spec.materials[0].id;
    // Five new mines in one cell, more than its two spare slots.
    const newMines = [0.1, 0.3, 0.5, 0.7, 0.9].map((start) => ({ kind: 'tailingsReassessment', material, region, capacityTonnesPerYear: 2e4, leadYears: 0.1, start }));
    // No exits, so the entrants cannot reuse exited firms' slots.
    const behaviour = { ...spec.behaviour, exitAfterLossWeeks: 1000 };
    return { ...spec, behaviour, resolution: { ...spec.resolution, firmsPerCapacityCell: 12 }, events: [...spec.events, ...newMines] } as ScenarioSpec;
  }

  function recordedRun(allocateUpFront: boolean): { series: Float64Array; grew: boolean } {
    const spec = growingSpec();
    const compiled = compileScenario(spec);
    const world = createWorld(spec, 3, 0);
    if (allocateUpFront) allocateAllFirmSlots(world);
    const slotsAtStart = world.stores.map((store) => store.slots);
    const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
    for (let t = 0; t < world.ticks; t++) step(world, recorder);
    return { series: recorder.series, grew: world.stores.some((store, stage) => store.slots > slotsAtStart[stage]) };
  }

  it('gives the same bits as a world laid out with all its headroom from the start', () => {
    const lazy = recordedRun(false);
    const full = recordedRun(true);
    // The lazy world must actually have grown, or the comparison proves nothing.
    expect(lazy.grew).toBe(true);
    expect(full.grew).toBe(false);
    expect(Buffer.from(lazy.series.buffer).equals(Buffer.from(full.series.buffer))).toBe(true);
  });
});
