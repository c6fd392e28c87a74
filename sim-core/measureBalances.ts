import { STOCKPILE_FORMS, type World } from './world/world.ts';

/**
 * All stocks of material m anywhere in the world, t: firms' input and output inventories, traders'
 * terminal stocks and goods in transit, and government stockpiles. The mass balance reads
 * Δ(stocks) = primary + secondary − consumption − losses each tick.
 */
export function measureMaterialStocks(world: World, m: number): number {
  const { regions: R, markets } = world;
  let total = 0;
  for (const store of world.stores) {
    // Material m's firms are the slots of its cells m × R + r (cells are contiguous, in slot order).
    for (let f = store.cellStart[m * R], end = m === world.materials - 1 ? store.slots : store.cellStart[(m + 1) * R]; f < end; f++) {
      total += store.inputInventoryTonnes[f] + store.outputInventoryTonnes[f];
    }
  }
  for (let k = 0; k < 3; k++) {
    for (let r = 0; r < R; r++) {
      const s = (m * 3 + k) * R + r;
      total += markets.terminalAlliedTonnes[s] + markets.terminalOtherTonnes[s];
      for (let slot = 0; slot < markets.transitSlots; slot++) total += markets.transitAlliedTonnes[s * markets.transitSlots + slot] + markets.transitOtherTonnes[s * markets.transitSlots + slot];
    }
  }
  for (let form = 0; form < STOCKPILE_FORMS; form++) for (let r = 0; r < R; r++) total += world.chain.stockpileTonnes[(form * world.materials + m) * R + r];
  return total;
}

/** Sum of all money accounts (firms' cash and the ledger), USD: constant when every payment has a payer and a payee. */
export function measureMoney(world: World): number {
  let total = world.ledger.externalUsd + world.ledger.foreignActorUsd + world.ledger.tradersUsd + world.ledger.endUsersUsd;
  for (let r = 0; r < world.regions; r++) total += world.ledger.governmentUsd[r];
  for (const store of world.stores) for (let f = 0; f < store.slots; f++) total += store.cashUsd[f];
  return total;
}
