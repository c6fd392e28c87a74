import type { World } from './world.ts';
import type { FirmStore } from './firmStore.ts';

/** Keys of a firm store's per-firm columns (every one is `slots` long, or empty). */
const FIRM_COLUMNS = [
  'alive', 'isMajor', 'capacityTonnesPerTick', 'unitCostUsdPerTonne', 'inputInventoryTonnes', 'outputInventoryTonnes', 'cashUsd',
  'downtimeTicks', 'lossStreakTicks', 'expectedSalesTonnesPerTick', 'pipelineCapacityTonnesPerTick', 'producedTonnes', 'bidTonnes',
] as const;

type Column = FirmStore[(typeof FIRM_COLUMNS)[number]];

/**
 * Makes sure cell c of a stage has at least `needed` slots allocated (never more than the cell may
 * hold, `cellSlots[c]`), growing it by at least a quarter so that a run of entrants costs few copies.
 * A copy costs about a millisecond per 20,000 slots; cells grow only when entrants fill their spare
 * slots.
 * @returns whether the cell now has `needed` slots
 */
export function growFirmCell(world: World, stage: number, c: number, needed: number): boolean {
  const store = world.stores[stage];
  const current = store.cellAllocatedSlots[c];
  if (needed <= current) return true;
  if (needed > store.cellSlots[c]) return false;
  const allocated = Int32Array.from(store.cellAllocatedSlots);
  allocated[c] = Math.min(store.cellSlots[c], Math.max(needed, current + Math.max(2, Math.ceil(current / 4))));
  relayoutFirms(world, stage, allocated);
  return true;
}

/**
 * Allocates every cell's full headroom in every store (the layout before shareWorld: helper
 * threads hold the columns they were given, so a shared world must never grow).
 */
export function allocateAllFirmSlots(world: World): void {
  for (let stage = 0; stage < world.stores.length; stage++) relayoutFirms(world, stage, world.stores[stage].cellSlots);
}

/**
 * Gives each cell of a stage `allocated[c]` slots (≥ its used slots): copies every column into the
 * new layout, each cell's slots in place from its new start, and moves the firm slots that expansion
 * projects point to. No firm changes, and the added slots are empty (firmStore.ts).
 */
function relayoutFirms(world: World, stage: number, allocated: Int32Array): void {
  const store = world.stores[stage];
  const cells = store.cellStart.length;
  const oldStart = Int32Array.from(store.cellStart);
  const newStart = new Int32Array(cells);
  let slots = 0;
  for (let c = 0; c < cells; c++) {
    newStart[c] = slots;
    slots += allocated[c];
  }
  for (const key of FIRM_COLUMNS) {
    const column = store[key] as Column;
    if (column.length === 0) continue;
    const Kind = column.constructor as new (length: number) => Column;
    const moved = new Kind(slots);
    for (let c = 0; c < cells; c++) {
      const kept = Math.min(allocated[c], store.cellAllocatedSlots[c]);
      moved.set(column.subarray(oldStart[c], oldStart[c] + kept), newStart[c]);
    }
    (store as unknown as Record<string, Column>)[key] = moved;
  }
  const projects = world.projects;
  for (let i = 0; i < projects.slots; i++) {
    const f = projects.targetFirm[i];
    if (projects.active[i] === 0 || projects.stage[i] !== stage || f < 0) continue;
    let c = cells - 1;
    while (oldStart[c] > f) c--;
    projects.targetFirm[i] = newStart[c] + (f - oldStart[c]);
  }
  store.slots = slots;
  store.cellStart.set(newStart);
  store.cellAllocatedSlots.set(allocated);
}
