import type { World } from '../world/world.ts';

/**
 * Local clearing in one segment s (second half of phase 10).
 *
 * Supply: firms' offers left after exports, traders' terminal stock (allied and other origins) and
 * stockpile releases. Demand: local bids and stockpile purchases; in component markets public buyers
 * are served first and only from local firms and allied-origin stock. Sellers are filled pro rata.
 *
 * Records the month-long averages of demand (with exports) and supply that prices read (formPrices).
 */
export function clearSegment(world: World, s: number): void {
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
  smoothFlows(world, s, demand, supply);
}

/** Updates the month-long averages of demand (with exports) and supply offered that prices read. */
function smoothFlows(world: World, s: number, demand: number, supply: number): void {
  const mk = world.markets;
  const smoothing = world.salesSmoothing;
  const first = mk.smoothedDemandTonnes[s] === 0 && mk.smoothedSupplyTonnes[s] === 0;
  mk.smoothedDemandTonnes[s] = first ? demand : mk.smoothedDemandTonnes[s] + (demand - mk.smoothedDemandTonnes[s]) * smoothing;
  mk.smoothedSupplyTonnes[s] = first ? supply : mk.smoothedSupplyTonnes[s] + (supply - mk.smoothedSupplyTonnes[s]) * smoothing;
}
