import type { World } from '../world/world.ts';

/**
 * Local clearing and price formation in one segment s (second half of phase 10).
 *
 * Supply: firms' offers left after exports, traders' terminal stock (allied and other origins) and
 * stockpile releases. Demand: local bids and stockpile purchases; in component markets public buyers
 * are served first and only from local firms and allied-origin stock. Sellers are filled pro rata.
 *
 * Price (inventory-coverage rule, after Meadows' commodity model): with C the target coverage
 * (1 + stock target in ticks), Δln P = clamp(κ·ln(C·D̄ / S̄), ±maxStep), where D̄ is demand including
 * exports and S̄ every tonne offered, both averaged over about a month: prices rise when
 * stocks offered cover demand for less than the target and fall when they cover more. An importing
 * segment's price never falls below the landed cost of this tick's imports (traders do not resell at
 * a loss), which passes tariffs through and keeps the two tiers apart when exports are restricted.
 * @param coverTicks - target stock of the selling stage, ticks
 * @param landedCostUsdPerTonne - average landed cost of this tick's imports into s (0 if none)
 */
export function clearSegment(world: World, s: number, coverTicks: number, landedCostUsdPerTonne: number): void {
  const mk = world.markets;
  const firmAvailable = Math.max(0, mk.firmOfferTonnes[s] - mk.exportedTonnes[s]);
  const alliedStock = mk.terminalAlliedTonnes[s];
  const otherStock = mk.terminalOtherTonnes[s];
  const stockpileOffer = mk.stockpileOfferTonnes[s];
  const publicBid = mk.publicBidTonnes[s];
  const privateBid = mk.localBidTonnes[s] + mk.stockpileBidTonnes[s];
  const publicSupply = firmAvailable + alliedStock;
  const publicFilled = Math.min(publicBid, publicSupply);
  const publicTake = publicSupply > 0 ? publicFilled / publicSupply : 0;
  const privateSupply = (firmAvailable + alliedStock) * (1 - publicTake) + otherStock + stockpileOffer;
  const privateFilled = Math.min(privateBid, privateSupply);
  const privateTake = privateSupply > 0 ? privateFilled / privateSupply : 0;
  const firmLocalSold = firmAvailable * (publicTake + (1 - publicTake) * privateTake);
  mk.firmSellRatio[s] = mk.firmOfferTonnes[s] > 0 ? (firmLocalSold + mk.exportedTonnes[s]) / mk.firmOfferTonnes[s] : 0;
  mk.publicFillRatio[s] = publicBid > 0 ? publicFilled / publicBid : 1;
  mk.bidFillRatio[s] = privateBid > 0 ? privateFilled / privateBid : 1;
  mk.terminalSellRatio[s] = privateTake;
  const price = mk.priceUsdPerTonne[s];
  mk.tradedPriceUsdPerTonne[s] = price;
  const alliedSold = alliedStock * (publicTake + (1 - publicTake) * privateTake);
  const otherSold = otherStock * privateTake;
  mk.terminalAlliedTonnes[s] = alliedStock - alliedSold;
  mk.terminalOtherTonnes[s] = otherStock - otherSold;
  world.ledger.tradersUsd += (alliedSold + otherSold) * price;
  // Exports count on both sides: the coverage that matters to a seller is of all its buyers, at home and abroad.
  const demand = publicBid + privateBid + mk.exportedTonnes[s];
  const supply = mk.firmOfferTonnes[s] + alliedStock + otherStock + stockpileOffer;
  updatePrice(world, s, coverTicks, demand, supply, landedCostUsdPerTonne);
}

function updatePrice(world: World, s: number, coverTicks: number, demand: number, supply: number, landedCost: number): void {
  const mk = world.markets;
  const behaviour = world.spec.behaviour;
  const price = mk.priceUsdPerTonne[s];
  let next = price;
  const smoothing = world.salesSmoothing;
  const first = mk.smoothedDemandTonnes[s] === 0 && mk.smoothedSupplyTonnes[s] === 0;
  mk.smoothedDemandTonnes[s] = first ? demand : mk.smoothedDemandTonnes[s] + (demand - mk.smoothedDemandTonnes[s]) * smoothing;
  mk.smoothedSupplyTonnes[s] = first ? supply : mk.smoothedSupplyTonnes[s] + (supply - mk.smoothedSupplyTonnes[s]) * smoothing;
  const smoothedDemand = mk.smoothedDemandTonnes[s];
  const smoothedSupply = mk.smoothedSupplyTonnes[s];
  if (smoothedDemand > 0 || smoothedSupply > 0) {
    const pressure = Math.log(((1 + coverTicks) * Math.max(smoothedDemand, 1e-12)) / Math.max(smoothedSupply, 1e-12));
    const step = Math.max(-behaviour.maxLogPriceStepPerTick, Math.min(behaviour.maxLogPriceStepPerTick, behaviour.priceAdjustmentPerTick * pressure));
    next = price * Math.exp(step);
  }
  if (landedCost > 0) next = Math.max(next, landedCost);
  const base = mk.basePriceUsdPerTonne[s];
  next = Math.min(Math.max(next, base * 0.01), base * 1000);
  mk.priceUsdPerTonne[s] = next;
  const expectation = 1 / Math.max(1, behaviour.expectationYears * world.ticksPerYear);
  mk.expectedPriceUsdPerTonne[s] += (next - mk.expectedPriceUsdPerTonne[s]) * expectation;
  mk.longPriceUsdPerTonne[s] += (next - mk.longPriceUsdPerTonne[s]) / world.ticksPerYear;
}
