import type { World } from '../world/world.ts';

/** Clears this tick's accumulators (offers, bids, shipments, flows, spending); state carried between ticks is untouched. */
export function beginTick(world: World): void {
  const { markets, flows } = world;
  markets.firmOfferTonnes.fill(0);
  markets.recycledOfferTonnes.fill(0);
  markets.localBidTonnes.fill(0);
  markets.publicBidTonnes.fill(0);
  markets.exportedTonnes.fill(0);
  markets.importedTonnes.fill(0);
  markets.arrivedTonnes.fill(0);
  markets.tradeTonnes.fill(0);
  markets.quotaRentUsd.fill(0);
  flows.previousProductionTonnes.set(flows.productionTonnes);
  flows.primaryTonnes.fill(0);
  flows.secondaryTonnes.fill(0);
  flows.consumptionTonnes.fill(0);
  flows.lossTonnes.fill(0);
  flows.productionTonnes.fill(0);
  world.government.spendingUsdThisTick = 0;
  world.government.tariffRevenueUsdThisTick = 0;
  world.government.stockpileCreditUsdThisTick = 0;
  world.government.spendingByMaterialUsdThisTick.fill(0);
  world.government.stockpileCreditByMaterialUsdThisTick.fill(0);
  world.foreignActor.spendingUsdThisTick = 0;
  world.foreignActor.cyberattacksThisTick.fill(0);
  world.entries.fill(0);
  world.exits.fill(0);
}
