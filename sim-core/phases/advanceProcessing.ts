import type { World } from '../world/world.ts';
import { PROCESSING } from '../world/world.ts';
import type { CellSplit } from './cellTasks.ts';
import { advanceProducers } from './advanceProducers.ts';

/**
 * Phase 6, processing: refiners turn concentrate bought on the concentrate market into refined
 * material (yield), limited by their input stock, and order concentrate for the next ticks with the
 * producers' shared rules (advanceProducers.ts, docs/model.md §6).
 * @param cells - spreads the firms' loops over threads (null: this thread only)
 */
export function advanceProcessing(world: World, cells: CellSplit | null = null): void {
  advanceProducers(world, PROCESSING, null, cells);
}
