import type { World } from '../world/world.ts';
import { leadPoolPrice } from './priceLeadership.ts';

/**
 * Price formation for market (m, k) (end of phase 10), an inventory-coverage rule after Meadows'
 * commodity model, on price pools. Regions trade freely with each other form one pool; a region
 * whose exports of this market are restricted (quota, licensing, ban) forms a pool of its own, so
 * the market splits when controls bind. For each pool, with C the target cover (1 + stock target in
 * ticks), D̄ its demand including exports and S̄ its supply offered (both averaged over about a
 * month), the coverage price of each member is P* = P_anchor·(C·D̄/S̄)^e (e `priceCoverageExponent`),
 * and its price closes a share κ (`priceAdjustmentPerTick`) of the log gap to P* each tick, at most
 * ±maxStep. An importing region's price never falls below the landed cost of its imports (traders
 * do not resell at a loss): tariffs pass through and the two tiers stay apart under controls. The
 * exception is a region whose own exports are restricted: its price is held below the world's by its
 * controls, and its traders cut their imports when the world is dearer (shipGoods) rather than lift
 * the inside price to the outside one.
 * A leadership price cut (the foreign actor's price war) lowers its pool's coverage price by the cut
 * times the cutter's share of the pool's supply (see leadPoolPrice).
 * Prices stay within [1%, 1000×] of base. Expectations are exponential averages over
 * `expectationYears` (expected) and one year (long).
 */
export function formPrices(world: World, m: number, k: number, coverTicks: number): void {
  const { markets: mk, regions: R } = world;
  const behaviour = world.spec.behaviour;
  const base = (m * 3 + k) * R;
  const sc = world.scratch;
  for (let r = 0; r < R; r++) sc.pool[r] = isRestricted(world, base + r) ? r + 1 : 0;
  for (let r = 0; r < R; r++) {
    let demand = 0;
    let supply = 0;
    for (let q = 0; q < R; q++) {
      if (sc.pool[q] !== sc.pool[r]) continue;
      demand += mk.smoothedDemandTonnes[base + q];
      supply += mk.smoothedSupplyTonnes[base + q];
    }
    sc.coverageGap[r] = demand > 0 || supply > 0 ? Math.log(((1 + coverTicks) * Math.max(demand, 1e-12)) / Math.max(supply, 1e-12)) : 0;
  }
  for (let r = 0; r < R; r++) {
    const s = base + r;
    const price = mk.priceUsdPerTonne[s];
    const anchor = anchorPrice(world, s);
    const leadership = leadPoolPrice(world, base, r, anchor);
    let logTarget = Math.log(anchor) + behaviour.priceCoverageExponent * sc.coverageGap[r];
    if (leadership > 0) logTarget += Math.log(1 - leadership);
    const step = Math.max(-behaviour.maxLogPriceStepPerTick, Math.min(behaviour.maxLogPriceStepPerTick, behaviour.priceAdjustmentPerTick * (logTarget - Math.log(price))));
    let next = price * Math.exp(step);
    // A region in a pool of its own (its exports restricted) has no floor: its traders stop importing instead (shipGoods).
    if (sc.landedCostUsdPerTonne[r] > 0 && sc.pool[r] === 0) next = Math.max(next, sc.landedCostUsdPerTonne[r]);
    next = Math.min(Math.max(next, mk.basePriceUsdPerTonne[s] * 0.01), mk.basePriceUsdPerTonne[s] * 1000);
    mk.priceUsdPerTonne[s] = next;
    mk.expectedPriceUsdPerTonne[s] += (next - mk.expectedPriceUsdPerTonne[s]) / Math.max(1, behaviour.expectationYears * world.ticksPerYear);
    mk.longPriceUsdPerTonne[s] += (next - mk.longPriceUsdPerTonne[s]) / world.ticksPerYear;
  }
}

/** Whether exports from segment s are restricted this tick (quota, licensing or any ban): s then forms a price pool of its own. */
export function isRestricted(world: World, s: number): boolean {
  const p = world.effective;
  for (let d = 0; d < world.regions; d++) {
    const pair = s * world.regions + d;
    if (p.exportBanned[pair] === 1 || p.licenceApproval[pair] < 1 || (p.quotaApplies[pair] === 1 && p.exportQuotaTonnesPerTick[s] !== Infinity)) return true;
  }
  return false;
}

/**
 * The normal price of segment s: its base price plus the change in the cost of its input since the
 * start (cost pass-through), P_anchor = P₀ + (P_in − P₀,in)/yield with the input's price already formed
 * this tick, floored at 10% of base. Without it, a dearer input would squeeze the stage's margin until
 * it stopped producing; with a lagged input price, a fast upswing would still squeeze it.
 */
function anchorPrice(world: World, s: number): number {
  const mk = world.markets;
  const R = world.regions;
  const k = Math.floor(s / R) % 3;
  const base = mk.basePriceUsdPerTonne[s];
  if (k === 0) return base;
  const input = s - R;
  const m = Math.floor(s / (3 * R));
  const yieldShare = k === 1 ? world.spec.materials[m].processing.yield : world.spec.materials[m].manufacturing.yield;
  const passThrough = (mk.priceUsdPerTonne[input] - mk.basePriceUsdPerTonne[input]) / yieldShare;
  return Math.max(0.1 * base, base + passThrough);
}
