import type { World } from '../world/world.ts';
import { weeksToTicks } from '../world/initialiseSteadyState.ts';
import { stageSpecOf } from '../world/populateFirms.ts';
import { payPriceCut, shipGoods } from './shipGoods.ts';
import { leaderPaidPrice } from './priceLeadership.ts';
import { clearSegment, offerAtMarketCover } from './clearSegment.ts';
import { formPrices } from './formPrices.ts';

/**
 * Phase 10: trade and market clearing, market by market (m, k): arrivals from transit join the
 * traders' terminal stocks, traders ship (see {@link shipGoods}), each regional segment clears (see
 * {@link clearSegment}) and prices form on pools of freely trading regions (see {@link formPrices}), and traders update their import-need estimates
 * N_d ← N_d + α·(max(0, demand_d − offers_d/(1 + W)) − N_d), α = 1 − e^(−1/4 weeks) (recyclers' offers
 * counted at the market's cover, see `offerAtMarketCover`).
 */
export function clearMarkets(world: World): void {
  const { markets, regions: R } = world;
  const needSmoothing = 1 - Math.exp(-52 / (4 * world.ticksPerYear));
  for (let m = 0; m < world.materials; m++) {
    for (let k = 0; k < 3; k++) {
      const coverTicks = weeksToTicks(world, stageSpecOf(world.spec.materials[m], k).inventoryTargetWeeks);
      const recycledWeight = k === 1 ? (1 + coverTicks) / (1 + weeksToTicks(world, world.spec.materials[m].recycling.inventoryTargetWeeks)) : 1;
      const base = (m * 3 + k) * R;
      for (let d = 0; d < R; d++) receiveArrivals(world, base + d);
      shipGoods(world, m, k);
      // Landed costs read origin prices, so take them all before any segment's price moves.
      for (let d = 0; d < R; d++) world.scratch.landedCostUsdPerTonne[d] = landedCost(world, m, k, d);
      for (let r = 0; r < R; r++) {
        const s = base + r;
        clearSegment(world, s, recycledWeight);
        payLeadershipSubsidy(world, s);
        const demand = markets.localBidTonnes[s] + markets.publicBidTonnes[s] + markets.stockpileBidTonnes[s];
        const gap = Math.max(0, demand - offerAtMarketCover(markets, s, recycledWeight) / (1 + coverTicks));
        markets.importNeedTonnesPerTick[s] += (gap - markets.importNeedTonnesPerTick[s]) * needSmoothing;
        markets.exportEmaTonnesPerTick[s] += (markets.exportedTonnes[s] - markets.exportEmaTonnesPerTick[s]) / world.ticksPerYear;
        for (let d = 0; d < R; d++) markets.routeExportEmaTonnesPerTick[s * R + d] += (markets.tradeTonnes[s * R + d] - markets.routeExportEmaTonnesPerTick[s * R + d]) / world.ticksPerYear;
      }
      formPrices(world, m, k, coverTicks);
    }
  }
}

function receiveArrivals(world: World, s: number): void {
  const mk = world.markets;
  const index = s * mk.transitSlots + (world.tick % mk.transitSlots);
  const allied = mk.transitAlliedTonnes[index];
  const other = mk.transitOtherTonnes[index];
  mk.terminalAlliedTonnes[s] += allied;
  mk.terminalOtherTonnes[s] += other;
  mk.arrivedTonnes[s] = allied + other;
  mk.transitAlliedTonnes[index] = 0;
  mk.transitOtherTonnes[index] = 0;
}

/**
 * Average landed cost (price less cut, plus tariff) of this tick's shipments into region d, or 0: the
 * floor under d's price (formPrices). A binding quota's rent is left out: it is the gap to d's own
 * price (`quotaRentUsdPerTonne`), so it follows that price and cannot hold it up (counted, it would
 * keep d's price from ever falling while the quota binds).
 */
function landedCost(world: World, m: number, k: number, d: number): number {
  const { markets, effective, regions: R } = world;
  let tonnes = 0;
  let cost = 0;
  for (let r = 0; r < R; r++) {
    const s = (m * 3 + k) * R + r;
    const shipped = markets.tradeTonnes[s * R + d];
    if (shipped <= 0) continue;
    tonnes += shipped;
    cost += shipped * markets.priceUsdPerTonne[s] * (1 - effective.priceCut[s]) * (1 + effective.tariff[s * R + d]);
  }
  return tonnes > 0 ? cost / tonnes : 0;
}

/**
 * Under a `leadership` price cut on segment s, its producers sold this tick at a price that leadership
 * had taken the share d off, and the cutter pays them, per tonne sold, what `leaderPaidPrice` adds to
 * the traded price P̃: its part of the gap to the price without the lead, P̃·own/(1 − d), but never
 * beyond the normal price (docs/model.md §11), from its cut's budget and never beyond it. Sets
 * `saleSubsidyUsdPerTonne[s]`, which settlement adds to the traded price (0 elsewhere).
 */
function payLeadershipSubsidy(world: World, s: number): void {
  const mk = world.markets;
  mk.saleSubsidyUsdPerTonne[s] = 0;
  const price = mk.tradedPriceUsdPerTonne[s];
  const gapPerTonne = leaderPaidPrice(world, s, price) - price;
  if (gapPerTonne <= 0) return;
  const recycled = Math.min(mk.recycledOfferTonnes[s], mk.firmOfferTonnes[s]);
  const sold = (mk.firmOfferTonnes[s] - recycled) * mk.firmSellRatio[s] + recycled * mk.recycledSellRatio[s];
  if (sold <= 0) return;
  const e = world.effective.leadershipCutEvent[s];
  const left = Math.max(0, e >= 0 ? world.eventState.budgetLeftUsd[e] : world.foreignActor.budgetLeftUsd);
  const paid = Math.min(sold * gapPerTonne, left);
  if (paid <= 0) return;
  mk.saleSubsidyUsdPerTonne[s] = paid / sold;
  payPriceCut(world, e, paid);
}
