import type { World } from '../world/world.ts';

/** How sharply import shares follow landed costs: an origin 10% dearer gets (1/1.1)^8 ≈ 47% of the weight. Assumption. */
export const IMPORT_PRICE_SENSITIVITY = 8;

/**
 * Fills `scratch.weight` with importer d's weight for each origin r (part of trade, phase 10),
 * wᵣ ∝ max(min(s̄ᵣ, leftᵣ), ψ·leftᵣ)·(cost_min/costᵣ)^β with s̄ᵣ the month-long average
 * surplus (`smoothedSurplusTonnes`), leftᵣ the offers left this tick, ψ `exportWinBackShare` and
 * β = IMPORT_PRICE_SENSITIVITY; 0 where r cannot ship to d. The average keeps a supplier's buyers
 * through a week's dip in its stock; ψ lets an exporter whose stock only covers its own buyers still
 * receive orders when it is cheap, so it can win back the buyers it lost. A friend-shoring preference
 * (in costᵣ) weighs only the part backed by the surplus, min(s̄ᵣ, leftᵣ): the rest is weighed at the cost
 * without it, so members' buyers are steered to each other's surplus, not to the working stock a
 * member's own buyers need (which they would ship across and back, losing supply in transit).
 * An export quota does not enter the weight: importers order from a quota'd origin as from any other,
 * and the quota cuts the orders it cannot fill (shipGoods), which the next allocation round places
 * elsewhere. (Until session 23 the supply weighed was capped at the quota left, so a quota'd origin
 * received orders in proportion to its quota against the others' whole supply and a quota that never
 * bound cut exports by most of them: docs/model.md, G31.) What a quota does to the price importers
 * pay is its rent (costᵣ, `quotaRentUsdPerTonne`).
 * @returns The sum of the weights (0: no origin can ship to d).
 */
export function weighOrigins(world: World, m: number, k: number, d: number): number {
  const { markets, effective: { preference: preferences }, regions: R } = world;
  const sc = world.scratch;
  const reach = world.spec.behaviour.exportWinBackShare;
  let minCost = Infinity;
  for (let r = 0; r < R; r++) {
    sc.weight[r] = originCost(world, m, k, r, d);
    if (sc.weight[r] > 0) minCost = Math.min(minCost, sc.weight[r]);
  }
  let total = 0;
  for (let r = 0; r < R; r++) {
    const surplus = Math.min(markets.smoothedSurplusTonnes[(m * 3 + k) * R + r], sc.offerLeft[r]);
    const supply = Math.max(surplus, reach * sc.offerLeft[r], 1e-9 * sc.offerLeft[r]);
    if (sc.weight[r] <= 0) continue;
    const preference = preferences[r * R + d];
    // A preference weighs only the supply r's surplus backs: it steers orders to a member's surplus, not to the stock its own buyers need.
    const weighed = preference > 0 && supply > surplus ? surplus + (supply - surplus) * Math.pow(1 - preference, IMPORT_PRICE_SENSITIVITY) : supply;
    sc.weight[r] = weighed * costFactor(sc, d * R + r, minCost / sc.weight[r]);
    total += sc.weight[r];
  }
  return total;
}

/**
 * Importer d's cost of buying from origin r, (P_r·(1 − cut) + rent)·(1 + tariff)·(1 − preference),
 * USD/t (rent: `quotaRentUsdPerTonne`), or 0 where r cannot ship to d this tick (r = d, no offers left,
 * no quota left on the route, or banned).
 */
function originCost(world: World, m: number, k: number, r: number, d: number): number {
  const { markets, effective, regions: R } = world;
  const sc = world.scratch;
  const s = (m * 3 + k) * R + r;
  const routeQuota = effective.quotaApplies[s * R + d] === 1 ? sc.quotaLeft[r] : Infinity;
  if (r === d || sc.offerLeft[r] <= 0 || routeQuota <= 0 || effective.exportBanned[s * R + d] === 1) return 0;
  const price = markets.priceUsdPerTonne[s] * (1 - effective.priceCut[s]);
  return (price + quotaRentUsdPerTonne(world, s, r, d, price)) * (1 + effective.tariff[s * R + d]) * (1 - effective.preference[r * R + d]);
}

/**
 * The quota rent on the route from segment s (origin r) to importer d, USD/t: where r's export quota
 * covers the route and has been binding, its licences are scarce and whoever holds one sells at the
 * buyer's price, not at the exporter's (held down inside its own price pool by the quota: formPrices);
 * the rent is that gap times the share of the last month the quota bound (`quotaBindingAverage`),
 * max(0, P_d − price)·b̄. The importer pays it on top of `price` (the exporter's price less any cut)
 * and it goes to the exporter's government (the licences' value: in 2010–11 Japanese buyers paid about
 * US$15/kg for a licence on lanthanum). 0 on routes without a quota and once the quota stops binding.
 */
export function quotaRentUsdPerTonne(world: World, s: number, r: number, d: number, price: number): number {
  const { markets, regions: R } = world;
  const binding = markets.quotaBindingAverage[s];
  if (binding === 0 || world.effective.quotaApplies[s * R + d] !== 1) return 0;
  const buyerPrice = markets.priceUsdPerTonne[s - r + d];
  return buyerPrice > price ? (buyerPrice - price) * binding : 0;
}

/** The lowest cost at which importer d can buy from an origin this tick ({@link weighOrigins}' weighing), USD/t, or Infinity. */
export function cheapestLandedCost(world: World, m: number, k: number, d: number): number {
  let minCost = Infinity;
  for (let r = 0; r < world.regions; r++) {
    const cost = originCost(world, m, k, r, d);
    if (cost > 0) minCost = Math.min(minCost, cost);
  }
  return minCost;
}

/**
 * The licence delay importer d expects on its imports: the delays of the routes it would buy on,
 * weighted as its order would be split (licensing keeps that much more flow in transit, so the
 * traders' pipeline target covers it). May overwrite `scratch.weight`.
 * @returns Ticks (0 without licensing or without any origin).
 */
export function expectedLicenceDelayTicks(world: World, m: number, k: number, d: number): number {
  const { effective, regions: R } = world;
  // Without licensing on any route into d the weighted delay is 0 whatever the weights: skip them.
  let licensed = false;
  for (let r = 0; r < R; r++) if (effective.licenceDelayTicks[((m * 3 + k) * R + r) * R + d] !== 0) licensed = true;
  if (!licensed) return 0;
  const total = weighOrigins(world, m, k, d);
  if (total <= 0) return 0;
  let delay = 0;
  for (let r = 0; r < R; r++) if (world.scratch.weight[r] > 0) delay += world.scratch.weight[r] * effective.licenceDelayTicks[((m * 3 + k) * R + r) * R + d];
  return delay / total;
}

/** (cost ratio)^IMPORT_PRICE_SENSITIVITY, remembered per route: the same ratio gives the same bits without the call. */
function costFactor(sc: World['scratch'], route: number, ratio: number): number {
  if (ratio === sc.originCostRatio[route]) return sc.originCostFactor[route];
  const factor = Math.pow(ratio, IMPORT_PRICE_SENSITIVITY);
  sc.originCostRatio[route] = ratio;
  sc.originCostFactor[route] = factor;
  return factor;
}
