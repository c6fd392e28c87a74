import type { World } from '../world/world.ts';
import { MANUFACTURING } from '../world/world.ts';
import type { CellSplit } from './cellTasks.ts';
import { advanceProducers } from './advanceProducers.ts';

/**
 * Phase 7, manufacturing: component makers (magnets, cathodes, wafers …) turn refined material into
 * components, holding a days-of-supply input stock target and losing output when short, with the
 * producers' shared rules (advanceProducers.ts, docs/model.md §7).
 * @param cells - spreads the firms' loops over threads (null: this thread only)
 */
export function advanceManufacturing(world: World, cells: CellSplit | null = null): void {
  advanceProducers(world, MANUFACTURING, null, cells);
}
