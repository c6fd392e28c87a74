import type { World } from './world/world.ts';
import { beginTick } from './phases/beginTick.ts';
import { applyEvents } from './phases/applyEvents.ts';
import { advanceForeignActor } from './phases/advanceForeignActor.ts';
import { advanceGovernment } from './phases/advanceGovernment.ts';
import { advanceDiscovery } from './phases/advanceDiscovery.ts';
import { advanceMining } from './phases/advanceMining.ts';
import { advanceProcessing } from './phases/advanceProcessing.ts';
import { advanceManufacturing } from './phases/advanceManufacturing.ts';
import { advanceEndUse } from './phases/advanceEndUse.ts';
import { advanceRecycling } from './phases/advanceRecycling.ts';
import { clearMarkets } from './phases/clearMarkets.ts';
import { settleAccounts } from './phases/settleAccounts.ts';
import { advanceInvestment } from './phases/advanceInvestment.ts';
import { recordTick, type Recorder } from './record/recordTick.ts';
import type { CellSplit } from './phases/cellTasks.ts';

/**
 * Advances the world by one tick. The phases run in this order, each in its own file
 * (docs/model.md has a section per phase with its equations).
 * @param recorder - where to write this tick's series, or null to skip recording
 * @param cells - spreads the agents' loops over threads (same bytes as without; null: this thread only)
 */
export function step(world: World, recorder: Recorder | null, cells: CellSplit | null = null): void {
  beginTick(world); //                                   clear this tick's accumulators
  applyEvents(world); //                                 1. parameters in force: base values + active events
  advanceForeignActor(world); //                         2. cyberattacks, price wars, retaliation by rule
  advanceGovernment(world); //                           3. elections, workforce, stockpile orders
  advanceDiscovery(world); //                            4. exploration and the project pipeline
  advanceMining(world, cells); //                        5. mining (with by-product coupling)
  advanceProcessing(world, cells); //                    6. processing: concentrate → refined
  advanceManufacturing(world, cells); //                 7. manufacturing: refined → components
  advanceEndUse(world, cells); //                        8. end users' demand, thrifting
  advanceRecycling(world, cells); //                     9. end-of-life collection, recycling into refined
  clearMarkets(world); //                               10. trade and market clearing, prices
  settleAccounts(world, cells); //                      11. deliveries, payments, shortfall
  advanceInvestment(world); //                          12. investment, entry and exit
  if (recorder !== null) recordTick(world, recorder); // 13. record
  world.tick++;
}

/** Runs `ticks` ticks (by default to the end of the horizon). */
export function runTicks(world: World, recorder: Recorder | null, ticks = world.ticks - world.tick, cells: CellSplit | null = null): void {
  for (let i = 0; i < ticks; i++) step(world, recorder, cells);
}
