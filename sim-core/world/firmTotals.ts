import type { World } from './world.ts';

/**
 * Per stage cell sc = (capacityStage × M + m) × R + r, sums over the cell's live firms as they stand
 * after settlement, kept current through exits: settleAccounts computes them in its firm loop (so
 * the recorder needs no pass of its own over the firms) and retireLossMakers re-sums a cell when a
 * firm of it exits. Sums run in slot order, so they equal a fresh sum over the cell bit for bit.
 *
 * Glossary:
 * - `capacityTonnesPerTick`: capacity, t/tick; `stockTonnes`: input plus output inventories, t;
 * - `expectedSalesTonnesPerTick`: expected sales, t/tick; `firms`: live firms.
 * - `longestLossStreakTicks[stage]`: the longest loss streak of a live firm of the stage after
 *   settlement, −1 when none is alive (exits look no further when it is below their limit).
 * - `capacityStale[sc]`: 1 when a cell's capacity changed since its totals were summed (a project
 *   completed there); {@link cellCapacityOf} then sums afresh. 1 for every cell of a new world.
 */
export interface FirmTotals {
  readonly capacityTonnesPerTick: Float64Array;
  readonly stockTonnes: Float64Array;
  readonly expectedSalesTonnesPerTick: Float64Array;
  readonly firms: Int32Array;
  readonly longestLossStreakTicks: Int32Array;
  readonly capacityStale: Uint8Array;
}

/** Allocates the totals for M materials and R regions. */
export function createFirmTotals(materials: number, regions: number): FirmTotals {
  const stageCells = 4 * materials * regions;
  return {
    capacityTonnesPerTick: new Float64Array(stageCells),
    stockTonnes: new Float64Array(stageCells),
    expectedSalesTonnesPerTick: new Float64Array(stageCells),
    firms: new Int32Array(stageCells),
    longestLossStreakTicks: new Int32Array(4).fill(-1),
    capacityStale: new Uint8Array(stageCells).fill(1),
  };
}

/** Re-sums the totals of cell c (m × R + r) of a capacity stage from its firms. */
export function sumCellFirms(world: World, stage: number, c: number): void {
  const store = world.stores[stage];
  const totals = world.firmTotals;
  let capacity = 0;
  let stock = 0;
  let sales = 0;
  let firms = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) {
    if (store.alive[f] === 0) continue;
    capacity += store.capacityTonnesPerTick[f];
    stock += store.outputInventoryTonnes[f] + store.inputInventoryTonnes[f];
    sales += store.expectedSalesTonnesPerTick[f];
    firms++;
  }
  const sc = stage * world.materials * world.regions + c;
  totals.capacityTonnesPerTick[sc] = capacity;
  totals.stockTonnes[sc] = stock;
  totals.expectedSalesTonnesPerTick[sc] = sales;
  totals.firms[sc] = firms;
  totals.capacityStale[sc] = 0;
}

/**
 * Live capacity of cell c (m × R + r) of a capacity stage now, t/tick: the summed total unless the
 * cell's capacity changed since (then a fresh sum over its slots). The two agree bit for bit: both
 * add the live firms' capacities in slot order (a free slot adds +0 to a non-negative sum).
 */
export function cellCapacityOf(world: World, stage: number, c: number): number {
  const sc = stage * world.materials * world.regions + c;
  if (world.firmTotals.capacityStale[sc] === 0) return world.firmTotals.capacityTonnesPerTick[sc];
  const store = world.stores[stage];
  let capacity = 0;
  for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) capacity += store.alive[f] * store.capacityTonnesPerTick[f];
  return capacity;
}
