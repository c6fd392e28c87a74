import type { World } from '../world/world.ts';
import { MINING } from '../world/world.ts';
import type { CellSplit } from './cellTasks.ts';
import { advanceProducers } from './advanceProducers.ts';

/**
 * Phase 5, mining: miners extract ore into concentrate at their capacity, availability (outages,
 * cyberattack downtime) and cost; a by-product material's mines follow their host material's
 * output (`hostUtilisation`). The decision rules are the producers' shared ones (advanceProducers.ts,
 * docs/model.md §5): the stages differ in their parameters, inputs and markets, not in their rules.
 * @param cells - spreads the firms' loops over threads (null: this thread only)
 */
export function advanceMining(world: World, cells: CellSplit | null = null): void {
  advanceProducers(world, MINING, null, cells);
}
