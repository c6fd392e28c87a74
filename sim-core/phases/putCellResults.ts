import type { World } from '../world/world.ts';
import { cellCapacityOf } from '../world/firmTotals.ts';
import { CELL_SUMS } from './cellTasks.ts';

/**
 * Writes a settled cell's totals for the recorder (`firmTotals`, index sc). Its capacity total is
 * summed again only when a project changed the cell's capacity since the last sum (capacity changes
 * nowhere else but exits, which re-sum their cell), so the firm loops do not read capacities.
 */
export function putCellResults(world: World, stage: number, c: number, stock: number, sales: number, firms: number): void {
  const sc = stage * world.materials * world.regions + c;
  if (world.firmTotals.capacityStale[sc] === 1) world.firmTotals.capacityTonnesPerTick[sc] = cellCapacityOf(world, stage, c);
  world.firmTotals.stockTonnes[sc] = stock;
  world.firmTotals.expectedSalesTonnesPerTick[sc] = sales;
  world.firmTotals.firms[sc] = firms;
  world.firmTotals.capacityStale[sc] = 0;
}

/** Writes a settled cell's sums for booking (`world.scratch.cellSums`, stride CELL_SUMS). */
export function putCellSums(sums: Float64Array, c: number, costs: number, floorPaid: number, offtaken: number, profits: number, bids: number, received: number, longestLossStreak: number): void {
  const at = c * CELL_SUMS;
  sums[at] = costs;
  sums[at + 1] = floorPaid;
  sums[at + 2] = offtaken;
  sums[at + 3] = profits;
  sums[at + 4] = bids;
  sums[at + 5] = received;
  sums[at + 6] = longestLossStreak;
}
