import type { World } from '../world/world.ts';
import { STOCKPILE_FORMS } from '../world/world.ts';
import type { StockpileEvent } from '../spec.ts';

/**
 * What holding a stockpile costs each tick: `carryingCostSharePerYear` of the stock's value at base
 * prices, pro rata (financing the capital tied up, storage, insurance, rotation), while its event is in
 * force. The government of the stockpile's region pays it to the rest of the economy; the home
 * government's counts as policy cost, gross and net (it is no asset), and as spending on the material.
 * The stockpile's budget limits purchases only: carrying costs are paid on top, as storage and
 * financing are usually budgeted apart from acquisitions.
 */
export function payStockpileCarryingCosts(world: World): void {
  const { markets, chain, ledger, regions: R } = world;
  const cells = world.materials * R;
  for (let form = 0; form < STOCKPILE_FORMS; form++) {
    for (let c = 0; c < cells; c++) {
      const e = world.effective.stockpileEvent[form * cells + c];
      if (e < 0) continue;
      const share = (world.events[e].spec as StockpileEvent).carryingCostSharePerYear ?? 0;
      const held = chain.stockpileTonnes[form * cells + c];
      if (share <= 0 || held <= 0) continue;
      const m = Math.floor(c / R);
      const r = c - m * R;
      const cost = (share * held * markets.basePriceUsdPerTonne[(m * 3 + 1 + form) * R + r]) / world.ticksPerYear;
      ledger.governmentUsd[r] -= cost;
      ledger.externalUsd += cost;
      if (r !== world.government.region) continue;
      world.government.spendingUsdThisTick += cost;
      world.government.spendingByMaterialUsdThisTick[m] += cost;
    }
  }
}
