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
 */
export interface FirmTotals {
  readonly capacityTonnesPerTick: Float64Array;
  readonly stockTonnes: Float64Array;
  readonly expectedSalesTonnesPerTick: Float64Array;
  readonly firms: Int32Array;
  readonly longestLossStreakTicks: Int32Array;
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
}
