import type { World } from '../world/world.ts';
import { RECYCLING } from '../world/world.ts';
import type { CellSplit } from './cellTasks.ts';
import { advanceProducers } from './advanceProducers.ts';
import { collectEndOfLife } from './collectEndOfLife.ts';

/**
 * Phase 9, recycling: end-of-life products return after their lifetime and a collection share of them
 * (raised by recycling mandates) becomes scrap (collectEndOfLife.ts, docs/model.md §9a); recyclers
 * turn the scrap into refined material at a yield and a cost that falls with cumulative volume, with
 * the producers' shared rules (advanceProducers.ts, §9b).
 * @param cells - spreads the firms' loops over threads (null: this thread only)
 */
export function advanceRecycling(world: World, cells: CellSplit | null = null): void {
  collectEndOfLife(world, world.scratch.scrapTonnes);
  advanceProducers(world, RECYCLING, world.scratch.scrapTonnes, cells);
}
